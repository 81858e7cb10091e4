//! The fuzzers' corpus (fuzz/corpus/, #11), replayed by `cargo test` so CI
//! runs the regression inputs the fuzzing runs left behind, without
//! compiling the fuzz crate: its harness (fuzz/src/lib.rs) is included here
//! as a module. Every input must run through its harness without a panic.

#[path = "../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;

use std::panic::catch_unwind;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = crate::common::repo().join("fuzz/corpus").join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        if catch_unwind(|| run(&data)).is_err() {
            panic!("{} fails", path.display());
        }
        count += 1;
    }
    assert!(count > 0, "no corpus in {}", dir.display());
}

#[test]
fn page_corpus() {
    replay("page", harness::page);
}

#[test]
fn site_config_corpus() {
    replay("site_config", harness::site_config);
}

#[test]
fn village_corpus() {
    replay("village", harness::village);
}

#[test]
fn i18n_corpus() {
    replay("i18n", harness::i18n);
}

#[test]
fn http_request_corpus() {
    replay("http_request", harness::http_request);
}

#[test]
fn minify_corpus() {
    replay("minify", harness::minify);
}
