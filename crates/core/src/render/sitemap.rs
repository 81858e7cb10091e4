//! `sitemap.xml`: every page and village page in every language it exists
//! in, with `hreflang` alternates and the date a page was last updated.

use crate::config::Date;
use crate::library::Library;
use crate::markdown;
use crate::urls::page_path;

/// The sitemap of `site`.
pub(super) fn xml(site: &Library) -> String {
    let config = &site.config;
    let abs =
        |key: &str, l: &str| format!("{}{}", config.base_url, page_path(config, key, l, false));
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut entry = |key: &str, langs: &[&str], updated: &dyn Fn(&str) -> Option<Date>| {
        for lang in langs {
            xml.push_str("  <url>\n");
            xml.push_str(&format!(
                "    <loc>{}</loc>\n",
                markdown::escape(&abs(key, lang))
            ));
            if let Some(d) = updated(lang) {
                xml.push_str(&format!("    <lastmod>{d}</lastmod>\n"));
            }
            if langs.len() > 1 {
                for alt in langs {
                    xml.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{alt}\" href=\"{}\"/>\n",
                        markdown::escape(&abs(key, alt))
                    ));
                }
                if langs.contains(&config.default_language.as_str()) {
                    xml.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n",
                        markdown::escape(&abs(key, &config.default_language))
                    ));
                }
            }
            xml.push_str("  </url>\n");
        }
    };
    for group in site.groups() {
        let langs: Vec<&str> = group.variants().map(|p| p.lang.as_str()).collect();
        entry(group.key(), &langs, &|l| {
            group.variant(l).and_then(|p| p.front.updated)
        });
    }
    let all: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    for v in &site.villages {
        entry(&v.key, &all, &|_| None);
    }
    xml.push_str("</urlset>\n");
    xml
}
