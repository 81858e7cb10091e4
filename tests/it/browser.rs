//! End-to-end checks in a real browser (Debian's chromium, driven by
//! playwright-core from tests/e2e/): language switcher, fallback notice,
//! axe-core, no horizontal overflow at 320 px, the portable build from
//! file://. See: #6. A lesson with questions (#26) is checked on the small
//! site `serve` shows until the real lessons have their questions.
//!
//! Needs `chromium`, `node` and `npm ci` in tests/e2e (`.ci/run` installs them).
//! Elsewhere the test is skipped with a message, except under CI=true, where a
//! missing browser is a failure.

use std::path::Path;
use std::process::Command;

use crate::common::{options, repo};

#[test]
fn real_site_in_chromium() {
    let e2e = repo().join("tests/e2e");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = Path::new(&chromium).exists()
        && e2e.join("node_modules/playwright-core").is_dir()
        && Command::new("node").arg("--version").output().is_ok();
    if !ready {
        assert!(
            std::env::var("CI").is_err(),
            "CI must install chromium, node and tests/e2e/node_modules"
        );
        eprintln!(
            "skipped: install chromium and run `npm ci` in tests/e2e to run the browser checks"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let portable = dir.path().join("usb");
    lentera_core::build_to(&repo(), &site, &options(false, false)).unwrap();
    lentera_core::build_to(&repo(), &portable, &options(true, false)).unwrap();
    // `serve` on a small site, whose pages carry the live-reload script
    // under the same Content-Security-Policy: the browser checks save a
    // lesson and wait for the page to reload.
    let live = crate::common::TestSite::fixture("basic");
    // A lesson with questions (#26), for axe-core with its answers open.
    live.write("content/pelajaran/uji.id.md", crate::questions::LESSON_ID);
    let server = lentera_serve::Server::start(
        live.root(),
        lentera_serve::ServeOptions {
            port: 0,
            build: options(false, false),
            ..Default::default()
        },
    )
    .unwrap();
    let out = Command::new("node")
        .arg("--test")
        .arg("--test-reporter=spec")
        .arg("site.test.js")
        .current_dir(&e2e)
        .env("SITE_DIR", &site)
        .env("PORTABLE_DIR", &portable)
        .env("SHOT_DIR", repo().join("target/e2e"))
        .env("CHROMIUM", &chromium)
        .env("SERVE_URL", server.url())
        .env("SERVE_ROOT", live.root())
        .output()
        .unwrap();
    server.stop();
    let report = crate::common::printed(&out);
    assert!(out.status.success(), "browser checks failed:\n{report}");
    eprintln!("{report}");
}

/// The Nu HTML Checker (vnu-jar from tests/e2e, which needs Java) over every
/// page of the real site: a template change cannot bring an invalid page
/// back (the favicon's raw `<` in a data: URL once made 177 errors).
///
/// Needs `java` and `npm ci` in tests/e2e (`.ci/run` installs both); skipped
/// elsewhere with a message, a failure under CI=true.
#[test]
fn real_site_is_valid_html() {
    let jar = repo().join("tests/e2e/node_modules/vnu-jar/build/dist/vnu.jar");
    let java = Command::new("java").arg("-version").output().is_ok();
    if !java || !jar.is_file() {
        assert!(
            std::env::var("CI").is_err(),
            "CI must install java and tests/e2e/node_modules (vnu-jar)"
        );
        eprintln!("skipped: install java and run `npm ci` in tests/e2e to run the HTML checker");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    lentera_core::build_to(&repo(), &site, &options(false, false)).unwrap();
    let pages = walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    assert!(pages > 100, "only {pages} pages");
    let start = std::time::Instant::now();
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html"])
        .arg(&site)
        .output()
        .unwrap();
    let report = crate::common::printed(&out);
    assert!(
        out.status.success() && report.trim().is_empty(),
        "the Nu HTML Checker found errors:\n{report}"
    );
    eprintln!(
        "vnu: {pages} pages valid in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}
