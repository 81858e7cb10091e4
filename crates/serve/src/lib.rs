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
//!
//! This file holds the public face (options, reports, [`Server`], the
//! addresses to open). The rebuild state machine is in `state`, the answers
//! to requests in `respond` (with the error overlay's JSON in `overlay`),
//! and the threads that accept, answer, watch and finish in `connection`;
//! [`live`] keeps the model between saves and [`watch`] classifies changes.

// `Error` is a few hundred bytes on the cold path (see lentera-core).
#![allow(clippy::result_large_err)]

mod connection;
pub mod live;
mod overlay;
mod respond;
mod state;
pub use lentera_http as http;
pub mod watch;

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};
use std::thread::JoinHandle;
use std::time::Duration;

use lentera_core::error::{Error, Result};
use lentera_core::{Build, BuildOptions};
use lentera_messages::Lang;

use connection::{accept_loop, finish_loop, watch_loop};
use state::{Shared, Snapshot};
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
