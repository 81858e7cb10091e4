//! Site → HTML pages, sitemap, robots.txt and 404, as [`OutputFile`]s:
//! content pages here, village pages in [`village`], the site-wide pages in
//! [`not_found`], [`status_page`], [`topics`] and [`sitemap`].
//! Navigation and lists are built once per language and shared by reference
//! (Tera values are reference-counted); each page gets only its own small view.

use std::collections::{BTreeMap, BTreeSet};

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use crate::config::{Date, Direction, NumberKind, SourceLink};
use crate::content::{Kind, Page, Village};
use crate::error::{Error, Result};
use crate::i18n::Strings;
use crate::library::{Group, Library, Resolved};
use crate::markdown::{self, CalloutTitles, LinkEnv, Rendered, TocEntry};
use crate::output::{OutputFile, minify_html};
use crate::search;
use crate::templates::Templates;
use crate::urls::page_path;
use lentera_messages::Msg;

mod checks;
mod feed;
mod glossary;
mod job;
pub mod kit;
mod nav;
mod not_found;
mod pages;
pub(crate) mod questions;
mod site;
mod sitemap;
mod status_page;
mod topics;
mod views;
mod village;

use checks::*;
use job::*;
pub use nav::SITE_NAV_TEMPLATE;
use nav::*;
pub(crate) use nav::{every_language, language_context, standalone, switch_items};
use views::*;
pub(crate) use views::{Alternate, SiteWideKey, SiteWideView, SwitchItem, TextOf};

pub use feed::{FEED_LIMIT, RECENT_LIMIT, rfc3339};
pub use pages::{Pages, render_reusing, update_pages};
use site::*;

/// How pages are written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RenderOptions {
    /// Links end in `index.html` so the site works from `file://`.
    pub portable: bool,
    /// Skip minification (for debugging templates).
    pub no_minify: bool,
    /// The date printed as "built on"; today if `None`.
    pub build_date: Option<Date>,
    /// Leaflets that will be written: (village key, language, output path).
    pub leaflets: Vec<(String, String, String)>,
    /// Posters that will be written: (village key, language, output path).
    pub posters: Vec<(String, String, String)>,
    /// Minified pages kept from the previous build (`serve`).
    pub minify_cache: Option<std::sync::Arc<crate::output::Memo>>,
    /// The one-file editions that will be written, one per language at most
    /// (templates see the reader's as `one_file`).
    pub one_files: Vec<Edition>,
    /// The zip of the portable site, when one is made.
    pub portable_zip: Option<crate::portable_zip::ZipInfo>,
    /// Where pages are written as soon as they are rendered (`lentera
    /// build`), instead of being held until the end.
    pub staging: Option<std::sync::Arc<crate::output::Staging>>,
    /// The session kit's files that will be written (slides, guides,
    /// attendance sheets), and their sizes as they are made.
    pub kit: Vec<kit::Link>,
    pub kit_sizes: Option<kit::SharedSizes>,
    /// Make the staff page `status/` (file paths and translation state):
    /// `serve` always, `build` only with `--status`, so it never ships in
    /// the public site by accident.
    pub status_page: bool,
}

/// What the home page needs to link a one-file edition (made by
/// [`crate::onefile`] before the pages).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edition {
    pub lang: String,
    /// Output path from the site root (`en/semua-pelajaran.html`).
    pub path: String,
    /// File name for the `download` attribute (`semua-pelajaran-en.html`).
    pub download: String,
    pub bytes: usize,
    /// Size in kilobytes (1000 bytes, as phones show it).
    pub size_kb: usize,
    /// When the budget left lessons out: which it holds ("the first 38 of
    /// 1000 lessons"), for the link.
    pub partial: Option<String>,
}

/// The result of rendering: files plus what `check` wants to know.
#[derive(Debug, Clone, Default)]
pub struct RenderedSite {
    pub files: Vec<OutputFile>,
    /// Number of HTML pages per language (translated + fallback + villages).
    pub pages_per_language: BTreeMap<String, usize>,
    /// Pages generated as fallbacks: (key, language).
    pub fallbacks: Vec<(String, String)>,
    /// Raw HTML removed from pages, once per source line.
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
}

pub use crate::urls::root_prefix;

/// Render every page of `site`.
pub fn render(
    site: &Library,
    templates: &Templates,
    strings: &Strings,
    images: &BTreeMap<String, crate::images::ImageInfo>,
    opts: &RenderOptions,
) -> Result<RenderedSite> {
    Ok(site::render_inner(site, templates, strings, images, opts, None, false)?.0)
}

/// The template of the home page, the only one that sees `one_file` (the
/// one-file edition of the reader's language, with its size).
pub const HOME_TEMPLATE: &str = "index.html";

/// The template a page is rendered with.
fn template_of<'p>(key: &str, page: &'p Page) -> &'p str {
    match &page.front.template {
        Some(t) => t.as_str(),
        None if key.is_empty() => HOME_TEMPLATE,
        None if page.is_section => "section.html",
        None => "page.html",
    }
}

pub(crate) fn kind_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Procedure => "kind_procedure",
        Kind::Warning => "kind_warning",
        Kind::Scam => "kind_scam",
        Kind::Info => "kind_info",
    }
}

/// "28 November 2026", with month names from the interface strings.
pub fn format_date(strings: &Strings, lang: &str, d: Date) -> String {
    format!(
        "{} {} {}",
        d.day,
        strings.get(lang, &format!("month_{}", d.month)),
        d.year
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site-wide page's key can be no page's key, and its view has only
    /// the fields given (a template tests `page.canonical` to write the tag).
    #[test]
    fn site_wide_views_have_keys_no_page_has() {
        let view = serde_json::to_value(SiteWideView::new(SiteWideKey::NotFound, "404")).unwrap();
        assert_eq!(view, serde_json::json!({ "key": "#404", "title": "404" }));
        let keys = [
            SiteWideKey::Topics,
            SiteWideKey::Glossary,
            SiteWideKey::Status,
            SiteWideKey::NotFound,
        ];
        for key in keys {
            let key = serde_json::to_value(key).unwrap();
            assert!(key.as_str().is_some_and(|k| k.starts_with('#')), "{key}");
        }
        let glossary = SiteWideView {
            permalink: Some("https://e.org/en/glossary/".into()),
            text: Some(TextOf {
                fallback: true,
                content_lang: "id",
                content_dir: Direction::Ltr,
                original_lang_name: "Indonesia",
                original_href: "../../glosarium/".into(),
            }),
            ..SiteWideView::new(SiteWideKey::Glossary, "Glossary")
        };
        let view = serde_json::to_value(glossary).unwrap();
        assert_eq!(view["key"], "#glossary");
        assert_eq!(view["fallback"], true);
        assert_eq!(view["content_lang"], "id");
        assert_eq!(view["original_href"], "../../glosarium/");
        assert!(view.get("canonical").is_none());
        assert!(view.get("alternates").is_none());
    }
}
