//! Command-line arguments and what the user sees in the terminal.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use clap::{Parser, Subcommand};

use lentera_core::report::Style;
use lentera_core::{BuildOptions, Error, render::RenderOptions};
use lentera_messages::{Lang, Say};
use lentera_serve::{Report, ServeOptions, Server};

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
        /// Build for this address instead of site.yaml's base_url (a preview deploy): absolute http(s) URL.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
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
        /// Days after which a person's check of a number (`checked:`) is stale (default: site.yaml's `stale_after_days`, else 180).
        #[arg(long)]
        stale_days: Option<u32>,
        /// Include drafts.
        #[arg(long)]
        drafts: bool,
        /// Also fail on everything that would be wrong in public: a placeholder
        /// `base_url`, numbers not checked by a person within `stale_after_days`,
        /// leaflets that would print drafts or lessons in another language, QR
        /// codes that lead nowhere (docs/publishing.md).
        #[arg(long)]
        publish: bool,
    },
    /// List the contact numbers due for checking and write a call sheet (PDF) to check them.
    Contacts {
        /// Where to write the call sheet (A4 PDF), relative to the project folder.
        #[arg(long, default_value = lentera_core::callsheet::DEFAULT_PATH)]
        out: PathBuf,
        /// Days after which a check is stale (default: site.yaml's `stale_after_days`, else 180).
        #[arg(long)]
        stale_days: Option<u32>,
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
    let site_default = lentera_core::config::Config::load(&cli.root.join("content/site.yaml"))
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
            publish,
        } => {
            let opts = lentera_check::CheckOptions {
                build: BuildOptions {
                    drafts,
                    ..Default::default()
                },
                stale_after_days: stale_days,
                today: None,
                publish,
            };
            let report = lentera_check::run(&cli.root, &opts);
            match format {
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&report.to_json(ml))
                        .expect("the report serialises")
                ),
                Format::Human => {
                    let langs: Vec<String> =
                        lentera_core::config::Config::load(&cli.root.join("content/site.yaml"))
                            .map(|c| c.languages.iter().map(|l| l.code.clone()).collect())
                            .unwrap_or_default();
                    let style = Style::for_terminal(ml, &std::io::stdout());
                    print!(
                        "{}",
                        lentera_check::format_human(&report, &langs, &cli.root, style)
                    );
                }
            }
            if report.errors() > 0 || (strict && report.warnings() > 0) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Contacts { out, stale_days } => contacts(&cli.root, &out, stale_days, ml),
        Command::New { what } => {
            let result = match what {
                NewKind::Lesson { path, lang } => {
                    lentera_core::scaffold::new_lesson(&cli.root, &path, lang.as_deref())
                }
                NewKind::Village { slug } => lentera_core::scaffold::new_village(&cli.root, &slug),
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
            base_url,
            status,
        } => {
            let out_dir = if output.is_absolute() {
                output
            } else {
                cli.root.join(output)
            };
            let opts = BuildOptions {
                drafts,
                base_url,
                render: RenderOptions {
                    portable,
                    no_minify,
                    status_page: status,
                    ..Default::default()
                },
                ..Default::default()
            };
            let start = Instant::now();
            match lentera_core::build_or_reuse(&cli.root, &out_dir, &opts) {
                Ok(written) => {
                    let (summary, reused, leaflet_time, prints) = match &written {
                        lentera_core::Written::Built(build) => (
                            build.summary(),
                            false,
                            build.leaflet_time,
                            (build.reused_prints, build.printed.len()),
                        ),
                        lentera_core::Written::UpToDate(summary) => {
                            (summary.clone(), true, Default::default(), (0, 0))
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
                    if summary.leaflets + summary.posters > 0 && !reused {
                        let line = Say::WroteLeaflets {
                            n: summary.leaflets,
                            posters: summary.posters,
                            ms: leaflet_time.as_millis(),
                        };
                        eprintln!("{}", line.text(ml));
                    }
                    if let (reused @ 1.., total) = prints {
                        eprintln!("{}", Say::PrintsReused { reused, total }.text(ml));
                    }
                    print_warnings(&summary.warnings, &cli.root, ml);
                    // The process ends here: its memory goes back whole.
                    // Freeing the site model piece by piece (every page, its
                    // parse and analysis) took one thread about 2 % of a
                    // cold 3k build, after the last file was written.
                    std::mem::forget(written);
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

/// `lentera contacts`: the numbers due for checking, and the call sheet.
fn contacts(root: &Path, out: &Path, stale_days: Option<u32>, lang: Lang) -> ExitCode {
    let opts = BuildOptions {
        stale_after_days: stale_days,
        ..Default::default()
    };
    let site = match lentera_core::load(root, &opts) {
        Ok(site) => site,
        Err(err) => {
            print_error(&err, root, lang);
            return ExitCode::FAILURE;
        }
    };
    let today = site.config.today();
    let code = match lang {
        Lang::Id => "id",
        Lang::En => "en",
    };
    let due = lentera_core::callsheet::due(root, &site, today, code);
    if due.is_empty() {
        println!("{}", Say::NothingDue.text(lang));
        return ExitCode::SUCCESS;
    }
    print!("{}", lentera_core::callsheet::format_list(&due, lang));
    #[cfg(feature = "leaflets")]
    {
        let path = if out.is_absolute() {
            out.to_path_buf()
        } else {
            root.join(out)
        };
        let written = lentera_core::callsheet::render(root, &site, &due, today, lang).and_then(
            |(pdf, pages)| {
                std::fs::write(&path, pdf)
                    .map(|()| pages)
                    .map_err(|source| Error::Write {
                        path: out.to_path_buf(),
                        source,
                    })
            },
        );
        match written {
            Ok(pages) => {
                let path = out.display().to_string();
                eprintln!("{}", Say::CallSheetWritten { path, pages }.text(lang));
            }
            Err(err) => {
                print_error(&err, root, lang);
                return ExitCode::FAILURE;
            }
        }
    }
    #[cfg(not(feature = "leaflets"))]
    {
        let _ = out;
        eprintln!("{}", Say::CallSheetSkipped.text(lang));
    }
    ExitCode::SUCCESS
}

/// The warnings of a build (or a rebuild in `serve`), each with its source
/// line, except the stale phone numbers and the lessons without questions:
/// the same list on every build, so one line counts each kind and `lentera
/// check` gives each in full.
fn print_warnings(warnings: &[lentera_core::diagnostic::Diagnostic], root: &Path, lang: Lang) {
    let style = Style::for_terminal(lang, &std::io::stderr());
    let (stale, others): (Vec<_>, Vec<_>) = warnings
        .iter()
        .partition(|w| lentera_core::warnings::is_stale_number(w));
    let (unasked, others): (Vec<_>, Vec<_>) = others
        .into_iter()
        .partition(|w| lentera_core::warnings::is_missing_questions(w));
    let others: Vec<_> = others.into_iter().cloned().collect();
    for warning in &lentera_core::diagnostic::capped(&others) {
        eprintln!("{}", lentera_core::report::render(warning, root, style));
    }
    if !stale.is_empty() {
        eprintln!(
            "{}: {}",
            Say::Warning.text(lang),
            Say::StaleNumbers { n: stale.len() }.text(lang)
        );
    }
    if !unasked.is_empty() {
        eprintln!(
            "{}: {}",
            Say::Warning.text(lang),
            Say::LessonsWithoutQuestions { n: unasked.len() }.text(lang)
        );
    }
}

/// Every error of `err`, with its source line, in the staff's language.
fn print_error(err: &Error, root: &Path, lang: Lang) {
    let style = Style::for_terminal(lang, &std::io::stderr());
    for d in lentera_core::diagnostic::capped(&err.diagnostics()) {
        eprintln!("{}", lentera_core::report::render(&d, root, style));
    }
}

fn serve(root: &Path, opts: ServeOptions) -> ExitCode {
    let lang = opts.lang;
    // `serve` keeps the site and its pages between rebuilds, which run on
    // several thread pools; glibc gives each thread its own malloc arena and
    // keeps what they free. Two arenas held the resident memory of a 3k-page
    // site after a few saves at about 600 MB instead of 850 MB (BENCHMARKS.md),
    // measured when Rust's allocations still went through glibc. The binary
    // now allocates through mimalloc (src/main.rs), so this only bounds the
    // malloc of C dependencies (libwebp) and of programs that call `run`
    // without mimalloc. Before any thread exists.
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
    let (url, lan) = lentera_serve::open_urls(server.addr(), &lentera_serve::lan_addresses());
    if !host.is_loopback() {
        eprintln!("{}: {}", Say::Warning.text(lang), Say::ServeOpen.text(lang));
    }
    eprintln!("{}", Say::Serving { url }.text(lang));
    if host.is_unspecified() && lan.is_empty() {
        eprintln!("{}", Say::ServeNoLan.text(lang));
    }
    for url in lan {
        eprintln!("{}", Say::ServeLan { url }.text(lang));
    }
    let _ = stop_rx.recv();
    eprintln!("{}", Say::Stopping.text(lang));
    server.stop();
    ExitCode::SUCCESS
}

fn report(report: Report<'_>, root: &Path, lang: Lang) {
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
            print_warnings(&build.warnings, root, lang);
        }
        Report::Failed { error, elapsed } => {
            print_error(error, root, lang);
            let ms = elapsed.as_millis();
            eprintln!("{}", Say::ServeFailed { ms }.text(lang));
        }
    }
}
