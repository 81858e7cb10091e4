//! Markdown to HTML with pulldown-cmark: the one place the parser options are
//! set, and the types the renderer shares with the pages. The event loop is
//! [`events`] (heading ids and the table of contents, callouts, glossary
//! links), links and images are resolved in [`links`], pictures and recorded
//! readings in [`media`].

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{BlockQuoteKind, Event, Options, Parser};
use serde::Serialize;

use crate::config::Config;
use crate::content::Page;
use crate::error::Error;
use crate::images::ImageInfo;
use lentera_messages::Msg;

mod events;
mod links;
mod media;
mod parsed;
#[cfg(test)]
mod tests;

pub use crate::urls::slugify;
pub use media::{AUDIO_TYPES, page_audio};
pub use parsed::{GlossaryCheck, Parsed, parse, parse_and_render, plain_text_of};

#[cfg(test)]
thread_local! {
    /// How many texts this thread has parsed (tests of parsing once).
    pub(crate) static PARSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The one place where Markdown features are chosen.
pub fn parser(text: &str) -> Parser<'_> {
    #[cfg(test)]
    PARSES.with(|n| n.set(n.get() + 1));
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
    render_text(page, &page.body, env)
}

/// [`render`] with `body` as the page's body (its text read again from the
/// file: see [`crate::library::Library::render_body`]).
pub fn render_text(page: &Page, body: &str, env: &LinkEnv) -> Rendered {
    events::Renderer::new(page, body, env).run()
}

/// Raw HTML that opens a link (`<a href=…>`): glossary terms are not linked
/// inside it.
pub(super) fn html_link_open(html: &str) -> bool {
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

pub(super) fn too_deep(page: &Page, line: usize) -> Error {
    Error::content(&page.path, line, Msg::TooDeep { max: MAX_NESTING }).with_hint(Msg::Flatten)
}

/// How deeply the elements of `html` nest (an upper bound: void elements
/// and `/>` do not count; unclosed elements do).
pub(super) fn html_depth(html: &str) -> usize {
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

/// The link from a glossary term in a lesson's text to its explanation.
pub(super) fn term_link(
    root: &str,
    links: &crate::content::glossary::Links,
    id: &str,
    term: &str,
) -> String {
    format!(
        "<a class=\"term\" href=\"{}{}#{}\">{}</a>",
        escape(root),
        escape(&links.path),
        escape(id),
        escape(term)
    )
}

/// The class of a callout's kind (`callout-note`, …).
pub(super) fn callout_class(kind: BlockQuoteKind) -> &'static str {
    callout(kind, &CalloutTitles::default()).0
}

pub(super) fn callout(kind: BlockQuoteKind, titles: &CalloutTitles) -> (&'static str, &str) {
    match kind {
        BlockQuoteKind::Note => ("note", &titles.note),
        BlockQuoteKind::Tip => ("tip", &titles.tip),
        BlockQuoteKind::Important => ("important", &titles.important),
        BlockQuoteKind::Warning => ("warning", &titles.warning),
        BlockQuoteKind::Caution => ("caution", &titles.caution),
    }
}

pub(super) fn plain_text(events: &[Event]) -> String {
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

pub(super) fn unique_id(base: String, used: &mut BTreeMap<String, usize>) -> String {
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
