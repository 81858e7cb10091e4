//! Placeholders that `lentera new` writes, and finding the ones left behind.
//!
//! Every text a scaffold leaves for staff to write is marked `[ISI: …]`
//! ("isi" is "fill in"): `title: "[ISI: Judul pelajaran]"`, or, in a new
//! translation, `"[ISI: terjemahkan] Teks asli"`. Example web addresses use
//! the reserved domains `example.org`, `example.com` and `example.net`.
//! A page or village that is published (not `draft: true`) and still holds
//! one is an error naming the file, the line and the field: drafts are not
//! published, so they may.

use std::path::Path;

use crate::error::Error;
use lentera_messages::Msg;

/// The marker, as staff read it.
pub const MARK: &str = "[ISI:";

/// The marker of a text copied from the original for a translator.
pub const TRANSLATE: &str = "[ISI: terjemahkan]";

/// One field still holding a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The top-level key (`title`, `key_points`, `about`), or `None` for the
    /// Markdown body.
    pub field: Option<String>,
    /// 1-based line of the file.
    pub line: usize,
    /// The placeholder as written (`[ISI: Judul pelajaran]`), or the example
    /// address.
    pub text: String,
    pub is_url: bool,
}

/// The placeholders in `line`: the first marker up to its closing bracket,
/// and the first address on a reserved example domain (`true`).
fn in_line(line: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    out.extend(marker_in(line).map(|m| (m, false)));
    out.extend(example_url_in(line).map(|u| (u, true)));
    out
}

/// The first `[ISI: …]` in `line`, shortened to 80 characters.
fn marker_in(line: &str) -> Option<String> {
    let start = line
        .as_bytes()
        .windows(MARK.len())
        .position(|w| w.eq_ignore_ascii_case(MARK.as_bytes()));
    if let Some(start) = start {
        let rest = &line[start..];
        let end = rest.find(']').map_or(rest.len(), |i| i + 1);
        let mut text: String = rest[..end].chars().take(80).collect();
        if text.len() < rest[..end].len() {
            text.push('…');
        }
        return Some(text);
    }
    None
}

/// The first address in `line` on `example.org`, `.com` or `.net`.
fn example_url_in(line: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = line[from..].find("://") {
        let host_start = from + i + 3;
        let host_end = line[host_start..]
            .find(['/', '"', '\'', ')', ' ', '>', ']', ':', '?', '#'])
            .map_or(line.len(), |j| host_start + j);
        let host = line[host_start..host_end].to_ascii_lowercase();
        let host = host.trim_end_matches('.');
        if ["example.org", "example.com", "example.net"]
            .iter()
            .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        {
            let scheme_start = line[..from + i]
                .rfind(|c: char| !c.is_ascii_alphabetic())
                .map_or(0, |j| j + 1);
            let url_end = line[host_end..]
                .find(['"', '\'', ')', ' ', '>', ']'])
                .map_or(line.len(), |j| host_end + j);
            return Some(line[scheme_start..url_end].to_string());
        }
        from = host_start;
    }
    None
}

/// Whether `text` holds a marker (`[ISI:` in any case) or an address
/// (`://`) anywhere: a text with neither has no placeholder on any line, and
/// most pages have neither, so [`scan`] need not read them line by line.
fn may_hold_placeholder(text: &str) -> bool {
    let bytes = text.as_bytes();
    let marker = memchr::memchr_iter(b'[', bytes).any(|i| {
        bytes
            .get(i..i + MARK.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(MARK.as_bytes()))
    });
    marker || memchr::memmem::find(bytes, b"://").is_some()
}

/// Every field of `text` that still holds a placeholder: the first marked
/// text and the first example address of each field. `markdown`: the text
/// is a page (front matter between `---` fences, then the body); else the
/// whole text is YAML (a village).
/// Comment lines are skipped: they explain the markers.
pub fn scan(text: &str, markdown: bool) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    if !may_hold_placeholder(text) {
        return found;
    }
    // 0: before the front matter, 1: in YAML, 2: in the Markdown body.
    let mut part = if markdown { 0 } else { 1 };
    let mut field: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let trimmed = line.trim_end();
        if markdown && trimmed == "---" && part < 2 {
            part += 1;
            if part == 2 {
                field = None;
            }
            continue;
        }
        if part == 0 {
            continue;
        }
        if part == 1 {
            if line.trim_start().starts_with('#') {
                continue;
            }
            if !line.starts_with([' ', '\t', '-'])
                && let Some((key, _)) = line.split_once(':')
                && !key.trim().is_empty()
            {
                field = Some(key.trim().to_string());
            }
        }
        for (placeholder, is_url) in in_line(line) {
            if found.iter().any(|f| f.field == field && f.is_url == is_url) {
                continue;
            }
            found.push(Found {
                field: field.clone(),
                line: line_no,
                text: placeholder,
                is_url,
            });
        }
    }
    found
}

/// The errors for the placeholders left in the file at `path`.
pub fn errors(path: &Path, text: &str, markdown: bool) -> Vec<Error> {
    scan(text, markdown)
        .into_iter()
        .map(|f| {
            let (message, hint) = match (f.is_url, f.field) {
                (true, field) => (
                    Msg::ExampleUrl {
                        field: field.unwrap_or_else(|| "body".to_string()),
                        url: f.text,
                    },
                    Msg::WriteRealUrl,
                ),
                (false, Some(field)) => (
                    Msg::PlaceholderInField {
                        field,
                        text: f.text,
                    },
                    Msg::FillPlaceholder,
                ),
                (false, None) => (
                    Msg::PlaceholderInBody { text: f.text },
                    Msg::FillPlaceholder,
                ),
            };
            Error::content(path, f.line, message).with_hint(hint)
        })
        .collect()
}

/// `text` marked for a translator: `[ISI: terjemahkan] text`.
pub fn to_translate(text: &str) -> String {
    format!("{TRANSLATE} {text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_field_once_with_its_line() {
        let text = "---\n# Tanda [ISI: …] di komentar tidak dihitung.\ntitle: \"[ISI: Judul pelajaran]\"\nkey_points:\n  - \"[ISI: Poin pertama]\"\n  - \"[ISI: Poin kedua]\"\nsources:\n  - title: Sumber\n    url: https://www.example.org/\n---\nTeks.\n\n- [ISI: langkah]\n";
        let found = scan(text, true);
        let summary: Vec<(Option<&str>, usize, &str, bool)> = found
            .iter()
            .map(|f| (f.field.as_deref(), f.line, f.text.as_str(), f.is_url))
            .collect();
        assert_eq!(
            summary,
            vec![
                (Some("title"), 3, "[ISI: Judul pelajaran]", false),
                (Some("key_points"), 5, "[ISI: Poin pertama]", false),
                (Some("sources"), 9, "https://www.example.org/", true),
                (None, 13, "[ISI: langkah]", false),
            ]
        );
    }

    #[test]
    fn a_marker_and_an_example_address_on_one_line_are_both_found() {
        let text =
            "contacts:\n  - source: { title: \"[ISI: sumber]\", url: \"https://example.com/x\" }\n";
        let found: Vec<(usize, String, bool)> = scan(text, false)
            .into_iter()
            .map(|f| (f.line, f.text, f.is_url))
            .collect();
        assert_eq!(
            found,
            vec![
                (2, "[ISI: sumber]".to_string(), false),
                (2, "https://example.com/x".to_string(), true)
            ]
        );
    }

    #[test]
    fn real_text_is_not_a_placeholder() {
        let text = "---\ntitle: \"Calo [bukan isian]: hati-hati\"\nsources:\n  - title: Kompas\n    url: https://www.kompas.com/example.org\n---\nLihat [contoh](https://examples.org/) dan [ISI formulir](a.md).\n";
        assert_eq!(scan(text, true), vec![]);
    }

    /// The quick test for "nothing to find" lets through every text that
    /// has something: a marker in lower case, a marker at the very end, an
    /// address as the last bytes.
    #[test]
    fn texts_with_one_placeholder_anywhere_are_read_line_by_line() {
        let cases = [
            (
                "---\ntitle: Judul\n---\nLangkah [isi: langkah] di sini.\n",
                None,
                false,
            ),
            ("---\ntitle: Judul\n---\nAkhir [IsI:", None, false),
            (
                "---\ntitle: Judul\n---\nLihat http://EXAMPLE.net",
                None,
                true,
            ),
            (
                "nama: Desa\nweb: https://a.example.com/x\n",
                Some("web"),
                true,
            ),
        ];
        for (text, field, is_url) in cases {
            let found = scan(text, !text.starts_with("nama"));
            assert_eq!(found.len(), 1, "{text:?}");
            assert_eq!(found[0].field.as_deref(), field, "{text:?}");
            assert_eq!(found[0].is_url, is_url, "{text:?}");
        }
        assert!(!may_hold_placeholder(
            "Teks [biasa] dengan ../tautan/ dan [ISI formulir]"
        ));
    }

    #[test]
    fn village_yaml_fields_and_nested_values() {
        let text = "name: Sukamaju\nkecamatan: \"[ISI: Nama Kecamatan]\"\nabout:\n  id: \"[isi: keterangan]\"\n";
        let found = scan(text, false);
        assert_eq!(found.len(), 2);
        assert_eq!(
            (found[0].field.as_deref(), found[0].line),
            (Some("kecamatan"), 2)
        );
        assert_eq!(
            (found[1].field.as_deref(), found[1].line),
            (Some("about"), 4)
        );
    }
}
