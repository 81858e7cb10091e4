//! The catalogue's own checks: languages, texts, codes.

use super::*;

#[test]
// The environment variables are tested on the child process in
// tests/it/language.rs (`detects_language_from_flag_env_and_site`).
fn parses_language_names_and_prefers_the_flag() {
    assert_eq!(Lang::parse("id_ID.UTF-8"), Some(Lang::Id));
    assert_eq!(Lang::parse("en_US"), Some(Lang::En));
    assert_eq!(Lang::parse("jv"), None);
    assert_eq!(Lang::detect(Some("id"), Some("en")), Lang::Id);
    assert_eq!(Lang::detect(Some("en"), Some("id")), Lang::En);
}

#[test]
fn texts_fill_in_their_fields() {
    let m = Msg::LinkMissing {
        link: "calo.md".into(),
    };
    assert_eq!(
        m.text(Lang::En),
        "the link `calo.md` points to a page that does not exist (or is a draft)"
    );
    assert_eq!(
        m.text(Lang::Id),
        "tautan `calo.md` menuju halaman yang tidak ada (atau masih draf)"
    );
    assert_eq!(m.code(), "link-missing");
    let nested = Msg::UnsafeOutput {
        dir: "content".into(),
        reason: Box::new(Msg::IsSources {
            folder: "content".into(),
        }),
    };
    assert_eq!(
        nested.text(Lang::Id),
        "tidak mau menulis ke content: itu di dalam content/, tempat berkas sumber"
    );
}

#[test]
fn codes_are_unique_and_well_formed() {
    for codes in [Msg::CODES, Say::CODES] {
        let mut seen = std::collections::BTreeSet::new();
        for code in codes {
            assert!(seen.insert(code), "`{code}` is used twice");
            assert!(
                code.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "`{code}`"
            );
        }
    }
}

#[test]
fn codes_are_documented() {
    let doc = include_str!("../../../docs/diagnostics.md");
    for code in Msg::CODES {
        assert!(
            doc.contains(&format!("`{code}`")),
            "docs/diagnostics.md does not list `{code}`"
        );
    }
}
