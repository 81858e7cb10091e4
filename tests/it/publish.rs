//! Publishing and printing safely (issue #22, items 1 and 2): the sample box
//! and watermark while `base_url` is a placeholder, `check --publish` and each
//! of its reasons, numbers checked by people (the dates leaflets print), the
//! call sheet of `lentera contacts`, and the `verified:` → `source_date:` move.

#[cfg(feature = "leaflets")]
use std::path::Path;
#[cfg(feature = "leaflets")]
use std::process::Command;

use lentera_check::{CheckOptions, Report, Severity, run};
use lentera_core::config::Date;
#[cfg(feature = "leaflets")]
use lentera_core::output::Contents;

use crate::common::{TestSite, copy_dir, repo};

/// A date at which the fixed fixture's check (2026-11-01) is recent.
const TODAY: &str = "2026-11-28";

/// The basic fixture made publishable: a real address, every number checked
/// by a person, and its village printed only in the language its lesson is
/// written in.
fn fixed() -> TestSite {
    let site = TestSite::fixture("basic");
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    let yaml = yaml
        .replace(
            "base_url: https://contoh.example/desa",
            "base_url: https://desabinaan.contoh.id/",
        )
        .replace(
            "    source_date: 2025-04-10\n",
            "    source_date: 2025-04-10\n    checked: 2026-11-01\n    checked_by: \"RW\"\n    how: called\n",
        );
    site.write("content/site.yaml", &yaml);
    set_village_languages(&site, "[id]");
    site
}

fn set_village_languages(site: &TestSite, langs: &str) {
    let path = site.root().join("content/desa/sukamaju.yaml");
    let text: String = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|l| match l.starts_with("languages:") {
            true => format!("languages: {langs}\n"),
            false => format!("{l}\n"),
        })
        .collect();
    std::fs::write(&path, text).unwrap();
}

fn edit(site: &TestSite, rel: &str, from: &str, to: &str) {
    let path = site.root().join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn publish_check(site: &TestSite, drafts: bool) -> Report {
    run(
        site.root(),
        &CheckOptions {
            today: Date::parse(TODAY),
            publish: true,
            build: lentera_core::BuildOptions {
                drafts,
                ..Default::default()
            },
            ..Default::default()
        },
    )
}

/// The errors of a report as `file:line code`.
fn errors(report: &Report) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}:{} {}", d.file.display(), d.line, d.message.code()))
        .collect()
}

#[test]
fn fixed_fixture_passes_the_publish_check() {
    let site = fixed();
    let report = publish_check(&site, false);
    assert_eq!(errors(&report), Vec::<String>::new());
    // On the command line too (today's date: the check of 2026-11-01 is
    // recent until May 2027): exit code 0.
    let out = site.lentera(&["check", "--publish"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
}

#[test]
fn publish_fails_on_a_placeholder_base_url() {
    let site = fixed();
    edit(
        &site,
        "content/site.yaml",
        "https://desabinaan.contoh.id/",
        "https://desabinaan.example/",
    );
    let report = publish_check(&site, false);
    assert_eq!(
        errors(&report),
        ["content/site.yaml:1 base-url-placeholder"]
    );
    // The same site without --publish: a warning, no error.
    let plain = run(
        site.root(),
        &CheckOptions {
            today: Date::parse(TODAY),
            ..Default::default()
        },
    );
    assert_eq!(plain.errors(), 0);
    let out = site.lentera(&["check", "--publish"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("error[base-url-placeholder]: `base_url` https://desabinaan.example/ is a reserved or local name")
            && stdout.contains("--> content/site.yaml:1"),
        "{stdout}"
    );
}

#[test]
fn publish_fails_on_numbers_never_checked_or_checked_too_long_ago() {
    let site = fixed();
    edit(
        &site,
        "content/site.yaml",
        "    checked: 2026-11-01\n    checked_by: \"RW\"\n    how: called\n",
        "",
    );
    let report = publish_check(&site, false);
    assert_eq!(
        errors(&report),
        ["content/site.yaml:11 numbers-never-checked"]
    );
    // The warning that says the same is not repeated beside the error.
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning
                && d.message.code() == "numbers-never-checked"),
        "{:?}",
        report.diagnostics
    );

    let site = fixed();
    edit(
        &site,
        "content/site.yaml",
        "checked: 2026-11-01",
        "checked: 2026-01-01",
    );
    let report = publish_check(&site, false);
    assert_eq!(errors(&report), ["content/site.yaml:11 numbers-stale"]);
    assert!(
        report.diagnostics.iter().any(|d| d.message.to_string()
            == "the numbers of `kp2mi` were last checked on 2026-01-01, more than 180 days ago"),
        "{:?}",
        report.diagnostics
    );

    // A village's own number, never checked by a person.
    let site = fixed();
    edit(
        &site,
        "content/desa/sukamaju.yaml",
        "lessons:",
        "contacts:\n  - name: Pak Kades\n    phone: 0812-3456-7890\n    verified: 2026-10-01\nlessons:",
    );
    let report = publish_check(&site, false);
    assert_eq!(
        errors(&report),
        ["content/desa/sukamaju.yaml:8 phone-never-checked"]
    );
}

#[test]
fn publish_fails_on_a_leaflet_with_a_draft_translation() {
    let site = fixed();
    set_village_languages(&site, "[id, en]");
    site.write(
        "content/pelajaran/jalur-resmi.en.md",
        "---\ntitle: The legal route\ntranslation: draft\nkey_points:\n  - Register at Disnaker.\n---\nText.\n",
    );
    let report = publish_check(&site, false);
    assert_eq!(
        errors(&report),
        ["content/desa/sukamaju.yaml:7 publish-translation-draft"]
    );
    assert!(report.diagnostics.iter().any(|d| d.message.to_string().contains(
        "would print `pelajaran/jalur-resmi` from a draft translation (content/pelajaran/jalur-resmi.en.md"
    )));
    // Reviewed, it passes.
    edit(
        &site,
        "content/pelajaran/jalur-resmi.en.md",
        "translation: draft",
        "translation: reviewed",
    );
    assert_eq!(errors(&publish_check(&site, false)), Vec::<String>::new());
}

#[test]
fn publish_fails_on_a_leaflet_with_a_page_marked_draft() {
    let site = fixed();
    site.write(
        "content/pelajaran/baru.md",
        "---\ntitle: Pelajaran baru\ndraft: true\nkey_points:\n  - Belum selesai.\n---\nTeks.\n",
    );
    edit(
        &site,
        "content/desa/sukamaju.yaml",
        "lessons: [pelajaran/jalur-resmi]",
        "lessons: [pelajaran/jalur-resmi, pelajaran/baru]",
    );
    // Drafts are built (and printed) only with --drafts.
    let report = publish_check(&site, true);
    assert_eq!(
        errors(&report),
        ["content/desa/sukamaju.yaml:7 publish-lesson-draft"]
    );
}

#[test]
fn publish_fails_on_a_lesson_missing_in_a_village_language() {
    let site = fixed();
    set_village_languages(&site, "[id, en]");
    let report = publish_check(&site, false);
    assert_eq!(
        errors(&report),
        ["content/desa/sukamaju.yaml:7 publish-lesson-missing-in-lang"]
    );
    assert!(report.diagnostics.iter().any(|d| d.message.to_string()
        == "lesson `pelajaran/jalur-resmi` has no `en` version: the `en` leaflet and poster would print it in `id`"));
}

#[test]
fn publish_fails_on_a_qr_code_that_leads_to_no_page_of_the_build() {
    let site = fixed();
    // A tracking parameter in base_url: every QR code would open the home
    // page (`/?ref=leaflet/desa/…` is a query, not a path).
    edit(
        &site,
        "content/site.yaml",
        "https://desabinaan.contoh.id/",
        "https://desabinaan.contoh.id/?ref=leaflet",
    );
    let report = publish_check(&site, false);
    assert_eq!(
        errors(&report),
        ["content/desa/sukamaju.yaml:0 qr-target-missing"]
    );
}

#[test]
fn the_old_verified_key_stops_the_build_naming_source_date() {
    let site = TestSite::fixture("basic");
    edit(
        &site,
        "content/site.yaml",
        "    source_date: 2025-04-10",
        "    verified: 2025-04-10",
    );
    let out = site.lentera(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[yaml-within]: in `contacts[0]`: unknown key `verified`")
            && stderr.contains("content/site.yaml:18:5")
            && stderr.contains("hint: `verified:` is now `source_date:`"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------
// Leaflets and posters (PDF).

#[cfg(feature = "leaflets")]
fn tool(cmd: &str, args: &[&str]) -> std::process::Output {
    Command::new(cmd).args(args).output().unwrap()
}

#[cfg(feature = "leaflets")]
fn pdf_of(build: &lentera_core::Build, path: &str, dir: &Path) -> std::path::PathBuf {
    let bytes = match &build
        .file(path)
        .unwrap_or_else(|| panic!("{path}"))
        .contents
    {
        Contents::Bytes(b) => b.clone(),
        Contents::Copy(p) | Contents::Staged { path: p, .. } => std::fs::read(p).unwrap(),
    };
    let out = dir.join(path.replace('/', "_"));
    std::fs::write(&out, bytes).unwrap();
    out
}

#[cfg(feature = "leaflets")]
/// The text layer, whitespace collapsed to single spaces.
fn text_of(pdf: &Path) -> String {
    let out = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(feature = "leaflets")]
/// What zbarimg reads on page 1 at 150 dpi ("" when it finds no code).
fn qr_of(pdf: &Path) -> String {
    let png = pdf.with_extension("");
    tool(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "-png",
            pdf.to_str().unwrap(),
            png.to_str().unwrap(),
        ],
    );
    let out = tool(
        "zbarimg",
        &["-q", "--raw", &format!("{}.png", png.display())],
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[cfg(feature = "leaflets")]
const BOX_ID: &str = "Contoh: alamat situs belum ditetapkan — jangan dicetak untuk dibagikan";
#[cfg(feature = "leaflets")]
const BOX_EN: &str =
    "Sample: the site's address is not set yet — do not print this for distribution";

#[cfg(feature = "leaflets")]
#[test]
fn placeholder_address_prints_a_sample_box_and_watermark_instead_of_the_qr_code() {
    // The basic fixture's base_url is under `.example`.
    let site = TestSite::fixture("basic");
    let build = site.build().unwrap();
    let placeholder: Vec<_> = build
        .warnings
        .iter()
        .filter(|w| w.message.code() == "base-url-placeholder")
        .collect();
    assert_eq!(placeholder.len(), 1, "one warning: {:?}", build.warnings);
    assert_eq!(
        placeholder[0].located(),
        "content/site.yaml:1: `base_url` https://contoh.example/desa/ is a reserved or local name, not the site's real address: leaflets and posters print a sample box and a watermark instead of the QR code"
    );
    // The site itself still builds.
    assert!(build.file("desa/sukamaju/index.html").is_some());
    if !crate::common::pdf_tools_ready() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (path, sample, mark) in [
        ("desa/sukamaju/sukamaju-id.pdf", BOX_ID, "CONTOH"),
        ("desa/sukamaju/sukamaju-en.pdf", BOX_EN, "SAMPLE"),
        ("desa/sukamaju/sukamaju-poster-id.pdf", BOX_ID, "CONTOH"),
        ("desa/sukamaju/sukamaju-poster-en.pdf", BOX_EN, "SAMPLE"),
    ] {
        let pdf = pdf_of(&build, path, dir.path());
        let text = text_of(&pdf);
        assert!(text.contains(sample), "{path}: sample box: {text}");
        // The watermark, on every page (a leaflet has two).
        let pages = if path.contains("poster") { 1 } else { 2 };
        for page in 1..=pages {
            let p = page.to_string();
            let out = tool(
                "pdftotext",
                &["-raw", "-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
            );
            let page_text: String = String::from_utf8_lossy(&out.stdout)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            // Drawn first, behind the page: in content order (`-raw`), the
            // rotated word comes first, whole.
            assert!(
                page_text.starts_with(mark),
                "{path} page {page}: watermark: {page_text}"
            );
        }
        // No short address and no QR code.
        assert!(!text.contains("contoh.example"), "{path}: {text}");
        assert_eq!(qr_of(&pdf), "", "{path}: no QR code");
    }
}

#[cfg(feature = "leaflets")]
#[test]
fn real_address_prints_the_qr_code_and_no_sample_box() {
    let site = fixed();
    set_village_languages(&site, "[id, en]");
    let build = site.build().unwrap();
    assert!(
        !build
            .warnings
            .iter()
            .any(|w| w.message.code() == "base-url-placeholder"),
        "{:?}",
        build.warnings
    );
    if !crate::common::pdf_tools_ready() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (path, url) in [
        (
            "desa/sukamaju/sukamaju-id.pdf",
            "https://desabinaan.contoh.id/desa/sukamaju/",
        ),
        (
            "desa/sukamaju/sukamaju-poster-en.pdf",
            "https://desabinaan.contoh.id/en/desa/sukamaju/",
        ),
    ] {
        let pdf = pdf_of(&build, path, dir.path());
        let text = text_of(&pdf);
        for absent in [BOX_ID, BOX_EN, "CONTOH", "SAMPLE"] {
            assert!(!text.contains(absent), "{path}: {absent}: {text}");
        }
        assert_eq!(qr_of(&pdf), url, "{path}: QR code");
    }
}

#[cfg(feature = "leaflets")]
#[test]
fn leaflets_print_a_check_only_when_every_number_was_checked() {
    if !crate::common::pdf_tools_ready() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let text = |site: &TestSite, path: &str| {
        let build = site
            .build_with(crate::common::options(false, false))
            .unwrap();
        text_of(&pdf_of(&build, path, dir.path()))
    };
    // Checked by a person: the date of the check, never the source's.
    let site = fixed();
    set_village_languages(&site, "[id, en]");
    let id = text(&site, "desa/sukamaju/sukamaju-id.pdf");
    assert!(
        id.contains("Nomor terakhir diperiksa: 1 November 2026"),
        "{id}"
    );
    assert!(!id.contains("sumber bertanggal"), "{id}");
    let poster = text(&site, "desa/sukamaju/sukamaju-poster-en.pdf");
    assert!(
        poster.contains("Numbers last checked: 1 November 2026"),
        "{poster}"
    );

    // One printed number never checked (a village phone): the source date,
    // said as such, and no "checked" line at all.
    edit(
        &site,
        "content/desa/sukamaju.yaml",
        "lessons:",
        "contacts:\n  - name: Pak Kades\n    phone: 0812-3456-7890\n    verified: 2024-03-05\nlessons:",
    );
    let id = text(&site, "desa/sukamaju/sukamaju-id.pdf");
    assert!(
        id.contains("Nomor dari sumber bertanggal 5 Maret 2024"),
        "{id}"
    );
    assert!(!id.contains("terakhir diperiksa"), "{id}");
    let en = text(&site, "desa/sukamaju/sukamaju-en.pdf");
    assert!(
        en.contains("Numbers from a source dated 5 March 2024"),
        "{en}"
    );
    assert!(!en.contains("last checked"), "{en}");
}

// ---------------------------------------------------------------------------
// `lentera contacts` and the call sheet.

#[cfg(feature = "leaflets")]
fn pdfinfo(pdf: &Path) -> String {
    String::from_utf8_lossy(&tool("pdfinfo", &[pdf.to_str().unwrap()]).stdout).into_owned()
}

#[cfg(feature = "leaflets")]
#[test]
fn contacts_lists_due_numbers_oldest_first_and_writes_a_call_sheet() {
    let site = TestSite::fixture("basic");
    // A second contact, checked long ago: due, but after the never-checked.
    edit(
        &site,
        "content/site.yaml",
        "offices:",
        "  - key: polisi\n    name: Polisi\n    numbers: [{number: \"110\"}]\n    source_date: 2026-01-12\n    checked: 2024-02-01\n    checked_by: AB\n    how: called\noffices:",
    );
    let out = site.lentera(&["contacts", "--out", "sheet.pdf"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("3 numbers are due for checking"),
        "{stdout}"
    );
    assert!(
        lines[1].contains("0800-1000")
            && lines[1].contains("never checked (source dated 2025-04-10)")
            && lines[1].contains("[content/site.yaml:11]"),
        "{stdout}"
    );
    assert!(
        lines[2].contains("0811-8080-141") && lines[2].contains("(WhatsApp)"),
        "{stdout}"
    );
    assert!(
        lines[3].contains("110") && lines[3].contains("last checked 2024-02-01 by AB"),
        "{stdout}"
    );
    assert!(
        stderr.contains("wrote the call sheet sheet.pdf (1 × A4)"),
        "{stderr}"
    );
    if !crate::common::pdf_tools_ready() {
        return;
    }
    let pdf = site.root().join("sheet.pdf");
    let info = pdfinfo(&pdf);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    let text = text_of(&pdf);
    for expected in [
        "Call sheet: numbers to check",
        "0800-1000",
        "0811-8080-141",
        "110",
        "Call: is this KP2MI call centre? Still true: Toll-free?",
        "Send a WhatsApp message: does KP2MI call centre answer?",
        "Initials",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
}

#[cfg(feature = "leaflets")]
#[test]
fn real_call_sheet_is_one_a4_page_with_every_number() {
    if !crate::common::pdf_tools_ready() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("cek-nomor.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_lentera"))
        .args(["--lang", "id", "-r"])
        .arg(repo())
        .args(["contacts", "--out"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info = pdfinfo(&pdf);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    let text: String = text_of(&pdf)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let config = lentera_core::config::Config::load(&repo().join("content/site.yaml")).unwrap();
    let mut numbers = 0;
    for h in config.number_holders() {
        for n in h.numbers {
            let number: String = n.number.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(text.contains(&number), "{}", n.number);
            numbers += 1;
        }
    }
    assert!(numbers >= 8, "{numbers}");
    assert!(
        text.contains("Lembarceknomor") && text.contains("Paraf"),
        "{text}"
    );
}

#[cfg(feature = "leaflets")]
#[test]
fn a_long_call_sheet_flows_onto_more_pages_without_splitting_a_number() {
    if !crate::common::pdf_tools_ready() {
        return;
    }
    let site = TestSite::fixture("basic");
    let contacts: String = (0..30)
        .map(|i| format!("  - key: c{i}\n    name: Layanan nomor {i}\n    numbers: [{{number: \"0800-{i:04}\", note: \"Catatan {i}\"}}]\n    source_date: 2025-01-01\n"))
        .collect();
    edit(
        &site,
        "content/site.yaml",
        "offices:",
        &format!("{contacts}offices:"),
    );
    let out = site.lentera(&["contacts"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = site.root().join("cek-nomor.pdf");
    let info = pdfinfo(&pdf);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(pages >= 2, "{info}");
    // Each number with its own row on one page.
    let mut found = 0;
    for page in 1..=pages {
        let p = page.to_string();
        let out = tool(
            "pdftotext",
            &["-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Number"), "page {page}: header repeated");
        for i in 0..30 {
            if text.contains(&format!("0800-{i:04}")) {
                assert!(
                    text.contains(&format!("Catatan {i}")),
                    "page {page}: row {i} split"
                );
                found += 1;
            }
        }
    }
    assert_eq!(found, 30);
}

/// A copy of the real site (content and theme) with `base_url` set to `url`.
#[allow(dead_code)]
pub fn real_site_at(url: &str) -> TestSite {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    copy_dir(&repo().join("themes"), &dir.path().join("themes"));
    let site = TestSite { dir };
    edit(
        &site,
        "content/site.yaml",
        "base_url: https://desabinaan.example/",
        &format!("base_url: {url}"),
    );
    site
}
