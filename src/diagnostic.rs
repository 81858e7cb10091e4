//! Problems as values: one [`Diagnostic`] type for errors and warnings, and
//! the warnings about the content that `build` prints and `check` reports
//! (one list, the same words).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::messages::{Lang, Msg};

use crate::config::Date;
use crate::library::Library;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, located in a file: what `build`, `check`, `new`, `serve` and
/// its overlay all show (rendered by [`crate::report`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based; 0 when the problem has no line.
    pub line: usize,
    /// 1-based, in characters; 0 when unknown.
    pub column: usize,
    pub severity: Severity,
    pub message: Msg,
    /// What to do about it.
    pub hint: Option<Msg>,
    /// The text of the dependency that found it (Tera, serde_yaml, image,
    /// Typst, the operating system), in its own words.
    pub detail: Option<String>,
    /// What lentera was doing ("while rendering content/a.md").
    pub context: Option<Msg>,
}

impl Diagnostic {
    pub fn warning(
        file: impl Into<PathBuf>,
        line: usize,
        message: Msg,
        hint: Option<Msg>,
    ) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            line,
            column: 0,
            severity: Severity::Warning,
            message,
            hint,
            detail: None,
            context: None,
        }
    }

    /// `file:line: message` in English, for one-line logs and tests.
    pub fn located(&self) -> String {
        match self.line {
            0 => format!("{}: {}", self.file.display(), self.message),
            n => format!("{}:{n}: {}", self.file.display(), self.message),
        }
    }

    /// The diagnostic as JSON for `check --format json`: stable English keys,
    /// the `code` of the message and of the hint, and the texts in `lang`.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "severity": self.severity,
            "code": self.message.code(),
            "file": self.file.display().to_string(),
            "line": self.line,
            "column": self.column,
            "message": self.message.text(lang),
            "context": self.context.as_ref().map(|c| c.text(lang)),
            "hint_code": self.hint.as_ref().map(Msg::code),
            "hint": self.hint.as_ref().map(|h| h.text(lang)),
            "detail": self.detail,
        })
    }
}

/// At most this many diagnostics of one message code are shown per file.
pub const SHOWN_PER_FILE_AND_CODE: usize = 20;

/// `list` as people are shown it: at most [`SHOWN_PER_FILE_AND_CODE`] of
/// each message code per file, the rest counted on one line after the last
/// shown (a file with 20,000 broken links printed 6 MB). The order of what
/// is shown is kept.
pub fn capped(list: &[Diagnostic]) -> Vec<Diagnostic> {
    let limit = SHOWN_PER_FILE_AND_CODE;
    let mut totals: std::collections::HashMap<(&Path, &str), usize> = Default::default();
    for d in list {
        *totals.entry((&d.file, d.message.code())).or_default() += 1;
    }
    let mut seen: std::collections::HashMap<(&Path, &str), usize> = Default::default();
    let mut out = Vec::with_capacity(list.len().min(totals.len() * (limit + 1)));
    for d in list {
        let key = (d.file.as_path(), d.message.code());
        let n = seen.entry(key).or_default();
        *n += 1;
        if *n <= limit {
            out.push(d.clone());
        }
        let total = totals[&key];
        if *n == limit && total > limit {
            out.push(Diagnostic {
                file: d.file.clone(),
                line: 0,
                column: 0,
                severity: d.severity,
                message: Msg::MoreDiagnostics {
                    n: total - limit,
                    code: key.1.to_string(),
                },
                hint: None,
                detail: None,
                context: None,
            });
        }
    }
    out
}

/// One warning per language with interface strings missing (`(lang, key)`
/// pairs, as the strings report them): the default language is shown there.
pub fn missing_strings(theme: &str, missing: &[(String, String)]) -> Vec<Diagnostic> {
    let mut by_lang: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for (lang, key) in missing {
        by_lang.entry(lang).or_default().push(key);
    }
    by_lang
        .into_iter()
        .map(|(lang, keys)| {
            Diagnostic::warning(
                format!("themes/{theme}/i18n/{lang}.yaml"),
                0,
                Msg::InterfaceStringsMissing {
                    n: keys.len(),
                    lang: lang.to_string(),
                    keys: keys.join(", "),
                },
                Some(Msg::AddStrings {
                    lang: lang.to_string(),
                }),
            )
        })
        .collect()
}

/// One warning while `base_url` is a reserved or local name: leaflets and
/// posters print a sample box instead of the QR code, with a watermark.
pub fn placeholder_base_url(root: &Path, config: &crate::config::Config) -> Option<Diagnostic> {
    if !config.base_url_is_placeholder() {
        return None;
    }
    let site_yaml = std::fs::read_to_string(root.join("content/site.yaml")).unwrap_or_default();
    Some(Diagnostic::warning(
        "content/site.yaml",
        crate::yaml::line_of(&site_yaml, "base_url:"),
        Msg::BaseUrlPlaceholder {
            url: config.base_url.clone(),
        },
        Some(Msg::SetBaseUrl),
    ))
}

/// Why the numbers of `key`, last checked on `checked` (never if `None`), are due.
pub fn stale_numbers(key: &str, checked: Option<Date>, days: u32) -> Msg {
    match checked {
        Some(date) => Msg::NumbersStale {
            key: key.to_string(),
            date: date.to_string(),
            days,
        },
        None => Msg::NumbersNeverChecked {
            key: key.to_string(),
        },
    }
}

/// Why the phone of village contact `name`, last checked on `checked`, is due.
pub fn stale_phone(name: &str, checked: Option<Date>, days: u32) -> Msg {
    match checked {
        Some(date) => Msg::PhoneStale {
            name: name.to_string(),
            date: date.to_string(),
            days,
        },
        None => Msg::PhoneNeverChecked {
            name: name.to_string(),
        },
    }
}

/// A warning that a phone number is due for re-checking (site.yaml or a
/// village): `build` and `serve` count these in one line, `check` lists each.
pub fn is_stale_number(d: &Diagnostic) -> bool {
    d.severity == Severity::Warning
        && matches!(
            d.message,
            Msg::NumbersStale { .. }
                | Msg::NumbersNeverChecked { .. }
                | Msg::PhoneStale { .. }
                | Msg::PhoneNeverChecked { .. }
        )
}

/// Warnings about the content itself: contact numbers checked too long ago or never
/// (site.yaml and villages) and translations older than their original.
pub fn content_warnings(root: &Path, site: &Library, today: Date) -> Vec<Diagnostic> {
    let days = site.config.stale_after_days;
    let mut out = Vec::new();
    let site_yaml = std::fs::read_to_string(root.join("content/site.yaml")).unwrap_or_default();
    for (key, date) in site.config.stale_contacts(today) {
        out.push(Diagnostic::warning(
            "content/site.yaml",
            crate::yaml::line_of(&site_yaml, &format!("key: {key}")),
            stale_numbers(key, date, days),
            Some(Msg::CheckNumbers),
        ));
    }
    for (village, name, date) in site.stale_village_contacts(today) {
        let text = std::fs::read_to_string(root.join(&village.path)).unwrap_or_default();
        out.push(Diagnostic::warning(
            village.path.clone(),
            crate::yaml::line_of(&text, &name),
            stale_phone(&name, date, days),
            Some(Msg::CheckPhone),
        ));
    }
    for (page, original) in crate::status::translations(site) {
        if page.front.draft {
            // Not published: readers see the original.
            continue;
        }
        let lang = page.lang.clone();
        let updated = page.key_line("updated");
        if crate::status::of(page, original) == crate::status::Status::Stale {
            let message = if page.front.updated.is_none() {
                Msg::TranslationUpdatedMissing { lang: lang.clone() }
            } else {
                Msg::TranslationStale { lang: lang.clone() }
            };
            out.push(Diagnostic::warning(
                page.path.clone(),
                updated,
                message,
                Some(Msg::ReviewTranslation { lang }),
            ));
        }
        out.extend(differences(page, original));
    }
    out.extend(crate::content::questions::missing(site));
    out
}

/// Warnings for a translation whose `kind`, `weight` or number of key points
/// differs from its original's: the order of a section, the icon and the
/// points a leaflet prints would differ between languages.
pub fn differences(
    page: &crate::content::Page,
    original: &crate::content::Page,
) -> Vec<Diagnostic> {
    let (ours, theirs) = (&page.front, &original.front);
    let hint = || {
        Some(Msg::MatchOriginal {
            file: original.path.display().to_string(),
        })
    };
    // A key left out (the weight defaults to 0): point at the title.
    let line = |key: &str| match page.key_line(key) {
        0 => page.key_line("title"),
        n => n,
    };
    let mut out = Vec::new();
    if ours.kind != theirs.kind {
        let name = |k: Option<crate::content::Kind>| {
            k.and_then(|k| serde_json::to_value(k).ok())
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| "-".to_string())
        };
        out.push(Diagnostic::warning(
            page.path.clone(),
            line("kind"),
            Msg::TranslationKindDiffers {
                ours: name(ours.kind),
                original: name(theirs.kind),
            },
            hint(),
        ));
    }
    if ours.weight != theirs.weight {
        out.push(Diagnostic::warning(
            page.path.clone(),
            line("weight"),
            Msg::TranslationWeightDiffers {
                ours: ours.weight,
                original: theirs.weight,
            },
            hint(),
        ));
    }
    if ours.key_points.len() != theirs.key_points.len() {
        out.push(Diagnostic::warning(
            page.path.clone(),
            line("key_points"),
            Msg::TranslationKeyPointsDiffer {
                ours: ours.key_points.len(),
                original: theirs.key_points.len(),
            },
            hint(),
        ));
    }
    if ours.questions.len() != theirs.questions.len() {
        out.push(Diagnostic::warning(
            page.path.clone(),
            line("questions"),
            Msg::TranslationQuestionsDiffer {
                ours: ours.questions.len(),
                original: theirs.questions.len(),
            },
            hint(),
        ));
    }
    out
}
