//! Languages: fallbacks, draft translations, directions, overrides.

use crate::common::{TestSite, html, options};

#[test]
fn every_page_exists_in_every_language_with_the_right_lang_and_dir() {
    let site = TestSite::fixture("i18n");
    let build = site.build_with(options(false, true)).unwrap();
    for (prefix, lang, dir) in [
        ("", "id", "ltr"),
        ("jv/", "jv", "ltr"),
        ("ar/", "ar", "rtl"),
    ] {
        for page in ["", "modus/", "modus/calo/", "modus/lowongan/"] {
            let path = format!("{prefix}{page}index.html");
            let text = html(&build, &path);
            assert!(
                text.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{path}"
            );
        }
    }
}

#[test]
fn fallback_shows_original_with_notice_and_canonical() {
    let site = TestSite::fixture("i18n");
    let build = site.build_with(options(false, true)).unwrap();
    let page = html(&build, "ar/modus/lowongan/index.html");
    assert!(
        page.contains("<div class=\"body\" lang=\"id\" dir=\"ltr\">"),
        "{page}"
    );
    assert!(
        page.contains("<span lang=\"id\" dir=\"ltr\">Lowongan palsu</span>"),
        "{page}"
    );
    assert!(
        page.contains("Belum diterjemahkan."),
        "notice (ar falls back to id strings)"
    );
    assert!(
        page.contains("<link rel=\"canonical\" href=\"https://i18n.example/modus/lowongan/\">")
    );
    assert!(
        !page.contains("hreflang=\"ar\" href"),
        "no alternates for a fallback"
    );
    assert!(
        build
            .fallbacks
            .contains(&("modus/lowongan".to_string(), "ar".to_string()))
    );
    // Links inside fallback content stay in the reader's language.
    let calo = html(&build, "ar/modus/calo/index.html");
    assert!(
        calo.contains("href=\"../../../ar/modus/lowongan/\""),
        "{calo}"
    );
}

#[test]
fn draft_translation_is_marked_and_alternates_list_real_translations() {
    let site = TestSite::fixture("i18n");
    // Key points, so the page shows the `key_points` heading the override sets.
    let path = site.root().join("content/modus/calo.jv.md");
    let text = std::fs::read_to_string(&path).unwrap();
    site.write(
        "content/modus/calo.jv.md",
        &text.replacen(
            "kind: scam\n",
            "kind: scam\nkey_points: [Ati-ati calo]\n",
            1,
        ),
    );
    let build = site.build_with(options(false, true)).unwrap();
    let jv = html(&build, "jv/modus/calo/index.html");
    assert!(jv.contains("class=\"notice\""), "draft notice");
    // The notice leads to the original the draft was made from, not to itself.
    let notice = jv.split("class=\"notice\"").nth(1).unwrap();
    let notice = &notice[..notice.find("</div>").unwrap()];
    assert!(notice.contains("href=\"../../../modus/calo/\""), "{notice}");
    assert!(notice.contains(">Bahasa Indonesia</a>"), "{notice}");
    assert!(jv.contains(
        "<link rel=\"alternate\" hreflang=\"jv\" href=\"https://i18n.example/jv/modus/calo/\">"
    ));
    assert!(jv.contains(
        "<link rel=\"alternate\" hreflang=\"id\" href=\"https://i18n.example/modus/calo/\">"
    ));
    assert!(jv.contains("hreflang=\"x-default\""));
    assert!(
        !jv.contains("hreflang=\"ar\" href=\"https"),
        "ar is only a fallback"
    );
    assert!(
        jv.contains("Sing wigati (override)"),
        "the content/i18n override replaces the theme's string"
    );
}

#[test]
fn language_switcher_links_the_same_page() {
    let site = TestSite::fixture("i18n");
    let build = site.build_with(options(false, true)).unwrap();
    let page = html(&build, "jv/modus/calo/index.html");
    assert!(
        page.contains("href=\"../../../modus/calo/\" lang=\"id\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../../ar/modus/calo/\" lang=\"ar\""));
    assert!(page.contains("aria-current=\"page\" lang=\"jv\""));
}

#[test]
fn missing_interface_strings_are_recorded() {
    let site = TestSite::fixture("i18n");
    let build = site.build().unwrap();
    assert!(
        build
            .missing_strings
            .iter()
            .any(|(l, k)| l == "ar" && k == "fallback_title")
    );
    assert!(!build.missing_strings.iter().any(|(l, _)| l == "id"));
    assert!(
        !build
            .missing_strings
            .iter()
            .any(|(l, k)| l == "jv" && k == "key_points"),
        "the override defines it"
    );
}

#[test]
fn site_templates_override_the_theme() {
    let site = TestSite::fixture("i18n");
    let build = site.build().unwrap();
    assert!(html(&build, "404.html").contains("OVERRIDDEN 404"));
}

#[test]
fn sitemap_lists_real_translations_only() {
    let site = TestSite::fixture("i18n");
    let build = site.build().unwrap();
    let sitemap = build.file("sitemap.xml").unwrap().text().unwrap();
    assert!(sitemap.contains("<loc>https://i18n.example/jv/modus/calo/</loc>"));
    assert!(!sitemap.contains("<loc>https://i18n.example/jv/modus/lowongan/</loc>"));
    assert!(sitemap.contains("hreflang=\"jv\" href=\"https://i18n.example/jv/modus/calo/\""));
}
