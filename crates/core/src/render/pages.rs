//! Every page of a render, kept by `serve` between saves ([`Pages`]), and
//! the render that reuses them: which pages a save changes (per-language
//! fingerprint of what pages share, navigation key, reverse link index).

use super::*;

/// One page (or village page) in one language as rendered, kept between
/// saves by `serve`.
#[derive(Debug, Clone)]
pub(super) struct Kept {
    pub(super) key: String,
    pub(super) lang: String,
    /// Shared, so that keeping the pages of a build costs no copy of them.
    pub(super) file: std::sync::Arc<OutputFile>,
    pub(super) anchors: BTreeSet<String>,
    /// Links to anchors of other pages: (source file, language, link).
    pub(super) refs: Vec<(std::path::PathBuf, String, markdown::AnchorRef)>,
    pub(super) warnings: Vec<crate::diagnostic::Diagnostic>,
    pub(super) fallback: bool,
}

impl JobOutput {
    pub(super) fn into_kept(self) -> (Kept, Vec<Error>) {
        let ((key, lang), anchors) = self.anchors;
        let kept = Kept {
            key,
            lang,
            file: std::sync::Arc::new(self.file),
            anchors,
            refs: self.refs,
            warnings: self.warnings,
            fallback: self.fallback.is_some(),
        };
        (kept, self.errors)
    }
}

/// Every page of the last good render, kept by `serve` so that a save
/// renders again only the pages it changes.
///
/// A page (a key in one language) renders from its own page key (the page
/// in every language: its text or fallback, alternates, switcher), from
/// what all pages of its language share (navigation, section lists,
/// globals: [`LangShared`], whose fingerprint is kept here per language),
/// and from what only a full rebuild changes (the set of page keys and
/// assets, images, site.yaml, templates and strings). So after a save of
/// page key K, the pages to render again are K in every language, every
/// page of a language whose fingerprint changed, and the village pages
/// (they list lessons). A page linking to an anchor of K renders the same
/// bytes (links carry no title), but its link must be checked again: the
/// reverse link index finds it.
#[derive(Debug, Clone, Default)]
pub struct Pages {
    /// In render order: page keys × languages, then villages × languages.
    pub(super) kept: Vec<Kept>,
    /// The fingerprint of [`LangShared`] per language.
    pub(super) shared: BTreeMap<String, u64>,
    /// The one-file edition per language, which the home pages show.
    pub(super) one_files: BTreeMap<String, Edition>,
    /// What the pages of each language share, with its [`nav_key`].
    pub(super) lang_shared: LangSharedCache,
    /// (key, language) → position in `kept`.
    pub(super) index: std::collections::HashMap<(String, String), usize>,
    /// Reverse link index: page key → positions in `kept` of the pages
    /// that link to one of its anchors.
    pub(super) linked_from: BTreeMap<String, BTreeSet<usize>>,
}

impl Pages {
    pub(super) fn new(
        kept: Vec<Kept>,
        shared: BTreeMap<String, u64>,
        one_files: BTreeMap<String, Edition>,
        lang_shared: LangSharedCache,
    ) -> Pages {
        let index = kept
            .iter()
            .enumerate()
            .map(|(i, k)| ((k.key.clone(), k.lang.clone()), i))
            .collect();
        let mut linked_from: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (i, k) in kept.iter().enumerate() {
            for (_, _, r) in &k.refs {
                linked_from.entry(r.key.clone()).or_default().insert(i);
            }
        }
        Pages {
            kept,
            shared,
            one_files,
            lang_shared,
            index,
            linked_from,
        }
    }

    /// The positions of the pages that link to an anchor of `key`.
    pub fn linked_from(&self, key: &str) -> impl Iterator<Item = usize> + '_ {
        self.linked_from.get(key).into_iter().flatten().copied()
    }

    /// The fingerprint of what the pages of `lang` share.
    pub fn shared_fingerprint(&self, lang: &str) -> Option<u64> {
        self.shared.get(lang).copied()
    }

    /// The number of pages kept.
    pub fn len(&self) -> usize {
        self.kept.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }
}

/// What the pages of one render share: per-language data and the jobs.
pub(super) struct Prepared<'a> {
    pub(super) shared: BTreeMap<&'a str, Arc<LangShared>>,
    /// The key of each language's shared data (see [`nav_key`]).
    pub(super) nav_keys: BTreeMap<&'a str, u64>,
    pub(super) page_keys: BTreeSet<String>,
    pub(super) assets: BTreeSet<String>,
    pub(super) jobs: Vec<Job<'a>>,
}

impl<'a> Prepared<'a> {
    /// With `previous` (pages rendered with the same site.yaml, templates,
    /// strings and date), each language's shared data whose [`nav_key`]
    /// did not change is taken from it instead of built again.
    pub(super) fn new(
        site: &'a Library,
        strings: &Strings,
        opts: &RenderOptions,
        previous: Option<&Pages>,
    ) -> Prepared<'a> {
        let config = &site.config;
        let mut page_keys: BTreeSet<String> = site.groups().map(|g| g.key().to_string()).collect();
        page_keys.extend(site.villages.iter().map(|v| v.key.clone()));
        let assets: BTreeSet<String> = site.assets.iter().map(|a| a.rel.clone()).collect();
        let build_date = opts.build_date.unwrap_or_else(Date::today);
        let built: Vec<(&str, (u64, Arc<LangShared>))> = config
            .languages
            .par_iter()
            .map(|l| {
                let key = nav_key(site, &l.code, opts);
                let kept = previous
                    .and_then(|p| p.lang_shared.0.get(&l.code))
                    .filter(|(k, _)| *k == key)
                    .map(|(_, s)| s.clone());
                let shared = kept.unwrap_or_else(|| {
                    Arc::new(lang_shared(site, strings, &l.code, opts, build_date))
                });
                (l.code.as_str(), (key, shared))
            })
            .collect();
        let nav_keys = built.iter().map(|(l, (k, _))| (*l, *k)).collect();
        let shared = built.into_iter().map(|(l, (_, s))| (l, s)).collect();
        let mut jobs = Vec::new();
        for group in site.groups() {
            for lang in &config.languages {
                jobs.push(Job::Page {
                    group,
                    lang: &lang.code,
                });
            }
        }
        for village in &site.villages {
            for lang in &config.languages {
                jobs.push(Job::Village {
                    village,
                    lang: &lang.code,
                });
            }
        }
        Prepared {
            shared,
            nav_keys,
            page_keys,
            assets,
            jobs,
        }
    }

    pub(super) fn fingerprints(&self) -> BTreeMap<String, u64> {
        self.shared
            .iter()
            .map(|(l, s)| (l.to_string(), s.fingerprint))
            .collect()
    }

    pub(super) fn lang_shared(&self) -> LangSharedCache {
        LangSharedCache(
            self.shared
                .iter()
                .map(|(l, s)| (l.to_string(), (self.nav_keys[l], s.clone())))
                .collect(),
        )
    }

    pub(super) fn one_files(&self) -> BTreeMap<String, Edition> {
        self.shared
            .iter()
            .filter_map(|(l, s)| Some((l.to_string(), s.one_file.clone()?)))
            .collect()
    }

    /// Whether the job at `i` must be rendered again, with `previous` from
    /// a render of the same page keys and `dirty` the page keys changed.
    pub(super) fn stale(&self, i: usize, previous: &Pages, dirty: &BTreeSet<String>) -> bool {
        let (key, lang, village, home) = match &self.jobs[i] {
            Job::Page { group, lang } => (
                group.key(),
                *lang,
                false,
                template_of(group.key(), group.resolve(lang).page) == HOME_TEMPLATE,
            ),
            Job::Village { village, lang } => (village.key.as_str(), *lang, true, false),
        };
        let Some(kept) = previous.kept.get(i) else {
            return true;
        };
        kept.key != key
            || kept.lang != lang
            || previous.shared.get(lang) != Some(&self.shared[lang].fingerprint)
            || dirty.contains(key)
            // Village pages list their lessons' titles and key points.
            || (village && !dirty.is_empty())
            || (home && previous.one_files.get(lang) != self.shared[lang].one_file.as_ref())
    }
}

/// [`render`], reusing the pages of `previous` that `dirty` (the page keys
/// changed since) leaves as they were (see [`Pages`]), and returning the
/// pages to keep for next time. `previous` must come from a render of the
/// same page keys, villages and assets.
pub fn render_reusing(
    site: &Library,
    templates: &Templates,
    strings: &Strings,
    images: &BTreeMap<String, crate::images::ImageInfo>,
    opts: &RenderOptions,
    previous: Option<(&Pages, &BTreeSet<String>)>,
) -> Result<(RenderedSite, Pages)> {
    let (rendered, pages) = render_inner(site, templates, strings, images, opts, previous, true)?;
    Ok((rendered, pages.unwrap_or_default()))
}

/// Render the pages that changed since `previous`, a render of the same
/// page keys, villages and assets, and update it in place: the pages of the
/// page keys in `dirty`, in every language, and every page of a language
/// whose shared data changed (see [`Pages`]). Returns the files rendered.
/// Links into the pages rendered are checked again; on error `previous` is
/// left as it was. The site-wide files (404, topics, status, sitemap,
/// service worker) are not made here: [`render_reusing`] makes them.
pub fn update_pages(
    site: &Library,
    templates: &Templates,
    strings: &Strings,
    images: &BTreeMap<String, crate::images::ImageInfo>,
    opts: &RenderOptions,
    previous: &mut Pages,
    dirty: &BTreeSet<String>,
) -> Result<Vec<OutputFile>> {
    let prep = Prepared::new(site, strings, opts, Some(previous));
    let printed = super::village::Printed::new(opts);
    let ctx = JobCtx {
        site,
        templates,
        strings,
        opts,
        shared: &prep.shared,
        page_keys: &prep.page_keys,
        assets: &prep.assets,
        images,
        printed: &printed,
    };
    let stale: Vec<usize> = (0..prep.jobs.len())
        .filter(|&i| prep.stale(i, previous, dirty))
        .collect();
    let outputs: Vec<Result<JobOutput>> = stale
        .par_iter()
        .map(|&i| ctx.run_caught(&prep.jobs[i]))
        .collect();
    let mut errors = Vec::new();
    let mut fresh = Vec::new();
    for (&i, out) in stale.iter().zip(outputs) {
        match out {
            Ok(out) => {
                let (kept, errs) = out.into_kept();
                errors.extend(errs);
                fresh.push((i, kept));
            }
            Err(e) => errors.push(e),
        }
    }
    // Anchors as they will be once the fresh pages are in.
    let fresh_at: std::collections::HashMap<usize, &Kept> =
        fresh.iter().map(|(i, k)| (*i, k)).collect();
    let anchors = |key: &str, lang: &str| -> Option<&BTreeSet<String>> {
        let i = *previous.index.get(&(key.to_string(), lang.to_string()))?;
        Some(
            fresh_at
                .get(&i)
                .map_or(&previous.kept[i].anchors, |k| &k.anchors),
        )
    };
    // The links to check again: those of the fresh pages, and those into them.
    let mut sources: BTreeSet<usize> = fresh.iter().map(|(i, _)| *i).collect();
    for (_, k) in &fresh {
        sources.extend(previous.linked_from(&k.key));
    }
    let refs = sources.iter().flat_map(|i| {
        fresh_at
            .get(i)
            .map_or(&previous.kept[*i].refs, |k| &k.refs)
            .iter()
            .cloned()
    });
    errors.extend(check_anchors(refs, anchors));
    Error::collect(merge_template_errors(errors))?;

    let mut files = Vec::with_capacity(fresh.len());
    for (i, kept) in fresh {
        for (_, _, r) in &previous.kept[i].refs {
            if let Some(set) = previous.linked_from.get_mut(&r.key) {
                set.remove(&i);
            }
        }
        for (_, _, r) in &kept.refs {
            previous
                .linked_from
                .entry(r.key.clone())
                .or_default()
                .insert(i);
        }
        files.push((*kept.file).clone());
        previous.kept[i] = kept;
    }
    previous.shared = prep.fingerprints();
    previous.one_files = prep.one_files();
    previous.lang_shared = prep.lang_shared();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use super::*;
    use std::path::Path;

    /// A site in id (default), en and jv from (file, front matter + body).
    fn site(files: &[(&str, &str)]) -> Library {
        crate::library::test_library(
            "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: I}\n  - {code: en, name: E}\n  - {code: jv, name: J}\n",
            files,
        )
    }

    fn fingerprints(lib: &Library) -> Vec<u64> {
        let strings = Strings::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../themes/default"),
            &[],
            &lib.config,
        )
        .unwrap();
        let opts = RenderOptions::default();
        let date = Date::parse("2026-11-28").unwrap();
        ["id", "en", "jv"]
            .iter()
            .map(|l| lang_shared(lib, &strings, l, &opts, date).fingerprint)
            .collect()
    }

    const SECTION: (&str, &str) = ("a/_index.id.md", "---\ntitle: A\n---\n");

    fn lesson(title: &str, weight: i64, body: &str) -> String {
        format!("---\ntitle: {title}\nsummary: S.\nkind: info\nweight: {weight}\n---\n{body}\n")
    }

    #[test]
    fn the_navigation_fingerprint_ignores_bodies_and_follows_titles_and_order() {
        let x_en = lesson("X en", 1, "Body.");
        let with = |x_id: &str| {
            site(&[
                SECTION,
                ("a/x.id.md", x_id),
                ("a/x.en.md", &x_en),
                ("a/y.id.md", &lesson("Y", 2, "Y.")),
            ])
        };
        let base = fingerprints(&with(&lesson("X", 1, "Body.")));
        // A body change: no language's shared data changes.
        assert_eq!(fingerprints(&with(&lesson("X", 1, "Another body."))), base);
        // The cheap key that decides whether to build it again agrees.
        let opts = RenderOptions::default();
        let key = |lib: &Library| nav_key(lib, "jv", &opts);
        let base_key = key(&with(&lesson("X", 1, "Body.")));
        assert_eq!(key(&with(&lesson("X", 1, "Another body."))), base_key);
        assert_ne!(key(&with(&lesson("X2", 1, "Body."))), base_key);
        assert_ne!(key(&with(&lesson("X", 5, "Body."))), base_key);
        // A title change in id: id changes, and jv, which falls back to
        // the Indonesian page; en has its own page.
        let title = fingerprints(&with(&lesson("X2", 1, "Body.")));
        assert_ne!(title[0], base[0]);
        assert_eq!(title[1], base[1]);
        assert_ne!(title[2], base[2]);
        // The order (weight) changes the section list.
        let order = fingerprints(&with(&lesson("X", 3, "Body.")));
        assert_ne!(order[0], base[0]);
        // A new page changes every language's navigation.
        let more = site(&[
            SECTION,
            ("a/x.id.md", &lesson("X", 1, "Body.")),
            ("a/x.en.md", &x_en),
            ("a/y.id.md", &lesson("Y", 2, "Y.")),
            ("a/z.id.md", &lesson("Z", 4, "Z.")),
        ]);
        let more = fingerprints(&more);
        assert!(more.iter().zip(&base).all(|(a, b)| a != b));
    }

    fn kept(key: &str, lang: &str, links_to: &[&str]) -> Kept {
        Kept {
            key: key.into(),
            lang: lang.into(),
            file: std::sync::Arc::new(OutputFile::bytes(
                format!("{lang}/{key}/index.html"),
                Vec::new(),
            )),
            anchors: BTreeSet::new(),
            refs: links_to
                .iter()
                .map(|t| {
                    (
                        std::path::PathBuf::from(format!("content/{key}.md")),
                        lang.to_string(),
                        markdown::AnchorRef {
                            key: t.to_string(),
                            anchor: "h".into(),
                            line: 1,
                        },
                    )
                })
                .collect(),
            warnings: Vec::new(),
            fallback: false,
        }
    }

    #[test]
    fn the_reverse_link_index_lists_the_pages_linking_to_a_key() {
        let pages = Pages::new(
            vec![
                kept("a", "id", &["b"]),
                kept("a", "en", &["b", "c"]),
                kept("b", "id", &[]),
                kept("c", "id", &["b", "b"]),
            ],
            BTreeMap::new(),
            BTreeMap::new(),
            LangSharedCache::default(),
        );
        assert_eq!(pages.linked_from("b").collect::<Vec<_>>(), [0, 1, 3]);
        assert_eq!(pages.linked_from("c").collect::<Vec<_>>(), [1]);
        assert_eq!(pages.linked_from("a").count(), 0);
        assert_eq!(pages.index[&("c".to_string(), "id".to_string())], 3);
    }
}
