//! Each page's Markdown parsed once per build into what every consumer
//! needs: the body rendered once with a slot wherever the reader's language
//! matters ([`Skeleton`]: a link's address, an image, a callout's title, text
//! where glossary terms are linked), filled in for each language and for the
//! one-file edition; the search analysis of its plain text; and the glossary
//! terms it uses without its language's glossary explaining them.
//!
//! A page whose skeleton cannot stand for it (nested too deep, an image or
//! link inside an image's alt text, the slot's mark written in the page) is
//! rendered per language as before, from the same [`super::render`].

use std::collections::BTreeSet;
use std::sync::Arc;

use lentera_search::{Analysis, DocText, analyze};
use pulldown_cmark::{BlockQuoteKind, Event, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html_body_text};

use super::events::Renderer;
use super::links::{resolve_path, rewrite_asset, rewrite_link};
use super::media::PendingImage;
use super::{
    LinkEnv, MAX_HTML_NESTING, Rendered, TocEntry, callout, escape, html_depth, parser, term_link,
};
use crate::content::Page;
use crate::content::glossary::{Glossary, Links, acronyms};
use crate::diagnostic::Diagnostic;
use crate::error::Error;

/// The mark of a slot in a skeleton: plain ASCII that an `href` keeps as it
/// is. A page that writes it itself is rendered per language.
pub(super) const SLOT: &str = "@@lentera-slot@@";

/// What a build knows of one page's Markdown after parsing it once.
#[derive(Debug)]
pub struct Parsed {
    skeleton: Option<Skeleton>,
    /// The page's terms and weights for the search index.
    pub analysis: Arc<Analysis>,
    /// Terms the page uses that its language's glossary neither explains nor
    /// knows, with the line of the file where the first text naming one is
    /// (found here: a build may release the page's text before it reports).
    pub glossary_missing: Option<(usize, Vec<String>)>,
}

/// The body rendered once, with a mark wherever a [`Slot`] goes.
#[derive(Debug)]
pub(super) struct Skeleton {
    pub(super) html: String,
    pub(super) slots: Vec<Slot>,
    pub(super) toc: Vec<TocEntry>,
    pub(super) anchors: BTreeSet<String>,
    pub(super) warnings: Vec<Diagnostic>,
    pub(super) raw_html: bool,
    pub(super) sanitize: bool,
}

/// What differs between the languages a page is shown in.
#[derive(Debug)]
pub(super) enum Slot {
    /// A link's address, resolved for the reader's language.
    Link {
        dest: String,
        line: usize,
        offset: usize,
    },
    /// An image: its address is rebased and its markup names the site root.
    Image {
        dest: String,
        title: String,
        alt: String,
        dropped: bool,
        line: usize,
        offset: usize,
    },
    /// A callout's title in the reader's language.
    Callout(BlockQuoteKind),
    /// Text of a lesson where the first use of each glossary term of the
    /// reader's language links to its explanation.
    Text(String),
}

/// What the glossary check of a page needs: its language's glossary, and
/// every term of every language's glossary.
pub struct GlossaryCheck<'a> {
    pub glossary: Option<&'a Glossary>,
    pub all_terms: &'a Links,
}

/// Parse `page` once. `glossary` is `None` when the site has no glossary
/// (nothing is checked then). Without `skeleton` (a page whose body is
/// rendered only once) the body is not rendered here: it is rendered when
/// its page is made (see [`parse_and_render`] for a build that does both in
/// one pass).
pub fn parse(
    page: &Page,
    sanitize: bool,
    glossary: Option<&GlossaryCheck>,
    skeleton: bool,
) -> Parsed {
    let mut renderer = Renderer::skeleton(page, sanitize);
    let mut rendering = skeleton;
    let (analysis, glossary_missing) = scan(page, &page.body, glossary, |event, range| {
        if rendering {
            rendering = renderer.feed(event, range);
        }
    });
    Parsed {
        skeleton: if rendering && skeleton {
            renderer.into_skeleton()
        } else {
            None
        },
        analysis,
        glossary_missing,
    }
}

/// Parse `page`, whose body is `body` (its text, read again from its file
/// when the build released it), once: its [`Parsed`] (without a skeleton)
/// and its body rendered for `env` from the same events. For a page shown in
/// one language only, rendered when its page is made (see
/// [`crate::library::Library::render_body`]).
pub fn parse_and_render(
    page: &Page,
    body: &str,
    glossary: Option<&GlossaryCheck>,
    env: &LinkEnv,
) -> (Parsed, Rendered) {
    let mut renderer = Renderer::new(page, body, env);
    let mut rendering = true;
    let (analysis, glossary_missing) = scan(page, body, glossary, |event, range| {
        if rendering {
            rendering = renderer.feed(event, range);
        }
    });
    let parsed = Parsed {
        skeleton: None,
        analysis,
        glossary_missing,
    };
    (parsed, renderer.done(rendering))
}

/// Read the events of `body` (the body of `page`) once, handing each to
/// `render` after taking its plain text and glossary terms: the search
/// analysis and the glossary's findings.
fn scan<'p>(
    page: &Page,
    body: &'p str,
    glossary: Option<&GlossaryCheck>,
    mut render: impl FnMut(Event<'p>, std::ops::Range<usize>),
) -> (Arc<Analysis>, Option<(usize, Vec<String>)>) {
    let mut text = PlainText::default();
    let mut terms = glossary.map(TermScan::new);
    for (event, range) in parser(body).into_offset_iter() {
        text.add(&event);
        if let Some(terms) = &mut terms {
            terms.add(&event, range.start);
        }
        render(event, range);
    }
    let front = &page.front;
    let analysis = analyze(&DocText {
        lang: &page.lang,
        keywords: front.keywords.iter().map(String::as_str).collect(),
        title: &front.title,
        summary: front.summary.as_deref().unwrap_or_default(),
        key_points: front.key_points.iter().map(String::as_str).collect(),
        headings: &text.headings,
        body: &text.body,
    });
    let missing = terms.and_then(TermScan::finish).map(|(at, missing)| {
        let line = page.body_line + body[..at].matches('\n').count();
        (line, missing)
    });
    (Arc::new(analysis), missing)
}

impl Parsed {
    /// `page` (the page this was parsed from) rendered for `env`: the
    /// skeleton filled in, or the page rendered per language.
    pub fn render(&self, page: &Page, env: &LinkEnv) -> Rendered {
        match &self.skeleton {
            Some(skeleton) => skeleton.fill(page, env),
            None => super::render(page, env),
        }
    }

    /// Whether the page is rendered from its skeleton (for tests).
    pub fn has_skeleton(&self) -> bool {
        self.skeleton.is_some()
    }
}

impl Skeleton {
    fn fill(&self, page: &Page, env: &LinkEnv) -> Rendered {
        let mut out = Rendered {
            toc: self.toc.clone(),
            anchors: self.anchors.clone(),
            ..Rendered::default()
        };
        let mut html = String::with_capacity(self.html.len() + 64 * self.slots.len());
        let mut pieces = self.html.split(SLOT);
        html.push_str(pieces.next().unwrap_or_default());
        let mut linked = BTreeSet::new();
        for (slot, piece) in self.slots.iter().zip(pieces) {
            match slot {
                Slot::Link { dest, line, offset } => {
                    let from = out.errors.len();
                    let to = rewrite_link(page, env, dest, *line, &mut out);
                    point_at(&page.body, &mut out, from, *offset);
                    let _ = escape_href(&mut html, to.as_deref().unwrap_or(dest));
                }
                Slot::Image {
                    dest,
                    title,
                    alt,
                    dropped,
                    line,
                    offset,
                } => {
                    let from = out.errors.len();
                    let src = rewrite_asset(page, env, dest, *line, &mut out)
                        .unwrap_or_else(|| dest.clone());
                    point_at(&page.body, &mut out, from, *offset);
                    let rel =
                        resolve_path(&page.dir, dest.split(['#', '?']).next().unwrap_or_default());
                    let image = PendingImage {
                        dropped: *dropped,
                        src,
                        info: rel.and_then(|r| env.images.get(&r)),
                        title: title.clone(),
                        alt: alt.clone(),
                    };
                    html.push_str(&image.markup(env.root));
                }
                Slot::Callout(kind) => html.push_str(&escape(callout(*kind, env.callout_titles).1)),
                Slot::Text(text) => match env.glossary {
                    Some(links) => {
                        for (piece, id) in links.split(text, &mut linked) {
                            match id {
                                Some(id) => html.push_str(&term_link(env.root, links, id, piece)),
                                None => {
                                    let _ = escape_html_body_text(&mut html, piece);
                                }
                            }
                        }
                    }
                    None => {
                        let _ = escape_html_body_text(&mut html, text);
                    }
                },
            }
            html.push_str(piece);
        }
        if self.raw_html && self.sanitize {
            html = crate::sanitize::clean(&html);
        }
        if self.raw_html && html_depth(&html) > MAX_HTML_NESTING {
            out.errors.push(super::too_deep(page, 0));
            html.clear();
        }
        out.html = html;
        out.warnings = self.warnings.clone();
        out
    }
}

/// Give the errors raised since `from` (by a link or image at byte `offset`
/// of `body`) the 1-based column, in characters, of `offset` on its line.
pub(super) fn point_at(body: &str, out: &mut Rendered, from: usize, offset: usize) {
    if out.errors.len() == from {
        return;
    }
    let start = body[..offset].rfind('\n').map_or(0, |i| i + 1);
    let column = body.get(start..offset).map_or(0, |s| s.chars().count() + 1);
    for err in out.errors.iter_mut().skip(from) {
        *err = std::mem::replace(err, Error::Many(Vec::new())).at_column(column);
    }
}

/// The plain text of a body for search: its headings (one per line) and
/// everything else, a space for each break and closing tag.
#[derive(Default)]
struct PlainText {
    headings: String,
    body: String,
    in_heading: bool,
}

impl PlainText {
    fn add(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::Heading { .. }) => self.in_heading = true,
            Event::End(TagEnd::Heading(_)) => {
                self.in_heading = false;
                self.headings.push('\n');
            }
            Event::Text(t) | Event::Code(t) => self.current().push_str(t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => self.current().push(' '),
            _ => {}
        }
    }

    fn current(&mut self) -> &mut String {
        if self.in_heading {
            &mut self.headings
        } else {
            &mut self.body
        }
    }
}

/// The plain text of a Markdown text (a village's `about`) for search:
/// (headings, everything else).
pub fn plain_text_of(markdown: &str) -> (String, String) {
    let mut text = PlainText::default();
    for event in parser(markdown) {
        text.add(&event);
    }
    (text.headings, text.body)
}

/// The glossary terms a page's text uses: acronyms, and any term of another
/// language's glossary, outside code blocks.
struct TermScan<'g> {
    check: &'g GlossaryCheck<'g>,
    in_code: bool,
    missing: Vec<String>,
    first: Option<usize>,
}

impl<'g> TermScan<'g> {
    fn new(check: &'g GlossaryCheck<'g>) -> Self {
        TermScan {
            check,
            in_code: false,
            missing: Vec::new(),
            first: None,
        }
    }

    fn add(&mut self, event: &Event, offset: usize) {
        let text = match event {
            Event::Start(Tag::CodeBlock(_)) => {
                self.in_code = true;
                return;
            }
            Event::End(TagEnd::CodeBlock) => {
                self.in_code = false;
                return;
            }
            Event::Text(t) if !self.in_code => t,
            _ => return,
        };
        let glossary = self.check.glossary;
        let covered = |t: &str| glossary.is_some_and(|g| g.covers(t));
        let mut found: Vec<String> = acronyms(text, &covered)
            .into_iter()
            .map(String::from)
            .collect();
        let mut seen = BTreeSet::new();
        for (piece, anchor) in self.check.all_terms.split(text, &mut seen) {
            if anchor.is_some() {
                found.push(piece.to_string());
            }
        }
        for term in found {
            if !covered(&term) && !self.missing.contains(&term) {
                self.first.get_or_insert(offset);
                self.missing.push(term);
            }
        }
    }

    fn finish(self) -> Option<(usize, Vec<String>)> {
        self.first.map(|at| (at, self.missing))
    }
}
