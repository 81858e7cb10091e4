//! `content/site.yaml`: languages, base URL, theme, and the contacts and offices
//! that pages and leaflets print.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::yaml;
use lentera_messages::Msg;

mod address;
mod numbers;
#[cfg(test)]
mod tests;

pub use crate::date::{DEFAULT_TIME_ZONE, Date};
pub use address::{is_reserved_or_local, url_host};
pub use numbers::*;

/// The site settings, as checked after parsing.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Absolute URL of the published site, ending in `/`. Used only where an
    /// absolute URL is unavoidable (sitemap, canonical links, QR codes).
    pub base_url: String,
    pub default_language: String,
    #[serde(default = "default_theme")]
    pub theme: String,
    pub languages: Vec<Language>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub offices: Vec<Office>,
    /// The "Butuh bantuan?" line at the top of every page: which numbers
    /// it shows and the page with all of them.
    #[serde(default)]
    pub help: Option<Help>,
    /// A contact whose numbers a person last `checked` longer ago than this
    /// (or never) is due for checking: a warning on `build`, an error for
    /// `check --publish`.
    #[serde(default = "default_stale_after_days")]
    pub stale_after_days: u32,
    /// What happens to raw HTML in Markdown: `sanitize` (the default) keeps
    /// harmless markup and removes scripts, event handlers, frames, styles and
    /// `javascript:`/`vbscript:`/`data:` addresses, with a warning for each;
    /// `trusted` publishes it as written.
    #[serde(default)]
    pub raw_html: RawHtml,
    /// The programme's time zone (an IANA name): "today", the date printed
    /// on pages and leaflets and checked against `checked:`, is the date
    /// there. Default `Asia/Jakarta` (WIB).
    #[serde(default = "default_time_zone")]
    pub time_zone: String,
    /// Also make the whole site, built `--portable`, as one zip file
    /// (`unduh/…zip`) for USB sticks and hotspots. `lentera build` then
    /// renders the site twice.
    #[serde(default)]
    pub portable_zip: bool,
    /// The largest one-file edition, in kilobytes of 1,000 bytes (what a
    /// phone shows): past it the edition holds the lessons that fit, in the
    /// site's order, and says how many more are on the website.
    #[serde(default = "default_onefile_budget_kb")]
    pub onefile_budget_kb: u32,
    /// Free-form data for themes.
    #[serde(default)]
    pub extra: serde_yaml::Value,
}

/// The help line at the top of every page (`help:` in site.yaml).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Help {
    /// Keys of `contacts:`, in the order shown: the line shows the first
    /// phone number of each, with its note (where a number works from).
    pub contacts: Vec<String>,
    /// The page that lists every number, from `content/` without `.md`.
    pub page: String,
}

/// The raw HTML policy (`raw_html:` in site.yaml).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    #[default]
    Sanitize,
    Trusted,
}

fn default_time_zone() -> String {
    DEFAULT_TIME_ZONE.to_string()
}

/// The one-file edition's budget when site.yaml names none: the real
/// site's editions are 312–327 KB.
pub const DEFAULT_ONEFILE_BUDGET_KB: u32 = 350;

/// The range of `onefile_budget_kb`: below it not even the hotlines and the
/// table of contents fit; above it the file is no longer one to pass on over
/// paid mobile data.
pub const ONEFILE_BUDGET_KB: std::ops::RangeInclusive<u32> = 50..=2000;

fn default_onefile_budget_kb() -> u32 {
    DEFAULT_ONEFILE_BUDGET_KB
}

fn default_stale_after_days() -> u32 {
    180
}

fn default_theme() -> String {
    "default".to_string()
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub dir: Direction,
    /// The site's title in this language.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

/// A source: title and (where one exists) URL.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceLink {
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// Text for readers: one string for every language, or one per language code.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Localized {
    Same(String),
    PerLanguage(BTreeMap<String, String>),
}

impl Localized {
    /// The text in `lang`, else in `default`, else any.
    pub fn get<'a>(&'a self, lang: &str, default: &str) -> &'a str {
        match self {
            Localized::Same(s) => s,
            Localized::PerLanguage(map) => map
                .get(lang)
                .or_else(|| map.get(default))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }

    /// Language codes this text names (empty for a plain string).
    pub fn languages(&self) -> Vec<&str> {
        match self {
            Localized::Same(_) => Vec::new(),
            Localized::PerLanguage(map) => map.keys().map(String::as_str).collect(),
        }
    }
}

impl Config {
    /// Read and check `site.yaml`.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Config::parse(path, &text)
    }

    /// Parse and check `site.yaml` from a string; `path` is for messages.
    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        let mut config: Config = yaml::parse(path, text, 1)?;
        if !config.base_url.ends_with('/') {
            config.base_url.push('/');
        }
        config.validate(path, text)?;
        Ok(config)
    }

    /// `url` (from `--base-url`) as a `base_url`: an absolute http:// or
    /// https:// URL with a host, no credentials, query or fragment, ending
    /// in `/`; `None` if it is not one.
    pub fn checked_base_url(url: &str) -> Option<String> {
        let parsed = url::Url::parse(url.trim()).ok()?;
        let fine = matches!(parsed.scheme(), "http" | "https")
            && parsed.host_str().is_some_and(|h| !h.is_empty())
            && parsed.username().is_empty()
            && parsed.password().is_none()
            && parsed.query().is_none()
            && parsed.fragment().is_none();
        if !fine {
            return None;
        }
        let mut out = parsed.to_string();
        if !out.ends_with('/') {
            out.push('/');
        }
        Some(out)
    }

    /// Today's date in the site's time zone.
    pub fn today(&self) -> Date {
        Date::today_in(&self.time_zone)
    }

    fn validate(&self, path: &Path, text: &str) -> Result<()> {
        let err =
            |needle: &str, message: Msg| Error::content(path, yaml::line_of(text, needle), message);
        let mut errors = Vec::new();
        if jiff::tz::TimeZone::get(&self.time_zone).is_err() {
            errors.push(
                err(
                    "time_zone",
                    Msg::UnknownTimeZone {
                        zone: self.time_zone.clone(),
                    },
                )
                .with_hint(Msg::UseIanaZone),
            );
        }
        if self.languages.is_empty() {
            errors.push(err("languages", Msg::NoLanguages));
        }
        if !self.base_url.starts_with("http://") && !self.base_url.starts_with("https://") {
            errors.push(
                err(
                    "base_url",
                    Msg::BaseUrlNotAbsolute {
                        url: self.base_url.clone(),
                    },
                )
                .with_hint(Msg::WriteLikeUrl),
            );
        }
        let mut seen = std::collections::BTreeSet::new();
        for lang in &self.languages {
            let valid = !lang.code.is_empty()
                && lang
                    .code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !valid {
                errors.push(
                    err(
                        &format!("code: {}", lang.code),
                        Msg::LangCodeInvalid {
                            code: lang.code.clone(),
                        },
                    )
                    .with_hint(Msg::UseIsoCode),
                );
            }
            if !seen.insert(lang.code.as_str()) {
                errors.push(err(
                    &format!("code: {}", lang.code),
                    Msg::LangTwice {
                        code: lang.code.clone(),
                    },
                ));
            }
        }
        if self.language(&self.default_language).is_none() {
            errors.push(
                err(
                    "default_language",
                    Msg::DefaultLangUnknown {
                        code: self.default_language.clone(),
                    },
                )
                .with_hint(Msg::Configured {
                    list: self.language_codes().join(", "),
                }),
            );
        }
        if !ONEFILE_BUDGET_KB.contains(&self.onefile_budget_kb) {
            errors.push(
                err(
                    "onefile_budget_kb",
                    Msg::OneFileBudgetOutOfRange {
                        kb: self.onefile_budget_kb,
                        min: *ONEFILE_BUDGET_KB.start(),
                        max: *ONEFILE_BUDGET_KB.end(),
                    },
                )
                .with_hint(Msg::WriteOneFileBudget {
                    default: DEFAULT_ONEFILE_BUDGET_KB,
                }),
            );
        }
        let mut keys = std::collections::BTreeSet::new();
        for key in self
            .contacts
            .iter()
            .map(|c| &c.key)
            .chain(self.offices.iter().map(|o| &o.key))
        {
            if !keys.insert(key.as_str()) {
                errors.push(err(
                    &format!("key: {key}"),
                    Msg::KeyTwice { key: key.clone() },
                ));
            }
        }
        for h in self.number_holders() {
            if !h.numbers.is_empty() && h.source_date.is_none() {
                errors.push(
                    err(
                        &format!("key: {}", h.key),
                        Msg::NumbersUnverified {
                            key: h.key.to_string(),
                        },
                    )
                    .with_hint(Msg::AddVerifiedNumbers),
                );
            }
            // A check names its date, who made it and how, or is not a check.
            let missing: Vec<&str> = [
                ("checked", h.checked.is_none()),
                (
                    "checked_by",
                    h.checked_by.is_none_or(|s| s.trim().is_empty()),
                ),
                ("how", h.how.is_none()),
            ]
            .into_iter()
            .filter_map(|(k, absent)| absent.then_some(k))
            .collect();
            if !missing.is_empty() && missing.len() < 3 {
                errors.push(
                    err(
                        &format!("key: {}", h.key),
                        Msg::CheckIncomplete {
                            key: h.key.to_string(),
                            missing: missing.join("`, `"),
                        },
                    )
                    .with_hint(Msg::WriteWholeCheck),
                );
            }
        }
        if let Some(help) = &self.help {
            let keys: Vec<&str> = self.contacts.iter().map(|c| c.key.as_str()).collect();
            for key in &help.contacts {
                let line = yaml::line_of_after(text, "help:", key);
                match self.contacts.iter().find(|c| &c.key == key) {
                    None => {
                        let hint = match yaml::closest(key, &keys) {
                            Some(best) => Msg::DidYouMean {
                                best: best.to_string(),
                            },
                            None => Msg::HelpContactsAre {
                                list: keys.join(", "),
                            },
                        };
                        errors.push(
                            Error::content(
                                path,
                                line,
                                Msg::HelpContactUnknown { key: key.clone() },
                            )
                            .with_hint(hint),
                        );
                    }
                    Some(c) if c.help_number().is_none() => errors.push(
                        Error::content(path, line, Msg::HelpContactNoNumber { key: key.clone() })
                            .with_hint(Msg::HelpNeedsNumber),
                    ),
                    Some(_) => {}
                }
            }
        }
        for (key, name) in self
            .contacts
            .iter()
            .map(|c| (&c.key, &c.name))
            .chain(self.offices.iter().map(|o| (&o.key, &o.name)))
        {
            for code in name.languages() {
                if self.language(code).is_none() {
                    errors.push(err(
                        &format!("key: {key}"),
                        Msg::NameInUnknownLang {
                            key: key.clone(),
                            lang: code.to_string(),
                        },
                    ));
                }
            }
        }
        Error::collect(errors)
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    pub fn language_codes(&self) -> Vec<&str> {
        self.languages.iter().map(|l| l.code.as_str()).collect()
    }

    /// Contacts and offices with numbers that are due for checking: a person
    /// last `checked` them more than `stale_after_days` before `today`
    /// (key, `Some(checked)`), or never did (key, `None`). The source date
    /// does not count: a news article is not a check.
    pub fn stale_contacts(&self, today: Date) -> Vec<(&str, Option<Date>)> {
        self.number_holders()
            .into_iter()
            .filter(|h| !h.numbers.is_empty() && self.is_due(h.checked, today))
            .map(|h| (h.key, h.checked))
            .collect()
    }

    /// Whether a number last checked on `checked` (never, if `None`) is due
    /// for checking on `today`.
    pub fn is_due(&self, checked: Option<Date>, today: Date) -> bool {
        let limit = today.days_since_epoch() - i64::from(self.stale_after_days);
        checked.is_none_or(|d| d.days_since_epoch() < limit)
    }

    /// Every contact, then every office, as the numbers they hold and what
    /// is known about them.
    pub fn number_holders(&self) -> Vec<NumberHolder<'_>> {
        let contacts = self.contacts.iter().map(|c| NumberHolder {
            key: &c.key,
            name: &c.name,
            description: c.description.as_ref(),
            numbers: &c.numbers,
            url: c.url.as_deref(),
            source_date: c.source_date,
            checked: c.checked,
            checked_by: c.checked_by.as_deref(),
            how: c.how,
            office: false,
        });
        let offices = self.offices.iter().map(|o| NumberHolder {
            key: &o.key,
            name: &o.name,
            description: o.serves.as_ref(),
            numbers: &o.numbers,
            url: o.url.as_deref(),
            source_date: o.source_date,
            checked: o.checked,
            checked_by: o.checked_by.as_deref(),
            how: o.how,
            office: true,
        });
        contacts.chain(offices).collect()
    }

    /// Whether `base_url` is a reserved or local name ([`is_reserved_or_local`]):
    /// a placeholder that must not reach paper or the web.
    pub fn base_url_is_placeholder(&self) -> bool {
        is_reserved_or_local(&self.base_url)
    }

    pub fn office(&self, key: &str) -> Option<&Office> {
        self.offices.iter().find(|o| o.key == key)
    }

    /// Output folder prefix of a language: "" for the default, "en/" otherwise.
    pub fn lang_prefix(&self, lang: &str) -> String {
        if lang == self.default_language {
            String::new()
        } else {
            format!("{lang}/")
        }
    }
}
