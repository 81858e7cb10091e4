//! Which changes matter to `serve`: file-system events from notify are turned
//! into our own [`Change`] here, once, so the rebuild loop matches on a small
//! enum and never on notify's event kinds.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecursiveMode, Watcher as _};

use lentera_core::error::{Error, Result};

/// What kind of source a changed file is, which decides what to rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// `content/site.yaml`: languages, contacts, theme; everything depends on it.
    Config,
    /// A page, section index or village under `content/`.
    Content,
    /// Interface strings: `content/i18n/*.yaml` or `themes/*/i18n/*.yaml`.
    Strings,
    /// A template: `themes/*/templates/**` or the site's `templates/**`.
    Templates,
    /// A file copied as it is: `themes/*/static/**` or an image in `content/`.
    Static,
}

impl Change {
    /// The kind of change, for the terminal.
    pub fn name(self) -> lentera_messages::Say {
        use lentera_messages::Say;
        match self {
            Change::Config => Say::ChangeConfig,
            Change::Content => Say::ChangeContent,
            Change::Strings => Say::ChangeStrings,
            Change::Templates => Say::ChangeTemplates,
            Change::Static => Say::ChangeStatic,
        }
    }
}

/// The folders of a project that `serve` watches.
pub const WATCHED: [&str; 3] = ["content", "themes", "templates"];

/// Classify a changed `path` (absolute, or relative to `root`). `None` means
/// the change does not affect the site: a file outside the watched folders,
/// or an editor's backup, swap or lock file.
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_str()?),
            Component::CurDir => {}
            // Absolute paths outside root, or `..`: not ours.
            _ => return None,
        }
    }
    let (&name, dirs) = parts.split_last()?;
    if is_editor_noise(name) || dirs.iter().any(|d| d.starts_with('.')) {
        return None;
    }
    match parts.as_slice() {
        ["content", "site.yaml"] => Some(Change::Config),
        ["content"] => Some(Change::Content),
        ["content", "i18n", ..] => Some(Change::Strings),
        ["content", .., _] => match extension(name) {
            // A folder (no extension) may hold pages: rebuild the content.
            Some("md" | "yaml" | "yml") | None => Some(Change::Content),
            Some(_) => Some(Change::Static),
        },
        ["templates", ..] => Some(Change::Templates),
        ["themes"] | ["themes", _] => Some(Change::Templates),
        ["themes", _, "i18n", ..] => Some(Change::Strings),
        ["themes", _, "static", ..] => Some(Change::Static),
        ["themes", _, ..] => Some(Change::Templates),
        _ => None,
    }
}

/// Classify many paths at once (one debounced burst of events).
pub fn classify_all<'a>(
    root: &Path,
    paths: impl IntoIterator<Item = &'a Path>,
) -> BTreeSet<Change> {
    paths
        .into_iter()
        .filter_map(|p| classify(root, p))
        .collect()
}

/// The paths of one file-system event.
pub type Paths = Vec<PathBuf>;

/// The longest a burst of events can delay a rebuild.
const MAX_BURST: Duration = Duration::from_secs(2);

/// Watches the project's `content/`, `themes/` and `templates/` and sends
/// the paths of every change that may matter (not reads) to a channel.
pub struct Watcher {
    root: PathBuf,
    inner: notify::RecommendedWatcher,
    watched: BTreeSet<PathBuf>,
}

impl Watcher {
    /// Start watching `root` (absolute). The root itself is watched without
    /// its subfolders, so that a watched folder created later is noticed.
    pub fn new(root: &Path, tx: Sender<Paths>) -> Result<Watcher> {
        let handler = move |event: notify::Result<notify::Event>| {
            if let Ok(event) = event
                && is_change(&event.kind)
            {
                let _ = tx.send(event.paths);
            }
        };
        let inner = notify::recommended_watcher(handler).map_err(|e| watch_error(root, &e))?;
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            inner,
            watched: BTreeSet::new(),
        };
        watcher
            .inner
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| watch_error(root, &e))?;
        for dir in WATCHED {
            let path = root.join(dir);
            if path.is_dir() {
                watcher.add(path)?;
            }
        }
        Ok(watcher)
    }

    fn add(&mut self, path: PathBuf) -> Result<()> {
        self.inner
            .watch(&path, RecursiveMode::Recursive)
            .map_err(|e| watch_error(&path, &e))?;
        self.watched.insert(path);
        Ok(())
    }

    /// Start watching any of the watched folders that `paths` shows created.
    pub fn follow_new_folders(&mut self, paths: &[PathBuf]) {
        for dir in WATCHED {
            let path = self.root.join(dir);
            if paths.contains(&path) && path.is_dir() && !self.watched.contains(&path) {
                // If this fails the next start will say why; keep serving.
                let _ = self.add(path);
            }
        }
    }
}

fn watch_error(path: &Path, err: &notify::Error) -> Error {
    Error::Watch {
        path: path.to_path_buf(),
        message: err.to_string(),
    }
}

/// Writes, creations, removals and renames count; reads do not (inotify also
/// reports every open, including the build's own).
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Wait up to `wait` for an event, then gather the rest of its burst: every
/// event until `quiet` passes without one (at most [`MAX_BURST`]). An editor's
/// save (swap file, backup, rename, write) is one burst, and one rebuild.
///
/// `serve` uses a `quiet` of a few milliseconds ([`super::DEBOUNCE`]): the
/// events of one save arrive within a millisecond or two, so the rebuild
/// starts almost at once (a trailing debounce such as
/// `notify-debouncer-full`'s would add its whole timeout to every save).
/// Events that arrive while a rebuild runs wait in the channel and make the
/// next burst, so a longer run of saves still ends with a rebuild of the
/// last state.
pub fn next_burst(rx: &Receiver<Paths>, quiet: Duration, wait: Duration) -> Option<Paths> {
    let mut paths = match rx.recv_timeout(wait) {
        Ok(paths) => paths,
        Err(RecvTimeoutError::Timeout) => return None,
        Err(RecvTimeoutError::Disconnected) => {
            std::thread::sleep(wait);
            return None;
        }
    };
    let deadline = Instant::now() + MAX_BURST;
    while let Ok(more) = rx.recv_timeout(quiet) {
        paths.extend(more);
        if Instant::now() >= deadline {
            break;
        }
    }
    Some(paths)
}

fn extension(name: &str) -> Option<&str> {
    name.rsplit_once('.')
        .filter(|(stem, _)| !stem.is_empty())
        .map(|(_, ext)| ext)
}

/// Files that editors write beside the real one while saving: vim's swap files
/// and `4913` probe, emacs's `#x#` and `.#x`, `x~` backups, `.tmp` files, and
/// any hidden file.
fn is_editor_noise(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".bak"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(path: &str) -> Option<Change> {
        classify(Path::new("/site"), Path::new(path))
    }

    #[test]
    fn content_files() {
        assert_eq!(c("/site/content/site.yaml"), Some(Change::Config));
        assert_eq!(
            c("/site/content/pelajaran/jalur-resmi.id.md"),
            Some(Change::Content)
        );
        assert_eq!(c("/site/content/_index.md"), Some(Change::Content));
        assert_eq!(
            c("/site/content/desa/sumber-gede.yaml"),
            Some(Change::Content)
        );
        assert_eq!(c("/site/content/pelajaran"), Some(Change::Content));
        assert_eq!(c("/site/content/i18n/jv.yaml"), Some(Change::Strings));
        assert_eq!(c("/site/content/pelajaran/alur.svg"), Some(Change::Static));
        // Relative paths are taken as relative to the root.
        assert_eq!(c("content/modus/calo.md"), Some(Change::Content));
    }

    #[test]
    fn theme_and_site_templates() {
        assert_eq!(
            c("/site/themes/default/templates/page.html"),
            Some(Change::Templates)
        );
        assert_eq!(
            c("/site/themes/default/templates/partials/nav.html"),
            Some(Change::Templates)
        );
        assert_eq!(c("/site/templates/404.html"), Some(Change::Templates));
        assert_eq!(c("/site/templates"), Some(Change::Templates));
        assert_eq!(
            c("/site/themes/default/i18n/en.yaml"),
            Some(Change::Strings)
        );
        assert_eq!(
            c("/site/themes/default/static/favicon.ico"),
            Some(Change::Static)
        );
        assert_eq!(c("/site/themes/other"), Some(Change::Templates));
    }

    #[test]
    fn editor_noise_is_ignored() {
        for path in [
            "/site/content/pelajaran/.jalur-resmi.id.md.swp",
            "/site/content/pelajaran/jalur-resmi.id.md~",
            "/site/content/pelajaran/#jalur-resmi.id.md#",
            "/site/content/pelajaran/.#jalur-resmi.id.md",
            "/site/content/pelajaran/4913",
            "/site/themes/default/templates/page.html.swx",
            "/site/content/.git/index",
            "/site/content/pelajaran/x.md.tmp",
        ] {
            assert_eq!(c(path), None, "{path}");
        }
    }

    #[test]
    fn outside_the_watched_folders_is_ignored() {
        for path in [
            "/site/output/index.html",
            "/site/target/debug/lentera",
            "/site/Cargo.toml",
            "/site",
            "/elsewhere/content/x.md",
            "/site/../content/x.md",
        ] {
            assert_eq!(c(path), None, "{path}");
        }
    }

    #[test]
    fn reads_are_not_changes() {
        use notify::event::{CreateKind, ModifyKind};
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_change(&EventKind::Create(CreateKind::File)));
        assert!(is_change(&EventKind::Modify(ModifyKind::Any)));
    }

    #[test]
    fn events_close_together_are_one_burst() {
        let (tx, rx) = std::sync::mpsc::channel();
        let quiet = Duration::from_millis(100);
        let wait = Duration::from_millis(10);
        assert_eq!(next_burst(&rx, quiet, wait), None);
        let sender = std::thread::spawn(move || {
            for name in ["a", "b", "c"] {
                tx.send(vec![PathBuf::from(name)]).unwrap();
                std::thread::sleep(Duration::from_millis(20));
            }
            std::thread::sleep(Duration::from_millis(400));
            tx.send(vec![PathBuf::from("d")]).unwrap();
        });
        let burst = next_burst(&rx, quiet, Duration::from_secs(5)).unwrap();
        assert_eq!(burst, [PathBuf::from("a"), "b".into(), "c".into()]);
        let next = next_burst(&rx, quiet, Duration::from_secs(5)).unwrap();
        assert_eq!(next, [PathBuf::from("d")]);
        sender.join().unwrap();
    }

    #[test]
    fn a_burst_is_one_set_of_changes() {
        let paths = [
            Path::new("/site/content/a.md"),
            Path::new("/site/content/.a.md.swp"),
            Path::new("/site/content/a.md"),
            Path::new("/site/templates/page.html"),
        ];
        let changes = classify_all(Path::new("/site"), paths);
        assert_eq!(
            changes.into_iter().collect::<Vec<_>>(),
            vec![Change::Content, Change::Templates]
        );
    }
}
