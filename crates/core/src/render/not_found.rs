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
    // A 404 page is served at any depth, so it links from the site's root:
    // the path of base_url, on whatever host serves it (a preview, `serve`),
    // so that its own script stays on the page's origin, as the page's
    // Content-Security-Policy requires.
    let root = url::Url::parse(&config.base_url)
        .map(|u| u.path().to_string())
        .unwrap_or_else(|_| config.base_url.clone());
    ctx.insert("root", &root);
    ctx.insert("page", &SiteWideView::new(SiteWideKey::NotFound, "404"));
    ctx.insert(
        "languages",
        &switch_items(config, lang, |l| {
            format!("{root}{}", page_path(config, "", l, false))
        }),
    );
    standalone(templates, &ctx, "404.html", "404.html", "404.html", opts)
}
