//! The one-pass minifier (src/minify.rs) on whole sites: every page it
//! minifies comes out as minify-html writes it, and the real site's pages
//! all take the one-pass path. See: #10 (cold build).

use crate::common::{TestSite, options, repo};

/// The HTML pages of a build made with `--no-minify`, as written.
fn pages(build: &lentera_core::Build) -> Vec<(String, Vec<u8>)> {
    build
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| (f.path.clone(), f.read().unwrap().into_owned()))
        .collect()
}

/// Minified in one pass: `None` if the page was left to minify-html.
fn one_pass(path: &str, html: &[u8]) -> Option<()> {
    let fast = lentera_minify::fast(html)?;
    let reference = lentera_minify::reference(html);
    assert!(
        fast == reference,
        "{path}: the one-pass minifier differs from minify-html"
    );
    Some(())
}

#[test]
fn every_real_page_minifies_in_one_pass_as_minify_html_would() {
    for portable in [false, true] {
        let build = lentera_core::build(&repo(), &options(portable, true)).unwrap();
        let pages = pages(&build);
        assert!(pages.len() > 100, "{} pages", pages.len());
        for (path, html) in &pages {
            one_pass(path, html)
                .unwrap_or_else(|| panic!("{path} (portable={portable}) left to minify-html"));
        }
    }
}

#[test]
fn fixture_pages_minify_as_minify_html_would() {
    let (mut fast, mut total) = (0, 0);
    for entry in std::fs::read_dir(repo().join("tests/fixtures")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let site = TestSite::fixture(&name);
        let build = site
            .build_with(options(false, true))
            .unwrap_or_else(|err| panic!("fixture {name} does not build: {err}"));
        for (path, html) in pages(&build) {
            total += 1;
            if one_pass(&format!("{name}/{path}"), &html).is_some() {
                fast += 1;
            }
        }
    }
    // Fixtures with hostile raw HTML may be left to minify-html; the rest
    // must not be, or this test checks little.
    assert!(
        fast * 10 >= total * 9,
        "{fast} of {total} pages in one pass"
    );
}

/// The one-pass minifier reads minify-html-common's rule tables and must
/// agree with minify-html: both are pinned exactly in Cargo.toml, and the
/// lock file holds one copy of each (two would mean the fast path and the
/// reference follow different rules).
#[test]
fn one_copy_of_minify_html_and_its_rule_tables() {
    let lock = std::fs::read_to_string(repo().join("Cargo.lock")).unwrap();
    for name in ["minify-html", "minify-html-common"] {
        let copies: Vec<&str> = lock
            .split("[[package]]")
            .filter(|p| p.lines().any(|l| l.trim() == format!("name = \"{name}\"")))
            .collect();
        assert_eq!(copies.len(), 1, "{name} in Cargo.lock: {copies:?}");
    }
    let manifest = std::fs::read_to_string(repo().join("Cargo.toml")).unwrap();
    for name in ["minify-html", "minify-html-common"] {
        let line = manifest
            .lines()
            .find(|l| l.starts_with(&format!("{name} =")))
            .unwrap_or_else(|| panic!("{name} in Cargo.toml"));
        assert!(line.contains("\"="), "{name} is not pinned exactly: {line}");
    }
}
