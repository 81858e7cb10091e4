//! Problems as values: one [`Diagnostic`] type for errors and warnings,
//! rendered by [`crate::report`]. The warnings about the content are made by
//! [`crate::warnings`].

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use lentera_messages::{Lang, Msg};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, located in a file: what `build`, `check`, `new`, `serve` and
/// its overlay all show (rendered by [`crate::report`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based; 0 when the problem has no line.
    pub line: usize,
    /// 1-based, in characters; 0 when unknown.
    pub column: usize,
    pub severity: Severity,
    pub message: Msg,
    /// What to do about it.
    pub hint: Option<Msg>,
    /// The text of the dependency that found it (Tera, serde_yaml, image,
    /// Typst, the operating system), in its own words.
    pub detail: Option<String>,
    /// What lentera was doing ("while rendering content/a.md").
    pub context: Option<Msg>,
}

impl Diagnostic {
    pub fn warning(
        file: impl Into<PathBuf>,
        line: usize,
        message: Msg,
        hint: Option<Msg>,
    ) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            line,
            column: 0,
            severity: Severity::Warning,
            message,
            hint,
            detail: None,
            context: None,
        }
    }

    /// `file:line: message` in English, for one-line logs and tests.
    pub fn located(&self) -> String {
        match self.line {
            0 => format!("{}: {}", self.file.display(), self.message),
            n => format!("{}:{n}: {}", self.file.display(), self.message),
        }
    }

    /// The diagnostic as JSON for `check --format json`: stable English keys,
    /// the `code` of the message and of the hint, and the texts in `lang`.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "severity": self.severity,
            "code": self.message.code(),
            "file": self.file.display().to_string(),
            "line": self.line,
            "column": self.column,
            "message": self.message.text(lang),
            "context": self.context.as_ref().map(|c| c.text(lang)),
            "hint_code": self.hint.as_ref().map(Msg::code),
            "hint": self.hint.as_ref().map(|h| h.text(lang)),
            "detail": self.detail,
        })
    }
}

/// At most this many diagnostics of one message code are shown per file.
pub const SHOWN_PER_FILE_AND_CODE: usize = 20;

/// `list` as people are shown it: at most [`SHOWN_PER_FILE_AND_CODE`] of
/// each message code per file, the rest counted on one line after the last
/// shown (a file with 20,000 broken links printed 6 MB). The order of what
/// is shown is kept.
pub fn capped(list: &[Diagnostic]) -> Vec<Diagnostic> {
    let limit = SHOWN_PER_FILE_AND_CODE;
    let mut totals: std::collections::HashMap<(&Path, &str), usize> = Default::default();
    for d in list {
        *totals.entry((&d.file, d.message.code())).or_default() += 1;
    }
    let mut seen: std::collections::HashMap<(&Path, &str), usize> = Default::default();
    let mut out = Vec::with_capacity(list.len().min(totals.len() * (limit + 1)));
    for d in list {
        let key = (d.file.as_path(), d.message.code());
        let n = seen.entry(key).or_default();
        *n += 1;
        if *n <= limit {
            out.push(d.clone());
        }
        let total = totals[&key];
        if *n == limit && total > limit {
            out.push(Diagnostic {
                file: d.file.clone(),
                line: 0,
                column: 0,
                severity: d.severity,
                message: Msg::MoreDiagnostics {
                    n: total - limit,
                    code: key.1.to_string(),
                },
                hint: None,
                detail: None,
                context: None,
            });
        }
    }
    out
}
