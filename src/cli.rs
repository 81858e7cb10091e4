//! Command-line arguments and what the user sees in the terminal.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::messages::{Lang, tr};
use crate::serve::{Report, ServeOptions, Server};
use crate::{BuildOptions, Error, render::RenderOptions};

/// `lentera --version`: the version, the commit it was built from (when built
/// from a git checkout) and whether leaflets are compiled in (see build.rs).
pub const VERSION: &str = env!("LENTERA_VERSION");

#[derive(Debug, Parser)]
#[command(
    name = "lentera",
    version = VERSION,
    about = "Static site and leaflet generator for the Desa Binaan Imigrasi programme"
)]
pub struct Cli {
    /// Project folder (holds content/ and themes/).
    #[arg(long, short = 'r', global = true, default_value = ".")]
    pub root: PathBuf,
    /// Language of messages: `id` or `en` (default: LENTERA_LANG, then LANG, then the site's default language).
    #[arg(long, global = true)]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build content/ into a complete website.
    Build {
        /// Output folder (replaced atomically on success).
        #[arg(long, short = 'o', default_value = "output")]
        output: PathBuf,
        /// Include pages and villages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Make every link end in index.html so the site works from file:// (USB stick).
        #[arg(long)]
        portable: bool,
        /// Do not minify HTML (easier to read while editing templates).
        #[arg(long)]
        no_minify: bool,
    },
    /// Check everything the build checks, plus translations and stale numbers, without writing.
    Check {
        /// `human` (a report grouped by file) or `json`.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Treat warnings as errors (exit code 1).
        #[arg(long)]
        strict: bool,
        /// Days after which a contact's `verified` date is stale (default: site.yaml's `stale_after_days`, else 180).
        #[arg(long)]
        stale_days: Option<u32>,
        /// Include drafts.
        #[arg(long)]
        drafts: bool,
    },
    /// Preview the site on this computer, rebuilding and reloading the browser on every save.
    Serve {
        /// Port to listen on.
        #[arg(long, short = 'p', default_value_t = 1111)]
        port: u16,
        /// Address to listen on. The default is reachable only from this computer;
        /// 0.0.0.0 shares the preview with the whole network, on purpose.
        #[arg(long, default_value = "127.0.0.1")]
        host: IpAddr,
        /// Include pages and villages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Create a new lesson or village with every field present and explained.
    New {
        #[command(subcommand)]
        what: NewKind,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum NewKind {
    /// `lentera new lesson modus/calo-baru [--lang en]`
    Lesson {
        /// SECTION/SLUG, e.g. `modus/calo-baru`.
        path: String,
        /// Language of the new file (default: the site's default language).
        #[arg(long)]
        lang: Option<String>,
    },
    /// `lentera new village sumber-rejo`
    Village {
        /// The village's slug, e.g. `sumber-rejo`.
        slug: String,
    },
}

/// Run the command; errors are printed here with their whole cause chain.
pub fn run(cli: Cli) -> ExitCode {
    let site_default = crate::config::Config::load(&cli.root.join("content/site.yaml"))
        .ok()
        .map(|c| c.default_language);
    let ml = Lang::detect(cli.lang.as_deref(), site_default.as_deref());
    match cli.command {
        Command::Serve { port, host, drafts } => serve(
            &cli.root,
            ServeOptions {
                host,
                port,
                build: BuildOptions {
                    drafts,
                    ..Default::default()
                },
                ..Default::default()
            },
        ),
        Command::Check {
            format,
            strict,
            stale_days,
            drafts,
        } => {
            let opts = crate::check::CheckOptions {
                build: BuildOptions {
                    drafts,
                    ..Default::default()
                },
                stale_after_days: stale_days,
                today: None,
            };
            let report = crate::check::run(&cli.root, &opts);
            match format {
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&report).expect("the report serialises")
                ),
                Format::Human => {
                    let langs: Vec<String> =
                        crate::config::Config::load(&cli.root.join("content/site.yaml"))
                            .map(|c| c.languages.iter().map(|l| l.code.clone()).collect())
                            .unwrap_or_default();
                    print!("{}", crate::check::format_human(&report, &langs, ml));
                }
            }
            if report.errors() > 0 || (strict && report.warnings() > 0) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::New { what } => {
            let result = match what {
                NewKind::Lesson { path, lang } => {
                    crate::scaffold::new_lesson(&cli.root, &path, lang.as_deref())
                }
                NewKind::Village { slug } => crate::scaffold::new_village(&cli.root, &slug),
            };
            match result {
                Ok(path) => {
                    eprintln!(
                        "{}",
                        tr(
                            ml,
                            &format!(
                                "created {} (a draft: remove `draft: true` when it is ready)",
                                path.display()
                            )
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    print_error(&err, ml);
                    ExitCode::FAILURE
                }
            }
        }
        Command::Build {
            output,
            drafts,
            portable,
            no_minify,
        } => {
            let out_dir = if output.is_absolute() {
                output
            } else {
                cli.root.join(output)
            };
            let opts = BuildOptions {
                drafts,
                render: RenderOptions {
                    portable,
                    no_minify,
                    ..Default::default()
                },
                ..Default::default()
            };
            let start = Instant::now();
            match crate::build_or_reuse(&cli.root, &out_dir, &opts) {
                Ok(written) => {
                    let (summary, reused, leaflet_time) = match &written {
                        crate::Written::Built(build) => (
                            crate::incremental::Summary::of(build),
                            false,
                            build.leaflet_time,
                        ),
                        crate::Written::UpToDate(summary) => {
                            (summary.clone(), true, Default::default())
                        }
                    };
                    let pages: usize = summary.pages_per_language.values().sum();
                    let per_lang = summary
                        .pages_per_language
                        .iter()
                        .map(|(l, n)| format!("{l} {n}"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let line = if reused {
                        format!(
                            "nothing changed since the last build: {pages} pages ({per_lang}; {} not yet translated) and {} files are already in {} (checked in {} ms)",
                            summary.fallbacks,
                            summary.files,
                            out_dir.display(),
                            start.elapsed().as_millis()
                        )
                    } else {
                        format!(
                            "built {pages} pages ({per_lang}; {} not yet translated) and {} files into {} in {} ms",
                            summary.fallbacks,
                            summary.files,
                            out_dir.display(),
                            start.elapsed().as_millis()
                        )
                    };
                    eprintln!("{}", tr(ml, &line));
                    if summary.leaflets > 0 && !reused {
                        let line = format!(
                            "wrote {} leaflets (PDF) in {} ms",
                            summary.leaflets,
                            leaflet_time.as_millis()
                        );
                        eprintln!("{}", tr(ml, &line));
                    }
                    for warning in &summary.warnings {
                        eprintln!("{}", format_warning(warning, ml));
                    }
                    let mut missing: std::collections::BTreeMap<&str, Vec<&str>> =
                        Default::default();
                    for (lang, key) in &summary.missing_strings {
                        missing.entry(lang).or_default().push(key);
                    }
                    for (lang, keys) in missing {
                        let text = format!(
                            "{} interface strings are missing in `{lang}`, so the default language is shown: {}",
                            keys.len(),
                            keys.join(", ")
                        );
                        let hint = format!(
                            "add them to the theme's i18n/{lang}.yaml or to content/i18n/{lang}.yaml"
                        );
                        eprintln!(
                            "{}: {}\n  {}: {}",
                            tr(ml, "warning"),
                            tr(ml, &text),
                            tr(ml, "hint"),
                            tr(ml, &hint)
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    print_error(&err, ml);
                    let line = format!(
                        "the previous output in {} was left untouched",
                        out_dir.display()
                    );
                    eprintln!("{}", tr(ml, &line));
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn print_error(err: &Error, lang: Lang) {
    for e in err.flatten() {
        eprintln!("{}: {}", tr(lang, "error"), crate::messages::error(e, lang));
        let mut source = std::error::Error::source(e);
        while let Some(cause) = source {
            eprintln!("  {}: {cause}", tr(lang, "caused by"));
            source = cause.source();
        }
    }
}

fn serve(root: &std::path::Path, opts: ServeOptions) -> ExitCode {
    let (stop_tx, stop_rx) = mpsc::channel();
    if let Err(err) = ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    }) {
        eprintln!("error: cannot handle Ctrl-C: {err}");
        return ExitCode::FAILURE;
    }
    let host = opts.host;
    eprintln!("building {} …", root.display());
    let server = match Server::start_with(root, opts, Box::new(report)) {
        Ok(server) => server,
        Err(err) => {
            print_error(&err, Lang::default());
            return ExitCode::FAILURE;
        }
    };
    if !host.is_loopback() {
        eprintln!(
            "warning: listening on {host}: other computers on the network can open this preview"
        );
    }
    eprintln!("Serving on {} (Ctrl-C to stop)", server.url());
    let _ = stop_rx.recv();
    eprintln!("stopping …");
    server.stop();
    ExitCode::SUCCESS
}

fn report(report: Report<'_>) {
    match report {
        Report::Built {
            build,
            files,
            changes,
            elapsed,
            ..
        } => {
            let pages: usize = build.pages_per_language.values().sum();
            let what = if changes.is_empty() {
                "built".to_string()
            } else {
                let names: Vec<String> = changes
                    .iter()
                    .map(|c| format!("{c:?}").to_lowercase())
                    .collect();
                format!("rebuilt ({} changed)", names.join(", "))
            };
            eprintln!(
                "{what}: {pages} pages, {files} files in {} ms",
                elapsed.as_millis()
            );
            for warning in &build.warnings {
                eprintln!("{}", format_warning(warning, Lang::default()));
            }
        }
        Report::Failed { error, elapsed } => {
            print_error(error, Lang::default());
            eprintln!(
                "build failed after {} ms; still serving the last good pages, the browser shows this error",
                elapsed.as_millis()
            );
        }
    }
}

/// `warning: file:line: message` and its hint, in the staff's language.
pub fn format_warning(d: &crate::diagnostic::Diagnostic, lang: Lang) -> String {
    let at = match d.line {
        0 => format!("{}", d.file.display()),
        n => format!("{}:{n}", d.file.display()),
    };
    let mut out = format!("{}: {at}: {}", tr(lang, "warning"), tr(lang, &d.message));
    if let Some(hint) = &d.hint {
        out.push_str(&format!("\n  {}: {}", tr(lang, "hint"), tr(lang, hint)));
    }
    out
}
