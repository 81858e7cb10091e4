//! The A–Z topic page of each language (`topics_path`), where the search
//! form leads without JavaScript.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::error::Result;
use crate::i18n::Strings;
use crate::library::Library;
use crate::output::OutputFile;
use crate::search;
use crate::templates::Templates;

use super::{
    LangShared, RenderOptions, SiteWideKey, SiteWideView, every_language, root_prefix, standalone,
    switch_items,
};

/// Render the topic page of `lang`.
pub(super) fn page(
    site: &Library,
    templates: &Templates,
    strings: &Strings,
    shared: &BTreeMap<&str, Arc<LangShared>>,
    lang: &str,
    opts: &RenderOptions,
) -> Result<OutputFile> {
    let config = &site.config;
    let dir_path = search::topics_path(config, lang, false);
    let root = root_prefix(&dir_path);
    let abs = |l: &str| {
        format!(
            "{}{}",
            config.base_url,
            search::topics_path(config, l, false)
        )
    };
    let alternates = every_language(config, abs);
    let mut ctx = shared[lang].globals.clone();
    ctx.insert("root", &root);
    ctx.insert(
        "page",
        &SiteWideView {
            canonical: Some(abs(lang)),
            permalink: Some(abs(lang)),
            alternates,
            ..SiteWideView::new(SiteWideKey::Topics, &strings.get(lang, "topics_title"))
        },
    );
    ctx.insert("topics", &search::topics(site, lang, opts.portable));
    ctx.insert(
        "languages",
        &switch_items(config, lang, |l| {
            format!("{root}{}", search::topics_path(config, l, opts.portable))
        }),
    );
    standalone(
        templates,
        &ctx,
        "topics.html",
        &format!("the topic index ({lang})"),
        format!("{dir_path}index.html"),
        opts,
    )
}
