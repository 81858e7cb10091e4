//! Translation status of every page in every language: shared by
//! `lentera check` and the staff page `/status/` of the built site.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::content::TranslationState;
use crate::library::Library;

/// How far a page is translated into one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The page is written in this language (the default language's own page).
    Original,
    Translated,
    /// Marked `translation: draft`.
    Draft,
    /// The original was reviewed (`updated`) after this translation.
    Stale,
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
                    let status = match group.variant(&l.code) {
                        None => Status::Missing,
                        Some(p) if p.lang == original.lang => Status::Original,
                        Some(p) if p.front.translation == Some(TranslationState::Draft) => {
                            Status::Draft
                        }
                        Some(p) => match (p.front.updated, original.front.updated) {
                            (Some(t), Some(o)) if t < o => Status::Stale,
                            (None, Some(_)) => Status::Stale,
                            _ => Status::Translated,
                        },
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
            "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: I}\n  - {code: en, name: E}\n  - {code: jv, name: J}\n  - {code: su, name: S}\n",
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
            ],
        );
        let rows = translation_status(&site);
        assert_eq!(rows.len(), 1);
        let l = &rows[0].langs;
        assert_eq!(l["id"], Status::Original);
        assert_eq!(l["en"], Status::Stale);
        assert_eq!(l["jv"], Status::Draft);
        assert_eq!(l["su"], Status::Missing);
    }
}
