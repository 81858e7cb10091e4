//! Issue 23: what `lentera new` writes cannot be published unfilled, a
//! translation starts from its original, stale and unpublished translations
//! are shown, and the staff status page is not part of a plain build.

use lentera_check::{CheckOptions, Severity, run};
use lentera_core::config::Date;
use lentera_core::status::Status;
use lentera_messages::Msg;

use crate::common::TestSite;

fn check(site: &TestSite) -> lentera_check::Report {
    run(
        site.root(),
        &CheckOptions {
            today: Date::parse("2026-12-01"),
            ..Default::default()
        },
    )
}

fn read(site: &TestSite, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).unwrap()
}

/// The file with its `draft: true` line turned into `draft: false`.
fn publish(site: &TestSite, rel: &str) {
    let text = read(site, rel);
    assert!(text.contains("\ndraft: true\n"), "{text}");
    site.write(rel, &text.replace("\ndraft: true\n", "\ndraft: false\n"));
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.starts_with(needle)).unwrap() + 1
}

/// The errors of a failed build, as (file, line, code, hint code).
fn errors(err: &lentera_core::Error) -> Vec<(String, usize, &'static str, Option<&'static str>)> {
    err.diagnostics()
        .into_iter()
        .map(|d| {
            (
                d.file.display().to_string(),
                d.line,
                d.message.code(),
                d.hint.as_ref().map(Msg::code),
            )
        })
        .collect()
}

#[test]
fn an_unfilled_village_fails_the_build_naming_file_line_and_field() {
    let site = TestSite::fixture("basic");
    let out = site.lentera(&["new", "village", "sukamaju-pesisir"]);
    assert!(out.status.success(), "{}", crate::common::printed(&out));
    let rel = "content/desa/sukamaju-pesisir.yaml";
    let text = read(&site, rel);
    assert!(
        text.contains("designated:\n"),
        "no default date for designated: {text}"
    );
    assert!(!text.contains(&Date::today().to_string()), "{text}");
    // `verified:` is the date of the number's source, not of a call (`checked:`).
    assert!(
        text.contains("`verified` (tanggal sumber itu, bukan tanggal Anda menelepon"),
        "{text}"
    );
    // As a draft it builds (with --drafts, it is even shown).
    let mut opts = crate::common::options(false, false);
    opts.drafts = true;
    site.build_with(opts).unwrap();

    publish(&site, rel);
    let err = site.build().unwrap_err();
    let found = errors(&err);
    let file = rel.to_string();
    for (field, code) in [
        ("name:", "placeholder"),
        ("kecamatan:", "placeholder"),
        ("kabupaten:", "placeholder"),
        ("provinsi:", "placeholder"),
        ("designated:", "designated-missing"),
    ] {
        let line = line_of(&text, field);
        assert!(
            found
                .iter()
                .any(|(f, l, c, _)| *f == file && *l == line && *c == code),
            "{field} at line {line}: {found:?}"
        );
    }
    // about: the line of its value, under the key.
    let about = line_of(&text, "about:") + 1;
    assert!(found.contains(&(file.clone(), about, "placeholder", Some("fill-placeholder"))));
    let url = text
        .lines()
        .position(|l| l.trim() == "url: https://www.example.org/")
        .unwrap()
        + 1;
    assert!(found.contains(&(file.clone(), url, "example-url", Some("write-real-url"))));
    assert!(
        found
            .iter()
            .any(|(_, _, c, h)| *c == "designated-missing" && *h == Some("write-designated"))
    );
    // The message names the field and the placeholder, in both languages.
    let text_en = err.to_string();
    assert!(
        text_en.contains("`kecamatan` still holds the placeholder `[ISI: Nama Kecamatan]`"),
        "{text_en}"
    );
    let kec = err
        .diagnostics()
        .into_iter()
        .find(|d| d.line == line_of(&text, "kecamatan:"))
        .unwrap();
    assert_eq!(
        kec.message.text(lentera_messages::Lang::Id),
        "`kecamatan` masih berisi isian contoh `[ISI: Nama Kecamatan]` dari `lentera new`"
    );

    // The command line fails too, and `check --strict` (and plain check).
    let out = site.lentera(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let printed = crate::common::printed(&out);
    assert!(
        printed.contains(&format!("{rel}:{}", line_of(&text, "kecamatan:"))),
        "{printed}"
    );
    assert_eq!(site.lentera(&["check", "--strict"]).status.code(), Some(1));
    let report = check(&site);
    assert!(report.errors() >= 7, "{:?}", report.diagnostics);
}

#[test]
fn a_lesson_left_as_the_scaffold_fails_build_and_strict_check() {
    let site = TestSite::fixture("basic");
    let out = site.lentera(&["new", "lesson", "pelajaran/langkah-baru"]);
    assert!(out.status.success(), "{}", crate::common::printed(&out));
    let rel = "content/pelajaran/langkah-baru.id.md";
    let text = read(&site, rel);
    // The draft builds.
    site.build().unwrap();
    assert_eq!(check(&site).errors(), 0);

    publish(&site, rel);
    let err = site.build().unwrap_err();
    let found = errors(&err);
    let line = |needle: &str| line_of(&text, needle);
    let first_item = |key: &str| line(key) + 1;
    let body = text
        .lines()
        .position(|l| l.starts_with("## [ISI:"))
        .unwrap()
        + 1;
    let expected = [
        (line("title:"), "placeholder"),
        (line("summary:"), "placeholder"),
        (line("keywords:"), "placeholder"),
        (first_item("key_points:"), "placeholder"),
        (first_item("sources:"), "placeholder"),
        (body, "placeholder-in-body"),
    ];
    for (l, code) in expected {
        assert!(
            found
                .iter()
                .any(|(f, fl, c, _)| f == rel && *fl == l && *c == code),
            "line {l} {code}: {found:?}"
        );
    }
    // One error per field: the three key points are one error.
    assert_eq!(
        found
            .iter()
            .filter(|(_, _, c, _)| *c == "placeholder")
            .count(),
        5,
        "{found:?}"
    );
    let out = site.lentera(&["check", "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("`title` still holds the placeholder `[ISI: Judul pelajaran]`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("draft: true"),
        "the hint names drafts: {stdout}"
    );
    assert_eq!(site.lentera(&["build"]).status.code(), Some(1));
}

#[test]
fn a_filled_lesson_publishes() {
    let site = TestSite::fixture("basic");
    site.lentera(&["new", "lesson", "pelajaran/langkah-baru"]);
    let rel = "content/pelajaran/langkah-baru.id.md";
    let text = read(&site, rel)
        .replace("[ISI: Judul pelajaran]", "Langkah baru")
        .replace("\"[ISI: ", "\"")
        .replace(".]\"", ".\"")
        .replace("]\"", "\"")
        .replace("https://www.example.org/", "https://kp2mi.go.id/")
        .replace("## [ISI: Judul bagian pertama]", "## Mulai")
        .replace("[ISI: ", "")
        .replace(".]", ".")
        .replace("\ndraft: true\n", "\n");
    site.write(rel, &text);
    let build = site.build().unwrap();
    assert!(build.file("pelajaran/langkah-baru/index.html").is_some());
}

#[test]
fn a_translation_starts_from_the_original() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/asal.id.md",
        "---\ntitle: \"Asal: \\\"kata\\\" penting\"\nsummary: Ringkasan asli.\nkind: scam\nweight: 70\nupdated: 2026-11-02\nkeywords: [calo, tipu]\nkey_points:\n  - Poin satu.\n  - Poin dua.\nquestions:\n  - ask: Calo bisa dipercaya.\n    answer: false\n    why: Calo menipu.\n  - ask: Ke mana mendaftar?\n    choices: [Calo, Disnaker]\n    answer: b\n    why: Disnaker resmi.\nsources:\n  - title: \"UU 18/2017\"\n    url: https://peraturan.go.id/\n---\n## Tanda bahaya\n\nKalimat pertama\nberlanjut di sini.\n\n- Butir satu.\n1. Nomor satu.\n\n```\nkode tetap\n```\n\n| a | b |\n|---|---|\n| sel | sel2 |\n\n> [!NOTE]\n> Catatan.\n",
    );
    let out = site.lentera(&["new", "lesson", "pelajaran/asal", "--lang", "en"]);
    assert!(out.status.success(), "{}", crate::common::printed(&out));
    let rel = "content/pelajaran/asal.en.md";
    let text = read(&site, rel);
    for want in [
        "title: \"[ISI: terjemahkan] Asal: \\\"kata\\\" penting\"\n",
        "summary: \"[ISI: terjemahkan] Ringkasan asli.\"\n",
        "kind: scam\n",
        "weight: 70\n",
        "\nupdated:\n",
        "  - \"[ISI: terjemahkan] calo\"\n",
        "  - \"[ISI: terjemahkan] Poin dua.\"\n",
        "  - title: \"UU 18/2017\"\n    url: \"https://peraturan.go.id/\"\n",
        "translation: draft\n",
        "draft: true\n",
        "## [ISI: terjemahkan] Tanda bahaya\n",
        "[ISI: terjemahkan] Kalimat pertama\n[ISI: terjemahkan] berlanjut di sini.\n",
        "- [ISI: terjemahkan] Butir satu.\n",
        "1. [ISI: terjemahkan] Nomor satu.\n",
        "```\nkode tetap\n```\n",
        "| [ISI: terjemahkan] a | b |\n|---|---|\n",
        "> [!NOTE]\n> [ISI: terjemahkan] Catatan.\n",
        "(`updated:` aslinya 2026-11-02)",
        "questions:\n  - ask: \"[ISI: terjemahkan] Calo bisa dipercaya.\"\n    answer: false\n    why: \"[ISI: terjemahkan] Calo menipu.\"\n",
        "    choices:\n      - \"[ISI: terjemahkan] Calo\"\n      - \"[ISI: terjemahkan] Disnaker\"\n    answer: \"b\"\n",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    // The copy parses as a page with the original's fields.
    let config =
        lentera_core::config::Config::load(&site.root().join("content/site.yaml")).unwrap();
    let page = lentera_core::content::parse_page("pelajaran/asal.en.md", &text, &config).unwrap();
    assert_eq!(page.front.kind, Some(lentera_core::content::Kind::Scam));
    assert_eq!(page.front.weight, 70);
    assert_eq!(page.front.key_points.len(), 2);
    let answers: Vec<_> = page
        .front
        .questions
        .iter()
        .map(|q| q.answer.clone())
        .collect();
    assert_eq!(
        answers,
        vec![
            lentera_core::content::front_matter::Answer::TrueFalse(false),
            lentera_core::content::front_matter::Answer::Choice("b".into())
        ]
    );
    assert_eq!(page.front.updated, None);
    assert_eq!(page.front.sources.len(), 1);
    // A draft: it builds, and the status shows it as unpublished.
    site.build().unwrap();
    let report = check(&site);
    let row = report
        .translations
        .iter()
        .find(|r| r.key == "pelajaran/asal")
        .unwrap();
    assert_eq!(row.langs["en"], Status::Unpublished);
    // Published without translating: an error per field, not a warning.
    publish(&site, rel);
    let err = site.build().unwrap_err();
    let found = errors(&err);
    assert!(
        found
            .iter()
            .any(|(f, l, c, _)| f == rel && *l == line_of(&text, "title:") && *c == "placeholder"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(f, _, c, _)| f == rel && *c == "placeholder-in-body")
    );

    // No original: said so, nothing written.
    let out = site.lentera(&["new", "lesson", "pelajaran/tanpa-asal", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let printed = crate::common::printed(&out);
    assert!(
        printed.contains("the original content/pelajaran/tanpa-asal.id.md does not exist"),
        "{printed}"
    );
    assert!(printed.contains("lentera new lesson pelajaran/tanpa-asal"));
    assert!(
        !site
            .root()
            .join("content/pelajaran/tanpa-asal.en.md")
            .exists()
    );
}

#[test]
fn a_translation_that_differs_from_its_original_is_warned_about() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/asal.id.md",
        "---\ntitle: Asal\nkind: scam\nweight: 70\nupdated: 2026-11-02\nkey_points:\n  - Satu.\n  - Dua.\n---\nTeks.\n",
    );
    site.write(
        "content/pelajaran/asal.en.md",
        "---\ntitle: Origin\nkind: info\nweight: 30\nupdated: 2026-11-02\nkey_points:\n  - One.\ntranslation: reviewed\n---\nText.\n",
    );
    let report = check(&site);
    let warnings: Vec<(usize, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| {
            d.severity == Severity::Warning
                && d.file.to_string_lossy() == "content/pelajaran/asal.en.md"
        })
        .map(|d| (d.line, d.message.code()))
        .collect();
    assert_eq!(
        warnings,
        vec![
            (3, "translation-kind-differs"),
            (4, "translation-weight-differs"),
            (6, "translation-key-points-differ"),
        ]
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.message.code() == "translation-weight-differs")
        .unwrap();
    assert_eq!(
        d.message.to_string(),
        "this translation has `weight: 30`, its original `weight: 70`: the order differs between languages"
    );
    assert_eq!(
        d.hint.as_ref().unwrap().to_string(),
        "make it the same as in the original, content/pelajaran/asal.id.md"
    );
    // The same translation matching its original: no warning.
    site.write(
        "content/pelajaran/asal.en.md",
        "---\ntitle: Origin\nkind: scam\nweight: 70\nupdated: 2026-11-02\nkey_points:\n  - One.\n  - Two.\ntranslation: reviewed\n---\nText.\n",
    );
    let report = check(&site);
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.file.to_string_lossy() == "content/pelajaran/asal.en.md"),
        "{:?}",
        report.diagnostics
    );
}

#[test]
fn a_stale_draft_translation_is_reported_everywhere() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/asal.id.md",
        "---\ntitle: Asal\nupdated: 2026-11-02\n---\nTeks.\n",
    );
    site.write(
        "content/pelajaran/asal.en.md",
        "---\ntitle: Origin\nupdated: 2026-10-01\ntranslation: draft\n---\nText.\n",
    );
    let report = check(&site);
    let row = report
        .translations
        .iter()
        .find(|r| r.key == "pelajaran/asal")
        .unwrap();
    assert_eq!(row.langs["en"], Status::Stale);
    let stale = report
        .diagnostics
        .iter()
        .find(|d| d.message.code() == "translation-stale")
        .unwrap();
    assert_eq!(
        (stale.file.to_string_lossy().as_ref(), stale.line),
        ("content/pelajaran/asal.en.md", 3),
        "points at the translation's `updated:`"
    );
    // The JSON and the human table.
    let out = site.lentera(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = json["translations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "pelajaran/asal")
        .unwrap();
    assert_eq!(row["langs"]["en"], "stale");
    let out = site.lentera(&["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let table_row = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("pelajaran/asal "))
        .unwrap();
    assert_eq!(
        table_row.split_whitespace().collect::<Vec<_>>(),
        ["pelajaran/asal", "O", "S"]
    );
    assert!(
        stdout.contains("`draft: true`: NOT published")
            && stdout.contains("`translation: draft`: PUBLISHED"),
        "the legend explains both drafts: {stdout}"
    );
    // The status page.
    let mut opts = crate::common::options(false, false);
    opts.render.status_page = true;
    let build = site.build_with(opts).unwrap();
    let page = crate::common::html(&build, "status/index.html");
    let row = page
        .split("<tr>")
        .find(|r| r.contains(">pelajaran/asal<"))
        .unwrap();
    assert!(row.contains("perlu diperbarui"), "{row}");

    // With `draft: true` the same file is unpublished, not missing.
    site.write(
        "content/pelajaran/asal.en.md",
        "---\ntitle: Origin\nupdated: 2026-10-01\ntranslation: draft\ndraft: true\n---\nText.\n",
    );
    let report = check(&site);
    let row = report
        .translations
        .iter()
        .find(|r| r.key == "pelajaran/asal")
        .unwrap();
    assert_eq!(row.langs["en"], Status::Unpublished);
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.message.code() == "translation-stale"),
        "not published: nothing stale for readers"
    );
    let mut opts = crate::common::options(false, false);
    opts.render.status_page = true;
    let build = site.build_with(opts).unwrap();
    let page = crate::common::html(&build, "status/index.html");
    let row = page
        .split("<tr>")
        .find(|r| r.contains(">pelajaran/asal<"))
        .unwrap();
    assert!(row.contains("belum terbit"), "{row}");
    assert!(!row.contains("belum ada"), "{row}");
    assert!(page.contains("BELUM TERBIT"), "legend");
}

#[test]
fn the_status_page_is_only_built_when_asked() {
    let site = TestSite::fixture("basic");
    let plain = site.build().unwrap();
    assert!(plain.file("status/index.html").is_none());
    assert!(
        !plain.files.iter().any(|f| f.path.starts_with("status/")),
        "no status/ in a plain build"
    );
    let mut opts = crate::common::options(false, false);
    opts.render.status_page = true;
    let with = site.build_with(opts).unwrap();
    assert!(with.file("status/index.html").is_some());

    // The command line: a plain build writes no status/, --status does, and
    // the option is part of what makes a build up to date.
    let out = site.lentera(&["build"]);
    assert!(out.status.success(), "{}", crate::common::printed(&out));
    assert!(!site.root().join("output/status").exists());
    let out = site.lentera(&["build", "--status"]);
    assert!(out.status.success(), "{}", crate::common::printed(&out));
    assert!(site.root().join("output/status/index.html").is_file());
    let out = site.lentera(&["build"]);
    assert!(out.status.success());
    assert!(!site.root().join("output/status").exists());
}
