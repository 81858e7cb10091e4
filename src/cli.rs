//! Command-line arguments and what the user sees in the terminal.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::messages::{Lang, Say};
use crate::report::Style;
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
        /// Also write the staff page status/ (translation status, file paths).
        /// Not for the public site; `serve` always shows it.
        #[arg(long)]
        status: bool,
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
                lang: ml,
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
                    serde_json::to_string_pretty(&report.to_json(ml))
                        .expect("the report serialises")
                ),
                Format::Human => {
                    let langs: Vec<String> =
                        crate::config::Config::load(&cli.root.join("content/site.yaml"))
                            .map(|c| c.languages.iter().map(|l| l.code.clone()).collect())
                            .unwrap_or_default();
                    let style = Style::for_terminal(ml, &std::io::stdout());
                    print!(
                        "{}",
                        crate::check::format_human(&report, &langs, &cli.root, style)
                    );
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
                    let path = path.display().to_string();
                    eprintln!("{}", Say::Created { path }.text(ml));
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    print_error(&err, &cli.root, ml);
                    ExitCode::FAILURE
                }
            }
        }
        Command::Build {
            output,
            drafts,
            portable,
            no_minify,
            status,
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
                    status_page: status,
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
                    let (dir, ms) = (out_dir.display().to_string(), start.elapsed().as_millis());
                    let (fallbacks, files) = (summary.fallbacks, summary.files);
                    let line = if reused {
                        Say::UpToDate {
                            pages,
                            per_lang,
                            fallbacks,
                            files,
                            dir,
                            ms,
                        }
                    } else {
                        Say::Built {
                            pages,
                            per_lang,
                            fallbacks,
                            files,
                            dir,
                            ms,
                        }
                    };
                    eprintln!("{}", line.text(ml));
                    if summary.leaflets > 0 && !reused {
                        let line = Say::WroteLeaflets {
                            n: summary.leaflets,
                            ms: leaflet_time.as_millis(),
                        };
                        eprintln!("{}", line.text(ml));
                    }
                    let style = Style::for_terminal(ml, &std::io::stderr());
                    for warning in &summary.warnings {
                        eprintln!("{}", crate::report::render(warning, &cli.root, style));
                    }
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    print_error(&err, &cli.root, ml);
                    let line = Say::OutputKept {
                        dir: out_dir.display().to_string(),
                    };
                    eprintln!("{}", line.text(ml));
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Every error of `err`, with its source line, in the staff's language.
fn print_error(err: &Error, root: &Path, lang: Lang) {
    let style = Style::for_terminal(lang, &std::io::stderr());
    for d in err.diagnostics() {
        eprintln!("{}", crate::report::render(&d, root, style));
    }
}

fn serve(root: &Path, opts: ServeOptions) -> ExitCode {
    let lang = opts.lang;
    // `serve` keeps the site and its pages between rebuilds, which run on
    // several thread pools; glibc gives each thread its own malloc arena and
    // keeps what they free. Two arenas hold the resident memory of a 3k-page
    // site after a few saves at about 600 MB instead of 850 MB (BENCHMARKS.md),
    // with no measurable cost to the rebuild. Before any thread exists.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; no thread runs yet.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
    let (stop_tx, stop_rx) = mpsc::channel();
    if let Err(err) = ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    }) {
        let detail = err.to_string();
        eprintln!(
            "{}: {}",
            Say::Error.text(lang),
            Say::NoCtrlC { detail }.text(lang)
        );
        return ExitCode::FAILURE;
    }
    let host = opts.host;
    let shown = root.display().to_string();
    eprintln!("{}", Say::ServeBuilding { root: shown }.text(lang));
    let reporter_root = root.to_path_buf();
    let reporter = move |r: Report<'_>| report(r, &reporter_root, lang);
    let server = match Server::start_with(root, opts, Box::new(reporter)) {
        Ok(server) => server,
        Err(err) => {
            print_error(&err, root, lang);
            return ExitCode::FAILURE;
        }
    };
    if !host.is_loopback() {
        let host = host.to_string();
        eprintln!(
            "{}: {}",
            Say::Warning.text(lang),
            Say::ServeOpen { host }.text(lang)
        );
    }
    let url = server.url();
    eprintln!("{}", Say::Serving { url }.text(lang));
    let _ = stop_rx.recv();
    eprintln!("{}", Say::Stopping.text(lang));
    server.stop();
    ExitCode::SUCCESS
}

fn report(report: Report<'_>, root: &Path, lang: Lang) {
    let style = Style::for_terminal(lang, &std::io::stderr());
    match report {
        Report::Built {
            build,
            files,
            changes,
            elapsed,
            ..
        } => {
            let pages: usize = build.pages_per_language.values().sum();
            let ms = elapsed.as_millis();
            let line = if changes.is_empty() {
                Say::ServeBuilt { pages, files, ms }
            } else {
                let names: Vec<String> = changes.iter().map(|c| c.name().text(lang)).collect();
                Say::ServeRebuilt {
                    changed: names.join(", "),
                    pages,
                    files,
                    ms,
                }
            };
            eprintln!("{}", line.text(lang));
            for warning in &build.warnings {
                eprintln!("{}", crate::report::render(warning, root, style));
            }
        }
        Report::Failed { error, elapsed } => {
            print_error(error, root, lang);
            let ms = elapsed.as_millis();
            eprintln!("{}", Say::ServeFailed { ms }.text(lang));
        }
    }
}
