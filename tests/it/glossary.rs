//! The glossary (`content/glosarium/LANG.yaml`): a page per language with an
//! anchor per term, the first use of each term in a lesson linked to it,
//! search entries, and the check warning about terms a glossary lacks. On a
//! fixture and on the real content.

use lentera_check::{self as check, CheckOptions};

use crate::common::{TestSite, broken_links, html, options, repo, tree};

fn fixture() -> (TestSite, lentera_core::Build) {
    let site = TestSite::fixture("glossary");
    let build = site
        .build_with(options(false, true))
        .expect("the glossary fixture builds");
    (site, build)
}

fn glossary_warnings(build: &lentera_core::Build) -> Vec<String> {
    build
        .warnings
        .iter()
        .filter(|w| w.message.to_string().contains("glossary"))
        .map(|w| w.located())
        .collect()
}

#[test]
fn glossary_page_per_language_with_an_anchor_per_term() {
    let (_site, build) = fixture();
    let id = html(&build, "glosarium/index.html");
    assert!(id.contains("<dt id=\"bp3mi\">BP3MI</dt>"), "{id}");
    assert!(id.contains("<dt id=\"m-paspor\">M-Paspor</dt>"), "{id}");
    assert!(id.contains("Layanan Terpadu Satu Atap"), "{id}");
    let en = html(&build, "en/glosarium/index.html");
    assert!(en.contains("<dt id=\"pmi\">PMI</dt>"), "{en}");
    assert!(en.contains("Indonesian migrant worker"), "{en}");
    // Javanese has no file: its page shows the Indonesian glossary, marked.
    let jv = html(&build, "jv/glosarium/index.html");
    assert!(jv.contains("Kantor KP2MI di provinsi."), "{jv}");
    assert!(jv.contains("lang=\"id\""), "{jv}");
    assert!(
        jv.contains("class=\"notice\""),
        "a fallback notice on the jv glossary: {jv}"
    );
    // The A–Z page links the glossary.
    assert!(html(&build, "indeks/index.html").contains("href=\"../glosarium/\""));
    assert!(
        broken_links(&build).is_empty(),
        "{:?}",
        broken_links(&build)
    );
}

#[test]
fn first_use_of_each_term_in_a_lesson_is_linked_once() {
    let (_site, build) = fixture();
    let page = html(&build, "pelajaran/calo/index.html");
    let pmi = "<a class=\"term\" href=\"../../glosarium/#pmi\">PMI</a>";
    assert_eq!(page.matches(pmi).count(), 1, "{page}");
    assert!(page.contains(&format!("Calon {pmi} datang")), "{page}");
    for (id, term) in [
        ("bp3mi", "BP3MI"),
        ("ltsa", "LTSA"),
        ("m-paspor", "M-Paspor"),
    ] {
        let link = format!("<a class=\"term\" href=\"../../glosarium/#{id}\">{term}</a>");
        assert_eq!(page.matches(&link).count(), 1, "{term}: {page}");
    }
    // Whole words only: CPMI and e-PMI are not PMI.
    assert!(
        page.contains("CPMI dan e-PMI bukan PMI yang pertama"),
        "{page}"
    );
    // A translation links into its own language's glossary.
    let en = html(&build, "en/pelajaran/calo/index.html");
    assert!(
        en.contains("A <a class=\"term\" href=\"../../../en/glosarium/#pmi\">PMI</a> goes"),
        "{en}"
    );
    // Not in the English glossary: not linked (and warned about, below).
    assert!(!en.contains("#m-paspor"), "{en}");
    // A fallback page links into the reader's glossary page.
    let jv = html(&build, "jv/pelajaran/calo/index.html");
    assert!(jv.contains("href=\"../../../jv/glosarium/#pmi\""), "{jv}");
    // Portable builds link to index.html.
    let portable = TestSite::fixture("glossary")
        .build_with(options(true, true))
        .unwrap();
    assert!(
        html(&portable, "pelajaran/calo/index.html")
            .contains("href=\"../../glosarium/index.html#pmi\""),
    );
}

#[test]
fn terms_are_not_linked_in_headings_links_code_or_outside_lessons() {
    let (_site, build) = fixture();
    let page = html(&build, "pelajaran/calo/index.html");
    assert!(page.contains(">Tanya BP3MI dulu</h2>"), "{page}");
    assert!(
        page.contains("<a href=\"https://kp2mi.go.id/\">kantor BP3MI</a>"),
        "{page}"
    );
    assert!(page.contains("<code>LTSA</code>"), "{page}");
    assert!(page.contains("LTSA di dalam kode"), "{page}");
    assert!(!page.contains("<code><a"), "{page}");
    // The home page is not a lesson.
    assert!(!html(&build, "index.html").contains("class=\"term\""));
}

#[test]
fn search_finds_glossary_terms() {
    let (_site, build) = fixture();
    let index = lentera_core::search::build(&build.site, "id", false);
    let hits = index.search("LTSA");
    assert_eq!(
        hits.first().map(|d| d.path.as_str()),
        Some("glosarium/#ltsa")
    );
    assert_eq!(hits[0].summary, "Layanan Terpadu Satu Atap.");
    let js = html(&build, "search/index-en.js");
    assert!(js.contains("\"en/glosarium/#bp3mi\""), "{js}");
    // Javanese searches the Indonesian glossary, marked as untranslated.
    let jv = lentera_core::search::build(&build.site, "jv", false);
    let m = jv.search("m-paspor");
    assert_eq!(m[0].path, "jv/glosarium/#m-paspor");
    assert!(m[0].fallback);
}

#[test]
fn check_warns_about_terms_missing_from_a_glossary() {
    let (site, build) = fixture();
    let warnings = glossary_warnings(&build);
    assert_eq!(
        warnings,
        [
            "content/pelajaran/calo.id.md:15: terms missing from the `id` glossary: XYZQ",
            "content/pelajaran/calo.en.md:7: terms missing from the `en` glossary: M-Paspor",
        ],
        "{warnings:#?}"
    );
    let report = check::run(site.root(), &CheckOptions::default());
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.message.to_string().contains("XYZQ")
                && d.hint
                    .as_ref()
                    .is_some_and(|h| h.to_string().contains("content/glosarium/id.yaml"))),
        "{:#?}",
        report.diagnostics
    );
    // A term added to the glossary is no longer reported.
    site.write(
        "content/glosarium/id.yaml",
        "terms:\n  BP3MI: a\n  LTSA: b\n  M-Paspor: c\n  PMI: d\n  XYZQ: e\nknown: [KP2MI, CPMI]\n",
    );
    let build = site.build_with(options(false, true)).unwrap();
    assert_eq!(glossary_warnings(&build).len(), 1);
    // A site without glossary files gets no such warnings.
    let plain = TestSite::fixture("basic").build().unwrap();
    assert!(glossary_warnings(&plain).is_empty());
}

#[test]
fn a_glossary_for_an_unknown_language_is_an_error() {
    let site = TestSite::fixture("glossary");
    site.write("content/glosarium/fr.yaml", "terms:\n  PMI: x\n");
    let err = site.build().unwrap_err().to_string();
    assert!(
        err.contains("content/glosarium/fr.yaml") && err.contains("`fr`"),
        "{err}"
    );
    site.write("content/glosarium/fr.yaml", "");
    std::fs::remove_file(site.root().join("content/glosarium/fr.yaml")).unwrap();
    site.write("content/glosarium/en.yaml", "term:\n  PMI: x\n");
    let err = site.build().unwrap_err().to_string();
    assert!(err.contains("content/glosarium/en.yaml"), "{err}");
}

/// The terms the programme's lessons rely on, in every glossary with a file.
const REQUIRED: [&str; 15] = [
    "BP3MI",
    "P3MI",
    "SIP3MI",
    "LTSA",
    "CPMI",
    "PMI",
    "TPPO",
    "TPPM",
    "KP2MI",
    "PIMPASA",
    "M-Paspor",
    "SISKOP2MI",
    "KBRI",
    "Disnaker",
    "BPJS Ketenagakerjaan",
];

#[test]
fn real_content_has_a_glossary_in_every_language_linked_from_lessons() {
    let build =
        lentera_core::build(&repo(), &options(false, true)).expect("the real content builds");
    for lang in ["id", "en", "jv"] {
        let g = build
            .site
            .glossaries
            .iter()
            .find(|g| g.lang == lang)
            .unwrap_or_else(|| panic!("content/glosarium/{lang}.yaml"));
        for term in REQUIRED {
            assert!(
                g.entries.iter().any(|e| e.term == term),
                "{term} in the {lang} glossary"
            );
        }
    }
    for (lang, prefix) in [
        ("id", ""),
        ("en", "en/"),
        ("jv", "jv/"),
        ("ljp", "ljp/"),
        ("su", "su/"),
    ] {
        let page = html(&build, &format!("{prefix}glosarium/index.html"));
        for term in REQUIRED {
            let id = lentera_core::markdown::slugify(term);
            assert!(
                page.contains(&format!("<dt id=\"{id}\">{term}</dt>")),
                "{term} on the {lang} glossary page"
            );
        }
        // Lampung and Sundanese have no file yet: the Indonesian glossary.
        assert_eq!(
            build.site.glossary(lang).unwrap().lang,
            if ["ljp", "su"].contains(&lang) {
                "id"
            } else {
                lang
            }
        );
    }
    let lesson = html(&build, "pelajaran/jalur-resmi/index.html");
    assert!(
        lesson.contains("class=\"term\" href=\"../../glosarium/#"),
        "a real lesson links its terms"
    );
    let lesson_en = html(&build, "en/pelajaran/jalur-resmi/index.html");
    assert!(lesson_en.contains("class=\"term\" href=\"../../../en/glosarium/#"));
    for t in ["sip3mi", "pimpasa", "m-paspor"] {
        assert!(
            html(&build, "search/index-id.js").contains(&format!("\"{t}\"")),
            "{t} in the search index"
        );
    }
    assert_eq!(
        lentera_core::search::build(&build.site, "en", false).search("SIP3MI")[0].path,
        "en/glosarium/#sip3mi"
    );
    assert!(
        broken_links(&build).is_empty(),
        "{:?}",
        broken_links(&build)
    );
    let warnings = glossary_warnings(&build);
    assert!(warnings.is_empty(), "{warnings:#?}");
}

/// `build_to` lets go of each page's Markdown once it is parsed and reads it
/// again from its file when the page is rendered: it writes the files an
/// in-memory build makes (lessons rendered once, and the fallbacks rendered
/// from their skeletons), with the same warnings at the same lines.
#[test]
fn a_build_written_as_it_goes_reads_pages_again_and_makes_the_same_site() {
    let (site, build) = fixture();
    let out = site.root().join("output");
    let written = lentera_core::build_to(site.root(), &out, &options(false, true)).unwrap();
    let on_disk = tree(&out);
    let mut pages = 0;
    for f in &build.files {
        let lentera_core::output::Contents::Bytes(bytes) = &f.contents else {
            continue;
        };
        assert_eq!(on_disk.get(&f.path), Some(bytes), "{}", f.path);
        pages += usize::from(f.path.ends_with("index.html"));
    }
    assert!(pages > 10, "{pages} pages compared");
    assert_eq!(written.warnings, build.warnings);
    assert!(!glossary_warnings(&written).is_empty());
    // What the build returns holds the text of only the pages rendered from
    // skeletons: those other languages fall back to, and the lessons of the
    // one-file editions. The pages about the site (one per language, not
    // lessons) were let go of and read again.
    let texts = |b: &lentera_core::Build| {
        let site = &b.site;
        let text = |i: &usize| !site.pages[*i].body.is_empty();
        let kept = |i: &usize| text(i) && site.parsed(*i).has_skeleton();
        let pages = 0..site.pages.len();
        (
            pages.clone().filter(text).count(),
            pages.filter(kept).count(),
        )
    };
    let (all, skeletons) = texts(&build);
    assert_eq!(texts(&written), (skeletons, skeletons));
    assert_eq!(
        all - skeletons,
        3,
        "the pages about the site: {all} {skeletons}"
    );
}
