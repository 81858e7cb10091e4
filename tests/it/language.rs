//! See: #12. Every command speaks the staff's language: run each on a broken
//! site with `LENTERA_LANG=id` and no English sentence may appear (and the
//! reverse with `en`). Codes in brackets (`kesalahan[yaml-unknown-key]`),
//! source lines and the libraries' own words (`rincian:`/`detail:`) are not
//! sentences of ours and are left out of the comparison.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::TestSite;

/// Words that only occur in English messages.
const ENGLISH: &[&str] = &[
    "error", "warning", "hint", " the ", "cannot", " not ", " is ", "does", "built", "Serving",
    "unknown", "missing", "created", "previous", "stopping", "invalid",
];
/// Words that only occur in Indonesian messages.
const INDONESIAN: &[&str] = &[
    "kesalahan",
    "peringatan",
    "petunjuk",
    " tidak ",
    " yang ",
    "berkas",
    "halaman",
    "dibuat",
    "Pratinjau",
    "sebelumnya",
];

/// The sentences in `text`: without `[code]`s, names in backticks, source
/// lines (`N | …`, ` | `), the `-->` location and the libraries' own words.
fn sentences(text: &str) -> String {
    text.lines()
        .filter(|l| {
            let t = l.trim_start();
            !(t.starts_with('|')
                || t.starts_with("-->")
                || t.starts_with("= rincian")
                || t.starts_with("= detail")
                || t.split_once('|').is_some_and(|(n, _)| {
                    n.trim().chars().all(|c| c.is_ascii_digit()) && !n.trim().is_empty()
                }))
        })
        .map(|l| {
            // Names in backticks (`previous`, a front-matter key) are code,
            // not words of either language.
            let mut out = String::new();
            let mut depth = 0;
            let mut code = false;
            for c in l.chars() {
                match c {
                    '`' => code = !code,
                    '[' => depth += 1,
                    ']' => depth -= 1,
                    _ if depth == 0 && !code => out.push(c),
                    _ => {}
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_speaks(lang: &str, what: &str, text: &str) {
    let said = sentences(text);
    assert!(!said.trim().is_empty(), "{what}: nothing was said");
    let (foreign, own) = match lang {
        "id" => (ENGLISH, INDONESIAN),
        _ => (INDONESIAN, ENGLISH),
    };
    for word in foreign {
        assert!(
            !said.contains(word),
            "{what} in `{lang}` says `{word}`:\n{text}"
        );
    }
    assert!(
        own.iter().any(|w| said.contains(w)),
        "{what} in `{lang}` does not sound like it:\n{text}"
    );
}

fn run(site: &TestSite, lang: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_lentera"))
        .args(args)
        .current_dir(site.root())
        .env("LENTERA_LANG", lang)
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    crate::common::printed(&out)
}

/// A site whose home page has an unknown front-matter key, and a lesson
/// with a link to a page that does not exist.
fn broken() -> TestSite {
    let site = TestSite::fixture("basic");
    site.write(
        "content/_index.id.md",
        "---\ntitle: Beranda\nsumary: x\n---\nIsi.\n",
    );
    site
}

/// `serve` on a free port until it says where it serves, then stopped.
fn serve_output(site: &TestSite, lang: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lentera"))
        .args(["serve", "--port", "0"])
        .current_dir(site.root())
        .env("LENTERA_LANG", lang)
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut text = String::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        let done = line.contains("127.0.0.1:");
        text.push_str(&line);
        text.push('\n');
        if done {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    text
}

#[test]
fn every_command_speaks_the_chosen_language() {
    let site = broken();
    for lang in ["id", "en"] {
        let build = run(&site, lang, &["build"]);
        assert_speaks(lang, "build", &build);
        let check = run(&site, lang, &["check"]);
        assert_speaks(lang, "check", &check);
        let bad_name = run(&site, lang, &["new", "lesson", "Bad Slug/x y"]);
        assert_speaks(lang, "new lesson (bad name)", &bad_name);
        let no_section = run(&site, lang, &["new", "lesson", "tidak-ada/baru"]);
        assert_speaks(lang, "new lesson (no section)", &no_section);
        let bad_village = run(&site, lang, &["new", "village", "Desa Baru"]);
        assert_speaks(lang, "new village (bad name)", &bad_village);
        let serve = serve_output(&site, lang);
        assert_speaks(lang, "serve", &serve);
        assert!(serve.contains("content/_index.id.md:3"), "{serve}");
    }
    // A good site: the success lines too.
    let good = TestSite::fixture("basic");
    for lang in ["id", "en"] {
        assert_speaks(lang, "build (good)", &run(&good, lang, &["build"]));
        assert_speaks(
            lang,
            "new lesson (good)",
            &run(
                &good,
                lang,
                &["new", "lesson", &format!("pelajaran/baru-{lang}")],
            ),
        );
    }
}

#[test]
fn errors_show_the_line_with_a_caret() {
    let site = broken();
    let text = run(&site, "id", &["build"]);
    assert!(
        text.contains("kesalahan[yaml-unknown-key]: kunci `sumary` tidak dikenal"),
        "{text}"
    );
    assert!(text.contains("--> content/_index.id.md:3:1"), "{text}");
    assert!(text.contains("3 | sumary: x"), "{text}");
    assert!(text.contains("^"), "{text}");
    assert!(!text.contains('\u{1b}'), "NO_COLOR: {text}");
}

#[test]
fn check_json_has_stable_codes() {
    let site = broken();
    let out = Command::new(env!("CARGO_BIN_EXE_lentera"))
        .args(["check", "--format", "json"])
        .current_dir(site.root())
        .env("LENTERA_LANG", "id")
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json["diagnostics"][0];
    assert_eq!(first["code"], "yaml-unknown-key");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], "content/_index.id.md");
    assert_eq!(first["line"], 3);
    assert_eq!(first["hint_code"], "did-you-mean-key");
    assert_eq!(first["message"], "kunci `sumary` tidak dikenal");
    assert_eq!(json["errors"], 1);
}

#[test]
fn message_codes_snapshot() {
    // A code is a promise to tools reading `check --format json`: this
    // snapshot changes only when a code is added (or, never, renamed).
    insta::assert_snapshot!(lentera_messages::Msg::CODES.join("\n"));
}

/// `lentera check` on the broken site with exactly these variables set
/// (LENTERA_LANG and LANG removed otherwise), on the child process only.
fn check_with(site: &TestSite, args: &[&str], vars: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lentera"));
    cmd.arg("check")
        .args(args)
        .current_dir(site.root())
        .env_remove("LENTERA_LANG")
        .env_remove("LANG")
        .env("NO_COLOR", "1");
    for (key, value) in vars {
        cmd.env(key, value);
    }
    crate::common::printed(&cmd.output().unwrap())
}

#[test]
fn detects_language_from_flag_env_and_site() {
    let site = broken();
    // Nothing set: the site's default language (the fixture's is `id`).
    assert_speaks("id", "site default", &check_with(&site, &[], &[]));
    // LANG beats the site's default.
    let lang_en = [("LANG", "en_US.UTF-8")];
    assert_speaks("en", "LANG=en_US", &check_with(&site, &[], &lang_en));
    // LENTERA_LANG beats LANG.
    let both = [("LENTERA_LANG", "id"), ("LANG", "en_US.UTF-8")];
    assert_speaks("id", "LENTERA_LANG=id", &check_with(&site, &[], &both));
    let lentera_en = [("LENTERA_LANG", "en"), ("LANG", "id_ID.UTF-8")];
    assert_speaks(
        "en",
        "LENTERA_LANG=en",
        &check_with(&site, &[], &lentera_en),
    );
    // An unknown LENTERA_LANG falls through to LANG; `C` falls through to the site.
    let unknown = [("LENTERA_LANG", "jv"), ("LANG", "en_US")];
    assert_speaks("en", "LENTERA_LANG=jv", &check_with(&site, &[], &unknown));
    assert_speaks(
        "id",
        "LANG=C",
        &check_with(&site, &[], &[("LANG", "C.UTF-8")]),
    );
    // --lang beats everything.
    assert_speaks(
        "en",
        "--lang en",
        &check_with(&site, &["--lang", "en"], &both),
    );
    assert_speaks(
        "id",
        "--lang id",
        &check_with(&site, &["--lang", "id"], &lentera_en),
    );
}
