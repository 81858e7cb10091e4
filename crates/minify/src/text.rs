//! Text, whitespace and character references: text content decoded,
//! collapsed, trimmed or removed as its element's rules say and encoded
//! again, and the byte helpers (skipping, trimming, collapsing, decoding
//! and encoding entities) that tags and attribute values share.

use std::borrow::Cow;

use minify_html_common::r#gen::codepoints::{
    ALPHANUMERIC_OR_EQUALS, DIGIT, HEX_DIGIT, Lookup, WHITESPACE,
};
use minify_html_common::r#gen::entities::{ENTITY, EntityType};
use minify_html_common::pattern::TrieNodeMatch;

use crate::Minifier;

impl<'a> Minifier<'a> {
    /// Text from `start` to `end`: entities decoded, whitespace collapsed,
    /// trimmed or removed as the parent element's rules say, then encoded.
    pub(crate) fn text(&mut self, start: usize, end: usize) -> Option<()> {
        let raw = &self.src[start..end];
        let frame = self.stack.last_mut().expect("document frame");
        let ws = frame.ws;
        let first = !frame.seen_child;
        frame.seen_child = true;
        let decoded = decode(raw, false)?;
        let mut text: &[u8] = &decoded;
        if ws.trim && first {
            text = trim_start(text);
        }
        let mut collapsed = std::mem::take(&mut self.scratch);
        collapsed.clear();
        if ws.destroy_whole && text.iter().all(|&c| WHITESPACE[c]) {
            text = b"";
        } else if ws.collapse && needs_collapse(text) {
            collapse_into(text, &mut collapsed);
            text = &collapsed;
        }
        if ws.trim && !text.is_empty() && self.is_last_child(end)? {
            text = trim_end(text);
        }
        encode_text(text, &mut self.out);
        self.scratch = collapsed;
        Some(())
    }

    /// Whether nothing but comments comes between `at` and the end of the
    /// current element (or of the document): the text before `at` is then
    /// the element's last child.
    fn is_last_child(&self, mut at: usize) -> Option<bool> {
        loop {
            let rest = &self.src[at..];
            if rest.is_empty() {
                return Some(true);
            }
            if rest.starts_with(b"<!--") {
                at += 4 + memchr::memmem::find(&rest[4..], b"-->")? + 3;
                continue;
            }
            if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
                return None;
            }
            return Some(rest.starts_with(b"</"));
        }
    }
}

pub(crate) fn skip_while(src: &[u8], mut p: usize, set: &Lookup) -> usize {
    while src.get(p).is_some_and(|&c| set[c]) {
        p += 1;
    }
    p
}

pub(crate) fn skip_until(src: &[u8], mut p: usize, set: &Lookup) -> usize {
    while src.get(p).is_some_and(|&c| !set[c]) {
        p += 1;
    }
    p
}

pub(crate) fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|&&c| WHITESPACE[c]).count();
    &s[n..]
}

pub(crate) fn trim_end(s: &[u8]) -> &[u8] {
    let n = s.iter().rev().take_while(|&&c| WHITESPACE[c]).count();
    &s[..s.len() - n]
}

/// Whether [`collapse_into`] would change `s`: it has whitespace other than
/// single spaces.
pub(crate) fn needs_collapse(s: &[u8]) -> bool {
    memchr::memchr3(b'\n', b'\t', b'\r', s).is_some()
        || memchr::memchr(b'\x0c', s).is_some()
        || memchr::memmem::find(s, b"  ").is_some()
}

/// Runs of whitespace as one space.
pub(crate) fn collapse_into(mut s: &[u8], out: &mut Vec<u8>) {
    while !s.is_empty() {
        let word = s.iter().position(|&c| WHITESPACE[c]).unwrap_or(s.len());
        out.extend_from_slice(&s[..word]);
        s = &s[word..];
        let space = s.iter().take_while(|&&c| WHITESPACE[c]).count();
        if space > 0 {
            out.push(b' ');
            s = &s[space..];
        }
    }
}

pub(crate) fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut at = 0;
    while let Some(i) = memchr::memchr(first, &haystack[at..]) {
        let i = at + i;
        if haystack
            .get(i..i + needle.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(needle))
        {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// Character references decoded as an HTML parser would (named ones from
/// minify-html's table). `None` if one decodes to the combining mark that
/// minify-html writes as part of an entity again.
pub(crate) fn decode(raw: &[u8], in_attr: bool) -> Option<Cow<'_, [u8]>> {
    if memchr::memchr(b'&', raw).is_none() {
        return Some(Cow::Borrowed(raw));
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut code = raw;
    while !code.is_empty() {
        let before = memchr::memchr(b'&', code).unwrap_or(code.len());
        out.extend_from_slice(&code[..before]);
        code = &code[before..];
        if code.is_empty() {
            break;
        }
        let read = match ENTITY.longest_matching_prefix(code) {
            TrieNodeMatch::NotFound { reached } => {
                out.extend_from_slice(&code[..reached]);
                reached
            }
            TrieNodeMatch::Found {
                value: EntityType::Dec,
                ..
            } => numeric(code, 2, 10, 7, &mut out)?,
            TrieNodeMatch::Found {
                value: EntityType::Hex,
                ..
            } => numeric(code, 3, 16, 6, &mut out)?,
            TrieNodeMatch::Found {
                len,
                value: EntityType::Named(decoded),
            } => {
                if in_attr
                    && code[len - 1] != b';'
                    && code.get(len).is_some_and(|&c| ALPHANUMERIC_OR_EQUALS[c])
                {
                    out.extend_from_slice(&code[..len]);
                } else {
                    if memchr::memmem::find(decoded, "\u{20D2}".as_bytes()).is_some() {
                        return None;
                    }
                    out.extend_from_slice(decoded);
                }
                len
            }
        };
        code = &code[read.max(1)..];
    }
    Some(Cow::Owned(out))
}

/// A numeric character reference from `start` (after `&#` or `&#x`):
/// leading zeros skipped, at most `max` digits, an optional `;`. Returns
/// how much was read (`None` for the combining mark of
/// [`fast`](crate::fast)).
fn numeric(code: &[u8], start: usize, radix: u32, max: usize, out: &mut Vec<u8>) -> Option<usize> {
    let mut p = start;
    while code.get(p) == Some(&b'0') {
        p += 1;
    }
    let (mut value, mut digits) = (0u32, 0usize);
    let digit_set = if radix == 10 { DIGIT } else { HEX_DIGIT };
    while let Some(&c) = code.get(p).filter(|&&c| digit_set[c]) {
        let d = (c as char).to_digit(16).unwrap_or(0);
        value = value.wrapping_mul(radix).wrapping_add(d);
        digits += 1;
        p += 1;
    }
    if code.get(p) == Some(&b';') {
        p += 1;
    }
    let c = Some(value)
        .filter(|_| digits <= max)
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    if c == '\u{20D2}' {
        return None;
    }
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    Some(p)
}

/// Decoded text written back with `&` as `&amp;` only where it would start
/// a character reference (an attribute's named reference without `;`
/// before a letter, digit or `=` is not one).
pub(crate) fn encode(text: &[u8], in_attr: bool, out: &mut Vec<u8>) {
    let mut code = text;
    while !code.is_empty() {
        let before = memchr::memchr(b'&', code).unwrap_or(code.len());
        out.extend_from_slice(&code[..before]);
        code = &code[before..];
        if code.is_empty() {
            break;
        }
        let (start, end) = match ENTITY.longest_matching_prefix(code) {
            TrieNodeMatch::NotFound { reached } => (0, reached),
            TrieNodeMatch::Found {
                len,
                value: EntityType::Named(_),
            } if in_attr
                && code[len - 1] != b';'
                && code.get(len).is_some_and(|&c| ALPHANUMERIC_OR_EQUALS[c]) =>
            {
                (0, len)
            }
            TrieNodeMatch::Found { len, .. } => {
                out.extend_from_slice(b"&amp;");
                (1, len)
            }
        };
        out.extend_from_slice(&code[start..end]);
        code = &code[end.max(1)..];
    }
}

/// Text content: [`encode`]d, with every `<` as `&lt;`.
fn encode_text(text: &[u8], out: &mut Vec<u8>) {
    if memchr::memchr2(b'&', b'<', text).is_none() {
        out.extend_from_slice(text);
        return;
    }
    let mut encoded = Vec::with_capacity(text.len() + 8);
    encode(text, false, &mut encoded);
    let mut rest = &encoded[..];
    while let Some(i) = memchr::memchr(b'<', rest) {
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(b"&lt;");
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
}
