//! The atomic swap of a complete output folder into the place of the
//! previous one: one `renameat2(RENAME_EXCHANGE)` on Linux, two renames
//! elsewhere.

use std::path::{Path, PathBuf};

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
