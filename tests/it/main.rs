//! One integration-test binary: fixture sites built in-process, the CLI, and
//! the real content.

mod build;
mod cli;
mod common;
mod i18n;
mod invalid;
mod real_content;
mod serve;
