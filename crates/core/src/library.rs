//! The site model: the loaded [`Site`] plus what every output needs to know
//! about it, derived once. Every page key with its variants per language and
//! the original they fall back to, the villages' lessons, and the one rule
//! that says which page a reader of a language sees ([`Library::resolve`]).
//! Pages, search, topics, status, sitemap and leaflets ask the library; none
//! of them re-derives it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use parsing::AtRender;
pub use parsing::ParseMemo;

use serde::Serialize;

use crate::content::front_matter::page_key;
use crate::content::{FrontMatter, Page, Site, Village};
use crate::markdown::Parsed;

/// Where a page stands on its journey (`next:`, `previous:` in front
/// matter): the page keys before and after it, as a reader of one
/// language sees them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Steps {
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// A page key in one language: the page written in it, or the original it
/// falls back to.
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'a> {
    pub page: &'a Page,
    /// The page's position in `site.pages` (for data kept per page).
    pub index: usize,
    /// The page is not written in the language asked for: `page` is the
    /// original, in its own language.
    pub fallback: bool,
}

impl Resolved<'_> {
    /// How the text shown stands to the original, for templates: `original`
    /// (the original itself, or a fallback to it), `draft` or `reviewed`.
    pub fn translation(&self, default_language: &str) -> &'static str {
        if self.fallback || self.page.lang == default_language {
            return "original";
        }
        match self.page.front.translation {
            Some(crate::content::TranslationState::Draft) => "draft",
            Some(crate::content::TranslationState::Reviewed) | None => "reviewed",
        }
    }
}

/// One page key in every language it was written in.
#[derive(Debug, Clone)]
struct GroupData {
    key: String,
    /// Index into `site.pages` per configured language (configuration order).
    variants: Vec<Option<usize>>,
    /// Index into `site.pages` of the version other languages fall back to:
    /// the default language's, else the first configured language that has it.
    original: usize,
}

/// The site model. Dereferences to the loaded [`Site`].
#[derive(Debug, Clone)]
pub struct Library {
    site: Site,
    /// Sorted by key.
    groups: Vec<GroupData>,
    by_key: HashMap<String, usize>,
    /// Configured language code → position in `config.languages`.
    lang_index: HashMap<String, usize>,
    /// Per village (same order as `site.villages`): the lesson keys its page
    /// and leaflets carry.
    village_lessons: Vec<Vec<String>>,
    /// Each page's Markdown parsed once ([`Library::parse_pages`], or when
    /// its page is rendered: [`Library::parse_pages_at_render`]), by its
    /// position in `site.pages`; empty for a page not parsed (yet, or since
    /// it was replaced).
    parsed: Vec<OnceLock<Arc<Parsed>>>,
    /// The texts released by [`Library::release_bodies`], if it was called.
    released: Option<released::Released>,
    /// Set by [`Library::parse_pages_at_render`]: a page not parsed yet is
    /// parsed when its body is rendered, with these glossary terms.
    at_render: Option<AtRender>,
}

/// A page key with its variants, borrowed from the [`Library`].
#[derive(Debug, Clone, Copy)]
pub struct Group<'a> {
    lib: &'a Library,
    data: &'a GroupData,
}

impl<'a> Group<'a> {
    pub fn key(&self) -> &'a str {
        &self.data.key
    }

    /// The page written in `lang`, if any.
    pub fn variant(&self, lang: &str) -> Option<&'a Page> {
        let i = *self.lib.lang_index.get(lang)?;
        self.data.variants[i].map(|p| &self.lib.site.pages[p])
    }

    /// Whether a page is written in `lang`.
    pub fn has(&self, lang: &str) -> bool {
        self.variant(lang).is_some()
    }

    /// The version other languages fall back to.
    pub fn original(&self) -> &'a Page {
        &self.lib.site.pages[self.data.original]
    }

    /// The page a reader of `lang` sees.
    pub fn resolve(&self, lang: &str) -> Resolved<'a> {
        let variant = self
            .lib
            .lang_index
            .get(lang)
            .and_then(|&i| self.data.variants[i]);
        let (index, fallback) = match variant {
            Some(i) => (i, false),
            None => (self.data.original, true),
        };
        Resolved {
            page: &self.lib.site.pages[index],
            index,
            fallback,
        }
    }

    /// The pages written, in configuration order of their languages.
    pub fn variants(&self) -> impl Iterator<Item = &'a Page> + 'a {
        let lib = self.lib;
        self.data
            .variants
            .iter()
            .flatten()
            .map(move |&i| &lib.site.pages[i])
    }
}

impl Library {
    /// Derive the model from a loaded site.
    pub fn new(site: Site) -> Library {
        let lang_index: HashMap<String, usize> = site
            .config
            .languages
            .iter()
            .enumerate()
            .map(|(i, l)| (l.code.clone(), i))
            .collect();
        let default = lang_index
            .get(site.config.default_language.as_str())
            .copied();
        let mut groups: Vec<GroupData> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (i, page) in site.pages.iter().enumerate() {
            let Some(&l) = lang_index.get(page.lang.as_str()) else {
                continue;
            };
            let g = *by_key.entry(page.key.clone()).or_insert_with(|| {
                groups.push(GroupData {
                    key: page.key.clone(),
                    variants: vec![None; lang_index.len()],
                    original: i,
                });
                groups.len() - 1
            });
            // Two files for one page in one language are an error found when
            // loading; the first one wins here.
            groups[g].variants[l].get_or_insert(i);
        }
        for g in &mut groups {
            g.original = default
                .and_then(|d| g.variants[d])
                .or_else(|| g.variants.iter().flatten().next().copied())
                .unwrap_or(g.original);
        }
        groups.sort_by(|a, b| a.key.cmp(&b.key));
        let by_key = groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.key.clone(), i))
            .collect();
        let mut lib = Library {
            site,
            groups,
            by_key,
            lang_index,
            village_lessons: Vec::new(),
            parsed: Vec::new(),
            released: None,
            at_render: None,
        };
        lib.village_lessons = lib
            .site
            .villages
            .iter()
            .map(|v| lib.site.village_lessons(v))
            .collect();
        lib
    }

    /// The loaded site.
    pub fn site(&self) -> &Site {
        &self.site
    }

    /// Put `page` in place of the page read from the same file, which must
    /// give the same page key and language (`serve`, after a save): the
    /// page keys stay as they are. Returns the page replaced, or `None`
    /// (and nothing changes) when no page came from its file.
    pub fn replace_page(&mut self, page: Page) -> Option<Page> {
        let i = self
            .site
            .pages
            .iter()
            .position(|p| p.path == page.path && p.key == page.key && p.lang == page.lang)?;
        let old = std::mem::replace(&mut self.site.pages[i], page);
        if let Some(parsed) = self.parsed.get_mut(i) {
            *parsed = OnceLock::new();
        }
        if let Some(body) = self.released.as_mut().and_then(|r| r.bodies.get_mut(i)) {
            *body = None;
        }
        self.village_lessons = self
            .site
            .villages
            .iter()
            .map(|v| self.site.village_lessons(v))
            .collect();
        Some(old)
    }

    /// The site, given back (for `serve`, which reloads changed files).
    pub fn into_site(self) -> Site {
        self.site
    }

    /// Every page key, sorted.
    pub fn groups(&self) -> impl ExactSizeIterator<Item = Group<'_>> {
        self.groups
            .iter()
            .map(move |data| Group { lib: self, data })
    }

    /// Whether `key` is a page a reader can be sent to: a page key or a
    /// village (`next:`, `journeys:` and `help:` may name either).
    pub fn is_page(&self, key: &str) -> bool {
        self.contains(key) || self.site.villages.iter().any(|v| v.key == key)
    }

    /// The page key `key`, if it exists.
    pub fn group(&self, key: &str) -> Option<Group<'_>> {
        let data = &self.groups[*self.by_key.get(key)?];
        Some(Group { lib: self, data })
    }

    /// Whether `key` is a page (in any language).
    pub fn contains(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }

    /// The page a reader of `lang` sees for `key`: the page written in
    /// `lang`, else the original (the default language's, else the first
    /// configured language that has it). `None` when no such page exists.
    pub fn resolve(&self, key: &str, lang: &str) -> Option<Resolved<'_>> {
        self.group(key).map(|g| g.resolve(lang))
    }

    /// Every page key as a reader of `lang` sees it, sorted by key.
    pub fn in_language<'a>(&'a self, lang: &'a str) -> impl Iterator<Item = Resolved<'a>> + 'a {
        self.groups().map(move |g| g.resolve(lang))
    }

    /// The page a page names in `next:` or `previous:` (`field`) for a
    /// reader of `lang`: the page shown names it, else its original does.
    /// `None` when it names no page or one that does not exist (an error
    /// the page's render reports).
    fn named_step(
        &self,
        group: Group<'_>,
        lang: &str,
        field: fn(&FrontMatter) -> &Option<String>,
    ) -> Option<String> {
        let named = field(&group.resolve(lang).page.front)
            .as_ref()
            .or_else(|| field(&group.original().front).as_ref())?;
        let key = page_key(named);
        (key != group.key() && self.is_page(&key)).then_some(key)
    }

    /// The steps of every page that has one, for a reader of `lang`: a
    /// page's `next:`; its `previous:`, else the page that names it as
    /// `next:` (the first by key, if several do).
    pub fn steps(&self, lang: &str) -> BTreeMap<String, Steps> {
        let mut steps: BTreeMap<String, Steps> = BTreeMap::new();
        for group in self.groups() {
            if let Some(next) = self.named_step(group, lang, |f| &f.next) {
                steps.entry(group.key().to_string()).or_default().next = Some(next.clone());
                steps
                    .entry(next)
                    .or_default()
                    .previous
                    .get_or_insert_with(|| group.key().to_string());
            }
        }
        for group in self.groups() {
            if let Some(previous) = self.named_step(group, lang, |f| &f.previous) {
                steps.entry(group.key().to_string()).or_default().previous = Some(previous);
            }
        }
        steps
    }

    /// The lesson keys a village's page and leaflets carry (see
    /// [`Site::village_lessons`]), computed once.
    pub fn village_lessons(&self, village: &Village) -> &[String] {
        self.site
            .villages
            .iter()
            .position(|v| std::ptr::eq(v, village) || v.key == village.key)
            .map_or(&[], |i| &self.village_lessons[i])
    }
}

/// `keys` (in their listing order) with each run of steps in reading
/// order: a run starts where its earliest page is listed, and each page of
/// it follows the one before it; pages of no run keep their place. A page
/// whose step leaves `keys` ends its run there.
pub fn in_step_order<'k>(keys: &[&'k str], steps: &BTreeMap<String, Steps>) -> Vec<&'k str> {
    let listed: HashSet<&str> = keys.iter().copied().collect();
    let find = |k: Option<&String>| k.and_then(|k| keys.iter().copied().find(|x| *x == k.as_str()));
    let mut placed: HashSet<&str> = HashSet::new();
    let mut out = Vec::with_capacity(keys.len());
    for &key in keys {
        if placed.contains(key) {
            continue;
        }
        // Back to the first page of the run (a cycle stops where it began).
        let mut head = key;
        let mut seen = HashSet::from([key]);
        while let Some(prev) = find(steps.get(head).and_then(|s| s.previous.as_ref())) {
            if placed.contains(prev) || !seen.insert(prev) {
                break;
            }
            head = prev;
        }
        let mut at = Some(head);
        while let Some(k) = at.filter(|k| listed.contains(k) && placed.insert(k)) {
            out.push(k);
            at = find(steps.get(k).and_then(|s| s.next.as_ref()));
        }
        if placed.insert(key) {
            out.push(key);
        }
    }
    out
}

impl Deref for Library {
    type Target = Site;

    fn deref(&self) -> &Site {
        &self.site
    }
}

impl From<Site> for Library {
    fn from(site: Site) -> Library {
        Library::new(site)
    }
}

/// For unit tests: a library from a `site.yaml` text and pages given as
/// (content-relative file, front matter and body).
#[cfg(test)]
pub(crate) fn test_library(site_yaml: &str, files: &[(&str, &str)]) -> Library {
    let config =
        crate::config::Config::parse(std::path::Path::new("site.yaml"), site_yaml).unwrap();
    let pages = files
        .iter()
        .map(|(rel, text)| crate::content::parse_page(rel, text, &config).unwrap())
        .collect();
    Library::new(Site {
        config,
        pages,
        villages: Vec::new(),
        assets: Vec::new(),
        i18n_overrides: Vec::new(),
        glossaries: Vec::new(),
        draft_pages: Vec::new(),
    })
}

/// For unit tests: what a [`crate::markdown::LinkEnv`] borrows, for a site
/// with the page keys `keys` and no assets or images.
#[cfg(test)]
pub(crate) struct TestEnv {
    config: crate::config::Config,
    keys: std::collections::BTreeSet<String>,
    assets: std::collections::BTreeSet<String>,
    titles: crate::markdown::CalloutTitles,
    images: BTreeMap<String, crate::images::ImageInfo>,
}

#[cfg(test)]
impl TestEnv {
    pub(crate) fn new(config: &crate::config::Config, keys: &[&str]) -> TestEnv {
        TestEnv {
            config: config.clone(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            assets: Default::default(),
            titles: Default::default(),
            images: BTreeMap::new(),
        }
    }

    /// Links into `lang`, from a page one folder below the site root.
    pub(crate) fn env<'a>(&'a self, lang: &'a str) -> crate::markdown::LinkEnv<'a> {
        crate::markdown::LinkEnv {
            config: &self.config,
            page_keys: &self.keys,
            assets: &self.assets,
            lang,
            root: "../",
            portable: false,
            callout_titles: &self.titles,
            images: &self.images,
            glossary: None,
        }
    }
}

/// For unit tests: `files` (content-relative path, text) written into
/// `root/content`.
#[cfg(test)]
pub(crate) fn write_content(root: &std::path::Path, files: &[(&str, &str)]) {
    std::fs::create_dir_all(root.join("content")).unwrap();
    for (rel, text) in files {
        std::fs::write(root.join("content").join(rel), text).unwrap();
    }
}

mod parsing;
mod released;
#[cfg(test)]
mod tests;
