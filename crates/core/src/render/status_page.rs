//! The staff page `/status/`: translation status of every page in every
//! language. Not linked from public pages and marked `noindex`.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::error::Result;
use crate::i18n::Strings;
use crate::library::Library;
use crate::output::OutputFile;
use crate::templates::Templates;
use crate::urls::page_path;

use super::{LangShared, RenderOptions, SiteWideKey, SiteWideView, SwitchItem, standalone};

/// One page key's row of the status page.
#[derive(Serialize)]
struct RowView<'a> {
    /// `/` for the home page.
    key: &'a str,
    title: &'a str,
    /// The original's file, from the project folder.
    file: String,
    /// One per configured language, in their order.
    cells: Vec<CellView<'a>>,
}

#[derive(Serialize)]
struct CellView<'a> {
    lang: &'a str,
    /// None where the page is not translated (the reader sees the fallback).
    status: Option<&'a crate::status::Status>,
    path: String,
}

/// Render the status page.
pub(super) fn page(
    site: &Library,
    templates: &Templates,
    strings: &Strings,
    shared: &BTreeMap<&str, Arc<LangShared>>,
    opts: &RenderOptions,
) -> Result<OutputFile> {
    let config = &site.config;
    let lang = config.default_language.as_str();
    let root = "../";
    let status = crate::status::translation_status(site);
    let rows: Vec<RowView> = status
        .iter()
        .map(|row| RowView {
            key: if row.key.is_empty() { "/" } else { &row.key },
            title: &row.title,
            file: row.file.display().to_string(),
            cells: config
                .languages
                .iter()
                .map(|l| CellView {
                    lang: &l.code,
                    status: row.langs.get(&l.code),
                    path: page_path(config, &row.key, &l.code, opts.portable),
                })
                .collect(),
        })
        .collect();
    let mut ctx = shared[lang].globals.clone();
    ctx.insert("root", root);
    ctx.insert(
        "page",
        &SiteWideView::new(SiteWideKey::Status, &strings.get(lang, "status_title")),
    );
    ctx.insert("rows", &rows);
    ctx.insert("site_languages", &config.languages);
    ctx.insert("languages", &Vec::<SwitchItem>::new());
    standalone(
        templates,
        &ctx,
        "status.html",
        "the status page",
        "status/index.html",
        opts,
    )
}
