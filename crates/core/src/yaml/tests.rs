//! Tests of `yaml`.

use super::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Fm {
    title: String,
    summary: Option<String>,
}

#[test]
fn unknown_key_reports_file_line_and_suggestion() {
    let err = parse::<Fm>(Path::new("a.md"), "title: x\nsumary: y\n", 2).unwrap_err();
    match err {
        Error::Yaml {
            line,
            message,
            hint,
            ..
        } => {
            assert_eq!(line, 3);
            assert_eq!(
                message,
                Msg::YamlUnknownKey {
                    key: "sumary".into()
                }
            );
            assert!(
                hint.unwrap()
                    .text(lentera_messages::Lang::En)
                    .starts_with("did you mean `summary`?")
            );
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn syntax_error_line_is_relative_to_file() {
    let err = parse::<Fm>(Path::new("a.md"), "title: x\n  bad: [\n", 5).unwrap_err();
    assert!(
        matches!(err, Error::Yaml { line, .. } if line >= 5),
        "{err}"
    );
}

#[test]
fn serde_messages_become_ours() {
    let cases = [
        ("missing field `title`", "yaml-missing-key"),
        ("duplicate field `a`", "yaml-duplicate-key"),
        (
            "invalid type: string \"maybe\", expected a boolean",
            "yaml-wrong-type",
        ),
        (
            "unknown variant `x`, expected one of `a`, `b`",
            "yaml-unknown-value",
        ),
        (
            "`2024-13-01` is not a date: write it as YYYY-MM-DD",
            "not-a-date",
        ),
        ("contacts[0].name: missing field `id`", "yaml-within"),
        ("recursion limit exceeded", "yaml-too-deep"),
        ("did not find expected key", "yaml-invalid"),
    ];
    for (text, code) in cases {
        assert_eq!(classify(text).code(), code, "{text}");
    }
    assert_eq!(
        classify("`2024-13-01` is not a date: write it as YYYY-MM-DD"),
        Msg::NotADate {
            value: "2024-13-01".into()
        }
    );
    assert_eq!(
        classify("contacts[0]: missing field `id`").text(lentera_messages::Lang::Id),
        "di `contacts[0]`: kunci `id` wajib diisi"
    );
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Lesson {
    title: String,
    summary: Option<String>,
    updated: Option<crate::date::Date>,
    #[serde(default)]
    key_points: Vec<String>,
    #[serde(default)]
    contacts: Vec<Person>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Person {
    name: String,
    verified: Option<crate::date::Date>,
}

/// The error of `text` (front matter starting on line 2 of `a.md`) as
/// staff read it in both languages, today's date written TODAY.
fn shown(text: &str) -> (usize, usize, String) {
    let err = parse::<Lesson>(Path::new("a.md"), text, 2).unwrap_err();
    let Error::Yaml { line, column, .. } = &err else {
        panic!("{err:?}")
    };
    let d = err.diagnostic();
    let today = crate::date::Date::today().to_string();
    let both = [lentera_messages::Lang::Id, lentera_messages::Lang::En]
        .map(|lang| crate::report::one_line(&d, lang).replace(&today, "TODAY"))
        .join("\n");
    (*line, *column, both)
}

#[test]
fn hint_quote_a_list_item_with_a_colon() {
    let (line, _, text) =
        shown("title: A\nkey_points:\n  - Gaji besar, berangkat minggu ini: curigai.\n");
    assert_eq!(line, 4);
    assert!(
        text.contains(r#"- "Gaji besar, berangkat minggu ini: curigai.""#),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn hint_quote_a_value_with_a_colon() {
    let (line, _, text) = shown("title: A\nsummary: Awas: calo menipu\n");
    assert_eq!(line, 3);
    assert!(text.contains(r#"summary: "Awas: calo menipu""#), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn hint_line_up_with_the_line_above() {
    let (line, _, text) = shown("title: A\n  summary: B\n");
    assert_eq!(line, 3);
    assert!(
        text.contains("line-up") || text.contains("line it up"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn hint_tab_shown_and_replaced() {
    let (_, _, text) = shown("title: A\nkey_points:\n\t- satu\n");
    assert!(text.contains("tab"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn hint_date_with_the_likely_date_and_today() {
    let text = "title: A\nsummary: B\nkey_points:\n  - satu\nupdated: 15-11-2026\n";
    let (line, column, shown_text) = shown(text);
    // `updated:` is on line 6 of the file (the front matter starts on 2).
    assert!(
        shown_text.contains("2026-11-15") && shown_text.contains("TODAY"),
        "{shown_text}"
    );
    assert_eq!((line, column), (6, 10));
    insta::assert_snapshot!(shown_text);
    let (_, _, unguessable) = shown("title: A\nupdated: kemarin\n");
    assert!(unguessable.contains("YYYY-MM-DD") && unguessable.contains("TODAY"));
    insta::assert_snapshot!(unguessable);
}

#[test]
fn a_bad_date_in_a_list_is_reported_at_its_own_line() {
    let text = "title: A\ncontacts:\n  - name: X\n    verified: 2025-01-01\n  - name: Y\n    verified: 2025-13-01\n";
    let (line, column, shown_text) = shown(text);
    assert_eq!((line, column), (7, 15), "{shown_text}");
}

#[test]
fn serde_kinds_in_plain_words() {
    use lentera_messages::{Lang, yaml_kind};
    assert_eq!(yaml_kind("map", Lang::Id), "pasangan `kunci: isi`");
    assert_eq!(yaml_kind("a string", Lang::En), "text");
    assert_eq!(yaml_kind("string \"maybe\"", Lang::Id), "teks \"maybe\"");
    assert_eq!(
        yaml_kind("a sequence", Lang::Id),
        "daftar (baris berawalan `- `)"
    );
    assert_eq!(yaml_kind("something else", Lang::Id), "something else");
}

#[test]
fn closest_ignores_far_words() {
    assert_eq!(closest("titel", &["title", "summary"]), Some("title"));
    assert_eq!(closest("zzzzzz", &["title", "kind"]), None);
}
