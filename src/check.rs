//! `lentera check`: everything the build validates, without writing, plus the
//! translation status of every page, stale contact numbers and missing
//! interface strings.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::config::{Config, Date};
use crate::error::Error;
use crate::messages::{Lang, tr};
use crate::status::{Row, Status, translation_status};
use crate::{BuildOptions, build};

pub use crate::diagnostic::{Diagnostic, Severity};

/// The result of a check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub translations: Vec<Row>,
    /// Interface strings missing per language (the default language is shown).
    pub missing_strings: BTreeMap<String, Vec<String>>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

/// Options of `lentera check`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckOptions {
    pub build: BuildOptions,
    /// Overrides `stale_after_days` from site.yaml.
    pub stale_after_days: Option<u32>,
    /// "Today", for stale checks; the real date if `None`.
    pub today: Option<Date>,
}

/// Check the site at `root`.
pub fn run(root: &Path, opts: &CheckOptions) -> Report {
    let mut diagnostics = Vec::new();
    let mut translations = Vec::new();
    let mut missing_strings: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let today = opts.today.unwrap_or_else(|| {
        Config::load(&root.join("content/site.yaml")).map_or_else(|_| Date::today(), |c| c.today())
    });

    let loaded = Config::load(&root.join("content/site.yaml")).and_then(|mut config| {
        if let Some(days) = opts.stale_after_days {
            config.stale_after_days = days;
        }
        crate::content::load(
            root,
            config,
            &crate::content::LoadOptions {
                drafts: opts.build.drafts,
            },
        )
    });
    let loaded = loaded.map(crate::library::Library::new);
    match &loaded {
        Ok(site) => translations = translation_status(site),
        Err(err) => diagnostics.extend(from_error(err)),
    }
    if loaded.is_ok() {
        let mut build_opts = opts.build.clone();
        build_opts.render.build_date = Some(today);
        build_opts.stale_after_days = opts.stale_after_days.or(build_opts.stale_after_days);
        match build(root, &build_opts) {
            Ok(built) => {
                diagnostics.extend(built.warnings);
                for (lang, key) in built.missing_strings {
                    missing_strings.entry(lang).or_default().push(key);
                }
                for (lang, keys) in &missing_strings {
                    diagnostics.push(Diagnostic {
                        file: PathBuf::from(format!("themes/{}/i18n/{lang}.yaml", loaded.as_ref().map_or("default", |s| s.config.theme.as_str()))),
                        line: 0,
                        severity: Severity::Warning,
                        message: format!("{} interface strings are missing in `{lang}`: {}", keys.len(), keys.join(", ")),
                        hint: Some(format!("add them to the theme's i18n/{lang}.yaml or to content/i18n/{lang}.yaml")),
                    });
                }
            }
            Err(err) => {
                diagnostics.extend(from_error(&err));
                if let Ok(site) = &loaded {
                    diagnostics.extend(crate::diagnostic::content_warnings(root, site, today));
                }
            }
        }
    }
    diagnostics.sort();
    diagnostics.dedup();
    Report {
        diagnostics,
        translations,
        missing_strings,
    }
}

/// Diagnostics from a build error (each of several, if it holds many).
pub fn from_error(err: &Error) -> Vec<Diagnostic> {
    err.flatten()
        .into_iter()
        .map(|e| {
            let at = e.located();
            let message = if at.column > 0 {
                format!("{} (column {})", at.message, at.column)
            } else {
                at.message
            };
            // Template errors are grouped under templates/ in the report.
            let file = match e {
                Error::Template { .. } => PathBuf::from("templates").join(&at.file),
                _ => at.file,
            };
            Diagnostic {
                file,
                line: at.line,
                severity: Severity::Error,
                message,
                hint: at.hint,
            }
        })
        .collect()
}

/// The report for people: problems grouped by file, then the translation table.
pub fn format_human(report: &Report, languages: &[String], lang: Lang) -> String {
    let mut out = String::new();
    let mut by_file: BTreeMap<&Path, Vec<&Diagnostic>> = BTreeMap::new();
    for d in &report.diagnostics {
        by_file.entry(&d.file).or_default().push(d);
    }
    for (file, list) in by_file {
        out.push_str(&format!(
            "{}\n",
            if file.as_os_str().is_empty() {
                "(site)".to_string()
            } else {
                file.display().to_string()
            }
        ));
        for d in list {
            let sev = match d.severity {
                Severity::Error => tr(lang, "error"),
                Severity::Warning => tr(lang, "warning"),
            };
            let line = if d.line > 0 {
                tr(lang, &format!("line {}: ", d.line))
            } else {
                String::new()
            };
            out.push_str(&format!("  {sev}: {line}{}\n", tr(lang, &d.message)));
            if let Some(hint) = &d.hint {
                out.push_str(&format!("    {}: {}\n", tr(lang, "hint"), tr(lang, hint)));
            }
        }
    }
    if !report.translations.is_empty() {
        out.push('\n');
        out.push_str(&tr(
            lang,
            "Translation status (O original, T translated, D draft, S stale, - missing)",
        ));
        out.push('\n');
        let width = report
            .translations
            .iter()
            .map(|r| r.key.len().max(6))
            .max()
            .unwrap_or(6);
        out.push_str(&format!("  {:width$}", tr(lang, "page")));
        for l in languages {
            out.push_str(&format!(" {l:>4}"));
        }
        out.push('\n');
        for row in &report.translations {
            let key = if row.key.is_empty() {
                "(home)"
            } else {
                row.key.as_str()
            };
            out.push_str(&format!("  {key:width$}"));
            for l in languages {
                let c = match row.langs.get(l) {
                    Some(Status::Original) => "O",
                    Some(Status::Translated) => "T",
                    Some(Status::Draft) => "D",
                    Some(Status::Stale) => "S",
                    Some(Status::Missing) | None => "-",
                };
                out.push_str(&format!(" {c:>4}"));
            }
            out.push('\n');
        }
    }
    let totals = format!("{} errors, {} warnings", report.errors(), report.warnings());
    out.push_str(&format!("\n{}\n", tr(lang, &totals)));
    out
}
