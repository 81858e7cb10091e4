//! The one error type of the library. Every variant that comes from a file
//! names the file, and the line where it is known, as fields; every message
//! is a [`Msg`] value, shown in the staff's language by [`crate::report`].

use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Severity};
use lentera_messages::{Lang, Msg};

/// The text of a caught panic, for a message that names the file being
/// processed when it happened.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no details".to_string())
}

/// `Result` with our [`Error`] as the default error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can stop a build.
#[derive(Debug)]
pub enum Error {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Invalid YAML, or YAML of the wrong shape (front matter, site.yaml, a
    /// village). `detail` is serde_yaml's own text.
    Yaml {
        path: PathBuf,
        line: usize,
        column: usize,
        message: Msg,
        hint: Option<Msg>,
        detail: Option<String>,
    },
    /// Anything else wrong in a content file, at a known line (0 = whole
    /// file) and column (0 = unknown).
    Content {
        path: PathBuf,
        line: usize,
        column: usize,
        message: Msg,
        hint: Option<Msg>,
        detail: Option<String>,
    },
    /// A template that does not compile or fails on a page; `detail` is
    /// Tera's text, `page` what was being done.
    Template {
        template: String,
        line: usize,
        column: usize,
        message: Msg,
        detail: String,
        page: Msg,
        /// The template's file, relative to the project (empty if unknown).
        file: PathBuf,
    },
    /// A village leaflet or poster that cannot be printed as it is.
    /// `template` is where in the Typst template it failed, when known:
    /// (file, line, column).
    Leaflet {
        village: PathBuf,
        message: Msg,
        hint: Msg,
        detail: Option<String>,
        template: Option<(PathBuf, usize, usize)>,
    },
    ThemeNotFound {
        theme: String,
        path: PathBuf,
    },
    UrlCollision {
        url: String,
        first: PathBuf,
        second: PathBuf,
    },
    UnsafeOutput {
        path: PathBuf,
        reason: Msg,
    },
    Serve {
        addr: String,
        source: std::io::Error,
    },
    Watch {
        path: PathBuf,
        message: String,
    },
    /// Several independent errors found in one pass (for example one per page).
    Many(Vec<Error>),
}

/// The cause, where there is one: the I/O error under a read, write or
/// serve failure (tools that walk `source()` then show the OS's reason).
impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. }
            | Error::Write { source, .. }
            | Error::Serve { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    /// English, one diagnostic after another, without source lines: for
    /// logs and tests. People see [`crate::report`]'s rendering.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = self.diagnostics();
        if list.len() > 1 {
            writeln!(
                f,
                "{}",
                lentera_messages::Say::ErrorCount { n: list.len() }.text(Lang::En)
            )?;
        }
        for (i, d) in list.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            f.write_str(&crate::report::one_line(d, Lang::En))?;
        }
        Ok(())
    }
}

impl Error {
    /// A content error at a line of a file.
    pub fn content(path: impl Into<PathBuf>, line: usize, message: Msg) -> Self {
        Error::Content {
            path: path.into(),
            line,
            column: 0,
            message,
            hint: None,
            detail: None,
        }
    }

    /// Attach a hint ("what to do") to a content or YAML error.
    pub fn with_hint(mut self, text: Msg) -> Self {
        if let Error::Content { hint, .. } | Error::Yaml { hint, .. } = &mut self {
            *hint = Some(text);
        }
        self
    }

    /// Attach a dependency's own text to a content error.
    pub fn with_detail(mut self, text: impl fmt::Display) -> Self {
        if let Error::Content { detail, .. } | Error::Yaml { detail, .. } = &mut self {
            *detail = Some(text.to_string());
        }
        self
    }

    /// Point a content error at a column (1-based) of its line.
    pub fn at_column(mut self, at: usize) -> Self {
        if let Error::Content { column, .. } = &mut self {
            *column = at;
        }
        self
    }

    /// Collapse a list of errors: none is `Ok`, one is itself, more are `Many`.
    pub fn collect(mut errors: Vec<Error>) -> Result<()> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.remove(0)),
            _ => Err(Error::Many(errors)),
        }
    }

    /// The individual errors, flattening `Many`.
    pub fn flatten(&self) -> Vec<&Error> {
        match self {
            Error::Many(list) => list.iter().flat_map(Error::flatten).collect(),
            other => vec![other],
        }
    }

    /// Every error as a diagnostic (several for `Many`).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.flatten().into_iter().map(Error::diagnostic).collect()
    }

    /// This error (not flattened: call on each of [`Error::flatten`]) as a
    /// diagnostic: file, line, column, message, hint and detail.
    pub fn diagnostic(&self) -> Diagnostic {
        let at = |file: &Path, line, column, message: Msg, hint: Option<Msg>| Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            line,
            column,
            message,
            hint,
            detail: None,
            context: None,
        };
        match self {
            Error::Yaml {
                path,
                line,
                column,
                message,
                hint,
                detail,
            }
            | Error::Content {
                path,
                line,
                column,
                message,
                hint,
                detail,
            } => Diagnostic {
                detail: detail.clone(),
                ..at(path, *line, *column, message.clone(), hint.clone())
            },
            Error::Template {
                template,
                line,
                column,
                message,
                detail,
                page,
                file,
            } => Diagnostic {
                detail: Some(detail.clone()).filter(|d| !d.is_empty()),
                context: Some(page.clone()),
                ..at(
                    &if file.as_os_str().is_empty() {
                        Path::new("templates").join(template)
                    } else {
                        file.clone()
                    },
                    *line,
                    *column,
                    message.clone(),
                    None,
                )
            },
            Error::Leaflet {
                village,
                message,
                hint,
                detail,
                template: Some((file, line, column)),
            } => Diagnostic {
                detail: detail.clone(),
                context: Some(Msg::ForVillage {
                    village: village.display().to_string(),
                }),
                ..at(file, *line, *column, message.clone(), Some(hint.clone()))
            },
            Error::Leaflet {
                village,
                message,
                hint,
                detail,
                template: None,
            } => Diagnostic {
                detail: detail.clone(),
                ..at(village, 0, 0, message.clone(), Some(hint.clone()))
            },
            Error::Read { path, source } if source.kind() == std::io::ErrorKind::InvalidData => {
                Diagnostic {
                    detail: Some(source.to_string()),
                    ..at(path, 0, 0, Msg::NotUtf8, Some(Msg::SaveAsUtf8))
                }
            }
            Error::Read { path, source } => Diagnostic {
                detail: Some(source.to_string()),
                ..at(path, 0, 0, Msg::CannotRead, Some(Msg::CheckPermissions))
            },
            Error::Write { path, source } => Diagnostic {
                detail: Some(source.to_string()),
                ..at(path, 0, 0, Msg::CannotWrite, Some(Msg::CheckPermissions))
            },
            Error::ThemeNotFound { theme, path } => at(
                Path::new("content/site.yaml"),
                0,
                0,
                Msg::ThemeNotFound {
                    theme: theme.clone(),
                    path: path.display().to_string(),
                },
                Some(Msg::SetTheme),
            ),
            Error::UrlCollision { url, first, second } => at(
                first,
                0,
                0,
                Msg::UrlCollision {
                    url: url.clone(),
                    first: first.display().to_string(),
                    second: second.display().to_string(),
                },
                Some(Msg::RenameOne),
            ),
            Error::UnsafeOutput { path, reason } => at(
                Path::new(""),
                0,
                0,
                Msg::UnsafeOutput {
                    dir: path.display().to_string(),
                    reason: Box::new(reason.clone()),
                },
                Some(Msg::ChooseOutput),
            ),
            Error::Serve { addr, source } => Diagnostic {
                detail: Some(source.to_string()),
                ..at(
                    Path::new(""),
                    0,
                    0,
                    Msg::CannotServe { addr: addr.clone() },
                    Some(Msg::TryAnotherPort),
                )
            },
            Error::Watch { path, message } => Diagnostic {
                detail: Some(message.clone()),
                ..at(path, 0, 0, Msg::CannotWatch, Some(Msg::WatchLimit))
            },
            Error::Many(list) => list
                .first()
                .map(Error::diagnostic)
                .unwrap_or_else(|| at(Path::new(""), 0, 0, Msg::YamlInvalid, None)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_keep_their_cause() {
        use std::error::Error as _;
        let err = Error::Read {
            path: "content/a.md".into(),
            source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied here"),
        };
        let cause = err.source().expect("a read error keeps its I/O cause");
        assert_eq!(cause.to_string(), "denied here");
        let other = Error::ThemeNotFound {
            theme: "x".into(),
            path: "themes/x".into(),
        };
        assert!(other.source().is_none());
    }

    #[test]
    fn diagnostic_keeps_file_line_column_hint_and_detail() {
        let yaml = Error::Yaml {
            path: "content/a.md".into(),
            line: 3,
            column: 7,
            message: Msg::YamlUnknownKey { key: "x".into() },
            hint: Some(Msg::ValidKeys {
                valid: "`title`".into(),
            }),
            detail: Some("unknown field `x`".into()),
        };
        let d = yaml.diagnostic();
        assert_eq!(
            (d.file.as_path(), d.line, d.column),
            (Path::new("content/a.md"), 3, 7)
        );
        assert_eq!(d.message.code(), "yaml-unknown-key");
        assert_eq!(d.hint.as_ref().map(Msg::code), Some("valid-keys"));
        assert_eq!(d.detail.as_deref(), Some("unknown field `x`"));
        let template = Error::Template {
            template: "page.html".into(),
            line: 2,
            column: 5,
            message: Msg::TemplateFailed,
            detail: "Variable `x` not found".into(),
            page: Msg::WhileRendering {
                page: "content/a.md".into(),
            },
            file: PathBuf::new(),
        };
        let d = template.diagnostic();
        assert_eq!(d.file, Path::new("templates/page.html"));
        assert_eq!(d.context.as_ref().map(Msg::code), Some("while-rendering"));
        let not_text = Error::Read {
            path: "content/a.md".into(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8"),
        };
        assert_eq!(not_text.diagnostic().message, Msg::NotUtf8);
        let many = Error::Many(vec![yaml, template]);
        assert_eq!(many.diagnostics().len(), 2);
        assert!(many.to_string().starts_with("2 errors:\n"), "{many}");
    }
}
