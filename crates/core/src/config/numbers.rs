//! The numbers the site prints: contacts and offices in `site.yaml`, who
//! checked them and when, and the one rule for the date printed beside them.

use serde::{Deserialize, Serialize};

use super::{Date, Localized, SourceLink};

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
