//! The threads of `serve` other than the caller's: accepting connections
//! and answering each on its own thread (event streams stay open and carry
//! `hello`, `reload` and `error` events), waiting for file changes and
//! rebuilding, and running the second halves of rebuilds.

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use lentera_http::{self as http, ReadError, Response};

use crate::respond::respond;
use crate::state::{Finish, Live, Shared};
use crate::watch;
use crate::{
    EVENTS_PATH, HEAD_TIMEOUT, LIVE_JS, LIVE_JS_PATH, MAX_CONNECTIONS, MAX_EVENT_STREAMS, PING,
};

pub(crate) fn accept_loop(listener: &TcpListener, shared: &Arc<Shared>) {
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
pub(crate) fn finish_loop(shared: &Shared, jobs: &mpsc::Receiver<Finish>) {
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
pub(crate) fn watch_loop(
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
