//! `lentera check --publish`: what would be wrong in public, as errors. A
//! site passes only when everything a reader sees or a leaflet prints is
//! real: the site's own address, numbers a person has checked recently,
//! reviewed translations, lessons in every language a village's leaflets are
//! printed in, and QR codes that lead to pages of this build.

use std::collections::BTreeSet;
use std::path::Path;

use lentera_core::Build;
use lentera_core::config::Date;
use lentera_core::content::TranslationState;
use lentera_core::diagnostic::{Diagnostic, Severity};
use lentera_messages::Msg;

/// Every reason the built site must not be published or printed yet, each
/// an error located in the file to change. Empty when it may be.
pub fn preflight(root: &Path, build: &Build, today: Date) -> Vec<Diagnostic> {
    let site = &build.site;
    let config = &site.config;
    let mut out = Vec::new();
    let error = |file: &Path, line: usize, message: Msg, hint: Msg| Diagnostic {
        severity: Severity::Error,
        ..Diagnostic::warning(file, line, message, Some(hint))
    };
    let site_yaml_path = Path::new("content/site.yaml");
    let site_yaml = std::fs::read_to_string(root.join(site_yaml_path)).unwrap_or_default();

    // The site's address: QR codes, the sitemap and canonical links.
    if config.base_url_is_placeholder() {
        out.push(error(
            site_yaml_path,
            lentera_core::yaml::line_of(&site_yaml, "base_url:"),
            Msg::BaseUrlPlaceholder {
                url: config.base_url.clone(),
            },
            Msg::SetBaseUrl,
        ));
    }

    // Numbers a person has not checked within `stale_after_days`.
    let days = config.stale_after_days;
    for (key, checked) in config.stale_contacts(today) {
        out.push(error(
            site_yaml_path,
            lentera_core::yaml::line_of(&site_yaml, &format!("key: {key}")),
            lentera_core::warnings::stale_numbers(key, checked, days),
            Msg::CheckNumbers,
        ));
    }
    for (village, name, checked) in site.stale_village_contacts(today) {
        let text = std::fs::read_to_string(root.join(&village.path)).unwrap_or_default();
        out.push(error(
            village.path.as_path(),
            lentera_core::yaml::line_of(&text, &name),
            lentera_core::warnings::stale_phone(&name, checked, days),
            Msg::CheckPhone,
        ));
    }

    // What each village's leaflets and posters would print.
    let built: BTreeSet<&str> = build.files.iter().map(|f| f.path.as_str()).collect();
    let def = config.default_language.as_str();
    for village in &site.villages {
        let text = std::fs::read_to_string(root.join(&village.path)).unwrap_or_default();
        let line_of = |needle: &str| lentera_core::yaml::line_of(&text, needle);
        if village.draft {
            out.push(error(
                village.path.as_path(),
                line_of("draft:"),
                Msg::PublishVillageDraft,
                Msg::FinishDraft,
            ));
        }
        for lang in village.languages(config) {
            for key in site.village_lessons(village) {
                let Some(resolved) = site.resolve(key, lang) else {
                    continue;
                };
                let page = resolved.page;
                let at = line_of(key.as_str()).max(line_of("lessons:"));
                if resolved.fallback {
                    out.push(error(
                        village.path.as_path(),
                        at,
                        Msg::PublishLessonMissingInLang {
                            lesson: key.clone(),
                            lang: lang.to_string(),
                            shown_in: page.lang.clone(),
                        },
                        Msg::TranslateOrDropLang {
                            lesson: key.clone(),
                            lang: lang.to_string(),
                        },
                    ));
                }
                if page.front.draft {
                    out.push(error(
                        village.path.as_path(),
                        at,
                        Msg::PublishLessonDraft {
                            lesson: key.clone(),
                            lang: lang.to_string(),
                            file: page.path.display().to_string(),
                        },
                        Msg::FinishDraft,
                    ));
                }
                if !resolved.fallback
                    && page.lang != def
                    && page.front.translation == Some(TranslationState::Draft)
                {
                    out.push(error(
                        village.path.as_path(),
                        at,
                        Msg::PublishTranslationDraft {
                            lesson: key.clone(),
                            lang: lang.to_string(),
                            file: page.path.display().to_string(),
                        },
                        Msg::ReviewDraftTranslation {
                            lang: lang.to_string(),
                        },
                    ));
                }
            }
            // The QR code must lead to the village page in this language,
            // as a browser reads its address (a `?` or `#` in `base_url`
            // would send it elsewhere), and this build must make that page.
            let url = lentera_core::urls::absolute(config, &village.key, lang);
            let expected = lentera_core::urls::page_path(config, &village.key, lang, false);
            let leads_to = url_path(&url)
                .and_then(|p| p.strip_prefix(url_path(&config.base_url)?))
                .map(str::to_string);
            let built_there = built.contains(format!("{expected}index.html").as_str());
            if leads_to.as_deref() != Some(expected.as_str()) || !built_there {
                out.push(error(
                    village.path.as_path(),
                    0,
                    Msg::QrTargetMissing {
                        lang: lang.to_string(),
                        url,
                    },
                    Msg::QrTargetHint {
                        lang: lang.to_string(),
                    },
                ));
            }
        }
    }
    out
}

/// The path a browser requests for an absolute `url`: from the first `/`
/// after the host up to any `?` or `#`.
fn url_path(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let rest = &rest[rest.find(['/', '?', '#']).unwrap_or(rest.len())..];
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    let path = &rest[..end];
    Some(if path.is_empty() { "/" } else { path })
}

#[cfg(test)]
mod tests {
    use super::url_path;

    #[test]
    fn the_path_a_browser_requests() {
        assert_eq!(url_path("https://a.id/desa/x/"), Some("/desa/x/"));
        assert_eq!(url_path("https://a.id"), Some("/"));
        assert_eq!(url_path("https://a.id/?ref=qr/desa/x/"), Some("/"));
        assert_eq!(url_path("https://a.id/site#top/desa/x/"), Some("/site"));
        assert_eq!(url_path("not a url"), None);
    }
}
