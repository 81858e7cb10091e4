//! One case per error a user can cause: each names the file, the line and
//! what to do, and never panics.

use lentera_core::Error;

use crate::common::TestSite;

fn error_of(site: &TestSite) -> Error {
    site.build().expect_err("the build should fail")
}

fn text(err: &Error) -> String {
    err.to_string()
}

#[test]
fn unknown_front_matter_key_suggests_the_closest() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/x.md",
        "---\ntitle: X\nsumary: typo\n---\nx\n",
    );
    let err = error_of(&site);
    assert!(matches!(&err, Error::Yaml { line: 3, .. }), "{err:?}");
    assert_eq!(
        text(&err).lines().next().unwrap(),
        "content/pelajaran/x.md:3:1: unknown key `sumary`"
    );
    assert!(text(&err).contains("Valid keys: `title`, `summary`, `kind`"));
    assert!(text(&err).contains("hint: did you mean `summary`?"));
}

#[test]
fn yaml_syntax_error_reports_the_file_line() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/x.md",
        "---\ntitle: X\nkeywords: [a, b\nweight: 3\n---\nx\n",
    );
    let err = error_of(&site);
    match &err {
        Error::Yaml { path, line, .. } => {
            assert!(path.ends_with("x.md"));
            assert!(*line >= 3, "{err}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_site_key_suggests_the_closest() {
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        &config.replace("default_language:", "default_langauge:"),
    );
    let err = error_of(&site);
    assert!(matches!(&err, Error::Yaml { line: 2, .. }), "{err:?}");
    assert!(
        text(&err).contains("did you mean `default_language`?"),
        "{err}"
    );
}

#[test]
fn broken_link_names_file_line_and_hint() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/x.md",
        "---\ntitle: X\n---\nSatu.\n\nLihat [calo](penipuann.md).\n",
    );
    let err = error_of(&site);
    assert!(matches!(&err, Error::Content { line: 6, .. }), "{err:?}");
    assert!(
        text(&err).starts_with("content/pelajaran/x.md:6:7: the link `penipuann.md`"),
        "{err}"
    );
    assert!(text(&err).contains("did you mean the page `pelajaran/penipuan`?"));
}

#[test]
fn broken_anchor_is_an_error_with_suggestion() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/x.md",
        "---\ntitle: X\n---\n[c](penipuan.md#ciri)\n",
    );
    let err = error_of(&site);
    assert!(
        text(&err).contains("content/pelajaran/x.md:4: the link points to `#ciri`"),
        "{err}"
    );
    assert!(text(&err).contains("did you mean `#ciri-ciri`?"), "{err}");
}

#[test]
fn link_to_a_draft_is_an_error() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/x.md",
        "---\ntitle: X\n---\n[d](draf.md)\n",
    );
    assert!(text(&error_of(&site)).contains("does not exist (or is a draft)"));
}

#[test]
fn unknown_language_suffix_lists_configured_languages() {
    let site = TestSite::fixture("basic");
    site.write("content/pelajaran/x.fr.md", "---\ntitle: X\n---\n");
    let err = error_of(&site);
    assert!(text(&err).contains("`fr` in the file name is not a configured language"));
    assert!(text(&err).contains("configured languages: id, en"));
}

#[test]
fn default_language_twice_is_a_collision() {
    let site = TestSite::fixture("basic");
    site.write("content/pelajaran/penipuan.md", "---\ntitle: X\n---\n");
    let err = error_of(&site);
    assert!(matches!(err, Error::UrlCollision { .. }), "{err:?}");
    assert!(text(&err).contains("penipuan.id.md") && text(&err).contains("penipuan.md"));
}

#[test]
fn missing_front_matter_says_how_to_start() {
    let site = TestSite::fixture("basic");
    site.write("content/pelajaran/x.md", "# Judul\n");
    let err = error_of(&site);
    assert!(
        text(&err).contains("content/pelajaran/x.md:1: the file does not start with front matter")
    );
}

#[test]
fn missing_image_is_an_error() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/x.md",
        "---\ntitle: X\n---\n\n![foto](foto.jpg)\n",
    );
    let err = error_of(&site);
    assert!(
        text(&err).contains("content/pelajaran/x.md:5:1: `foto.jpg` does not exist"),
        "{err}"
    );
}

#[test]
fn village_with_missing_lesson_or_office() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/desa/rusak.yaml",
        "name: Rusak\nkabupaten: K\noffice: kanim-contho\nlessons:\n  - pelajaran/jalur-resmii\ndesignated: 2025-09-25\n",
    );
    let err = error_of(&site);
    let all = text(&err);
    assert!(
        all.contains("content/desa/rusak.yaml:3: office `kanim-contho` is not in site.yaml"),
        "{all}"
    );
    assert!(all.contains("did you mean `kanim-contoh`?"));
    assert!(
        all.contains("content/desa/rusak.yaml:5: lesson `pelajaran/jalur-resmii` does not exist")
    );
}

#[test]
fn template_error_names_template_line_and_page() {
    let site = TestSite::fixture("basic");
    site.write("templates/section.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ page.nothing.deeper }}\n{% endblock content %}\n");
    let err = error_of(&site);
    match &err {
        Error::Template {
            template,
            line,
            page,
            ..
        } => {
            assert_eq!(template, "section.html", "{err}");
            assert_eq!(*line, 3, "{err}");
            assert!(
                page.to_string().contains("while rendering content/")
                    && page.to_string().contains("_index"),
                "{page}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn template_syntax_error_names_template_and_line() {
    let site = TestSite::fixture("basic");
    site.write("templates/section.html", "ok\n{% if %}\n");
    let err = error_of(&site);
    assert!(
        matches!(&err, Error::Template { line: 2, template, .. } if template == "section.html"),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("while loading the templates"),
        "{err}"
    );
}

#[test]
fn missing_theme_is_named() {
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", &format!("{config}theme: nope\n"));
    assert!(matches!(error_of(&site), Error::ThemeNotFound { .. }));
}

#[test]
fn several_errors_are_reported_together() {
    let site = TestSite::fixture("basic");
    site.write("content/a.md", "---\ntitle: A\nkind: recipe\n---\n");
    site.write("content/b.md", "---\nweight: 1\n---\n");
    let err = error_of(&site);
    assert_eq!(err.flatten().len(), 2, "{err}");
}

#[test]
fn garbage_never_panics() {
    // (file, what is written into it, "line message-code" of the first error)
    let cases: &[(&str, &str, &str)] = &[
        ("content/x.md", "---\n---\n", "2 yaml-missing-key"),
        ("content/x.md", "---\ntitle: [\n---\n", "2 yaml-within"),
        (
            "content/x.md",
            "---\ntitle: X\n---\n[a](../../../../etc/passwd.md)\n",
            "4 link-outside-content",
        ),
        (
            "content/x.md",
            "---\ntitle: X\nupdated: 2026-02-30\n---\n",
            "3 not-a-date",
        ),
        ("content/x.md", "\u{0}\u{1}binary", "1 no-front-matter"),
        (
            "content/desa/x.yaml",
            "- just\n- a list\n",
            "1 yaml-wrong-type",
        ),
        ("content/site.yaml", "", "1 yaml-missing-key"),
        ("content/site.yaml", "base_url: 3\n", "1 yaml-missing-key"),
        ("content/i18n/en.yaml", "a: [1]\n", "1 yaml-within"),
        ("content/i18n/xx.yaml", "a: b\n", "0 lang-not-configured"),
    ];
    let mut wrong = Vec::new();
    for (path, text, code) in cases {
        let site = TestSite::fixture("basic");
        site.write(path, text);
        let result = std::panic::catch_unwind(|| site.build());
        match result {
            Ok(Err(err)) => {
                // The first problem is in the file written, with the
                // message this input calls for.
                let d = err.flatten()[0].diagnostic();
                let got = format!("{} {}", d.line, d.message.code());
                if !d.file.ends_with(path) || got != *code {
                    wrong.push(format!(
                        "{path} {text:?}: got {got} in {}: {err}",
                        d.file.display()
                    ));
                }
            }
            Ok(Ok(_)) => panic!("{path} with {text:?} built"),
            Err(_) => panic!("{path} with {text:?} panicked"),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn overriding_a_parent_template_without_its_blocks_names_the_child() {
    let site = TestSite::fixture("basic");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}x{% endblock content %}",
    );
    let err = error_of(&site);
    assert!(
        matches!(&err, Error::Template { template, line: 2, .. } if template == "kontak.html"),
        "{err:?}"
    );
    assert!(err.to_string().contains("after_body"), "{err}");
}

/// The position (line, column) an error is reported at.
fn position(err: &Error) -> (usize, usize) {
    match err {
        Error::Yaml { line, column, .. } | Error::Content { line, column, .. } => (*line, *column),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_bad_date_is_reported_at_its_own_line_and_column() {
    // Issue 23 item 5: `updated:` on line 11 was reported at 3:1, under `title:`.
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/x.md",
        "---\ntitle: X\nsummary: S\nkind: info\nweight: 3\nkeywords: [a]\nkey_points:\n  - Satu.\n  - Dua.\nsources: []\nupdated: 08-12-2026\n---\nx\n",
    );
    let err = error_of(&site);
    assert_eq!(position(&err), (11, 10), "{err}");
    assert!(text(&err).contains("did you mean 2026-12-08?"), "{err}");
}

#[test]
fn a_village_bad_designated_date_is_reported_at_its_line() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/desa/sukamaju.yaml",
        "name: Sukamaju\nkabupaten: Contoh Raya\noffice: kanim-contoh\ndesignated: 25/09/2025\n",
    );
    let err = error_of(&site);
    assert_eq!(position(&err), (4, 13), "{err}");
    assert!(text(&err).contains("did you mean 2025-09-25?"), "{err}");
}

#[test]
fn a_contact_bad_source_date_is_reported_at_its_line() {
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        &config.replace("source_date: 2025-04-10", "source_date: 2025-4-31"),
    );
    let line = config
        .lines()
        .position(|l| l.contains("source_date: 2025-04-10"))
        .unwrap()
        + 1;
    let err = error_of(&site);
    assert_eq!(position(&err), (line, 18), "{err}");
    let village = "name: Sukamaju\nkabupaten: Contoh Raya\ncontacts:\n  - name: Pak Kades\n    phone: 0812-3456-7890\n    verified: 2024-02-30\n";
    site.write("content/site.yaml", &config);
    site.write("content/desa/sukamaju.yaml", village);
    assert_eq!(position(&error_of(&site)), (6, 15));
}

#[test]
fn a_web_style_link_names_the_markdown_file_to_link() {
    // Issue 23 item 6: `(/pelajaran/penipuan)` said the file does not exist
    // and to put a file beside the page.
    let site = TestSite::fixture("basic");
    site.write(
        "content/desa/_index.id.md",
        "---\ntitle: Desa\n---\nBaca [penipuan](/pelajaran/penipuan) dan [bagian](../pelajaran).\n",
    );
    let err = error_of(&site);
    let all = text(&err);
    assert!(
        all.contains("the link `/pelajaran/penipuan` is written as a web address")
            && all.contains("write `../pelajaran/penipuan.md`"),
        "{all}"
    );
    assert!(all.contains("write `../pelajaran/_index.md`"), "{all}");
    assert!(!all.contains("put the file next to the page"), "{all}");
}
