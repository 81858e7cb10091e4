//! Printed matter (leaflets, posters, the session kit) is made once: a PDF
//! whose inputs did not change is not rendered again. Within `serve` it
//! comes from the memo; from one `lentera build` to the next, from the
//! output folder, whose manifest records what each PDF was made from
//! ([`Record`]). A PDF made now is written into the staging folder at once,
//! so a build of a thousand villages does not hold their PDFs in memory.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::{Contents, Memo, OutputFile, Staging, hash_bytes};

/// What the manifest keeps of one printed file: the key of the inputs it
/// was made from, and the file as it was written (its length, the hash of
/// its bytes and its modification time), to tell that it is still the same
/// file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub input: String,
    pub len: u64,
    pub hash: u64,
    pub mtime_ns: u64,
}

impl Record {
    /// The record of `file` as it is now on disk (written or linked into
    /// the staging folder), made from the inputs with `input` as key.
    pub fn of(file: &OutputFile, input: &str) -> Option<Record> {
        let Contents::Staged { path, len, hash } = &file.contents else {
            return None;
        };
        Some(Record {
            input: input.to_string(),
            len: *len,
            hash: *hash,
            mtime_ns: mtime_ns(path)?,
        })
    }
}

fn mtime_ns(path: &Path) -> Option<u64> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let since = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    u64::try_from(since.as_nanos()).ok()
}

/// A key of 128 bits for the inputs of one PDF, given as parts (the
/// template, the data, the address, …). Two SipHash passes with different
/// starts: the key decides whether a printed phone number is the current
/// one, so 64 bits were not thought enough.
pub fn key(parts: &[&[u8]]) -> String {
    let half = |seed: u8| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        seed.hash(&mut h);
        for part in parts {
            part.hash(&mut h);
        }
        h.finish()
    };
    format!("{:016x}{:016x}", half(0), half(1))
}

/// The printed files of the build in an output folder: the folder, and
/// the record of each file by its path there.
#[derive(Debug, Clone, PartialEq)]
pub struct Previous {
    pub dir: PathBuf,
    pub records: HashMap<String, Record>,
}

/// Makes the printed files of one build: reuses what it can, writes what it
/// makes, and records what each file was made from.
#[derive(Default)]
pub struct Printer {
    memo: Option<Arc<Memo>>,
    staging: Option<Arc<Staging>>,
    previous: Option<Arc<Previous>>,
    made: Mutex<BTreeMap<String, String>>,
    reused: std::sync::atomic::AtomicUsize,
}

impl Printer {
    /// A printer that keeps results in `memo` (for `serve`), writes into
    /// `staging` (for a build written to a folder) and reuses the files of
    /// the previous build in `previous` (the output folder and its records).
    pub fn new(
        memo: Option<Arc<Memo>>,
        staging: Option<Arc<Staging>>,
        previous: Option<Arc<Previous>>,
    ) -> Printer {
        Printer {
            memo,
            staging,
            previous,
            ..Printer::default()
        }
    }

    /// The file at `path` made from the inputs with key `input`: the
    /// previous build's if it was made from the same inputs and is still
    /// the file that build wrote, else the memo's, else made by `make` now.
    pub fn print(
        &self,
        path: &str,
        input: &str,
        make: impl FnOnce() -> crate::error::Result<Vec<u8>>,
    ) -> crate::error::Result<OutputFile> {
        let file = match self.reuse(path, input) {
            Some(file) => {
                self.reused
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                file?
            }
            None => {
                let bytes = match &self.memo {
                    Some(memo) => memo.get_or_try(input, make)?,
                    None => make()?,
                };
                let file = OutputFile::bytes(path, bytes);
                match &self.staging {
                    Some(staging) => staging.put(file)?,
                    None => file,
                }
            }
        };
        self.made
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), input.to_string());
        Ok(file)
    }

    /// The previous build's file at `path`, if it was made from `input` and
    /// is unchanged since (same length and modification time): linked into
    /// the staging folder, or read when the build is kept in memory.
    fn reuse(&self, path: &str, input: &str) -> Option<crate::error::Result<OutputFile>> {
        let Previous { dir, records } = self.previous.as_deref()?;
        let record = records.get(path).filter(|r| r.input == input)?;
        let old = dir.join(path);
        let meta = std::fs::symlink_metadata(&old).ok()?;
        if meta.len() != record.len || mtime_ns(&old) != Some(record.mtime_ns) {
            return None;
        }
        Some(match &self.staging {
            Some(staging) => staging.link(path, &old, record.len, record.hash),
            None => {
                let bytes = std::fs::read(&old).ok()?;
                if hash_bytes(&bytes) != record.hash {
                    return None;
                }
                Ok(OutputFile::bytes(path, bytes))
            }
        })
    }

    /// Every file printed in this build, with the key of its inputs.
    pub fn made(&self) -> BTreeMap<String, String> {
        self.made.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// How many files came from the previous build's output folder.
    pub fn reused(&self) -> usize {
        self.reused.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl std::fmt::Debug for Printer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Printer")
            .field("memo", &self.memo.is_some())
            .field("staging", &self.staging.is_some())
            .field("previous", &self.previous.as_ref().map(|p| p.records.len()))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_with_any_part_and_with_where_parts_split() {
        let a = key(&[b"template", b"data"]);
        assert_eq!(a.len(), 32);
        assert_eq!(a, key(&[b"template", b"data"]));
        assert_ne!(a, key(&[b"template", b"date"]));
        assert_ne!(a, key(&[b"templat", b"edata"]));
    }

    #[test]
    fn reuses_the_previous_file_only_while_it_is_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("out");
        // A first build prints one file.
        let staging = Arc::new(Staging::new(root, &out).unwrap());
        let printer = Printer::new(None, Some(staging.clone()), None);
        let file = printer
            .print("a.pdf", "k1", || Ok(b"one".to_vec()))
            .unwrap();
        let record = Record::of(&file, "k1").unwrap();
        drop(printer);
        let mut files = vec![file];
        Arc::into_inner(staging)
            .unwrap()
            .finish(&mut files)
            .unwrap();
        let records = HashMap::from([("a.pdf".to_string(), record)]);

        // Same inputs: reused without making; other inputs: made.
        let build = |input: &str| {
            let staging = Arc::new(Staging::new(root, &out).unwrap());
            let printer = Printer::new(
                None,
                Some(staging.clone()),
                Some(Arc::new(Previous {
                    dir: out.clone(),
                    records: records.clone(),
                })),
            );
            let file = printer
                .print("a.pdf", input, || Ok(b"two".to_vec()))
                .unwrap();
            let reused = printer.reused();
            drop(printer);
            let mut files = vec![file];
            Arc::into_inner(staging)
                .unwrap()
                .finish(&mut files)
                .unwrap();
            (reused, std::fs::read(out.join("a.pdf")).unwrap())
        };
        assert_eq!(build("k1"), (1, b"one".to_vec()));
        assert_eq!(build("k2"), (0, b"two".to_vec()));
        // The file the records describe is gone (replaced by "two"): a
        // build with the old key makes it again rather than trust it.
        assert_eq!(build("k1"), (0, b"two".to_vec()));
    }
}
