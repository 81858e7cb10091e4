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

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::{Direction, SourceLink};
use crate::content::Kind;
use crate::error::Result;
use crate::i18n::Strings;
use crate::library::{Library, Resolved};
use crate::markdown::LinkEnv;
use crate::output::{OutputFile, minify_html};
use crate::render::{self, Edition, RenderOptions};
use crate::templates::Templates;
use crate::urls;

/// The theme template of the edition; a theme without it gets none.
pub const TEMPLATE: &str = "onefile.html";

/// Stands for the site root in links while a lesson is rendered for the
/// file, so every link the Markdown renderer made (as opposed to a link
/// written in raw HTML) is recognised. A private-use character: no text
/// contains it by accident.
const ROOT: &str = "\u{E001}";

/// One edition per configured language, rendered with the theme's
/// [`TEMPLATE`] and minified like the pages.
pub fn render(
    site: &Library,
    templates: &Templates,
    strings: &Strings,
    opts: &RenderOptions,
) -> Result<Vec<(Edition, OutputFile)>> {
    if !templates.has(TEMPLATE) {
        return Ok(Vec::new());
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
    site.config
        .languages
        .par_iter()
        .map(|l| shared.edition(&l.code))
        .collect()
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

/// A section and its lessons, as a reader of one language sees them.
struct Part<'a> {
    key: &'a str,
    section: Option<Resolved<'a>>,
    lessons: Vec<(&'a str, Resolved<'a>)>,
}

#[derive(Serialize)]
struct PartView<'a> {
    /// Also its anchor in the file.
    key: &'a str,
    /// `None` for lessons outside any section (at the top of `content/`).
    title: Option<&'a str>,
    fallback: bool,
    content_lang: &'a str,
    content_dir: Direction,
    lessons: Vec<LessonView<'a>>,
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

#[derive(Serialize)]
struct EditionView {
    title: String,
    /// The website's home page in the reader's language.
    home: String,
    path: String,
}

impl<'s> Shared<'s> {
    fn edition(&self, lang: &str) -> Result<(Edition, OutputFile)> {
        let site = self.site;
        let config = &site.config;
        let (mut ctx, callouts) = render::language_context(site, self.strings, lang, self.opts);
        let parts = parts(site, lang);
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
        let targets = Arc::new(Targets {
            base_url: config.base_url.clone(),
            by_path: self
                .page_keys
                .iter()
                .map(|k| (urls::page_path(config, k, lang, false), k.clone()))
                .collect(),
            lessons: parts
                .iter()
                .flat_map(|p| p.lessons.iter().map(|(k, _)| k.to_string()))
                .collect(),
            sections: parts
                .iter()
                .filter(|p| p.section.is_some())
                .map(|p| p.key.to_string())
                .collect(),
            assets: self.assets.clone(),
        });
        let views: Vec<PartView> = parts
            .iter()
            .map(|part| {
                let section_page = part.section.map(|r| r.page);
                PartView {
                    key: part.key,
                    title: section_page.map(|p| p.front.title.as_str()),
                    fallback: part.section.is_some_and(|r| r.fallback),
                    content_lang: section_page.map_or(lang, |p| p.lang.as_str()),
                    content_dir: self.dir(section_page.map_or(lang, |p| p.lang.as_str())),
                    lessons: part
                        .lessons
                        .par_iter()
                        .map(|(key, resolved)| self.lesson(key, *resolved, lang, &env, &targets))
                        .collect(),
                }
            })
            .collect();
        let path = urls::one_file(config, lang);
        ctx.insert(
            "edition",
            &EditionView {
                title: self.strings.get(lang, "onefile_title"),
                home: urls::absolute(config, "", lang),
                path: path.clone(),
            },
        );
        ctx.insert("parts", &views);
        // The lessons are in the context now; on a large site each copy
        // of them is megabytes.
        drop(views);
        let html =
            self.templates
                .render(TEMPLATE, &ctx, &format!("the one-file edition ({lang})"))?;
        drop(ctx);
        let bytes = match &self.opts.minify_cache {
            _ if self.opts.no_minify => html.into_bytes(),
            Some(cache) => cache.minify_html(&html),
            None => minify_html(&html),
        };
        let edition = Edition {
            lang: lang.to_string(),
            path: path.clone(),
            download: urls::one_file_download(lang),
            bytes: bytes.len(),
            size_kb: ((bytes.len() + 500) / 1000).max(1),
        };
        Ok((edition, OutputFile::bytes(path, bytes)))
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
        let html = self.site.render_body(index, env).html;
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

/// Where a section comes in the file: lessons outside any section last, then
/// the weight and title of each level of its path.
type Rank = (bool, Vec<(i64, String)>);

/// Every lesson as a reader of `lang` sees it, by section: sections in the
/// order of the site's navigation (weight, then title, level by level),
/// lessons outside any section last; lessons by weight, then title, with
/// each run of `next:` steps in its reading order, as on the site.
fn parts<'a>(site: &'a Library, lang: &str) -> Vec<Part<'a>> {
    let steps = site.steps(lang);
    let mut by_section: BTreeMap<&str, Vec<(&str, Resolved)>> = BTreeMap::new();
    for group in site.groups() {
        let resolved = group.resolve(lang);
        if resolved.page.is_lesson() {
            let section = resolved.page.parent_key().unwrap_or_default();
            by_section
                .entry(section)
                .or_default()
                .push((group.key(), resolved));
        }
    }
    let rank = |section: &str| -> Rank {
        let mut chain = Vec::new();
        let mut prefix = String::new();
        for part in section.split('/').filter(|s| !s.is_empty()) {
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(part);
            chain.push(match site.resolve(&prefix, lang) {
                Some(r) => (r.page.front.weight, r.page.front.title.clone()),
                None => (0, prefix.clone()),
            });
        }
        (section.is_empty(), chain)
    };
    let mut parts: Vec<(Rank, Part)> = by_section
        .into_iter()
        .map(|(key, mut lessons)| {
            lessons.sort_by(|a, b| {
                (a.1.page.front.weight, &a.1.page.front.title)
                    .cmp(&(b.1.page.front.weight, &b.1.page.front.title))
            });
            let keys: Vec<&str> = lessons.iter().map(|(k, _)| *k).collect();
            let order = crate::library::in_step_order(&keys, &steps);
            let mut by_key: BTreeMap<&str, Resolved> = lessons.into_iter().collect();
            let lessons: Vec<(&str, Resolved)> = order
                .into_iter()
                .filter_map(|k| by_key.remove_entry(k))
                .collect();
            let section = site
                .resolve(key, lang)
                .filter(|r| !key.is_empty() && r.page.is_section);
            (
                rank(key),
                Part {
                    key,
                    section,
                    lessons,
                },
            )
        })
        .collect();
    parts.sort_by(|a, b| a.0.cmp(&b.0));
    parts.into_iter().map(|(_, p)| p).collect()
}

/// Where the links of one language's lessons go in its file.
struct Targets {
    base_url: String,
    /// Page path in this language (`en/pelajaran/biaya/`) → page key.
    by_path: HashMap<String, String>,
    /// Keys of the lessons in the file.
    lessons: BTreeSet<String>,
    /// Keys of the sections with a heading in the file.
    sections: BTreeSet<String>,
    assets: Arc<BTreeSet<String>>,
}

impl Targets {
    /// The value of attribute `attr` of an element of lesson `own`, as the
    /// file needs it; `None` drops the attribute.
    fn attribute<'u>(&self, own: &str, attr: &str, value: &'u str) -> Option<Cow<'u, str>> {
        match attr {
            "id" => Some(format!("{own}/{value}").into()),
            "href" => self.href(own, value),
            // Nothing in the file makes the reader's phone fetch anything.
            "src" | "srcset" | "cite" => None,
            _ => Some(value.into()),
        }
    }

    fn href<'u>(&self, own: &str, value: &'u str) -> Option<Cow<'u, str>> {
        let decoded = percent_encoding::percent_decode_str(value).decode_utf8_lossy();
        if let Some(link) = decoded.strip_prefix(ROOT) {
            // Made by the Markdown renderer: a page or a file of the site.
            let (path, anchor) = match link.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (link, None),
            };
            if let Some(key) = self.by_path.get(path) {
                let in_file =
                    self.lessons.contains(key) || (anchor.is_none() && self.sections.contains(key));
                return Some(match (in_file, anchor) {
                    (true, Some(a)) => format!("#{key}/{a}").into(),
                    (true, None) => format!("#{key}").into(),
                    (false, _) => format!("{}{link}", self.base_url).into(),
                });
            }
            let file = link.split(['#', '?']).next().unwrap_or_default();
            return self
                .assets
                .contains(file)
                .then(|| format!("{}{link}", self.base_url).into());
        }
        if let Some(anchor) = decoded.strip_prefix('#') {
            return Some(format!("#{own}/{anchor}").into());
        }
        if let Some(rest) = value.strip_prefix("//") {
            return Some(format!("https://{rest}").into());
        }
        // The allowlist kept only safe schemes; a relative address written
        // in raw HTML would point outside the file, so it goes.
        has_scheme(value).then_some(value.into())
    }
}

fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

/// A lesson body that needs nothing outside the file (see the module docs).
fn self_contained(html: &str, own: &str, targets: &Arc<Targets>) -> String {
    let html = images_to_alt(html);
    let targets = targets.clone();
    let own = own.to_string();
    let mut cleaner = crate::sanitize::builder();
    cleaner
        .rm_tags(["img", "picture", "source"])
        .attribute_filter(move |_, attr, value| targets.attribute(&own, attr, value));
    shift_headings(&cleaner.clean(&html).to_string(), 2)
}

/// `html` with every `<img>` replaced by its alt text.
fn images_to_alt(html: &str) -> Cow<'_, str> {
    if !html.contains("<img") {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<img") {
        let after = &rest[i + 4..];
        if !after.starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/') {
            out.push_str(&rest[..i + 4]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..i]);
        let end = tag_end(after);
        if let Some(alt) = attribute(&after[..end], "alt").filter(|a| !a.trim().is_empty()) {
            out.push_str("<span class=\"img-alt\">");
            out.push_str(&alt.replace('<', "&lt;").replace('>', "&gt;"));
            out.push_str("</span>");
        }
        rest = after.get(end + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The position of the `>` that ends a tag whose attributes start `tag`,
/// quotes respected (the length of `tag` if it never ends).
fn tag_end(tag: &str) -> usize {
    let mut quote = None;
    for (i, c) in tag.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i,
            _ => {}
        }
    }
    tag.len()
}

/// The value of attribute `name` in the attribute text of a tag, as
/// written (character references not decoded).
fn attribute<'t>(attrs: &'t str, name: &str) -> Option<&'t str> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let name_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let attr = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = after[1..].find(q).map_or(after.len(), |e| e + 1);
                    value = &after[1..end];
                    rest = after.get(end + 1..).unwrap_or_default();
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    value = &after[..end];
                    rest = &after[end..];
                }
            }
        }
        if attr.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
}

/// Headings `by` levels lower (`<h2` → `<h4`), at most `h6`. For HTML that
/// came out of the cleaner, where a `<` in text is always escaped.
fn shift_headings(html: &str, by: u8) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<h").into_iter().chain(rest.find("</h")).min() {
        let close = rest[i..].starts_with("</");
        let at = i + if close { 3 } else { 2 };
        let level = rest.as_bytes().get(at).copied();
        let next = rest.as_bytes().get(at + 1).copied();
        out.push_str(&rest[..at]);
        match (level, next) {
            (Some(d @ b'1'..=b'6'), Some(b' ' | b'>')) => {
                out.push(char::from((d - b'0' + by).min(6) + b'0'));
                rest = &rest[at + 1..];
            }
            _ => rest = &rest[at..],
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets() -> Arc<Targets> {
        Arc::new(Targets {
            base_url: "https://e.org/".into(),
            by_path: [("en/a/x/", "a/x"), ("en/a/", "a"), ("en/kontak/", "kontak")]
                .into_iter()
                .map(|(p, k)| (p.to_string(), k.to_string()))
                .collect(),
            lessons: ["a/x".to_string()].into(),
            sections: ["a".to_string()].into(),
            assets: Arc::new(["a/form.pdf".to_string()].into()),
        })
    }

    #[test]
    fn links_stay_in_the_file_or_go_to_the_web() {
        let html = format!(
            "<h2 id=\"langkah\">L</h2><p><a href=\"{r}en/a/x/#b\">x</a> <a href=\"{r}en/a/\">a</a> <a href=\"{r}en/kontak/#c\">k</a> <a href=\"{r}a/form.pdf?v=1\">f</a> <a href=\"#langkah\">up</a> <a href=\"https://kp2mi.go.id/\">w</a> <a href=\"tel:08001000\">t</a> <a href=\"../raw/\">raw</a></p>",
            r = "%EE%80%81"
        );
        let out = self_contained(&html, "a/y", &targets());
        assert_eq!(
            out,
            "<h4 id=\"a/y/langkah\">L</h4><p><a href=\"#a/x/b\">x</a> <a href=\"#a\">a</a> <a href=\"https://e.org/en/kontak/#c\">k</a> <a href=\"https://e.org/a/form.pdf?v=1\">f</a> <a href=\"#a/y/langkah\">up</a> <a href=\"https://kp2mi.go.id/\">w</a> <a href=\"tel:08001000\">t</a> <a>raw</a></p>"
        );
    }

    #[test]
    fn images_become_their_alt_text_and_scripts_go() {
        let html = "<p><picture><source type=\"image/webp\" srcset=\"x.webp\"><img src=\"x.png\" alt=\"Alur &quot;resmi&quot; a>b\" width=\"8\"></picture> <img src=\"https://e.org/t.gif\" alt=\"\"><imgx></p><script>alert(1)</script><blockquote cite=\"https://e.org/\">q</blockquote>";
        let out = self_contained(html, "a/y", &targets());
        assert_eq!(
            out,
            "<p><span class=\"img-alt\">Alur \"resmi\" a&gt;b</span> </p><blockquote>q</blockquote>"
        );
    }

    #[test]
    fn headings_move_down_and_stop_at_h6() {
        assert_eq!(
            shift_headings(
                "<h1>a</h1><h3 id=x>b</h3><h5>c</h5><hr><header>d</header>",
                2
            ),
            "<h3>a</h3><h5 id=x>b</h5><h6>c</h6><hr><header>d</header>"
        );
    }

    #[test]
    fn attributes_are_read_with_quotes_respected() {
        assert_eq!(attribute(" src='a>b' alt=\"x y\"", "alt"), Some("x y"));
        assert_eq!(attribute(" ALT=z/", "alt"), Some("z/"));
        assert_eq!(attribute(" src=a", "alt"), None);
        assert_eq!(tag_end(" alt=\"a>b\">rest"), 10);
    }
}
