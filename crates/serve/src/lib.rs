//! `lentera serve`: build the site in memory, serve it on a local address,
//! rebuild when `content/`, `themes/` or `templates/` change, and tell open
//! pages to reload (server-sent events from `/__lentera/events`).
//!
//! Nothing is written to disk: the server answers only with files of the last
//! good build, held in a map from site path to bytes and swapped whole after
//! each good rebuild. A failed rebuild keeps that map and adds the error,
//! which pages show in an overlay until the next good build.
//!
//! Threads are plain std threads: one accepts connections, one per connection
//! answers it (event streams stay open), and one waits for file changes and
//! rebuilds.

// `Error` is a few hundred bytes on the cold path (see lentera-core).
#![allow(clippy::result_large_err)]

pub mod live;
pub use lentera_http as http;
pub mod watch;

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, RwLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde::Serialize;

use http::{ReadError, Response};
use lentera_core::error::{Error, Result};
use lentera_core::output::{Contents, OutputFile};
use lentera_core::{Build, BuildOptions};
use lentera_messages::{Lang, Msg, Say};
use watch::Change;

/// The live-reload script, served at [`LIVE_JS_PATH`].
pub const LIVE_JS: &str = include_str!("live.js");
/// Where pages find the live-reload script.
pub const LIVE_JS_PATH: &str = "/__lentera/live.js";
/// The server-sent event stream: `hello`, `reload` and `error` events.
pub const EVENTS_PATH: &str = "/__lentera/events";

/// How long a save burst may stay quiet before it counts as one change.
/// Short: an editor's save (truncate, write, close; or write a new file
/// and rename it) comes as events within a millisecond or two, and the
/// rebuild should start at once. Events that arrive during a rebuild make
/// the next one, so a longer burst still ends in one consistent state.
pub const DEBOUNCE: Duration = Duration::from_millis(10);
/// The most connections answered at once; more get `503` at once. Event
/// streams count too, and are limited to [`MAX_EVENT_STREAMS`] of them.
const MAX_CONNECTIONS: usize = 2048;
/// The most open event streams (browser tabs) at once.
const MAX_EVENT_STREAMS: usize = 1024;

/// How long a client has to send its whole request head; a half-sent
/// request is closed after this, without an answer.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// Keep-alive comment interval on event streams (also how soon a closed
/// browser tab is noticed).
const PING: Duration = Duration::from_secs(15);

/// What `lentera serve` was asked to do.
#[derive(Debug, Clone, PartialEq)]
pub struct ServeOptions {
    pub host: IpAddr,
    /// 0 picks a free port (tests).
    pub port: u16,
    pub build: BuildOptions,
    /// Quiet time that ends a burst of file events.
    pub debounce: Duration,
    /// The language of the error overlay.
    pub lang: Lang,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 1111,
            build: BuildOptions::default(),
            debounce: DEBOUNCE,
            lang: Lang::En,
        }
    }
}

/// What happened in a (re)build, for the terminal.
#[derive(Debug)]
pub enum Report<'a> {
    Built {
        /// The build, without its files (they are being served).
        build: &'a Build,
        files: usize,
        /// What changed (empty for the first build).
        changes: &'a BTreeSet<Change>,
        elapsed: Duration,
        /// Only the pages that the saved pages change were rendered (see
        /// [`crate::live`]); open pages reloaded before the rest was made.
        incremental: bool,
    },
    Failed {
        error: &'a Error,
        elapsed: Duration,
    },
}

/// Called after every build, from the watching thread.
pub type Reporter = Box<dyn Fn(Report<'_>) + Send + Sync>;

/// A running preview server. Dropping it stops it too.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    threads: Vec<JoinHandle<()>>,
}

impl Server {
    /// Build the site at `root` and serve it, rebuilding on changes. The first
    /// build happens before this returns; if it fails, the server still starts
    /// and shows the error until a good save.
    pub fn start(root: &Path, opts: ServeOptions) -> Result<Server> {
        Server::start_with(root, opts, Box::new(|_| {}))
    }

    /// [`Server::start`], calling `reporter` after each build.
    pub fn start_with(root: &Path, mut opts: ServeOptions, reporter: Reporter) -> Result<Server> {
        // The staff page is for the preview, never for the public build.
        opts.build.render.status_page = true;
        let root = root.canonicalize().map_err(|source| Error::Read {
            path: root.to_path_buf(),
            source,
        })?;
        let wanted = SocketAddr::new(opts.host, opts.port);
        let listener = TcpListener::bind(wanted).map_err(|source| Error::Serve {
            addr: wanted.to_string(),
            source,
        })?;
        let addr = listener.local_addr().map_err(|source| Error::Serve {
            addr: wanted.to_string(),
            source,
        })?;
        let (events_tx, events_rx) = mpsc::channel();
        let (finish_tx, finish_rx) = mpsc::channel();
        let watcher = watch::Watcher::new(&root, events_tx)?;
        let shared = Arc::new(Shared {
            builder: Mutex::new(crate::live::Live::new(&root, &opts.build)),
            finisher: Mutex::new(finish_tx),
            root,
            lang: opts.lang,
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            clients: Mutex::new(Vec::new()),
            stopping: AtomicBool::new(false),
            loopback_only: opts.host.is_loopback(),
            connections: Default::default(),
            streams: Default::default(),
            instance: format!(
                "{:x}",
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_micros())
                    .unwrap_or_default()
            ),
            reporter,
        });
        shared.rebuild(&[], &BTreeSet::new());

        let accept = {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("lentera-accept".into())
                .spawn(move || accept_loop(&listener, &shared))
                .expect("spawning a thread at start-up")
        };
        let rebuild = {
            let shared = shared.clone();
            let debounce = opts.debounce;
            std::thread::Builder::new()
                .name("lentera-watch".into())
                .spawn(move || watch_loop(&shared, watcher, &events_rx, debounce))
                .expect("spawning a thread at start-up")
        };
        // Not joined on stop: a second half running (seconds on a large
        // site) must not hold up Ctrl-C. It ends on its own once stopped.
        {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("lentera-finish".into())
                .spawn(move || finish_loop(&shared, &finish_rx))
                .expect("spawning a thread at start-up");
        }
        Ok(Server {
            addr,
            shared,
            threads: vec![accept, rebuild],
        })
    }

    /// The address the server listens on (with the real port if 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The files served now, by site path (as built, without the
    /// live-reload script), for tests.
    #[doc(hidden)]
    pub fn files(&self) -> std::collections::BTreeMap<String, Vec<u8>> {
        self.shared
            .snapshot()
            .files
            .iter()
            .map(|(path, bytes)| (path.clone(), bytes.to_vec()))
            .collect()
    }

    /// The URL to open in a browser on this computer.
    pub fn url(&self) -> String {
        open_urls(self.addr, &[]).0
    }

    /// Stop watching and serving, and wait for the threads to end.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if self.shared.stopping.swap(true, Ordering::SeqCst) {
            return;
        }
        // Closing every event stream's channel ends its thread.
        self.shared
            .clients
            .lock()
            .expect("no panics while locked")
            .clear();
        // Wake the accepting thread, blocked in accept().
        let wake = match self.addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => {
                SocketAddr::new(Ipv4Addr::LOCALHOST.into(), self.addr.port())
            }
            IpAddr::V6(ip) if ip.is_unspecified() => {
                SocketAddr::new(Ipv6Addr::LOCALHOST.into(), self.addr.port())
            }
            _ => self.addr,
        };
        let _ = TcpStream::connect_timeout(&wake, Duration::from_secs(1));
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Built files by site path (`pelajaran/x/index.html`).
type Files = HashMap<String, Arc<Vec<u8>>>;

/// What the server answers with: the last good build, and the error of the
/// last build if it failed.
#[derive(Debug, Default)]
struct Snapshot {
    files: Arc<Files>,
    /// Counts good builds; pages compare it to know whether they are stale.
    version: u64,
    /// The last build's errors as JSON (see [`ErrorReport`]), if it failed.
    error: Option<Arc<String>>,
}

/// A message for open pages.
#[derive(Debug, Clone)]
enum Live {
    Reload(String),
    Error(Arc<String>),
}

/// A second half of a rebuild to run: when the rebuild started, and what
/// changed.
type Finish = (Instant, BTreeSet<Change>);

struct Shared {
    root: PathBuf,
    lang: Lang,
    builder: Mutex<crate::live::Live>,
    /// Second halves of rebuilds, for [`finish_loop`].
    finisher: Mutex<mpsc::Sender<Finish>>,
    snapshot: RwLock<Arc<Snapshot>>,
    /// One sender per open event stream.
    clients: Mutex<Vec<mpsc::Sender<Live>>>,
    stopping: AtomicBool,
    /// Bound to a loopback address: requests must name it in `Host`.
    loopback_only: bool,
    /// Connections being answered, and event streams open.
    connections: std::sync::atomic::AtomicUsize,
    streams: std::sync::atomic::AtomicUsize,
    /// Tells a page that reconnects to a restarted server to reload.
    instance: String,
    reporter: Reporter,
}

impl Shared {
    fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .expect("no panics while locked")
            .clone()
    }

    fn build_id(&self, version: u64) -> String {
        format!("{}-{version}", self.instance)
    }

    /// Rebuild after `paths` changed (`changes`, as classified), swap in
    /// the result or keep the last good files, then tell the terminal and
    /// every open page. A save of pages only is rebuilt in two halves (see
    /// [`crate::live`]): the pages it changes are swapped in and open pages
    /// reload at once; the rest of the site follows from the finishing
    /// thread ([`finish_loop`]), so that the next save need not wait for it.
    fn rebuild(&self, paths: &[PathBuf], changes: &BTreeSet<Change>) {
        let start = Instant::now();
        let old = self.snapshot();
        let mut live = self.builder.lock().unwrap_or_else(|e| e.into_inner());
        if changes
            .iter()
            .any(|c| matches!(c, Change::Config | Change::Strings | Change::Templates))
        {
            live.forget_theme();
        }
        let pages_only =
            !changes.is_empty() && changes.iter().all(|c| *c == Change::Content) && live.is_ready();
        if pages_only {
            match caught(|| live.update(paths)) {
                Ok(Some(files)) => {
                    let mut served = (*old.files).clone();
                    for f in files {
                        if let Contents::Bytes(bytes) = f.contents {
                            served.insert(f.path, Arc::new(bytes));
                        }
                    }
                    let version = old.version + 1;
                    *self.snapshot.write().expect("no panics while locked") = Arc::new(Snapshot {
                        files: Arc::new(served),
                        version,
                        error: None,
                    });
                    self.broadcast(Live::Reload(self.build_id(version)));
                    let _ = self
                        .finisher
                        .lock()
                        .expect("no panics while locked")
                        .send((start, changes.clone()));
                    return;
                }
                Ok(None) => {}
                Err(error) => {
                    self.failed(&old, &error, start.elapsed());
                    return;
                }
            }
        }
        let result = caught(|| live.full()).and_then(|(build, files)| {
            let files = load_files(files, None)?;
            Ok((build, files))
        });
        let elapsed = start.elapsed();
        match result {
            Ok((build, files)) => {
                let count = files.len();
                self.publish(&old, files, true);
                (self.reporter)(Report::Built {
                    build: &build,
                    files: count,
                    changes,
                    elapsed,
                    incremental: false,
                });
            }
            Err(error) => self.failed(&old, &error, elapsed),
        }
    }

    /// Serve `files`, the next version after `old`; tell open pages to
    /// reload if `reload`.
    fn publish(&self, old: &Snapshot, files: Files, reload: bool) {
        let version = if reload { old.version + 1 } else { old.version };
        *self.snapshot.write().expect("no panics while locked") = Arc::new(Snapshot {
            files: Arc::new(files),
            version,
            error: None,
        });
        if reload {
            self.broadcast(Live::Reload(self.build_id(version)));
        }
    }

    /// Run the second half of the last rebuild (see [`Shared::rebuild`])
    /// and serve its files, unless a later save overtook it. The model is
    /// locked only to copy it and to take the result, not while the second
    /// half runs.
    fn finish(&self, start: Instant, changes: &BTreeSet<Change>) {
        let lock = || self.builder.lock().unwrap_or_else(|e| e.into_inner());
        let Some(half) = lock().second_half() else {
            return;
        };
        let generation = half.generation();
        let result = caught(|| half.run());
        let (build, files) = {
            let mut live = lock();
            if !live.is_current(generation) {
                return;
            }
            match result.map(|finished| live.accept(finished)) {
                Ok(Some(done)) => done,
                Ok(None) => return,
                Err(error) => {
                    live.reset();
                    self.failed(&self.snapshot(), &error, start.elapsed());
                    return;
                }
            }
        };
        let loaded = load_files(files, Some(&self.snapshot().files));
        let live = lock();
        if !live.is_current(generation) || self.stopping.load(Ordering::SeqCst) {
            return;
        }
        // Under the lock no rebuild can publish: this is still the snapshot
        // of the first half.
        let old = self.snapshot();
        match loaded {
            Ok(files) => {
                // Open pages reload again only if a page changed here (the
                // home page shows the size of the one-file edition; the
                // topic and status pages list every page).
                let reload = pages_differ(&old.files, &files);
                let count = files.len();
                self.publish(&old, files, reload);
                drop(live);
                (self.reporter)(Report::Built {
                    build: &build,
                    files: count,
                    changes,
                    elapsed: start.elapsed(),
                    incremental: true,
                });
            }
            Err(error) => {
                let mut live = live;
                live.reset();
                self.failed(&old, &error, start.elapsed());
            }
        }
    }

    /// Keep serving the files of `old` (the last good build), with `error`.
    fn failed(&self, old: &Snapshot, error: &Error, elapsed: Duration) {
        let json = Arc::new(error_json(error, &self.root, self.lang));
        *self.snapshot.write().expect("no panics while locked") = Arc::new(Snapshot {
            files: old.files.clone(),
            version: old.version,
            error: Some(json.clone()),
        });
        self.broadcast(Live::Error(json));
        (self.reporter)(Report::Failed { error, elapsed });
    }

    fn broadcast(&self, event: Live) {
        self.clients
            .lock()
            .expect("no panics while locked")
            .retain(|client| client.send(event.clone()).is_ok());
    }
}

/// Run `build`; a panic inside it (a bug, ours or a dependency's) must not
/// end the watching thread: it becomes this build's error, and the next
/// save builds again.
fn caught<T>(build: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(build)).unwrap_or_else(|panic| {
        Err(Error::content("content", 0, Msg::RebuildPanic)
            .with_hint(Msg::SaveAgain)
            .with_detail(lentera_core::error::panic_message(&*panic)))
    })
}

/// Whether a page (`…index.html`, or the 404 page) differs between two
/// sets of files. Other files (search index, one-file editions, sitemap)
/// are read when a page asks for them, not shown by an open page.
fn pages_differ(a: &Files, b: &Files) -> bool {
    a.len() != b.len()
        || b.iter().any(|(path, bytes)| {
            (path.ends_with("index.html") || path == "404.html")
                && a.get(path).is_none_or(|old| old != bytes)
        })
}

/// The built files in memory, reading those that a build copies (or taking
/// them from `unchanged`, the files of a build whose copied files did not
/// change since).
fn load_files(files: Vec<OutputFile>, unchanged: Option<&Files>) -> Result<Files> {
    files
        .into_iter()
        .map(|f| {
            let bytes = match f.contents {
                Contents::Bytes(b) => Arc::new(b),
                Contents::Copy(path) => match unchanged.and_then(|u| u.get(&f.path)) {
                    Some(bytes) => bytes.clone(),
                    None => Arc::new(
                        std::fs::read(&path).map_err(|source| Error::Read { path, source })?,
                    ),
                },
                Contents::Staged { path, .. } => {
                    Arc::new(std::fs::read(&path).map_err(|source| Error::Read { path, source })?)
                }
            };
            Ok((f.path, bytes))
        })
        .collect()
}

/// One error as the overlay shows it: where, and the whole text as the
/// terminal shows it (with the source line and caret), in the staff's language.
#[derive(Debug, Serialize)]
struct ErrorView {
    code: &'static str,
    file: String,
    line: usize,
    column: usize,
    text: String,
}

#[derive(Debug, Serialize)]
struct ErrorReport {
    title: String,
    close: String,
    errors: Vec<ErrorView>,
}

/// The errors of a failed build as JSON, for the overlay.
fn error_json(err: &Error, root: &Path, lang: Lang) -> String {
    let style = lentera_core::report::Style::plain(lang);
    let report = ErrorReport {
        title: Say::OverlayTitle.text(lang),
        close: Say::OverlayClose.text(lang),
        errors: lentera_core::diagnostic::capped(&err.diagnostics())
            .iter()
            .map(|d| ErrorView {
                code: d.message.code(),
                file: d.file.display().to_string(),
                line: d.line,
                column: d.column,
                text: lentera_core::report::render(d, root, style),
            })
            .collect(),
    };
    serde_json::to_string(&report).expect("plain structs serialise")
}

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
fn respond(snapshot: &Snapshot, target: &str) -> Response {
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

fn accept_loop(listener: &TcpListener, shared: &Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stopping.load(Ordering::SeqCst) {
            break;
        }
        match stream {
            Ok(mut stream) => {
                if shared.connections.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
                    let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
                    let _ = Response::text(503, "busy: too many connections")
                        .write_to(&mut stream, false);
                    continue;
                }
                shared.connections.fetch_add(1, Ordering::SeqCst);
                let worker = shared.clone();
                let spawned = std::thread::Builder::new()
                    .name("lentera-conn".into())
                    .stack_size(256 * 1024)
                    .spawn(move || {
                        handle(stream, &worker);
                        worker.connections.fetch_sub(1, Ordering::SeqCst);
                    });
                if spawned.is_err() {
                    shared.connections.fetch_sub(1, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
            // Out of file descriptors and the like: wait a little.
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

fn handle(mut stream: TcpStream, shared: &Shared) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    let request = match http::read_request(&mut http::Deadline::new(&stream, HEAD_TIMEOUT)) {
        Ok(r) => r,
        Err(ReadError::Malformed) => {
            let _ = Response::text(400, "bad request").write_to(&mut stream, false);
            return;
        }
        Err(ReadError::Io(_)) => return,
    };
    if shared.loopback_only && !request.host.as_deref().is_some_and(http::is_loopback_host) {
        let _ = Response::text(
            403,
            "this preview answers only to localhost (see lentera serve --host)",
        )
        .write_to(&mut stream, false);
        return;
    }
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        let mut r = Response::text(405, "only GET and HEAD");
        r.headers.push(("Allow", "GET, HEAD".to_string()));
        let _ = r.write_to(&mut stream, false);
        return;
    }
    let path = request.target.split(['?', '#']).next().unwrap_or_default();
    let response = match path {
        EVENTS_PATH if !head_only => {
            if shared.streams.fetch_add(1, Ordering::SeqCst) >= MAX_EVENT_STREAMS {
                shared.streams.fetch_sub(1, Ordering::SeqCst);
                let _ =
                    Response::text(503, "busy: too many open pages").write_to(&mut stream, false);
                return;
            }
            event_stream(stream, shared);
            shared.streams.fetch_sub(1, Ordering::SeqCst);
            return;
        }
        LIVE_JS_PATH => Response::new(200, &http::content_type("live.js"), LIVE_JS),
        _ => respond(&shared.snapshot(), &request.target),
    };
    let _ = response.write_to(&mut stream, head_only);
}

/// Keep an event stream open: `hello` with the current build id first (and
/// the current error, if any), then `reload` or `error` after each build.
fn event_stream(mut stream: TcpStream, shared: &Shared) {
    let (tx, rx) = mpsc::channel();
    // Subscribe before reading the state, so no build can fall between.
    shared
        .clients
        .lock()
        .expect("no panics while locked")
        .push(tx);
    let snapshot = shared.snapshot();
    let mut first = format!(
        "{}retry: 1000\n\nevent: hello\ndata: {}\n\n",
        http::EVENT_STREAM_HEAD,
        shared.build_id(snapshot.version)
    );
    if let Some(json) = &snapshot.error {
        first.push_str(&format!("event: error\ndata: {json}\n\n"));
    }
    let _ = stream.set_write_timeout(Some(PING));
    if stream.write_all(first.as_bytes()).is_err() {
        return;
    }
    loop {
        let message = match rx.recv_timeout(PING) {
            Ok(Live::Reload(id)) => format!("event: reload\ndata: {id}\n\n"),
            Ok(Live::Error(json)) => format!("event: error\ndata: {json}\n\n"),
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if stream.write_all(message.as_bytes()).is_err() {
            return;
        }
    }
}

/// Run the second halves of rebuilds, the latest only when several wait
/// (the older ones are stale).
fn finish_loop(shared: &Shared, jobs: &mpsc::Receiver<Finish>) {
    while !shared.stopping.load(Ordering::SeqCst) {
        let mut job = match jobs.recv_timeout(Duration::from_millis(100)) {
            Ok(job) => job,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        while let Ok(newer) = jobs.try_recv() {
            job = newer;
        }
        let (start, changes) = job;
        shared.finish(start, &changes);
    }
}

/// Wait for file events, let a burst settle, classify it and rebuild.
fn watch_loop(
    shared: &Shared,
    mut watcher: watch::Watcher,
    events: &mpsc::Receiver<watch::Paths>,
    debounce: Duration,
) {
    while !shared.stopping.load(Ordering::SeqCst) {
        let Some(paths) = watch::next_burst(events, debounce, Duration::from_millis(100)) else {
            continue;
        };
        watcher.follow_new_folders(&paths);
        let changes = watch::classify_all(&shared.root, paths.iter().map(PathBuf::as_path));
        if !changes.is_empty() && !shared.stopping.load(Ordering::SeqCst) {
            let paths: Vec<PathBuf> = paths
                .into_iter()
                .filter(|p| watch::classify(&shared.root, p).is_some())
                .collect();
            shared.rebuild(&paths, &changes);
        }
    }
}

/// The addresses of this computer's network interfaces, other than
/// loopback: where a phone on the same Wi-Fi reaches a server bound to
/// 0.0.0.0. Empty when they cannot be listed.
pub fn lan_addresses() -> Vec<IpAddr> {
    if_addrs::get_if_addrs()
        .map(|list| list.into_iter().map(|i| i.ip()).collect())
        .unwrap_or_default()
}

/// What to open for a server listening on `addr`: the URL for this computer
/// and, when it listens on every interface (`0.0.0.0` or `::`), one URL per
/// address of `lan` that another device can reach (IPv4 first; loopback,
/// link-local and unspecified addresses left out). `0.0.0.0` itself is never
/// a URL: no browser can open it.
pub fn open_urls(addr: SocketAddr, lan: &[IpAddr]) -> (String, Vec<String>) {
    let port = addr.port();
    let url = |ip: IpAddr| format!("http://{}/", SocketAddr::new(ip, port));
    if !addr.ip().is_unspecified() {
        return (url(addr.ip()), Vec::new());
    }
    let local = match addr.ip() {
        IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::LOCALHOST),
    };
    let reachable = |ip: &IpAddr| {
        !ip.is_loopback()
            && !ip.is_unspecified()
            && !ip.is_multicast()
            && match ip {
                IpAddr::V4(v4) => !v4.is_link_local(),
                // A socket bound to `::` usually takes IPv4 too.
                IpAddr::V6(v6) => addr.is_ipv6() && (v6.segments()[0] & 0xffc0) != 0xfe80,
            }
    };
    let mut found: Vec<IpAddr> = lan.iter().copied().filter(reachable).collect();
    found.sort_by_key(|ip| (ip.is_ipv6(), *ip));
    found.dedup();
    (url(local), found.into_iter().map(url).collect())
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn errors_become_views_with_file_line_and_hint() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("content/a.md"), "---\ntitle: A\n---\n").unwrap();
        let err = Error::Many(vec![
            Error::content("content/a.md", 3, Msg::EmptyTitle).with_hint(Msg::WriteTerm),
            Error::Template {
                template: "page.html".into(),
                line: 2,
                column: 5,
                message: Msg::TemplateFailed,
                detail: "oops".into(),
                page: Msg::WhileRendering {
                    page: "content/a.md".into(),
                },
                file: PathBuf::new(),
            },
        ]);
        let text = error_json(&err, dir.path(), Lang::Id);
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["errors"][0]["file"], "content/a.md");
        assert_eq!(json["errors"][0]["line"], 3);
        assert_eq!(json["errors"][0]["code"], "empty-title");
        let shown = json["errors"][0]["text"].as_str().unwrap();
        assert!(shown.contains("judul kosong"), "{shown}");
        assert!(shown.contains("3 | ---"), "the source line: {shown}");
        assert!(shown.contains("petunjuk"), "{shown}");
        assert_eq!(json["errors"][1]["file"], "templates/page.html");
        assert_eq!(json["errors"][1]["column"], 5);
        assert!(
            json["title"]
                .as_str()
                .unwrap()
                .starts_with("Perubahan terakhir")
        );
        assert!(!text.contains('\n'));
    }
}
