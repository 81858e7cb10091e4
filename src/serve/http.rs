//! The little HTTP/1.1 that a local preview needs: read one GET or HEAD
//! request, turn its target into a path of the built site (or refuse it), and
//! write one response. Every connection is closed after its response, except
//! the live-reload event stream, which stays open.

use std::io::{self, Read, Write};

/// Longest request head we read; a browser's is well under 8 KiB.
const MAX_HEAD: usize = 16 * 1024;

/// The parts of a request that the preview uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The request target as sent: `/pelajaran/x/?q=1`.
    pub target: String,
    /// The `Host` header, if one was sent.
    pub host: Option<String>,
}

/// Whether `host` (a `Host` header) names this machine's loopback address:
/// `localhost`, `127.0.0.1` or `[::1]`, with or without a port. A page on
/// another site that re-points its own name at 127.0.0.1 (DNS rebinding)
/// sends its own name, and is refused.
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim().to_ascii_lowercase();
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or_default().to_string()
    } else {
        host.rsplit_once(':')
            .filter(|(_, port)| port.chars().all(|c| c.is_ascii_digit()))
            .map_or(host.as_str(), |(name, _)| name)
            .to_string()
    };
    let name = name.trim_end_matches('.');
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Why a request could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// Not HTTP, or too long: answer 400.
    Malformed,
    /// The client went away or was too slow: answer nothing.
    Io(io::Error),
}

/// Read one request head from `stream` (the body of a GET is ignored).
pub fn read_request(stream: &mut impl Read) -> Result<Request, ReadError> {
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && !head.windows(2).any(|w| w == b"\n\n") {
        if head.len() > MAX_HEAD {
            return Err(ReadError::Malformed);
        }
        let n = stream.read(&mut buf).map_err(ReadError::Io)?;
        if n == 0 {
            if head.is_empty() {
                return Err(ReadError::Io(io::ErrorKind::UnexpectedEof.into()));
            }
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let line_end = head
        .iter()
        .position(|&b| b == b'\n')
        .ok_or(ReadError::Malformed)?;
    let line = std::str::from_utf8(&head[..line_end]).map_err(|_| ReadError::Malformed)?;
    let mut parts = line.trim_end_matches('\r').split(' ');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(method), Some(target), Some(version), None)
            if !method.is_empty() && !target.is_empty() && version.starts_with("HTTP/1.") =>
        {
            let host = std::str::from_utf8(&head[line_end + 1..])
                .unwrap_or_default()
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.trim()
                        .eq_ignore_ascii_case("host")
                        .then(|| value.trim().to_string())
                });
            Ok(Request {
                method: method.to_string(),
                target: target.to_string(),
                host,
            })
        }
        _ => Err(ReadError::Malformed),
    }
}

/// Why a request target names no file of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadPath {
    /// Not an origin-form path (`http://…`, `*`), a bad `%` escape, bytes that
    /// are not UTF-8, a control character, a backslash or a `..` segment.
    Refused,
}

/// The path of a request target inside the site, decoded and normalised:
/// no leading slash, `/`-separated, no empty, `.` or `..` segments. A target
/// that ends in `/` keeps one trailing `/` (a folder). `Err` for anything
/// that tries to leave the site or is not a plain path.
///
/// `..` is refused rather than resolved, in every spelling (`..`, `%2e%2e`,
/// `..%2f`, `..%5c`), so a request can never name a path above the site, even
/// though the site is only a map of built files.
pub fn site_path(target: &str) -> Result<String, BadPath> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') {
        return Err(BadPath::Refused);
    }
    let decoded = percent_decode(path).ok_or(BadPath::Refused)?;
    let decoded = String::from_utf8(decoded).map_err(|_| BadPath::Refused)?;
    if decoded.chars().any(|c| c.is_control() || c == '\\') {
        return Err(BadPath::Refused);
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Err(BadPath::Refused),
            s => segments.push(s),
        }
    }
    let mut out = segments.join("/");
    if decoded.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Ok(out)
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Percent-encode a decoded site path for a `Location` header.
pub fn encode_location(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The `Content-Type` for a site path, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// One complete response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body: body.into(),
        }
    }

    pub fn text(status: u16, text: &str) -> Response {
        Response::new(status, "text/plain; charset=utf-8", format!("{text}\n"))
    }

    pub fn redirect(location: &str) -> Response {
        let mut r = Response::text(301, &format!("moved to {location}"));
        r.headers.push(("Location", encode_location(location)));
        r
    }

    /// Write the response; `head_only` leaves the body out (HEAD).
    pub fn write_to(&self, out: &mut impl Write, head_only: bool) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        out.write_all(head.as_bytes())?;
        if !head_only {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

/// The head of the never-ending live-reload response.
pub const EVENT_STREAM_HEAD: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_pass_the_host_check() {
        for ok in [
            "localhost",
            "localhost:1111",
            "127.0.0.1:8080",
            "[::1]:1111",
            "LOCALHOST",
            "a.localhost",
        ] {
            assert!(is_loopback_host(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:1111",
            "127.0.0.1.evil.example",
            "",
            "localhost.evil.example",
        ] {
            assert!(!is_loopback_host(bad), "{bad}");
        }
    }

    #[test]
    fn the_host_header_is_read() {
        let req =
            read_request(&mut &b"GET / HTTP/1.1\r\nhOsT: evil.example:1111\r\n\r\n"[..]).unwrap();
        assert_eq!(req.host.as_deref(), Some("evil.example:1111"));
    }

    #[test]
    fn plain_paths_are_normalised() {
        assert_eq!(site_path("/").unwrap(), "");
        assert_eq!(site_path("/pelajaran/").unwrap(), "pelajaran/");
        assert_eq!(site_path("/pelajaran").unwrap(), "pelajaran");
        assert_eq!(site_path("/a//b/./c/").unwrap(), "a/b/c/");
        assert_eq!(site_path("/style.css?v=2#x").unwrap(), "style.css");
        assert_eq!(site_path("/caf%C3%A9/").unwrap(), "café/");
        assert_eq!(site_path("/a%20b.pdf").unwrap(), "a b.pdf");
        // Extra slashes cannot make a path absolute: it stays inside the site.
        assert_eq!(site_path("//etc/passwd").unwrap(), "etc/passwd");
    }

    #[test]
    fn traversal_is_refused_in_every_spelling() {
        for target in [
            "/../Cargo.toml",
            "/..",
            "/a/../../b",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E/Cargo.toml",
            "/.%2e/Cargo.toml",
            "/..%2fCargo.toml",
            "/..%2FCargo.toml",
            "/desa/..%5c..%5cCargo.toml",
            "/desa\\..\\Cargo.toml",
            "/a%00.html",
            "/a%0a",
            "/%zz",
            "/%2",
            "/%ff%fe",
            "http://example.org/",
            "*",
            "Cargo.toml",
        ] {
            assert_eq!(site_path(target), Err(BadPath::Refused), "{target}");
        }
    }

    #[test]
    fn requests_are_read_from_the_head() {
        let mut raw: &[u8] = b"GET /pelajaran/?x HTTP/1.1\r\nHost: localhost\r\n\r\n";
        let req = read_request(&mut raw).unwrap();
        assert_eq!(req.method, "GET");
        assert_eq!(req.target, "/pelajaran/?x");
        for bad in [
            &b"GET\r\n\r\n"[..],
            b"GET / SPDY/3\r\n\r\n",
            b"GET  / HTTP/1.1\r\n\r\n",
        ] {
            let mut raw = bad;
            assert!(matches!(read_request(&mut raw), Err(ReadError::Malformed)));
        }
        let long = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_HEAD * 2));
        assert!(matches!(
            read_request(&mut long.as_bytes()),
            Err(ReadError::Malformed)
        ));
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("a/style.CSS"), "text/css; charset=utf-8");
        assert_eq!(content_type("search/id.json"), "application/json");
        assert_eq!(
            content_type("sitemap.xml"),
            "application/xml; charset=utf-8"
        );
        assert_eq!(content_type("robots.txt"), "text/plain; charset=utf-8");
        assert_eq!(content_type("p/alur.svg"), "image/svg+xml");
        assert_eq!(content_type("x.png"), "image/png");
        assert_eq!(content_type("x.jpeg"), "image/jpeg");
        assert_eq!(content_type("x.webp"), "image/webp");
        assert_eq!(content_type("desa/a/leaflet-id.pdf"), "application/pdf");
        assert_eq!(content_type("favicon.ico"), "image/x-icon");
        assert_eq!(content_type("live.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
        assert_eq!(content_type("a.b/c"), "application/octet-stream");
    }

    #[test]
    fn responses_have_length_and_close() {
        let mut out = Vec::new();
        Response::text(404, "not here")
            .write_to(&mut out, false)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 404 Not Found\r\n"));
        assert!(text.contains("Content-Length: 9\r\n"));
        assert!(text.contains("Connection: close\r\n"));
        assert!(text.ends_with("\r\n\r\nnot here\n"));
        let mut out = Vec::new();
        Response::redirect("/café/")
            .write_to(&mut out, true)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("Location: /caf%C3%A9/\r\n"));
        assert!(text.ends_with("\r\n\r\n"));
    }
}
