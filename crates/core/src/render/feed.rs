//! The Atom feed of each language (`atom.xml`, `en/atom.xml`, …): the
//! lessons of that language, newest `updated:` date first, for partner sites
//! and the office's social media staff to follow (RFC 4287). The home page
//! shows the first few of the same list ([`recent`]).
//!
//! A language's feed lists the lessons written in that language (originals
//! and translations, draft translations included, as the site shows them):
//! a lesson the language only shows as a fallback in another language is
//! not new in that language, and a feed reader would show its text under
//! the wrong language. A lesson without an `updated:` date has no date to
//! place it by and is left out.

use crate::config::{Config, Date};
use crate::library::Library;
use crate::urls::page_path;

/// At most this many entries in a feed.
pub const FEED_LIMIT: usize = 30;

/// At most this many lessons in the home page's "recently reviewed" list.
pub const RECENT_LIMIT: usize = 5;

/// One lesson of a feed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub(crate) struct Entry {
    pub key: String,
    pub title: String,
    pub summary: String,
    pub updated: Date,
}

/// Output path of the feed of `lang`.
pub fn path(config: &Config, lang: &str) -> String {
    format!("{}atom.xml", config.lang_prefix(lang))
}

/// The lessons of `lang` with an `updated:` date, newest first (then by
/// title and key, so that the order is stable), at most `limit`.
pub(crate) fn recent(site: &Library, lang: &str, limit: usize) -> Vec<Entry> {
    let mut entries: Vec<Entry> = site
        .groups()
        .filter_map(|group| {
            let page = group.variant(lang)?;
            if !page.is_lesson() {
                return None;
            }
            Some(Entry {
                key: group.key().to_string(),
                title: page.front.title.clone(),
                summary: page.front.summary.clone().unwrap_or_default(),
                updated: page.front.updated?,
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        (b.updated.days_since_epoch(), &a.title, &a.key).cmp(&(
            a.updated.days_since_epoch(),
            &b.title,
            &b.key,
        ))
    });
    entries.truncate(limit);
    entries
}

/// The start of `date` in the site's time zone, as RFC 3339
/// (`2026-11-28T00:00:00+07:00`).
pub fn rfc3339(config: &Config, date: Date) -> String {
    let tz = jiff::tz::TimeZone::get(&config.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let start = jiff::civil::date(date.year as i16, date.month as i8, date.day as i8)
        .at(0, 0, 0, 0)
        .to_zoned(tz);
    match start {
        Ok(zoned) => zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        // A day that does not begin at midnight there (no zone the
        // programme uses): the date in UTC.
        Err(_) => format!("{date}T00:00:00Z"),
    }
}

/// The Atom feed of `lang`: `title` is the feed's title (the site's title
/// and the theme's `recent_lessons`), `built` the date the feed says it was
/// updated when it has no entries.
pub(crate) fn atom(site: &Library, lang: &str, title: &str, subtitle: &str, built: Date) -> String {
    let config = &site.config;
    let entries = recent(site, lang, FEED_LIMIT);
    let abs = |key: &str| format!("{}{}", config.base_url, page_path(config, key, lang, false));
    let self_url = format!("{}{}", config.base_url, path(config, lang));
    let updated = entries.first().map_or(built, |e| e.updated);
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape(lang)
    ));
    xml.push_str(&format!("  <id>{}</id>\n", escape(&self_url)));
    xml.push_str(&format!("  <title>{}</title>\n", escape(title)));
    if !subtitle.is_empty() {
        xml.push_str(&format!("  <subtitle>{}</subtitle>\n", escape(subtitle)));
    }
    xml.push_str(&format!(
        "  <updated>{}</updated>\n",
        rfc3339(config, updated)
    ));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&self_url)
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>\n",
        escape(lang),
        escape(&abs(""))
    ));
    // RFC 4287 4.1.1: a feed without an author in every entry names one.
    xml.push_str(&format!(
        "  <author><name>{}</name><uri>{}</uri></author>\n",
        escape(site_title(config, lang)),
        escape(&config.base_url)
    ));
    xml.push_str("  <generator>lentera</generator>\n");
    for e in &entries {
        let url = abs(&e.key);
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <id>{}</id>\n", escape(&url)));
        xml.push_str(&format!("    <title>{}</title>\n", escape(&e.title)));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&url)
        ));
        xml.push_str(&format!(
            "    <updated>{}</updated>\n",
            rfc3339(config, e.updated)
        ));
        if !e.summary.is_empty() {
            xml.push_str(&format!("    <summary>{}</summary>\n", escape(&e.summary)));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// The site's title in `lang`, as the pages show it.
pub(crate) fn site_title<'c>(config: &'c Config, lang: &str) -> &'c str {
    let def = config.language(&config.default_language);
    config
        .language(lang)
        .and_then(|l| l.title.as_deref())
        .or(def.and_then(|l| l.title.as_deref()))
        .unwrap_or("lentera")
}

/// `text` as XML character data or an attribute value, without the
/// characters XML 1.0 does not allow.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(zone: &str) -> Config {
        Config::parse(
            std::path::Path::new("site.yaml"),
            &format!(
                "base_url: https://e.org/\ndefault_language: id\ntime_zone: {zone}\nlanguages:\n  - {{code: id, name: I}}\n"
            ),
        )
        .unwrap()
    }

    #[test]
    fn dates_are_midnight_in_the_sites_time_zone() {
        let d = Date::parse("2026-11-28").unwrap();
        assert_eq!(
            rfc3339(&config("Asia/Jakarta"), d),
            "2026-11-28T00:00:00+07:00"
        );
        assert_eq!(rfc3339(&config("UTC"), d), "2026-11-28T00:00:00+00:00");
    }

    #[test]
    fn escape_drops_what_xml_cannot_carry() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
