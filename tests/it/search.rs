//! Search on the real content: the size budget, the ranking, the topic pages
//! and the browser script itself, run with node when it is installed.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::Command;

use lentera_core::output::Contents;
use lentera_core::search::{self, Index, stem::Stemmer};

use crate::common::{broken_links, html, options, repo};

/// Index plus script for one language, gzip.
const BUDGET: usize = 60 * 1024;

/// Queries whose ranking the Rust and JavaScript engines must agree on.
const QUERIES: [&str; 12] = [
    "tipu",
    "penipuan",
    "menipu",
    "penipuaan",
    "calo paspor",
    "gaji dipotong",
    "kerja luar negeri",
    "pasporr",
    "lapor polisi",
    "apusan",
    "ngapusi",
    "visa turis",
];

fn build(portable: bool) -> lentera_core::Build {
    lentera_core::build(&repo(), &options(portable, true)).expect("the real content builds")
}

fn bytes(build: &lentera_core::Build, path: &str) -> Vec<u8> {
    match &build
        .file(path)
        .unwrap_or_else(|| panic!("{path} was not built"))
        .contents
    {
        Contents::Bytes(b) => b.clone(),
        Contents::Copy(p) | Contents::Staged { path: p, .. } => std::fs::read(p).unwrap(),
    }
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap().len()
}

fn is_scam_lesson(path: &str) -> bool {
    path.strip_prefix("modus/")
        .is_some_and(|rest| !rest.is_empty())
}

#[test]
fn index_and_script_fit_the_budget_in_every_language() {
    let build = build(false);
    let script = gzip_len(&bytes(&build, search::SCRIPT_PATH));
    for lang in &build.site.config.languages {
        let index = gzip_len(&bytes(&build, &search::index_path(&lang.code)));
        eprintln!(
            "search size {}: index {index} B + search.js {script} B = {} B gzip",
            lang.code,
            index + script
        );
        assert!(
            index + script <= BUDGET,
            "{}: {} B gzip is over the {BUDGET} B budget",
            lang.code,
            index + script
        );
    }
}

#[test]
fn tipu_ranks_a_scam_lesson_first() {
    let build = build(false);
    let index = search::build(&build.site, "id", false);
    for query in ["tipu", "penipuan", "menipu", "ditipu", "penipuaan"] {
        let results = index.search(query);
        let paths: Vec<&str> = results.iter().map(|d| d.path.as_str()).collect();
        assert!(
            paths.first().is_some_and(|p| is_scam_lesson(p)),
            "{query}: {paths:?}"
        );
        assert!(
            paths.iter().filter(|p| is_scam_lesson(p)).count() >= 5,
            "{query} finds too few scam lessons: {paths:?}"
        );
    }
}

#[test]
fn fallback_pages_are_found_in_their_language() {
    let build = build(false);
    for lang in ["ljp", "su"] {
        let index = search::build(&build.site, lang, false);
        // modus/utang is written in Indonesian only.
        let results = index.search("utang");
        assert!(
            results
                .first()
                .is_some_and(|d| d.path == format!("{lang}/modus/utang/") && d.fallback),
            "{lang}: {results:?}"
        );
        // Its Indonesian words are stemmed: `berutang` finds it too.
        assert!(
            index
                .search("berutang")
                .iter()
                .any(|d| d.path == format!("{lang}/modus/utang/"))
        );
    }
    // A Javanese lesson is found by its own (unstemmed) words.
    let jv = search::build(&build.site, "jv", false);
    let results = jv.search("ngapusi");
    assert!(
        results
            .iter()
            .any(|d| d.path.starts_with("jv/modus/") && !d.fallback),
        "{results:?}"
    );
}

#[test]
fn topic_pages_are_the_fallback_of_the_search_form() {
    for portable in [false, true] {
        let build = build(portable);
        assert_eq!(broken_links(&build), Vec::<String>::new());
        let end = if portable { "index.html" } else { "" };
        let lesson = html(&build, "en/modus/calo/index.html");
        assert!(
            lesson.contains(&format!("action=\"../../../en/indeks/{end}\"")),
            "the form leads to the topic page"
        );
        assert!(lesson.contains("data-index=\"search/index-en.js\""));
        let topics = html(&build, "indeks/index.html");
        for lesson in build
            .site
            .pages
            .iter()
            .filter(|p| p.lang == "id" && !p.is_section)
        {
            let href = format!("href=\"../{}/{end}\"", lesson.key);
            assert!(topics.contains(&href), "{} is missing", lesson.key);
        }
        assert!(topics.contains(">tipu<") || topics.contains("tipu: "));
        for lang in &build.site.config.languages {
            let path = format!(
                "{}indeks/index.html",
                build.site.config.lang_prefix(&lang.code)
            );
            assert!(build.file(&path).is_some(), "{path}");
            assert!(build.file(&search::index_path(&lang.code)).is_some());
        }
    }
}

/// Every Indonesian word of the content with the build's stem.
fn content_stems(build: &lentera_core::Build) -> BTreeMap<String, String> {
    let stemmer = Stemmer::indonesian();
    let mut stems = BTreeMap::new();
    for page in build.site.pages.iter().filter(|p| p.lang == "id") {
        let f = &page.front;
        let texts = [
            f.title.as_str(),
            f.summary.as_deref().unwrap_or(&f.title),
            &page.body,
        ]
        .into_iter()
        .chain(f.keywords.iter().map(String::as_str))
        .chain(f.key_points.iter().map(String::as_str));
        for text in texts {
            for token in search::tokens(text) {
                let parts: Vec<String> = token.split('-').map(str::to_string).collect();
                for word in std::iter::once(token).chain(parts) {
                    if word.chars().count() >= 2 {
                        let stem = stemmer.stem(&word);
                        stems.insert(word, stem);
                    }
                }
            }
        }
    }
    stems
}

#[test]
fn javascript_search_agrees_with_the_build() {
    if Command::new("node").arg("--version").output().is_err() {
        assert!(
            std::env::var("CI").is_err(),
            "CI must install node to run tests/js/search.test.mjs"
        );
        eprintln!("skipped: node is not installed, so tests/js/search.test.mjs did not run");
        return;
    }
    let build = build(false);
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, data: &[u8]| {
        let target = dir.path().join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, data).unwrap();
    };
    write(search::SCRIPT_PATH, &bytes(&build, search::SCRIPT_PATH));
    let mut expected: BTreeMap<String, BTreeMap<&str, Vec<String>>> = BTreeMap::new();
    for lang in &build.site.config.languages {
        let path = search::index_path(&lang.code);
        write(&path, &bytes(&build, &path));
        let index: Index = search::build(&build.site, &lang.code, false);
        let ranked = expected.entry(lang.code.clone()).or_default();
        for query in QUERIES {
            let paths = index
                .search(query)
                .iter()
                .take(10)
                .map(|d| d.path.clone())
                .collect();
            ranked.insert(query, paths);
        }
    }
    write(
        "stems.json",
        serde_json::to_string(&content_stems(&build))
            .unwrap()
            .as_bytes(),
    );
    write(
        "ranking.json",
        serde_json::to_string(&expected).unwrap().as_bytes(),
    );
    let out = Command::new("node")
        .arg("--test")
        .arg(repo().join("tests/js/search.test.mjs"))
        .env("LENTERA_SEARCH_DIR", dir.path())
        .output()
        .unwrap();
    let report = crate::common::printed(&out);
    assert!(out.status.success(), "node --test failed:\n{report}");
    assert!(
        report.contains("# fail 0") && !report.contains("# pass 0"),
        "{report}"
    );
}
