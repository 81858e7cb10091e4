//! Villages: one YAML file each under `content/desa/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::config::{Config, Date, Localized, SourceLink};
use crate::error::{Error, Result};
use crate::yaml;
use lentera_messages::Msg;

/// The keys a village file may set.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VillageFile {
    pub name: String,
    #[serde(default)]
    pub kecamatan: Option<String>,
    pub kabupaten: String,
    #[serde(default)]
    pub provinsi: Option<String>,
    /// Key of the serving office in `site.yaml`.
    #[serde(default)]
    pub office: Option<String>,
    #[serde(default)]
    pub designated: Option<Date>,
    /// Leaflet languages; empty means the default language.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Lesson keys (`pelajaran/jalur-resmi`) for the leaflet and the page.
    #[serde(default)]
    pub lessons: Vec<String>,
    #[serde(default)]
    pub contacts: Vec<LocalContact>,
    #[serde(default)]
    pub sessions: Vec<Session>,
    #[serde(default)]
    pub about: Option<Localized>,
    #[serde(default)]
    pub sources: Vec<SourceLink>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub extra: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalContact {
    pub name: Localized,
    #[serde(default)]
    pub role: Option<Localized>,
    #[serde(default)]
    pub phone: Option<String>,
    /// The date of the source the phone number comes from.
    #[serde(default)]
    pub verified: Option<Date>,
    /// When a person last confirmed the number, who, and how (as for the
    /// contacts in site.yaml).
    #[serde(default)]
    pub checked: Option<Date>,
    #[serde(default)]
    pub checked_by: Option<String>,
    #[serde(default)]
    pub how: Option<crate::config::CheckHow>,
    #[serde(default)]
    pub source: Option<SourceLink>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub date: Date,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub topic: Option<Localized>,
}

/// A checked village.
#[derive(Debug, Clone, PartialEq)]
pub struct Village {
    pub path: PathBuf,
    /// `desa/way-layap`: also its URL path.
    pub key: String,
    pub slug: String,
    pub file: VillageFile,
    pub draft: bool,
}

impl Village {
    /// Leaflet languages, defaulting to the site's default language.
    pub fn languages<'a>(&'a self, config: &'a Config) -> Vec<&'a str> {
        if self.file.languages.is_empty() {
            vec![config.default_language.as_str()]
        } else {
            self.file.languages.iter().map(String::as_str).collect()
        }
    }
}

/// Parse and check a village file. `page_keys` are the published page keys.
pub fn parse(
    path: &Path,
    rel: &str,
    text: &str,
    config: &Config,
    page_keys: &BTreeSet<&str>,
) -> Result<Village> {
    let file: VillageFile = yaml::parse(path, text, 1)?;
    let key = rel.strip_suffix(".yaml").unwrap_or(rel).to_string();
    let slug = key
        .rsplit_once('/')
        .map_or(key.as_str(), |(_, s)| s)
        .to_string();
    let mut errors = Vec::new();
    if let Some(office) = &file.office
        && config.office(office).is_none()
    {
        let keys: Vec<&str> = config.offices.iter().map(|o| o.key.as_str()).collect();
        let hint = match yaml::closest(office, &keys) {
            Some(best) => Msg::DidYouMeanOffice {
                best: best.to_string(),
            },
            None => Msg::OfficesAre {
                list: keys.join(", "),
            },
        };
        errors.push(
            Error::content(
                path,
                yaml::line_of(text, "office:"),
                Msg::OfficeUnknown {
                    office: office.clone(),
                },
            )
            .with_hint(hint),
        );
    }
    for lang in &file.languages {
        if config.language(lang).is_none() {
            errors.push(
                Error::content(
                    path,
                    yaml::line_of(text, "languages:"),
                    Msg::LeafletLangUnknown { code: lang.clone() },
                )
                .with_hint(Msg::Configured {
                    list: config.language_codes().join(", "),
                }),
            );
        }
    }
    for lesson in &file.lessons {
        let lesson = lesson.trim_end_matches(".md").trim_matches('/');
        if !page_keys.contains(lesson) {
            let keys: Vec<&str> = page_keys.iter().copied().collect();
            let hint = match yaml::closest(lesson, &keys) {
                Some(best) => Msg::DidYouMean {
                    best: best.to_string(),
                },
                None => Msg::WriteLessonKey,
            };
            errors.push(
                Error::content(
                    path,
                    yaml::line_of(text, lesson),
                    Msg::LessonMissing {
                        lesson: lesson.to_string(),
                    },
                )
                .with_hint(hint),
            );
        }
    }
    for contact in &file.contacts {
        if contact.phone.is_some() && contact.verified.is_none() {
            let phone = contact.phone.as_deref().unwrap_or_default();
            errors.push(
                Error::content(
                    path,
                    yaml::line_of(text, phone),
                    Msg::PhoneUnverified {
                        phone: phone.to_string(),
                        name: contact
                            .name
                            .get(&config.default_language, &config.default_language)
                            .to_string(),
                    },
                )
                .with_hint(Msg::AddVerifiedPhone),
            );
        }
    }
    if !file.draft {
        // A published village must not carry what `lentera new` left to
        // fill, and says when it was confirmed (the scaffold leaves it empty).
        errors.extend(crate::placeholder::errors(path, text, false));
        if file.designated.is_none() {
            let line = text
                .lines()
                .position(|l| l.starts_with("designated:"))
                .map_or(0, |i| i + 1);
            errors.push(
                Error::content(path, line, Msg::DesignatedMissing).with_hint(
                    Msg::WriteDesignated {
                        example: "2025-09-25".to_string(),
                    },
                ),
            );
        }
    }
    Error::collect(errors)?;
    Ok(Village {
        path: path.to_path_buf(),
        key,
        slug,
        draft: file.draft,
        file,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse(
            Path::new("site.yaml"),
            "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: Indonesia}\noffices:\n  - {key: kanim-kalianda, name: Kanim Kalianda}\n",
        )
        .unwrap()
    }

    fn parse_str(text: &str) -> Result<Village> {
        let keys: BTreeSet<&str> = ["modus/calo"].into_iter().collect();
        parse(
            Path::new("content/desa/x.yaml"),
            "desa/x.yaml",
            text,
            &config(),
            &keys,
        )
    }

    #[test]
    fn valid_village() {
        let v = parse_str("name: X\nkabupaten: Y\ndesignated: 2025-09-25\noffice: kanim-kalianda\nlessons: [modus/calo]\n")
            .unwrap();
        assert_eq!(v.key, "desa/x");
        assert_eq!(v.languages(&config()), vec!["id"]);
    }

    #[test]
    fn missing_lesson_names_the_line_and_suggests() {
        let err =
            parse_str("name: X\nkabupaten: Y\ndesignated: 2025-09-25\nlessons:\n  - modus/caloo\n")
                .unwrap_err();
        match err {
            Error::Content { line, hint, .. } => {
                assert_eq!(line, 5);
                assert_eq!(
                    hint,
                    Some(Msg::DidYouMean {
                        best: "modus/calo".into()
                    })
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_office_and_unverified_phone_are_errors() {
        let err = parse_str(
            "name: X\nkabupaten: Y\ndesignated: 2025-09-25\noffice: kanim-kaliand\ncontacts:\n  - name: Balai desa\n    phone: \"0812\"\n",
        )
        .unwrap_err();
        let all = err.flatten();
        assert_eq!(all.len(), 2, "{err}");
        assert!(err.to_string().contains("did you mean `kanim-kalianda`?"));
        assert!(err.to_string().contains("no `verified:` date"));
    }

    #[test]
    fn published_village_needs_designated_and_no_placeholder() {
        let err = parse_str("name: X\nkabupaten: \"[ISI: Nama Kabupaten]\"\n").unwrap_err();
        let all = err.flatten();
        assert_eq!(all.len(), 2, "{err}");
        assert!(matches!(
            all[0],
            Error::Content { line: 2, message: Msg::PlaceholderInField { field, .. }, .. } if field == "kabupaten"
        ));
        assert!(matches!(
            all[1],
            Error::Content {
                message: Msg::DesignatedMissing,
                hint: Some(Msg::WriteDesignated { .. }),
                ..
            }
        ));
        // A draft may hold both.
        let draft =
            parse_str("name: X\nkabupaten: \"[ISI: Nama Kabupaten]\"\ndesignated:\ndraft: true\n");
        assert!(draft.is_ok(), "{draft:?}");
    }
}
