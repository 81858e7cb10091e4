//! The one module that parses YAML (serde_yaml is deprecated upstream; swapping it
//! touches only this file). Errors carry the line and column in the *file*, and
//! unknown keys get a "did you mean" hint.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use lentera_messages::Msg;

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
        let message = classify(&detail);
        // A value that serde accepted as text but we could not read (a date)
        // is reported at the start of its mapping: point at the value.
        if let Some((at, col)) = value_position(text, &message, line + 1 - first_line) {
            (line, column) = (at + first_line - 1, col);
        }
        // An answer of a question that is neither true/false nor a letter:
        // serde points at the question, point at its `answer:`.
        if matches!(innermost(&message).1, Msg::QuestionAnswerKind)
            && let Some(at) = text
                .lines()
                .enumerate()
                .skip(line.saturating_sub(first_line))
                .find(|(_, l)| {
                    l.trim_start()
                        .trim_start_matches("- ")
                        .starts_with("answer:")
                })
                .map(|(i, _)| i + 1)
        {
            (line, column) = (at + first_line - 1, 0);
        }
        let hint = unknown_key_hint(&detail)
            .or_else(|| mistake_hint(text, line + 1 - first_line, &message, &detail));
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
    } else if message.contains("untagged enum Answer") {
        // `answer: 2` in `questions:` (content::front_matter::Answer).
        Msg::QuestionAnswerKind
    } else if message.contains("recursion limit exceeded")
        || message.contains("repetition limit exceeded")
    {
        Msg::YamlTooDeep
    } else {
        Msg::YamlInvalid
    }
}

/// The innermost message of a `YamlWithin` chain, with the key path.
fn innermost(message: &Msg) -> (Vec<&str>, &Msg) {
    match message {
        Msg::YamlWithin { key, inner } => {
            let (mut path, msg) = innermost(inner);
            path.insert(0, key.as_str());
            (path, msg)
        }
        other => (Vec::new(), other),
    }
}

/// The last key of a serde path such as `contacts[2].verified`.
fn last_key(path: &[&str]) -> Option<String> {
    // `contacts[1]` names an item, not the key of the value.
    let last = path.last()?.rsplit('.').next()?;
    (!last.is_empty() && !last.ends_with(']')).then(|| last.to_string())
}

/// For a value that is not a date, the (1-based) line and column of the
/// value itself: the first `KEY: VALUE` line at or after `from` (where serde
/// points, the start of the mapping), else anywhere in `text`.
fn value_position(text: &str, message: &Msg, from: usize) -> Option<(usize, usize)> {
    let (path, inner) = innermost(message);
    let Msg::NotADate { value } = inner else {
        return None;
    };
    let key = last_key(&path);
    let matches = |l: &str| -> Option<usize> {
        let body = l.trim_start();
        let body = body.strip_prefix("- ").map_or(body, str::trim_start);
        let (k, v) = body.split_once(':')?;
        if key.as_deref().is_some_and(|key| key != k.trim()) {
            return None;
        }
        let v = v.split(" #").next().unwrap_or(v).trim();
        let v = v.trim_matches(|c| c == '"' || c == '\'');
        (v == value.as_str()).then(|| {
            let at = l.rfind(value.as_str()).unwrap_or(0);
            l[..at].chars().count() + 1
        })
    };
    let lines: Vec<&str> = text.lines().collect();
    let from = from.saturating_sub(1).min(lines.len());
    (from..lines.len())
        .chain(0..from)
        .find_map(|i| matches(lines[i]).map(|col| (i + 1, col)))
}

/// A hint in the staff's words for the mistakes people make most when they
/// write YAML by hand: text with `: ` in it, a tab, a line indented unlike
/// its neighbours, a date not written YYYY-MM-DD. `line` is 1-based within
/// `text`.
fn mistake_hint(text: &str, line: usize, message: &Msg, detail: &str) -> Option<Msg> {
    let (_, inner) = innermost(message);
    if matches!(inner, Msg::QuestionAnswerKind) {
        return Some(Msg::WriteTrueFalse);
    }
    if let Msg::NotADate { value } = inner {
        let today = crate::date::Date::today().to_string();
        return Some(match guess_date(value) {
            Some(fixed) => Msg::DateDidYouMean { fixed, today },
            None => Msg::WriteDateAs { today },
        });
    }
    let lines: Vec<&str> = text.lines().collect();
    let here = *lines.get(line.checked_sub(1)?)?;
    let syntax = matches!(inner, Msg::YamlInvalid);
    let map_for_text = matches!(inner, Msg::YamlWrongType { found, expected }
        if found == "map" && expected.contains("string"));
    // A tab anywhere in the indentation, on this line or the one above (the
    // scanner stops at the first character it cannot read).
    if syntax {
        let tabbed = |l: &str| {
            l.chars()
                .take_while(|c| c.is_whitespace())
                .any(|c| c == '\t')
                || (l.contains('\t') && detail.contains("tab"))
        };
        let at = if tabbed(here) {
            Some(here)
        } else {
            line.checked_sub(2)
                .and_then(|i| lines.get(i))
                .copied()
                .filter(|l| tabbed(l))
        };
        if let Some(l) = at {
            return Some(Msg::TabInYaml {
                fixed: l.replace('\t', "  "),
            });
        }
    }
    if (syntax && detail.contains("mapping values")) || map_for_text {
        if let Some(fixed) = quoted_line(here, map_for_text) {
            return Some(Msg::QuoteTheText {
                fixed: fixed.trim_start().to_string(),
            });
        }
    }
    if syntax {
        // The offending line is this one or the line before (serde_yaml
        // sometimes notices only on the next line).
        for i in [line, line.saturating_sub(1)] {
            if let Some(hint) = indentation_hint(&lines, i) {
                return Some(hint);
            }
        }
    }
    None
}

/// `- text: more` or `key: text: more` with the text put in double quotes,
/// or `None` if the line is not of that shape. With `item_only`, only a list
/// item is rewritten (the whole item is the text).
fn quoted_line(line: &str, item_only: bool) -> Option<String> {
    let indent_len = line.len() - line.trim_start().len();
    let (indent, body) = line.split_at(indent_len);
    let quote = |t: &str| {
        let t = t.trim();
        format!("\"{}\"", t.replace('\\', "\\\\").replace('"', "\\\""))
    };
    if let Some(item) = body.strip_prefix("- ") {
        if !item.contains(": ") || item.trim_start().starts_with(['"', '\'']) {
            return None;
        }
        // `- title: A: B` in a list of mappings: quote the value, not the item.
        if !item_only
            && let Some((key, value)) = item.split_once(": ")
            && value.contains(": ")
            && is_key(key)
        {
            return Some(format!("{indent}- {key}: {}", quote(value)));
        }
        return Some(format!("{indent}- {}", quote(item)));
    }
    if item_only {
        return None;
    }
    let (key, value) = body.split_once(": ")?;
    if !is_key(key) || !value.contains(": ") || value.trim_start().starts_with(['"', '\'']) {
        return None;
    }
    Some(format!("{indent}{key}: {}", quote(value)))
}

/// A plain YAML key as staff write them (`title`, `key_points`, `id`).
fn is_key(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
}

/// Line `line` (1-based) indented unlike the line above it, when the line
/// above does not open a block: the hint shows it lined up.
fn indentation_hint(lines: &[&str], line: usize) -> Option<Msg> {
    let here = *lines.get(line.checked_sub(1)?)?;
    if here.trim().is_empty() || here.trim_start().starts_with('#') {
        return None;
    }
    let above = lines[..line - 1]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let indent = |l: &str| l.len() - l.trim_start().len();
    // Where the keys of the line above start: after `- ` for a list item.
    let key_start = |l: &str| {
        let body = l.trim_start();
        indent(l)
            + body
                .strip_prefix("- ")
                .map_or(0, |item| 2 + item.len() - item.trim_start().len())
    };
    let opens_block = above.trim_end().ends_with(':') || above.trim_end().ends_with(['|', '>']);
    let here_body = here.trim_start();
    let target = if here_body.starts_with("- ") {
        indent(above)
    } else {
        key_start(above)
    };
    if opens_block || indent(here) == target {
        return None;
    }
    Some(Msg::LineUpIndent {
        spaces: target,
        fixed: format!("{}{}", " ".repeat(target), here_body),
    })
}

/// `08-12-2026`, `8/12/2026` or `2026/12/08` as `2026-12-08`, when that is a
/// real date.
fn guess_date(value: &str) -> Option<String> {
    let parts: Vec<&str> = value.trim().split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (y, m, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    let date = crate::date::Date::parse(&format!("{y}-{m}-{d}"))?;
    Some(date.to_string())
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
    if let Some((_, new)) = RENAMED
        .iter()
        .find(|(old, new)| *old == key && valid.contains(new))
    {
        return Some(Msg::KeyRenamed {
            old: key.to_string(),
            new: new.to_string(),
        });
    }
    Some(match closest(key, &valid) {
        Some(best) => Msg::DidYouMeanKey {
            best: best.to_string(),
            valid: list,
        },
        None => Msg::ValidKeys { valid: list },
    })
}

/// Keys that were renamed: (old, new). An old key where the new one is valid
/// gets a hint naming the new one.
const RENAMED: &[(&str, &str)] = &[
    // A contact's `verified:` was always the date of its source, not a
    // check by a person (issue #22).
    ("verified", "source_date"),
];

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
mod tests;
