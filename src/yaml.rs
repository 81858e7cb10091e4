//! The one module that parses YAML (serde_yaml is deprecated upstream; swapping it
//! touches only this file). Errors carry the line and column in the *file*, and
//! unknown keys get a "did you mean" hint.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

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
        let message = strip_location(&raw).to_string();
        // serde_yaml points at the start of the mapping; point at the repeat.
        if let Some(at) = duplicate_line(text, &message) {
            (line, column) = (at + first_line - 1, 1);
        }
        let hint = unknown_key_hint(&message);
        Error::Yaml {
            path: path.to_path_buf(),
            line,
            column,
            message,
            hint,
        }
    })
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
fn unknown_key_hint(message: &str) -> Option<String> {
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
        Some(best) => format!("did you mean `{best}`? Valid keys: {list}"),
        None => format!("valid keys: {list}"),
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
                assert!(message.contains("unknown field `sumary`"), "{message}");
                assert!(hint.unwrap().starts_with("did you mean `summary`?"));
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
    fn closest_ignores_far_words() {
        assert_eq!(closest("titel", &["title", "summary"]), Some("title"));
        assert_eq!(closest("zzzzzz", &["title", "kind"]), None);
    }
}
