//! The one module that parses YAML (serde_yaml is deprecated upstream; swapping it
//! touches only this file). Errors carry the line and column in the *file*, and
//! unknown keys get a "did you mean" hint.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::messages::Msg;

/// Parse `text`, which starts at line `first_line` (1-based) of `path`.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str, first_line: usize) -> Result<T> {
    // An empty document is `null` to serde_yaml; treat it as an empty mapping so
    // that a file with only optional keys still parses.
    // A byte order mark (some Windows editors write one) is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_yaml::from_str(text).map_err(|err| {
        let (mut line, mut column) = err
            .location()
            .map(|loc| (loc.line() + first_line - 1, loc.column()))
            .unwrap_or((first_line, 1));
        let raw = err.to_string();
        let detail = strip_location(&raw).to_string();
        // serde_yaml points at the start of the mapping; point at the repeat.
        if let Some(at) = duplicate_line(text, &detail) {
            (line, column) = (at + first_line - 1, 1);
        }
        let hint = unknown_key_hint(&detail);
        let message = classify(&detail);
        // Our words say all of serde's, except for syntax errors.
        let detail = matches!(message, Msg::YamlInvalid | Msg::YamlTooDeep).then_some(detail);
        Error::Yaml {
            path: path.to_path_buf(),
            line,
            column,
            message,
            hint,
            detail,
        }
    })
}

/// serde's message (serde and serde_yaml word them the same way since their
/// first releases) as one of our messages; anything not recognised is
/// "not valid YAML", with serde's text shown as the detail.
fn classify(message: &str) -> Msg {
    // serde_yaml names a nested key first: `contacts[0].name: missing field …`.
    if let Some((key, rest)) = message.split_once(": ")
        && !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']'))
    {
        let inner = classify(rest);
        if inner != Msg::YamlInvalid {
            return Msg::YamlWithin {
                key: key.to_string(),
                inner: Box::new(inner),
            };
        }
    }
    let quoted = |rest: &str| rest.split('`').next().unwrap_or_default().to_string();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        Msg::YamlUnknownKey { key: quoted(rest) }
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        Msg::YamlMissingKey { key: quoted(rest) }
    } else if let Some(rest) = message.strip_prefix("duplicate field `") {
        Msg::YamlDuplicateKey { key: quoted(rest) }
    } else if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        Msg::YamlWrongType {
            found: found.to_string(),
            expected: expected.to_string(),
        }
    } else if let Some(rest) = message.strip_prefix("unknown variant `") {
        let choices = rest
            .split_once(", expected one of ")
            .or_else(|| rest.split_once(", expected "))
            .map_or("", |(_, c)| c);
        Msg::YamlUnknownValue {
            value: quoted(rest),
            choices: choices.to_string(),
        }
    } else if message.contains("` is not a date") {
        Msg::NotADate {
            value: quoted(message.trim_start_matches('`')),
        }
    } else if message.contains("recursion limit exceeded")
        || message.contains("repetition limit exceeded")
    {
        Msg::YamlTooDeep
    } else {
        Msg::YamlInvalid
    }
}

/// For "duplicate field `x`", the 1-based line of the second `x:` in `text`.
fn duplicate_line(text: &str, message: &str) -> Option<usize> {
    let rest = message.strip_prefix("duplicate field `")?;
    let key = &rest[..rest.find('`')?];
    let needle = format!("{key}:");
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with(&needle))
        .nth(1)
        .map(|(i, _)| i + 1)
}

/// serde_yaml appends " at line L column C" (relative to the YAML block); we
/// report our own file position instead.
fn strip_location(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// For "unknown field `sumary`, expected one of `title`, `summary`" return
/// "did you mean `summary`?" plus the valid keys.
fn unknown_key_hint(message: &str) -> Option<Msg> {
    let rest = &message[message.find("unknown field `")? + "unknown field `".len()..];
    let key = &rest[..rest.find('`')?];
    let valid: Vec<&str> = rest
        .split('`')
        .skip(2)
        .step_by(2)
        .filter(|s| !s.is_empty())
        .collect();
    if valid.is_empty() {
        return None;
    }
    let list = valid
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ");
    Some(match closest(key, &valid) {
        Some(best) => Msg::DidYouMeanKey {
            best: best.to_string(),
            valid: list,
        },
        None => Msg::ValidKeys { valid: list },
    })
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), *c))
        .filter(|(dist, c)| *dist <= 2.max(c.len() / 3) || (word.len() >= 3 && c.starts_with(word)))
        .min_by_key(|(dist, _)| *dist)
        .map(|(_, c)| c)
}

/// The 1-based line of the first line in `text` that contains `needle`, or 0.
/// Used to point at a value that serde has already accepted (a lesson key, an
/// office key) but that turns out to be wrong.
pub fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map_or(0, |i| i + 1)
}

/// 1-based line of the first line containing `needle` at or after the
/// first line containing `anchor` (a value inside a block such as `help:`);
/// the anchor's line when no later line has it, 0 without the anchor.
pub fn line_of_after(text: &str, anchor: &str, needle: &str) -> usize {
    let start = line_of(text, anchor);
    if start == 0 {
        return 0;
    }
    text.lines()
        .enumerate()
        .skip(start - 1)
        .find(|(_, l)| l.contains(needle))
        .map_or(start, |(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
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
                        .text(crate::messages::Lang::En)
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
            classify("contacts[0]: missing field `id`").text(crate::messages::Lang::Id),
            "di `contacts[0]`: kunci `id` wajib diisi"
        );
    }

    #[test]
    fn closest_ignores_far_words() {
        assert_eq!(closest("titel", &["title", "summary"]), Some("title"));
        assert_eq!(closest("zzzzzz", &["title", "kind"]), None);
    }
}
