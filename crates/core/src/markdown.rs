//! Markdown to HTML with pulldown-cmark: the one place the parser options are
//! set, heading ids and the table of contents, callouts, and internal links
//! written as links to `.md` files.

pub use crate::urls::slugify;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use pulldown_cmark::{
    BlockQuoteKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html,
};
use serde::Serialize;

use crate::config::Config;
use crate::content::Page;
use crate::error::Error;
use crate::images::ImageInfo;
use crate::urls::page_path;
use lentera_messages::Msg;

/// The one place where Markdown features are chosen.
pub fn parser(text: &str) -> Parser<'_> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    opts.insert(Options::ENABLE_GFM);
    Parser::new_ext(text, opts)
}

/// What links are resolved against, for one output language.
pub struct LinkEnv<'a> {
    pub config: &'a Config,
    /// Keys of every published page, section and village.
    pub page_keys: &'a BTreeSet<String>,
    /// Content-relative paths of every static file in `content/`.
    pub assets: &'a BTreeSet<String>,
    /// The language the links point into.
    pub lang: &'a str,
    /// Relative path from the page's folder to the site root (`./`, `../../`).
    pub root: &'a str,
    pub portable: bool,
    /// Titles of the five callout kinds, in the reader's language.
    pub callout_titles: &'a CalloutTitles,
    /// Sizes and WebP copies of processed images, by content path.
    pub images: &'a BTreeMap<String, ImageInfo>,
    /// Link the first use of each glossary term to its explanation (lessons).
    pub glossary: Option<&'a crate::content::glossary::Links>,
}

/// Localised titles for `> [!NOTE]` and friends.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CalloutTitles {
    pub note: String,
    pub tip: String,
    pub important: String,
    pub warning: String,
    pub caution: String,
}

/// A heading listed in the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A link to an anchor, checked once every page is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorRef {
    pub key: String,
    pub anchor: String,
    pub line: usize,
}

/// The HTML of one page in one language, with what the later checks need.
#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Every id a link may point to (headings, footnotes).
    pub anchors: BTreeSet<String>,
    pub anchor_refs: Vec<AnchorRef>,
    pub errors: Vec<Error>,
    /// Raw HTML and link addresses removed as unsafe.
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
}

/// Render `page`'s body with links pointing into `env.lang`.
pub fn render(page: &Page, env: &LinkEnv) -> Rendered {
    let body = &*page.body;
    // Where each line starts: found only for a page with a link, an image,
    // raw HTML or an error, which are what need a line number.
    let line_starts = std::cell::OnceCell::new();
    let line_starts = || -> &Vec<usize> {
        line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', body.as_bytes()).map(|i| i + 1))
                .collect()
        })
    };
    let line_of =
        |offset: usize| page.body_line + line_starts().partition_point(|&s| s <= offset) - 1;
    // The 1-based column (in characters) of `offset` on its line, given to
    // the errors raised since `from` (a link or image at `offset`).
    let point_at = |out: &mut Rendered, from: usize, offset: usize| {
        if out.errors.len() == from {
            return; // the usual case, on every link and image: nothing to point at
        }
        let starts = line_starts();
        let start = starts[starts.partition_point(|&s| s <= offset) - 1];
        let column = body.get(start..offset).map_or(0, |s| s.chars().count() + 1);
        for err in out.errors.iter_mut().skip(from) {
            *err = std::mem::replace(err, Error::Many(Vec::new())).at_column(column);
        }
    };

    let mut out = Rendered::default();
    let mut events: Vec<Event> = Vec::new();
    let mut heading: Option<(HeadingLevel, Option<String>, Vec<Event>)> = None;
    let mut used_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut image: Option<PendingImage> = None;
    let sanitize = env.config.raw_html == crate::config::RawHtml::Sanitize;
    let mut raw_html = false;
    let mut dropped_link = false;
    let mut out_warnings = Vec::new();
    let mut warn = |line: usize, what: Msg| {
        out_warnings.push(crate::diagnostic::Diagnostic::warning(
            page.path.clone(),
            line,
            what,
            Some(Msg::WriteMarkdown),
        ));
    };

    let mut depth = 0usize;
    // Glossary terms already linked on this page, and whether the text is
    // inside a link or a code block (never linked there).
    let mut glossary_linked = BTreeSet::new();
    let mut link_depth = 0usize;
    let mut in_code = false;
    for (event, range) in parser(body).into_offset_iter() {
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_NESTING {
            out.errors.push(too_deep(page, line_of(range.start)));
            return out;
        }
        let event = match event {
            Event::Start(Tag::Link { ref dest_url, .. })
                if sanitize && crate::sanitize::unsafe_url(dest_url).is_some() =>
            {
                let scheme = crate::sanitize::unsafe_url(dest_url).unwrap_or_default();
                warn(
                    line_of(range.start),
                    Msg::RemovedLink {
                        scheme: scheme.to_string(),
                    },
                );
                dropped_link = true;
                continue;
            }
            Event::End(TagEnd::Link) if dropped_link => {
                dropped_link = false;
                continue;
            }
            Event::Html(ref h) | Event::InlineHtml(ref h) if image.is_none() => {
                raw_html = true;
                if sanitize {
                    for what in crate::sanitize::findings(h) {
                        warn(line_of(range.start), what);
                    }
                }
                event
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let from = out.errors.len();
                let dest = rewrite_link(page, env, &dest_url, line_of(range.start), &mut out);
                point_at(&mut out, from, range.start);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest.map_or(dest_url, CowStr::from),
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let unsafe_src = crate::sanitize::unsafe_url(&dest_url).filter(|_| sanitize);
                if let Some(scheme) = &unsafe_src {
                    warn(
                        line_of(range.start),
                        Msg::RemovedImage {
                            scheme: scheme.to_string(),
                        },
                    );
                }
                let from = out.errors.len();
                let src = rewrite_asset(page, env, &dest_url, line_of(range.start), &mut out)
                    .unwrap_or_else(|| dest_url.to_string());
                point_at(&mut out, from, range.start);
                let rel = resolve_path(
                    &page.dir,
                    dest_url.split(['#', '?']).next().unwrap_or_default(),
                );
                image = Some(PendingImage {
                    dropped: unsafe_src.is_some(),
                    src,
                    info: rel.and_then(|r| env.images.get(&r)),
                    title: title.to_string(),
                    alt: String::new(),
                });
                continue;
            }
            Event::End(TagEnd::Image) => match image.take() {
                Some(img) => Event::Html(img.markup(env.root).into()),
                None => continue,
            },
            Event::Text(ref t) | Event::Code(ref t) if image.is_some() => {
                if let Some(img) = &mut image {
                    img.alt.push_str(t);
                }
                continue;
            }
            _ if image.is_some() => continue,
            Event::FootnoteReference(ref name) => {
                out.anchors.insert(name.to_string());
                event
            }
            other => other,
        };
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((level, id.map(|s| s.to_string()), Vec::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let (level, explicit, inner) = heading.take().expect("heading end follows start");
                let text = plain_text(&inner);
                let base = explicit.unwrap_or_else(|| slugify(&text));
                let id = unique_id(base, &mut used_ids);
                let n = level as u8;
                if (2..=3).contains(&n) {
                    out.toc.push(TocEntry {
                        level: n,
                        id: id.clone(),
                        title: text,
                    });
                }
                events.push(Event::Html(format!("<h{n} id=\"{}\">", escape(&id)).into()));
                events.extend(inner);
                events.push(Event::Html(format!("</h{n}>\n").into()));
                out.anchors.insert(id);
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (class, title) = callout(kind, env.callout_titles);
                events.push(Event::Html(
                    format!(
                        "<div class=\"callout callout-{class}\" role=\"note\"><p class=\"callout-title\">{}</p>\n",
                        escape(title)
                    )
                    .into(),
                ));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                events.push(Event::Html("</div>\n".into()));
            }
            Event::Text(text)
                if heading.is_none() && link_depth == 0 && !in_code && env.glossary.is_some() =>
            {
                let links = env.glossary.expect("checked");
                let pieces = links.split(&text, &mut glossary_linked);
                if pieces.iter().all(|(_, id)| id.is_none()) {
                    events.push(Event::Text(text));
                    continue;
                }
                for (piece, id) in pieces {
                    match id {
                        Some(id) => events.push(Event::InlineHtml(
                            format!(
                                "<a class=\"term\" href=\"{}{}#{}\">{}</a>",
                                escape(env.root),
                                escape(&links.path),
                                escape(id),
                                escape(piece)
                            )
                            .into(),
                        )),
                        None => events.push(Event::Text(piece.to_string().into())),
                    }
                }
            }
            Event::Start(Tag::Table(_)) => {
                events.push(Event::Html("<div class=\"table\">".into()));
                events.push(event);
            }
            Event::End(TagEnd::Table) => {
                events.push(event);
                events.push(Event::Html("</div>\n".into()));
            }
            e => {
                match &e {
                    Event::Start(Tag::Link { .. }) => link_depth += 1,
                    Event::InlineHtml(h) | Event::Html(h) if html_link_open(h) => link_depth += 1,
                    Event::InlineHtml(h) | Event::Html(h) if h.starts_with("</a") => {
                        link_depth = link_depth.saturating_sub(1)
                    }
                    Event::End(TagEnd::Link) => link_depth = link_depth.saturating_sub(1),
                    Event::Start(Tag::CodeBlock(_)) => in_code = true,
                    Event::End(TagEnd::CodeBlock) => in_code = false,
                    _ => {}
                }
                match &mut heading {
                    Some((_, _, inner)) => inner.push(e),
                    None => events.push(e),
                }
            }
        }
    }
    html::push_html(&mut out.html, events.into_iter());
    if raw_html && sanitize {
        out.html = crate::sanitize::clean(&out.html);
    }
    if raw_html && html_depth(&out.html) > MAX_HTML_NESTING {
        out.errors.push(too_deep(page, 0));
        out.html.clear();
    }
    out.warnings = out_warnings;
    out
}

/// Raw HTML that opens a link (`<a href=…>`): glossary terms are not linked
/// inside it.
fn html_link_open(html: &str) -> bool {
    let h = html.trim_start().as_bytes();
    h.len() > 2
        && h[0] == b'<'
        && h[1].eq_ignore_ascii_case(&b'a')
        && (h[2] == b' ' || h[2] == b'>')
}

/// The deepest nesting of Markdown blocks and spans (lists in lists, quotes
/// in quotes) a page may have. Real lessons use a handful; thousands would
/// overflow the stack of the HTML minifier, which parses recursively.
pub const MAX_NESTING: usize = 100;

/// The deepest nesting of HTML elements a page body may have (raw HTML).
pub const MAX_HTML_NESTING: usize = 400;

fn too_deep(page: &Page, line: usize) -> Error {
    Error::content(&page.path, line, Msg::TooDeep { max: MAX_NESTING }).with_hint(Msg::Flatten)
}

/// How deeply the elements of `html` nest (an upper bound: void elements
/// and `/>` do not count; unclosed elements do).
fn html_depth(html: &str) -> usize {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let (mut depth, mut max) = (0usize, 0usize);
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('/') {
            depth = depth.saturating_sub(1);
            rest = r;
            continue;
        }
        let name_end = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if name_end == 0 {
            continue;
        }
        let name = rest[..name_end].to_ascii_lowercase();
        let self_closing = rest.find('>').is_some_and(|e| rest[..e].ends_with('/'));
        if !VOID.contains(&name.as_str()) && !self_closing {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// An image whose alt text is being collected.
struct PendingImage<'a> {
    /// Its address was unsafe: only the alt text is kept.
    dropped: bool,
    src: String,
    info: Option<&'a ImageInfo>,
    title: String,
    alt: String,
}

impl PendingImage<'_> {
    /// `<picture>` with the WebP copy, size and lazy loading where known.
    fn markup(&self, root: &str) -> String {
        if self.dropped {
            return escape(&self.alt);
        }
        let title = if self.title.is_empty() {
            String::new()
        } else {
            format!(" title=\"{}\"", escape(&self.title))
        };
        let img = |size: String| {
            format!(
                "<img src=\"{}\" alt=\"{}\"{size}{title} loading=\"lazy\" decoding=\"async\">",
                escape(&self.src),
                escape(&self.alt)
            )
        };
        match self.info {
            Some(info) => {
                let size = format!(" width=\"{}\" height=\"{}\"", info.width, info.height);
                match &info.webp {
                    Some(webp) => format!(
                        "<picture><source type=\"image/webp\" srcset=\"{}{}\">{}</picture>",
                        escape(root),
                        escape(webp),
                        img(size)
                    ),
                    None => img(size),
                }
            }
            None => img(String::new()),
        }
    }
}

fn callout(kind: BlockQuoteKind, titles: &CalloutTitles) -> (&'static str, &str) {
    match kind {
        BlockQuoteKind::Note => ("note", &titles.note),
        BlockQuoteKind::Tip => ("tip", &titles.tip),
        BlockQuoteKind::Important => ("important", &titles.important),
        BlockQuoteKind::Warning => ("warning", &titles.warning),
        BlockQuoteKind::Caution => ("caution", &titles.caution),
    }
}

fn plain_text(events: &[Event]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.trim().to_string()
}

fn unique_id(base: String, used: &mut BTreeMap<String, usize>) -> String {
    // `a`, `a-1`, `a` must give `a`, `a-1`, `a-2`: a numbered id may already
    // be taken by a heading whose own text made it.
    let mut id = base.clone();
    let mut n = used.get(&base).copied().unwrap_or(0);
    while used.contains_key(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    used.insert(base.clone(), n);
    used.entry(id.clone()).or_insert(0);
    id
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn is_external(dest: &str) -> bool {
    dest.starts_with("//")
        || dest.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// The formats a recorded reading (`audio:` in front matter) may have, with
/// their MIME types.
pub const AUDIO_TYPES: [(&str, &str); 6] = [
    ("mp3", "audio/mpeg"),
    ("m4a", "audio/mp4"),
    ("aac", "audio/aac"),
    ("ogg", "audio/ogg"),
    ("opus", "audio/ogg"),
    ("wav", "audio/wav"),
];

/// The content path of `page`'s `audio:` file and its MIME type, or the
/// error that names the page and line.
pub fn page_audio(
    page: &Page,
    assets: &BTreeSet<String>,
) -> Option<Result<(String, &'static str), Error>> {
    let dest = page.front.audio.as_deref()?;
    let line = page.key_line("audio");
    let ext = dest
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let Some((_, mime)) = AUDIO_TYPES.iter().find(|(e, _)| *e == ext) else {
        return Some(Err(Error::content(
            &page.path,
            line,
            Msg::NotAudio {
                name: dest.to_string(),
            },
        )
        .with_hint(Msg::UseAudioFormat)));
    };
    Some(match resolve_path(&page.dir, dest) {
        Some(rel) if assets.contains(&rel) => Ok((rel, *mime)),
        _ => Err(Error::content(
            &page.path,
            line,
            Msg::FileMissing {
                name: dest.to_string(),
            },
        )
        .with_hint(Msg::PutAudioNextToPage)),
    })
}

/// Resolve `dest` against `dir` (both content-relative); `/x` starts at the
/// content root. `None` if it climbs out of `content/`.
fn resolve_path(dir: &str, dest: &str) -> Option<String> {
    let mut parts: Vec<&str> = if dest.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for part in dest.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

fn rewrite_link(
    page: &Page,
    env: &LinkEnv,
    dest: &str,
    line: usize,
    out: &mut Rendered,
) -> Option<String> {
    if is_external(dest) {
        return None;
    }
    if let Some(anchor) = dest.strip_prefix('#') {
        out.anchor_refs.push(AnchorRef {
            key: page.key.clone(),
            anchor: anchor.to_string(),
            line,
        });
        return None;
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    let key = if path.ends_with(".md") {
        let Some(resolved) = resolve_path(&page.dir, path) else {
            out.errors.push(Error::content(
                &page.path,
                line,
                Msg::LinkOutsideContent {
                    link: dest.to_string(),
                },
            ));
            return None;
        };
        match crate::content::identify(&resolved, env.config) {
            Ok((key, _, _)) => key,
            Err(_) => {
                out.errors.push(Error::content(
                    &page.path,
                    line,
                    Msg::LinkLangUnknown {
                        link: dest.to_string(),
                    },
                ));
                return None;
            }
        }
    } else if path.ends_with('/') {
        // A link to a page's URL (`../calo/`), relative to this page's own
        // URL folder: checked and moved into the reader's language like a
        // link to the Markdown file.
        let own = if page.key.is_empty() || path.starts_with('/') {
            String::new()
        } else {
            format!("{}/", page.key)
        };
        match resolve_path(&own, path) {
            Some(key) => key,
            None => {
                out.errors.push(Error::content(
                    &page.path,
                    line,
                    Msg::LinkOutsideSite {
                        link: dest.to_string(),
                    },
                ));
                return None;
            }
        }
    } else {
        return rewrite_asset(page, env, dest, line, out);
    };
    if !env.page_keys.contains(&key) {
        let keys: Vec<&str> = env.page_keys.iter().map(String::as_str).collect();
        let hint = match crate::yaml::closest(&key, &keys) {
            Some(best) => Msg::DidYouMeanPage {
                key: best.to_string(),
            },
            None => Msg::LinksAreRelative,
        };
        out.errors.push(
            Error::content(
                &page.path,
                line,
                Msg::LinkMissing {
                    link: dest.to_string(),
                },
            )
            .with_hint(hint),
        );
        return None;
    }
    let mut url = format!(
        "{}{}",
        env.root,
        page_path(env.config, &key, env.lang, env.portable)
    );
    if let Some(anchor) = anchor {
        out.anchor_refs.push(AnchorRef {
            key,
            anchor: anchor.to_string(),
            line,
        });
        let _ = write!(url, "#{anchor}");
    }
    Some(url)
}

fn rewrite_asset(
    page: &Page,
    env: &LinkEnv,
    dest: &str,
    line: usize,
    out: &mut Rendered,
) -> Option<String> {
    if is_external(dest) || dest.starts_with('#') {
        return None;
    }
    let path = dest.split(['#', '?']).next().unwrap_or(dest);
    let suffix = &dest[path.len()..];
    match resolve_path(&page.dir, path) {
        Some(resolved) if env.assets.contains(&resolved) => {
            Some(format!("{}{resolved}{suffix}", env.root))
        }
        _ => {
            let error = match page_file_of_web_link(page, env, path) {
                // `/waspada/tanda-bahaya`: a page's web address, not a file.
                Some(file) => Error::content(
                    &page.path,
                    line,
                    Msg::WebStyleLink {
                        link: dest.to_string(),
                    },
                )
                .with_hint(Msg::LinkTheFile {
                    fixed: format!("{file}{suffix}"),
                }),
                None => Error::content(
                    &page.path,
                    line,
                    Msg::FileMissing {
                        name: dest.to_string(),
                    },
                )
                .with_hint(Msg::PutFileNextToPage),
            };
            out.errors.push(error);
            None
        }
    }
}

/// For a link written as a page's web address (`/waspada/tanda-bahaya`,
/// `../tanda-bahaya`, `tanda-bahaya.html`), the Markdown file to link
/// instead, relative to `page`'s folder (`../waspada/tanda-bahaya.md`).
fn page_file_of_web_link(page: &Page, env: &LinkEnv, path: &str) -> Option<String> {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let path = path.strip_suffix(".html").unwrap_or(path);
    let own = if page.key.is_empty() || path.starts_with('/') {
        String::new()
    } else {
        format!("{}/", page.key)
    };
    let key = [resolve_path(&own, path), resolve_path(&page.dir, path)]
        .into_iter()
        .flatten()
        .map(|k| k.trim_end_matches('/').to_string())
        .find(|k| !k.is_empty() && env.page_keys.contains(k))?;
    let prefix = format!("{key}/");
    let is_section = env.page_keys.iter().any(|k| k.starts_with(&prefix));
    let file = if is_section {
        format!("{key}/_index.md")
    } else {
        format!("{key}.md")
    };
    Some(relative_file(&page.dir, &file))
}

/// The path of `file` (content-relative) as written in a page in `dir`.
fn relative_file(dir: &str, file: &str) -> String {
    let from: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = file.split('/').collect();
    let common = from
        .iter()
        .zip(&to[..to.len() - 1])
        .take_while(|(a, b)| a == b)
        .count();
    format!(
        "{}{}",
        "../".repeat(from.len() - common),
        to[common..].join("/")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config() -> Config {
        Config::parse(
            Path::new("site.yaml"),
            "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: Indonesia}\n  - {code: en, name: English}\n",
        )
        .unwrap()
    }

    fn render_with(body: &str, lang: &str, portable: bool) -> Rendered {
        let config = config();
        let page = crate::content::parse_page(
            "pelajaran/jalur-resmi.md",
            &format!("---\ntitle: T\n---\n{body}"),
            &config,
        )
        .unwrap();
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
}
