//! The glossary: `content/glosarium/LANG.yaml` explains the terms and
//! acronyms the lessons use (BP3MI, P3MI, LTSA, M-Paspor …), one file per
//! language. A language without its own file uses the default language's.
//!
//! Here: the glossaries as data and the [`Links`] the Markdown renderer makes
//! from the first use of each term in a lesson. The glossary page of each
//! language is [`crate::render`]'s (`render/glossary.rs`), its search entries
//! [`crate::search`]'s, and the warning about terms a page uses that its
//! language's glossary does not explain [`crate::warnings`]'s.
//!
//! ```yaml
//! terms:                       # term: short explanation (matched as written)
//!   BP3MI: Balai Pelayanan Pelindungan Pekerja Migran Indonesia, …
//!   M-Paspor: Aplikasi resmi untuk antre membuat paspor.
//! known: [KTP, SMS]            # acronyms every reader knows: not explained, not warned about
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::content::Site;
use crate::error::{Error, Result};
use lentera_messages::Msg;

/// Folder of the glossary files inside `content/`, and of the glossary page
/// inside each language's prefix.
pub const SLUG: &str = crate::urls::GLOSSARY_SLUG;

/// One term and its explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub term: String,
    pub text: String,
    /// Anchor on the glossary page (`bp3mi`, `m-paspor`).
    pub id: String,
}

/// One language's glossary file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Glossary {
    pub lang: String,
    /// `content/glosarium/LANG.yaml`, for messages.
    pub path: PathBuf,
    /// Sorted alphabetically (case folded).
    pub entries: Vec<Entry>,
    /// Acronyms every reader knows (KTP, SMS): never linked or warned about.
    pub known: BTreeSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    terms: BTreeMap<String, String>,
    #[serde(default)]
    known: Vec<String>,
}

impl Glossary {
    /// Parse the glossary of `lang` from `text` (the file `path`).
    pub fn parse(path: PathBuf, lang: &str, source: &str) -> Result<Glossary> {
        let file: File = crate::yaml::parse(&path, source, 1)?;
        let mut entries: Vec<Entry> = Vec::new();
        let mut ids = BTreeMap::new();
        for (term, explanation) in file.terms {
            let term = term.trim().to_string();
            let text = explanation.trim().to_string();
            if term.is_empty() || text.is_empty() {
                return Err(Error::content(
                    &path,
                    crate::yaml::line_of(source, &format!("{term}:")),
                    Msg::TermUnexplained { term: term.clone() },
                )
                .with_hint(Msg::WriteTerm));
            }
            let id = crate::urls::slugify(&term);
            if let Some(other) = ids.insert(id.clone(), term.clone()) {
                return Err(Error::content(
                    &path,
                    0,
                    Msg::TermsSameAnchor {
                        first: other,
                        second: term.clone(),
                        id: id.clone(),
                    },
                )
                .with_hint(Msg::KeepOne));
            }
            entries.push(Entry { term, text, id });
        }
        entries.sort_by(|a, b| {
            (a.term.to_lowercase(), &a.term).cmp(&(b.term.to_lowercase(), &b.term))
        });
        Ok(Glossary {
            lang: lang.to_string(),
            path,
            entries,
            known: file
                .known
                .into_iter()
                .map(|k| k.trim().to_string())
                .collect(),
        })
    }

    /// Whether `term` is explained or known.
    pub fn covers(&self, term: &str) -> bool {
        self.known.contains(term) || self.entries.iter().any(|e| e.term == term)
    }
}

impl Site {
    /// The glossary a reader of `lang` sees: the language's own file, else
    /// the default language's (the site's fallback rule).
    pub fn glossary(&self, lang: &str) -> Option<&Glossary> {
        self.glossaries.iter().find(|g| g.lang == lang).or_else(|| {
            self.glossaries
                .iter()
                .find(|g| g.lang == self.config.default_language)
        })
    }
}

/// The glossary page of `lang` from the site root (`glosarium/`,
/// `en/glosarium/`, `…/index.html` when portable).
pub fn page_path(config: &Config, lang: &str, portable: bool) -> String {
    crate::urls::glossary_page(config, lang, portable)
}

/// What the Markdown renderer needs to link terms in one language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Links {
    /// The glossary page from the site root.
    pub path: String,
    /// (term, anchor), longest term first, so `BPJS Ketenagakerjaan` wins
    /// over `BPJS`.
    pub terms: Vec<(String, String)>,
}

impl Links {
    pub fn new(site: &Site, lang: &str, portable: bool) -> Option<Links> {
        let g = site.glossary(lang)?;
        let mut terms: Vec<(String, String)> = g
            .entries
            .iter()
            .map(|e| (e.term.clone(), e.id.clone()))
            .collect();
        terms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Some(Links {
            path: page_path(&site.config, lang, portable),
            terms,
        })
    }

    /// `text` split into plain runs and terms to link: the first whole-word
    /// occurrence of each term not yet in `linked` (terms are matched as
    /// written). Each piece is (text, anchor if it is a term to link).
    pub fn split<'t>(
        &self,
        text: &'t str,
        linked: &mut BTreeSet<usize>,
    ) -> Vec<(&'t str, Option<&str>)> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < text.len() {
            if !text.is_char_boundary(i) || !boundary_before(text, i) {
                i += 1;
                continue;
            }
            let hit = self.terms.iter().enumerate().find(|(_, (term, _))| {
                text[i..].starts_with(term.as_str()) && boundary_after(text, i + term.len())
            });
            match hit {
                Some((n, (term, id))) => {
                    if linked.insert(n) {
                        if start < i {
                            out.push((&text[start..i], None));
                        }
                        out.push((&text[i..i + term.len()], Some(id.as_str())));
                        start = i + term.len();
                    }
                    i += term.len();
                }
                None => i += 1,
            }
        }
        if start < text.len() {
            out.push((&text[start..], None));
        }
        out
    }
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// No letter or digit (or a hyphen joined to one: `e-KPMI`) just before `i`.
fn boundary_before(text: &str, i: usize) -> bool {
    let mut before = text[..i].chars().rev();
    match before.next() {
        None => true,
        Some(c) if word_char(c) => false,
        Some('-') => !before.next().is_some_and(word_char),
        Some(_) => true,
    }
}

/// No letter or digit (or a hyphen joined to one: `P3MI-nya`) at `i`.
fn boundary_after(text: &str, i: usize) -> bool {
    let mut after = text[i..].chars();
    match after.next() {
        None => true,
        Some(c) if word_char(c) => false,
        Some('-') => !after.next().is_some_and(word_char),
        Some(_) => true,
    }
}

/// Whether `word` looks like an acronym a glossary should explain: three or
/// more capital letters and digits, at least two of them letters, and not a
/// Roman numeral (`III`).
pub fn is_acronym(word: &str) -> bool {
    word.len() >= 3
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && word.chars().filter(char::is_ascii_uppercase).count() >= 2
        && !word.chars().all(|c| "IVXLCDM".contains(c))
}

/// The acronyms in `text` that `covered` does not know: runs of letters,
/// digits and hyphens (a run `covered` knows as a whole, like `EPS-TOPIK`,
/// is fine), split at the hyphens (`LTSA-PMI` gives `LTSA` and `PMI`;
/// `PIMPASA-nya` gives `PIMPASA`), keeping only [`is_acronym`] parts.
pub(crate) fn acronyms<'t>(text: &'t str, covered: &dyn Fn(&str) -> bool) -> Vec<&'t str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !covered(w))
        .flat_map(|w| w.split('-'))
        .filter(|w| is_acronym(w) && !covered(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(terms: &[&str]) -> Links {
        let mut l = Links {
            path: "glosarium/".into(),
            terms: terms
                .iter()
                .map(|t| (t.to_string(), crate::urls::slugify(t)))
                .collect(),
        };
        l.terms.sort_by_key(|t| std::cmp::Reverse(t.0.len()));
        l
    }

    #[test]
    fn first_whole_word_occurrence_only() {
        let l = links(&["PMI", "BPJS", "BPJS Ketenagakerjaan"]);
        let mut linked = BTreeSet::new();
        let pieces = l.split(
            "CPMI, e-PMI dan PMI; lalu PMI lagi. BPJS Ketenagakerjaan",
            &mut linked,
        );
        let terms: Vec<_> = pieces.iter().filter(|p| p.1.is_some()).collect();
        assert_eq!(
            terms,
            [
                &("PMI", Some("pmi")),
                &("BPJS Ketenagakerjaan", Some("bpjs-ketenagakerjaan"))
            ]
        );
        let joined: String = pieces.iter().map(|p| p.0).collect();
        assert_eq!(
            joined,
            "CPMI, e-PMI dan PMI; lalu PMI lagi. BPJS Ketenagakerjaan"
        );
        assert!(
            l.split("PMI lagi", &mut linked)
                .iter()
                .all(|p| p.1.is_none())
        );
        // Matched as written.
        assert!(
            l.split("pmi", &mut BTreeSet::new())
                .iter()
                .all(|p| p.1.is_none())
        );
    }

    #[test]
    fn acronyms_are_caps_words_of_three_or_more() {
        let none = |_: &str| false;
        assert_eq!(
            acronyms(
                "LTSA-PMI, PIMPASA-nya, KK, Kelas III, 2025, SIP3MI dan e-KPMI",
                &none
            ),
            ["LTSA", "PMI", "PIMPASA", "SIP3MI", "KPMI"]
        );
        let known = |w: &str| w == "EPS-TOPIK" || w == "PMI";
        assert_eq!(acronyms("EPS-TOPIK, LTSA-PMI", &known), ["LTSA"]);
    }
}
