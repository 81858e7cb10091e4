//! The output guard: [`Staging`] writes a build file by file into a
//! staging folder beside the output folder (linking unchanged files from
//! the previous output so they keep their modification time) and swaps it
//! in only when every file is written; the leftovers of killed builds are
//! removed first.

use std::path::{Path, PathBuf};

use super::{Contents, OutputFile, check_out_dir, hash_bytes, swap};
use crate::error::{Error, Result};

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
        self.make_folder(&f.path)?;
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

    /// Put the file `old` (of the previous output, `len` bytes hashing to
    /// `hash`) at `path` in the staging folder, linked rather than copied
    /// where the file system allows it, so it keeps its modification time.
    pub fn link(&self, path: &str, old: &Path, len: u64, hash: u64) -> Result<OutputFile> {
        let at = self.dir.join(path);
        self.make_folder(path)?;
        if std::fs::hard_link(old, &at).is_err() {
            std::fs::copy(old, &at).map_err(io(&at))?;
        }
        Ok(OutputFile {
            path: path.to_string(),
            contents: Contents::Staged {
                path: at,
                len,
                hash,
            },
        })
    }

    /// Make the folder of `path` inside the staging folder, once.
    fn make_folder(&self, path: &str) -> Result<()> {
        if let Some((folder, _)) = path.rsplit_once('/') {
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
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Write `files` into `out_dir`, replacing it only if every write
    /// succeeds.
    fn write_all(root: &Path, out_dir: &Path, files: &[OutputFile]) -> Result<()> {
        Staging::new(root, out_dir)?.finish(&mut files.to_vec())
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
}
