//! The staff page `/status/`: translation status of every page in every
//! language. Not linked from public pages and marked `noindex`.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::error::Result;
use crate::i18n::Strings;
use crate::library::Library;
use crate::markdown::page_path;
use crate::output::OutputFile;
use crate::templates::Templates;

use super::{LangShared, RenderOptions, SiteWideKey, SiteWideView, SwitchItem, standalone};

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
    let rows: Vec<serde_json::Value> = crate::status::translation_status(site)
        .into_iter()
        .map(|row| {
            let cells: Vec<serde_json::Value> = config
                .languages
                .iter()
                .map(|l| {
                    serde_json::json!({
                        "lang": l.code,
                        "status": row.langs.get(&l.code),
                        "path": page_path(config, &row.key, &l.code, opts.portable),
                    })
                })
                .collect();
            serde_json::json!({
                "key": if row.key.is_empty() { "/" } else { row.key.as_str() },
                "title": row.title,
                "file": row.file.display().to_string(),
                "cells": cells,
            })
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
