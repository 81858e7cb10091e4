//! HTML minification in one pass, with the output of minify-html.
//!
//! minify-html parses a page into a tree (a hash map of attributes and a
//! vector of children per element, a copy of every name, value and text),
//! then writes the tree out again. On a large site that is about half of a
//! build's time. Pages come out of our own templates and Markdown renderer,
//! so they are almost always well-formed: every element closed where it was
//! opened, no stray end tags, no processing instructions. For such a page
//! this module writes the same bytes as minify-html (with the settings of
//! [`reference`]) while reading the page once, copying runs of bytes
//! straight through and allocating little.
//!
//! Whatever it is not sure to write exactly as minify-html would (an end tag
//! that does not match, an element minify-html would close by itself, a
//! `<textarea>`, a bogus comment, a tag name in capitals, an entity that
//! minify-html shortens) makes [`fast`] give up, and [`html`] hands the
//! whole page to minify-html instead. The rules (which elements are void,
//! how whitespace is treated in each element, which attribute values are
//! redundant, the entity table) are read from minify-html-common, the
//! tables minify-html itself uses. The tests and the `minify` fuzz target
//! compare the two on every input they make.
//!
//! This file holds the public functions and the reading loop over the page
//! (text, comments, the doctype, tags); `tags` reads and writes start and
//! end tags with their attributes, `text` handles text, whitespace and
//! character references.

mod tags;
#[cfg(test)]
mod tests;
mod text;

use std::borrow::Cow;

use minify_html_common::r#gen::codepoints::{TAG_NAME_CHAR, WHITESPACE};
use minify_html_common::spec::tag::ns::Namespace;
use minify_html_common::spec::tag::whitespace::{
    WhitespaceMinification, get_whitespace_minification_for_tag,
};

use tags::{Attr, Piece};

/// The settings lentera minifies pages with: closing tags and the `<html>`
/// and `<head>` tags kept; inline CSS comes from templates already minified
/// (lentera-core minifies it with lightningcss, through minify-html) and JavaScript is left as written.
pub fn settings() -> minify_html::Cfg {
    let mut cfg = minify_html::Cfg::new();
    cfg.minify_css = false;
    cfg.minify_js = false;
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    cfg
}

/// A page minified by minify-html itself.
pub fn reference(src: &[u8]) -> Vec<u8> {
    minify_html::minify(src, &settings())
}

/// A page minified: by [`fast`] when it can, else by minify-html.
pub fn html(src: &[u8]) -> Vec<u8> {
    fast(src).unwrap_or_else(|| reference(src))
}

/// The bytes minify-html writes for `src` with [`settings`], or `None` when
/// the page holds something this module leaves to minify-html.
pub fn fast(src: &[u8]) -> Option<Vec<u8>> {
    // minify-html writes two rare characters (≪⃒ and ≫⃒) as entities; they
    // end in this combining mark.
    if memchr::memmem::find(src, "\u{20D2}".as_bytes()).is_some() {
        return None;
    }
    let mut m = Minifier {
        src,
        pos: 0,
        out: Vec::with_capacity(src.len()),
        stack: vec![Frame::new(Cow::Borrowed(b""), Namespace::Html, false)],
        seen: Seen::default(),
        scratch: Vec::new(),
        attrs: Vec::new(),
        arena: Vec::new(),
        pieces: Vec::new(),
    };
    m.run()?;
    Some(m.out)
}

/// `<html>`, `<head>`, `</head>` and `<body>` seen: minify-html drops a
/// second one of each, which this module leaves to it.
#[derive(Default)]
struct Seen {
    html: bool,
    head: bool,
    head_end: bool,
    body: bool,
}

/// An open element.
struct Frame<'a> {
    name: Cow<'a, [u8]>,
    ns: Namespace,
    /// Inside a `<pre>`: whitespace is kept as written.
    pre: bool,
    ws: &'static WhitespaceMinification,
    /// A text or element child has been seen (the first text is trimmed).
    seen_child: bool,
}

impl<'a> Frame<'a> {
    fn new(name: Cow<'a, [u8]>, ns: Namespace, pre: bool) -> Frame<'a> {
        let ws = get_whitespace_minification_for_tag(ns, &name, pre);
        Frame {
            name,
            ns,
            pre,
            ws,
            seen_child: false,
        }
    }
}

struct Minifier<'a> {
    src: &'a [u8],
    pos: usize,
    out: Vec<u8>,
    /// The open elements; the first is the document itself.
    stack: Vec<Frame<'a>>,
    seen: Seen,
    scratch: Vec<u8>,
    attrs: Vec<Attr<'a>>,
    arena: Vec<u8>,
    pieces: Vec<Piece>,
}

impl<'a> Minifier<'a> {
    fn run(&mut self) -> Option<()> {
        loop {
            let start = self.pos;
            let at = self.next_markup(start);
            if at > start {
                self.text(start, at)?;
            }
            self.pos = at;
            let rest = &self.src[at..];
            if rest.is_empty() {
                // Every element must have been closed where it was opened.
                return (self.stack.len() == 1).then_some(());
            }
            match rest.get(1).copied() {
                Some(b'/') => self.end_tag()?,
                Some(b'!') if rest.starts_with(b"<!--") => self.comment()?,
                Some(b'!') if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<!doctype") => {
                    self.doctype()?
                }
                Some(c) if TAG_NAME_CHAR[c] => self.element()?,
                // `<!…>` and `<?…>`: left to minify-html.
                _ => return None,
            }
        }
    }

    /// Where the next tag, comment or doctype starts (`<` followed by a
    /// letter, digit, `-`, `:`, `/`, `!` or `?`), or the end.
    fn next_markup(&self, from: usize) -> usize {
        let mut at = from;
        while let Some(i) = memchr::memchr(b'<', &self.src[at..]) {
            let i = at + i;
            match self.src.get(i + 1) {
                Some(&c) if TAG_NAME_CHAR[c] || matches!(c, b'/' | b'!' | b'?') => return i,
                _ => at = i + 1,
            }
        }
        self.src.len()
    }

    fn top(&mut self) -> &mut Frame<'a> {
        self.stack
            .last_mut()
            .expect("the document frame is never popped")
    }

    /// A comment: dropped.
    fn comment(&mut self) -> Option<()> {
        let body = &self.src[self.pos + 4..];
        self.pos += 4 + memchr::memmem::find(body, b"-->")? + 3;
        Some(())
    }

    /// `<!doctype html>`, written in lower case. Other doctypes are left to
    /// minify-html.
    fn doctype(&mut self) -> Option<()> {
        let mut p = self.pos + 9;
        while self.src.get(p).is_some_and(|&c| WHITESPACE[c]) {
            p += 1;
        }
        if !self
            .src
            .get(p..p + 4)
            .is_some_and(|s| s.eq_ignore_ascii_case(b"html"))
        {
            return None;
        }
        p += 4;
        while self.src.get(p).is_some_and(|&c| WHITESPACE[c]) {
            p += 1;
        }
        if self.src.get(p) != Some(&b'>') {
            return None;
        }
        self.pos = p + 1;
        self.out.extend_from_slice(b"<!doctype html>");
        Some(())
    }
}
