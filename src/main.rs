use std::process::ExitCode;

use clap::Parser;

// A build allocates and frees millions of small strings (page text, terms,
// template values) from two threads at once; glibc's allocator was 8 % of a
// cold build's samples.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    lentera::cli::run(lentera::cli::Cli::parse())
}
