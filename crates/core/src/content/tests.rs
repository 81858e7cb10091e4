//! Tests of `content`.

use super::*;

fn config() -> Config {
    Config::parse(
        Path::new("site.yaml"),
        "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: Indonesia}\n  - {code: en, name: English}\n  - {code: ljp, name: Lampung}\n",
    )
    .unwrap()
}

#[test]
fn identifies_language_and_key() {
    let c = config();
    assert_eq!(
        identify("pelajaran/jalur-resmi.en.md", &c).unwrap(),
        ("pelajaran/jalur-resmi".into(), "en".into(), false)
    );
    assert_eq!(
        identify("pelajaran/jalur-resmi.md", &c).unwrap(),
        ("pelajaran/jalur-resmi".into(), "id".into(), false)
    );
    assert_eq!(
        identify("pelajaran/_index.ljp.md", &c).unwrap(),
        ("pelajaran".into(), "ljp".into(), true)
    );
    assert_eq!(
        identify("_index.md", &c).unwrap(),
        ("".into(), "id".into(), true)
    );
    assert_eq!(
        identify("versi-1.2.md", &c).unwrap(),
        ("versi-1.2".into(), "id".into(), false)
    );
}

#[test]
fn unknown_language_lists_configured_ones() {
    let err = identify("a.fr.md", &config()).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("`fr`") && text.contains("id, en, ljp"),
        "{text}"
    );
}

#[test]
fn translation_key_on_default_language_is_an_error() {
    let err = parse_page(
        "a.md",
        "---\ntitle: A\ntranslation: draft\n---\n",
        &config(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::Content { line: 3, .. }), "{err:?}");
}

#[test]
fn parent_keys() {
    let c = config();
    let page = parse_page("a/b/c.md", "---\ntitle: A\n---\n", &c).unwrap();
    assert_eq!(page.parent_key(), Some("a/b"));
    let section = parse_page("a/b/_index.md", "---\ntitle: A\n---\n", &c).unwrap();
    assert_eq!(section.parent_key(), Some("a"));
    let home = parse_page("_index.md", "---\ntitle: A\n---\n", &c).unwrap();
    assert_eq!(home.parent_key(), None);
}
