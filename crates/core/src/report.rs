//! Diagnostics as people read them: in the staff's language, with the
//! offending line and a caret under the column, the way rustc and `just` show
//! theirs. The layout comes from annotate-snippets (rustc's own renderer, two
//! small dependencies already in the tree), which lets us name the levels in
//! Indonesian; miette would bring its own error trait and more crates.

use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Severity};
use lentera_messages::{Lang, Say};

/// Longest piece of a source line shown; a minified or generated file can
/// have one line of megabytes.
const MAX_SHOWN: usize = 160;

/// How to show diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub lang: Lang,
    /// ANSI colours (only on a terminal, and never with `NO_COLOR`).
    pub color: bool,
}

impl Style {
    /// Plain text in `lang` (for files, pipes and the serve overlay).
    pub fn plain(lang: Lang) -> Style {
        Style { lang, color: false }
    }

    /// Colour when `stream` is a terminal and `NO_COLOR` is not set.
    pub fn for_terminal(lang: Lang, stream: &impl std::io::IsTerminal) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            lang,
            color: stream.is_terminal() && !no_color,
        }
    }
}

/// `file:line:column: message (context)`, then the hint and the detail on
/// their own lines: the short form, without the source line.
pub fn one_line(d: &Diagnostic, lang: Lang) -> String {
    let mut out = String::new();
    let file = d.file.display().to_string();
    if !file.is_empty() {
        out.push_str(&file);
        if d.line > 0 {
            out.push_str(&format!(":{}", d.line));
            if d.column > 0 {
                out.push_str(&format!(":{}", d.column));
            }
        }
        out.push_str(": ");
    }
    out.push_str(&title(d, lang));
    if let Some(hint) = &d.hint {
        out.push_str(&format!(
            "\n  {}: {}",
            Say::Hint.text(lang),
            hint.text(lang)
        ));
    }
    if let Some(detail) = &d.detail {
        out.push_str(&format!("\n  {}: {detail}", Say::Detail.text(lang)));
    }
    out
}

/// The message and what lentera was doing.
fn title(d: &Diagnostic, lang: Lang) -> String {
    match &d.context {
        Some(context) => format!("{} ({})", d.message.text(lang), context.text(lang)),
        None => d.message.text(lang),
    }
}

/// The full form: `kesalahan[code]: message`, `--> file:line:column`, the line
/// of the file (read from `root`) with a caret, then hint and detail.
pub fn render(d: &Diagnostic, root: &Path, style: Style) -> String {
    let lang = style.lang;
    let level = match d.severity {
        Severity::Error => Level::ERROR.with_name(Say::Error.text(lang)),
        Severity::Warning => Level::WARNING.with_name(Say::Warning.text(lang)),
    };
    let file = d.file.display().to_string();
    let source = (d.line > 0)
        .then(|| source_line(&root.join(&d.file), d.line))
        .flatten();
    let title_text = title(d, lang);
    let mut group = Group::with_title(level.primary_title(title_text).id(d.message.code()));
    match &source {
        Some(text) => {
            let (shown, span) = excerpt(text, d.column);
            group = group.element(
                Snippet::source(shown)
                    .line_start(d.line)
                    .path(file.clone())
                    .annotation(AnnotationKind::Primary.span(span)),
            );
        }
        None if !file.is_empty() => {
            let mut origin = Origin::path(file.clone());
            if d.line > 0 {
                origin = origin.line(d.line);
                if d.column > 0 {
                    origin = origin.char_column(d.column);
                }
            }
            group = group.element(origin);
        }
        None => {}
    }
    if let Some(hint) = &d.hint {
        group = group.element(
            Level::HELP
                .with_name(Say::Hint.text(lang))
                .message(hint.text(lang)),
        );
    }
    if let Some(detail) = &d.detail {
        group = group.element(
            Level::NOTE
                .with_name(Say::Detail.text(lang))
                .message(detail.clone()),
        );
    }
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[group])
}

/// Line `line` (1-based) of the file at `path`, without its line ending, if
/// the file can be read as text.
fn source_line(path: &Path, line: usize) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    text.split('\n').nth(line - 1).map(|l| {
        l.trim_end_matches('\r')
            .replace('\t', "→")
            .replace('\0', " ")
    })
}

/// The part of `line` to show and the byte range to underline: from `column`
/// (1-based characters) to the end of its word, or the whole line without
/// its indentation when the column is unknown.
fn excerpt(line: &str, column: usize) -> (String, std::ops::Range<usize>) {
    let chars: Vec<char> = line.chars().collect();
    let (mut start, mut end) = if column > 0 && column <= chars.len() {
        let s = column - 1;
        let e = (s..chars.len())
            .find(|&i| chars[i].is_whitespace())
            .unwrap_or(chars.len())
            .max(s + 1);
        (s, e)
    } else if column > chars.len() {
        // Just past the end of the line (a missing character there).
        (chars.len(), chars.len())
    } else {
        let s = chars.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
        (s, chars.len())
    };
    // Cut a long line around the underlined part.
    let mut from = 0;
    let mut to = chars.len();
    if chars.len() > MAX_SHOWN {
        from = start.saturating_sub(MAX_SHOWN / 4);
        to = (from + MAX_SHOWN).min(chars.len());
        end = end.min(to);
        start = start.min(end);
    }
    let mut shown = String::new();
    if from > 0 {
        shown.push('…');
    }
    let offset = shown.len();
    let before: String = chars[from..start].iter().collect();
    let marked: String = chars[start..end].iter().collect();
    let after: String = chars[end..to].iter().collect();
    shown.push_str(&before);
    shown.push_str(&marked);
    shown.push_str(&after);
    if to < chars.len() {
        shown.push('…');
    }
    let a = offset + before.len();
    (shown, a..a + marked.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use lentera_messages::Msg;

    fn link_error() -> Diagnostic {
        Diagnostic {
            file: "content/a.md".into(),
            line: 3,
            column: 7,
            severity: Severity::Error,
            message: Msg::LinkMissing {
                link: "calo.md".into(),
            },
            hint: Some(Msg::DidYouMeanPage {
                key: "modus/calo".into(),
            }),
            detail: None,
            context: None,
        }
    }

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(
            dir.path().join("content/a.md"),
            "---\ntitle: A\n---\nBaca [calo.md](calo.md) dulu.\n",
        )
        .unwrap();
        dir
    }

    #[test]
    fn shows_the_line_with_a_caret_in_indonesian() {
        let dir = site();
        let mut d = link_error();
        d.line = 4;
        d.column = 6;
        let text = render(&d, dir.path(), Style::plain(Lang::Id));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn shows_the_line_with_a_caret_in_english() {
        let dir = site();
        let mut d = link_error();
        d.line = 4;
        d.column = 6;
        let text = render(&d, dir.path(), Style::plain(Lang::En));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn whole_line_when_the_column_is_unknown_and_detail_after() {
        let dir = site();
        let d = Diagnostic {
            line: 2,
            column: 0,
            message: Msg::YamlWrongType {
                found: "a sequence".into(),
                expected: "a string".into(),
            },
            hint: None,
            detail: Some("invalid type: sequence, expected a string".into()),
            severity: Severity::Warning,
            ..link_error()
        };
        insta::assert_snapshot!(render(&d, dir.path(), Style::plain(Lang::Id)));
    }

    #[test]
    fn without_a_readable_file_the_location_alone() {
        let d = link_error();
        let text = render(&d, Path::new("/nonexistent"), Style::plain(Lang::En));
        assert!(text.contains("content/a.md:3:7"), "{text}");
        assert!(!text.contains('\u{1b}'), "no colour in plain: {text}");
        assert_eq!(
            one_line(&d, Lang::Id),
            "content/a.md:3:7: tautan `calo.md` menuju halaman yang tidak ada (atau masih draf)\n  petunjuk: Maksud Anda halaman `modus/calo`? Tautan dihitung dari letak berkas ini"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}X {}", "a".repeat(5000), "b".repeat(5000));
        let (shown, span) = excerpt(&line, 5001);
        assert!(shown.chars().count() <= MAX_SHOWN + 2, "{}", shown.len());
        assert_eq!(&shown[span.clone()], "X");
        let (shown, span) = excerpt("  - item", 0);
        assert_eq!(&shown[span], "- item");
        let (_, span) = excerpt("ab", 9);
        assert_eq!(span, 2..2);
    }
}
