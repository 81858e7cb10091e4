use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    lentera::cli::run(lentera::cli::Cli::parse())
}
