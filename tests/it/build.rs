//! The basic fixture: one section, a lesson with every Markdown feature, a
//! village, two languages.

use crate::common::{TestSite, broken_links, html, links, options};

/// Page HTML without the inline stylesheet, for readable snapshots.
fn without_css(html: &str) -> String {
    match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}<style>/* theme CSS */{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    }
}

#[test]
fn builds_every_page_in_every_language() {
    let site = TestSite::fixture("basic");
    let build = site.build().unwrap();
    let paths: Vec<&str> = build.files.iter().map(|f| f.path.as_str()).collect();
    insta::assert_debug_snapshot!(paths);
    assert_eq!(build.pages_per_language["id"], 6);
    assert_eq!(build.pages_per_language["en"], 6);
}

#[test]
fn drafts_are_skipped_unless_asked() {
    let site = TestSite::fixture("basic");
    assert!(
        site.build()
            .unwrap()
            .file("pelajaran/draf/index.html")
            .is_none()
    );
    let mut opts = options(false, false);
    opts.drafts = true;
    assert!(
        site.build_with(opts)
            .unwrap()
            .file("pelajaran/draf/index.html")
            .is_some()
    );
}

#[test]
fn lesson_page_snapshot() {
    let site = TestSite::fixture("basic");
    let build = site.build_with(options(false, true)).unwrap();
    insta::assert_snapshot!(without_css(html(
        &build,
        "pelajaran/jalur-resmi/index.html"
    )));
}

#[test]
fn fallback_page_snapshot() {
    let site = TestSite::fixture("basic");
    let build = site.build_with(options(false, true)).unwrap();
    insta::assert_snapshot!(without_css(html(
        &build,
        "en/pelajaran/jalur-resmi/index.html"
    )));
}

#[test]
fn home_section_and_village_render() {
    let site = TestSite::fixture("basic");
    let build = site.build_with(options(false, true)).unwrap();
    let home = html(&build, "index.html");
    assert!(home.contains("<h1>Selamat datang</h1>"));
    assert!(
        home.contains("href=\"./pelajaran/jalur-resmi/\""),
        "home lists lessons"
    );
    assert!(
        home.contains("href=\"tel:08001000\""),
        "hotline from site.yaml"
    );
    let section = html(&build, "pelajaran/index.html");
    assert!(section.contains("href=\"../pelajaran/jalur-resmi/\""));
    assert!(
        section.find("Jalur resmi").unwrap() < section.find("Penipuan calo").unwrap(),
        "sorted by weight"
    );
    let village = html(&build, "en/desa/sukamaju/index.html");
    assert!(village.contains("Village of Sukamaju"));
    assert!(village.contains("Contoh Raya"));
    assert!(village.contains("Kantor Imigrasi Contoh"));
    assert!(village.contains("An example village."));
    assert!(village.contains("href=\"../../../en/pelajaran/jalur-resmi/\""));
}

#[test]
fn markdown_features_reach_the_page() {
    let site = TestSite::fixture("basic");
    let build = site.build_with(options(false, true)).unwrap();
    let page = html(&build, "pelajaran/jalur-resmi/index.html");
    assert!(page.contains("<h2 id=\"langkah-pertama\">"));
    assert!(
        page.contains("<a href=\"#langkah-pertama\">Langkah Pertama</a>"),
        "table of contents"
    );
    assert!(page.contains("class=\"callout callout-warning\" role=\"note\""));
    assert!(page.contains("<p class=\"callout-title\">Awas</p>"));
    assert!(page.contains("<table>") && page.contains("<del>Bayar calo</del>"));
    assert!(page.contains("checkbox"));
    assert!(page.contains("footnote-definition"));
    assert!(page.contains("src=\"../../pelajaran/alur.svg\""));
    assert!(page.contains("href=\"../../pelajaran/penipuan/#ciri-ciri\""));
    assert!(page.contains("Terakhir diperiksa"));
    assert!(page.contains("28 November 2026"));
    assert!(page.contains("https://peraturan.example/"), "sources");
    assert!(page.contains("Daftar di Disnaker."), "key points");
    assert!(page.contains("Langkah resmi"), "kind label");
}

#[test]
fn every_internal_link_resolves_and_is_relative() {
    let site = TestSite::fixture("basic");
    for portable in [false, true] {
        let build = site.build_with(options(portable, false)).unwrap();
        assert_eq!(
            broken_links(&build),
            Vec::<String>::new(),
            "portable={portable}"
        );
        // The one-file editions link the website absolutely on purpose
        // (tests/it/onefile.rs).
        for f in build.files.iter().filter(|f| {
            f.path.ends_with(".html")
                && f.path != "404.html"
                && !f.path.ends_with(lentera_core::urls::ONE_FILE)
        }) {
            for link in links(f.text().unwrap()) {
                assert!(!link.starts_with('/'), "{}: absolute path {link}", f.path);
                if link.starts_with("https://contoh.example") {
                    // Only canonical and alternate links may be absolute.
                    let html = f.text().unwrap();
                    let at = html.find(&link).unwrap();
                    let tag_start = html[..at].rfind('<').unwrap();
                    assert!(
                        html[tag_start..at].starts_with("<link"),
                        "{}: absolute {link} outside <link>",
                        f.path
                    );
                }
                if portable && crate::common::is_internal(&link) {
                    let path = link.split('#').next().unwrap();
                    assert!(
                        std::path::Path::new(path).extension().is_some(),
                        "{}: portable link {link} does not name a file",
                        f.path
                    );
                }
            }
        }
    }
}

#[test]
fn html_is_minified_with_inline_css() {
    let site = TestSite::fixture("basic");
    let build = site.build().unwrap();
    let page = html(&build, "pelajaran/jalur-resmi/index.html");
    assert!(!page.contains("\n\n"), "whitespace collapsed");
    assert!(page.contains("<style>:root{"), "inline CSS minified");
    // No inline script (the Content-Security-Policy allows only the site's
    // own files): one deferred file, site.js, holds the search loader (which
    // adds search.js only when the reader starts a search), the
    // service-worker registration and the listen button. Reading needs
    // none of it; the form works without.
    assert!(!page.contains("<script>"), "no inline script");
    assert_eq!(page.matches("<script").count(), 1, "one script");
    assert!(page.contains("<script data-sw=../../sw.js defer src=../../site.js></script>"));
    assert!(
        page.contains("action=../../indeks/"),
        "the form works without JavaScript"
    );
    assert!(build.file("sw.js").is_some());
    let portable = site.build_with(options(true, false)).unwrap();
    let portable_page = html(&portable, "pelajaran/jalur-resmi/index.html");
    assert!(
        portable_page.contains("<script defer src=../../site.js></script>"),
        "site.js without the service worker"
    );
    assert!(!portable_page.contains("data-sw"));
    assert!(portable.file("sw.js").is_none());
}

#[test]
fn sitemap_robots_and_404() {
    let site = TestSite::fixture("basic");
    let build = site.build().unwrap();
    let sitemap = build.file("sitemap.xml").unwrap().text().unwrap();
    insta::assert_snapshot!(sitemap);
    let robots = build.file("robots.txt").unwrap().text().unwrap();
    assert!(robots.contains("Sitemap: https://contoh.example/desa/sitemap.xml"));
    let not_found = html(&build, "404.html");
    assert!(not_found.contains("Halaman tidak ditemukan"));
    assert!(not_found.contains("noindex"));
}

#[test]
fn static_files_are_copied() {
    let site = TestSite::fixture("basic");
    site.write("themes/default/static/favicon.ico", "icon");
    let build = site.build().unwrap();
    assert!(build.file("favicon.ico").is_some());
    assert!(build.file("pelajaran/alur.svg").is_some());
}

/// See: #6. Photos are made fit for phones at build time.
#[test]
fn images_are_resized_for_phones_with_webp_and_lazy_loading() {
    let site = TestSite::fixture("basic");
    let img = image::RgbImage::from_fn(1600, 1000, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x * y) % 239) as u8])
    });
    let path = site.root().join("content/pelajaran/foto.jpg");
    image::DynamicImage::ImageRgb8(img).save(&path).unwrap();
    let original = std::fs::metadata(&path).unwrap().len() as usize;
    site.write(
        "content/pelajaran/foto-page.md",
        "---\ntitle: Foto\n---\nTeks.\n\n![Antrean di kantor imigrasi](foto.jpg)\n",
    );
    let build = site.build_with(options(false, true)).unwrap();
    let page = html(&build, "pelajaran/foto-page/index.html");
    assert!(
        page.contains("<picture><source type=\"image/webp\" srcset=\"../../pelajaran/foto.jpg.webp\"><img src=\"../../pelajaran/foto.jpg\" alt=\"Antrean di kantor imigrasi\" width=\"800\" height=\"500\" loading=\"lazy\" decoding=\"async\"></picture>"),
        "{page}"
    );
    let bytes = |p: &str| match &build.file(p).unwrap().contents {
        lentera_core::output::Contents::Bytes(b) => b.clone(),
        lentera_core::output::Contents::Copy(p)
        | lentera_core::output::Contents::Staged { path: p, .. } => std::fs::read(p).unwrap(),
    };
    let jpg = bytes("pelajaran/foto.jpg");
    assert_eq!(image::load_from_memory(&jpg).unwrap().width(), 800);
    assert!(jpg.len() < original);
    assert!(bytes("pelajaran/foto.jpg.webp").len() < jpg.len());
    assert_eq!(broken_links(&build), Vec::<String>::new());
}

/// See: #10 (heavy theme). The whole-site navigation is rendered once per
/// language and depth and placed in every page, with links that work from
/// each page's folder, minified or not.
#[test]
fn whole_site_navigation_is_placed_in_every_page() {
    let site = TestSite::fixture("basic");
    site.write(
        "templates/partials/site-nav.html",
        "<nav class=\"all\">{% for s in site_nav %}<p><a href=\"{{ root }}{{ s.path }}\">{{ s.title }}</a></p><ul>{% for p in s.pages %}<li><a href=\"{{ root }}{{ p.path }}\">{{ p.title }}</a></li>{% endfor %}</ul>{% endfor %}</nav>",
    );
    site.write(
        "templates/nav.html",
        "<!doctype html><html><head><title>{{ page.title }}</title></head><body>{{ site_nav_html | safe }}<main>{{ page.content | safe }}</main></body></html>",
    );
    let lesson = site.root().join("content/pelajaran/jalur-resmi.id.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(
        &lesson,
        text.replacen("---\n", "---\ntemplate: nav.html\n", 1),
    )
    .unwrap();
    for no_minify in [false, true] {
        let build = site.build_with(options(false, no_minify)).unwrap();
        for (path, root) in [
            ("pelajaran/jalur-resmi/index.html", "../../"),
            ("en/pelajaran/jalur-resmi/index.html", "../../../en/"),
        ] {
            let page = html(&build, path);
            assert!(!page.contains('\u{E000}'), "the slot was left in {path}");
            let link = if no_minify {
                format!("<a href=\"{root}pelajaran/penipuan/\">")
            } else {
                format!("<a href={root}pelajaran/penipuan/>")
            };
            assert!(page.contains(&link), "{link} not in {path}: {page}");
        }
        assert_eq!(broken_links(&build), Vec::<String>::new());
    }
}

/// See: #14 (listen). A lesson may name a recorded reading: it is copied,
/// shown with a player that loads nothing until pressed, with its size; a
/// missing or unknown file is an error with the page and line.
#[test]
fn recorded_audio_is_shown_with_its_size_and_checked() {
    let site = TestSite::fixture("basic");
    site.write("content/pelajaran/jalur-resmi.mp3", &"x".repeat(340_000));
    let lesson = site.root().join("content/pelajaran/jalur-resmi.id.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(
        &lesson,
        text.replacen("---\n", "---\naudio: jalur-resmi.mp3\n", 1),
    )
    .unwrap();
    let build = site.build_with(options(false, true)).unwrap();
    let page = html(&build, "pelajaran/jalur-resmi/index.html");
    assert!(page.contains("<audio controls preload=\"none\"><source src=\"../../pelajaran/jalur-resmi.mp3\" type=\"audio/mpeg\">"), "{page}");
    assert!(page.contains("(340 KB)"), "{page}");
    assert!(build.file("pelajaran/jalur-resmi.mp3").is_some());
    // The English fallback page plays the same file.
    assert!(
        html(&build, "en/pelajaran/jalur-resmi/index.html")
            .contains("../../../pelajaran/jalur-resmi.mp3")
    );

    std::fs::write(
        &lesson,
        text.replacen("---\n", "---\naudio: tidak-ada.mp3\n", 1),
    )
    .unwrap();
    let err = site.build().unwrap_err().to_string();
    assert!(
        err.contains("jalur-resmi.id.md:2: `tidak-ada.mp3` does not exist"),
        "{err}"
    );
    std::fs::write(&lesson, text.replacen("---\n", "---\naudio: alur.svg\n", 1)).unwrap();
    let err = site.build().unwrap_err().to_string();
    assert!(err.contains("is not an audio file"), "{err}");
}

/// Whether `build_or_reuse` built (true) or found the output up to date.
fn rebuilt(site: &TestSite, out: &std::path::Path, opts: &lentera_core::BuildOptions) -> bool {
    match lentera_core::build_or_reuse(site.root(), out, opts).unwrap() {
        lentera_core::Written::Built(_) => true,
        lentera_core::Written::UpToDate(_) => false,
    }
}

#[test]
fn a_changed_option_theme_file_or_date_forces_a_rebuild() {
    let site = TestSite::fixture("basic");
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("output");
    let base = options(false, false);
    assert!(rebuilt(&site, &out, &base), "first build");
    assert!(!rebuilt(&site, &out, &base), "same inputs: nothing changed");
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        !home.contains("/index.html"),
        "links end in / without --portable"
    );

    let portable = options(true, false);
    assert!(rebuilt(&site, &out, &portable), "--portable must rebuild");
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains("/index.html"),
        "the portable build was written"
    );
    assert!(!rebuilt(&site, &out, &portable));

    let drafts = lentera_core::BuildOptions {
        drafts: true,
        ..base.clone()
    };
    assert!(rebuilt(&site, &out, &drafts), "--drafts must rebuild");
    assert!(!rebuilt(&site, &out, &drafts));

    let mut later = drafts.clone();
    later.render.build_date = lentera_core::config::Date::parse("2026-11-29");
    assert!(rebuilt(&site, &out, &later), "another date must rebuild");
    assert!(!rebuilt(&site, &out, &later));

    let script = site.root().join("themes/default/static/site.js");
    let mut text = std::fs::read_to_string(&script).unwrap();
    text.push_str("\n// changed\n");
    std::fs::write(&script, text).unwrap();
    assert!(rebuilt(&site, &out, &later), "a theme file must rebuild");
    assert!(!rebuilt(&site, &out, &later));
}

/// Built without the `leaflets` feature (`cargo test --no-default-features`),
/// a site with villages and a leaflet template says its leaflets were
/// skipped, and writes none.
#[cfg(not(feature = "leaflets"))]
#[test]
fn without_the_leaflets_feature_villages_warn_that_leaflets_were_skipped() {
    let site = TestSite::fixture("basic");
    let build = site.build().unwrap();
    let skipped: Vec<_> = build
        .warnings
        .iter()
        .filter(|w| w.message.code() == "leaflets-skipped")
        .collect();
    assert_eq!(skipped.len(), 1, "{:?}", build.warnings);
    assert_eq!(
        skipped[0].message,
        lentera_messages::Msg::LeafletsSkipped { villages: 1 }
    );
    assert!(skipped[0].file.ends_with("content/desa"));
    assert!(!build.files.iter().any(|f| f.path.ends_with(".pdf")));
}
