//! Tests of site.yaml's loading and checks.
use super::*;

#[test]
fn today_is_the_date_in_jakarta_not_in_utc() {
    // 23:30 UTC on 29 November is 06:30 WIB on 30 November.
    let when: jiff::Timestamp = "2026-11-29T23:30:00Z".parse().unwrap();
    assert_eq!(Date::at("Asia/Jakarta", when).to_string(), "2026-11-30");
    assert_eq!(Date::at("UTC", when).to_string(), "2026-11-29");
}

#[test]
fn an_unknown_time_zone_is_an_error_with_its_line() {
    let err = Config::parse(
        Path::new("site.yaml"),
        "base_url: https://e.org/\ndefault_language: id\ntime_zone: Asia/Lampung\nlanguages:\n  - {code: id, name: I}\n",
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("site.yaml:3") && text.contains("Asia/Lampung"),
        "{text}"
    );
}

const MINIMAL: &str = "base_url: https://example.org\ndefault_language: id\nlanguages:\n  - code: id\n    name: Bahasa Indonesia\n  - code: en\n    name: English\n";

#[test]
fn base_url_flag_is_checked_and_normalised() {
    let ok = |u: &str| Config::checked_base_url(u);
    assert_eq!(
        ok("https://preview.example/pr-7").as_deref(),
        Some("https://preview.example/pr-7/")
    );
    assert_eq!(
        ok("http://localhost:8080/").as_deref(),
        Some("http://localhost:8080/")
    );
    assert_eq!(
        ok("HTTPS://Preview.Example").as_deref(),
        Some("https://preview.example/")
    );
    for bad in [
        "",
        "preview.example/x/",
        "/x/",
        "ftp://preview.example/",
        "javascript:alert(1)",
        "https://",
        "https://user:pw@preview.example/",
        "https://preview.example/?a=1",
        "https://preview.example/#top",
        "file:///tmp/site/",
    ] {
        assert_eq!(ok(bad), None, "{bad}");
    }
}

#[test]
fn parses_minimal_and_normalises_base_url() {
    let c = Config::parse(Path::new("site.yaml"), MINIMAL).unwrap();
    assert_eq!(c.base_url, "https://example.org/");
    assert_eq!(c.theme, "default");
    assert_eq!(c.lang_prefix("id"), "");
    assert_eq!(c.lang_prefix("en"), "en/");
}

#[test]
fn unknown_key_names_line_and_suggestion() {
    let text = format!("{MINIMAL}themee: default\n");
    let err = Config::parse(Path::new("site.yaml"), &text).unwrap_err();
    match err {
        Error::Yaml { line, hint, .. } => {
            assert_eq!(line, 8);
            assert!(matches!(hint, Some(Msg::DidYouMeanKey { best, .. }) if best == "theme"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn default_language_must_be_configured() {
    let text = MINIMAL.replace("default_language: id", "default_language: fr");
    let err = Config::parse(Path::new("site.yaml"), &text).unwrap_err();
    assert!(
        matches!(&err, Error::Content { line: 2, message: Msg::DefaultLangUnknown { code }, .. } if code == "fr"),
        "{err}"
    );
}

#[test]
fn numbers_need_a_verified_date_and_old_ones_are_stale() {
    let text = format!(
        "{MINIMAL}contacts:\n  - key: a\n    name: A\n    numbers: [{{number: \"110\"}}]\n"
    );
    let err = Config::parse(Path::new("site.yaml"), &text).unwrap_err();
    assert!(
        matches!(
            &err,
            Error::Content {
                line: 9,
                message: Msg::NumbersUnverified { .. },
                ..
            }
        ),
        "{err}"
    );
    let ok = text.replace("    numbers:", "    source_date: 2025-01-01\n    numbers:");
    let config = Config::parse(Path::new("site.yaml"), &ok).unwrap();
    let d = |s| Date::parse(s).unwrap();
    // A source date is not a check: never checked is due at once.
    assert_eq!(config.stale_contacts(d("2025-01-02")), vec![("a", None)]);
    let checked = ok.replace(
        "    numbers:",
        "    checked: 2025-01-01\n    checked_by: AB\n    how: called\n    numbers:",
    );
    let config = Config::parse(Path::new("site.yaml"), &checked).unwrap();
    assert!(config.stale_contacts(d("2025-06-30")).is_empty());
    assert_eq!(
        config.stale_contacts(d("2025-07-01")),
        vec![("a", Some(d("2025-01-01")))]
    );
}

#[test]
fn a_check_needs_its_date_who_and_how() {
    let text = format!(
        "{MINIMAL}contacts:\n  - key: a\n    name: A\n    source_date: 2025-01-01\n    checked: 2025-02-01\n    numbers: [{{number: \"110\"}}]\n"
    );
    let err = Config::parse(Path::new("site.yaml"), &text).unwrap_err();
    assert!(
        matches!(&err, Error::Content { line: 9, message: Msg::CheckIncomplete { missing, .. }, .. } if missing == "checked_by`, `how"),
        "{err}"
    );
    let bad_how = text.replace(
        "    checked: 2025-02-01\n",
        "    checked: 2025-02-01\n    checked_by: AB\n    how: phoned\n",
    );
    let err = Config::parse(Path::new("site.yaml"), &bad_how).unwrap_err();
    let shown = err.to_string();
    assert!(
        shown.contains("`phoned`")
            && shown.contains("`called`")
            && shown.contains("`official-page`"),
        "{shown}"
    );
}

#[test]
fn the_old_verified_key_says_it_is_now_source_date() {
    let text = format!(
        "{MINIMAL}contacts:\n  - key: a\n    name: A\n    verified: 2025-01-01\n    numbers: [{{number: \"110\"}}]\n"
    );
    let err = Config::parse(Path::new("site.yaml"), &text).unwrap_err();
    match err {
        Error::Yaml { line, hint, .. } => {
            assert_eq!(line, 11);
            assert_eq!(
                hint,
                Some(Msg::KeyRenamed {
                    old: "verified".into(),
                    new: "source_date".into()
                })
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn reserved_and_local_names_are_placeholders() {
    for url in [
        "https://desabinaan.example/",
        "https://example/",
        "https://EXAMPLE.com/",
        "https://www.example.org/desa/",
        "http://a.b.example.net:8080/",
        "https://site.test/",
        "https://x.invalid/",
        "http://localhost:1111/",
        "http://app.localhost/",
        "http://printer.local/",
        "http://router.home.arpa/",
        "http://intranet/",
        "http://127.0.0.1/",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://192.168.1.10:8000/",
        "http://169.254.1.1/",
        "http://0.0.0.0/",
        "http://192.0.2.7/",
        "http://[::1]:8080/",
        "http://[::]/",
        "http://[fe80::1]/",
        "http://[fd12:3456::1]/",
        "http://[2001:db8::1]/",
        "http://[::ffff:192.168.0.1]/",
        "https://user@localhost./",
        "https:///no-host",
        "not a url",
    ] {
        assert!(is_reserved_or_local(url), "{url} should be a placeholder");
    }
    for url in [
        "https://desabinaan.imigrasi.go.id/",
        "https://example.id/",
        "https://desabinaan.example.id/",
        "https://examples.com/",
        "https://myexample.org/",
        "https://test.id/",
        "http://8.8.8.8/",
        "http://[2606:4700::1111]/",
        "https://local.go.id/",
    ] {
        assert!(!is_reserved_or_local(url), "{url} is a public name");
    }
}

#[test]
fn dates_validate_and_round_trip() {
    assert_eq!(
        Date::parse("2024-02-29").map(|d| d.to_string()).as_deref(),
        Some("2024-02-29")
    );
    assert!(Date::parse("2023-02-29").is_none());
    assert!(Date::parse("2023-13-01").is_none());
    assert!(Date::parse("28/11/2026").is_none());
    let d = Date::parse("2026-11-28").unwrap();
    assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
    assert_eq!(Date::parse("1970-01-02").unwrap().days_since_epoch(), 1);
}

#[test]
fn localized_falls_back_to_default() {
    let t: Localized = serde_yaml::from_str("{id: Halo, en: Hello}").unwrap();
    assert_eq!(t.get("en", "id"), "Hello");
    assert_eq!(t.get("jv", "id"), "Halo");
    let same: Localized = serde_yaml::from_str("Halo").unwrap();
    assert_eq!(same.get("en", "id"), "Halo");
}

#[test]
fn whatsapp_links_use_international_form() {
    assert_eq!(
        NumberKind::Whatsapp.href("0811-8080-141"),
        "https://wa.me/628118080141"
    );
    assert_eq!(NumberKind::Phone.href("0800-1000"), "tel:08001000");
    assert_eq!(
        NumberKind::Whatsapp.href("+62 813-9967-9966"),
        "https://wa.me/6281399679966"
    );
}

#[test]
fn the_onefile_budget_has_a_default_and_a_checked_range() {
    let config = Config::parse(Path::new("site.yaml"), MINIMAL).unwrap();
    assert_eq!(config.onefile_budget_kb, DEFAULT_ONEFILE_BUDGET_KB);
    let with = |kb: &str| {
        Config::parse(
            Path::new("site.yaml"),
            &format!("{MINIMAL}onefile_budget_kb: {kb}\n"),
        )
    };
    assert_eq!(with("1200").unwrap().onefile_budget_kb, 1200);
    for kb in ["49", "2001", "0"] {
        let err = with(kb).unwrap_err();
        assert!(
            matches!(&err, Error::Content { line: 8, message: Msg::OneFileBudgetOutOfRange { kb: n, min: 50, max: 2000 }, .. } if n.to_string() == kb),
            "{kb}: {err:?}"
        );
    }
    // Not a number: serde's error, on its line.
    assert!(matches!(
        with("banyak").unwrap_err(),
        Error::Yaml { line: 8, .. }
    ));
}
