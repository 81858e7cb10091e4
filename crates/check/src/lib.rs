//! `lentera check`: everything the build validates, without writing, plus the
//! translation status of every page, stale contact numbers and missing
//! interface strings.

// `Error` is a few hundred bytes on the cold path (see lentera-core).
#![allow(clippy::result_large_err)]

pub mod publish;

use std::collections::BTreeMap;
use std::path::Path;

use lentera_core::config::{Config, Date};
use lentera_core::error::Error;
use lentera_core::report::Style;
use lentera_core::status::{Row, Status, translation_status};
use lentera_core::{BuildOptions, build};
use lentera_messages::{Lang, Say};

pub use lentera_core::diagnostic::{Diagnostic, Severity};

/// The result of a check.
#[derive(Debug, Clone, PartialEq)]
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
    /// `--publish`: also report, as errors, everything that would be wrong
    /// in public (see [`crate::publish`]).
    pub publish: bool,
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
        lentera_core::content::load(
            root,
            config,
            &lentera_core::content::LoadOptions {
                drafts: opts.build.drafts,
            },
        )
    });
    let loaded = loaded.map(lentera_core::library::Library::new);
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
                if opts.publish {
                    let errors = crate::publish::preflight(root, &built, today);
                    // An error replaces the warning that says the same.
                    diagnostics.extend(
                        built
                            .warnings
                            .iter()
                            .filter(|w| {
                                !errors.iter().any(|e| {
                                    (&e.file, e.line, &e.message) == (&w.file, w.line, &w.message)
                                })
                            })
                            .cloned(),
                    );
                    diagnostics.extend(errors);
                } else {
                    diagnostics.extend(built.warnings.iter().cloned());
                }
                for (lang, key) in built.missing_strings {
                    missing_strings.entry(lang).or_default().push(key);
                }
            }
            Err(err) => {
                diagnostics.extend(from_error(&err));
                if let Ok(site) = &loaded {
                    diagnostics.extend(lentera_core::warnings::content_warnings(root, site, today));
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
    err.diagnostics()
}

impl Report {
    /// The report as JSON: stable English keys; each diagnostic with its
    /// `code` (docs/diagnostics.md) and its texts in `lang`.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "diagnostics": self.diagnostics.iter().map(|d| d.to_json(lang)).collect::<Vec<_>>(),
            "translations": self.translations,
            "missing_strings": self.missing_strings,
            "errors": self.errors(),
            "warnings": self.warnings(),
        })
    }
}

/// The report for people: problems in file order, each with its source line,
/// then the translation table and the totals.
pub fn format_human(report: &Report, languages: &[String], root: &Path, style: Style) -> String {
    let lang = style.lang;
    let mut out = String::new();
    for d in &lentera_core::diagnostic::capped(&report.diagnostics) {
        out.push_str(&lentera_core::report::render(d, root, style));
        out.push_str("\n\n");
    }
    if !report.translations.is_empty() {
        out.push_str(&Say::StatusHeader.text(lang));
        out.push('\n');
        let width = report
            .translations
            .iter()
            .map(|r| r.key.len().max(6))
            .max()
            .unwrap_or(6);
        out.push_str(&format!("  {:width$}", Say::Page.text(lang)));
        for l in languages {
            out.push_str(&format!(" {l:>4}"));
        }
        out.push('\n');
        for row in &report.translations {
            let home = Say::Home.text(lang);
            let key = if row.key.is_empty() {
                home.as_str()
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
                    Some(Status::Unpublished) => "U",
                    Some(Status::Missing) | None => "-",
                };
                out.push_str(&format!(" {c:>4}"));
            }
            out.push('\n');
        }
    }
    let totals = Say::Totals {
        errors: report.errors(),
        warnings: report.warnings(),
    };
    out.push_str(&format!("\n{}\n", totals.text(lang)));
    out
}
