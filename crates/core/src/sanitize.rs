//! Raw HTML in Markdown, safe by default. Many hands write the lessons, and a
//! pasted snippet must not run script on an official site. A page whose
//! Markdown holds raw HTML has its whole body cleaned by ammonia (an allowlist
//! sanitiser built on a real HTML parser), so harmless markup (`<details>`,
//! `<abbr>`, `<br>`, `<sup>` …) survives and everything else goes. The same
//! allowlist drives [`findings`], which names what a fragment loses, so each
//! removal becomes a warning with its file and line. Templates are trusted
//! and never pass through here.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use lentera_messages::Msg;

/// Elements kept in raw HTML, besides those ammonia keeps by default (the
/// warnings read the whole list back from the builder: [`allowlist`]).
const EXTRA_TAGS: [&str; 4] = ["picture", "source", "input", "section"];

/// Attributes kept on any element.
const GENERIC_ATTRIBUTES: [&str; 7] = ["class", "id", "title", "lang", "dir", "role", "hidden"];

/// Attributes kept on one element.
const TAG_ATTRIBUTES: [(&str, &[&str]); 16] = [
    ("a", &["href", "hreflang"]),
    ("abbr", &["title"]),
    ("bdo", &["dir"]),
    ("blockquote", &["cite"]),
    ("col", &["align", "char", "charoff", "span"]),
    ("colgroup", &["align", "char", "charoff", "span"]),
    ("del", &["cite", "datetime"]),
    ("details", &["open"]),
    (
        "img",
        &["src", "alt", "width", "height", "loading", "decoding"],
    ),
    ("input", &["type", "checked", "disabled"]),
    ("ins", &["cite", "datetime"]),
    ("ol", &["start", "reversed", "type"]),
    ("q", &["cite"]),
    ("source", &["srcset", "type", "width", "height", "media"]),
    ("th", &["align", "colspan", "rowspan", "scope", "style"]),
    ("td", &["align", "colspan", "rowspan", "style"]),
];

/// Address schemes kept in links and images (ammonia's default list, plus
/// WhatsApp's); relative addresses are kept. `javascript:`, `vbscript:` and
/// `data:` are not among them.
const URL_SCHEMES: [&str; 27] = [
    "bitcoin",
    "ftp",
    "ftps",
    "geo",
    "http",
    "https",
    "im",
    "irc",
    "ircs",
    "magnet",
    "mailto",
    "mms",
    "mx",
    "news",
    "nntp",
    "openpgp4fpr",
    "sip",
    "sms",
    "smsto",
    "ssh",
    "tel",
    "url",
    "webcal",
    "whatsapp",
    "wtai",
    "xmpp",
    "viber",
];

/// Attributes that hold an address.
const URL_ATTRIBUTES: [&str; 9] = [
    "href",
    "src",
    "cite",
    "action",
    "formaction",
    "poster",
    "background",
    "xlink:href",
    "srcset",
];

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(builder)
}

/// A cleaner with this module's allowlist, for callers that add their own
/// rules (the one-file edition rewrites links and drops images).
pub fn builder() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.add_tags(EXTRA_TAGS)
        .add_generic_attributes(GENERIC_ATTRIBUTES)
        .url_schemes(URL_SCHEMES.into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true)
        .filter_style_properties(["text-align"].into_iter().collect());
    for (tag, attrs) in TAG_ATTRIBUTES {
        b.add_tag_attributes(tag, attrs.iter().copied());
    }
    b
}

/// `html` with everything outside the allowlist removed.
pub fn clean(html: &str) -> String {
    cleaner().clean(html).to_string()
}

/// The scheme of an address that would be removed (`javascript`, `data`, any
/// scheme not in the allowlist); `None` for a kept or relative address. Browsers ignore tabs, newlines and
/// leading spaces and controls in a scheme, and so does this.
pub fn unsafe_url(url: &str) -> Option<String> {
    let cleaned: String = decode_entities(url)
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        || cleaned.starts_with('/')
        || cleaned.starts_with('#')
        || cleaned.starts_with('?')
    {
        return None;
    }
    let scheme = scheme.to_ascii_lowercase();
    (!URL_SCHEMES.contains(&scheme.as_str())).then_some(scheme)
}

/// The character references browsers decode inside attribute values, enough
/// to see `&#106;avascript:` for what it is.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest
            .char_indices()
            .skip(1)
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))
            .map_or(rest.len(), |(j, _)| j);
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let n = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            };
            n.and_then(char::from_u32)
        } else {
            match name.to_ascii_lowercase().as_str() {
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                "amp" => Some('&'),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What the cleaner keeps, read back from the ammonia builder itself (its
/// defaults plus this module's additions), so a warning never reports the
/// removal of something ammonia keeps.
struct Allowlist {
    tags: HashSet<&'static str>,
    generic: HashSet<&'static str>,
    generic_prefixes: Vec<&'static str>,
    per_tag: HashMap<&'static str, HashSet<&'static str>>,
}

fn allowlist() -> &'static Allowlist {
    static ALLOW: OnceLock<Allowlist> = OnceLock::new();
    ALLOW.get_or_init(|| {
        let b = cleaner();
        Allowlist {
            tags: b.clone_tags(),
            generic: b.clone_generic_attributes(),
            generic_prefixes: b
                .clone_generic_attribute_prefixes()
                .map(|p| p.into_iter().collect())
                .unwrap_or_default(),
            per_tag: b.clone_tag_attributes(),
        }
    })
}

fn allowed_tags() -> &'static HashSet<&'static str> {
    &allowlist().tags
}

fn attribute_allowed(tag: &str, attr: &str) -> bool {
    let allow = allowlist();
    allow.generic.contains(attr)
        || allow.generic_prefixes.iter().any(|p| attr.starts_with(p))
        || allow
            .per_tag
            .get(tag)
            .is_some_and(|attrs| attrs.contains(attr))
}

/// What cleaning removes from one raw HTML fragment, in words for staff:
/// ``<script>``, ``the `onerror` attribute of <img>``, ``a `javascript:`
/// address in <a href>``. Empty when the fragment is kept as it is.
pub fn findings(fragment: &str) -> Vec<Msg> {
    let mut out = Vec::new();
    let bytes = fragment.as_bytes();
    let mut i = 0;
    while let Some(off) = fragment[i..].find('<') {
        i += off + 1;
        if fragment[i..].starts_with("!--") {
            i = fragment[i..]
                .find("-->")
                .map_or(fragment.len(), |e| i + e + 3);
            continue;
        }
        let closing = fragment[i..].starts_with('/');
        if closing {
            i += 1;
        }
        let name_len = fragment[i..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(fragment.len() - i);
        if name_len == 0 || !bytes[i].is_ascii_alphabetic() {
            continue;
        }
        let tag = fragment[i..i + name_len].to_ascii_lowercase();
        i += name_len;
        let tag_ok = allowed_tags().contains(tag.as_str());
        if !tag_ok && !closing {
            out.push(Msg::RemovedElement { tag: tag.clone() });
        }
        // Attributes, up to the end of the tag.
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let attr = fragment[start..i].to_ascii_lowercase();
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = "";
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let quote = bytes[i] as char;
                    let end = fragment[i + 1..]
                        .find(quote)
                        .map_or(fragment.len(), |e| i + 1 + e);
                    value = &fragment[i + 1..end];
                    i = (end + 1).min(fragment.len());
                } else {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = &fragment[start..i];
                }
            }
            if closing || !tag_ok || attr.is_empty() {
                continue;
            }
            if attr.starts_with("on") || !attribute_allowed(&tag, &attr) {
                out.push(Msg::RemovedAttribute {
                    attr,
                    tag: tag.clone(),
                });
            } else if URL_ATTRIBUTES.contains(&attr.as_str())
                && let Some(scheme) = unsafe_url(value)
            {
                out.push(Msg::RemovedAddress {
                    scheme: scheme.to_string(),
                    tag: tag.clone(),
                    attr,
                });
            } else if attr == "style" && !style_kept(value) {
                out.push(Msg::RemovedStyle { tag: tag.clone() });
            }
        }
    }
    out.dedup();
    out
}

fn style_kept(style: &str) -> bool {
    style.split(';').filter(|d| !d.trim().is_empty()).all(|d| {
        d.split(':')
            .next()
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("text-align"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_follow_what_ammonia_keeps() {
        // Attributes ammonia keeps by default that a hand-copied list missed.
        let kept = "<table summary=\"Biaya\"><tbody><tr><th id=\"h\" align=\"left\">A</th>\
                    <td headers=\"h\" align=\"right\">1</td></tr></tbody></table>";
        assert_eq!(clean(kept), kept);
        assert!(findings(kept).is_empty(), "{:?}", findings(kept));
        // Every attribute ammonia keeps on a table cell is kept without a
        // warning, and one it removes is named.
        // (`style` keeps only text-align: tested with the styles.)
        for attr in allowlist().per_tag["td"].iter().filter(|a| **a != "style") {
            let html = format!("<table><tbody><tr><td {attr}=\"1\">x</td></tr></tbody></table>");
            assert!(clean(&html).contains(&format!("{attr}=")), "{attr} kept");
            assert!(findings(&html).is_empty(), "{attr}: {:?}", findings(&html));
        }
        let removed = "<table><tbody><tr><td bgcolor=\"red\">x</td></tr></tbody></table>";
        assert!(!clean(removed).contains("bgcolor"));
        assert_eq!(
            findings(removed),
            vec![Msg::RemovedAttribute {
                attr: "bgcolor".into(),
                tag: "td".into()
            }]
        );
        // The allowlist is ammonia's defaults plus this module's additions.
        let defaults = ammonia::Builder::default().clone_tags();
        assert!(defaults.iter().all(|t| allowed_tags().contains(t)));
        assert!(EXTRA_TAGS.iter().all(|t| allowed_tags().contains(t)));
    }

    #[test]
    fn harmless_markup_survives() {
        let html = "<details><summary>Lihat</summary><p>H<sub>2</sub>O <abbr title=\"Badan\">BP3MI</abbr><br>x<sup>1</sup></p></details>";
        assert_eq!(clean(html), html);
        assert!(findings(html).is_empty(), "{:?}", findings(html));
    }

    #[test]
    fn scripts_handlers_frames_and_bad_addresses_go() {
        let cases = [
            ("<script>alert(1)</script><p>a</p>", "<p>a</p>", "<script>"),
            (
                "<img src=\"x.png\" onerror=\"alert(1)\">",
                "<img src=\"x.png\">",
                "the `onerror` attribute of <img>",
            ),
            ("<iframe src=\"https://e.org\"></iframe>", "", "<iframe>"),
            ("<object data=\"x\"></object>", "", "<object>"),
            ("<style>p{}</style>", "", "<style>"),
            (
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a>x</a>",
                "a `javascript:` address in <a href>",
            ),
            (
                "<a href=\"&#106;avascript&colon;alert(1)\">x</a>",
                "<a>x</a>",
                "a `javascript:` address in <a href>",
            ),
            (
                "<a href=\" VBScript:x\">x</a>",
                "<a>x</a>",
                "a `vbscript:` address in <a href>",
            ),
            (
                "<img src=\"data:image/svg+xml;base64,AAAA\">",
                "<img>",
                "a `data:` address in <img src>",
            ),
        ];
        for (input, cleaned, finding) in cases {
            assert_eq!(clean(input), cleaned, "{input}");
            let texts: Vec<String> = findings(input)
                .iter()
                .map(|m| m.text(lentera_messages::Lang::En))
                .collect();
            assert_eq!(
                texts,
                [format!("removed unsafe HTML: {finding}")],
                "{input}"
            );
        }
    }

    #[test]
    fn what_markdown_itself_produces_is_kept() {
        let html = "<h2 id=\"a\">A</h2>\n<div class=\"callout callout-note\" role=\"note\"><p class=\"callout-title\">Catatan</p>\n</div>\n<div class=\"table\"><table><thead><tr><th style=\"text-align: center\">x</th></tr></thead></table></div>\n<ul>\n<li><input disabled=\"\" type=\"checkbox\"> a</li>\n</ul>\n<picture><source srcset=\"../a.webp\" type=\"image/webp\"><img src=\"../a.png\" alt=\"a\" width=\"10\" height=\"5\" loading=\"lazy\" decoding=\"async\"></picture>\n<p><a href=\"../x/\">x</a> <a href=\"https://e.org/\">e</a> <a href=\"tel:+62811\">t</a></p>\n";
        // Only the style declaration is written more tightly.
        assert_eq!(
            clean(html),
            html.replace("text-align: center", "text-align:center")
        );
        assert!(findings(html).is_empty(), "{:?}", findings(html));
    }

    #[test]
    fn unsafe_urls() {
        assert_eq!(unsafe_url("javascript:x").as_deref(), Some("javascript"));
        assert_eq!(unsafe_url("java\tscript:x").as_deref(), Some("javascript"));
        assert_eq!(unsafe_url("DATA:text/html,x").as_deref(), Some("data"));
        assert_eq!(unsafe_url("foo:bar").as_deref(), Some("foo"));
        for ok in [
            "https://e.org",
            "../a/",
            "#x",
            "mailto:a@b",
            "tel:+62",
            "x/a:b",
            "?q=a:b",
        ] {
            assert_eq!(unsafe_url(ok), None, "{ok}");
        }
    }
}
