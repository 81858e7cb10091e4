//! `lentera check` and `lentera new` on fixture sites: each kind of problem
//! shows up in the report and sets the exit code.

use lentera_check::{CheckOptions, Severity, run};
use lentera_core::config::Date;
use lentera_core::status::Status;

use crate::common::TestSite;

fn check(site: &TestSite) -> lentera_check::Report {
    run(
        site.root(),
        &CheckOptions {
            today: Date::parse("2025-06-01"),
            ..Default::default()
        },
    )
}

fn lentera(site: &TestSite, args: &[&str]) -> std::process::Output {
    site.lentera(args)
}

#[test]
fn clean_site_reports_translation_status() {
    let site = TestSite::fixture("basic");
    let report = check(&site);
    assert_eq!(report.errors(), 0, "{:?}", report.diagnostics);
    let row = report
        .translations
        .iter()
        .find(|r| r.key == "pelajaran/jalur-resmi")
        .unwrap();
    assert_eq!(row.langs["id"], Status::Original);
    assert_eq!(row.langs["en"], Status::Missing);
    let home = report
        .translations
        .iter()
        .find(|r| r.key.is_empty())
        .unwrap();
    assert_eq!(home.langs["en"], Status::Translated);
}

#[test]
fn stale_translation_and_stale_contact_are_warnings() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/jalur-resmi.en.md",
        "---\ntitle: Legal route\nupdated: 2026-01-01\ntranslation: reviewed\n---\nText.\n",
    );
    site.write(
        "content/desa/sukamaju.yaml",
        "name: Sukamaju\nkabupaten: Contoh Raya\ncontacts:\n  - name: Pak Kades\n    phone: 0812-0000-0000\n    verified: 2024-12-02\n    checked: 2025-01-02\n    checked_by: AB\n    how: called\ndesignated: 2025-09-25\n",
    );
    let report = run(
        site.root(),
        &CheckOptions {
            today: Date::parse("2026-11-28"),
            ..Default::default()
        },
    );
    let row = report
        .translations
        .iter()
        .find(|r| r.key == "pelajaran/jalur-resmi")
        .unwrap();
    assert_eq!(row.langs["en"], Status::Stale);
    let messages: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| d.message.to_string())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`en` translation is older")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`kp2mi` were never checked by a person")),
        "{messages:?}"
    );
    let local = report
        .diagnostics
        .iter()
        .find(|d| {
            d.message
                .to_string()
                .contains("`Pak Kades` was last checked on 2025-01-02")
        })
        .unwrap_or_else(|| panic!("{messages:?}"));
    assert_eq!(
        local.file,
        std::path::Path::new("content/desa/sukamaju.yaml")
    );
    assert_eq!(local.line, 4);
    assert_eq!(report.errors(), 0);
    assert!(report.warnings() >= 3);
    let shorter = run(
        site.root(),
        &CheckOptions {
            today: Date::parse("2025-06-01"),
            stale_after_days: Some(30),
            ..Default::default()
        },
    );
    assert!(
        shorter
            .diagnostics
            .iter()
            .any(|d| d.message.to_string().contains("more than 30 days"))
    );
}

#[test]
fn broken_link_missing_image_and_bad_village_are_errors_with_lines() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/x.md",
        "---\ntitle: X\n---\n[a](nope.md)\n\n![b](nope.png)\n",
    );
    let report = check(&site);
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(
        errors
            .iter()
            .any(|d| d.line == 4 && d.message.to_string().contains("nope.md")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|d| d.line == 6 && d.message.to_string().contains("nope.png")),
        "{errors:?}"
    );

    let site = TestSite::fixture("basic");
    site.write(
        "content/desa/x.yaml",
        "name: X\nkabupaten: K\nlessons: [modus/hilang]\ndesignated: 2025-09-25\n",
    );
    let report = check(&site);
    assert!(report.diagnostics.iter().any(|d| d.file.ends_with("x.yaml")
        && d.line == 3
        && d.message.to_string().contains("modus/hilang")));
}

#[test]
fn missing_interface_strings_are_reported_per_language() {
    let site = TestSite::fixture("i18n");
    let report = check(&site);
    assert!(report.missing_strings["ar"].contains(&"fallback_title".to_string()));
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.message.to_string().contains("missing in `ar`"))
    );
}

#[test]
fn exit_codes_and_json() {
    let site = TestSite::fixture("basic");
    // Numbers never checked → warnings only.
    let out = lentera(&site, &["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("warning[numbers-never-checked]: the numbers of `kp2mi`")
            && stdout.contains("--> content/site.yaml:11:3"),
        "{stdout}"
    );
    assert!(
        stdout.contains("pelajaran/jalur-resmi"),
        "translation table: {stdout}"
    );
    assert_eq!(
        lentera(&site, &["check", "--strict"]).status.code(),
        Some(1)
    );
    let json = lentera(&site, &["check", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(value["translations"].as_array().unwrap().len() >= 5);
    site.write("content/pelajaran/x.md", "---\ntitle: X\nsumary: y\n---\n");
    let out = lentera(&site, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "error[yaml-unknown-key]: unknown key `sumary`\n --> content/pelajaran/x.md:3:1"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("hint: did you mean `summary`?"));
    assert!(!site.root().join("output").exists(), "check writes nothing");
}

#[test]
fn status_page_is_built_for_staff() {
    let site = TestSite::fixture("basic");
    let mut opts = crate::common::options(false, false);
    opts.render.status_page = true;
    let build = site.build_with(opts).unwrap();
    let page = crate::common::html(&build, "status/index.html");
    assert!(page.contains("noindex"));
    assert!(page.contains("pelajaran/jalur-resmi"));
    assert!(page.contains("belum ada"), "missing translation shown");
    let home = crate::common::html(&build, "index.html");
    assert!(!home.contains("status/"), "not linked from public pages");
}

#[test]
fn new_lesson_and_village_build_as_drafts() {
    let site = TestSite::fixture("basic");
    let out = lentera(&site, &["new", "lesson", "pelajaran/langkah-baru"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text =
        std::fs::read_to_string(site.root().join("content/pelajaran/langkah-baru.id.md")).unwrap();
    assert!(
        text.contains("weight: 30"),
        "next weight after 10 and 20: {text}"
    );
    assert!(
        text.contains("# Jenis: procedure"),
        "explained in Indonesian"
    );
    for key in [
        "title:",
        "summary:",
        "kind:",
        "weight:",
        "updated:",
        "keywords:",
        "key_points:",
        "sources:",
        "draft: true",
    ] {
        assert!(text.contains(key), "{key} missing");
    }
    let again = lentera(&site, &["new", "lesson", "pelajaran/langkah-baru"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let en = lentera(
        &site,
        &["new", "lesson", "pelajaran/langkah-baru", "--lang", "en"],
    );
    assert!(en.status.success());
    assert!(
        std::fs::read_to_string(site.root().join("content/pelajaran/langkah-baru.en.md"))
            .unwrap()
            .contains("translation: draft")
    );
    assert!(
        lentera(&site, &["new", "village", "sumber-rejo"])
            .status
            .success()
    );
    assert!(
        !lentera(&site, &["new", "lesson", "tidak-ada/x"])
            .status
            .success()
    );
    assert!(
        !lentera(&site, &["new", "lesson", "pelajaran/Bad Name"])
            .status
            .success()
    );

    // Drafts are left out, and build with --drafts.
    let plain = site.build().unwrap();
    assert!(plain.file("pelajaran/langkah-baru/index.html").is_none());
    let mut opts = crate::common::options(false, false);
    opts.drafts = true;
    let with_drafts = site.build_with(opts).unwrap();
    assert!(
        with_drafts
            .file("pelajaran/langkah-baru/index.html")
            .is_some()
    );
    assert!(
        with_drafts
            .file("en/pelajaran/langkah-baru/index.html")
            .is_some()
    );
    assert!(with_drafts.file("desa/sumber-rejo/index.html").is_some());
}

/// See: #12. `check` reports every warning `build` prints, with the same
/// words: one list, made in one place.
#[test]
fn check_reports_exactly_what_build_warns_about() {
    let site = TestSite::fixture("basic");
    // An untranslated leaflet lesson (the fixture village prints `en`
    // lessons in `id`), numbers never checked, the placeholder base_url and
    // removed HTML.
    site.write(
        "content/pelajaran/x.md",
        "---\ntitle: X\n---\nTeks <script>alert(1)</script> di sini.\n",
    );
    let today = Date::parse("2026-11-30").unwrap();
    let mut opts = crate::common::options(false, false);
    opts.render.build_date = Some(today);
    let build = site.build_with(opts.clone()).unwrap();
    let report = run(
        site.root(),
        &CheckOptions {
            build: opts,
            today: Some(today),
            ..Default::default()
        },
    );
    let key = |d: &lentera_core::diagnostic::Diagnostic| {
        (d.message.code(), d.file.clone(), d.line, d.message.clone())
    };
    let mut from_build: Vec<_> = build.warnings.iter().map(key).collect();
    let mut from_check: Vec<_> = report.diagnostics.iter().map(key).collect();
    from_build.sort();
    from_check.sort();
    let codes: std::collections::BTreeSet<&str> = from_build.iter().map(|k| k.0).collect();
    for code in [
        "numbers-never-checked",
        "base-url-placeholder",
        "leaflet-untranslated",
        "removed-element",
    ] {
        assert!(codes.contains(code), "{code} missing from {codes:?}");
    }
    assert_eq!(from_build, from_check);
}
