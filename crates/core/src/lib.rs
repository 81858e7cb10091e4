//! lentera: a static site generator for the Desa Binaan Imigrasi programme.
//!
//! The data flows one way: `site.yaml` → [`config::Config`] → `content/` →
//! [`content::Site`] → the site model [`library::Library`] → producers
//! (pages, search, leaflets, images, static files) → [`output::OutputFile`]s,
//! which only [`output`] writes.

// Errors carry their message, hint and detail as values (#12), which makes
// `Error` a few hundred bytes. Errors are the cold path, and matching on
// unboxed fields keeps the code and tests plain, so the lint is off.
#![allow(clippy::result_large_err)]

pub mod callsheet;
pub mod config;
pub mod content;
pub mod date;
pub mod diagnostic;
pub mod error;
pub mod i18n;
pub mod images;
pub mod incremental;
pub mod kit;
pub mod leaflets;
pub mod library;
pub mod markdown;
pub mod onefile;
pub mod options;
pub mod output;
pub mod pipeline;
pub mod placeholder;
pub mod portable_zip;
#[cfg(feature = "leaflets")]
pub mod print_pool;
pub mod render;
pub mod report;
pub mod sanitize;
pub mod scaffold;
pub mod search;
pub mod status;
pub mod svg;
pub mod templates;
pub mod urls;
pub mod warnings;
pub mod yaml;

pub use error::{Error, Result};
pub use options::{BuildOptions, VERSION};
pub use pipeline::{
    Build, BuildCache, Kept, Written, build, build_or_reuse, build_to, build_with, load, produce,
    theme,
};
