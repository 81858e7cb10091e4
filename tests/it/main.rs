//! One integration-test binary: fixture sites built in-process, the CLI, and
//! the real content.

#![allow(clippy::result_large_err)] // lentera_core::Error is large by design (see src/lib.rs).

mod browser;
mod build;
mod check;
mod cli;
mod common;
mod fuzz_replay;
mod glossary;
mod hostile;
mod i18n;
mod invalid;
mod journey;
mod kit;
mod language;
mod leaflets;
mod live;
mod minify;
mod onefile;
mod publish;
mod questions;
mod real_content;
mod scaffold;
mod search;
mod serve;
mod web;
