//! Answers to GET and HEAD requests from the files of the last good build:
//! folders serve their `index.html` (and redirect when asked without the
//! slash), a missing file the site's 404 page (or a fallback when the first
//! build failed), and every HTML page gets the live-reload script and, while
//! the build is broken, the error for the overlay.

use lentera_http::{self as http, Response};

use crate::LIVE_JS_PATH;
use crate::state::Snapshot;

/// Add the live-reload script (and the error, if the last build failed)
/// before `</body>`, or at the end if there is none.
fn inject(html: &[u8], error: Option<&str>) -> Vec<u8> {
    let mut snippet = String::new();
    if let Some(json) = error {
        // `<` only occurs inside JSON strings, where `\u003c` means the same:
        // the text cannot close the script element.
        snippet.push_str(r#"<script type="application/json" id="lentera-error">"#);
        snippet.push_str(&json.replace('<', "\\u003c"));
        snippet.push_str("</script>");
    }
    snippet.push_str(&format!(r#"<script src="{LIVE_JS_PATH}"></script>"#));
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + snippet.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The page shown when there is no 404 page (the first build failed).
const FALLBACK_404: &str = "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>404</title></head><body><h1>404</h1><p>Halaman tidak ditemukan. / Page not found.</p></body></html>";

/// Answer a GET for `target` from the snapshot.
pub(crate) fn respond(snapshot: &Snapshot, target: &str) -> Response {
    let Ok(path) = http::site_path(target) else {
        return Response::text(400, "bad request: not a path of this site");
    };
    let key = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.clone()
    };
    if let Some(bytes) = snapshot.files.get(&key) {
        return file_response(snapshot, 200, &key, bytes);
    }
    if !key.ends_with("index.html") && snapshot.files.contains_key(&format!("{path}/index.html")) {
        return Response::redirect(&format!("/{path}/"));
    }
    match snapshot.files.get("404.html") {
        Some(bytes) => file_response(snapshot, 404, "404.html", bytes),
        None => file_response(snapshot, 404, "404.html", FALLBACK_404.as_bytes()),
    }
}

fn file_response(snapshot: &Snapshot, status: u16, key: &str, bytes: &[u8]) -> Response {
    let content_type = http::content_type(key);
    let body = if content_type.starts_with("text/html") {
        inject(bytes, snapshot.error.as_deref().map(String::as_str))
    } else {
        bytes.to_vec()
    };
    Response::new(status, &content_type, body)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn snapshot(files: &[(&str, &str)], error: Option<&str>) -> Snapshot {
        Snapshot {
            files: Arc::new(
                files
                    .iter()
                    .map(|(k, v)| (k.to_string(), Arc::new(v.as_bytes().to_vec())))
                    .collect(),
            ),
            version: 1,
            error: error.map(|e| Arc::new(e.to_string())),
        }
    }

    #[test]
    fn folders_serve_their_index_and_redirect_without_slash() {
        let s = snapshot(
            &[
                ("index.html", "<body>home</body>"),
                ("pelajaran/index.html", "<body>list</body>"),
                ("style.css", "b{}"),
                ("404.html", "<body>nope</body>"),
            ],
            None,
        );
        let home = respond(&s, "/");
        assert_eq!(home.status, 200);
        assert!(String::from_utf8_lossy(&home.body).starts_with("<body>home<script src="));
        assert_eq!(respond(&s, "/pelajaran/").status, 200);
        let moved = respond(&s, "/pelajaran?x=1");
        assert_eq!(moved.status, 301);
        assert!(
            moved
                .headers
                .contains(&("Location", "/pelajaran/".to_string()))
        );
        let css = respond(&s, "/style.css");
        assert_eq!(css.body, b"b{}");
        assert_eq!(css.headers[0].1, "text/css; charset=utf-8");
        let missing = respond(&s, "/nothing/here/");
        assert_eq!(missing.status, 404);
        assert!(String::from_utf8_lossy(&missing.body).contains("nope"));
        assert_eq!(respond(&s, "/../index.html").status, 400);
    }

    #[test]
    fn pages_carry_the_error_while_the_build_is_broken() {
        let s = snapshot(
            &[("index.html", "<html><body><p>old</p></body></html>")],
            Some(r#"{"errors":[{"message":"</script><b>x"}]}"#),
        );
        let body = String::from_utf8(respond(&s, "/").body).unwrap();
        assert!(body.contains("<p>old</p>"));
        assert!(body.contains(
            r#"id="lentera-error">{"errors":[{"message":"\u003c/script>\u003cb>x"}]}</script>"#
        ));
        assert!(body.ends_with("<script src=\"/__lentera/live.js\"></script></body></html>"));
        // Without any page at all, the fallback 404 still shows the error.
        let empty = snapshot(&[], Some("{}"));
        let r = respond(&empty, "/");
        assert_eq!(r.status, 404);
        assert!(String::from_utf8_lossy(&r.body).contains("lentera-error"));
    }
}
