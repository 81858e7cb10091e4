//! A lesson's body made to stand on its own in the one-file edition (see
//! the parent module's docs): links rewritten, ids prefixed, images as
//! their alt text, headings moved down.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::ROOT;

/// Where the links of one language's lessons go in its file.
pub(super) struct Targets {
    pub(super) base_url: String,
    /// Page path in this language (`en/pelajaran/biaya/`) → page key.
    pub(super) by_path: HashMap<String, String>,
    /// Keys of the lessons in the file.
    pub(super) lessons: BTreeSet<String>,
    /// Keys of the sections with a heading in the file.
    pub(super) sections: BTreeSet<String>,
    pub(super) assets: Arc<BTreeSet<String>>,
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
pub(super) fn self_contained(html: &str, own: &str, targets: &Arc<Targets>) -> String {
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

/// `body` (made for a file with every lesson) with its links to the
/// anchors of lessons and sections the file leaves out sent to the website
/// instead, exactly as [`self_contained`] makes them for a file without
/// those: `#key` becomes the page's address, `#key/heading` the page's
/// address and `#heading`. `gone` maps each key left out to its page's
/// address, escaped for an attribute, and whether it is a lesson (only a
/// lesson's headings have anchors). `None` when nothing links there.
pub(super) fn to_website(body: &str, gone: &HashMap<String, (String, bool)>) -> Option<String> {
    const HREF: &str = "href=\"#";
    let mut out = String::new();
    let mut done = 0;
    for (i, _) in body.match_indices(HREF) {
        let start = i + HREF.len();
        let end = body[start..].find('"').map_or(body.len(), |e| start + e);
        let anchor = &body[start..end];
        let target = match gone.get(anchor) {
            Some((url, _)) => Some((url, None)),
            None => anchor
                .match_indices('/')
                .find_map(|(j, _)| match gone.get(&anchor[..j]) {
                    Some((url, true)) => Some((url, Some(&anchor[j + 1..]))),
                    _ => None,
                }),
        };
        if let Some((url, heading)) = target {
            out.push_str(&body[done..i]);
            out.push_str("href=\"");
            out.push_str(url);
            if let Some(h) = heading {
                out.push('#');
                out.push_str(h);
            }
            done = end;
        }
    }
    if done == 0 {
        return None;
    }
    out.push_str(&body[done..]);
    Some(out)
}

/// `text` escaped as the cleaner's serialiser escapes an attribute value.
pub(super) fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('\u{a0}', "&nbsp;")
        .replace('"', "&quot;")
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

    #[test]
    fn links_to_lessons_left_out_go_to_the_website_as_the_cleaner_makes_them() {
        let html = format!(
            "<p><a href=\"{r}en/a/x/#b\">x</a> <a href=\"{r}en/a/\">a</a> <a href=\"#langkah\">up</a></p>",
            r = "%EE%80%81"
        );
        let every = self_contained(&html, "a/y", &targets());
        assert!(
            every.contains("href=\"#a/x/b\"") && every.contains("href=\"#a\""),
            "{every}"
        );
        // The file without lesson a/x and without section a's heading.
        let without = Targets {
            base_url: "https://e.org/".into(),
            by_path: targets().by_path.clone(),
            lessons: BTreeSet::new(),
            sections: BTreeSet::new(),
            assets: Arc::new(BTreeSet::new()),
        };
        let expected = self_contained(&html, "a/y", &Arc::new(without));
        let gone: HashMap<String, (String, bool)> = [
            ("a/x", "https://e.org/en/a/x/", true),
            ("a", "https://e.org/en/a/", false),
        ]
        .into_iter()
        .map(|(k, u, l)| (k.to_string(), (escape_attribute(u), l)))
        .collect();
        assert_eq!(
            to_website(&every, &gone).as_deref(),
            Some(expected.as_str())
        );
        assert!(
            expected.contains("href=\"https://e.org/en/a/x/#b\""),
            "{expected}"
        );
        // Its own headings and the lessons kept stay anchors.
        assert_eq!(
            to_website("<a href=\"#a/y/x\">y</a><a href=\"#a/xy\">", &gone),
            None
        );
        // A section has no headings in the file: `#a/…` is not section a's.
        assert_eq!(to_website("<a href=\"#a/z/h\">", &gone), None);
    }
}
