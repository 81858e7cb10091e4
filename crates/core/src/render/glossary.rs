//! The glossary page of each language (`/glosarium/`, `/en/glosarium/`).

use super::{RenderOptions, SiteWideKey, SiteWideView, TextOf};
use crate::content::glossary::page_path;
use crate::error::Result;
use crate::i18n::Strings;
use crate::library::Library;
use crate::output::OutputFile;
use crate::templates::Templates;

/// The glossary page of `lang`: every term with its anchor and explanation,
/// rendered with the theme's `glossary.html`.
pub fn page(
    site: &Library,
    templates: &Templates,
    strings: &Strings,
    globals: &tera::Context,
    lang: &str,
    opts: &RenderOptions,
) -> Result<OutputFile> {
    let config = &site.config;
    let glossary = site
        .glossary(lang)
        .expect("called for languages with a glossary");
    let dir_path = page_path(config, lang, false);
    let root = crate::urls::root_prefix(&dir_path);
    let abs = |l: &str| format!("{}{}", config.base_url, page_path(config, l, false));
    let alternates = crate::render::every_language(config, abs);
    let content_lang = config.language(&glossary.lang).expect("configured");
    let mut ctx = globals.clone();
    ctx.insert("root", &root);
    ctx.insert(
        "page",
        &SiteWideView {
            canonical: Some(abs(&glossary.lang)),
            permalink: Some(abs(lang)),
            alternates,
            text: Some(TextOf {
                fallback: glossary.lang != lang,
                content_lang: &glossary.lang,
                content_dir: content_lang.dir,
                original_lang_name: &content_lang.name,
                original_href: format!(
                    "{root}{}",
                    page_path(config, &glossary.lang, opts.portable)
                ),
            }),
            ..SiteWideView::new(SiteWideKey::Glossary, &strings.get(lang, "glossary_title"))
        },
    );
    ctx.insert("terms", &glossary.entries);
    ctx.insert(
        "languages",
        &crate::render::switch_items(config, lang, |l| {
            format!("{root}{}", page_path(config, l, opts.portable))
        }),
    );
    crate::render::standalone(
        templates,
        &ctx,
        "glossary.html",
        &format!("the glossary ({lang})"),
        format!("{dir_path}index.html"),
        opts,
    )
}
