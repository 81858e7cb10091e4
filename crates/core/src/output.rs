//! The only module that writes files. A build renders into a staging folder
//! beside the output folder and swaps it in only when every file is written.

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};
use lentera_messages::Msg;

/// The file in the output folder that holds the last build's fingerprint
/// and summary (see [`crate::incremental`]).
pub const MANIFEST: &str = ".lentera-build.json";

/// One file of the built site.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputFile {
    /// Path inside the output folder, with `/` separators.
    pub path: String,
    pub contents: Contents,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Contents {
    Bytes(Vec<u8>),
    /// Copied from this file when written.
    Copy(PathBuf),
    /// Written already, at `path` (in the staging folder of the build
    /// ([`Staging::put`]), and in the output folder once it is complete),
    /// with `len` bytes whose hash is `hash`.
    Staged {
        path: PathBuf,
        len: u64,
        hash: u64,
    },
}

impl OutputFile {
    pub fn bytes(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            contents: Contents::Bytes(bytes.into()),
        }
    }

    /// The bytes, from memory or read from the file they are copied from
    /// or were written to.
    pub fn read(&self) -> std::io::Result<std::borrow::Cow<'_, [u8]>> {
        match &self.contents {
            Contents::Bytes(b) => Ok(std::borrow::Cow::Borrowed(b)),
            Contents::Copy(path) | Contents::Staged { path, .. } => {
                std::fs::read(path).map(std::borrow::Cow::Owned)
            }
        }
    }

    /// The contents as text, if they are in memory.
    pub fn text(&self) -> Option<&str> {
        match &self.contents {
            Contents::Bytes(b) => std::str::from_utf8(b).ok(),
            Contents::Copy(_) | Contents::Staged { .. } => None,
        }
    }
}

/// Minify a stylesheet with minify-html's CSS minifier. Templates call this
/// once per stylesheet, so pages need not minify the same CSS again.
pub fn minify_css(css: &str) -> String {
    let mut cfg = minify_html::Cfg::new();
    cfg.minify_css = true;
    let wrapped = format!("<style>{css}</style>");
    let out = String::from_utf8(minify_html::minify(wrapped.as_bytes(), &cfg)).unwrap_or_default();
    match out
        .strip_prefix("<style>")
        .and_then(|s| s.strip_suffix("</style>"))
    {
        Some(min) if !min.is_empty() || css.trim().is_empty() => min.to_string(),
        _ => css.to_string(),
    }
}

/// Minify a rendered HTML page (see [`lentera_minify`]). Inline CSS comes
/// from templates already minified (see [`minify_css`]); JavaScript is left
/// as written.
pub fn minify_html(html: &str) -> Vec<u8> {
    lentera_minify::html(html.as_bytes())
}

/// Results by the input they were made from, kept between builds by
/// `serve`: minified pages by their unminified HTML, leaflet PDFs by their
/// template and data (bytes, the default), pages' search analyses by their
/// text ([`crate::search::Memo`]). Minifying is most of the time a build
/// spends on a large site, and after a small edit most pages (and every
/// leaflet) come out unchanged. Entries that one build did not use are
/// dropped at the start of the next.
pub struct Memo<V = std::sync::Arc<[u8]>> {
    generations: std::sync::Mutex<MemoGenerations<V>>,
}

/// Entries by a hash of their input and its length.
struct MemoGenerations<V> {
    current: HashMap<(u64, usize), V>,
    previous: HashMap<(u64, usize), V>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            generations: std::sync::Mutex::new(MemoGenerations {
                current: HashMap::new(),
                previous: HashMap::new(),
            }),
        }
    }
}

impl Memo {
    /// [`minify_html`], reusing the result for a page seen in this build or
    /// the one before.
    pub fn minify_html(&self, html: &str) -> Vec<u8> {
        self.get_or_try(html, || {
            Ok::<_, std::convert::Infallible>(minify_html(html))
        })
        .unwrap_or_else(|never| match never {})
    }

    /// The bytes made from `input` by `make`, from this build or the one
    /// before if they were made then. Only successes are kept.
    pub fn get_or_try<E>(
        &self,
        input: &str,
        make: impl FnOnce() -> Result<Vec<u8>, E>,
    ) -> Result<Vec<u8>, E> {
        let mut made = None;
        let kept = self.get_or_make(input, input.len(), || {
            let bytes = make()?;
            let kept = bytes.as_slice().into();
            made = Some(bytes);
            Ok(kept)
        })?;
        Ok(made.unwrap_or_else(|| kept.to_vec()))
    }
}

impl<V: Clone> Memo<V> {
    /// The value made from `input` (`len` long) by `make`, from this build
    /// or the one before if it was made then. Only successes are kept.
    pub fn get_or_make<E>(
        &self,
        input: &(impl std::hash::Hash + ?Sized),
        len: usize,
        make: impl FnOnce() -> Result<V, E>,
    ) -> Result<V, E> {
        use std::hash::Hasher;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        input.hash(&mut hasher);
        let key = (hasher.finish(), len);
        {
            let mut g = self.generations.lock().unwrap_or_else(|e| e.into_inner());
            let hit = match g.current.get(&key) {
                Some(value) => Some(value.clone()),
                None => g.previous.remove(&key),
            };
            if let Some(value) = hit {
                g.current.insert(key, value.clone());
                return Ok(value);
            }
        }
        let value = make()?;
        self.generations
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .current
            .insert(key, value.clone());
        Ok(value)
    }
}

impl<V> Memo<V> {
    /// Start a build: what the build before the last one used but the last
    /// one did not is dropped.
    pub fn next_build(&self) {
        let mut g = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        g.previous = std::mem::take(&mut g.current);
    }

    pub fn len(&self) -> usize {
        let g = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        g.current.len() + g.previous.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<V> std::fmt::Debug for Memo<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo")
            .field("entries", &self.len())
            .finish()
    }
}

/// Two options are equal only if they share the same cache.
impl<V> PartialEq for Memo<V> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Refuse output folders whose replacement would destroy sources: the project
/// root, `content/`, `themes/`, `templates/`, any folder containing them, or
/// the home folder.
pub fn check_out_dir(root: &Path, out_dir: &Path) -> Result<()> {
    let root = absolute(root);
    let out = absolute(out_dir);
    let refuse = |reason: Msg| {
        Err(Error::UnsafeOutput {
            path: out_dir.to_path_buf(),
            reason,
        })
    };
    if out.parent().is_none() {
        return refuse(Msg::IsRoot);
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && absolute(&home) == out
    {
        return refuse(Msg::IsHome);
    }
    if root.starts_with(&out) {
        return refuse(Msg::IsProject);
    }
    for protected in ["content", "themes", "templates", "src", ".git"] {
        if out.starts_with(root.join(protected)) {
            return refuse(Msg::IsSources {
                folder: protected.to_string(),
            });
        }
    }
    Ok(())
}

/// An absolute, lexically normalised path (symlinks resolved where the path exists).
fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let base = if path.is_absolute() {
        PathBuf::new()
    } else {
        std::env::current_dir().unwrap_or_default()
    };
    let mut out = PathBuf::new();
    for c in base.join(path).components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve the deepest existing ancestor so `out/../x` and symlinks compare right.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_os_string()),
            None => break,
        }
        if !existing.pop() {
            break;
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    resolved
}

/// Two files with the same output path is an error naming both.
pub fn check_collisions(
    files: &[OutputFile],
    origin: impl Fn(&OutputFile) -> PathBuf,
) -> Result<()> {
    let mut seen: BTreeMap<&str, &OutputFile> = BTreeMap::new();
    let mut errors = Vec::new();
    for f in files {
        if let Some(first) = seen.insert(&f.path, f) {
            errors.push(Error::UrlCollision {
                url: f.path.clone(),
                first: origin(first),
                second: origin(f),
            });
        }
    }
    Error::collect(errors)
}

/// Create a new source file (for `lentera new`), never overwriting one.
pub fn write_new(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| Error::Write {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })?;
    file.write_all(text.as_bytes())
        .map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })
}

/// The next `out_dir` in the making, written file by file while the build
/// runs, so that pages need not all be held in memory until the end.
///
/// The new site is written into a staging folder beside `out_dir`; a file
/// whose bytes equal those of the same file in the previous output is linked
/// from it instead of written, so it keeps its modification time (`rsync`
/// and CDN uploads send only what changed). [`Staging::finish`] writes the
/// rest and puts the staging folder in the place of `out_dir` in one step
/// (see [`swap`]); a build that fails or is dropped before that removes the
/// staging folder and leaves `out_dir` as it was. Leftovers of builds that
/// were killed are removed first.
pub struct Staging {
    dir: PathBuf,
    out_dir: PathBuf,
    /// The output folder as it is, to link unchanged files from.
    previous: Option<PathBuf>,
    /// Folders made so far, inside `dir`.
    folders: std::sync::Mutex<std::collections::HashSet<String>>,
}

impl Staging {
    /// An empty staging folder for `out_dir`.
    pub fn new(root: &Path, out_dir: &Path) -> Result<Staging> {
        check_out_dir(root, out_dir)?;
        let parent = match out_dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = out_dir
            .file_name()
            .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.staging-{pid}"));
        std::fs::create_dir_all(&parent).map_err(io(&parent))?;
        remove_leftovers(&parent, &name);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(io(&dir))?;
        }
        if out_dir.exists() && !out_dir.is_dir() {
            return Err(Error::Write {
                path: out_dir.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "it is a file, not a folder; move it away or choose another output folder",
                ),
            });
        }
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        Ok(Staging {
            previous: out_dir.is_dir().then(|| out_dir.to_path_buf()),
            out_dir: out_dir.to_path_buf(),
            dir,
            folders: Default::default(),
        })
    }

    /// Write `file` now; what is left of it is its place in the staging
    /// folder, its length and a hash of its bytes ([`Contents::Staged`]).
    /// (A file copied from elsewhere holds no memory: it is copied by
    /// [`Staging::finish`], and returned as it is.)
    pub fn put(&self, file: OutputFile) -> Result<OutputFile> {
        let (len, hash) = match &file.contents {
            Contents::Bytes(b) => (b.len() as u64, hash_bytes(b)),
            _ => return Ok(file),
        };
        self.write(&file)?;
        Ok(OutputFile {
            contents: Contents::Staged {
                path: self.dir.join(&file.path),
                len,
                hash,
            },
            path: file.path,
        })
    }

    /// Write every file not written yet, then put the staging folder in the
    /// place of `out_dir`. The files written before now say where they are
    /// in `out_dir`.
    pub fn finish(self, files: &mut [OutputFile]) -> Result<()> {
        use rayon::prelude::*;
        files.par_iter().try_for_each(|f| self.write(f))?;
        // On success the staging folder now holds the previous output (or
        // nothing); on failure, the new one. Either way `drop` removes it,
        // and failing to do so loses nothing: the next build removes it.
        swap(&self.dir, &self.out_dir).map_err(|source| Error::Write {
            path: self.out_dir.clone(),
            source,
        })?;
        for f in files {
            if let Contents::Staged { path, .. } = &mut f.contents {
                *path = self.out_dir.join(&f.path);
            }
        }
        Ok(())
    }

    /// Write one file into the staging folder (linked from the previous
    /// output if its bytes are the same), making its folder if needed.
    fn write(&self, f: &OutputFile) -> Result<()> {
        if matches!(f.contents, Contents::Staged { .. }) {
            return Ok(());
        }
        let path = self.dir.join(&f.path);
        if let Some((folder, _)) = f.path.rsplit_once('/') {
            let made = self
                .folders
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains(folder);
            if !made {
                // `create_dir_all` tolerates a folder made at the same moment
                // by another thread.
                let at = self.dir.join(folder);
                std::fs::create_dir_all(&at).map_err(io(&at))?;
                self.folders
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(folder.to_string());
            }
        }
        if let Some(old) = self.previous.as_ref().map(|p| p.join(&f.path))
            && unchanged(&old, &f.contents)
            && std::fs::hard_link(&old, &path).is_ok()
        {
            return Ok(());
        }
        let result = match &f.contents {
            Contents::Bytes(b) => std::fs::write(&path, b),
            Contents::Copy(from) => std::fs::copy(from, &path).map(|_| ()),
            Contents::Staged { .. } => Ok(()),
        };
        result.map_err(io(&path))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl std::fmt::Debug for Staging {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Staging").field("dir", &self.dir).finish()
    }
}

impl PartialEq for Staging {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The error for a failed write at `path`.
fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + use<> {
    let path = path.to_path_buf();
    move |source| Error::Write { path, source }
}

/// A hash of a file's bytes (the service worker's cache name is made of
/// them). FxHash: it reads eight bytes at a time, several times faster than
/// the standard SipHash over hundreds of megabytes, and a cache name needs
/// no protection against chosen collisions.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// Put the complete folder `new` in the place of `out`, leaving the previous
/// `out` (if any) at `new`. On Linux this is one `renameat2(RENAME_EXCHANGE)`,
/// so there is no moment without an `out`. Where that is not available (other
/// systems, file systems without it) it falls back to two renames, with a
/// moment in which `out` does not exist; the previous output is put back if
/// the second rename fails.
pub fn swap(new: &Path, out: &Path) -> std::io::Result<()> {
    if !out.exists() {
        return std::fs::rename(new, out);
    }
    #[cfg(target_os = "linux")]
    {
        if exchange(new, out).is_ok() {
            return Ok(());
        }
    }
    let mut aside = new.as_os_str().to_owned();
    aside.push(".previous");
    let aside = PathBuf::from(aside);
    std::fs::rename(out, &aside)?;
    if let Err(e) = std::fs::rename(new, out) {
        let _ = std::fs::rename(&aside, out);
        return Err(e);
    }
    std::fs::rename(&aside, new)
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Remove what builds into `out_dir` that were killed left beside it.
pub fn clean_leftovers(out_dir: &Path) {
    let parent = match out_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if let Some(name) = out_dir.file_name() {
        remove_leftovers(&parent, &name.to_string_lossy());
    }
}

/// Remove staging and previous-output folders of `name` left by builds that
/// were killed: those whose process no longer runs (on systems without
/// `/proc`, those older than a day).
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let prefixes = [format!(".{name}.staging-"), format!(".{name}.old-")];
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(rest) = prefixes
            .iter()
            .find_map(|p| file_name.strip_prefix(p.as_str()))
        else {
            continue;
        };
        let pid = rest.split('.').next().and_then(|p| p.parse::<u32>().ok());
        let Some(pid) = pid else { continue };
        if pid != std::process::id() && !process_alive(pid, &entry.path()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn process_alive(pid: u32, folder: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.is_dir() {
        return proc.join(pid.to_string()).exists();
    }
    let day = std::time::Duration::from_secs(24 * 60 * 60);
    std::fs::metadata(folder)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age < day)
}

/// Whether the file at `old` holds exactly `contents`.
fn unchanged(old: &Path, contents: &Contents) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(old) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    match contents {
        Contents::Bytes(b) => {
            meta.len() == b.len() as u64 && std::fs::read(old).is_ok_and(|o| o == *b)
        }
        Contents::Copy(from) => {
            std::fs::metadata(from).is_ok_and(|m| m.len() == meta.len())
                && matches!((std::fs::read(old), std::fs::read(from)), (Ok(o), Ok(n)) if o == n)
        }
        Contents::Staged { .. } => false,
    }
}

/// A file size for readers: "340 KB", "1.2 MB" (1000-byte units, as phones
/// show them).
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Write `files` into `out_dir`, replacing it only if every write
    /// succeeds.
    fn write_all(root: &Path, out_dir: &Path, files: &[OutputFile]) -> Result<()> {
        Staging::new(root, out_dir)?.finish(&mut files.to_vec())
    }

    #[test]
    fn minify_cache_gives_the_same_bytes_and_forgets_unused_pages() {
        let cache = Memo::default();
        let a = "<html><body>\n  <p>a</p>\n</body></html>";
        let b = "<html><body>\n  <p>b</p>\n</body></html>";
        cache.next_build();
        assert_eq!(cache.minify_html(a), minify_html(a));
        assert_eq!(cache.minify_html(b), minify_html(b));
        assert_eq!(cache.minify_html(a), minify_html(a));
        assert_eq!(cache.len(), 2);
        // The next build uses only `a`; the one after forgets `b`.
        cache.next_build();
        assert_eq!(cache.minify_html(a), minify_html(a));
        cache.next_build();
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn memo_keeps_successes_only() {
        let memo = Memo::default();
        let calls = std::cell::Cell::new(0);
        let make = |ok: bool| {
            calls.set(calls.get() + 1);
            if ok { Ok(vec![1, 2]) } else { Err("overflow") }
        };
        assert_eq!(memo.get_or_try("x", || make(false)), Err("overflow"));
        assert_eq!(memo.get_or_try("x", || make(true)), Ok(vec![1, 2]));
        assert_eq!(memo.get_or_try("x", || make(true)), Ok(vec![1, 2]));
        assert_eq!(calls.get(), 2, "the failure was not kept, the success was");
        assert_eq!(memo.get_or_try("y", || make(true)), Ok(vec![1, 2]));
        assert_eq!(calls.get(), 3);
    }

    #[test]
    fn refuses_dangerous_output_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content/pelajaran")).unwrap();
        std::fs::create_dir_all(root.join("themes")).unwrap();
        for bad in [
            root.clone(),
            root.join("content"),
            root.join("content/pelajaran"),
            root.join("themes"),
            dir.path().to_path_buf(),
            root.join("output/../content"),
        ] {
            assert!(
                matches!(check_out_dir(&root, &bad), Err(Error::UnsafeOutput { .. })),
                "{} accepted",
                bad.display()
            );
        }
        assert!(check_out_dir(&root, &root.join("output")).is_ok());
        assert!(check_out_dir(&root, &dir.path().join("elsewhere")).is_ok());
    }

    #[test]
    fn write_replaces_and_failed_write_keeps_previous() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("output");
        write_all(root, &out, &[OutputFile::bytes("a/index.html", "one")]).unwrap();
        write_all(root, &out, &[OutputFile::bytes("b.txt", "two")]).unwrap();
        assert!(!out.join("a/index.html").exists(), "old files are gone");
        assert_eq!(std::fs::read_to_string(out.join("b.txt")).unwrap(), "two");
        let bad = OutputFile {
            path: "c.txt".into(),
            contents: Contents::Copy(root.join("does-not-exist")),
        };
        assert!(write_all(root, &out, &[OutputFile::bytes("d.txt", "x"), bad]).is_err());
        assert_eq!(std::fs::read_to_string(out.join("b.txt")).unwrap(), "two");
        assert!(!out.join("d.txt").exists());
        let leftovers: Vec<_> = std::fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("output")]);
    }

    #[test]
    fn staged_files_are_kept_only_when_the_build_finishes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("output");
        write_all(root, &out, &[OutputFile::bytes("old.txt", "old")]).unwrap();
        let leftovers = || {
            std::fs::read_dir(root)
                .unwrap()
                .filter(|e| {
                    let name = e.as_ref().unwrap().file_name();
                    name.to_string_lossy().starts_with(".output.")
                })
                .count()
        };
        // Dropped before it finishes (the build failed): nothing changes.
        let staging = Staging::new(root, &out).unwrap();
        let put = staging
            .put(OutputFile::bytes("a/page.html", "page"))
            .unwrap();
        assert!(matches!(put.contents, Contents::Staged { len: 4, .. }));
        drop(staging);
        assert_eq!(std::fs::read(out.join("old.txt")).unwrap(), b"old");
        assert!(!out.join("a/page.html").exists());
        assert_eq!(leftovers(), 0);
        // Finished: the staged page and the rest are there, the old file gone,
        // and the staged file says where it is now.
        let staging = Staging::new(root, &out).unwrap();
        let copied = root.join("source.txt");
        std::fs::write(&copied, "copied").unwrap();
        let mut files = vec![
            staging
                .put(OutputFile::bytes("a/page.html", "page"))
                .unwrap(),
            staging
                .put(OutputFile {
                    path: "c.txt".into(),
                    contents: Contents::Copy(copied),
                })
                .unwrap(),
            OutputFile::bytes("b.txt", "rest"),
        ];
        staging.finish(&mut files).unwrap();
        assert_eq!(std::fs::read(out.join("a/page.html")).unwrap(), b"page");
        assert_eq!(std::fs::read(out.join("b.txt")).unwrap(), b"rest");
        assert_eq!(std::fs::read(out.join("c.txt")).unwrap(), b"copied");
        assert!(!out.join("old.txt").exists());
        assert_eq!(files[0].read().unwrap().as_ref(), b"page");
        assert!(
            matches!(&files[0].contents, Contents::Staged { path, .. } if *path == out.join("a/page.html"))
        );
        assert_eq!(leftovers(), 0);
    }

    #[test]
    fn unchanged_files_keep_their_modification_time() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("output");
        let files = |b: &str| {
            vec![
                OutputFile::bytes("a/index.html", "same"),
                OutputFile::bytes("b.txt", b.to_string()),
            ]
        };
        write_all(root, &out, &files("one")).unwrap();
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        for f in ["a/index.html", "b.txt"] {
            std::fs::File::options()
                .write(true)
                .open(out.join(f))
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        write_all(root, &out, &files("two")).unwrap();
        let mtime = |f: &str| std::fs::metadata(out.join(f)).unwrap().modified().unwrap();
        assert_eq!(mtime("a/index.html"), old, "unchanged file was rewritten");
        assert_ne!(mtime("b.txt"), old, "changed file kept its old time");
        assert_eq!(std::fs::read_to_string(out.join("b.txt")).unwrap(), "two");
    }

    #[test]
    fn leftovers_of_killed_builds_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // No process has this id (it is above the kernel's pid_max).
        let dead = root.join(".output.staging-4194305");
        std::fs::create_dir_all(dead.join("x")).unwrap();
        std::fs::create_dir_all(root.join(".output.old-4194306")).unwrap();
        write_all(root, &root.join("output"), &[OutputFile::bytes("a", "1")]).unwrap();
        let names: Vec<_> = std::fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("output")]);
    }

    #[test]
    fn output_that_is_a_file_is_an_error_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("output"), "mine").unwrap();
        let err = write_all(root, &root.join("output"), &[OutputFile::bytes("a", "1")]);
        assert!(matches!(err, Err(Error::Write { .. })), "{err:?}");
        assert_eq!(
            std::fs::read_to_string(root.join("output")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn collisions_name_both_sources() {
        let files = [
            OutputFile::bytes("x/index.html", "a"),
            OutputFile::bytes("x/index.html", "b"),
        ];
        let err = check_collisions(&files, |f| PathBuf::from(f.text().unwrap())).unwrap_err();
        assert!(matches!(err, Error::UrlCollision { .. }));
    }

    #[test]
    fn minifies_html_but_not_script() {
        let html = "<html><head></head><body><p>x</p>\n\n<p>y</p><script>var  a = 1;</script></body></html>";
        let out = String::from_utf8(minify_html(html)).unwrap();
        assert!(out.contains("<p>x</p><p>y</p>"), "{out}");
        assert!(out.contains("var  a = 1;"), "{out}");
    }

    #[test]
    fn minifies_css_once() {
        assert_eq!(
            minify_css("a {  color : red ; }\n/* c */ b { margin: 0px }"),
            "a{color:red}b{margin:0}"
        );
        assert_eq!(minify_css(""), "");
    }
}
