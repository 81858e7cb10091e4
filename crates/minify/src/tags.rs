//! Tags and attributes: a start tag read with its attributes (names in
//! lower case, values decoded), the element it opens (or the raw text of
//! `<script>`, `<style>` and `<title>`), end tags, and each attribute
//! written as minify-html writes it (redundant ones left out, the shortest
//! quoting).

use std::borrow::Cow;

use minify_html_common::r#gen::attrs::ATTRS;
use minify_html_common::r#gen::codepoints::{
    NOT_UNQUOTED_ATTR_VAL_CHAR, TAG_NAME_CHAR, WHITESPACE, WHITESPACE_OR_SLASH,
    WHITESPACE_OR_SLASH_OR_EQUALS_OR_RIGHT_CHEVRON,
};
use minify_html_common::spec::script::JAVASCRIPT_MIME_TYPES;
use minify_html_common::spec::tag::ns::Namespace;
use minify_html_common::spec::tag::omission::{can_omit_as_before, can_omit_as_last_node};
use minify_html_common::spec::tag::void::VOID_TAGS;

use crate::text::{
    collapse_into, decode, encode, find_ignore_case, needs_collapse, skip_until, skip_while,
    trim_end, trim_start,
};
use crate::{Frame, Minifier};

/// The most attributes a tag may have for [`fast`] to write it.
const MAX_ATTRS: usize = 64;

/// An attribute as read: its name in lower case and its value with
/// entities decoded (`None`: written without a value).
pub(crate) struct Attr<'a> {
    name: Cow<'a, [u8]>,
    value: Option<Cow<'a, [u8]>>,
}

/// A tag as read: its name in lower case, whether it ends in `/>`, and its
/// attributes (in `Minifier::attrs`).
struct Tag<'a> {
    name: Cow<'a, [u8]>,
    self_closing: bool,
}

/// How an attribute is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Written {
    Quoted,
    Unquoted,
    NoValue,
}

/// An attribute of the tag being written: its position in
/// `Minifier::attrs`, and its value as written, in `Minifier::arena`.
pub(crate) struct Piece {
    attr: usize,
    value: std::ops::Range<usize>,
    written: Written,
}

impl<'a> Minifier<'a> {
    /// The name of the tag at `self.pos` (`<name` or `</name`), lower case.
    fn tag_name(&mut self) -> Cow<'a, [u8]> {
        let src = self.src;
        let mut p = self.pos + 1;
        if src.get(p) == Some(&b'/') {
            p += 1;
        }
        let start = p;
        while src.get(p).is_some_and(|&c| TAG_NAME_CHAR[c]) {
            p += 1;
        }
        self.pos = p;
        lower(&src[start..p])
    }

    /// A tag from `self.pos`: its name, and its attributes into
    /// `self.attrs`. `None` if the page ends inside it or it names an
    /// attribute twice.
    fn tag(&mut self) -> Option<Tag<'a>> {
        let src = self.src;
        let name = self.tag_name();
        self.attrs.clear();
        let mut p = self.pos;
        let self_closing;
        loop {
            let mut last = None;
            while let Some(&c) = src.get(p).filter(|&&c| WHITESPACE_OR_SLASH[c]) {
                last = Some(c);
                p += 1;
            }
            match src.get(p) {
                None => return None,
                Some(b'>') => {
                    p += 1;
                    self_closing = last == Some(b'/');
                    break;
                }
                Some(_) => {}
            }
            let name_start = p;
            p += 1; // the first character may be `=`
            p = skip_until(src, p, WHITESPACE_OR_SLASH_OR_EQUALS_OR_RIGHT_CHEVRON);
            let name = lower(&src[name_start..p]);
            p = skip_while(src, p, WHITESPACE);
            let value = if src.get(p) == Some(&b'=') {
                p = skip_while(src, p + 1, WHITESPACE);
                let (value, end) = match src.get(p) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let start = p + 1;
                        let end = memchr::memchr(q, &src[start..]).map_or(src.len(), |i| start + i);
                        (&src[start..end], (end + 1).min(src.len()))
                    }
                    _ => {
                        let end = skip_until(src, p, NOT_UNQUOTED_ATTR_VAL_CHAR);
                        (&src[p..end], end)
                    }
                };
                p = end;
                Some(decode(value, true)?)
            } else {
                None
            };
            // Checked pair by pair: a tag with very many attributes (hostile
            // raw HTML) goes to minify-html rather than taking quadratic time.
            if self.attrs.len() >= MAX_ATTRS || self.attrs.iter().any(|a| a.name == name) {
                return None;
            }
            self.attrs.push(Attr { name, value });
        }
        self.pos = p;
        Some(Tag { name, self_closing })
    }

    /// An element's start tag, and for the elements whose content is not
    /// markup (`<script>`, `<style>`, `<title>`), its content and end tag.
    pub(crate) fn element(&mut self) -> Option<()> {
        let Tag { name, self_closing } = self.tag()?;
        let parent = self.stack.last().expect("document frame");
        if can_omit_as_before(&parent.name, &name) {
            return None; // minify-html would close the parent here
        }
        let seen = match &*name {
            b"html" => &mut self.seen.html,
            b"head" => &mut self.seen.head,
            b"body" => &mut self.seen.body,
            _ => &mut false,
        };
        if std::mem::replace(seen, true) {
            return None;
        }
        let ns = if &*name == b"svg" {
            Namespace::Svg
        } else {
            parent.ns
        };
        let pre = parent.pre || (ns == Namespace::Html && &*name == b"pre");
        self.top().seen_child = true;
        if self_closing && ns != Namespace::Html {
            self.start_tag(&name, ns, true);
            return Some(());
        }
        self.start_tag(&name, ns, false);
        if VOID_TAGS.contains(&*name) {
            return Some(());
        }
        match (ns, &*name) {
            (_, b"script") => {
                let kind = self
                    .attrs
                    .iter()
                    .find(|a| &*a.name == b"type")
                    .map(|a| a.value.as_deref().unwrap_or_default());
                let data =
                    kind.is_some_and(|t| t != b"module" && !JAVASCRIPT_MIME_TYPES.contains(t));
                self.raw_text(b"</script", !data)
            }
            (_, b"style") => self.raw_text(b"</style", true),
            (Namespace::Html, b"title") => self.title(),
            (Namespace::Html, b"textarea") => None,
            _ => {
                self.stack.push(Frame::new(name, ns, pre));
                Some(())
            }
        }
    }

    /// The start tag just read: attributes minified, quoted ones first,
    /// each group by name.
    fn start_tag(&mut self, name: &[u8], ns: Namespace, self_closing: bool) {
        let viewport = name == b"meta"
            && self.attrs.iter().any(|a| {
                &*a.name == b"name"
                    && a.value
                        .as_deref()
                        .is_some_and(|v| v.eq_ignore_ascii_case(b"viewport"))
            });
        let (arena, pieces) = (&mut self.arena, &mut self.pieces);
        arena.clear();
        pieces.clear();
        for (i, attr) in self.attrs.iter().enumerate() {
            let start = arena.len();
            if let Some(written) =
                attribute(ns, name, viewport, &attr.name, attr.value.as_deref(), arena)
            {
                pieces.push(Piece {
                    attr: i,
                    value: start..arena.len(),
                    written,
                });
            }
        }
        // Quoted values first, then the others; each group by name.
        let attrs = &self.attrs;
        pieces.sort_unstable_by(|a, b| {
            (a.written != Written::Quoted)
                .cmp(&(b.written != Written::Quoted))
                .then_with(|| attrs[a.attr].name.cmp(&attrs[b.attr].name))
        });
        let out = &mut self.out;
        out.push(b'<');
        out.extend_from_slice(name);
        for piece in pieces.iter() {
            out.push(b' ');
            out.extend_from_slice(&attrs[piece.attr].name);
            if piece.written != Written::NoValue {
                out.push(b'=');
                out.extend_from_slice(&arena[piece.value.clone()]);
            }
        }
        if self_closing {
            if pieces.last().is_some_and(|p| p.written != Written::Quoted) {
                out.push(b' ');
            }
            out.push(b'/');
        }
        out.push(b'>');
    }

    /// The content of `<script>` or `<style>` up to `end` (any case), as
    /// written (trimmed unless it is data), and the end tag.
    fn raw_text(&mut self, end: &[u8], trim: bool) -> Option<()> {
        let body = &self.src[self.pos..];
        let len = find_ignore_case(body, end)?;
        let code = &body[..len];
        self.out.extend_from_slice(if trim {
            trim_end(trim_start(code))
        } else {
            code
        });
        self.pos += len;
        self.end_of_raw_text(&end[2..])
    }

    /// `<title>`'s text: entities decoded and encoded again, whitespace
    /// kept.
    fn title(&mut self) -> Option<()> {
        let body = &self.src[self.pos..];
        let len = find_ignore_case(body, b"</title")?;
        let text = decode(&body[..len], false)?;
        if memchr::memmem::find(&text, b"</").is_some() {
            return None;
        }
        encode(&text, false, &mut self.out);
        self.pos += len;
        self.end_of_raw_text(b"title")
    }

    /// The end tag of `<script>`, `<style>` or `<title>`, read and written.
    /// One whose name only starts with the element's (`</titles>`) is left
    /// to minify-html, which takes it for the end tag all the same.
    fn end_of_raw_text(&mut self, element: &[u8]) -> Option<()> {
        let name = self.tag()?.name;
        (*name == *element).then(|| self.write_end_tag(element))
    }

    fn write_end_tag(&mut self, name: &[u8]) {
        self.out.extend_from_slice(b"</");
        self.out.extend_from_slice(name);
        self.out.push(b'>');
    }

    /// An end tag: it must close the element open last.
    pub(crate) fn end_tag(&mut self) -> Option<()> {
        let at = self.pos;
        let name = self.tag_name();
        self.pos = at;
        let n = self.stack.len();
        if name.is_empty() || n < 2 || self.stack[n - 1].name != name || VOID_TAGS.contains(&*name)
        {
            return None;
        }
        if n >= 3 && self.stack[n - 2].name == name && can_omit_as_last_node(&name, &name) {
            return None;
        }
        if &*name == b"head" && std::mem::replace(&mut self.seen.head_end, true) {
            return None;
        }
        self.tag()?;
        self.stack.pop();
        self.write_end_tag(&name);
        Some(())
    }
}

/// `bytes` in lower case, borrowed when it already is.
fn lower(bytes: &[u8]) -> Cow<'_, [u8]> {
    if bytes.iter().any(u8::is_ascii_uppercase) {
        Cow::Owned(bytes.to_ascii_lowercase())
    } else {
        Cow::Borrowed(bytes)
    }
}

/// How an attribute is written, its value appended to `out`, or `None`
/// when it is left out (redundant).
fn attribute(
    ns: Namespace,
    tag: &[u8],
    viewport: bool,
    name: &[u8],
    value: Option<&[u8]>,
    out: &mut Vec<u8>,
) -> Option<Written> {
    let rules = ATTRS.get(ns, tag, name);
    let raw = value.unwrap_or_default();
    let mut value: Cow<[u8]> = if viewport {
        Cow::Owned(raw.iter().copied().filter(|&c| !WHITESPACE[c]).collect())
    } else {
        let mut v: &[u8] = raw;
        if rules.is_some_and(|r| r.trim) {
            v = trim_end(trim_start(v));
        }
        if rules.is_some_and(|r| r.collapse) && needs_collapse(v) {
            let mut c = Vec::with_capacity(v.len());
            collapse_into(v, &mut c);
            Cow::Owned(c)
        } else {
            Cow::Borrowed(v)
        }
    };
    if rules.is_some_and(|r| r.case_insensitive) && value.iter().any(u8::is_ascii_uppercase) {
        value = Cow::Owned(value.to_ascii_lowercase());
    }
    let redundant = (value.is_empty() && rules.is_some_and(|r| r.redundant_if_empty))
        || rules.and_then(|r| r.default_value) == Some(&*value)
        || (tag == b"script" && name == b"type" && JAVASCRIPT_MIME_TYPES.contains(&*value));
    if redundant {
        return None;
    }
    if rules.is_some_and(|r| r.boolean) || value.is_empty() {
        return Some(Written::NoValue);
    }
    let encoded: Cow<[u8]> = if memchr::memchr(b'&', &value).is_some() {
        let mut e = Vec::with_capacity(value.len() + 8);
        encode(&value, true, &mut e);
        Cow::Owned(e)
    } else {
        value
    };
    // The shortest of the three ways to write it; double quotes on a tie,
    // then single quotes.
    let n = encoded.len();
    let uq = n + encoded
        .iter()
        .map(|&c| UNQUOTED_EXTRA[c as usize] as usize)
        .sum::<usize>();
    if uq == n {
        // Nothing to escape unquoted, so no quote either: unquoted is shortest.
        out.extend_from_slice(&encoded);
        return Some(Written::Unquoted);
    }
    let dq = n + 2 + 4 * memchr::memchr_iter(b'"', &encoded).count();
    let sq = n + 2 + 4 * memchr::memchr_iter(b'\'', &encoded).count();
    if uq < dq && uq < sq {
        for &c in encoded.iter() {
            match unquoted_escape(c) {
                Some(e) => out.extend_from_slice(e),
                None => out.push(c),
            }
        }
        return Some(Written::Unquoted);
    }
    let (quote, escape): (u8, &[u8]) = if sq < dq {
        (b'\'', b"&#39;")
    } else {
        (b'"', b"&#34;")
    };
    out.push(quote);
    if memchr::memchr(quote, &encoded).is_none() {
        out.extend_from_slice(&encoded);
    } else {
        for &c in encoded.iter() {
            if c == quote {
                out.extend_from_slice(escape);
            } else {
                out.push(c);
            }
        }
    }
    out.push(quote);
    Some(Written::Quoted)
}

/// How many bytes longer each byte is written in an unquoted attribute
/// value ([`unquoted_escape`]).
static UNQUOTED_EXTRA: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        if let Some(escape) = unquoted_escape(c as u8) {
            table[c] = escape.len() as u8 - 1;
        }
        c += 1;
    }
    table
};

/// How a character is written in an unquoted attribute value, if not as
/// itself. (A backquote becomes `&#6;`, as minify-html writes it.)
const fn unquoted_escape(c: u8) -> Option<&'static [u8]> {
    Some(match c {
        b'\t' => b"&#9;",
        b'\n' => b"&#10;",
        b'\x0c' => b"&#12;",
        b'\r' => b"&#13;",
        b' ' => b"&#32;",
        b'"' => b"&#34;",
        b'\'' => b"&#39;",
        b'=' => b"&#61;",
        b'`' => b"&#6;",
        b'<' => b"&lt;",
        b'>' => b"&gt;",
        _ => return None,
    })
}
