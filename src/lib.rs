//! The `lentera` command: its command line ([`cli`]) over the workspace's
//! crates (docs/architecture.md). The binary is `src/main.rs`; this library
//! lets the tests check the command line's definition.

// `Error` is a few hundred bytes on the cold path (see lentera-core).
#![allow(clippy::result_large_err)]

pub mod cli;
