//! Without libFuzzer, on stable: every committed corpus input runs through its
//! harness once (so a change to lentera that breaks on one of them shows up in
//! `cargo test --manifest-path fuzz/Cargo.toml`), and the harnesses' own
//! security checks are shown to catch what they are meant to catch.

use std::panic::catch_unwind;
use std::path::Path;

fn replay(target: &str, harness: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        if catch_unwind(|| harness(&data)).is_err() {
            panic!("{} fails", path.display());
        }
        count += 1;
    }
    assert!(count > 0, "no corpus in {}", dir.display());
}

#[test]
fn page_corpus() {
    replay("page", lentera_fuzz::page);
}

#[test]
fn site_config_corpus() {
    replay("site_config", lentera_fuzz::site_config);
}

#[test]
fn village_corpus() {
    replay("village", lentera_fuzz::village);
}

#[test]
fn i18n_corpus() {
    replay("i18n", lentera_fuzz::i18n);
}

#[test]
fn http_request_corpus() {
    replay("http_request", lentera_fuzz::http_request);
}

#[test]
fn the_script_check_catches_script_and_nothing_else() {
    for bad in [
        "<p>a</p><script>alert(1)</script>",
        "<SCRIPT src=x></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\" &#106;avascript&colon;x\">x</a>",
        "<a href='VBScript:x'>x</a>",
        "<img src=\"data:image/svg+xml,AAAA\">",
        "<iframe src=\"https://e.org\"></iframe>",
        "<div><style>p{}</style></div>",
    ] {
        assert!(
            catch_unwind(|| lentera_fuzz::assert_no_script(bad)).is_err(),
            "{bad}"
        );
    }
    for good in [
        "<p>a &lt;script&gt; b</p>",
        // ammonia keeps `<` unescaped inside attribute values.
        "<abbr title=\"<script> onclick=x\">a</abbr>",
        "<a href=\"https://e.org/?javascript:x\">x</a>",
        "<a href=\"&amp;#106;avascript:x\">x</a>",
        "<img src=\"../../a.png\" alt=\"data:x\" loading=\"lazy\">",
        "<code>onload=</code> one=",
    ] {
        lentera_fuzz::assert_no_script(good);
    }
}

#[test]
fn minify_corpus() {
    replay("minify", lentera_fuzz::minify);
}
