//! The glossary: `content/glosarium/LANG.yaml` explains the terms and
//! acronyms the lessons use (BP3MI, P3MI, LTSA, M-Paspor …), one file per
//! language. A language without its own file uses the default language's.
//!
//! What follows from it lives here: the glossary page of each language
//! (`/glosarium/`, `/en/glosarium/`), the links from the first use of each
//! term in a lesson (made by [`crate::markdown`] from [`Links`]), the search
//! entries, and the warning about terms a page uses that its language's
//! glossary does not explain.
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
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::i18n::Strings;
use crate::library::Library;
use crate::output::OutputFile;
use crate::render::{RenderOptions, SiteWideKey, SiteWideView, TextOf};
use crate::templates::Templates;
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
            let id = crate::markdown::slugify(&term);
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
fn acronyms<'t>(text: &'t str, covered: &dyn Fn(&str) -> bool) -> Vec<&'t str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !covered(w))
        .flat_map(|w| w.split('-'))
        .filter(|w| is_acronym(w) && !covered(w))
        .collect()
}

/// Warnings for terms a page uses that its language's glossary neither
/// explains nor lists as known: acronyms ([`is_acronym`]) and any term of
/// another language's glossary (`M-Paspor`, `Disnaker`). One warning per
/// page, naming its first line. Nothing when the site has no glossary.
pub fn warnings(site: &Site) -> Vec<Diagnostic> {
    use pulldown_cmark::{Event, Tag, TagEnd};
    if site.glossaries.is_empty() {
        return Vec::new();
    }
    let all_terms: BTreeSet<&str> = site
        .glossaries
        .iter()
        .flat_map(|g| g.entries.iter().map(|e| e.term.as_str()))
        .collect();
    let others = Links {
        path: String::new(),
        terms: all_terms
            .iter()
            .map(|t| (t.to_string(), String::new()))
            .collect(),
    };
    let mut out = Vec::new();
    for page in &site.pages {
        let glossary = site.glossary(&page.lang);
        let covered = |t: &str| glossary.is_some_and(|g| g.covers(t));
        let body = &*page.body;
        let mut missing: Vec<String> = Vec::new();
        let mut first = None;
        let mut in_code = false;
        for (event, range) in crate::markdown::parser(body).into_offset_iter() {
            let text = match event {
                Event::Start(Tag::CodeBlock(_)) => {
                    in_code = true;
                    continue;
                }
                Event::End(TagEnd::CodeBlock) => {
                    in_code = false;
                    continue;
                }
                Event::Text(t) if !in_code => t,
                _ => continue,
            };
            let mut found: Vec<String> = acronyms(&text, &covered)
                .into_iter()
                .map(String::from)
                .collect();
            let mut seen = BTreeSet::new();
            for (piece, anchor) in others.split(&text, &mut seen) {
                if anchor.is_some() {
                    found.push(piece.to_string());
                }
            }
            for term in found {
                if !covered(&term) && !missing.contains(&term) {
                    first.get_or_insert(range.start);
                    missing.push(term);
                }
            }
        }
        if let Some(at) = first {
            let line = page.body_line + body[..at].matches('\n').count();
            let file = glossary.map_or_else(
                || crate::content::display_path(&format!("{SLUG}/{}.yaml", page.lang)),
                |g| g.path.clone(),
            );
            out.push(Diagnostic::warning(
                page.path.clone(),
                line,
                Msg::GlossaryMissing {
                    lang: glossary
                        .map_or(page.lang.as_str(), |g| g.lang.as_str())
                        .to_string(),
                    terms: missing.join(", "),
                },
                Some(Msg::ExplainTerms {
                    file: file.display().to_string(),
                }),
            ));
        }
    }
    out
}

/// The glossary page of `lang`: every term with its anchor and explanation,
/// rendered with the theme's `glossary.html`.
pub fn page(
    site: &Library,
    templates: &Templates,
    strings: &Strings,
    globals: &tera::Context,
    lang: &str,
    opts: &RenderOptions,
) -> Result<OutputFile> {
    let config = &site.config;
    let glossary = site
        .glossary(lang)
        .expect("called for languages with a glossary");
    let dir_path = page_path(config, lang, false);
    let root = crate::urls::root_prefix(&dir_path);
    let abs = |l: &str| format!("{}{}", config.base_url, page_path(config, l, false));
    let alternates = crate::render::every_language(config, abs);
    let content_lang = config.language(&glossary.lang).expect("configured");
    let mut ctx = globals.clone();
    ctx.insert("root", &root);
    ctx.insert(
        "page",
        &SiteWideView {
            canonical: Some(abs(&glossary.lang)),
            permalink: Some(abs(lang)),
            alternates,
            text: Some(TextOf {
                fallback: glossary.lang != lang,
                content_lang: &glossary.lang,
                content_dir: content_lang.dir,
                original_lang_name: &content_lang.name,
                original_href: format!(
                    "{root}{}",
                    page_path(config, &glossary.lang, opts.portable)
                ),
            }),
            ..SiteWideView::new(SiteWideKey::Glossary, &strings.get(lang, "glossary_title"))
        },
    );
    ctx.insert("terms", &glossary.entries);
    ctx.insert(
        "languages",
        &crate::render::switch_items(config, lang, |l| {
            format!("{root}{}", page_path(config, l, opts.portable))
        }),
    );
    crate::render::standalone(
        templates,
        &ctx,
        "glossary.html",
        &format!("the glossary ({lang})"),
        format!("{dir_path}index.html"),
        opts,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(terms: &[&str]) -> Links {
        let mut l = Links {
            path: "glosarium/".into(),
            terms: terms
                .iter()
                .map(|t| (t.to_string(), crate::markdown::slugify(t)))
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
