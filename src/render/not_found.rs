//! The 404 page `404.html`, in the default language.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::error::Result;
use crate::library::Library;
use crate::output::OutputFile;
use crate::templates::Templates;
use crate::urls::page_path;

use super::{LangShared, RenderOptions, SiteWideKey, SiteWideView, standalone, switch_items};

/// Render the 404 page.
pub(super) fn page(
    site: &Library,
    templates: &Templates,
    shared: &BTreeMap<&str, Arc<LangShared>>,
    opts: &RenderOptions,
) -> Result<OutputFile> {
    let config = &site.config;
    let lang = config.default_language.as_str();
    let mut ctx = shared[lang].globals.clone();
    // A 404 page is served at any depth, so it links with absolute URLs.
    ctx.insert("root", &config.base_url);
    ctx.insert("page", &SiteWideView::new(SiteWideKey::NotFound, "404"));
    ctx.insert(
        "languages",
        &switch_items(config, lang, |l| {
            format!("{}{}", config.base_url, page_path(config, "", l, false))
        }),
    );
    standalone(templates, &ctx, "404.html", "404.html", "404.html", opts)
}
