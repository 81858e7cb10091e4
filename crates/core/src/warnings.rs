//! The warnings about the content that `build` prints and `check` reports
//! (one list, the same words): stale numbers and translations, missing
//! interface strings, the placeholder site address, and the glossary's terms
//! a page uses without explaining them ([`glossary`]).

use std::path::Path;

use lentera_messages::Msg;

use crate::config::Date;
use crate::diagnostic::{Diagnostic, Severity};
use crate::library::Library;

mod glossary;

pub use glossary::glossary_warnings;

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
    out.extend(missing_questions(site));
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

/// A warning for each lesson whose original has no questions (its
/// translations are measured against it by
/// [`differences`]).
pub fn missing_questions(site: &Library) -> Vec<Diagnostic> {
    site.groups()
        .map(|g| g.original())
        .filter(|p| crate::content::questions::expected(p) && p.front.questions.is_empty())
        .map(|p| {
            Diagnostic::warning(
                p.path.clone(),
                p.key_line("title"),
                Msg::LessonWithoutQuestions,
                Some(Msg::AddQuestions),
            )
        })
        .collect()
}

/// A warning that a lesson has no questions: `build` and `serve` count
/// these in one line, `check` lists each.
pub fn is_missing_questions(d: &Diagnostic) -> bool {
    d.message == Msg::LessonWithoutQuestions
}
