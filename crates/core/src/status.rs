//! Translation status of every page in every language: shared by
//! `lentera check` and the staff page `/status/` of the built site.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::content::{Page, TranslationState};
use crate::library::Library;

/// How far a page is translated into one language.
///
/// Two different drafts: `translation: draft` is a translation that is
/// published but not yet reviewed by a native speaker ([`Status::Draft`]);
/// `draft: true` is a file that is not published at all, so readers see the
/// original ([`Status::Unpublished`]). A published translation older than its
/// original is [`Status::Stale`] whether it was reviewed or not: a fact or a
/// number may have changed, and that matters more than the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The page is written in this language (the default language's own page).
    Original,
    /// Published and reviewed (`translation: reviewed`, or no `translation:`).
    Translated,
    /// Published with `translation: draft`: not yet reviewed.
    Draft,
    /// Published, but its `updated:` is older than the original's (or it has
    /// none): reviewed or not, it may say what the original no longer does.
    Stale,
    /// Written but marked `draft: true`: not published, readers see the
    /// original.
    Unpublished,
    /// Not written: the build shows the original with a notice.
    Missing,
}

/// The translation status of one page across all languages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub key: String,
    pub file: PathBuf,
    pub title: String,
    pub langs: BTreeMap<String, Status>,
}

/// The status of `page`, a translation of `original`.
pub fn of(page: &Page, original: &Page) -> Status {
    if page.front.draft {
        return Status::Unpublished;
    }
    match (page.front.updated, original.front.updated) {
        (Some(t), Some(o)) if t < o => Status::Stale,
        (None, Some(_)) => Status::Stale,
        _ if page.front.translation == Some(TranslationState::Draft) => Status::Draft,
        _ => Status::Translated,
    }
}

/// Every translation with its original: the published ones (the pages of
/// the library) and those marked `draft: true`, by page key and language.
pub fn translations(site: &Library) -> Vec<(&Page, &Page)> {
    let mut out = Vec::new();
    for group in site.groups() {
        let original = group.original();
        for page in group.variants().filter(|p| p.lang != original.lang) {
            out.push((page, original));
        }
        for page in site
            .draft_pages
            .iter()
            .filter(|p| p.key == group.key() && p.lang != original.lang)
        {
            if !group.has(&page.lang) {
                out.push((page, original));
            }
        }
    }
    out
}

/// Every page's status in every configured language.
pub fn translation_status(site: &Library) -> Vec<Row> {
    let config = &site.config;
    site.groups()
        .map(|group| {
            let original = group.original();
            let langs = config
                .languages
                .iter()
                .map(|l| {
                    let unpublished = || {
                        site.draft_pages
                            .iter()
                            .find(|p| p.key == group.key() && p.lang == l.code)
                    };
                    let status = match group.variant(&l.code).or_else(unpublished) {
                        None => Status::Missing,
                        Some(p) if p.lang == original.lang => Status::Original,
                        Some(p) => of(p, original),
                    };
                    (l.code.clone(), status)
                })
                .collect();
            Row {
                key: group.key().to_string(),
                file: original.path.clone(),
                title: original.front.title.clone(),
                langs,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_of_each_kind() {
        let site = crate::library::test_library(
            "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: I}\n  - {code: en, name: E}\n  - {code: jv, name: J}\n  - {code: su, name: S}\n  - {code: ljp, name: L}\n",
            &[
                ("a.md", "---\ntitle: T\nupdated: 2026-02-01\n---\n"),
                (
                    "a.en.md",
                    "---\ntitle: T\nupdated: 2026-01-01\ntranslation: reviewed\n---\n",
                ),
                (
                    "a.jv.md",
                    "---\ntitle: T\nupdated: 2026-03-01\ntranslation: draft\n---\n",
                ),
                // `translation: draft` and older than the original: stale wins.
                (
                    "a.ljp.md",
                    "---\ntitle: T\nupdated: 2026-01-15\ntranslation: draft\n---\n",
                ),
            ],
        );
        let rows = translation_status(&site);
        assert_eq!(rows.len(), 1);
        let l = &rows[0].langs;
        assert_eq!(l["id"], Status::Original);
        assert_eq!(l["en"], Status::Stale);
        assert_eq!(l["jv"], Status::Draft);
        assert_eq!(l["ljp"], Status::Stale);
        assert_eq!(l["su"], Status::Missing);
    }

    #[test]
    fn a_translation_marked_draft_true_is_unpublished_not_missing() {
        let lib = crate::library::test_library(
            "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: I}\n  - {code: jv, name: J}\n",
            &[("a.md", "---\ntitle: T\nupdated: 2026-02-01\n---\n")],
        );
        let mut site = lib.into_site();
        // As `content::load` leaves it: not among the pages, kept apart.
        let config = site.config.clone();
        site.draft_pages.push(
            crate::content::parse_page(
                "a.jv.md",
                "---\ntitle: T\nupdated: 2025-01-01\ntranslation: draft\ndraft: true\n---\n",
                &config,
            )
            .unwrap(),
        );
        let lib = Library::new(site);
        assert_eq!(translation_status(&lib)[0].langs["jv"], Status::Unpublished);
        let json = serde_json::to_value(translation_status(&lib)).unwrap();
        assert_eq!(json[0]["langs"]["jv"], "unpublished");
        assert_eq!(translations(&lib).len(), 1);
    }
}
