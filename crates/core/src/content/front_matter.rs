//! Splitting a Markdown file into its YAML front matter and body, and the
//! checked front-matter type.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::config::{Date, SourceLink};
use crate::error::{Error, Result};
use crate::yaml;
use lentera_messages::Msg;

/// The keys a page or section may set. Unknown keys are errors.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub kind: Option<Kind>,
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub updated: Option<Date>,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub key_points: Vec<String>,
    #[serde(default)]
    pub sources: Vec<SourceLink>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub translation: Option<TranslationState>,
    #[serde(default)]
    pub template: Option<String>,
    /// A recorded reading of the page (an officer reading the lesson in
    /// Javanese, say): an audio file next to the page, shown with a player.
    #[serde(default)]
    pub audio: Option<String>,
    /// The page that comes after this one on its journey (the legal route,
    /// say), from `content/` without `.md`: `pelajaran/dokumen`. A
    /// translation without it follows the original's.
    #[serde(default)]
    pub next: Option<String>,
    /// The page before this one, when the page that names this one as its
    /// `next` is not the one meant (see [`crate::library::Library::steps`]).
    #[serde(default)]
    pub previous: Option<String>,
    /// The home page's entry points by situation ("I want to work
    /// abroad", …): label, target page and icon, in the page's language.
    #[serde(default)]
    pub journeys: Vec<Journey>,
    /// Questions that check understanding (`questions:`), in the page's
    /// language: shown at the end of the lesson, on the session slides and in
    /// the facilitator's guide.
    #[serde(default)]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub extra: serde_json::Value,
}

/// One question of a lesson (`questions:`): a true/false statement (no
/// `choices`, `answer: true` or `false`) or a multiple-choice question
/// (two to four `choices`, `answer:` the letter of the right one, `a` for
/// the first).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The statement or the question, in plain words.
    pub ask: String,
    /// The options of a multiple-choice question, in the order shown.
    #[serde(default)]
    pub choices: Vec<String>,
    pub answer: Answer,
    /// One or two sentences: why that is the answer.
    pub why: String,
}

/// The answer of a [`Question`]: `true`/`false` for a statement, a letter
/// (`a`, `b`, …) for a multiple-choice question.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Answer {
    TrueFalse(bool),
    Choice(String),
}

/// One entry point of the home page (`journeys:`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Journey {
    /// What the reader sees, in plain words: "Saya ingin kerja ke luar negeri".
    pub label: String,
    /// The page it leads to, from `content/` without `.md`.
    pub page: String,
    /// The name of one of the theme's icons (`work`, `offer`, `family`,
    /// `home`, `village`); the theme draws an arrow for any other.
    #[serde(default)]
    pub icon: Option<String>,
}

/// A page named in front matter (`next:`, `journeys:`) as a page key:
/// `pelajaran/dokumen.md`, `/pelajaran/dokumen` and `pelajaran/dokumen`
/// all name the same page.
pub fn page_key(named: &str) -> String {
    named
        .trim()
        .trim_end_matches(".md")
        .trim_matches('/')
        .to_string()
}

/// What a lesson is about; drives the icon and the style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Procedure,
    Warning,
    Scam,
    Info,
}

/// How far a translation has been checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TranslationState {
    Draft,
    Reviewed,
}

/// A file split into front matter and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the first YAML line (the line after the opening `---`).
    pub yaml_line: usize,
    pub body: &'a str,
    /// 1-based line where the body starts.
    pub body_line: usize,
}

/// Split `text` at its `---` fences.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Err(
            Error::content(path, 1, Msg::NoFrontMatter).with_hint(Msg::StartWithFrontMatter)
        );
    }
    let mut offset = first_line_end;
    let mut line = 2;
    while offset < text.len() {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        if text[offset..end].trim_end() == "---" {
            return Ok(Split {
                yaml: &text[first_line_end..offset],
                yaml_line: 2,
                body: &text[end..],
                body_line: line + 1,
            });
        }
        offset = end;
        line += 1;
    }
    Err(Error::content(path, 1, Msg::FrontMatterUnclosed).with_hint(Msg::CloseFrontMatter))
}

/// Parse the front matter of a Markdown file.
pub fn parse<'a>(path: &Path, text: &'a str) -> Result<(FrontMatter, Split<'a>)> {
    let split = split(path, text)?;
    let fm: FrontMatter = yaml::parse(path, split.yaml, split.yaml_line)?;
    if fm.title.trim().is_empty() {
        return Err(Error::content(
            path,
            yaml::line_of(text, "title:"),
            Msg::EmptyTitle,
        ));
    }
    Ok((fm, split))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split(Path::new("a.md"), "---\ntitle: A\n---\n# Body\n").unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "# Body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let s = split(Path::new("a.md"), "\u{feff}---\r\ntitle: A\r\n---\r\nx").unwrap();
        assert_eq!(s.body, "x");
    }

    #[test]
    fn missing_or_unclosed_front_matter() {
        assert!(matches!(
            split(Path::new("a.md"), "# no"),
            Err(Error::Content { line: 1, .. })
        ));
        assert!(matches!(
            split(Path::new("a.md"), "---\ntitle: x\n"),
            Err(Error::Content { line: 1, .. })
        ));
    }

    #[test]
    fn unknown_key_points_at_its_file_line() {
        let err = parse(Path::new("a.md"), "---\ntitle: A\nsumary: B\n---\n").unwrap_err();
        match err {
            Error::Yaml { line, hint, .. } => {
                assert_eq!(line, 3);
                assert!(matches!(hint, Some(Msg::DidYouMeanKey { best, .. }) if best == "summary"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wrong_type_points_at_its_file_line_and_column() {
        let err = parse(Path::new("a.md"), "---\ntitle: A\ndraft: maybe\n---\n").unwrap_err();
        assert!(
            matches!(
                err,
                Error::Yaml {
                    line: 3,
                    column: 8,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn bad_date_is_an_error() {
        let err = parse(
            Path::new("a.md"),
            "---\ntitle: A\nupdated: 28-11-2026\n---\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn extra_is_free_form() {
        let (fm, _) = parse(
            Path::new("a.md"),
            "---\ntitle: A\nextra:\n  anything: [1, 2]\n---\n",
        )
        .unwrap();
        assert_eq!(fm.extra["anything"][1], 2);
    }
}
