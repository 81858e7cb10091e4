//! The rebuild state machine of `serve`: the [`Snapshot`] of files the
//! server answers with, and [`Shared`], the state every thread holds, which
//! rebuilds after a save (in two halves when only pages changed, see
//! [`crate::live`]), swaps in the result or keeps the last good files with
//! the error, and tells the terminal and every open page. Also the helpers
//! of a rebuild: catching a panic as the build's error, comparing pages,
//! and loading the built files into memory.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use lentera_core::error::{Error, Result};
use lentera_core::output::{Contents, OutputFile};
use lentera_messages::{Lang, Msg};

use crate::overlay::error_json;
use crate::watch::Change;
use crate::{Report, Reporter};

/// Built files by site path (`pelajaran/x/index.html`).
pub(crate) type Files = HashMap<String, Arc<Vec<u8>>>;

/// What the server answers with: the last good build, and the error of the
/// last build if it failed.
#[derive(Debug, Default)]
pub(crate) struct Snapshot {
    pub(crate) files: Arc<Files>,
    /// Counts good builds; pages compare it to know whether they are stale.
    pub(crate) version: u64,
    /// The last build's errors as JSON (see [`ErrorReport`]), if it failed.
    pub(crate) error: Option<Arc<String>>,
}

/// A message for open pages.
#[derive(Debug, Clone)]
pub(crate) enum Live {
    Reload(String),
    Error(Arc<String>),
}

/// A second half of a rebuild to run: when the rebuild started, and what
/// changed.
pub(crate) type Finish = (Instant, BTreeSet<Change>);

pub(crate) struct Shared {
    pub(crate) root: PathBuf,
    pub(crate) lang: Lang,
    pub(crate) builder: Mutex<crate::live::Live>,
    /// Second halves of rebuilds, for
    /// [`finish_loop`](crate::connection::finish_loop).
    pub(crate) finisher: Mutex<mpsc::Sender<Finish>>,
    pub(crate) snapshot: RwLock<Arc<Snapshot>>,
    /// One sender per open event stream.
    pub(crate) clients: Mutex<Vec<mpsc::Sender<Live>>>,
    pub(crate) stopping: AtomicBool,
    /// Bound to a loopback address: requests must name it in `Host`.
    pub(crate) loopback_only: bool,
    /// Connections being answered, and event streams open.
    pub(crate) connections: AtomicUsize,
    pub(crate) streams: AtomicUsize,
    /// Tells a page that reconnects to a restarted server to reload.
    pub(crate) instance: String,
    pub(crate) reporter: Reporter,
}

impl Shared {
    pub(crate) fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .expect("no panics while locked")
            .clone()
    }

    pub(crate) fn build_id(&self, version: u64) -> String {
        format!("{}-{version}", self.instance)
    }

    /// Rebuild after `paths` changed (`changes`, as classified), swap in
    /// the result or keep the last good files, then tell the terminal and
    /// every open page. A save of pages only is rebuilt in two halves (see
    /// [`crate::live`]): the pages it changes are swapped in and open pages
    /// reload at once; the rest of the site follows from the finishing
    /// thread ([`finish_loop`](crate::connection::finish_loop)), so that the
    /// next save need not wait for it.
    pub(crate) fn rebuild(&self, paths: &[PathBuf], changes: &BTreeSet<Change>) {
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
    pub(crate) fn finish(&self, start: Instant, changes: &BTreeSet<Change>) {
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
