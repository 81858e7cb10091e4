//! End-to-end checks in a real browser (Debian's chromium, driven by
//! playwright-core from tests/e2e/): language switcher, fallback notice,
//! axe-core, no horizontal overflow at 320 px, the portable build from
//! file://. See: #6.
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
    lentera::build_to(&repo(), &site, &options(false, false)).unwrap();
    lentera::build_to(&repo(), &portable, &options(true, false)).unwrap();
    let out = Command::new("node")
        .arg("--test")
        .arg("--test-reporter=spec")
        .arg("site.test.js")
        .current_dir(&e2e)
        .env("SITE_DIR", &site)
        .env("PORTABLE_DIR", &portable)
        .env("SHOT_DIR", repo().join("target/e2e"))
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap();
    let report = crate::common::printed(&out);
    assert!(out.status.success(), "browser checks failed:\n{report}");
    eprintln!("{report}");
}
