//! What is published (#22, items 3 and 4): the Atom feeds and the home
//! page's recently reviewed lessons, `build --base-url`, the
//! Content-Security-Policy of every page, SVG images that would run or load
//! something refused, and a cap on the diagnostics shown per file and code.

use std::collections::BTreeSet;

use crate::common::{TestSite, html};

fn lesson(title: &str, updated: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\nsummary: Ringkasan {title}.\nkind: info\nupdated: {updated}\n---\nIsi.\n"
    )
}

/// The basic fixture with more dated lessons: two more in Indonesian (one
/// newer than jalur-resmi) and an English translation of jalur-resmi.
fn dated_site() -> TestSite {
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/penipuan.id.md",
        "---\ntitle: Penipuan calo & <teman>\nsummary: Cara calo \"menipu\".\nkind: scam\nweight: 20\nupdated: 2026-12-01\n---\n## Ciri-ciri\n\nCalo meminta uang.\n",
    );
    site.write(
        "content/pelajaran/lama.id.md",
        &lesson("Pelajaran lama", "2025-01-15"),
    );
    site.write(
        "content/pelajaran/jalur-resmi.en.md",
        "---\ntitle: The legal route\nsummary: Legal steps from start to departure.\nkind: procedure\nupdated: 2026-11-30\n---\nGo to Disnaker.\n",
    );
    site
}

/// The checks of RFC 4287 that can be made offline, on a feed as
/// atom_syndication reads it and on its text.
fn check_atom(xml: &str, base_url: &str, self_path: &str) -> atom_syndication::Feed {
    let feed: atom_syndication::Feed = xml
        .parse()
        .unwrap_or_else(|e| panic!("not Atom: {e}\n{xml}"));
    assert!(xml.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
    ));
    // 4.1.1: id, title and updated; a self link; an author (no entry has one).
    assert_eq!(feed.id(), format!("{base_url}{self_path}"));
    assert!(!feed.title().as_str().trim().is_empty());
    assert!(!feed.authors().is_empty(), "a feed author");
    let self_link = feed.links().iter().find(|l| l.rel() == "self").unwrap();
    assert_eq!(self_link.href(), format!("{base_url}{self_path}"));
    assert_eq!(self_link.mime_type(), Some("application/atom+xml"));
    // 3.3: dates are RFC 3339 date-times (chrono parsed them; the text is the
    // full form with seconds and a numeric offset).
    let date = |s: &str| {
        let b = s.as_bytes();
        s.len() == 25
            && b[4] == b'-'
            && b[10] == b'T'
            && (b[19] == b'+' || b[19] == b'-')
            && b[22] == b':'
    };
    let mut dates = 0;
    for part in xml.split("<updated>").skip(1) {
        let text = part.split("</updated>").next().unwrap();
        assert!(date(text), "not RFC 3339: {text}");
        dates += 1;
    }
    assert_eq!(dates, feed.entries().len() + 1);
    let mut ids = BTreeSet::new();
    let mut previous = None;
    for e in feed.entries() {
        // 4.1.2: id (unique, absolute), title, updated, an alternate link.
        assert!(e.id().starts_with(base_url), "{}", e.id());
        assert!(ids.insert(e.id().to_string()), "id twice: {}", e.id());
        assert!(!e.title().as_str().trim().is_empty());
        let alternate = e.links().iter().find(|l| l.rel() == "alternate").unwrap();
        assert_eq!(alternate.href(), e.id());
        // Newest first.
        if let Some(p) = previous {
            assert!(e.updated() <= &p, "entries out of order");
        }
        previous = Some(*e.updated());
    }
    if let Some(newest) = feed.entries().first() {
        assert_eq!(feed.updated(), newest.updated());
    }
    feed
}

#[test]
fn each_language_has_an_atom_feed_of_its_own_lessons() {
    let site = dated_site();
    let build = site.build().unwrap();
    let base = "https://contoh.example/desa/";
    let id = build.file("atom.xml").unwrap().text().unwrap();
    let feed = check_atom(id, base, "atom.xml");
    let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    // Newest first; penipuan is Indonesian only and has no date in the
    // fixture, but has one here; the draft is not built.
    assert_eq!(
        titles,
        ["Penipuan calo & <teman>", "Jalur resmi", "Pelajaran lama"]
    );
    let first = &feed.entries()[0];
    assert_eq!(first.id(), format!("{base}pelajaran/penipuan/"));
    assert_eq!(
        first.summary().map(|s| s.as_str()),
        Some("Cara calo \"menipu\".")
    );
    assert_eq!(first.updated().to_rfc3339(), "2026-12-01T00:00:00+07:00");
    assert_eq!(feed.lang(), Some("id"));
    insta::assert_snapshot!(id);

    // English: only the lesson written in English, linked in English; the
    // Indonesian lessons the English site shows as fallbacks are not new
    // in English.
    let en = build.file("en/atom.xml").unwrap().text().unwrap();
    let feed = check_atom(en, base, "en/atom.xml");
    let ids: Vec<&str> = feed.entries().iter().map(|e| e.id()).collect();
    assert_eq!(ids, [format!("{base}en/pelajaran/jalur-resmi/")]);
    assert_eq!(feed.entries()[0].title().as_str(), "The legal route");
    assert_eq!(feed.lang(), Some("en"));
}

#[test]
fn a_feed_holds_the_newest_thirty_and_the_home_page_five() {
    let site = TestSite::fixture("basic");
    for day in 1..=35 {
        site.write(
            &format!("content/banyak/p{day:02}.id.md"),
            &lesson(
                &format!("Pelajaran {day:02}"),
                &format!("2026-12-{:02}", day.min(31)),
            ),
        );
    }
    site.write("content/banyak/_index.id.md", "---\ntitle: Banyak\n---\n");
    let build = site.build().unwrap();
    let xml = build.file("atom.xml").unwrap().text().unwrap();
    let feed = check_atom(xml, "https://contoh.example/desa/", "atom.xml");
    assert_eq!(feed.entries().len(), lentera_core::render::FEED_LIMIT);
    // Days 31..35 all fall on 31 December: by title after the date.
    assert_eq!(feed.entries()[0].title().as_str(), "Pelajaran 31");
    assert!(
        !feed
            .entries()
            .iter()
            .any(|e| e.title().as_str() == "Pelajaran 01")
    );

    let home = html(&build, "index.html");
    let recent = home
        .split("id=recent")
        .nth(1)
        .expect("a recently reviewed list")
        .split("</section>")
        .next()
        .unwrap();
    assert!(recent.contains("Pelajaran yang baru diperiksa"), "{recent}");
    let shown: Vec<&str> = recent
        .split("<li>")
        .skip(1)
        .map(|li| li.split("href=").nth(1).unwrap().split('>').next().unwrap())
        .collect();
    assert_eq!(shown.len(), lentera_core::render::RECENT_LIMIT);
    assert_eq!(shown[0], "./banyak/p31/");
    assert!(
        recent.contains("<time datetime=2026-12-31>31 Desember 2026</time>"),
        "{recent}"
    );
}

#[test]
fn every_page_links_its_feed_and_has_a_policy_without_inline_scripts() {
    let site = dated_site();
    let build = site.build().unwrap();
    let mut pages = 0;
    for f in &build.files {
        if !f.path.ends_with(".html") {
            continue;
        }
        let page = f.text().unwrap();
        let head = page.split("</head>").next().unwrap();
        let policy = head
            .split("<meta ")
            .find(|m| m.contains("http-equiv=Content-Security-Policy"))
            .unwrap_or_else(|| panic!("{}: no policy", f.path));
        assert!(policy.contains("content=\"default-src 'none';"), "{policy}");
        if !f.path.ends_with("index.html") && f.path != "404.html" {
            // The one-file editions: no script at all.
            assert!(!page.contains("<script"), "{}", f.path);
            continue;
        }
        pages += 1;
        let feed = if f.path.starts_with("en/") {
            "https://contoh.example/desa/en/atom.xml"
        } else {
            "https://contoh.example/desa/atom.xml"
        };
        assert!(
            head.contains(&format!(
                "href={feed} rel=alternate type=application/atom+xml>"
            )),
            "{}: no feed link\n{head}",
            f.path
        );
        // script-src 'self': every script is a file of the site.
        for tag in page.split("<script").skip(1) {
            let tag = tag.split('>').next().unwrap();
            assert!(
                tag.contains("src="),
                "{}: inline script <script{tag}>",
                f.path
            );
        }
    }
    assert!(pages >= 10, "{pages} pages");
    assert!(build.file("site.js").is_some());
}

#[test]
fn the_portable_site_has_no_feed() {
    let site = dated_site();
    let build = site
        .build_with(crate::common::options(true, false))
        .unwrap();
    assert!(build.file("atom.xml").is_none());
    assert!(!html(&build, "index.html").contains("atom+xml"));
    assert!(html(&build, "index.html").contains("site.js"));
}

#[test]
fn base_url_flag_builds_for_a_preview_address() {
    let site = TestSite::fixture("basic");
    let out = site.lentera(&["build", "--base-url", "https://preview.example/pr-7"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let read = |p: &str| std::fs::read_to_string(site.root().join("output").join(p)).unwrap();
    assert!(
        read("sitemap.xml")
            .contains("<loc>https://preview.example/pr-7/pelajaran/jalur-resmi/</loc>")
    );
    assert!(read("atom.xml").contains("<id>https://preview.example/pr-7/atom.xml</id>"));
    assert!(
        read("pelajaran/jalur-resmi/index.html").contains(
            "<link href=https://preview.example/pr-7/pelajaran/jalur-resmi/ rel=canonical>"
        )
    );
    assert!(!read("sitemap.xml").contains("contoh.example"));

    // Without the flag again: the site.yaml address (not "up to date").
    let out = site.lentera(&["build"]);
    assert!(out.status.success());
    assert!(read("sitemap.xml").contains("https://contoh.example/desa/pelajaran/"));
    assert!(!read("sitemap.xml").contains("preview.example"));
}

#[test]
fn a_bad_base_url_flag_is_refused_with_a_message() {
    let site = TestSite::fixture("basic");
    for bad in [
        "preview.example/x",
        "ftp://preview.example/",
        "https://p.example/?x=1",
    ] {
        let out = site.lentera(&["build", "--base-url", bad]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{bad}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "--base-url `{bad}` is not an absolute http:// or https:// address"
            )),
            "{stderr}"
        );
        assert!(
            stderr.contains("write it as https://example.org/"),
            "{stderr}"
        );
        assert!(!site.root().join("output").exists());
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lentera"))
        .args(["build", "--base-url", "nope"])
        .env("LENTERA_LANG", "id")
        .current_dir(site.root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bukan alamat http:// atau https:// lengkap"),
        "{stderr}"
    );
}

const SVG_NS: &str =
    r#"xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink""#;

#[test]
fn an_svg_that_would_run_or_load_something_is_refused() {
    let cases = [
        ("<script>alert(document.cookie)</script>", 2, "<script>"),
        (
            "<rect width=\"9\" onmouseover=\"alert(1)\"/>",
            2,
            "onmouseover",
        ),
        (
            "<a href=\"javascript:alert(1)\"><text>x</text></a>",
            2,
            "javascript:alert(1)",
        ),
        (
            "<foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">x</p></foreignObject>",
            2,
            "<foreignObject>",
        ),
        (
            "<image xlink:href=\"https://tracker.example/p.png\"/>",
            2,
            "https://tracker.example/p.png",
        ),
        (
            "<style>rect { fill: url(https://tracker.example/f) }</style>",
            2,
            "url(https://tracker.example/f)",
        ),
    ];
    for (inner, line, found) in cases {
        let site = TestSite::fixture("basic");
        site.write(
            "content/pelajaran/alur.svg",
            &format!("<svg {SVG_NS} width=\"10\" height=\"10\">\n{inner}\n</svg>\n"),
        );
        let err = site.build().unwrap_err();
        let d = err
            .diagnostics()
            .into_iter()
            .find(|d| d.message.code() == "svg-unsafe")
            .unwrap_or_else(|| panic!("{inner}: {err}"));
        assert_eq!(d.file, std::path::Path::new("content/pelajaran/alur.svg"));
        assert_eq!(d.line, line, "{inner}");
        let text = d.message.to_string();
        assert!(text.contains(found), "{inner}: {text}");
        assert_eq!(d.hint.as_ref().unwrap().code(), "clean-svg");
    }
    // A DOCTYPE with entities, on the command line: the file, the line and
    // what was found, in the staff's language.
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/alur.svg",
        &format!("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<svg {SVG_NS}>&e;</svg>\n"),
    );
    let out = site.lentera(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("content/pelajaran/alur.svg:2"), "{stderr}");
    assert!(
        stderr.contains("this SVG image contains <!DOCTYPE>"),
        "{stderr}"
    );
}

#[test]
fn a_plain_svg_is_copied_as_it_is() {
    let site = TestSite::fixture("basic");
    let svg = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Inkscape, plain SVG -->\n<svg {SVG_NS} viewBox=\"0 0 10 10\">\n<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#0b4f8a\"/></linearGradient>\n<style>.a{{fill:url(#g)}}</style></defs>\n<a href=\"#top\"><rect class=\"a\" width=\"10\" height=\"10\" style=\"stroke:#000\"/></a>\n<use xlink:href=\"#g\"/><text>Daftar &amp; berangkat</text>\n</svg>\n"
    );
    site.write("content/pelajaran/alur.svg", &svg);
    let build = site.build().unwrap();
    let file = build.file("pelajaran/alur.svg").unwrap();
    match &file.contents {
        lentera_core::output::Contents::Copy(p) => {
            assert_eq!(std::fs::read_to_string(p).unwrap(), svg)
        }
        other => panic!("not copied: {other:?}"),
    }
}

#[test]
fn many_broken_links_in_one_file_show_twenty_and_a_count() {
    // (The file of the issue had 20,000; fewer keep the test quick.)
    const N: usize = 3_000;
    let site = TestSite::fixture("basic");
    let mut body = String::from("---\ntitle: Rusak\nkind: info\n---\n");
    for i in 0..N {
        body.push_str(&format!("[t{i}](hilang-{i}.md)\n"));
    }
    site.write("content/pelajaran/rusak.id.md", &body);
    let out = site.lentera(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr.matches("[link-missing]").count(), 20, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "… and {} more `link-missing` in this file, not shown",
            N - 20
        )),
        "{stderr}"
    );
    assert!(stderr.len() < 20_000, "{} bytes", stderr.len());

    let out = site.lentera(&["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("[link-missing]").count(), 20);
    assert!(
        stdout.contains(&format!("… and {} more `link-missing`", N - 20)),
        "{stdout}"
    );
    // The totals and the JSON count every one.
    assert!(
        stdout.contains(&N.to_string()),
        "{}",
        &stdout[stdout.len().saturating_sub(300)..]
    );
    let out = site.lentera(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["errors"], N);
}
