//! Villager first (#27): the help line on every page, the home page's entry
//! points by situation, and the next step at the end of a lesson.

use lentera_core::Error;

use crate::common::{TestSite, broken_links, html, links, options};

/// The basic fixture with a `help:` line and a contacts page.
fn with_help() -> TestSite {
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        &format!("{config}help:\n  contacts: [kp2mi]\n  page: kontak\n"),
    )
    .write(
        "content/kontak.id.md",
        "---\ntitle: Kontak\n---\nSemua nomor.\n",
    );
    site
}

/// The link of the anchor that has `marker` among its attributes.
fn href_with(html: &str, marker: &str) -> Option<String> {
    let at = html.find(marker)?;
    let start = html[..at].rfind("<a ")?;
    links(&html[start..]).into_iter().next()
}

/// Resolve `link` from the page at `page` (a built path) to a built path.
fn resolve(page: &str, link: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for p in link.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut target = parts.join("/");
    if !target.ends_with(".html") {
        if !target.is_empty() {
            target.push('/');
        }
        target.push_str("index.html");
    }
    target
}

fn one_error(err: Error) -> Error {
    let mut all: Vec<Error> = match err {
        Error::Many(list) => list,
        other => vec![other],
    };
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

#[test]
fn a_lesson_with_next_links_to_it_and_the_next_links_back() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/pelajaran/jalur-resmi.id.md",
        &std::fs::read_to_string(site.root().join("content/pelajaran/jalur-resmi.id.md"))
            .unwrap()
            .replacen(
                "kind: procedure\n",
                "kind: procedure\nnext: pelajaran/penipuan\n",
                1,
            ),
    );
    for portable in [false, true] {
        let build = site.build_with(options(portable, false)).unwrap();
        for lang in ["", "en/"] {
            let from = format!("{lang}pelajaran/jalur-resmi/index.html");
            let page = html(&build, &from);
            assert!(page.contains("Langkah berikutnya") || page.contains("Next step"));
            let next = href_with(page, "rel=next").expect("a next link");
            let target = resolve(&from, &next);
            assert_eq!(target, format!("{lang}pelajaran/penipuan/index.html"));
            assert!(build.file(&target).is_some(), "{target} was not built");
            assert!(html(&build, &from).contains("Penipuan calo"));

            // The page named as next gets this one as its previous step.
            let back = html(&build, &target);
            let previous = href_with(back, "rel=prev").expect("a previous link");
            assert_eq!(resolve(&target, &previous), from);
            assert!(href_with(back, "rel=next").is_none());
        }
        assert_eq!(broken_links(&build), Vec::<String>::new());
    }
    // A page on no journey has neither link.
    let build = site.build().unwrap();
    let section = html(&build, "pelajaran/index.html");
    assert!(!section.contains("rel=next") && !section.contains("rel=prev"));
}

#[test]
fn a_next_that_names_no_page_is_an_error_with_file_and_line() {
    let site = TestSite::fixture("basic");
    let path = site.root().join("content/pelajaran/penipuan.id.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().nth(3), Some("kind: scam"));
    site.write(
        "content/pelajaran/penipuan.id.md",
        &text.replacen(
            "kind: scam\n",
            "kind: scam\nnext: pelajaran/jalur-resmu\n",
            1,
        ),
    );
    match one_error(site.build().expect_err("a missing next page")) {
        Error::Content {
            path,
            line,
            message,
            hint,
            ..
        } => {
            assert!(path.ends_with("pelajaran/penipuan.id.md"), "{path:?}");
            assert_eq!(line, 5);
            assert_eq!(message.code(), "named-page-missing");
            assert!(
                matches!(&hint, Some(lentera_messages::Msg::DidYouMean { best }) if best == "pelajaran/jalur-resmi"),
                "{hint:?}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn journeys_lead_from_the_home_page_in_the_readers_language() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/_index.id.md",
        "---\ntitle: Selamat datang\njourneys:\n  - label: Saya ingin bekerja ke luar negeri\n    page: pelajaran/jalur-resmi\n    icon: work\n  - label: Ada tawaran kerja\n    page: pelajaran/penipuan.md\n    icon: offer\n  - label: Desa saya\n    page: desa/sukamaju\n---\nHalo.\n",
    );
    let build = site.build().unwrap();
    let home = html(&build, "index.html");
    let nav = &home[home.find("class=journeys").expect("entry points")..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    assert_eq!(nav.matches("<svg").count(), 3, "an icon for each: {nav}");
    assert!(nav.contains("Saya ingin bekerja ke luar negeri"));
    let targets: Vec<String> = links(nav)
        .iter()
        .map(|l| resolve("index.html", l))
        .collect();
    assert_eq!(
        targets,
        [
            "pelajaran/jalur-resmi/index.html",
            "pelajaran/penipuan/index.html",
            "desa/sukamaju/index.html"
        ]
    );
    // The English home page has no journeys of its own: it shows the
    // original's, marked as Indonesian, leading to the English pages.
    let en = html(&build, "en/index.html");
    let nav = &en[en.find("class=journeys").expect("entry points in en")..];
    assert!(nav.contains("lang=id"), "{nav}");
    assert!(links(nav)[0].ends_with("pelajaran/jalur-resmi/"));
    assert_eq!(
        resolve("en/index.html", &links(nav)[0]),
        "en/pelajaran/jalur-resmi/index.html"
    );
    assert_eq!(broken_links(&build), Vec::<String>::new());

    site.write(
        "content/_index.id.md",
        "---\ntitle: Selamat datang\njourneys:\n  - label: X\n    page: pelajaran/tidak-ada\n---\nHalo.\n",
    );
    match one_error(site.build().expect_err("a missing journey page")) {
        Error::Content {
            path,
            line,
            message,
            ..
        } => {
            assert!(path.ends_with("_index.id.md"));
            assert_eq!(line, 3);
            assert_eq!(message.code(), "named-page-missing");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_page_shows_the_help_numbers_and_the_contacts_page() {
    let site = with_help();
    let build = site.build().unwrap();
    let pages: Vec<&str> = build
        .files
        .iter()
        .map(|f| f.path.as_str())
        .filter(|p| p.ends_with("index.html"))
        .collect();
    assert!(pages.len() >= 10, "{pages:?}");
    for path in pages {
        let page = html(&build, path);
        let header = &page[page.find("<header").unwrap()..page.find("</header>").unwrap()];
        let help = &header[header
            .find("class=help")
            .unwrap_or_else(|| panic!("{path}"))..];
        assert!(help.contains("href=tel:08001000"), "{path}: {help}");
        // The note says where the number works from, in the reader's language.
        let note = if path.starts_with("en/") {
            "Toll-free"
        } else {
            "Bebas pulsa"
        };
        assert!(help.contains(note), "{path}: {help}");
        // The WhatsApp number is not the first phone number.
        assert!(!help.contains("wa.me"), "{path}");
        let all = links(help).pop().unwrap();
        let lang = if path.starts_with("en/") { "en/" } else { "" };
        assert_eq!(
            resolve(path, &all),
            format!("{lang}kontak/index.html"),
            "{path}"
        );
    }
    // Without `help:` there is no help line.
    let plain = TestSite::fixture("basic").build().unwrap();
    assert!(!html(&plain, "index.html").contains("class=help"));
}

#[test]
fn a_help_contact_or_page_that_does_not_exist_is_an_error_with_its_line() {
    let site = with_help();
    let config = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    let line = config.lines().position(|l| l.contains("[kp2mi]")).unwrap() + 1;
    site.write("content/site.yaml", &config.replace("[kp2mi]", "[kp2mj]"));
    match one_error(site.build().expect_err("an unknown help contact")) {
        Error::Content {
            path,
            line: at,
            message,
            hint,
            ..
        } => {
            assert!(path.ends_with("site.yaml"));
            assert_eq!(at, line);
            assert_eq!(message.code(), "help-contact-unknown");
            assert!(
                matches!(&hint, Some(lentera_messages::Msg::DidYouMean { best }) if best == "kp2mi")
            );
        }
        other => panic!("{other:?}"),
    }
    site.write(
        "content/site.yaml",
        &config.replace("page: kontak", "page: kontk"),
    );
    match one_error(site.build().expect_err("a missing help page")) {
        Error::Content {
            path,
            line: at,
            message,
            ..
        } => {
            assert!(path.ends_with("site.yaml"));
            assert_eq!(at, line + 1);
            assert_eq!(message.code(), "named-page-missing");
        }
        other => panic!("{other:?}"),
    }
}
