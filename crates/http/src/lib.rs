//! The little HTTP/1.1 that a local preview needs: read one GET or HEAD
//! request, turn its target into a path of the built site (or refuse it), and
//! write one response. Every connection is closed after its response, except
//! the live-reload event stream, which stays open.
//!
//! The request head is parsed by httparse (the parser under hyper), escapes
//! are decoded and written by percent-encoding, and the `Content-Type` comes
//! from mime_guess; what is ours is the policy: how much we read and for how
//! long, which hosts and paths we answer, and the responses.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};

/// Longest request head we read; a browser's is well under 8 KiB.
const MAX_HEAD: usize = 16 * 1024;
/// Most header fields in a request head; a browser sends about 20.
const MAX_HEADERS: usize = 64;

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
    /// Not HTTP/1.x, too long, too many header fields, two `Host` headers, or
    /// the client stopped in the middle of its head: answer 400.
    Malformed,
    /// The client went away or was too slow: answer nothing.
    Io(io::Error),
}

/// Read one request head from `stream` (the body of a GET is ignored).
pub fn read_request(stream: &mut impl Read) -> Result<Request, ReadError> {
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    loop {
        let n = stream.read(&mut buf).map_err(ReadError::Io)?;
        if n == 0 {
            return Err(if head.is_empty() {
                ReadError::Io(io::ErrorKind::UnexpectedEof.into())
            } else {
                ReadError::Malformed
            });
        }
        head.extend_from_slice(&buf[..n]);
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut request = httparse::Request::new(&mut headers);
        match request.parse(&head) {
            Ok(httparse::Status::Complete(len)) if len <= MAX_HEAD => {
                return parsed(&request);
            }
            Ok(httparse::Status::Partial) if head.len() <= MAX_HEAD => {}
            _ => return Err(ReadError::Malformed),
        }
    }
}

/// The parts we use of a complete head. Two `Host` headers are refused
/// (RFC 9112, 3.2): which one a proxy and we would each believe is a guess.
fn parsed(request: &httparse::Request<'_, '_>) -> Result<Request, ReadError> {
    let (Some(method), Some(target)) = (request.method, request.path) else {
        return Err(ReadError::Malformed);
    };
    let mut hosts = request
        .headers
        .iter()
        .filter(|h| h.name.eq_ignore_ascii_case("host"));
    let host = hosts.next();
    if hosts.next().is_some() {
        return Err(ReadError::Malformed);
    }
    Ok(Request {
        method: method.to_string(),
        target: target.to_string(),
        // A name that is not UTF-8 is no loopback name: as if none was sent.
        host: host
            .and_then(|h| std::str::from_utf8(h.value).ok())
            .map(|v| v.trim().to_string()),
    })
}

/// A connection read with one deadline for the whole request head, so a
/// client that sends a byte now and then cannot hold its thread for longer
/// (a per-read timeout alone would let it).
pub struct Deadline<'a> {
    stream: &'a TcpStream,
    until: Instant,
}

impl<'a> Deadline<'a> {
    pub fn new(stream: &'a TcpStream, within: Duration) -> Deadline<'a> {
        Deadline {
            stream,
            until: Instant::now() + within,
        }
    }
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        let mut stream = self.stream;
        stream.read(buf)
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
    if !path.starts_with('/') || !escapes_are_whole(path) {
        return Err(BadPath::Refused);
    }
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .map_err(|_| BadPath::Refused)?;
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

/// Whether every `%` starts an escape of two hex digits. percent-encoding
/// leaves a broken escape (`%zz`, `%2`) as it is; we refuse it, as before,
/// so a path has one spelling.
fn escapes_are_whole(path: &str) -> bool {
    let bytes = path.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    })
}

/// What `Location` leaves as it is: letters, digits and the characters a
/// path may hold unescaped (RFC 3986 `pchar` and `/`).
const LOCATION: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@');

/// Percent-encode a decoded site path for a `Location` header.
pub fn encode_location(path: &str) -> String {
    percent_encoding::utf8_percent_encode(path, LOCATION).to_string()
}

/// The `Content-Type` for a site path, by its extension (mime_guess), with
/// `charset=utf-8` on text types: every text file lentera writes is UTF-8.
pub fn content_type(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let mime = mime_guess::from_path(name)
        .first_raw()
        .unwrap_or("application/octet-stream");
    if mime.starts_with("text/") {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
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
        let req = read_request(&mut &b"GET / HTTP/1.1\r\nAccept: */*\r\n\r\n"[..]).unwrap();
        assert_eq!(req.host, None);
        // A name that is not UTF-8 counts as none (and fails the check).
        let req = read_request(&mut &b"GET / HTTP/1.1\r\nHost: local\xffhost\r\n\r\n"[..]).unwrap();
        assert_eq!(req.host, None);
    }

    #[test]
    fn two_host_headers_are_refused() {
        // Which one counts would be a guess; a rebinding page could hide its
        // own name behind `localhost`.
        for raw in [
            &b"GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n"[..],
            b"GET / HTTP/1.1\r\nHost: evil.example\r\nhost: localhost\r\n\r\n",
        ] {
            assert!(matches!(
                read_request(&mut &raw[..]),
                Err(ReadError::Malformed)
            ));
        }
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
            "/a%2f..%2f..%2fCargo.toml",
            "/%2e%2E/%2E%2e/Cargo.toml",
            "/.%2E/Cargo.toml",
            "/%2e./Cargo.toml",
            "/a/%2e%2e",
            "/a/%2e%2e?x=/b",
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

    fn malformed(raw: &[u8]) -> bool {
        matches!(read_request(&mut &raw[..]), Err(ReadError::Malformed))
    }

    #[test]
    fn requests_are_read_from_the_head() {
        let mut raw: &[u8] = b"GET /pelajaran/?x HTTP/1.1\r\nHost: localhost\r\n\r\n";
        let req = read_request(&mut raw).unwrap();
        assert_eq!(req.method, "GET");
        assert_eq!(req.target, "/pelajaran/?x");
        // HTTP/1.0, bare line feeds, and a body after the head are fine.
        let req = read_request(&mut &b"HEAD /a HTTP/1.0\nHost: localhost\n\nbody"[..]).unwrap();
        assert_eq!((req.method.as_str(), req.target.as_str()), ("HEAD", "/a"));
        for bad in [
            &b"GET\r\n\r\n"[..],
            b"HELLO\r\n\r\n",
            b"GET / SPDY/3\r\n\r\n",
            b"GET / HTTP/2.0\r\n\r\n",
            b"GET  / HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
            b"GET /\x00 HTTP/1.1\r\n\r\n",
            // The client stopped in the middle of its head.
            b"GET / HTTP/1.1\r\nHost: local",
        ] {
            assert!(malformed(bad), "{}", String::from_utf8_lossy(bad));
        }
        // Nothing at all: the client went away, nothing to answer.
        assert!(matches!(read_request(&mut &b""[..]), Err(ReadError::Io(_))));
    }

    #[test]
    fn heads_that_are_too_long_are_refused() {
        // A request line longer than the whole head may be, sent complete.
        let long = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_HEAD));
        assert!(malformed(long.as_bytes()));
        // One that never ends is not read past the limit.
        let endless = format!("GET /{}", "a".repeat(MAX_HEAD * 4));
        assert!(malformed(endless.as_bytes()));
        // A head just under the limit is read.
        let fits = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_HEAD - 100));
        assert!(read_request(&mut fits.as_bytes()).is_ok());
        // Too many header fields.
        let many = format!(
            "GET / HTTP/1.1\r\n{}\r\n",
            "X: y\r\n".repeat(MAX_HEADERS + 1)
        );
        assert!(malformed(many.as_bytes()));
        let enough = format!("GET / HTTP/1.1\r\n{}\r\n", "X: y\r\n".repeat(MAX_HEADERS));
        assert!(read_request(&mut enough.as_bytes()).is_ok());
    }

    #[test]
    fn a_slow_head_ends_at_the_deadline_not_at_each_read() {
        use std::net::TcpListener;
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        // One byte every 50 ms: each read is quick, the head never ends.
        let drip = std::thread::spawn(move || {
            for &b in b"GET / HTTP/1.1\r\nHost: localhost\r\nX: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" {
                if client.write_all(&[b]).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        });
        let start = Instant::now();
        let result = read_request(&mut Deadline::new(&server, Duration::from_millis(300)));
        let took = start.elapsed();
        assert!(
            matches!(&result, Err(ReadError::Io(e)) if matches!(e.kind(), io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock)),
            "{result:?}"
        );
        assert!(took < Duration::from_secs(2), "{took:?}");
        drop(server);
        drip.join().unwrap();
    }

    #[test]
    fn locations_are_percent_encoded_and_lead_back() {
        assert_eq!(encode_location("/café/"), "/caf%C3%A9/");
        assert_eq!(
            encode_location("/a b/100%/?#\\\"<"),
            "/a%20b/100%25/%3F%23%5C%22%3C"
        );
        assert_eq!(
            encode_location("/keep-._~!$&'()*+,;=:@/"),
            "/keep-._~!$&'()*+,;=:@/"
        );
        for path in ["café/", "a b.pdf", "100%/x", "a?b#c/"] {
            let location = encode_location(&format!("/{path}"));
            assert_eq!(site_path(&location).as_deref(), Ok(path), "{location}");
        }
    }

    #[test]
    fn content_types_by_extension() {
        // Every kind of file a lentera site serves, and text as UTF-8.
        for (path, kind) in [
            ("index.html", "text/html; charset=utf-8"),
            ("a/style.CSS", "text/css; charset=utf-8"),
            ("live.js", "text/javascript; charset=utf-8"),
            ("search/id.json", "application/json"),
            ("x.webp", "image/webp"),
            ("x.png", "image/png"),
            ("x.jpg", "image/jpeg"),
            ("x.jpeg", "image/jpeg"),
            ("p/alur.svg", "image/svg+xml"),
            ("desa/a/leaflet-id.pdf", "application/pdf"),
            ("lentera-offline.zip", "application/zip"),
            ("fonts/noto.woff2", "font/woff2"),
            // text/xml with a charset is the same as application/xml
            // (RFC 7303, 4); it is what mime_guess says.
            ("sitemap.xml", "text/xml; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("manifest.webmanifest", "application/manifest+json"),
            ("favicon.ico", "image/x-icon"),
            ("LICENSE", "application/octet-stream"),
            ("a.b/c", "application/octet-stream"),
            ("x.unknown-extension", "application/octet-stream"),
        ] {
            assert_eq!(content_type(path), kind, "{path}");
        }
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
