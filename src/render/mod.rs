//! Site → HTML pages, sitemap, robots.txt and 404, as [`OutputFile`]s:
//! content pages here, village pages in [`village`], the site-wide pages in
//! [`not_found`], [`status_page`], [`topics`] and [`sitemap`].
//! Navigation and lists are built once per language and shared by reference
//! (Tera values are reference-counted); each page gets only its own small view.

use std::collections::{BTreeMap, BTreeSet};

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use crate::config::{Date, Direction, NumberKind, SourceLink};
use crate::content::{Kind, Page, Village};
use crate::error::{Error, Result};
use crate::i18n::Strings;
use crate::library::{Group, Library, Resolved};
use crate::markdown::{self, CalloutTitles, LinkEnv, Rendered, TocEntry};
use crate::messages::Msg;
use crate::output::{OutputFile, minify_html};
use crate::search;
use crate::templates::Templates;
use crate::urls::page_path;

mod feed;
mod not_found;
mod pages;
mod sitemap;
mod status_page;
mod topics;
mod village;

pub use feed::{FEED_LIMIT, RECENT_LIMIT, rfc3339};
use pages::{Fingerprint, Globals};
pub use pages::{Pages, render_reusing, update_pages};

/// How pages are written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RenderOptions {
    /// Links end in `index.html` so the site works from `file://`.
    pub portable: bool,
    /// Skip minification (for debugging templates).
    pub no_minify: bool,
    /// The date printed as "built on"; today if `None`.
    pub build_date: Option<Date>,
    /// Leaflets that will be written: (village key, language, output path).
    pub leaflets: Vec<(String, String, String)>,
    /// Posters that will be written: (village key, language, output path).
    pub posters: Vec<(String, String, String)>,
    /// The session kit's files that will be written (slides, guides,
    /// attendance sheets), and their sizes as they are made.
    pub kit: Vec<crate::kit::Link>,
    pub kit_sizes: Option<crate::kit::SharedSizes>,
    /// Minified pages kept from the previous build (`serve`).
    pub minify_cache: Option<std::sync::Arc<crate::output::Memo>>,
    /// The one-file editions that will be written, one per language at most
    /// (templates see the reader's as `one_file`).
    pub one_files: Vec<crate::onefile::Edition>,
    /// The zip of the portable site, when one is made.
    pub portable_zip: Option<crate::portable_zip::ZipInfo>,
    /// Where pages are written as soon as they are rendered (`lentera
    /// build`), instead of being held until the end.
    pub staging: Option<std::sync::Arc<crate::output::Staging>>,
    /// Make the staff page `status/` (file paths and translation state):
    /// `serve` always, `build` only with `--status`, so it never ships in
    /// the public site by accident.
    pub status_page: bool,
}

/// The result of rendering: files plus what `check` wants to know.
#[derive(Debug, Clone, Default)]
pub struct RenderedSite {
    pub files: Vec<OutputFile>,
    /// Number of HTML pages per language (translated + fallback + villages).
    pub pages_per_language: BTreeMap<String, usize>,
    /// Pages generated as fallbacks: (key, language).
    pub fallbacks: Vec<(String, String)>,
    /// Raw HTML removed from pages, once per source line.
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
}

pub use crate::urls::root_prefix;

#[derive(Serialize)]
struct LangView<'a> {
    code: &'a str,
    name: &'a str,
    dir: Direction,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    default_language: &'a str,
}

#[derive(Serialize, Clone)]
struct LinkItem {
    key: String,
    title: String,
    summary: String,
    kind: Option<Kind>,
    /// Path from the site root; templates prefix it with `root`.
    path: String,
    fallback: bool,
}

#[derive(Serialize)]
struct SectionItem {
    #[serde(flatten)]
    link: LinkItem,
    pages: Vec<LinkItem>,
}

/// The `feed` a theme sees: the language's Atom feed.
#[derive(Serialize, Hash)]
struct FeedLink {
    href: String,
    title: String,
}

/// One of the `recent` lessons a theme sees (the home page lists them).
#[derive(Serialize, Hash)]
struct RecentItem {
    title: String,
    /// Path from the site root; templates prefix it with `root`.
    path: String,
    /// "28 November 2026".
    updated: String,
    /// "2026-11-28".
    updated_iso: String,
}

#[derive(Serialize)]
struct NumberView {
    kind: NumberKind,
    number: String,
    href: String,
    note: String,
}

#[derive(Serialize)]
struct ContactView {
    key: String,
    name: String,
    description: String,
    numbers: Vec<NumberView>,
    url: Option<String>,
    verified: Option<String>,
    source: Option<SourceLink>,
}

#[derive(Serialize)]
pub(crate) struct SwitchItem<'a> {
    code: &'a str,
    name: &'a str,
    href: String,
    current: bool,
    fallback: bool,
}

#[derive(Serialize)]
pub(crate) struct Alternate<'a> {
    lang: &'a str,
    href: String,
}

#[derive(Serialize)]
struct PageView<'a> {
    key: &'a str,
    title: &'a str,
    summary: &'a str,
    kind: Option<Kind>,
    kind_label: String,
    updated: Option<String>,
    updated_iso: Option<String>,
    keywords: &'a [String],
    key_points: &'a [String],
    sources: &'a [SourceLink],
    toc: &'a [TocEntry],
    content: &'a str,
    /// `original`, `draft` or `reviewed`.
    translation: &'static str,
    fallback: bool,
    content_lang: &'a str,
    content_dir: Direction,
    original_lang_name: &'a str,
    original_href: String,
    canonical: String,
    permalink: String,
    alternates: Vec<Alternate<'a>>,
    section: Option<LinkItem>,
    is_section: bool,
    extra: &'a serde_json::Value,
    /// A recorded reading of the page (`audio:` in front matter).
    audio: Option<AudioView>,
    /// The pages before and after this one on its journey, if any.
    previous: Option<&'a LinkItem>,
    next: Option<&'a LinkItem>,
    /// The home page's entry points (`journeys:`), in the reader's
    /// language where the page has them, else the original's.
    journeys: Vec<JourneyView>,
}

/// One entry point of the home page, as the theme sees it.
#[derive(Serialize)]
struct JourneyView {
    label: String,
    /// Path from the site root; templates prefix it with `root`.
    path: String,
    icon: Option<String>,
    /// The language of `label` (the original's, when the page shown has
    /// no `journeys:` of its own).
    lang: String,
}

/// The help line at the top of every page (`help:` in site.yaml).
#[derive(Serialize)]
struct HelpView {
    numbers: Vec<HelpNumberView>,
    /// Path of the page with every number, from the site root.
    path: String,
}

#[derive(Serialize)]
struct HelpNumberView {
    /// The contact's name in the reader's language.
    name: String,
    #[serde(flatten)]
    number: NumberView,
}

/// The `page` a theme sees on a page made for the whole site rather than
/// from a Markdown file.
#[derive(Serialize)]
pub(crate) struct SiteWideView<'a> {
    pub key: SiteWideKey,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternates: Vec<Alternate<'a>>,
    /// Whose text the page shows, when it is text in a language (the
    /// glossary, which may fall back to another language's).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextOf<'a>>,
}

impl<'a> SiteWideView<'a> {
    /// A view with only its key and title.
    pub fn new(key: SiteWideKey, title: &'a str) -> SiteWideView<'a> {
        SiteWideView {
            key,
            title,
            canonical: None,
            permalink: None,
            alternates: Vec::new(),
            text: None,
        }
    }
}

/// The `page.key` of a page made for the whole site. Page keys are paths
/// of Markdown files and never start with `#`, so no navigation item takes
/// one of these pages for itself.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) enum SiteWideKey {
    #[serde(rename = "#topics")]
    Topics,
    #[serde(rename = "#glossary")]
    Glossary,
    #[serde(rename = "#status")]
    Status,
    #[serde(rename = "#404")]
    NotFound,
}

/// The language of a site-wide page's text, as [`PageView`] gives it.
#[derive(Serialize)]
pub(crate) struct TextOf<'a> {
    pub fallback: bool,
    pub content_lang: &'a str,
    pub content_dir: Direction,
    pub original_lang_name: &'a str,
    pub original_href: String,
}

#[derive(Serialize)]
struct AudioView {
    /// From the site root; templates prefix it with `root`.
    path: String,
    mime: &'static str,
    /// "1.2 MB", "340 KB".
    size: String,
}

/// Stands in a page for the whole-site navigation until the page is
/// minified; then the navigation, rendered and minified once per language
/// and folder depth, takes its place (see [`SITE_NAV_TEMPLATE`]). Private-use
/// characters, so no text can contain it by accident.
const SITE_NAV_SLOT: &str = "\u{E000}lentera-site-nav\u{E000}";

/// A theme that shows the whole site navigation (every section and lesson)
/// on every page writes it in this partial and places it with
/// `{{ site_nav_html | safe }}`: it is rendered once per language and depth,
/// not once per page. (`site_nav`, the same data, is there for templates that
/// loop themselves.)
pub const SITE_NAV_TEMPLATE: &str = "partials/site-nav.html";

/// The whole-site navigation for one folder depth, as rendered and minified.
type SiteNav = std::sync::Arc<(String, Vec<u8>)>;

/// Everything shared by the pages of one language, built once.
struct LangShared {
    globals: Context,
    callouts: CalloutTitles,
    /// Children of each section (and of the home page, key `""`).
    children: BTreeMap<String, Value>,
    /// The top-level sections with their pages, which the home page sees as
    /// `sections` (the same value as the global `site_nav`).
    home_sections: Value,
    /// Title and path of each section, for breadcrumbs.
    sections: BTreeMap<String, LinkItem>,
    /// The previous and next page of each page that has them.
    steps: BTreeMap<String, (Option<LinkItem>, Option<LinkItem>)>,
    /// The whole-site navigation by root prefix (`./`, `../`, …), rendered
    /// and minified on first use.
    site_nav: std::sync::Mutex<BTreeMap<String, SiteNav>>,
    /// The glossary terms lessons link to, if the language has a glossary.
    glossary: Option<crate::glossary::Links>,
    /// The one-file edition of the language, if one is made: shown by the
    /// home page template only ([`HOME_TEMPLATE`]), so that its size, which
    /// changes with every lesson, changes the home page only.
    one_file: Option<crate::onefile::Edition>,
    /// A hash of everything above as the templates see it: when it is the
    /// same as at the last render, a page of this language renders the same
    /// bytes unless its own page key changed (see [`Pages`]).
    fingerprint: u64,
}

/// A page to render: a key in one language.
enum Job<'a> {
    Page { group: Group<'a>, lang: &'a str },
    Village { village: &'a Village, lang: &'a str },
}

impl Job<'_> {
    /// The error for a panic while rendering this job.
    fn panicked(&self, panic: &(dyn std::any::Any + Send)) -> Error {
        let (path, lang) = match self {
            Job::Page { group, lang } => (group.resolve(lang).page.path.clone(), *lang),
            Job::Village { village, lang } => (village.path.clone(), *lang),
        };
        Error::content(
            path,
            0,
            Msg::PagePanic {
                lang: lang.to_string(),
            },
        )
        .with_hint(Msg::SimplifyPage)
        .with_detail(crate::error::panic_message(panic))
    }
}

struct JobOutput {
    file: OutputFile,
    /// (key, lang) and the anchors the page defines.
    anchors: ((String, String), BTreeSet<String>),
    refs: Vec<(std::path::PathBuf, String, markdown::AnchorRef)>,
    errors: Vec<Error>,
    warnings: Vec<crate::diagnostic::Diagnostic>,
    fallback: Option<(String, String)>,
}

/// Render every page of `site`.
pub fn render(
    site: &Library,
    templates: &Templates,
    strings: &Strings,
    images: &BTreeMap<String, crate::images::ImageInfo>,
    opts: &RenderOptions,
) -> Result<RenderedSite> {
    Ok(pages::render_inner(site, templates, strings, images, opts, None, false)?.0)
}

/// The template of the home page, the only one that sees `one_file` (the
/// one-file edition of the reader's language, with its size).
pub const HOME_TEMPLATE: &str = "index.html";

/// The template a page is rendered with.
fn template_of<'p>(key: &str, page: &'p Page) -> &'p str {
    match &page.front.template {
        Some(t) => t.as_str(),
        None if key.is_empty() => HOME_TEMPLATE,
        None if page.is_section => "section.html",
        None => "page.html",
    }
}

/// What the pages of each language share, by language, with its
/// [`nav_key`]: kept with the pages, so that a save that changes no
/// navigation does not build it again.
#[derive(Clone, Default)]
struct LangSharedCache(BTreeMap<String, (u64, Arc<LangShared>)>);

impl std::fmt::Debug for LangSharedCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(l, (k, _))| (l, k)))
            .finish()
    }
}

/// A hash of what [`lang_shared`] reads that a saved page can change: the
/// key, title, summary, kind, weight, section and parent of every page as
/// a reader of `lang` sees it (the navigation and section lists), and the
/// one-file edition. The rest of what it reads (site.yaml, strings,
/// templates, villages, glossaries, the date) changes only with a full
/// build. Cheap, unlike [`lang_shared`] itself.
fn nav_key(site: &Library, lang: &str, opts: &RenderOptions) -> u64 {
    let mut hash = Fingerprint::default();
    for group in site.groups() {
        let Resolved { page, fallback, .. } = group.resolve(lang);
        hash.add(&(
            group.key(),
            &page.front.title,
            &page.front.summary,
            page.front.kind,
            page.front.weight,
            page.is_section,
            page.parent_key(),
            fallback,
            // The home page's recently reviewed lessons.
            page.front.updated.map(|d| d.to_string()),
            (&page.front.next, &page.front.previous),
            (
                &group.original().front.next,
                &group.original().front.previous,
            ),
        ));
    }
    hash.add(&opts.one_files.iter().find(|e| e.lang == lang));
    hash.add(&opts.portable_zip);
    hash.add(&(opts.portable, opts.build_date.map(|d| d.to_string())));
    hash.finish()
}

/// Errors for links to anchors that the target page (in the link's
/// language) does not define; `anchors` gives a page's anchors.
fn check_anchors<'a>(
    refs: impl Iterator<Item = (std::path::PathBuf, String, markdown::AnchorRef)>,
    anchors: impl Fn(&str, &str) -> Option<&'a BTreeSet<String>>,
) -> Vec<Error> {
    let mut errors = Vec::new();
    let mut reported = BTreeSet::new();
    for (path, lang, r) in refs {
        let known = anchors(&r.key, &lang);
        if !known.is_some_and(|a| a.contains(&r.anchor))
            && reported.insert((path.clone(), r.line, r.anchor.clone()))
        {
            let mut err = Error::content(
                &path,
                r.line,
                Msg::AnchorMissing {
                    anchor: r.anchor.clone(),
                    lang: lang.clone(),
                },
            );
            if let Some(known) = known {
                let ids: Vec<&str> = known.iter().map(String::as_str).collect();
                if let Some(best) = crate::yaml::closest(&r.anchor, &ids) {
                    err = err.with_hint(Msg::DidYouMeanAnchor {
                        best: best.to_string(),
                    });
                } else if !ids.is_empty() {
                    err = err.with_hint(Msg::HeadingsThere {
                        list: ids
                            .iter()
                            .map(|i| format!("#{i}"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    });
                }
            }
            errors.push(err);
        }
    }
    errors
}

struct JobCtx<'a> {
    site: &'a Library,
    templates: &'a Templates,
    strings: &'a Strings,
    opts: &'a RenderOptions,
    shared: &'a BTreeMap<&'a str, Arc<LangShared>>,
    page_keys: &'a BTreeSet<String>,
    assets: &'a BTreeSet<String>,
    images: &'a BTreeMap<String, crate::images::ImageInfo>,
}

impl JobCtx<'_> {
    /// [`JobCtx::run`], with a panic turned into an error naming the page.
    fn run_caught(&self, job: &Job) -> Result<JobOutput> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.run(job)))
            .unwrap_or_else(|panic| Err(job.panicked(&*panic)))
    }

    fn run(&self, job: &Job) -> Result<JobOutput> {
        match job {
            Job::Page { group, lang } => self.page(*group, lang),
            Job::Village { village, lang } => self.village(village, lang),
        }
    }

    fn finish(&self, dir_path: &str, html: String, lang: &str, root: &str) -> Result<OutputFile> {
        let mut bytes = match &self.opts.minify_cache {
            _ if self.opts.no_minify => html.into_bytes(),
            Some(cache) => cache.minify_html(&html),
            None => minify_html(&html),
        };
        if let Some(at) = find(&bytes, SITE_NAV_SLOT.as_bytes()) {
            let nav = self.site_nav(lang, root)?;
            let nav: &[u8] = if self.opts.no_minify {
                nav.0.as_bytes()
            } else {
                &nav.1
            };
            bytes = put_in_slot(&bytes, at, nav);
        }
        Ok(OutputFile::bytes(format!("{dir_path}index.html"), bytes))
    }

    /// The whole-site navigation of `lang` for pages at `root`: rendered
    /// once, then shared; as written and minified.
    fn site_nav(&self, lang: &str, root: &str) -> Result<std::sync::Arc<(String, Vec<u8>)>> {
        let shared = &self.shared[lang];
        if let Some(nav) = shared
            .site_nav
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(root)
        {
            return Ok(nav.clone());
        }
        let mut ctx = shared.globals.clone();
        ctx.insert("root", root);
        let html = self.templates.render(
            SITE_NAV_TEMPLATE,
            &ctx,
            &format!("the site navigation ({lang})"),
        )?;
        let minified = minify_html(&html);
        let nav = std::sync::Arc::new((html, minified));
        shared
            .site_nav
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(root.to_string(), nav.clone());
        Ok(nav)
    }

    fn page(&self, group: Group, lang: &str) -> Result<JobOutput> {
        let config = &self.site.config;
        let shared = &self.shared[lang];
        let Resolved { page, fallback, .. } = group.resolve(lang);
        let dir_path = page_path(config, group.key(), lang, false);
        let root = root_prefix(&dir_path);
        let env = LinkEnv {
            config,
            page_keys: self.page_keys,
            assets: self.assets,
            lang,
            root: &root,
            portable: self.opts.portable,
            callout_titles: &shared.callouts,
            images: self.images,
            glossary: shared.glossary.as_ref().filter(|_| page.is_lesson()),
        };
        let Rendered {
            html,
            toc,
            anchors,
            anchor_refs,
            errors,
            warnings,
        } = markdown::render(page, &env);

        let abs = |l: &str| crate::urls::absolute(config, group.key(), l);
        let real_langs: Vec<&str> = group.variants().map(|p| p.lang.as_str()).collect();
        let mut alternates: Vec<Alternate> = if real_langs.len() > 1 && !fallback {
            real_langs
                .iter()
                .map(|l| Alternate {
                    lang: l,
                    href: abs(l),
                })
                .collect()
        } else {
            Vec::new()
        };
        if !alternates.is_empty() && group.has(&config.default_language) {
            alternates.push(Alternate {
                lang: "x-default",
                href: abs(&config.default_language),
            });
        }
        let mut errors = errors;
        let audio = match markdown::page_audio(page, self.assets) {
            None => None,
            Some(Err(e)) => {
                errors.push(e);
                None
            }
            Some(Ok((rel, mime))) => {
                let bytes = self
                    .site
                    .assets
                    .iter()
                    .find(|a| a.rel == rel)
                    .and_then(|a| std::fs::metadata(&a.source).ok())
                    .map_or(0, |m| m.len());
                Some(AudioView {
                    path: rel,
                    mime,
                    size: human_size(bytes),
                })
            }
        };
        let content_language = config
            .language(&page.lang)
            .expect("page languages are configured");
        let section = page
            .parent_key()
            .and_then(|k| shared.sections.get(k))
            .cloned();
        let steps = shared.steps.get(group.key());
        errors.extend(self.named_page_errors(page));
        let journeys = self.journeys(group, lang, page);
        let view = PageView {
            key: group.key(),
            title: &page.front.title,
            summary: page.front.summary.as_deref().unwrap_or_default(),
            kind: page.front.kind,
            kind_label: page
                .front
                .kind
                .map(|k| self.strings.get(lang, kind_key(k)))
                .unwrap_or_default(),
            updated: page
                .front
                .updated
                .map(|d| format_date(self.strings, lang, d)),
            updated_iso: page.front.updated.map(|d| d.to_string()),
            keywords: &page.front.keywords,
            key_points: &page.front.key_points,
            sources: &page.front.sources,
            toc: &toc,
            content: &html,
            translation: group.resolve(lang).translation(&config.default_language),
            fallback,
            content_lang: &page.lang,
            content_dir: content_language.dir,
            // The version a notice points to: the original (for a fallback it
            // is the page shown; for a draft translation, the one it was made from).
            original_lang_name: config
                .language(&group.original().lang)
                .map_or("", |l| l.name.as_str()),
            original_href: format!(
                "{root}{}",
                page_path(
                    config,
                    group.key(),
                    &group.original().lang,
                    self.opts.portable
                )
            ),
            canonical: abs(&page.lang),
            permalink: abs(lang),
            alternates,
            section,
            is_section: page.is_section,
            extra: &page.front.extra,
            audio,
            previous: steps.and_then(|s| s.0.as_ref()),
            next: steps.and_then(|s| s.1.as_ref()),
            journeys,
        };
        let template = template_of(group.key(), page);
        let mut ctx = shared.globals.clone();
        ctx.insert("root", &root);
        ctx.insert("page", &view);
        if template == HOME_TEMPLATE {
            ctx.insert("one_file", &shared.one_file);
        }
        ctx.insert(
            "languages",
            &self.switcher(lang, &root, |l| {
                (
                    page_path(config, group.key(), l, self.opts.portable),
                    !group.has(l),
                )
            }),
        );
        if let Some(children) = shared.children.get(group.key()) {
            ctx.insert_value("children", children.clone());
        }
        if group.key().is_empty() {
            ctx.insert_value("sections", shared.home_sections.clone());
        }
        let page_name = page.path.display().to_string();
        if !self.templates.has(template) {
            return Err(Error::content(
                &page.path,
                crate::yaml::line_of(&page.body, "template:"),
                Msg::TemplateMissing {
                    name: template.to_string(),
                },
            ));
        }
        let html = self
            .templates
            .render(template, &ctx, &format!("{page_name} ({lang})"))?;
        Ok(JobOutput {
            file: self.finish(&dir_path, html, lang, &root)?,
            anchors: ((group.key().to_string(), lang.to_string()), anchors),
            refs: anchor_refs
                .into_iter()
                .map(|r| (page.path.clone(), lang.to_string(), r))
                .collect(),
            // A fallback shows a page that is also rendered in its own
            // language, where the same link, image, audio and raw-HTML
            // findings are made: they are reported from there, once.
            // (Links to anchors depend on the language and stay in `refs`.)
            errors: if fallback { Vec::new() } else { errors },
            warnings: if fallback { Vec::new() } else { warnings },
            fallback: fallback.then(|| (group.key().to_string(), lang.to_string())),
        })
    }

    /// Errors for the pages `page` names in `next:`, `previous:` and
    /// `journeys:` that do not exist, at their lines.
    fn named_page_errors(&self, page: &Page) -> Vec<Error> {
        let front = &page.front;
        let named = [
            ("next:", front.next.as_ref()),
            ("previous:", front.previous.as_ref()),
        ]
        .into_iter()
        .filter_map(|(f, n)| n.map(|n| (f, n)))
        .chain(front.journeys.iter().map(|j| ("journeys: page:", &j.page)));
        let mut errors = Vec::new();
        for (field, name) in named {
            let key = crate::content::front_matter::page_key(name);
            if self.site.is_page(&key) {
                continue;
            }
            let keys: Vec<&str> = self.page_keys.iter().map(String::as_str).collect();
            let top = field.split(':').next().unwrap_or(field);
            errors.push(
                Error::content(
                    &page.path,
                    page.key_line(top),
                    Msg::NamedPageMissing {
                        field: field.to_string(),
                        page: name.clone(),
                    },
                )
                .with_hint(crate::content::missing_page_hint(name, &keys)),
            );
        }
        errors
    }

    /// The home page's entry points as a reader of `lang` sees them: the
    /// page's own `journeys:`, else its original's.
    fn journeys(&self, group: Group, lang: &str, page: &Page) -> Vec<JourneyView> {
        let from = if page.front.journeys.is_empty() {
            group.original()
        } else {
            page
        };
        from.front
            .journeys
            .iter()
            .filter_map(|j| {
                let key = crate::content::front_matter::page_key(&j.page);
                self.site.is_page(&key).then(|| JourneyView {
                    label: j.label.clone(),
                    path: page_path(&self.site.config, &key, lang, self.opts.portable),
                    icon: j.icon.clone(),
                    lang: from.lang.clone(),
                })
            })
            .collect()
    }

    fn switcher<'b>(
        &'b self,
        lang: &str,
        root: &str,
        target: impl Fn(&str) -> (String, bool),
    ) -> Vec<SwitchItem<'b>> {
        self.site
            .config
            .languages
            .iter()
            .map(|l| {
                let (path, fallback) = target(&l.code);
                SwitchItem {
                    code: &l.code,
                    name: &l.name,
                    href: format!("{root}{path}"),
                    current: l.code == lang,
                    fallback,
                }
            })
            .collect()
    }
}

/// A file size for readers: "340 KB", "1.2 MB" (1000-byte units, as phones
/// show them).
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

/// The first position of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// Sort errors, drop exact repeats, and report a template error that every
/// page hits once, with the number of other pages it also broke.
fn merge_template_errors(mut errors: Vec<Error>) -> Vec<Error> {
    errors.sort_by_key(|e| e.to_string());
    errors.dedup_by(|a, b| a.to_string() == b.to_string());
    let mut out: Vec<Error> = Vec::new();
    let mut repeats: BTreeMap<(String, usize, usize, String), (usize, usize)> = BTreeMap::new();
    for err in errors {
        if let Error::Template {
            template,
            line,
            column,
            detail,
            ..
        } = &err
        {
            let key = (template.clone(), *line, *column, detail.clone());
            if let Some((_, n)) = repeats.get_mut(&key) {
                *n += 1;
                continue;
            }
            repeats.insert(key, (out.len(), 0));
        }
        out.push(err);
    }
    for (index, n) in repeats.into_values() {
        if let Error::Template { page, .. } = &mut out[index]
            && n > 0
            && let Msg::WhileRendering { page: name } = page
        {
            *page = Msg::WhileRenderingAndOthers {
                page: name.clone(),
                others: n,
            };
        }
    }
    out
}

pub(crate) fn kind_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Procedure => "kind_procedure",
        Kind::Warning => "kind_warning",
        Kind::Scam => "kind_scam",
        Kind::Info => "kind_info",
    }
}

/// "28 November 2026", with month names from the interface strings.
pub fn format_date(strings: &Strings, lang: &str, d: Date) -> String {
    format!(
        "{} {} {}",
        d.day,
        strings.get(lang, &format!("month_{}", d.month)),
        d.year
    )
}

fn number_views(numbers: &[crate::config::Number], lang: &str, def: &str) -> Vec<NumberView> {
    numbers
        .iter()
        .map(|n| NumberView {
            kind: n.kind,
            number: n.number.clone(),
            href: n.kind.href(&n.number),
            note: n
                .note
                .as_ref()
                .map(|t| t.get(lang, def).to_string())
                .unwrap_or_default(),
        })
        .collect()
}

fn lang_shared(
    site: &Library,
    strings: &Strings,
    lang: &str,
    opts: &RenderOptions,
    build_date: Date,
) -> LangShared {
    let config = &site.config;
    let def = config.default_language.as_str();
    let language = config.language(lang).expect("configured");
    let default_language = config.language(def).expect("configured");
    let portable = opts.portable;
    let item = |key: &str, page: &Page, fallback: bool| LinkItem {
        key: key.to_string(),
        title: page.front.title.clone(),
        summary: page.front.summary.clone().unwrap_or_default(),
        kind: page.front.kind,
        path: page_path(config, key, lang, portable),
        fallback,
    };

    // Children of every section, sorted by weight then title.
    let mut children: BTreeMap<String, Vec<(i64, LinkItem)>> = BTreeMap::new();
    let mut sections: BTreeMap<String, LinkItem> = BTreeMap::new();
    for group in site.groups() {
        let Resolved { page, fallback, .. } = group.resolve(lang);
        let link = item(group.key(), page, fallback);
        if page.is_section {
            sections.insert(group.key().to_string(), link.clone());
        }
        if let Some(parent) = page.parent_key() {
            children
                .entry(parent.to_string())
                .or_default()
                .push((page.front.weight, link));
        }
    }
    for v in &site.villages {
        let parent = v.key.rsplit_once('/').map_or("", |(p, _)| p);
        let summary = [
            v.file.kecamatan.as_deref(),
            Some(v.file.kabupaten.as_str()),
            v.file.provinsi.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        children.entry(parent.to_string()).or_default().push((
            0,
            LinkItem {
                key: v.key.clone(),
                title: v.file.name.clone(),
                summary,
                kind: None,
                path: page_path(config, &v.key, lang, portable),
                fallback: false,
            },
        ));
    }
    for list in children.values_mut() {
        list.sort_by(|a, b| (a.0, &a.1.title).cmp(&(b.0, &b.1.title)));
    }
    let sorted = |key: &str| -> Vec<LinkItem> {
        children
            .get(key)
            .map(|l| l.iter().map(|(_, i)| i.clone()).collect())
            .unwrap_or_default()
    };

    // Navigation: top-level sections by weight, then top-level pages by weight.
    let top = sorted("");
    let nav: Vec<&LinkItem> = top
        .iter()
        .filter(|i| sections.contains_key(&i.key))
        .chain(top.iter().filter(|i| !sections.contains_key(&i.key)))
        .collect();
    let home_sections: Vec<SectionItem> = top
        .iter()
        .filter(|i| sections.contains_key(&i.key))
        .map(|s| SectionItem {
            link: s.clone(),
            pages: sorted(&s.key),
        })
        .collect();

    // The previous and next page of each page on a journey.
    let mut all_items: BTreeMap<&str, LinkItem> = site
        .groups()
        .map(|g| {
            let Resolved { page, fallback, .. } = g.resolve(lang);
            (g.key(), item(g.key(), page, fallback))
        })
        .collect();
    for v in &site.villages {
        if let Some(link) = children.values().flatten().find(|(_, i)| i.key == v.key) {
            all_items.insert(&v.key, link.1.clone());
        }
    }
    let steps: BTreeMap<String, (Option<LinkItem>, Option<LinkItem>)> = site
        .steps(lang)
        .into_iter()
        .map(|(key, s)| {
            let link = |k: Option<String>| k.and_then(|k| all_items.get(k.as_str()).cloned());
            (key, (link(s.previous), link(s.next)))
        })
        .collect();

    let help = config.help.as_ref().map(|h| HelpView {
        numbers: h
            .contacts
            .iter()
            .filter_map(|key| {
                let c = config.contacts.iter().find(|c| &c.key == key)?;
                let n = c.help_number()?;
                Some(HelpNumberView {
                    name: c.name.get(lang, def).to_string(),
                    number: number_views(std::slice::from_ref(n), lang, def).pop()?,
                })
            })
            .collect(),
        path: page_path(
            config,
            &crate::content::front_matter::page_key(&h.page),
            lang,
            portable,
        ),
    });

    let contacts: Vec<ContactView> = config
        .contacts
        .iter()
        .map(|c| ContactView {
            key: c.key.clone(),
            name: c.name.get(lang, def).to_string(),
            description: c
                .description
                .as_ref()
                .map(|d| d.get(lang, def).to_string())
                .unwrap_or_default(),
            numbers: number_views(&c.numbers, lang, def),
            url: c.url.clone(),
            verified: c.source_date.map(|d| format_date(strings, lang, d)),
            source: c.source.clone(),
        })
        .collect();
    // What the footer may say of the numbers' dates: the leaflets' rule.
    let (numbers_checked, numbers_source_dated) = crate::config::number_dates(
        config
            .contacts
            .iter()
            .filter(|c| !c.numbers.is_empty())
            .map(|c| (c.checked, c.source_date)),
    );

    let mut globals = Globals::default();
    globals.insert(
        "lang",
        &LangView {
            code: &language.code,
            name: &language.name,
            dir: language.dir,
        },
    );
    globals.insert("lang_code", &language.code);
    globals.insert(
        "site",
        &SiteView {
            title: language
                .title
                .as_deref()
                .or(default_language.title.as_deref())
                .unwrap_or("lentera"),
            description: language
                .description
                .as_deref()
                .or(default_language.description.as_deref())
                .unwrap_or_default(),
            base_url: &config.base_url,
            default_language: def,
        },
    );
    globals.insert("nav", &nav);
    globals.insert("home_path", &page_path(config, "", lang, portable));
    globals.insert("contacts", &contacts);
    globals.insert("help", &help);
    globals.insert(
        "numbers_checked",
        &numbers_checked.map(|d| format_date(strings, lang, d)),
    );
    globals.insert(
        "numbers_source_dated",
        &numbers_source_dated.map(|d| format_date(strings, lang, d)),
    );
    globals.insert("build_date", &format_date(strings, lang, build_date));
    globals.insert("portable", &portable);
    globals.insert("portable_zip", &opts.portable_zip);
    globals.insert(
        "search",
        &serde_json::json!({
            "topics": search::topics_path(config, lang, portable),
            "index": search::index_path(lang),
            "script": search::SCRIPT_PATH,
        }),
    );
    globals.insert(
        "glossary_path",
        &site
            .glossary(lang)
            .map(|_| crate::glossary::page_path(config, lang, portable)),
    );
    globals.insert("extra", &config.extra);
    // The Atom feed of the language, linked from every page's head (not in
    // the portable site, which is read offline), and the lessons reviewed
    // last, which the home page lists.
    let feed_title = format!(
        "{}: {}",
        feed::site_title(config, lang),
        strings.get(lang, "recent_lessons")
    );
    globals.insert(
        "feed",
        &(!portable).then(|| FeedLink {
            href: format!("{}{}", config.base_url, feed::path(config, lang)),
            title: feed_title,
        }),
    );
    let recent: Vec<RecentItem> = feed::recent(site, lang, RECENT_LIMIT)
        .into_iter()
        .map(|e| RecentItem {
            path: page_path(config, &e.key, lang, portable),
            updated: format_date(strings, lang, e.updated),
            updated_iso: e.updated.to_string(),
            title: e.title,
        })
        .collect();
    globals.insert("recent", &recent);
    let site_nav = Value::from_serializable(&home_sections);
    globals.insert_value("site_nav", &home_sections, site_nav.clone());
    globals.insert("site_nav_html", SITE_NAV_SLOT);

    let children_sorted: BTreeMap<&String, Vec<LinkItem>> =
        children.keys().map(|k| (k, sorted(k))).collect();
    let children_values: BTreeMap<String, Value> = children_sorted
        .iter()
        .map(|(k, list)| ((*k).clone(), Value::from_serializable(list)))
        .collect();
    let glossary = crate::glossary::Links::new(site, lang, portable);
    let mut hash = globals.hash;
    hash.add(&children_sorted);
    hash.add(&sections);
    hash.add(&steps);
    hash.add(&glossary.as_ref().map(|g| (&g.path, &g.terms)));

    let callouts = CalloutTitles {
        note: strings.get(lang, "callout_note"),
        tip: strings.get(lang, "callout_tip"),
        important: strings.get(lang, "callout_important"),
        warning: strings.get(lang, "callout_warning"),
        caution: strings.get(lang, "callout_caution"),
    };
    hash.add(&[
        &callouts.note,
        &callouts.tip,
        &callouts.important,
        &callouts.warning,
        &callouts.caution,
    ]);
    LangShared {
        globals: globals.context,
        one_file: opts.one_files.iter().find(|e| e.lang == lang).cloned(),
        callouts,
        children: children_values,
        home_sections: site_nav,
        sections,
        steps,
        site_nav: Default::default(),
        glossary,
        fingerprint: hash.finish(),
    }
}

/// What every template of `lang` sees (site, language, contacts, dates …)
/// and the callout titles, for producers outside this module that render
/// with the theme (the one-file edition).
pub(crate) fn language_context(
    site: &Library,
    strings: &Strings,
    lang: &str,
    opts: &RenderOptions,
) -> (Context, CalloutTitles) {
    let shared = lang_shared(
        site,
        strings,
        lang,
        opts,
        opts.build_date.unwrap_or_else(Date::today),
    );
    (shared.globals, shared.callouts)
}

/// `hreflang` alternates for a page that exists in every language, at the
/// absolute address `abs` gives for each.
pub(crate) fn every_language<'c>(
    config: &'c crate::config::Config,
    abs: impl Fn(&str) -> String,
) -> Vec<Alternate<'c>> {
    config
        .languages
        .iter()
        .map(|l| Alternate {
            lang: &l.code,
            href: abs(&l.code),
        })
        .collect()
}

/// Language switcher entries for a page outside the content tree, with
/// `href` giving the address of its version in each language.
pub(crate) fn switch_items<'c>(
    config: &'c crate::config::Config,
    lang: &str,
    href: impl Fn(&str) -> String,
) -> Vec<SwitchItem<'c>> {
    config
        .languages
        .iter()
        .map(|l| SwitchItem {
            code: &l.code,
            name: &l.name,
            href: href(&l.code),
            current: l.code == lang,
            fallback: false,
        })
        .collect()
}

/// Render a page outside the content tree (404, status, topics) to `path`.
pub(crate) fn standalone(
    templates: &Templates,
    ctx: &Context,
    template: &str,
    what: &str,
    path: impl Into<String>,
    opts: &RenderOptions,
) -> Result<OutputFile> {
    let html = templates.render(template, ctx, what)?;
    let mut bytes = if opts.no_minify {
        html.into_bytes()
    } else {
        minify_html(&html)
    };
    if let Some(at) = find(&bytes, SITE_NAV_SLOT.as_bytes()) {
        let nav = templates.render(SITE_NAV_TEMPLATE, ctx, what)?;
        let nav = if opts.no_minify {
            nav.into_bytes()
        } else {
            minify_html(&nav)
        };
        bytes = put_in_slot(&bytes, at, &nav);
    }
    Ok(OutputFile::bytes(path, bytes))
}

/// `page` with the navigation slot at `at` replaced by `nav`: three copies
/// of whole slices (the navigation can be most of a page's bytes; a
/// byte-by-byte `splice` of it cost more than the rest of the page).
fn put_in_slot(page: &[u8], at: usize, nav: &[u8]) -> Vec<u8> {
    let rest = &page[at + SITE_NAV_SLOT.len()..];
    let mut out = Vec::with_capacity(at + nav.len() + rest.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(nav);
    out.extend_from_slice(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site-wide page's key can be no page's key, and its view has only
    /// the fields given (a template tests `page.canonical` to write the tag).
    #[test]
    fn site_wide_views_have_keys_no_page_has() {
        let view = serde_json::to_value(SiteWideView::new(SiteWideKey::NotFound, "404")).unwrap();
        assert_eq!(view, serde_json::json!({ "key": "#404", "title": "404" }));
        let keys = [
            SiteWideKey::Topics,
            SiteWideKey::Glossary,
            SiteWideKey::Status,
            SiteWideKey::NotFound,
        ];
        for key in keys {
            let key = serde_json::to_value(key).unwrap();
            assert!(key.as_str().is_some_and(|k| k.starts_with('#')), "{key}");
        }
        let glossary = SiteWideView {
            permalink: Some("https://e.org/en/glossary/".into()),
            text: Some(TextOf {
                fallback: true,
                content_lang: "id",
                content_dir: Direction::Ltr,
                original_lang_name: "Indonesia",
                original_href: "../../glosarium/".into(),
            }),
            ..SiteWideView::new(SiteWideKey::Glossary, "Glossary")
        };
        let view = serde_json::to_value(glossary).unwrap();
        assert_eq!(view["key"], "#glossary");
        assert_eq!(view["fallback"], true);
        assert_eq!(view["content_lang"], "id");
        assert_eq!(view["original_href"], "../../glosarium/");
        assert!(view.get("canonical").is_none());
        assert!(view.get("alternates").is_none());
    }
}
