//! Problems as values: one [`Diagnostic`] type for errors and warnings, and
//! the warnings about the content that `build` prints and `check` reports
//! (one list, the same words).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::Date;
use crate::library::Library;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, located in a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based; 0 when the problem has no line.
    pub line: usize,
    pub severity: Severity,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn warning(
        file: impl Into<PathBuf>,
        line: usize,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            line,
            severity: Severity::Warning,
            message: message.into(),
            hint,
        }
    }

    /// `file:line: message`, for one-line output.
    pub fn located(&self) -> String {
        match self.line {
            0 => format!("{}: {}", self.file.display(), self.message),
            n => format!("{}:{n}: {}", self.file.display(), self.message),
        }
    }
}

/// Warnings about the content itself: contact numbers verified too long ago
/// (site.yaml and villages) and translations older than their original.
pub fn content_warnings(root: &Path, site: &Library, today: Date) -> Vec<Diagnostic> {
    let days = site.config.stale_after_days;
    let mut out = Vec::new();
    let site_yaml = std::fs::read_to_string(root.join("content/site.yaml")).unwrap_or_default();
    for (key, date) in site.config.stale_contacts(today) {
        out.push(Diagnostic::warning(
            "content/site.yaml",
            crate::yaml::line_of(&site_yaml, &format!("key: {key}")),
            format!("the numbers of `{key}` were verified on {date}, more than {days} days ago"),
            Some("check them against the source, then update `verified:` and `source:`".into()),
        ));
    }
    for (village, name, date) in site.stale_village_contacts(today) {
        let text = std::fs::read_to_string(root.join(&village.path)).unwrap_or_default();
        out.push(Diagnostic::warning(
            village.path.clone(),
            crate::yaml::line_of(&text, &name),
            format!(
                "the phone number of `{name}` was verified on {date}, more than {days} days ago"
            ),
            Some("check it with the person, then update `verified:`".into()),
        ));
    }
    for row in crate::status::translation_status(site) {
        for (lang, status) in &row.langs {
            if *status == crate::status::Status::Stale {
                out.push(Diagnostic::warning(
                    row.file.clone(),
                    0,
                    format!(
                        "the `{lang}` translation is older than this page's last review (`updated:`)"
                    ),
                    Some(format!(
                        "review the `{lang}` file and set its `updated:` to the same date"
                    )),
                ));
            }
        }
    }
    out
}
