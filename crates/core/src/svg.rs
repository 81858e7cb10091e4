//! SVG images from content/ are copied as they are, and a browser that opens
//! one runs what it holds on the site's own origin. An SVG that could run a
//! script or load anything from outside itself is refused, with the file, the
//! line and what was found: `<script>`, an `on…` event-handler attribute, a
//! `javascript:` URL, `<foreignObject>` (HTML inside the image), a reference
//! to another file or site (`href`/`xlink:href`/`src` other than `#id` or a
//! `data:image/…` URL, `url(…)` other than `#id` or `data:image/…`,
//! `@import`), a DOCTYPE (where entities are declared) or a processing
//! instruction (`<?xml-stylesheet?>`). The file is read with a real XML
//! parser (quick-xml), as a browser reads it, not searched with patterns.
//!
//! Refusing rather than cleaning: a drawing exported for the site has none
//! of these, and a silently altered image may no longer show what its
//! author drew.

use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, Result};
use lentera_messages::Msg;

/// Whether `rel` (a content path) is an SVG image.
pub fn is_svg(rel: &str) -> bool {
    rel.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("svg"))
}

/// Check the SVG `text`, from `path` (for messages): `Ok` if it is safe to
/// publish as it is.
pub fn check(path: &Path, text: &[u8]) -> Result<()> {
    let mut reader = quick_xml::Reader::from_reader(text);
    // Inside <style> (its text is CSS) at this depth of nesting.
    let mut style_depth = 0usize;
    let mut depth = 0usize;
    let mut css = String::new();
    let unsafe_at = |pos: u64, found: String| {
        Error::content(path, line_at(text, pos), Msg::SvgUnsafe { found }).with_hint(Msg::CleanSvg)
    };
    loop {
        let start = reader.buffer_position();
        let event = reader.read_event().map_err(|e| {
            Error::content(
                path,
                line_at(text, reader.error_position()),
                Msg::SvgUnreadable,
            )
            .with_hint(Msg::CleanSvg)
            .with_detail(e.to_string())
        })?;
        match event {
            Event::Start(e) => {
                if let Some(found) = element_problem(&e)? {
                    return Err(unsafe_at(start, found));
                }
                depth += 1;
                if style_depth == 0 && e.local_name().as_ref().eq_ignore_ascii_case(b"style") {
                    style_depth = depth;
                }
            }
            Event::Empty(e) => {
                if let Some(found) = element_problem(&e)? {
                    return Err(unsafe_at(start, found));
                }
            }
            Event::End(_) => {
                if style_depth == depth {
                    if let Some(found) = css_problem(&css) {
                        return Err(unsafe_at(start, found));
                    }
                    css.clear();
                    style_depth = 0;
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) if style_depth > 0 => {
                css.push_str(&String::from_utf8_lossy(&t));
            }
            Event::CData(t) if style_depth > 0 => {
                css.push_str(&String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r {
                        b"lt" => Some('<'),
                        b"gt" => Some('>'),
                        b"amp" => Some('&'),
                        b"apos" => Some('\''),
                        b"quot" => Some('"'),
                        _ => None,
                    },
                };
                match c {
                    Some(c) if style_depth > 0 => css.push(c),
                    Some(_) => {}
                    None => {
                        let name = String::from_utf8_lossy(&r).into_owned();
                        return Err(unsafe_at(start, format!("&{name};")));
                    }
                }
            }
            Event::DocType(_) => return Err(unsafe_at(start, "<!DOCTYPE>".into())),
            Event::PI(pi) => {
                let target = String::from_utf8_lossy(pi.target()).into_owned();
                return Err(unsafe_at(start, format!("<?{target}?>")));
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// What makes the element `e` unsafe, if anything.
fn element_problem(e: &BytesStart) -> Result<Option<String>> {
    let name = e.local_name();
    let name = String::from_utf8_lossy(name.as_ref()).into_owned();
    if name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("foreignObject") {
        return Ok(Some(format!("<{name}>")));
    }
    for attr in e.attributes().with_checks(false) {
        let Ok(attr) = attr else {
            return Ok(Some(format!("<{name} …>")));
        };
        let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        let local = String::from_utf8_lossy(attr.key.local_name().as_ref()).to_ascii_lowercase();
        let Ok(value) = attr.unescape_value() else {
            return Ok(Some(format!("{key}=\"…\"")));
        };
        if local.starts_with("on") {
            return Ok(Some(format!("{key}=\"…\"")));
        }
        // What a browser reads as the scheme: without ASCII whitespace and
        // control characters, in any case.
        let squeezed: String = value
            .chars()
            .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
            .collect::<String>()
            .to_ascii_lowercase();
        if squeezed.contains("javascript:") || squeezed.contains("vbscript:") {
            return Ok(Some(format!("{key}=\"{}\"", shorten(&value))));
        }
        if matches!(local.as_str(), "href" | "src") && !local_reference(&squeezed) {
            return Ok(Some(format!("{key}=\"{}\"", shorten(&value))));
        }
        if let Some(found) = css_problem(&value) {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// Whether a reference (squeezed and lowercase) stays inside the image: a
/// fragment (`#id`) or an embedded image (`data:image/…`, not SVG, which
/// could hold its own script).
fn local_reference(reference: &str) -> bool {
    reference.starts_with('#')
        || (reference.starts_with("data:image/") && !reference.starts_with("data:image/svg"))
}

/// What in the CSS `css` (a `<style>` or a `style`/presentation attribute)
/// loads something from outside: `@import`, or `url(…)` other than `#id`
/// or an embedded image.
fn css_problem(css: &str) -> Option<String> {
    let lower = css.to_ascii_lowercase();
    // CSS escapes (`\75 rl(`) could hide a url(: refuse any backslash in
    // CSS that also holds a parenthesis.
    if lower.contains('\\') && lower.contains('(') {
        return Some(format!("\"{}\"", shorten(css)));
    }
    if lower.contains("@import") {
        return Some("@import".into());
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        let inner = rest[at + 4..]
            .trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '"' || c == '\'');
        let squeezed: String = inner
            .chars()
            .take_while(|c| *c != ')')
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        if !local_reference(&squeezed) {
            let end = rest[at..].find(')').map_or(rest.len(), |e| at + e + 1);
            return Some(shorten(&rest[at..end]));
        }
        rest = &rest[at + 4..];
    }
    None
}

/// At most 60 characters of `text`, for a message.
fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// The 1-based line of byte `pos` in `text`.
fn line_at(text: &[u8], pos: u64) -> usize {
    let pos = (pos as usize).min(text.len());
    text[..pos].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(svg: &str) -> Option<String> {
        match check(Path::new("a.svg"), svg.as_bytes()) {
            Ok(()) => None,
            Err(Error::Content {
                message: Msg::SvgUnsafe { found },
                ..
            }) => Some(found),
            Err(e) => Some(format!("error: {e}")),
        }
    }

    const NS: &str =
        r#"xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink""#;

    #[test]
    fn a_plain_drawing_passes() {
        let svg = format!(
            r##"<?xml version="1.0" encoding="UTF-8"?>
<!-- made by hand -->
<svg {NS} viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><style>.a{{fill:url(#g)}}</style></defs>
<rect class="a" width="10" height="10" fill="url(#g)" style="stroke:#000"/><use xlink:href="#g"/><image href="data:image/png;base64,AAAA"/><text>a &lt; b &amp; &#233;</text></svg>"##
        );
        assert_eq!(found(&svg), None);
    }

    #[test]
    fn what_would_run_or_load_is_found() {
        let cases = [
            (r#"<script>alert(1)</script>"#, "<script>"),
            (r#"<SCRIPT xlink:href="x.js"/>"#, "<SCRIPT>"),
            (
                r#"<html:script xmlns:html="http://www.w3.org/1999/xhtml">x</html:script>"#,
                "<script>",
            ),
            (r#"<rect onload="alert(1)"/>"#, "onload"),
            (r#"<rect ONCLICK="alert(1)"/>"#, "ONCLICK"),
            (
                r#"<a href="javascript:alert(1)"><rect/></a>"#,
                "javascript:alert(1)",
            ),
            (
                r#"<a xlink:href="java&#x09;script:alert(1)"><rect/></a>"#,
                "xlink:href",
            ),
            (
                r#"<set attributeName="href" to="javascript:alert(1)"/>"#,
                "to=",
            ),
            (
                r#"<foreignObject><div>x</div></foreignObject>"#,
                "<foreignObject>",
            ),
            (
                r#"<image href="https://evil.example/x.png"/>"#,
                "https://evil.example/x.png",
            ),
            (r#"<use xlink:href="other.svg#a"/>"#, "other.svg#a"),
            (
                r#"<image href="data:image/svg+xml,&lt;svg/&gt;"/>"#,
                "data:image/svg",
            ),
            (
                r#"<rect style="fill:url(https://evil.example/a)"/>"#,
                "url(https://evil.example/a)",
            ),
            (r#"<rect fill="url( 'http://evil.example/a' )"/>"#, "url("),
            (
                r#"<style>@import "https://evil.example/a.css";</style>"#,
                "@import",
            ),
            (
                r#"<style><![CDATA[rect{fill:url(//evil.example/a)}]]></style>"#,
                "url(//evil.example/a)",
            ),
            (
                r#"<style>rect{background:&#117;rl(http://e.example)}</style>"#,
                "url(http://e.example)",
            ),
            (
                r#"<style>rect{background:\75 rl(http://e.example)}</style>"#,
                "\\75",
            ),
        ];
        for (inner, want) in cases {
            let svg = format!("<svg {NS}>{inner}</svg>");
            let got = found(&svg).unwrap_or_else(|| panic!("{inner}: not found"));
            assert!(got.contains(want), "{inner}: found {got}, expected {want}");
        }
    }

    #[test]
    fn doctype_entities_and_processing_instructions_are_refused() {
        let svg = format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x \"y\">]>\n<svg {NS}>&x;</svg>"
        );
        assert_eq!(found(&svg).as_deref(), Some("<!DOCTYPE>"));
        let svg = format!("<?xml-stylesheet href=\"https://evil.example/a.css\"?>\n<svg {NS}/>");
        assert_eq!(found(&svg).as_deref(), Some("<?xml-stylesheet?>"));
        let svg = format!("<svg {NS}>&x;</svg>");
        assert_eq!(found(&svg).as_deref(), Some("&x;"));
    }

    #[test]
    fn the_line_is_the_elements() {
        let err = check(
            Path::new("a.svg"),
            format!("<svg {NS}>\n<rect/>\n<script>x()</script>\n</svg>").as_bytes(),
        )
        .unwrap_err();
        assert!(matches!(err, Error::Content { line: 3, .. }), "{err:?}");
    }

    #[test]
    fn broken_xml_is_refused_as_unreadable() {
        let err = check(Path::new("a.svg"), b"<svg><rect></svg>").unwrap_err();
        assert!(
            matches!(
                err,
                Error::Content {
                    message: Msg::SvgUnreadable,
                    ..
                }
            ),
            "{err:?}"
        );
    }
}
