//! The whole site as one zip file, built `--portable` (every link ends in
//! `index.html`, so it works from `file://`), for USB sticks and village
//! hotspots: unzip it anywhere and open `index.html`. Made by `lentera build`
//! when `site.yaml` says `portable_zip: true`, linked from pages whose front
//! matter sets `extra: { portable_zip_link: true }` (the about page).

use std::io::Write;

use crate::error::{Error, Result};
use crate::output::{Contents, OutputFile};

/// Where the zip is written in the output.
pub const PATH: &str = "unduh/situs-lentera-portabel.zip";

/// The zip file's name and size, for templates (`portable_zip`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ZipInfo {
    pub path: String,
    /// "1.2 MB".
    pub size: String,
    pub bytes: u64,
}

/// Zip `files` (a `--portable` build) into one file, under a folder so that
/// unzipping never scatters files.
pub fn zip(files: &[OutputFile]) -> Result<(OutputFile, ZipInfo)> {
    let fail = |e: String| Error::Write {
        path: PATH.into(),
        source: std::io::Error::other(e),
    };
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        // A fixed date: the same site gives the same bytes.
        .last_modified_time(zip::DateTime::default());
    for f in files {
        if f.path == PATH || f.path == crate::output::MANIFEST {
            continue;
        }
        let bytes = match &f.contents {
            Contents::Bytes(b) => std::borrow::Cow::Borrowed(b.as_slice()),
            Contents::Copy(p) | Contents::Staged { path: p, .. } => {
                std::borrow::Cow::Owned(std::fs::read(p).map_err(|source| Error::Read {
                    path: p.clone(),
                    source,
                })?)
            }
        };
        writer
            .start_file(format!("lentera/{}", f.path), options)
            .map_err(|e| fail(e.to_string()))?;
        writer.write_all(&bytes).map_err(|e| fail(e.to_string()))?;
    }
    let bytes = writer
        .finish()
        .map_err(|e| fail(e.to_string()))?
        .into_inner();
    let len = bytes.len() as u64;
    let info = ZipInfo {
        path: PATH.to_string(),
        size: crate::output::human_size(len),
        bytes: len,
    };
    Ok((OutputFile::bytes(PATH, bytes), info))
}
