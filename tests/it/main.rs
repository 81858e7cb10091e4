//! One integration-test binary: fixture sites built in-process, the CLI, and
//! the real content.

mod browser;
mod build;
mod check;
mod cli;
mod common;
mod glossary;
mod hostile;
mod i18n;
mod invalid;
mod leaflets;
mod live;
mod onefile;
mod real_content;
mod search;
mod serve;
