//! Command-line arguments and what the user sees in the terminal.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::serve::{Report, ServeOptions, Server};
use crate::{BuildOptions, Error, render::RenderOptions};

#[derive(Debug, Parser)]
#[command(
    name = "lentera",
    version,
    about = "Static site and leaflet generator for the Desa Binaan Imigrasi programme"
)]
pub struct Cli {
    /// Project folder (holds content/ and themes/).
    #[arg(long, short = 'r', global = true, default_value = ".")]
    pub root: PathBuf,
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
}

/// Run the command; errors are printed here with their whole cause chain.
pub fn run(cli: Cli) -> ExitCode {
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
            };
            let start = Instant::now();
            match crate::build_to(&cli.root, &out_dir, &opts) {
                Ok(build) => {
                    let pages: usize = build.pages_per_language.values().sum();
                    let per_lang = build
                        .pages_per_language
                        .iter()
                        .map(|(l, n)| format!("{l} {n}"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    eprintln!(
                        "built {pages} pages ({per_lang}; {} not yet translated) and {} files into {} in {} ms",
                        build.fallbacks.len(),
                        build.files.len(),
                        out_dir.display(),
                        start.elapsed().as_millis()
                    );
                    if !build.leaflets.is_empty() {
                        eprintln!("wrote {} leaflets (PDF)", build.leaflets.len());
                    }
                    for warning in &build.warnings {
                        eprintln!("warning: {warning}");
                    }
                    let mut missing: std::collections::BTreeMap<&str, Vec<&str>> =
                        Default::default();
                    for (lang, key) in &build.missing_strings {
                        missing.entry(lang).or_default().push(key);
                    }
                    for (lang, keys) in missing {
                        eprintln!(
                            "warning: {} interface strings are missing in `{lang}`, so the default language is shown: {}\n  hint: add them to themes/<theme>/i18n/{lang}.yaml or content/i18n/{lang}.yaml",
                            keys.len(),
                            keys.join(", ")
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    print_error(&err);
                    eprintln!(
                        "the previous output in {} was left untouched",
                        out_dir.display()
                    );
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// `lentera serve`: run until Ctrl-C.
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
            print_error(&err);
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

/// What `serve` prints after each build.
fn report(report: Report<'_>) {
    match report {
        Report::Built {
            build,
            files,
            changes,
            elapsed,
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
                eprintln!("warning: {warning}");
            }
        }
        Report::Failed { error, elapsed } => {
            print_error(error);
            eprintln!(
                "build failed after {} ms; still serving the last good pages, the browser shows this error",
                elapsed.as_millis()
            );
        }
    }
}

fn print_error(err: &Error) {
    for e in err.flatten() {
        eprintln!("error: {e}");
        let mut source = std::error::Error::source(e);
        while let Some(cause) = source {
            eprintln!("  caused by: {cause}");
            source = cause.source();
        }
    }
}
