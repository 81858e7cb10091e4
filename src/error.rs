//! The one error type of the library. Every variant that comes from a file
//! names the file, and the line where it is known, as fields.

use std::fmt;
use std::path::PathBuf;

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

impl Error {
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
