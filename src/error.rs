//! The one error type of the library. Every variant that comes from a file
//! names the file, and the line where it is known, as fields.

use std::fmt;
use std::path::PathBuf;

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
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Invalid YAML, or YAML of the wrong shape (front matter, site.yaml, a village).
    #[error("{}:{line}:{column}: {message}{}", path.display(), Hint(hint))]
    Yaml {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        hint: Option<String>,
    },
    /// Anything else wrong in a content file, at a known line (0 = whole file).
    #[error("{}{}: {message}{}", path.display(), Line(*line), Hint(hint))]
    Content {
        path: PathBuf,
        line: usize,
        message: String,
        hint: Option<String>,
    },
    #[error("template `{template}`:{line}:{column}: {message} ({page})")]
    Template {
        template: String,
        line: usize,
        column: usize,
        message: String,
        page: String,
    },
    /// A village leaflet that cannot be printed as it is.
    #[error("{}: leaflet in `{lang}`: {message}\n  hint: {hint}", village.display())]
    Leaflet {
        village: PathBuf,
        lang: String,
        message: String,
        hint: String,
    },
    #[error("theme `{theme}` not found: looked for {}", path.display())]
    ThemeNotFound { theme: String, path: PathBuf },
    #[error("`{url}` would be written by both {} and {}", first.display(), second.display())]
    UrlCollision {
        url: String,
        first: PathBuf,
        second: PathBuf,
    },
    #[error("refusing to build into {}: {reason}", path.display())]
    UnsafeOutput { path: PathBuf, reason: String },
    #[error("cannot serve on {addr} (is another server using this port? try --port)")]
    Serve {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot watch {} for changes: {message}", path.display())]
    Watch { path: PathBuf, message: String },
    /// Several independent errors found in one pass (for example one per page).
    #[error("{}", List(.0))]
    Many(Vec<Error>),
}

/// Where an error points and what it says, for reports that show errors one
/// field at a time (`lentera check`, the `serve` overlay). 0 means unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Error {
    /// This error (not flattened: call on each of [`Error::flatten`]) as
    /// file, line, column, message and hint.
    pub fn located(&self) -> Located {
        let at =
            |file: &std::path::Path, line, column, message: String, hint: Option<String>| Located {
                file: file.to_path_buf(),
                line,
                column,
                message,
                hint,
            };
        match self {
            Error::Yaml {
                path,
                line,
                column,
                message,
                hint,
            } => at(path, *line, *column, message.clone(), hint.clone()),
            Error::Content {
                path,
                line,
                message,
                hint,
            } => at(path, *line, 0, message.clone(), hint.clone()),
            Error::Template {
                template,
                line,
                column,
                message,
                page,
            } => at(
                std::path::Path::new(template),
                *line,
                *column,
                format!("{message} ({page})"),
                None,
            ),
            Error::Leaflet {
                village,
                lang,
                message,
                hint,
            } => at(
                village,
                0,
                0,
                format!("leaflet in `{lang}`: {message}"),
                Some(hint.clone()),
            ),
            Error::Read { path, source } => at(path, 0, 0, format!("cannot read: {source}"), None),
            Error::Write { path, source } => {
                at(path, 0, 0, format!("cannot write: {source}"), None)
            }
            Error::UrlCollision { first, .. } => at(first, 0, 0, self.to_string(), None),
            other => {
                let mut message = other.to_string();
                let mut source = std::error::Error::source(other);
                while let Some(cause) = source {
                    message.push_str(&format!("\ncaused by: {cause}"));
                    source = cause.source();
                }
                at(std::path::Path::new(""), 0, 0, message, None)
            }
        }
    }

    /// A content error at a line of a file.
    pub fn content(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Error::Content {
            path: path.into(),
            line,
            message: message.into(),
            hint: None,
        }
    }

    /// Attach a hint ("what to do") to a content or YAML error.
    pub fn with_hint(mut self, text: impl Into<String>) -> Self {
        if let Error::Content { hint, .. } | Error::Yaml { hint, .. } = &mut self {
            *hint = Some(text.into());
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
}

struct Hint<'a>(&'a Option<String>);

impl fmt::Display for Hint<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(hint) => write!(f, "\n  hint: {hint}"),
            None => Ok(()),
        }
    }
}

struct Line(usize);

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 > 0 {
            write!(f, ":{}", self.0)
        } else {
            Ok(())
        }
    }
}

struct List<'a>(&'a [Error]);

impl fmt::Display for List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} errors:", self.0.len())?;
        for (i, err) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{err}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_keeps_file_line_column_and_hint() {
        let yaml = Error::Yaml {
            path: "content/a.md".into(),
            line: 3,
            column: 7,
            message: "bad".into(),
            hint: Some("fix".into()),
        };
        assert_eq!(
            yaml.located(),
            Located {
                file: "content/a.md".into(),
                line: 3,
                column: 7,
                message: "bad".into(),
                hint: Some("fix".into())
            }
        );
        let leaflet = Error::Leaflet {
            village: "content/desa/x.yaml".into(),
            lang: "jv".into(),
            message: "too long".into(),
            hint: "shorten".into(),
        };
        let at = leaflet.located();
        assert_eq!(at.message, "leaflet in `jv`: too long");
        assert_eq!(at.hint.as_deref(), Some("shorten"));
        let theme = Error::ThemeNotFound {
            theme: "t".into(),
            path: "themes/t/templates".into(),
        };
        assert!(theme.located().message.starts_with("theme `t` not found"));
    }
}
