//! A build whose inputs did not change since the last one writes nothing:
//! every input (the files under `content/`, `themes/` and `templates/`, the
//! options, the date printed on pages, and the lentera binary itself) goes
//! into a fingerprint, kept with a summary of the build in the output folder
//! (`.lentera-build.json`). When the next build finds the same fingerprint
//! and every file it listed still in place, with its size, it reports the
//! kept summary instead of rendering the same bytes again.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::options::BuildOptions;
use crate::output::printed::{Previous, Record};
use crate::output::{Contents, OutputFile};

pub use crate::output::MANIFEST;

/// What the terminal says about a build, kept for the next one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub pages_per_language: BTreeMap<String, usize>,
    /// Pages shown in a language they are not written in.
    pub fallbacks: usize,
    /// Files in the output, this manifest included.
    pub files: usize,
    pub leaflets: usize,
    /// Poster PDFs written (a manifest from before posters were counted
    /// reads as 0).
    #[serde(default)]
    pub posters: usize,
    pub warnings: Vec<Diagnostic>,
    /// Interface strings missing: (language, key).
    pub missing_strings: Vec<(String, String)>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    fingerprint: String,
    summary: Summary,
    /// Every file written, with its size.
    files: Vec<(String, u64)>,
    /// The lentera that made the build (see [`binary`]).
    #[serde(default)]
    binary: String,
    /// The printed files, with what they were made from.
    #[serde(default)]
    printed: BTreeMap<String, Record>,
}

/// The fingerprint of everything a build of `root` with `opts` reads. `None`
/// when an input cannot be read (the build then runs and reports it).
pub fn fingerprint(root: &Path, opts: &BuildOptions) -> Option<String> {
    let mut files = Vec::new();
    for dir in ["content", "themes", "templates"] {
        let base = root.join(dir);
        if !base.exists() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&base).sort_by_file_name() {
            let entry = entry.ok()?;
            if !entry.file_type().is_dir() {
                files.push(entry.into_path());
            }
        }
    }
    let hashes: Vec<u64> = files
        .par_iter()
        .map(|path| {
            let mut h = std::hash::DefaultHasher::new();
            path.strip_prefix(root).unwrap_or(path).hash(&mut h);
            match std::fs::read(path) {
                Ok(bytes) => bytes.hash(&mut h),
                // A dangling symlink or an unreadable file: its error is the
                // build's to report, and the build must run to report it.
                Err(_) => return None,
            }
            Some(h.finish())
        })
        .collect::<Option<_>>()?;
    let mut h = std::hash::DefaultHasher::new();
    hashes.hash(&mut h);
    binary().hash(&mut h);
    opts.drafts.hash(&mut h);
    opts.stale_after_days.hash(&mut h);
    opts.base_url.hash(&mut h);
    opts.render.portable.hash(&mut h);
    opts.render.no_minify.hash(&mut h);
    opts.render.status_page.hash(&mut h);
    // The date printed on pages ("built on"), today unless given.
    opts.render
        .build_date
        .unwrap_or_else(crate::config::Date::today)
        .to_string()
        .hash(&mut h);
    Some(format!("{:016x}", h.finish()))
}

/// The lentera that runs: its version and, since a rebuilt lentera of the
/// same version may write other bytes, the size and time of its binary.
fn binary() -> String {
    let meta = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok());
    let mut h = std::hash::DefaultHasher::new();
    if let Some(meta) = meta {
        meta.len().hash(&mut h);
        meta.modified().ok().hash(&mut h);
    }
    format!("{} {:016x}", crate::options::VERSION, h.finish())
}

/// The printed files (PDFs) of the build in `out_dir` and what each was
/// made from, for the next build to reuse those whose inputs did not
/// change. Only a build by this same lentera binary counts: another may lay
/// out the same inputs differently.
pub fn previous_prints(out_dir: &Path) -> Option<Previous> {
    let text = std::fs::read_to_string(out_dir.join(MANIFEST)).ok()?;
    let manifest: Manifest = serde_json::from_str(&text).ok()?;
    (manifest.binary == binary() && !manifest.printed.is_empty()).then(|| Previous {
        dir: out_dir.to_path_buf(),
        records: manifest.printed.into_iter().collect(),
    })
}

/// The summary of the build in `out_dir`, if it was made from `fingerprint`
/// and every file it wrote is still there with its size.
pub fn up_to_date(out_dir: &Path, fingerprint: &str) -> Option<Summary> {
    let text = std::fs::read_to_string(out_dir.join(MANIFEST)).ok()?;
    let manifest: Manifest = serde_json::from_str(&text).ok()?;
    if manifest.fingerprint != fingerprint {
        return None;
    }
    let intact = manifest.files.par_iter().all(|(path, len)| {
        std::fs::symlink_metadata(out_dir.join(path)).is_ok_and(|m| m.is_file() && m.len() == *len)
    });
    intact.then_some(manifest.summary)
}

/// The manifest of `build` (whose files are about to be written), as an
/// output file.
///
/// `printed` names the printed files and the key of each one's inputs
/// ([`crate::output::printed::Printer::made`]).
pub fn manifest(
    summary: &Summary,
    files: &[OutputFile],
    fingerprint: &str,
    printed: &BTreeMap<String, String>,
) -> OutputFile {
    let mut summary = summary.clone();
    summary.files += 1;
    let printed = files
        .iter()
        .filter_map(|f| Some((f.path.clone(), Record::of(f, printed.get(&f.path)?)?)))
        .collect();
    let files = files
        .iter()
        .filter_map(|f| {
            let len = match &f.contents {
                Contents::Bytes(b) => b.len() as u64,
                Contents::Staged { len, .. } => *len,
                Contents::Copy(p) => std::fs::metadata(p).ok()?.len(),
            };
            Some((f.path.clone(), len))
        })
        .collect();
    let manifest = Manifest {
        fingerprint: fingerprint.to_string(),
        summary,
        files,
        binary: binary(),
        printed,
    };
    OutputFile::bytes(
        MANIFEST,
        serde_json::to_vec(&manifest).expect("plain data serialises"),
    )
}
