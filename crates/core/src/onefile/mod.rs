//! The one-file edition (#14, item 2): per language, every lesson in one
//! self-contained HTML file that opens offline on any phone after it was
//! sent as a WhatsApp document or over Bluetooth. The theme's
//! `onefile.html` lays it out (table of contents, key points, body,
//! sources, hotlines) with its inline CSS; this module gives it the lessons
//! in reading order and makes each body stand on its own:
//!
//! - links to another lesson (or a section) become `#anchors` in the file;
//!   links to other pages and files of the site become absolute links to
//!   the website; links to the web stay as they are;
//! - ids get the lesson's key in front (`pelajaran/biaya/rincian`), so the
//!   headings of different lessons cannot collide, and `#x` links follow;
//! - images become their alt text: the file requests nothing;
//! - raw HTML goes through the same allowlist as the site's (no script);
//! - headings move two levels down (sections are `h2`, lessons `h3`).
//!
//! Each edition has a budget, `onefile_budget_kb` in site.yaml: a file
//! passed on over paid mobile data must stay small. When every lesson does
//! not fit, the edition holds the lessons that do, in the site's order
//! (never a multi-megabyte file), says inside how many more are on the
//! website and where, and the build warns ([`Editions::warnings`]). One file
//! rather than one per section, because one file is what staff tell people
//! to pass on, and a single section can be over the budget by itself.
//! Only the lessons that can fit are rendered: on a large site the cost is
//! that of the budget, not of the site.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::{Config, Direction, SourceLink};
use crate::content::Kind;
use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::i18n::Strings;
use crate::library::{Library, Resolved};
use crate::markdown::LinkEnv;
use crate::output::{OutputFile, minify_html};
use crate::render::{self, Edition, RenderOptions};
use crate::templates::Templates;
use crate::urls;
use lentera_messages::Msg;

mod body;
mod fit;
mod order;

use body::{Targets, escape_attribute, self_contained, to_website};
use order::{Part, parts};

/// The theme template of the edition; a theme without it gets none.
pub const TEMPLATE: &str = "onefile.html";

/// Stands for the site root in links while a lesson is rendered for the
/// file, so every link the Markdown renderer made (as opposed to a link
/// written in raw HTML) is recognised. A private-use character: no text
/// contains it by accident.
const ROOT: &str = "\u{E001}";

/// Lessons rendered at a time, in parallel, until their text is past what
/// the budget can hold.
const BATCH: usize = 16;

/// The editions of a build and the lessons each had to leave out.
#[derive(Default)]
pub struct Editions {
    pub files: Vec<(Edition, OutputFile)>,
    pub cuts: Vec<Cut>,
}

/// An edition that holds only the first lessons of its language.
#[derive(Debug, Clone, PartialEq)]
pub struct Cut {
    pub lang: String,
    pub path: String,
    pub kept: usize,
    pub total: usize,
    /// The key of the first lesson left out.
    pub first: String,
}

impl Editions {
    /// One warning per edition that leaves lessons out, on the
    /// `onefile_budget_kb` line of site.yaml (its first line if it has none).
    pub fn warnings(&self, root: &Path, config: &Config) -> Vec<Diagnostic> {
        if self.cuts.is_empty() {
            return Vec::new();
        }
        let site_yaml = std::fs::read_to_string(root.join("content/site.yaml")).unwrap_or_default();
        let line = crate::yaml::line_of(&site_yaml, "onefile_budget_kb:");
        self.cuts
            .iter()
            .map(|c| {
                Diagnostic::warning(
                    "content/site.yaml",
                    line,
                    Msg::OneFileOverBudget {
                        lang: c.lang.clone(),
                        path: c.path.clone(),
                        kept: c.kept,
                        total: c.total,
                        left_out: c.total - c.kept,
                        first: c.first.clone(),
                        budget_kb: config.onefile_budget_kb,
                    },
                    Some(Msg::KeepOneFileLessons {
                        max: *crate::config::ONEFILE_BUDGET_KB.end(),
                    }),
                )
            })
            .collect()
    }
}

/// One edition per configured language, rendered with the theme's
/// [`TEMPLATE`] and minified like the pages, within the site's budget.
pub fn render(
    site: &Library,
    templates: &Templates,
    strings: &Strings,
    opts: &RenderOptions,
) -> Result<Editions> {
    if !templates.has(TEMPLATE) {
        return Ok(Editions::default());
    }
    let mut page_keys: BTreeSet<String> = site.groups().map(|g| g.key().to_string()).collect();
    page_keys.extend(site.villages.iter().map(|v| v.key.clone()));
    let assets: BTreeSet<String> = site.assets.iter().map(|a| a.rel.clone()).collect();
    let shared = Shared {
        site,
        templates,
        strings,
        opts,
        page_keys,
        assets: Arc::new(assets),
    };
    let made: Vec<(Edition, OutputFile, Option<Cut>)> = site
        .config
        .languages
        .par_iter()
        .map(|l| shared.edition(&l.code))
        .collect::<Result<_>>()?;
    let mut out = Editions::default();
    for (edition, file, cut) in made {
        out.files.push((edition, file));
        out.cuts.extend(cut);
    }
    Ok(out)
}

struct Shared<'a> {
    site: &'a Library,
    templates: &'a Templates,
    strings: &'a Strings,
    opts: &'a RenderOptions,
    /// Keys of every page, section and village (what links may point to).
    page_keys: BTreeSet<String>,
    assets: Arc<BTreeSet<String>>,
}

/// A lesson in reading order: its part's index, key and page.
type Entry<'a> = (usize, &'a str, Resolved<'a>);

#[derive(Serialize)]
struct PartView<'a, 'v> {
    /// Also its anchor in the file.
    key: &'a str,
    /// `None` for lessons outside any section (at the top of `content/`).
    title: Option<&'a str>,
    fallback: bool,
    content_lang: &'a str,
    content_dir: Direction,
    lessons: Vec<&'v LessonView<'a>>,
}

/// A lesson; the field names are those of a page's view, so the theme's
/// partials (notices, content language) work on it.
#[derive(Serialize)]
struct LessonView<'a> {
    /// Also its anchor in the file.
    key: &'a str,
    title: &'a str,
    summary: &'a str,
    kind: Option<Kind>,
    kind_label: String,
    key_points: &'a [String],
    sources: &'a [SourceLink],
    content: String,
    updated: Option<String>,
    updated_iso: Option<String>,
    /// `original`, `draft` or `reviewed`.
    translation: &'static str,
    fallback: bool,
    content_lang: &'a str,
    content_dir: Direction,
    original_lang_name: &'a str,
    /// The original on the website (absolute: the file links nowhere else).
    original_href: String,
    /// This lesson on the website, in the reader's language.
    permalink: String,
    /// The questions that check understanding, as on the lesson's page.
    questions: Vec<render::questions::QuestionView<'a>>,
}

impl LessonView<'_> {
    /// About the bytes the lesson adds to the file, for choosing which
    /// editions to try; the file's real size decides.
    fn weight(&self) -> usize {
        self.content.len()
            + self.title.len() * 2
            + self.summary.len()
            + self.key_points.iter().map(String::len).sum::<usize>()
            + self
                .sources
                .iter()
                .map(|s| s.title.len() + s.url.as_ref().map_or(0, String::len))
                .sum::<usize>()
            + 300
    }
}

#[derive(Serialize)]
struct EditionView {
    title: String,
    /// The website's home page in the reader's language.
    home: String,
    path: String,
    /// Lessons of the language, in the file and left out.
    lessons: usize,
    kept: usize,
    left_out: usize,
    /// When lessons are left out: what the file holds and that the others
    /// are on the website (`onefile_partial`), and the line that links
    /// them (`onefile_more`).
    partial: Option<String>,
    more: Option<String>,
}

/// `text` with `{kept}`, `{total}` and `{left_out}` filled in.
fn fill(text: &str, kept: usize, total: usize) -> String {
    text.replace("{kept}", &kept.to_string())
        .replace("{total}", &total.to_string())
        .replace("{left_out}", &(total - kept).to_string())
}

/// What one language's edition is made of while its size is worked out.
struct Draft<'s, 'p> {
    lang: &'p str,
    parts: &'p [Part<'s>],
    order: &'p [Entry<'s>],
    env: &'p LinkEnv<'p>,
    path: String,
    ctx: tera::Context,
}

impl<'s> Shared<'s> {
    fn edition(&self, lang: &str) -> Result<(Edition, OutputFile, Option<Cut>)> {
        let site = self.site;
        let config = &site.config;
        let (ctx, callouts) = render::language_context(site, self.strings, lang, self.opts);
        let parts = parts(site, lang);
        let order: Vec<Entry> = parts
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.lessons.iter().map(move |(k, r)| (i, *k, *r)))
            .collect();
        let total = order.len();
        let no_images = BTreeMap::new();
        let env = LinkEnv {
            config,
            page_keys: &self.page_keys,
            assets: &self.assets,
            lang,
            root: ROOT,
            portable: false,
            callout_titles: &callouts,
            images: &no_images,
            glossary: None,
        };
        let mut draft = Draft {
            lang,
            parts: &parts,
            order: &order,
            env: &env,
            path: urls::one_file(config, lang),
            ctx,
        };
        let budget = config.onefile_budget_kb as usize * 1000;
        // Lessons are rendered in reading order, a batch at a time, until
        // their text reaches the budget: minified, with the table of
        // contents and the hotlines, the file can hardly hold more. (If it
        // can, a quarter more are rendered, and so on.)
        let every = self.targets(&draft, total);
        let mut views: Vec<LessonView> = Vec::new();
        let mut text = 0;
        let mut cap = budget;
        let (mut kept, mut bytes) = loop {
            while views.len() < total && text <= cap {
                // As many as reach the cap at the average size so far.
                let want = match text / views.len().max(1) {
                    0 => BATCH,
                    average => ((cap - text) / average + 1).clamp(2, 4 * BATCH),
                };
                let end = total.min(views.len() + want);
                let made = self.views(&draft, views.len()..end, &every);
                text += made.iter().map(LessonView::weight).sum::<usize>();
                views.extend(made);
            }
            let n = views.len();
            let html = self.page(&mut draft, &views, n)?;
            if n == total {
                // Every lesson: the file as always, if it fits.
                let bytes = self.minify(&html, true);
                if bytes.len() <= budget {
                    break (n, bytes);
                }
                break self.fit(&mut draft, &views, (n, bytes), budget)?;
            }
            let bytes = self.minify(&html, false);
            if bytes.len() <= budget {
                // Text that minifies well: render more.
                cap = cap.saturating_add(budget / 4);
                continue;
            }
            break self.fit(&mut draft, &views, (n, bytes), budget)?;
        };
        if kept < total {
            // Links to the lessons left out go to the website, not to
            // anchors; leave out one more while the file does not fit.
            let mut made_for = kept;
            loop {
                let gone = self.gone(&draft, kept);
                let mut changed = false;
                for view in &mut views[..kept] {
                    if let Some(body) = to_website(&view.content, &gone) {
                        view.content = body;
                        changed = true;
                    }
                }
                if !changed && made_for == kept {
                    break;
                }
                bytes = self.minify(&self.page(&mut draft, &views, kept)?, false);
                made_for = kept;
                if bytes.len() <= budget || kept == 0 {
                    break;
                }
                kept -= 1;
            }
        }
        let cut = (kept < total).then(|| Cut {
            lang: lang.to_string(),
            path: draft.path.clone(),
            kept,
            total,
            first: order[kept].1.to_string(),
        });
        let edition = Edition {
            lang: lang.to_string(),
            path: draft.path.clone(),
            download: urls::one_file_download(lang),
            bytes: bytes.len(),
            size_kb: ((bytes.len() + 500) / 1000).max(1),
            partial: (kept < total)
                .then(|| fill(&self.strings.get(lang, "onefile_link_partial"), kept, total)),
        };
        Ok((edition, OutputFile::bytes(draft.path, bytes), cut))
    }

    /// The largest number of lessons whose file fits `budget`, with that
    /// file, given `over` (a number of lessons and its file, over budget).
    fn fit(
        &self,
        draft: &mut Draft,
        views: &[LessonView],
        over: (usize, Vec<u8>),
        budget: usize,
    ) -> Result<(usize, Vec<u8>)> {
        let mut weights = Vec::with_capacity(views.len() + 1);
        weights.push(0);
        for v in views {
            weights.push(weights.last().copied().unwrap_or_default() + v.weight());
        }
        fit::largest_within(&weights, budget, over, |k| {
            Ok(self.minify(&self.page(draft, views, k)?, false))
        })
    }

    /// Where links go in a file that holds the first `kept` lessons.
    fn targets(&self, draft: &Draft, kept: usize) -> Arc<Targets> {
        let config = &self.site.config;
        let in_file = &draft.order[..kept];
        Arc::new(Targets {
            base_url: config.base_url.clone(),
            by_path: self
                .page_keys
                .iter()
                .map(|k| (urls::page_path(config, k, draft.lang, false), k.clone()))
                .collect(),
            lessons: in_file.iter().map(|(_, k, _)| k.to_string()).collect(),
            sections: in_file
                .iter()
                .map(|(i, _, _)| &draft.parts[*i])
                .filter(|p| p.section.is_some())
                .map(|p| p.key.to_string())
                .collect(),
            assets: self.assets.clone(),
        })
    }

    /// The lessons and sections without an anchor in a file that holds the
    /// first `kept` lessons: each with its page's address (escaped for an
    /// attribute) and whether it is a lesson. See [`to_website`].
    fn gone(&self, draft: &Draft, kept: usize) -> HashMap<String, (String, bool)> {
        let config = &self.site.config;
        let url = |key: &str| {
            let path = urls::page_path(config, key, draft.lang, false);
            escape_attribute(&format!("{}{path}", config.base_url))
        };
        let with_lessons: BTreeSet<usize> = draft.order[..kept].iter().map(|e| e.0).collect();
        let lessons = draft.order[kept..].iter().map(|e| (e.1, true));
        let sections = draft
            .parts
            .iter()
            .enumerate()
            .filter(|(i, p)| p.section.is_some() && !with_lessons.contains(i))
            .map(|(_, p)| (p.key, false));
        lessons
            .chain(sections)
            .map(|(key, lesson)| (key.to_string(), (url(key), lesson)))
            .collect()
    }

    /// The views of the lessons at `range` of the reading order.
    fn views(
        &self,
        draft: &Draft<'s, '_>,
        range: Range<usize>,
        targets: &Arc<Targets>,
    ) -> Vec<LessonView<'s>> {
        draft.order[range]
            .par_iter()
            .map(|(_, key, resolved)| self.lesson(key, *resolved, draft.lang, draft.env, targets))
            .collect()
    }

    /// The edition's HTML with the first `kept` lessons of `views`.
    fn page(&self, draft: &mut Draft, views: &[LessonView], kept: usize) -> Result<String> {
        let lang = draft.lang;
        let total = draft.order.len();
        let mut part_views: Vec<PartView> = Vec::new();
        for ((i, _, _), view) in draft.order.iter().zip(&views[..kept]) {
            if part_views
                .last()
                .is_none_or(|p| p.key != draft.parts[*i].key)
            {
                let part = &draft.parts[*i];
                let section_page = part.section.map(|r| r.page);
                part_views.push(PartView {
                    key: part.key,
                    title: section_page.map(|p| p.front.title.as_str()),
                    fallback: part.section.is_some_and(|r| r.fallback),
                    content_lang: section_page.map_or(lang, |p| p.lang.as_str()),
                    content_dir: self.dir(section_page.map_or(lang, |p| p.lang.as_str())),
                    lessons: Vec::new(),
                });
            }
            if let Some(p) = part_views.last_mut() {
                p.lessons.push(view);
            }
        }
        let partial = kept < total;
        let text = |key: &str| fill(&self.strings.get(lang, key), kept, total);
        draft.ctx.insert(
            "edition",
            &EditionView {
                title: self.strings.get(
                    lang,
                    if partial {
                        "onefile_title_partial"
                    } else {
                        "onefile_title"
                    },
                ),
                home: urls::absolute(&self.site.config, "", lang),
                path: draft.path.clone(),
                lessons: total,
                kept,
                left_out: total - kept,
                partial: partial.then(|| text("onefile_partial")),
                more: partial.then(|| text("onefile_more")),
            },
        );
        draft.ctx.insert("parts", &part_views);
        drop(part_views);
        let html = self.templates.render(
            TEMPLATE,
            &draft.ctx,
            &format!("the one-file edition ({lang})"),
        );
        // The lessons in the context are megabytes on a large site.
        draft.ctx.remove("parts");
        html
    }

    /// The file's bytes; `cached` for the file as a build without a cut
    /// makes it (a trial's bytes are not worth keeping for the next build).
    fn minify(&self, html: &str, cached: bool) -> Vec<u8> {
        match &self.opts.minify_cache {
            _ if self.opts.no_minify => html.as_bytes().to_vec(),
            Some(cache) if cached => cache.minify_html(html),
            _ => minify_html(html),
        }
    }

    fn dir(&self, lang: &str) -> Direction {
        self.site
            .config
            .language(lang)
            .map(|l| l.dir)
            .unwrap_or_default()
    }

    fn lesson(
        &self,
        key: &'s str,
        resolved: Resolved<'s>,
        lang: &str,
        env: &LinkEnv,
        targets: &Arc<Targets>,
    ) -> LessonView<'s> {
        let config = &self.site.config;
        let Resolved {
            page,
            fallback,
            index,
        } = resolved;
        // What the notice of a fallback or a draft translation points to.
        let original = self.site.group(key).map_or(page, |g| g.original());
        // Errors and warnings in the text are reported by the page itself.
        let html = self.site.render_body_shared(index, env).html;
        LessonView {
            key,
            title: &page.front.title,
            summary: page.front.summary.as_deref().unwrap_or_default(),
            kind: page.front.kind,
            kind_label: page
                .front
                .kind
                .map(|k| self.strings.get(lang, render::kind_key(k)))
                .unwrap_or_default(),
            key_points: &page.front.key_points,
            sources: &page.front.sources,
            content: self_contained(&html, key, targets),
            updated: page
                .front
                .updated
                .map(|d| render::format_date(self.strings, lang, d)),
            updated_iso: page.front.updated.map(|d| d.to_string()),
            translation: resolved.translation(&config.default_language),
            fallback,
            content_lang: &page.lang,
            content_dir: self.dir(&page.lang),
            original_lang_name: config
                .language(&original.lang)
                .map_or("", |l| l.name.as_str()),
            original_href: urls::absolute(config, key, &original.lang),
            permalink: urls::absolute(config, key, lang),
            questions: render::questions::views(&page.front.questions),
        }
    }
}
