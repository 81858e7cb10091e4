//! The event loop of the Markdown renderer, as a struct with one method per
//! kind of event: links and images are rewritten (and unsafe ones dropped),
//! raw HTML is noted for the sanitiser, headings get ids and a table of
//! contents, alerts become callouts, tables a scrolling wrapper, and the first
//! use of each glossary term a link to its explanation.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd, html};

use super::links::{resolve_path, rewrite_asset, rewrite_link};
use super::media::PendingImage;
use super::parsed::{SLOT, Skeleton, Slot, point_at};
use super::{
    LinkEnv, MAX_HTML_NESTING, MAX_NESTING, Rendered, TocEntry, callout, callout_class, escape,
    html_depth, html_link_open, parser, plain_text, slugify, term_link, too_deep, unique_id,
};
use crate::content::Page;
use crate::content::glossary::Links;
use lentera_messages::Msg;

/// A heading being read: its level, its explicit id and its inner events.
type OpenHeading<'p> = (HeadingLevel, Option<String>, Vec<Event<'p>>);

/// What a [`Renderer`] makes: the page in one language, or the page once
/// with a slot wherever the language matters (a link's address, an image, a
/// callout's title, text where glossary terms are linked).
enum Target<'e> {
    Language(&'e LinkEnv<'e>),
    Skeleton {
        /// Glossary terms may be linked in the text (a lesson).
        lesson: bool,
        slots: Vec<Slot>,
        /// Something the slots cannot carry: the page is rendered per
        /// language instead.
        per_language: bool,
        /// The slot of the image being read (its alt text is gathered).
        image: Option<usize>,
    },
}

/// One page being rendered in one language, or into a [`Skeleton`].
pub(super) struct Renderer<'p, 'e> {
    page: &'p Page,
    target: Target<'e>,
    body: &'p str,
    /// Where each line starts: found only for a page with a link, an image,
    /// raw HTML or an error, which are what need a line number.
    line_starts: std::cell::OnceCell<Vec<usize>>,
    out: Rendered,
    events: Vec<Event<'p>>,
    heading: Option<OpenHeading<'p>>,
    used_ids: BTreeMap<String, usize>,
    image: Option<PendingImage<'e>>,
    sanitize: bool,
    raw_html: bool,
    dropped_link: bool,
    warnings: Vec<crate::diagnostic::Diagnostic>,
    depth: usize,
    /// Glossary terms already linked on this page, and whether the text is
    /// inside a link or a code block (never linked there).
    glossary_linked: BTreeSet<usize>,
    link_depth: usize,
    in_code: bool,
}

impl<'p, 'e> Renderer<'p, 'e> {
    /// A renderer of `body`, the body of `page` (read again from its file
    /// when the build released it: see [`crate::library::Library::render_body`]).
    pub(super) fn new(page: &'p Page, body: &'p str, env: &'e LinkEnv<'e>) -> Self {
        let sanitize = env.config.raw_html == crate::config::RawHtml::Sanitize;
        Self::with(page, body, Target::Language(env), sanitize)
    }

    /// A renderer of the page's [`Skeleton`].
    pub(super) fn skeleton(page: &'p Page, sanitize: bool) -> Self {
        let target = Target::Skeleton {
            lesson: page.is_lesson(),
            slots: Vec::new(),
            per_language: false,
            image: None,
        };
        Self::with(page, &page.body, target, sanitize)
    }

    fn with(page: &'p Page, body: &'p str, target: Target<'e>, sanitize: bool) -> Self {
        Renderer {
            page,
            target,
            body,
            line_starts: std::cell::OnceCell::new(),
            out: Rendered::default(),
            events: Vec::new(),
            heading: None,
            used_ids: BTreeMap::new(),
            image: None,
            sanitize,
            raw_html: false,
            dropped_link: false,
            warnings: Vec::new(),
            depth: 0,
            glossary_linked: BTreeSet::new(),
            link_depth: 0,
            in_code: false,
        }
    }

    /// Render the whole body.
    pub(super) fn run(mut self) -> Rendered {
        for (event, range) in parser(self.body).into_offset_iter() {
            if !self.feed(event, range) {
                return self.done(false);
            }
        }
        self.done(true)
    }

    /// What was rendered: the whole body when every event was taken
    /// (`complete`), else only the error of [`Renderer::feed`] that stopped it.
    pub(super) fn done(self, complete: bool) -> Rendered {
        if complete { self.finish() } else { self.out }
    }

    /// Take one event of the body; `false` once the page is nested too
    /// deep (the error is in the output and nothing more is rendered).
    pub(super) fn feed(&mut self, event: Event<'p>, range: Range<usize>) -> bool {
        match &event {
            Event::Start(_) => self.depth += 1,
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        if self.depth > MAX_NESTING {
            let line = self.line_of(range.start);
            self.out.errors.push(too_deep(self.page, line));
            if let Target::Skeleton { per_language, .. } = &mut self.target {
                *per_language = true;
            }
            return false;
        }
        if let Some(event) = self.rewrite(event, range) {
            self.place(event);
        }
        true
    }

    /// The 1-based line of a byte offset of the body in its file.
    fn line_of(&self, offset: usize) -> usize {
        let starts = self.line_starts();
        self.page.body_line + starts.partition_point(|&s| s <= offset) - 1
    }

    fn line_starts(&self) -> &Vec<usize> {
        let body = self.body;
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', body.as_bytes()).map(|i| i + 1))
                .collect()
        })
    }

    /// Give the errors raised since `from` (by a link or image at `offset`)
    /// the column of `offset`.
    fn point_at(&mut self, from: usize, offset: usize) {
        point_at(self.body, &mut self.out, from, offset);
    }

    fn warn(&mut self, line: usize, what: Msg) {
        self.warnings.push(crate::diagnostic::Diagnostic::warning(
            self.page.path.clone(),
            line,
            what,
            Some(Msg::WriteMarkdown),
        ));
    }

    /// The event as it is to be written, or `None` where it is dropped or
    /// held (an image's alt text, a link with an unsafe address).
    fn rewrite(&mut self, event: Event<'p>, range: Range<usize>) -> Option<Event<'p>> {
        match event {
            Event::Start(Tag::Link { ref dest_url, .. })
                if self.sanitize && crate::sanitize::unsafe_url(dest_url).is_some() =>
            {
                let scheme = crate::sanitize::unsafe_url(dest_url).unwrap_or_default();
                let line = self.line_of(range.start);
                self.warn(
                    line,
                    Msg::RemovedLink {
                        scheme: scheme.to_string(),
                    },
                );
                self.dropped_link = true;
                None
            }
            Event::End(TagEnd::Link) if self.dropped_link => {
                self.dropped_link = false;
                None
            }
            Event::Html(ref h) | Event::InlineHtml(ref h) if !self.in_image() => {
                self.raw_html = true;
                if self.sanitize {
                    let line = self.line_of(range.start);
                    for what in crate::sanitize::findings(h) {
                        self.warn(line, what);
                    }
                }
                Some(event)
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = match &self.target {
                    Target::Language(env) => self.link(env, &dest_url, range.start),
                    Target::Skeleton { .. } => {
                        let line = self.line_of(range.start);
                        self.slot(Slot::Link {
                            dest: dest_url.to_string(),
                            line,
                            offset: range.start,
                        });
                        Some(SLOT.to_string())
                    }
                };
                Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest.map_or(dest_url, CowStr::from),
                    title,
                    id,
                }))
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                self.image_start(&dest_url, &title, range.start);
                None
            }
            Event::End(TagEnd::Image) => self.image_end(),
            Event::Text(ref t) | Event::Code(ref t) if self.in_image() => {
                if let Some(img) = &mut self.image {
                    img.alt.push_str(t);
                }
                if let Target::Skeleton {
                    image: Some(i),
                    slots,
                    ..
                } = &mut self.target
                    && let Some(Slot::Image { alt, .. }) = slots.get_mut(*i)
                {
                    alt.push_str(t);
                }
                None
            }
            _ if self.in_image() => None,
            Event::FootnoteReference(ref name) => {
                self.out.anchors.insert(name.to_string());
                Some(event)
            }
            other => Some(other),
        }
    }

    /// Whether the events are inside an image (its alt text).
    fn in_image(&self) -> bool {
        self.image.is_some() || matches!(self.target, Target::Skeleton { image: Some(_), .. })
    }

    /// Keep `slot` for the languages to fill. A slot inside an image's alt
    /// text would come out before the image's own: such a page is rendered
    /// per language.
    fn slot(&mut self, slot: Slot) {
        if let Target::Skeleton {
            slots,
            image,
            per_language,
            ..
        } = &mut self.target
        {
            if image.is_some() {
                *per_language = true;
            }
            slots.push(slot);
        }
    }

    /// An image ends: its markup, or its slot's mark.
    fn image_end(&mut self) -> Option<Event<'p>> {
        match &mut self.target {
            Target::Language(env) => {
                let root = env.root;
                self.image
                    .take()
                    .map(|img| Event::Html(img.markup(root).into()))
            }
            Target::Skeleton { image, .. } => image.take().map(|_| Event::Html(SLOT.into())),
        }
    }

    /// A link's address for the reader's language, or `None` to keep it.
    fn link(&mut self, env: &LinkEnv, dest_url: &str, offset: usize) -> Option<String> {
        let from = self.out.errors.len();
        let line = self.line_of(offset);
        let dest = rewrite_link(self.page, env, dest_url, line, &mut self.out);
        self.point_at(from, offset);
        dest
    }

    /// An image starts: its address is rewritten and its markup is held
    /// until its end, gathering the alt text.
    fn image_start(&mut self, dest_url: &str, title: &str, offset: usize) {
        let line = self.line_of(offset);
        let unsafe_src = crate::sanitize::unsafe_url(dest_url).filter(|_| self.sanitize);
        if let Some(scheme) = &unsafe_src {
            self.warn(
                line,
                Msg::RemovedImage {
                    scheme: scheme.to_string(),
                },
            );
        }
        let env = match &mut self.target {
            Target::Language(env) => *env,
            Target::Skeleton {
                slots,
                image,
                per_language,
                ..
            } => {
                if image.is_some() {
                    // An image inside an image's alt text replaces it.
                    *per_language = true;
                    return;
                }
                *image = Some(slots.len());
                slots.push(Slot::Image {
                    dest: dest_url.to_string(),
                    title: title.to_string(),
                    alt: String::new(),
                    dropped: unsafe_src.is_some(),
                    line,
                    offset,
                });
                return;
            }
        };
        let from = self.out.errors.len();
        let src = rewrite_asset(self.page, env, dest_url, line, &mut self.out)
            .unwrap_or_else(|| dest_url.to_string());
        self.point_at(from, offset);
        let rel = resolve_path(
            &self.page.dir,
            dest_url.split(['#', '?']).next().unwrap_or_default(),
        );
        self.image = Some(PendingImage {
            dropped: unsafe_src.is_some(),
            src,
            info: rel.and_then(|r| env.images.get(&r)),
            title: title.to_string(),
            alt: String::new(),
        });
    }

    /// Write an event: headings, callouts, glossary terms in text and tables
    /// take their own markup; the rest goes through as it is.
    fn place(&mut self, event: Event<'p>) {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.heading = Some((level, id.map(|s| s.to_string()), Vec::new()));
            }
            Event::End(TagEnd::Heading(_)) => self.heading_end(),
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let title = match &self.target {
                    Target::Language(env) => escape(callout(kind, env.callout_titles).1),
                    Target::Skeleton { .. } => {
                        self.slot(Slot::Callout(kind));
                        SLOT.to_string()
                    }
                };
                let class = callout_class(kind);
                self.events.push(Event::Html(
                    format!(
                        "<div class=\"callout callout-{class}\" role=\"note\"><p class=\"callout-title\">{title}</p>\n",
                    )
                    .into(),
                ));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                self.events.push(Event::Html("</div>\n".into()));
            }
            Event::Text(text)
                if self.heading.is_none() && self.link_depth == 0 && !self.in_code =>
            {
                match &mut self.target {
                    Target::Language(env) => {
                        let env: &'e LinkEnv<'e> = env;
                        match env.glossary {
                            Some(links) => self.glossary_text(links, env.root, text),
                            None => self.other(Event::Text(text)),
                        }
                    }
                    Target::Skeleton { lesson: false, .. } => self.other(Event::Text(text)),
                    Target::Skeleton { per_language, .. } => {
                        // The writer notes a text's closing line break; a
                        // slot's mark cannot.
                        if text.ends_with('\n') {
                            *per_language = true;
                        }
                        self.slot(Slot::Text(text.to_string()));
                        self.events.push(Event::InlineHtml(SLOT.into()));
                    }
                }
            }
            Event::Start(Tag::Table(_)) => {
                self.events
                    .push(Event::Html("<div class=\"table\">".into()));
                self.events.push(event);
            }
            Event::End(TagEnd::Table) => {
                self.events.push(event);
                self.events.push(Event::Html("</div>\n".into()));
            }
            e => self.other(e),
        }
    }

    /// A heading ends: its id (explicit, else from its text, made unique),
    /// its entry in the table of contents (levels 2 and 3) and its markup.
    fn heading_end(&mut self) {
        let (level, explicit, inner) = self.heading.take().expect("heading end follows start");
        let text = plain_text(&inner);
        let base = explicit.unwrap_or_else(|| slugify(&text));
        let id = unique_id(base, &mut self.used_ids);
        let n = level as u8;
        if (2..=3).contains(&n) {
            self.out.toc.push(TocEntry {
                level: n,
                id: id.clone(),
                title: text,
            });
        }
        self.events
            .push(Event::Html(format!("<h{n} id=\"{}\">", escape(&id)).into()));
        self.events.extend(inner);
        self.events.push(Event::Html(format!("</h{n}>\n").into()));
        self.out.anchors.insert(id);
    }

    /// Text outside links, code and headings of a lesson: the first use of
    /// each glossary term links to its explanation.
    fn glossary_text(&mut self, links: &Links, root: &str, text: CowStr<'p>) {
        let pieces = links.split(&text, &mut self.glossary_linked);
        if pieces.iter().all(|(_, id)| id.is_none()) {
            self.events.push(Event::Text(text));
            return;
        }
        for (piece, id) in pieces {
            match id {
                Some(id) => self
                    .events
                    .push(Event::InlineHtml(term_link(root, links, id, piece).into())),
                None => self.events.push(Event::Text(piece.to_string().into())),
            }
        }
    }

    /// Any other event: it keeps track of links and code blocks (no glossary
    /// links inside them) and goes into the open heading or the page.
    fn other(&mut self, e: Event<'p>) {
        match &e {
            Event::Start(Tag::Link { .. }) => self.link_depth += 1,
            Event::InlineHtml(h) | Event::Html(h) if html_link_open(h) => self.link_depth += 1,
            Event::InlineHtml(h) | Event::Html(h) if h.starts_with("</a") => {
                self.link_depth = self.link_depth.saturating_sub(1)
            }
            Event::End(TagEnd::Link) => self.link_depth = self.link_depth.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => self.in_code = true,
            Event::End(TagEnd::CodeBlock) => self.in_code = false,
            _ => {}
        }
        match &mut self.heading {
            Some((_, _, inner)) => inner.push(e),
            None => self.events.push(e),
        }
    }

    /// The HTML of the events, sanitised when it held raw HTML.
    fn finish(mut self) -> Rendered {
        let mut out = std::mem::take(&mut self.out);
        html::push_html(&mut out.html, self.events.into_iter());
        if self.raw_html && self.sanitize {
            out.html = crate::sanitize::clean(&out.html);
        }
        if self.raw_html && html_depth(&out.html) > MAX_HTML_NESTING {
            out.errors.push(too_deep(self.page, 0));
            out.html.clear();
        }
        out.warnings = self.warnings;
        out
    }

    /// The skeleton made, or `None` when the page is to be rendered per
    /// language: something the slots cannot carry, or the mark itself in the
    /// page's text.
    pub(super) fn into_skeleton(self) -> Option<Skeleton> {
        let Target::Skeleton {
            slots,
            per_language: false,
            ..
        } = self.target
        else {
            return None;
        };
        let mut html = String::new();
        html::push_html(&mut html, self.events.into_iter());
        if memchr::memmem::find_iter(html.as_bytes(), SLOT).count() != slots.len() {
            return None;
        }
        Some(Skeleton {
            html,
            slots,
            toc: self.out.toc,
            anchors: self.out.anchors,
            warnings: self.warnings,
            raw_html: self.raw_html,
            sanitize: self.sanitize,
        })
    }
}
