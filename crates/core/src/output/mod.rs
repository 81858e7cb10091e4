//! The only module that writes files. A build renders into a staging folder
//! beside the output folder and swaps it in only when every file is written.
//!
//! Here: the files of a build ([`OutputFile`]), the minify wrappers, the
//! checks of the output folder and of colliding paths, and small helpers.
//! The generic memo is in `memo`, the staging folder and the guard against
//! leftovers in `staging`, the atomic swap in `swap`.

mod memo;
pub mod printed;
mod staging;
mod swap;

pub use memo::Memo;
pub use staging::{Staging, clean_leftovers};
pub use swap::swap;

use std::collections::BTreeMap;
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
