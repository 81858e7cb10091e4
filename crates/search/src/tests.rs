//! Tests of `src`.

use super::*;

#[test]
fn tokens_fold_and_keep_hyphenated_words() {
    assert_eq!(
        tokens("Calo-calo MENIPU lewat “M-Paspor”, kéné: 0800-1000 - a"),
        vec![
            "calo-calo",
            "menipu",
            "lewat",
            "m-paspor",
            "kene",
            "0800-1000"
        ]
    );
    assert_eq!(tokens("--x-- ab-"), vec!["ab"]);
}

#[test]
fn fold_is_lower_case_then_the_accent_table() {
    // What `fold` was written as: the whole text lowered, then each char
    // through the table (final sigma, `İ` lowered to two chars, Kelvin).
    let reference = |t: &str| t.to_lowercase().chars().map(unaccent).collect::<String>();
    for text in [
        "Kéné ÀÉÎÕÜ Ñ Ç Ÿ — “x”",
        "ΟΔΟΣ ΟΔΟΣ. Σ",
        "İSTANBUL \u{212A}elvin ẞ",
        "Calo-calo MENIPU",
        "",
    ] {
        assert_eq!(fold(text), reference(text), "{text}");
    }
}

#[test]
fn hyphenated_words_are_indexed_with_their_parts() {
    let stemmer = Some(Stemmer::indonesian());
    assert_eq!(terms("calo-calo", stemmer), vec!["calo"]);
    assert_eq!(terms("m-paspor", stemmer), vec!["m-paspor", "paspor"]);
    assert_eq!(terms("penipuan", None), vec!["penipuan"]);
}

#[test]
fn one_edit_variants() {
    let e = edits("ab");
    assert!(e.contains(&"a".to_string()) && e.contains(&"ba".to_string()));
    assert!(e.contains(&"abc".to_string()) && e.contains(&"xb".to_string()));
    assert_eq!(e.len(), 2 + 1 + 2 * 25 + 3 * 26);
}

/// The compact analysis gives back each term once, with its weight, and
/// flags the root words (Indonesian text only).
#[test]
fn analysis_keeps_each_term_with_its_weight_and_root_flag() {
    let text = DocText {
        lang: STEMMED_LANGUAGE,
        keywords: vec!["calo"],
        title: "Penipuan paspor",
        body: "Calo menipu. Calo-calo menipu lagi dan lagi xyzzy.",
        ..Default::default()
    };
    let analysis = analyze(&text);
    let terms: BTreeMap<&str, u32> = analysis.terms().collect();
    assert_eq!(terms.len(), analysis.len(), "each term once");
    // `calo`: keyword, and three times in the body (`calo-calo` counts once
    // for itself and once for its part, which is the same term).
    assert_eq!(terms["calo"], WEIGHT_KEYWORD + 2);
    // `tipu`: the title (`penipuan`) and twice in the body (`menipu`).
    assert_eq!(terms["tipu"], WEIGHT_TITLE + 2);
    assert_eq!(terms["xyzzy"], 1);
    let roots: BTreeSet<&str> = analysis.roots().collect();
    assert!(
        roots.contains("tipu") && roots.contains("calo"),
        "{roots:?}"
    );
    assert!(!roots.contains("xyzzy"));
    // Not Indonesian: not stemmed, no roots.
    let english = analyze(&DocText {
        lang: "en",
        ..text.clone()
    });
    assert!(english.terms().any(|(t, _)| t == "penipuan"));
    assert_eq!(english.roots().count(), 0);
    assert!(analyze(&DocText::default()).is_empty());
}
