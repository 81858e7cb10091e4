//! Tests of the Markdown renderer.

use super::*;
use std::path::Path;

fn config() -> Config {
    Config::parse(
        Path::new("site.yaml"),
        "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: Indonesia}\n  - {code: en, name: English}\n",
    )
    .unwrap()
}

/// The pages, files and processed images the test pages link to.
fn known() -> (
    BTreeSet<String>,
    BTreeSet<String>,
    BTreeMap<String, ImageInfo>,
) {
    let keys: BTreeSet<String> = ["pelajaran/jalur-resmi", "modus/calo", "", "pelajaran"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let assets: BTreeSet<String> = ["pelajaran/alur.png".to_string()].into();
    let images: BTreeMap<String, ImageInfo> = [(
        "pelajaran/alur.png".to_string(),
        ImageInfo {
            width: 800,
            height: 600,
            webp: Some("pelajaran/alur.png.webp".into()),
        },
    )]
    .into();
    (keys, assets, images)
}

fn render_with(body: &str, lang: &str, portable: bool) -> Rendered {
    let config = config();
    let page = crate::content::parse_page(
        "pelajaran/jalur-resmi.md",
        &format!("---\ntitle: T\n---\n{body}"),
        &config,
    )
    .unwrap();
    let (keys, assets, images) = known();
    let titles = CalloutTitles {
        warning: "Awas".into(),
        ..Default::default()
    };
    let env = LinkEnv {
        config: &config,
        page_keys: &keys,
        assets: &assets,
        lang,
        root: "../../",
        portable,
        callout_titles: &titles,
        images: &images,
        glossary: None,
    };
    render(&page, &env)
}

#[test]
fn repeated_headings_get_distinct_ids() {
    let mut used = BTreeMap::new();
    let ids: Vec<String> = ["a", "a-1", "a", "a", "b"]
        .iter()
        .map(|b| unique_id(b.to_string(), &mut used))
        .collect();
    assert_eq!(ids, ["a", "a-1", "a-2", "a-3", "b"]);
}

#[test]
fn slugs_are_stable_and_readable() {
    assert_eq!(
        slugify("Tanda Bahaya Sebelum Berangkat"),
        "tanda-bahaya-sebelum-berangkat"
    );
    assert_eq!(slugify("Hak-hak Anda!"), "hak-hak-anda");
    assert_eq!(
        slugify("Pitakonan Kulawarga (Keluarga)"),
        "pitakonan-kulawarga-keluarga"
    );
    assert_eq!(slugify("Biaya Rp0 & umur 18+"), "biaya-rp0-umur-18");
    assert_eq!(
        slugify("Jangan percaya \"sponsor\""),
        "jangan-percaya-sponsor"
    );
    assert_eq!(slugify("Désa"), "desa");
    assert_eq!(slugify("Apa itu e-KPMI?"), "apa-itu-e-kpmi");
    assert_eq!(slugify("???"), "bagian");
}

#[test]
fn headings_get_ids_and_toc() {
    let r = render_with(
        "## Langkah Satu\n\ntext\n\n### Rincian\n\n## Langkah Satu\n",
        "id",
        false,
    );
    assert!(
        r.html.contains("<h2 id=\"langkah-satu\">Langkah Satu</h2>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<h2 id=\"langkah-satu-1\">"), "{}", r.html);
    assert_eq!(r.toc.len(), 3);
    assert_eq!(r.toc[1].level, 3);
    assert!(r.anchors.contains("rincian"));
}

#[test]
fn internal_links_follow_the_reader_language() {
    let r = render_with(
        "[calo](../modus/calo.md) [x](jalur-resmi.md#a)",
        "en",
        false,
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(
        r.html.contains("href=\"../../en/modus/calo/\""),
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains("href=\"../../en/pelajaran/jalur-resmi/#a\""),
        "{}",
        r.html
    );
    assert_eq!(r.anchor_refs.len(), 1);
    let portable = render_with("[calo](../modus/calo.md)", "id", true);
    assert!(
        portable
            .html
            .contains("href=\"../../modus/calo/index.html\""),
        "{}",
        portable.html
    );
    let url_style = render_with("[c](../../modus/calo/) [p](../) [h](/)", "en", false);
    assert!(url_style.errors.is_empty(), "{:?}", url_style.errors);
    assert!(
        url_style.html.contains("href=\"../../en/modus/calo/\""),
        "{}",
        url_style.html
    );
    assert!(
        url_style.html.contains("href=\"../../en/pelajaran/\""),
        "{}",
        url_style.html
    );
    assert!(
        url_style.html.contains("href=\"../../en/\""),
        "{}",
        url_style.html
    );
    assert_eq!(render_with("[x](../nope/)", "id", false).errors.len(), 1);
    let section = render_with("[s](_index.md) [h](../_index.md)", "id", false);
    assert!(
        section.html.contains("href=\"../../pelajaran/\""),
        "{}",
        section.html
    );
    assert!(section.html.contains("href=\"../../\""), "{}", section.html);
}

#[test]
fn broken_links_report_file_line_and_hint() {
    let r = render_with("one\n\n[calo](../modus/caloo.md)\n", "id", false);
    assert_eq!(r.errors.len(), 1);
    match &r.errors[0] {
        Error::Content {
            line, hint, path, ..
        } => {
            assert_eq!(*line, 6);
            assert!(path.ends_with("jalur-resmi.md"));
            assert!(hint.as_ref().unwrap().to_string().contains("modus/calo"));
        }
        other => panic!("{other:?}"),
    }
    let missing_image = render_with("![x](nope.png)", "id", false);
    assert_eq!(missing_image.errors.len(), 1);
}

#[test]
fn external_links_and_images_are_kept_or_rebased() {
    let r = render_with(
        "[k](https://kp2mi.go.id/) [m](mailto:a@b.c) ![alur](alur.png)",
        "en",
        false,
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(r.html.contains("href=\"https://kp2mi.go.id/\""));
    assert!(
        r.html.contains("src=\"../../pelajaran/alur.png\""),
        "{}",
        r.html
    );
}

#[test]
fn alerts_become_labelled_callouts() {
    let r = render_with("> [!WARNING]\n> Jangan serahkan paspor.\n", "id", false);
    assert!(
        r.html.contains("<div class=\"callout callout-warning\" role=\"note\"><p class=\"callout-title\">Awas</p>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("Jangan serahkan paspor."));
    assert!(!r.html.contains("blockquote"));
}

#[test]
fn gfm_extensions_render() {
    let r = render_with(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~\n\n- [x] done\n\nNote[^1]\n\n[^1]: Foot.\n",
        "id",
        false,
    );
    assert!(
        r.html.contains("<div class=\"table\"><table>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<del>x</del>"));
    assert!(r.html.contains("type=\"checkbox\""));
    assert!(r.html.contains("footnote-definition"));
}

/// A page parsed once ([`parse`]) and filled for a language gives what
/// rendering it for that language gives: HTML, table of contents, anchors,
/// errors (with their lines and columns) and warnings.
fn same_as_rendered(body: &str, lesson: bool) -> bool {
    let config = config();
    let front = if lesson { "kind: procedure\n" } else { "" };
    let page = crate::content::parse_page(
        "pelajaran/jalur-resmi.md",
        &format!("---\ntitle: T\n{front}---\n{body}"),
        &config,
    )
    .unwrap();
    let (keys, assets, images) = known();
    let glossary = crate::content::glossary::Links {
        path: "glosarium/".into(),
        terms: vec![
            ("BP3MI".into(), "bp3mi".into()),
            ("LTSA".into(), "ltsa".into()),
        ],
    };
    let parsed = parse(&page, true, None, true);
    for (lang, root, portable, warning) in [
        ("id", "../../", false, "Awas"),
        ("en", "../../../", true, "Warning & <care>"),
    ] {
        let titles = CalloutTitles {
            warning: warning.into(),
            ..Default::default()
        };
        let env = LinkEnv {
            config: &config,
            page_keys: &keys,
            assets: &assets,
            lang,
            root,
            portable,
            callout_titles: &titles,
            images: &images,
            glossary: Some(&glossary).filter(|_| lesson),
        };
        let (once, each) = (parsed.render(&page, &env), render(&page, &env));
        assert_eq!(once.html, each.html, "{lang}");
        assert_eq!(once.toc, each.toc);
        assert_eq!(once.anchors, each.anchors);
        assert_eq!(once.anchor_refs, each.anchor_refs);
        let errors = |r: &Rendered| {
            r.errors
                .iter()
                .map(|e| format!("{e:?}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(errors(&once), errors(&each));
        assert_eq!(once.warnings, each.warnings);
    }
    parsed.has_skeleton()
}

#[test]
fn a_page_parsed_once_fills_in_as_it_renders_per_language() {
    let body = "## Langkah & <b>biaya</b>\n\nDaftar di [LTSA](../pelajaran/jalur-resmi.md#langkah) lewat BP3MI, \
                bukan [calo](/modus/calo.md \"judul\"). Lagi: BP3MI dan `BP3MI`.\n\n\
                > [!WARNING]\n> Jangan bayar [di sini](https://e.org/x?a=1&b=2).\n\n\
                ![Alur *resmi*](alur.png \"Alur\") ![hilang](tidak-ada.png)\n\n\
                [rusak](../tidak/ada.md) dan [jangkar](#tidak-ada) dan <mailto:a@b.id>.\n\n\
                | a | b |\n|---|---|\n| BP3MI | [x](jalur-resmi.md) |\n\n\
                Catatan[^1].\n\n[^1]: Dari BP3MI.\n\n<span>BP3MI</span> <a href=\"x\">LTSA</a> LTSA\n\n\
                [bahaya](javascript:alert(1))\n";
    assert!(same_as_rendered(body, true));
    assert!(same_as_rendered(body, false));
}

#[test]
fn what_a_slot_cannot_carry_is_rendered_per_language() {
    // The slot's mark written in the page, an image inside an image's alt
    // text, a page nested too deep: each still renders as before.
    assert!(!same_as_rendered(
        "Lihat @@lentera-slot@@ [x](a.md).\n",
        false
    ));
    // In a lesson that text is itself a slot (glossary terms): filled as text.
    same_as_rendered("Lihat @@lentera-slot@@ [x](a.md) BP3MI.\n", true);
    assert!(!same_as_rendered("![a ![b](alur.png)](alur.png)\n", false));
    assert!(!same_as_rendered(&">".repeat(200), false));
    assert!(same_as_rendered("Tanpa apa-apa.\n", false));
}
