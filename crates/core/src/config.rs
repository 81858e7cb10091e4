//! `content/site.yaml`: languages, base URL, theme, and the contacts and offices
//! that pages and leaflets print.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Error, Result};
use crate::yaml;
use lentera_messages::Msg;

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

/// The time zone of the programme's offices (WIB).
pub const DEFAULT_TIME_ZONE: &str = "Asia/Jakarta";

fn default_time_zone() -> String {
    DEFAULT_TIME_ZONE.to_string()
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

/// A hotline or other channel, shown in every footer and on leaflets.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub key: String,
    pub name: Localized,
    #[serde(default)]
    pub description: Option<Localized>,
    #[serde(default)]
    pub numbers: Vec<Number>,
    #[serde(default)]
    pub url: Option<String>,
    /// The date of the source these numbers come from (a news article, an
    /// official page): not a check by anyone.
    #[serde(default)]
    pub source_date: Option<Date>,
    /// When a person last confirmed the numbers (`checked:`); staleness
    /// counts from this date only.
    #[serde(default)]
    pub checked: Option<Date>,
    /// Who confirmed them (name or initials).
    #[serde(default)]
    pub checked_by: Option<String>,
    /// How they were confirmed.
    #[serde(default)]
    pub how: Option<CheckHow>,
    #[serde(default)]
    pub source: Option<SourceLink>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Number {
    #[serde(default)]
    pub kind: NumberKind,
    pub number: String,
    #[serde(default)]
    pub note: Option<Localized>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberKind {
    #[default]
    Phone,
    Whatsapp,
    Sms,
}

impl NumberKind {
    /// The URI scheme link for this kind of number.
    pub fn href(self, number: &str) -> String {
        let digits: String = number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        match self {
            NumberKind::Phone => format!("tel:{digits}"),
            NumberKind::Sms => format!("sms:{digits}"),
            NumberKind::Whatsapp => {
                // wa.me wants the international form without `+`.
                let intl = match digits.strip_prefix('0') {
                    Some(rest) => format!("62{rest}"),
                    None => digits.trim_start_matches('+').to_string(),
                };
                format!("https://wa.me/{intl}")
            }
        }
    }
}

impl Contact {
    /// The number the help line shows for this contact: its first phone
    /// number (a `tel:` link).
    pub fn help_number(&self) -> Option<&Number> {
        self.numbers.iter().find(|n| n.kind == NumberKind::Phone)
    }
}

/// An immigration, labour or other office that serves villages.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub key: String,
    pub name: Localized,
    #[serde(default)]
    pub serves: Option<Localized>,
    /// The street address, printed on the village page, leaflet and poster
    /// (one text, or one per language).
    #[serde(default)]
    pub address: Option<Localized>,
    /// Phone and WhatsApp numbers, printed like the hotlines' (they need
    /// the office's date of confirmation like any number).
    #[serde(default)]
    pub numbers: Vec<Number>,
    /// Opening hours, per language (`Senin–Jumat 08.00–16.00 WIB`).
    #[serde(default)]
    pub hours: Option<Localized>,
    /// A note for staff (where a figure comes from, what to re-check):
    /// never printed or published.
    #[serde(default)]
    pub staff_note: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// The date of the source the office's details come from.
    #[serde(default)]
    pub source_date: Option<Date>,
    /// When a person last confirmed the numbers (`checked:`); staleness
    /// counts from this date only.
    #[serde(default)]
    pub checked: Option<Date>,
    /// Who confirmed them (name or initials).
    #[serde(default)]
    pub checked_by: Option<String>,
    /// How they were confirmed.
    #[serde(default)]
    pub how: Option<CheckHow>,
    #[serde(default)]
    pub source: Option<SourceLink>,
}

/// How a person confirmed a number (`how:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckHow {
    /// Called (or messaged) the number and reached the right service.
    Called,
    /// Found the number on the service's own official page.
    OfficialPage,
}

/// A contact or an office seen as the numbers it holds (see
/// [`Config::number_holders`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberHolder<'a> {
    pub key: &'a str,
    pub name: &'a Localized,
    /// What the contact is for (an office: whom it serves).
    pub description: Option<&'a Localized>,
    pub numbers: &'a [Number],
    pub url: Option<&'a str>,
    pub source_date: Option<Date>,
    pub checked: Option<Date>,
    pub checked_by: Option<&'a str>,
    pub how: Option<CheckHow>,
    /// An office (`offices:`) rather than a contact (`contacts:`).
    pub office: bool,
}

/// The host of an absolute `http(s)://` URL, lowercased, without user,
/// port or trailing dot (an IPv6 address without its brackets).
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    Some(host.trim_end_matches('.').to_ascii_lowercase())
}

/// Whether the host of `base_url` is a name nobody can publish under: one
/// reserved for examples and tests (RFC 2606, RFC 6761: `example`,
/// `*.example`, `example.com/.net/.org` and their subdomains, `*.test`,
/// `*.invalid`), a local one (`localhost`, `*.localhost`, `*.local`,
/// `*.internal`, `*.home.arpa`, a name without a dot), or a loopback,
/// private, link-local, documentation or unspecified IP address. A URL
/// without a host counts too. QR codes to such a name would lead nowhere,
/// or to whoever registers it.
pub fn is_reserved_or_local(base_url: &str) -> bool {
    let Some(host) = url_host(base_url) else {
        return true;
    };
    if host.is_empty() {
        return true;
    }
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return ip_is_local(ip);
    }
    let labels: Vec<&str> = host.split('.').collect();
    let last = labels[labels.len() - 1];
    if labels.len() == 1 {
        // `example`, `localhost`, `intranet`: no public name has one label.
        return true;
    }
    if matches!(
        last,
        "example" | "test" | "invalid" | "localhost" | "local" | "internal"
    ) {
        return true;
    }
    let last_two = format!("{}.{last}", labels[labels.len() - 2]);
    matches!(
        last_two.as_str(),
        "example.com" | "example.net" | "example.org" | "home.arpa"
    )
}

fn ip_is_local(ip: std::net::IpAddr) -> bool {
    match ip {
        std::net::IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                // 100.64.0.0/10: carrier-grade NAT, shared address space.
                || (a == 100 && (64..128).contains(&b))
                // RFC 5737 documentation ranges.
                || (a, b, c) == (192, 0, 2)
                || (a, b, c) == (198, 51, 100)
                || (a, b, c) == (203, 0, 113)
        }
        std::net::IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return ip_is_local(std::net::IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                // fc00::/7 unique local, fe80::/10 link-local.
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                // 2001:db8::/32, for documentation.
                || (first == 0x2001 && v6.segments()[1] == 0x0db8)
        }
    }
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

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let max_day = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=max_day).contains(&day) && (1000..=9999).contains(&year)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Today's date in the programme's default time zone (Asia/Jakarta).
    /// With a site at hand, use [`Config::today`], which honours `time_zone`.
    pub fn today() -> Date {
        Date::today_in(DEFAULT_TIME_ZONE)
    }

    /// Today's date in the time zone `name` (an IANA name); in UTC if the
    /// system knows no such zone.
    pub fn today_in(name: &str) -> Date {
        Date::at(name, jiff::Timestamp::now())
    }

    /// The date in the time zone `name` at the moment `when`.
    pub fn at(name: &str, when: jiff::Timestamp) -> Date {
        let tz = jiff::tz::TimeZone::get(name).unwrap_or(jiff::tz::TimeZone::UTC);
        let date = when.to_zoned(tz).date();
        Date {
            year: i32::from(date.year()),
            month: date.month() as u32,
            day: date.day() as u32,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("`{s}` is not a date: write it as YYYY-MM-DD"))
        })
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
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

/// The dates a leaflet, poster or page may print about numbers, from each printed number's (checked,
/// source date): the oldest check if every number was checked, else the
/// oldest source date of the numbers never checked.
pub fn number_dates(
    numbers: impl Iterator<Item = (Option<Date>, Option<Date>)>,
) -> (Option<Date>, Option<Date>) {
    let numbers: Vec<_> = numbers.collect();
    if numbers.iter().all(|(checked, _)| checked.is_some()) {
        (numbers.iter().filter_map(|(c, _)| *c).min(), None)
    } else {
        let source = numbers
            .iter()
            .filter(|(c, _)| c.is_none())
            .filter_map(|(_, s)| *s)
            .min();
        (None, source)
    }
}

#[cfg(test)]
mod number_date_tests {
    use super::*;

    #[test]
    fn a_check_is_printed_only_when_every_number_was_checked() {
        let d = |s| Date::parse(s);
        // All checked: the oldest check.
        assert_eq!(
            number_dates(
                [
                    (d("2026-11-01"), d("2018-05-24")),
                    (d("2026-10-01"), d("2025-01-01"))
                ]
                .into_iter()
            ),
            (d("2026-10-01"), None)
        );
        // One never checked: its source date, not the other's check.
        assert_eq!(
            number_dates(
                [
                    (d("2026-11-01"), d("2018-05-24")),
                    (None, d("2025-01-01")),
                    (None, d("2024-04-25"))
                ]
                .into_iter()
            ),
            (None, d("2024-04-25"))
        );
        assert_eq!(number_dates(std::iter::empty()), (None, None));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_date_in_jakarta_not_in_utc() {
        // 23:30 UTC on 29 November is 06:30 WIB on 30 November.
        let when: jiff::Timestamp = "2026-11-29T23:30:00Z".parse().unwrap();
        assert_eq!(Date::at("Asia/Jakarta", when).to_string(), "2026-11-30");
        assert_eq!(Date::at("UTC", when).to_string(), "2026-11-29");
    }

    #[test]
    fn an_unknown_time_zone_is_an_error_with_its_line() {
        let err = Config::parse(
            Path::new("site.yaml"),
            "base_url: https://e.org/\ndefault_language: id\ntime_zone: Asia/Lampung\nlanguages:\n  - {code: id, name: I}\n",
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("site.yaml:3") && text.contains("Asia/Lampung"),
            "{text}"
        );
    }

    const MINIMAL: &str = "base_url: https://example.org\ndefault_language: id\nlanguages:\n  - code: id\n    name: Bahasa Indonesia\n  - code: en\n    name: English\n";

    #[test]
    fn base_url_flag_is_checked_and_normalised() {
        let ok = |u: &str| Config::checked_base_url(u);
        assert_eq!(
            ok("https://preview.example/pr-7").as_deref(),
            Some("https://preview.example/pr-7/")
        );
        assert_eq!(
            ok("http://localhost:8080/").as_deref(),
            Some("http://localhost:8080/")
        );
        assert_eq!(
            ok("HTTPS://Preview.Example").as_deref(),
            Some("https://preview.example/")
        );
        for bad in [
            "",
            "preview.example/x/",
            "/x/",
            "ftp://preview.example/",
            "javascript:alert(1)",
            "https://",
            "https://user:pw@preview.example/",
            "https://preview.example/?a=1",
            "https://preview.example/#top",
            "file:///tmp/site/",
        ] {
            assert_eq!(ok(bad), None, "{bad}");
        }
    }

    #[test]
    fn parses_minimal_and_normalises_base_url() {
        let c = Config::parse(Path::new("site.yaml"), MINIMAL).unwrap();
        assert_eq!(c.base_url, "https://example.org/");
        assert_eq!(c.theme, "default");
        assert_eq!(c.lang_prefix("id"), "");
        assert_eq!(c.lang_prefix("en"), "en/");
    }

    #[test]
    fn unknown_key_names_line_and_suggestion() {
        let text = format!("{MINIMAL}themee: default\n");
        let err = Config::parse(Path::new("site.yaml"), &text).unwrap_err();
        match err {
            Error::Yaml { line, hint, .. } => {
                assert_eq!(line, 8);
                assert!(matches!(hint, Some(Msg::DidYouMeanKey { best, .. }) if best == "theme"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn default_language_must_be_configured() {
        let text = MINIMAL.replace("default_language: id", "default_language: fr");
        let err = Config::parse(Path::new("site.yaml"), &text).unwrap_err();
        assert!(
            matches!(&err, Error::Content { line: 2, message: Msg::DefaultLangUnknown { code }, .. } if code == "fr"),
            "{err}"
        );
    }

    #[test]
    fn numbers_need_a_verified_date_and_old_ones_are_stale() {
        let text = format!(
            "{MINIMAL}contacts:\n  - key: a\n    name: A\n    numbers: [{{number: \"110\"}}]\n"
        );
        let err = Config::parse(Path::new("site.yaml"), &text).unwrap_err();
        assert!(
            matches!(
                &err,
                Error::Content {
                    line: 9,
                    message: Msg::NumbersUnverified { .. },
                    ..
                }
            ),
            "{err}"
        );
        let ok = text.replace("    numbers:", "    source_date: 2025-01-01\n    numbers:");
        let config = Config::parse(Path::new("site.yaml"), &ok).unwrap();
        let d = |s| Date::parse(s).unwrap();
        // A source date is not a check: never checked is due at once.
        assert_eq!(config.stale_contacts(d("2025-01-02")), vec![("a", None)]);
        let checked = ok.replace(
            "    numbers:",
            "    checked: 2025-01-01\n    checked_by: AB\n    how: called\n    numbers:",
        );
        let config = Config::parse(Path::new("site.yaml"), &checked).unwrap();
        assert!(config.stale_contacts(d("2025-06-30")).is_empty());
        assert_eq!(
            config.stale_contacts(d("2025-07-01")),
            vec![("a", Some(d("2025-01-01")))]
        );
    }

    #[test]
    fn a_check_needs_its_date_who_and_how() {
        let text = format!(
            "{MINIMAL}contacts:\n  - key: a\n    name: A\n    source_date: 2025-01-01\n    checked: 2025-02-01\n    numbers: [{{number: \"110\"}}]\n"
        );
        let err = Config::parse(Path::new("site.yaml"), &text).unwrap_err();
        assert!(
            matches!(&err, Error::Content { line: 9, message: Msg::CheckIncomplete { missing, .. }, .. } if missing == "checked_by`, `how"),
            "{err}"
        );
        let bad_how = text.replace(
            "    checked: 2025-02-01\n",
            "    checked: 2025-02-01\n    checked_by: AB\n    how: phoned\n",
        );
        let err = Config::parse(Path::new("site.yaml"), &bad_how).unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.contains("`phoned`")
                && shown.contains("`called`")
                && shown.contains("`official-page`"),
            "{shown}"
        );
    }

    #[test]
    fn the_old_verified_key_says_it_is_now_source_date() {
        let text = format!(
            "{MINIMAL}contacts:\n  - key: a\n    name: A\n    verified: 2025-01-01\n    numbers: [{{number: \"110\"}}]\n"
        );
        let err = Config::parse(Path::new("site.yaml"), &text).unwrap_err();
        match err {
            Error::Yaml { line, hint, .. } => {
                assert_eq!(line, 11);
                assert_eq!(
                    hint,
                    Some(Msg::KeyRenamed {
                        old: "verified".into(),
                        new: "source_date".into()
                    })
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reserved_and_local_names_are_placeholders() {
        for url in [
            "https://desabinaan.example/",
            "https://example/",
            "https://EXAMPLE.com/",
            "https://www.example.org/desa/",
            "http://a.b.example.net:8080/",
            "https://site.test/",
            "https://x.invalid/",
            "http://localhost:1111/",
            "http://app.localhost/",
            "http://printer.local/",
            "http://router.home.arpa/",
            "http://intranet/",
            "http://127.0.0.1/",
            "http://10.1.2.3/",
            "http://172.16.0.1/",
            "http://192.168.1.10:8000/",
            "http://169.254.1.1/",
            "http://0.0.0.0/",
            "http://192.0.2.7/",
            "http://[::1]:8080/",
            "http://[::]/",
            "http://[fe80::1]/",
            "http://[fd12:3456::1]/",
            "http://[2001:db8::1]/",
            "http://[::ffff:192.168.0.1]/",
            "https://user@localhost./",
            "https:///no-host",
            "not a url",
        ] {
            assert!(is_reserved_or_local(url), "{url} should be a placeholder");
        }
        for url in [
            "https://desabinaan.imigrasi.go.id/",
            "https://example.id/",
            "https://desabinaan.example.id/",
            "https://examples.com/",
            "https://myexample.org/",
            "https://test.id/",
            "http://8.8.8.8/",
            "http://[2606:4700::1111]/",
            "https://local.go.id/",
        ] {
            assert!(!is_reserved_or_local(url), "{url} is a public name");
        }
    }

    #[test]
    fn dates_validate_and_round_trip() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2023-13-01").is_none());
        assert!(Date::parse("28/11/2026").is_none());
        let d = Date::parse("2026-11-28").unwrap();
        assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
        assert_eq!(Date::parse("1970-01-02").unwrap().days_since_epoch(), 1);
    }

    #[test]
    fn localized_falls_back_to_default() {
        let t: Localized = serde_yaml::from_str("{id: Halo, en: Hello}").unwrap();
        assert_eq!(t.get("en", "id"), "Hello");
        assert_eq!(t.get("jv", "id"), "Halo");
        let same: Localized = serde_yaml::from_str("Halo").unwrap();
        assert_eq!(same.get("en", "id"), "Halo");
    }

    #[test]
    fn whatsapp_links_use_international_form() {
        assert_eq!(
            NumberKind::Whatsapp.href("0811-8080-141"),
            "https://wa.me/628118080141"
        );
        assert_eq!(NumberKind::Phone.href("0800-1000"), "tel:08001000");
        assert_eq!(
            NumberKind::Whatsapp.href("+62 813-9967-9966"),
            "https://wa.me/6281399679966"
        );
    }
}
