//! The site's offline search: one index per language, written as a small
//! script (`search/index-LANG.js`, which sets `window.lenteraSearch`) so that
//! a `<script>` tag can load it from `file://` too, plus the A–Z topic page
//! that the search form falls back to without JavaScript.
//!
//! This module decides what is indexed in each language (a page missing in a
//! language is indexed there with its Indonesian text, so a search on a
//! fallback page finds it; villages; glossary terms) and turns Markdown into
//! the plain text the analysis reads. Folding, stemming, weighing, the index
//! format and the ranking are the crate `lentera-search`.

pub mod topics;

use std::sync::Arc;

pub use lentera_search::*;

use crate::config::Config;
use crate::content::Page;
use crate::library::Library;
use crate::markdown;
use crate::output::OutputFile;
use crate::urls::page_path;

pub use topics::{TopicEntry, TopicGroup, TopicLink, topics};

/// Output path of one language's index.
pub fn index_path(lang: &str) -> String {
    crate::urls::search_index(lang)
}

/// Output path of the browser script (copied from the theme's `static/`).
pub const SCRIPT_PATH: &str = crate::urls::SEARCH_SCRIPT;

/// The A–Z topic page of `lang` (see [`crate::urls::topics_page`]).
pub fn topics_path(config: &Config, lang: &str, portable: bool) -> String {
    crate::urls::topics_page(config, lang, portable)
}

/// Each page key in `lang`: the page written in it, or the original it falls
/// back to (see [`Library::resolve`]), with whether it is such a fallback.
pub fn pages_in<'a>(
    site: &'a Library,
    lang: &'a str,
) -> impl Iterator<Item = (&'a Page, bool)> + 'a {
    site.in_language(lang).map(|r| (r.page, r.fallback))
}

/// Every page's analysis, by its position in `site.pages`: made once per
/// page when its Markdown is parsed ([`Library::parse_pages`]), whatever the
/// number of languages it is shown in.
fn analyses(site: &Library) -> Vec<Arc<Analysis>> {
    (0..site.pages.len())
        .map(|i| site.parsed(i).analysis.clone())
        .collect()
}

/// The index of `lang`: every page (translated or fallback) and village.
pub fn build(site: &Library, lang: &str, portable: bool) -> Index {
    build_with(site, lang, portable, &analyses(site))
}

fn build_with(site: &Library, lang: &str, portable: bool, analyses: &[Arc<Analysis>]) -> Index {
    let config = &site.config;
    let def = config.default_language.as_str();
    let pages = site.in_language(lang).map(|resolved| {
        let page = resolved.page;
        let front = &page.front;
        let doc = Doc {
            title: front.title.clone(),
            summary: front.summary.clone().unwrap_or_default(),
            path: page_path(config, &page.key, lang, portable),
            fallback: resolved.fallback,
        };
        (doc, analyses[resolved.index].as_ref())
    });
    // Villages and glossary terms, analysed here (for this language).
    let mut others = Vec::new();
    for v in &site.villages {
        let f = &v.file;
        let place = [
            f.kecamatan.as_deref(),
            Some(f.kabupaten.as_str()),
            f.provinsi.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        let about = f
            .about
            .as_ref()
            .map(|a| a.get(lang, def))
            .unwrap_or_default();
        // A village's text is in the reader's language when it has one.
        let text_lang = match &f.about {
            Some(crate::config::Localized::PerLanguage(map)) if map.contains_key(lang) => lang,
            _ => def,
        };
        let (headings, body) = markdown::plain_text_of(about);
        let analysis = analyze(&DocText {
            lang: text_lang,
            title: &f.name,
            summary: &place,
            headings: &headings,
            body: &body,
            ..Default::default()
        });
        let doc = Doc {
            title: f.name.clone(),
            summary: place,
            path: page_path(config, &v.key, lang, portable),
            fallback: false,
        };
        others.push((doc, analysis));
    }
    // Each glossary term is a result of its own, leading to its explanation.
    if let Some(glossary) = site.glossary(lang) {
        let page = crate::content::glossary::page_path(config, lang, portable);
        for e in &glossary.entries {
            let analysis = analyze(&DocText {
                lang: &glossary.lang,
                keywords: vec![e.term.as_str()],
                title: &e.term,
                summary: &e.text,
                ..Default::default()
            });
            let doc = Doc {
                title: e.term.clone(),
                summary: e.text.clone(),
                path: format!("{page}#{}", e.id),
                fallback: glossary.lang != lang,
            };
            others.push((doc, analysis));
        }
    }
    let (other_docs, other_analyses): (Vec<Doc>, Vec<Analysis>) = others.into_iter().unzip();
    Index::with_docs(
        lang,
        pages.chain(other_docs.into_iter().zip(&other_analyses)),
    )
}

/// The index file of every language, one language after the other: two
/// made at once held 40-60 MB more at 30,000 pages (BENCHMARKS.md), and
/// made in parallel after the pages they were no quicker at 3,000.
pub fn files(site: &Library, portable: bool) -> Vec<OutputFile> {
    let analyses = analyses(site);
    site.config
        .languages
        .iter()
        .map(|l| {
            let index = build_with(site, &l.code, portable, &analyses);
            OutputFile::bytes(index_path(&l.code), index.to_js())
        })
        .collect()
}

#[cfg(test)]
mod tests {

    use super::*;

    fn site(files: &[(&str, &str)]) -> Library {
        crate::library::test_library(
            "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: Indonesia}\n  - {code: jv, name: Jawa}\n",
            files,
        )
    }

    /// `serve` keeps pages' parses (and with them their analyses) by text:
    /// the index files are the same with and without the memo, a changed
    /// page is parsed again, and what a build did not use is gone after the
    /// next.
    #[test]
    fn kept_parses_give_the_same_index_and_follow_edits() {
        let parsed = |files: &[(&str, &str)], memo: Option<&crate::library::ParseMemo>| {
            let mut site = site(files);
            site.parse_pages(memo);
            site
        };
        let one_files = [
            (
                "a.id.md",
                "---\ntitle: Paspor resmi\n---\nMembuat paspor di kantor imigrasi.",
            ),
            (
                "b.id.md",
                "---\ntitle: Calo\n---\nCalo menjanjikan kerja cepat.",
            ),
        ];
        let one = site(&one_files);
        let memo = crate::library::ParseMemo::default();
        memo.next_build();
        assert_eq!(
            files(&parsed(&one_files, Some(&memo)), false),
            files(&one, false)
        );
        assert_eq!(memo.len(), 2);
        let edited_files = [
            one_files[0],
            ("b.id.md", "---\ntitle: Calo\n---\nCalo meminta uang muka."),
        ];
        let edited = site(&edited_files);
        memo.next_build();
        let with_memo = files(&parsed(&edited_files, Some(&memo)), false);
        assert_eq!(with_memo, files(&edited, false));
        assert_ne!(with_memo, files(&one, false));
        // The old text of b.id.md is kept one build more, then dropped.
        assert_eq!(memo.len(), 3);
        memo.next_build();
        parsed(&edited_files, Some(&memo));
        assert_eq!(memo.len(), 2);
    }

    fn paths(results: &[&Doc]) -> Vec<String> {
        results.iter().map(|d| d.path.clone()).collect()
    }

    #[test]
    fn keywords_weigh_more_than_the_title_and_the_title_more_than_the_body() {
        let site = site(&[
            (
                "a/kata.md",
                "---\ntitle: Satu\nkeywords: [tipu]\n---\nIsi.\n",
            ),
            ("a/judul.md", "---\ntitle: Awas tipu daya\n---\nIsi.\n"),
            (
                "a/isi.md",
                "---\ntitle: Tiga\n---\n## Tipu\n\nTipu, menipu, penipuan, tertipu, ditipu, tipuan, penipu.\n",
            ),
        ]);
        let index = build(&site, "id", false);
        let (k, t, b) = (
            index.weight("tipu", "a/kata/"),
            index.weight("tipu", "a/judul/"),
            index.weight("tipu", "a/isi/"),
        );
        assert!(k > t && t > b && b > 0, "keyword {k}, title {t}, body {b}");
        assert_eq!(
            paths(&index.search("tipu")),
            vec!["a/kata/", "a/judul/", "a/isi/"]
        );
    }

    #[test]
    fn word_forms_and_typos_find_the_root() {
        let site = site(&[(
            "modus/calo.md",
            "---\ntitle: Calo\nsummary: Janji cepat berangkat.\n---\nPenipuan oleh calo.\n",
        )]);
        let index = build(&site, "id", false);
        for query in [
            "tipu",
            "menipu",
            "ditipu",
            "PENIPUAN",
            "penipuaan",
            "berangkatnya",
        ] {
            assert_eq!(paths(&index.search(query)), vec!["modus/calo/"], "{query}");
        }
        // One edit only, and only on words of five letters or more.
        assert!(index.search("penipuaaan").is_empty());
        assert!(index.search("calu").is_empty());
        assert!(index.roots.contains("tipu") && index.roots.contains("calo"));
        let doc = &index.search("tipu")[0];
        assert_eq!(
            (doc.title.as_str(), doc.summary.as_str()),
            ("Calo", "Janji cepat berangkat.")
        );
    }

    #[test]
    fn fallback_pages_are_indexed_in_every_language() {
        let site = site(&[
            (
                "modus/utang.md",
                "---\ntitle: Utang\n---\nJerat utang dan penipuan.\n",
            ),
            ("modus/calo.md", "---\ntitle: Calo\n---\nCalo.\n"),
            ("modus/calo.jv.md", "---\ntitle: Calo\n---\nCalo ngapusi.\n"),
        ]);
        let jv = build(&site, "jv", true);
        let utang = jv.search("menipu");
        assert_eq!(paths(&utang), vec!["jv/modus/utang/index.html"]);
        assert!(utang[0].fallback);
        // Javanese text is indexed as written.
        assert_eq!(
            paths(&jv.search("ngapusi")),
            vec!["jv/modus/calo/index.html"]
        );
        assert!(!jv.search("ngapusi")[0].fallback);
        assert!(jv.terms.contains_key("ngapusi"));
    }

    #[test]
    fn the_index_is_a_script_with_its_roots() {
        let site = site(&[("a.md", "---\ntitle: Penipuan\n---\n")]);
        let js = build(&site, "id", false).to_js();
        assert!(
            js.contains("\nwindow.lenteraSearch={\"lang\":\"id\",\"roots\":\"tipu\","),
            "{js}"
        );
        assert!(
            js.contains("\"docs\":[[\"Penipuan\",\"\",\"a/\",0]]"),
            "{js}"
        );
        assert!(js.contains("\"terms\":{\"tipu\":[0,8]}"), "{js}");
    }
}
