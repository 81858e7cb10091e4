//! `lentera serve` in-process on a free port, spoken to with a plain TCP
//! client: pages and content types, live reload after an edit, the error
//! overlay after a broken edit (with the old page still served), and
//! requests that try to leave the site.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use lentera_serve::{ServeOptions, Server};

use crate::common::{TestSite, options};

/// Long enough for a debug rebuild on a busy machine.
const EVENT_TIMEOUT: Duration = Duration::from_secs(60);

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Send a raw request target (no client-side normalisation) and read the reply.
fn request(addr: SocketAddr, method: &str, target: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap();
            (n.trim().to_string(), v.trim().to_string())
        })
        .collect();
    Reply {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

fn get(addr: SocketAddr, target: &str) -> Reply {
    request(addr, "GET", target)
}

/// A client of the live-reload event stream.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(addr: SocketAddr) -> Events {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        write!(
            stream,
            "GET /__lentera/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut events = Events {
            reader: BufReader::new(stream),
        };
        let head = events.block(Duration::from_secs(10));
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.contains("Content-Type: text/event-stream"), "{head}");
        events
    }

    /// The next blank-line-terminated block, waiting at most `timeout`.
    fn block(&mut self, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        let mut block = String::new();
        loop {
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) => panic!("event stream closed; got {block:?}"),
                Ok(_) => {
                    if line.trim_end_matches(['\r', '\n']).is_empty() {
                        if !block.is_empty() {
                            return block;
                        }
                    } else {
                        block.push_str(&line);
                    }
                }
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
                    // Keep a partly read line: read_line appended it already.
                    block.push_str(&line);
                    assert!(
                        Instant::now() < deadline,
                        "no event within {timeout:?}; got {block:?}"
                    );
                }
                Err(e) => panic!("{e}"),
            }
        }
    }

    /// The next event named `name` (others are skipped), as its data.
    fn wait_for(&mut self, name: &str) -> String {
        let deadline = Instant::now() + EVENT_TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let block = self.block(left);
            let mut event = "message";
            let mut data = String::new();
            for line in block.lines() {
                if let Some(e) = line.strip_prefix("event: ") {
                    event = e;
                } else if let Some(d) = line.strip_prefix("data: ") {
                    data.push_str(d);
                }
            }
            if event == name {
                return data;
            }
        }
    }
}

fn start(site: &TestSite) -> Server {
    Server::start(
        site.root(),
        ServeOptions {
            port: 0,
            build: options(false, false),
            ..Default::default()
        },
    )
    .expect("the server starts")
}

const PAGE: &str = "content/pelajaran/jalur-resmi.id.md";

fn lesson(marker: &str) -> String {
    format!(
        "---\ntitle: Jalur resmi\nsummary: Langkah resmi.\nkind: procedure\nweight: 10\n---\n## Langkah\n\n{marker}\n"
    )
}

#[test]
fn serves_pages_with_content_types_and_the_live_script() {
    let site = TestSite::fixture("basic");
    let server = start(&site);
    let addr = server.addr();
    assert!(addr.ip().is_loopback());
    assert!(server.url().starts_with("http://127.0.0.1:"));

    let home = get(addr, "/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        home.text()
            .contains("<script src=\"/__lentera/live.js\"></script></body>"),
        "{}",
        home.text()
    );
    let lesson = get(addr, "/pelajaran/jalur-resmi/");
    assert_eq!(lesson.status, 200);
    assert!(lesson.text().contains("Jalur resmi"));
    // A folder without its slash moves to it, so relative links work.
    let moved = get(addr, "/pelajaran/jalur-resmi");
    assert_eq!(moved.status, 301);
    assert_eq!(moved.header("Location"), Some("/pelajaran/jalur-resmi/"));

    for (path, kind) in [
        ("/sitemap.xml", "text/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/pelajaran/alur.svg", "image/svg+xml"),
        ("/__lentera/live.js", "text/javascript; charset=utf-8"),
    ] {
        let reply = get(addr, path);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("Content-Type"), Some(kind), "{path}");
        assert!(
            !reply.text().contains("__lentera/live.js\"></script>"),
            "{path}"
        );
    }
    // The staff status page is in the preview (a plain build leaves it out).
    let status = get(addr, "/status/");
    assert_eq!(status.status, 200);
    assert!(status.text().contains("noindex"), "{}", status.text());
    assert!(status.text().contains("pelajaran/jalur-resmi"));
    // HEAD: the head of a GET without its body.
    let head = request(addr, "HEAD", "/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(request(addr, "POST", "/").status, 405);

    let missing = get(addr, "/tidak/ada/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(
        missing
            .text()
            .replace("<script src=\"/__lentera/live.js\"></script>", ""),
        site.build()
            .unwrap()
            .file("404.html")
            .unwrap()
            .text()
            .unwrap(),
        "the site's own 404 page"
    );
    server.stop();
    assert!(
        TcpStream::connect(addr).is_err(),
        "stopped servers stop listening"
    );
}

#[test]
fn edits_reload_and_broken_edits_show_the_error_over_the_last_good_page() {
    let site = TestSite::fixture("basic");
    let server = start(&site);
    let addr = server.addr();
    let mut events = Events::open(addr);
    let first = events.wait_for("hello");

    // A good edit: a reload event, then the new text.
    site.write(PAGE, &lesson("Penanda satu."));
    let id = events.wait_for("reload");
    assert_ne!(id, first, "the build id changes with each good build");
    let page = get(addr, "/pelajaran/jalur-resmi/");
    assert!(page.text().contains("Penanda satu."), "{}", page.text());
    assert!(!page.text().contains("lentera-error"));

    // A broken edit: an error event with file, line and hint; the page
    // still shows the last good text, plus the error for the overlay.
    site.write(
        PAGE,
        "---\ntitle: Jalur resmi\nsumary: typo\n---\nPenanda rusak.\n",
    );
    let data = events.wait_for("error");
    let report: serde_json::Value = serde_json::from_str(&data).unwrap();
    let error = &report["errors"][0];
    assert_eq!(error["file"], PAGE, "{data}");
    assert_eq!(error["line"], 3, "{data}");
    assert_eq!(error["code"], "yaml-unknown-key", "{data}");
    // The whole text as the terminal shows it: message, source line, caret, hint.
    let shown = error["text"].as_str().unwrap();
    assert!(shown.contains("unknown key `sumary`"), "{data}");
    assert!(shown.contains("3 | sumary: typo"), "{data}");
    assert!(shown.contains("= hint: did you mean `summary`?"), "{data}");
    let page = get(addr, "/pelajaran/jalur-resmi/");
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Penanda satu."), "{text}");
    assert!(!text.contains("Penanda rusak."), "{text}");
    assert!(
        text.contains(r#"<script type="application/json" id="lentera-error">{"title":"#)
            && text.contains(r#""file":"content/pelajaran/jalur-resmi.id.md","line":3"#),
        "{text}"
    );
    // A page opened now learns of the error from its stream too.
    let mut late = Events::open(addr);
    assert_eq!(late.wait_for("hello"), id, "no good build since");
    assert_eq!(late.wait_for("error"), data);

    // The next good save clears it.
    site.write(PAGE, &lesson("Penanda dua."));
    events.wait_for("reload");
    late.wait_for("reload");
    let page = get(addr, "/pelajaran/jalur-resmi/").text();
    assert!(page.contains("Penanda dua."), "{page}");
    assert!(!page.contains("lentera-error"), "{page}");
    server.stop();
}

#[test]
fn requests_cannot_leave_the_site() {
    let site = TestSite::fixture("basic");
    site.write("Cargo.toml", "[package]\nname = \"rahasia\"\n");
    // A symlink in content/ that points out of the site is not published.
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        site.root().join("Cargo.toml"),
        site.root().join("content/pelajaran/tautan.txt"),
    )
    .unwrap();
    let server = start(&site);
    let addr = server.addr();
    for target in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E/%2E%2E/Cargo.toml",
        "/..%2fCargo.toml",
        "/pelajaran/../../Cargo.toml",
        "//etc/passwd",
        "/%2fetc/passwd",
        "/desa/..%5c..%5cCargo.toml",
        "/content/site.yaml",
        "/content/pelajaran/jalur-resmi.id.md",
        "/themes/default/templates/base.html",
        "/Cargo.toml",
        "/pelajaran/tautan.txt",
        "/index.html%00.txt",
        "http://example.org/Cargo.toml",
    ] {
        let reply = get(addr, target);
        assert!(
            reply.status == 400 || reply.status == 404,
            "{target}: {}",
            reply.status
        );
        let text = reply.text();
        assert!(!text.contains("rahasia"), "{target}");
        assert!(!text.contains("root:"), "{target}");
        assert!(!text.contains("base_url"), "{target}");
    }
    assert_eq!(get(addr, "/../Cargo.toml").status, 400);
    assert_eq!(get(addr, "/%2e%2e/Cargo.toml").status, 400);
    // Garbage instead of HTTP.
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(b"HELLO\r\n\r\n").unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    assert!(raw.starts_with("HTTP/1.1 400"), "{raw}");
}

#[test]
fn a_site_that_does_not_build_is_still_served_with_its_error() {
    let site = TestSite::fixture("basic");
    site.write(PAGE, "---\ntitle: [unclosed\n---\nx\n");
    let server = start(&site);
    let addr = server.addr();
    let page = get(addr, "/");
    assert_eq!(page.status, 404);
    assert!(page.text().contains("lentera-error"), "{}", page.text());
    assert!(page.text().contains("jalur-resmi.id.md"), "{}", page.text());
    let mut events = Events::open(addr);
    events.wait_for("error");
    site.write(PAGE, &lesson("Sudah benar."));
    events.wait_for("reload");
    assert_eq!(get(addr, "/").status, 200);
    assert!(
        get(addr, "/pelajaran/jalur-resmi/")
            .text()
            .contains("Sudah benar.")
    );
}

#[test]
fn a_rebuild_from_the_cache_equals_a_fresh_build() {
    let site = TestSite::fixture("basic");
    let opts = options(false, false);
    let mut cache = lentera_core::BuildCache::new();
    lentera_core::build_with(site.root(), &opts, &mut cache).unwrap();
    site.write(PAGE, &lesson("Baru."));
    let cached = lentera_core::build_with(site.root(), &opts, &mut cache).unwrap();
    let fresh = lentera_core::build(site.root(), &opts).unwrap();
    assert_eq!(cached.files, fresh.files);
    // A template change: serve forgets the compiled templates first.
    site.write(
        "templates/404.html",
        "<!doctype html><html><body>hilang</body></html>",
    );
    cache.forget_theme();
    let cached = lentera_core::build_with(site.root(), &opts, &mut cache).unwrap();
    assert_eq!(
        cached.files,
        lentera_core::build(site.root(), &opts).unwrap().files
    );
    assert!(
        cached
            .file("404.html")
            .unwrap()
            .text()
            .unwrap()
            .contains("hilang")
    );
}

/// The real command: prints the URL to open, serves, and exits 0 on Ctrl-C.
#[cfg(unix)]
#[test]
fn the_command_prints_its_url_and_stops_cleanly_on_ctrl_c() {
    use std::process::{Command, Stdio};
    let site = TestSite::fixture("basic");
    let mut child = Command::new(env!("CARGO_BIN_EXE_lentera"))
        .args(["-r"])
        .arg(site.root())
        .args(["serve", "--port", "0"])
        .env("LENTERA_LANG", "en")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut url = None;
    let mut line = String::new();
    while stderr.read_line(&mut line).unwrap() > 0 {
        if let Some(rest) = line.strip_prefix("Serving on ") {
            assert!(rest.ends_with(" (Ctrl-C to stop)\n"), "{line}");
            url = rest.split(' ').next().map(str::to_string);
            break;
        }
        line.clear();
    }
    // Keep reading what it prints, so a full pipe can never block it.
    let printed = std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = stderr.read_to_string(&mut rest);
        rest
    });
    // Whatever happens below, the child must not outlive the test.
    struct KillOnDrop(std::process::Child);
    impl Drop for KillOnDrop {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut child = KillOnDrop(child);
    let url = url.expect("a `Serving on` line");
    let addr: SocketAddr = url
        .strip_prefix("http://")
        .and_then(|u| u.strip_suffix('/'))
        .unwrap()
        .parse()
        .unwrap();
    assert!(addr.ip().is_loopback(), "{url}");
    assert_eq!(get(addr, "/").status, 200);
    let _events = Events::open(addr);
    let status = Command::new("kill")
        .args(["-INT", &child.0.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(60);
    let exit = loop {
        if let Some(exit) = child.0.try_wait().unwrap() {
            break exit;
        }
        assert!(Instant::now() < deadline, "still running 60 s after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    let printed = printed.join().unwrap();
    assert!(exit.success(), "{exit:?}: {printed}");
    assert!(printed.contains("stopping"), "{printed}");
}

/// Send `head` as it is and read the status code of the reply.
fn raw_status(addr: SocketAddr, head: &str) -> u16 {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    String::from_utf8_lossy(&raw)
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// See: #11 (serve, DNS rebinding). A page on another site whose name was
/// re-pointed at 127.0.0.1 sends its own name in `Host`: refused.
#[test]
fn loopback_preview_answers_only_to_localhost_names() {
    let site = TestSite::fixture("basic");
    let server = start(&site);
    let addr = server.addr();
    let port = addr.port();
    for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}")] {
        let head = format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        assert_eq!(raw_status(addr, &head), 200, "{host}");
    }
    for head in [
        format!("GET / HTTP/1.1\r\nHost: evil.example:{port}\r\nConnection: close\r\n\r\n"),
        "GET /__lentera/events HTTP/1.1\r\nHost: evil.example\r\n\r\n".to_string(),
        "GET / HTTP/1.1\r\nConnection: close\r\n\r\n".to_string(),
    ] {
        assert_eq!(raw_status(addr, &head), 403, "{head}");
    }
    server.stop();
}
