//! Tests of `library`.

use super::*;

/// Pages titled by their file name, in id, en and jv.
fn library(files: &[&str], default: &str) -> Library {
    let texts: Vec<String> = files
        .iter()
        .map(|rel| format!("---\ntitle: {rel}\n---\n"))
        .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .copied()
        .zip(texts.iter().map(String::as_str))
        .collect();
    test_library(
        &format!(
            "base_url: https://e.org/\ndefault_language: {default}\nlanguages:\n  - {{code: id, name: I}}\n  - {{code: en, name: E}}\n  - {{code: jv, name: J}}\n"
        ),
        &files,
    )
}

#[test]
fn resolve_prefers_the_language_then_the_default_then_configuration_order() {
    let lib = library(
        &["a.id.md", "a.jv.md", "b.jv.md", "b.en.md", "c.jv.md"],
        "id",
    );
    let title = |key: &str, lang: &str| {
        let r = lib.resolve(key, lang).unwrap();
        (r.page.front.title.clone(), r.fallback)
    };
    assert_eq!(title("a", "jv"), ("a.jv.md".into(), false));
    assert_eq!(title("a", "en"), ("a.id.md".into(), true));
    // No default-language page: the first configured language that has it.
    assert_eq!(title("b", "id"), ("b.en.md".into(), true));
    assert_eq!(title("c", "en"), ("c.jv.md".into(), true));
    assert!(lib.resolve("missing", "id").is_none());
}

#[test]
fn steps_follow_next_and_translations_follow_the_original() {
    let yaml = "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: I}\n  - {code: en, name: E}\n";
    let lib = test_library(
        yaml,
        &[
            ("s/a.id.md", "---\ntitle: A\nnext: s/b\n---\n"),
            ("s/b.id.md", "---\ntitle: B\nnext: /s/c.md\n---\n"),
            ("s/b.en.md", "---\ntitle: B\n---\n"),
            (
                "s/c.id.md",
                "---\ntitle: C\nprevious: s/a\nnext: s/nothing\n---\n",
            ),
            ("s/d.id.md", "---\ntitle: D\nnext: s/d\n---\n"),
        ],
    );
    let steps = |lang| {
        lib.steps(lang)
            .into_iter()
            .map(|(k, s)| (k, s.previous, s.next))
            .collect::<Vec<_>>()
    };
    let some = |s: &str| Some(s.to_string());
    let expected = vec![
        ("s/a".to_string(), None, some("s/b")),
        ("s/b".to_string(), some("s/a"), some("s/c")),
        // An explicit `previous:` wins; a missing page is no step.
        ("s/c".to_string(), some("s/a"), None),
    ];
    assert_eq!(steps("id"), expected);
    // The English `b` has no `next:` of its own: it follows the original.
    assert_eq!(steps("en"), expected);
}

#[test]
fn step_order_keeps_runs_together_where_their_first_page_is() {
    let step = |p: Option<&str>, n: Option<&str>| Steps {
        previous: p.map(str::to_string),
        next: n.map(str::to_string),
    };
    let steps: BTreeMap<String, Steps> = [
        ("c".to_string(), step(None, Some("a"))),
        ("a".to_string(), step(Some("c"), Some("e"))),
        ("e".to_string(), step(Some("a"), Some("zz"))),
        // A cycle ends where it began.
        ("x".to_string(), step(Some("y"), Some("y"))),
        ("y".to_string(), step(Some("x"), Some("x"))),
    ]
    .into_iter()
    .collect();
    assert_eq!(
        in_step_order(&["a", "b", "c", "d", "e", "x", "y"], &steps),
        ["c", "a", "e", "b", "d", "y", "x"]
    );
    assert_eq!(in_step_order(&["b", "d"], &steps), ["b", "d"]);
}

#[test]
fn groups_are_sorted_and_list_their_variants_in_configuration_order() {
    let lib = library(&["z.jv.md", "z.id.md", "a.en.md"], "id");
    let keys: Vec<&str> = lib.groups().map(|g| g.key()).collect();
    assert_eq!(keys, ["a", "z"]);
    let z = lib.group("z").unwrap();
    let langs: Vec<&str> = z.variants().map(|p| p.lang.as_str()).collect();
    assert_eq!(langs, ["id", "jv"]);
    assert!(z.has("jv") && !z.has("en"));
    assert_eq!(z.original().lang, "id");
}

/// `serve` keeps parses between builds: a page parsed when it was rendered
/// is taken from the memo by the next build without parsing it, and a
/// changed page is parsed once, when it is rendered, with the analysis a
/// separate parse makes.
#[test]
fn serve_keeps_parses_made_at_render_and_parses_a_changed_page_once() {
    use crate::markdown::PARSES;
    let yaml = "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: I}\n  - {code: jv, name: J}\n";
    let files = [
        ("a.id.md", "---\ntitle: A\n---\nSatu *dua*.\n"),
        ("a.jv.md", "---\ntitle: A\n---\nSiji loro.\n"),
        ("b.id.md", "---\ntitle: B\n---\nLima.\n"),
    ];
    let changed = [
        files[0],
        files[1],
        ("b.id.md", "---\ntitle: B\n---\nEnam.\n"),
    ];
    let edited = [
        ("a.id.md", "---\ntitle: A\n---\nTiga empat.\n"),
        files[1],
        changed[2],
    ];
    let envs = TestEnv::new(&test_library(yaml, &files).config, &["a", "b"]);
    let env = envs.env("id");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    pool.install(|| {
        let parses = || PARSES.with(std::cell::Cell::get);
        let memo = Arc::new(ParseMemo::default());
        // A build: parse, render `a` in Indonesian; what was parsed.
        let build = |files: &[(&str, &str)]| {
            let mut lib = test_library(yaml, files);
            memo.next_build();
            let start = parses();
            lib.parse_pages_at_render(Some(memo.clone()));
            let before_render = parses() - start;
            let html = lib.render_body(0, &env).html;
            (lib, before_render, parses() - start, html)
        };
        let (first, before, all, html) = build(&files);
        // `b` (the Javanese page falls back to it) before the pages, `a.id`
        // with its page.
        assert_eq!((before, all), (1, 2));
        assert!(html.contains("<em>dua</em>"));
        assert!(
            first.parsed[1].get().is_none(),
            "a.jv is parsed with its page"
        );
        let _ = first.render_body(1, &env);
        // Nothing changed: every parse comes from the memo; rendering `a.id`
        // again (a full build in `serve`) parses it for its body only.
        let (_, before, all, _) = build(&files);
        assert_eq!((before, all), (0, 1));
        // Only `b` changed: it alone is parsed.
        let (_, before, _, _) = build(&changed);
        assert_eq!(before, 1);
        // `a.id` changed: parsed once, when its page is rendered.
        let (lib, before, all, html) = build(&edited);
        assert_eq!((before, all), (0, 1));
        assert!(html.contains("Tiga empat"));
        let fresh = test_library(yaml, &edited);
        assert_eq!(lib.parsed(0).analysis, fresh.parsed(0).analysis);
        // A page a build did not render (serve's second half takes it from
        // the last build) but whose parse the memo lacks: parsed for its
        // analysis, and kept for the next build.
        let jv = [
            edited[0],
            ("a.jv.md", "---\ntitle: A\n---\nTelu papat.\n"),
            edited[2],
        ];
        let (lib, before, _, _) = build(&jv);
        assert_eq!(before, 0);
        let start = parses();
        assert!(lib.parsed[1].get().is_none());
        let _ = lib.parsed(1);
        assert_eq!(parses() - start, 1);
        let (lib, before, _, _) = build(&jv);
        assert_eq!(before, 0);
        assert!(lib.parsed[1].get().is_some(), "taken from the memo");
    });
}
