//! Printable village leaflets: one PDF per village and leaflet language.
//!
//! This module builds the leaflet data (plain JSON the theme's `leaflet.typ`
//! reads, so nothing needs escaping) and checks the result; the Typst engine
//! behind [`engine`] only turns template + data + QR code into a PDF.

use std::path::Path;

use serde::Serialize;

use crate::config::{Config, Date, NumberKind};
use crate::content::Village;
use crate::error::{Error, Result};
use crate::i18n::Strings;
use crate::library::{Library, Resolved};
use crate::output::OutputFile;
use crate::output::printed::Printer;
#[cfg(feature = "leaflets")]
use crate::print_pool;
use crate::render::format_date;
use lentera_messages::Msg;

#[cfg(feature = "leaflets")]
pub use lentera_print as engine;

/// The number of pages the default layout has (an A4 sheet printed on both
/// sides). A leaflet with any other count does not fit.
pub const PAGES: usize = 2;

/// Name of the leaflet template, in the theme's or the site's `templates/`.
pub const TEMPLATE: &str = "leaflet.typ";

/// Name of the poster template: one A4 portrait page per village and
/// language for the village notice board, made from the same data.
pub const POSTER_TEMPLATE: &str = "poster.typ";

/// The Typst file the printed templates import for the sample box and
/// watermark they print while `base_url` is a placeholder.
pub const SAMPLE_MODULE: &str = "sample.typ";

/// One leaflet to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub village: String,
    pub village_path: std::path::PathBuf,
    pub lang: String,
    /// Output path (`desa/way-layap/way-layap-id.pdf`).
    pub path: String,
    pub data: Data,
    /// Absolute URL of the village page in this language (the QR target).
    pub url: String,
    /// Lessons printed in another language, having no translation yet:
    /// (key, the language they are printed in).
    pub untranslated: Vec<(String, String)>,
    /// A poster (one page, `poster.typ`) rather than a leaflet.
    pub poster: bool,
}

impl Job {
    /// A warning for staff when some lessons print untranslated.
    pub fn warning(&self) -> Option<crate::diagnostic::Diagnostic> {
        // The poster prints the same lessons: its leaflet says it once.
        if self.untranslated.is_empty() || self.poster {
            return None;
        }
        let langs: std::collections::BTreeSet<&str> =
            self.untranslated.iter().map(|(_, l)| l.as_str()).collect();
        let langs: Vec<&str> = langs.into_iter().collect();
        Some(crate::diagnostic::Diagnostic::warning(
            self.village_path.clone(),
            0,
            Msg::LeafletUntranslated {
                lang: self.lang.clone(),
                shown_in: langs.join("`, `"),
                lessons: self
                    .untranslated
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            },
            Some(Msg::TranslateOrLeave {
                lang: self.lang.clone(),
            }),
        ))
    }
}

/// Everything `leaflet.typ` reads from `data.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Data {
    pub lang: String,
    pub title: String,
    pub village: VillageData,
    pub office: Option<OfficeData>,
    pub local_contacts: Vec<LocalContactData>,
    pub hotlines: Vec<HotlineData>,
    pub lessons: Vec<LessonData>,
    pub url: String,
    pub short_url: String,
    pub built: String,
    /// The oldest date a person checked a printed number, when every printed
    /// number has been checked ("numbers last checked: …").
    pub checked: Option<String>,
    /// Where some printed number was never checked: the oldest date of the
    /// sources of those numbers, printed as a source date, never as a check.
    pub source_date: Option<String>,
    /// `base_url` is a reserved or local name: print a sample box instead of
    /// the QR code and short address, and a watermark on every page.
    pub placeholder: bool,
    pub strings: std::collections::BTreeMap<&'static str, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VillageData {
    pub name: String,
    pub kecamatan: Option<String>,
    pub kabupaten: String,
    pub provinsi: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfficeData {
    pub name: String,
    pub serves: Option<String>,
    pub address: Option<String>,
    pub numbers: Vec<NumberData>,
    pub hours: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalContactData {
    pub name: String,
    pub role: Option<String>,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HotlineData {
    pub name: String,
    pub numbers: Vec<NumberData>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberData {
    pub label: String,
    pub number: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LessonData {
    /// The language of this lesson's text: the leaflet's, or the default
    /// language where the lesson is not translated yet.
    pub lang: String,
    pub title: String,
    pub key_points: Vec<String>,
}

/// Interface strings the leaflet uses, by the key `leaflet.typ` sees.
const STRINGS: [(&str, &str); 13] = [
    ("title", "leaflet_title"),
    ("tagline", "leaflet_tagline"),
    ("hotlines", "leaflet_hotlines"),
    ("lessons", "leaflet_lessons"),
    ("office", "village_office"),
    ("local", "village_contacts"),
    ("scan", "leaflet_scan"),
    ("built", "leaflet_built"),
    ("checked", "leaflet_checked"),
    ("source_dated", "leaflet_source_dated"),
    ("placeholder", "leaflet_placeholder"),
    ("watermark", "leaflet_watermark"),
    ("free", "leaflet_free"),
];

/// The output path of a village's leaflet in `lang`: next to the village
/// page in the default language, named so a downloaded file says what it is.
pub fn output_path(config: &Config, village: &Village, lang: &str) -> String {
    crate::urls::leaflet(config, &village.key, &village.slug, lang)
}

/// The leaflets of every village in every language it lists, and with
/// `posters` its poster in each of them too.
pub fn plan(site: &Library, strings: &Strings, built: Date, posters: bool) -> Vec<Job> {
    let config = &site.config;
    let mut jobs = Vec::new();
    for village in &site.villages {
        for lang in village.languages(config) {
            let leaflet = job(site, strings, built, village, lang);
            if posters {
                let mut poster = leaflet.clone();
                poster.poster = true;
                poster.path = crate::urls::poster(config, &village.key, &village.slug, lang);
                jobs.push(poster);
            }
            jobs.push(leaflet);
        }
    }
    jobs
}

pub(crate) fn job(
    site: &Library,
    strings: &Strings,
    built: Date,
    village: &Village,
    lang: &str,
) -> Job {
    let config = &site.config;
    let def = config.default_language.as_str();
    let v = &village.file;
    let url = crate::urls::absolute(config, &village.key, lang);
    let short_url = url
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let number_label = |kind: NumberKind| match kind {
        NumberKind::Phone => String::new(),
        NumberKind::Whatsapp => "WhatsApp".to_string(),
        NumberKind::Sms => "SMS".to_string(),
    };
    let numbers = |list: &[crate::config::Number]| -> Vec<NumberData> {
        list.iter()
            .map(|n| NumberData {
                label: number_label(n.kind),
                number: n.number.clone(),
                note: n
                    .note
                    .as_ref()
                    .map(|t| t.get(lang, def).to_string())
                    .unwrap_or_default(),
            })
            .collect()
    };
    let hotlines = config
        .contacts
        .iter()
        .filter(|c| !c.numbers.is_empty())
        .map(|c| HotlineData {
            name: c.name.get(lang, def).to_string(),
            numbers: numbers(&c.numbers),
        })
        .collect();
    let mut untranslated = Vec::new();
    let lessons = site
        .village_lessons(village)
        .iter()
        .filter_map(|key| {
            let Resolved { page, fallback, .. } = site.resolve(key, lang)?;
            if fallback {
                untranslated.push((key.clone(), page.lang.clone()));
            }
            Some(LessonData {
                lang: page.lang.clone(),
                title: page.front.title.clone(),
                key_points: page.front.key_points.clone(),
            })
        })
        .collect();
    // What the printed numbers' dates say: when every one was checked by a
    // person, the oldest check; else the oldest source date of those never
    // checked, as a source date.
    let office = v.office.as_deref().and_then(|k| config.office(k));
    let (checked, source_date) = crate::config::number_dates(
        config
            .contacts
            .iter()
            .filter(|c| !c.numbers.is_empty())
            .map(|c| (c.checked, c.source_date))
            .chain(
                office
                    .filter(|o| !o.numbers.is_empty())
                    .map(|o| (o.checked, o.source_date)),
            )
            .chain(
                v.contacts
                    .iter()
                    .filter(|c| c.phone.is_some())
                    .map(|c| (c.checked, c.verified)),
            ),
    );
    let date = |d: Option<Date>| d.map(|d| format_date(strings, lang, d));
    let data = Data {
        lang: lang.to_string(),
        title: strings.get(lang, "leaflet_title"),
        village: VillageData {
            name: v.name.clone(),
            kecamatan: v.kecamatan.clone(),
            kabupaten: v.kabupaten.clone(),
            provinsi: v.provinsi.clone(),
        },
        office: v
            .office
            .as_deref()
            .and_then(|k| config.office(k))
            .map(|o| OfficeData {
                name: o.name.get(lang, def).to_string(),
                serves: o.serves.as_ref().map(|s| s.get(lang, def).to_string()),
                address: o.address.as_ref().map(|s| s.get(lang, def).to_string()),
                numbers: numbers(&o.numbers),
                hours: o.hours.as_ref().map(|s| s.get(lang, def).to_string()),
            }),
        local_contacts: v
            .contacts
            .iter()
            .filter_map(|c| {
                Some(LocalContactData {
                    name: c.name.get(lang, def).to_string(),
                    role: c.role.as_ref().map(|r| r.get(lang, def).to_string()),
                    phone: c.phone.clone()?,
                })
            })
            .collect(),
        hotlines,
        lessons,
        url: url.clone(),
        short_url,
        built: format_date(strings, lang, built),
        checked: date(checked),
        source_date: date(source_date),
        placeholder: config.base_url_is_placeholder(),
        strings: STRINGS
            .iter()
            .map(|(k, key)| (*k, strings.get(lang, key)))
            .collect(),
    };
    Job {
        village: village.key.clone(),
        village_path: village.path.clone(),
        lang: lang.to_string(),
        path: output_path(config, village, lang),
        data,
        url,
        untranslated,
        poster: false,
    }
}

/// Read the leaflet template: the site's `templates/leaflet.typ` if present,
/// else the theme's.
pub fn template(root: &Path, theme_dir: &Path) -> Result<Option<String>> {
    template_named(root, theme_dir, TEMPLATE)
}

/// Point the template errors in `err` at the file they come from (the
/// site's `templates/NAME`, else the theme's), relative to `root`.
pub fn locate_template_errors(err: Error, root: &Path, theme_dir: &Path) -> Error {
    match err {
        Error::Many(list) => Error::Many(
            list.into_iter()
                .map(|e| locate_template_errors(e, root, theme_dir))
                .collect(),
        ),
        Error::Leaflet {
            village,
            message,
            hint,
            detail,
            template: Some((name, line, column)),
        } => {
            let file = template_file(root, theme_dir, &name.to_string_lossy())
                .and_then(|p| p.strip_prefix(root).ok().map(Path::to_path_buf))
                .unwrap_or(name);
            Error::Leaflet {
                village,
                message,
                hint,
                detail,
                template: Some((file, line, column)),
            }
        }
        other => other,
    }
}

/// Read the Typst template `name`: the site's `templates/NAME` if present,
/// else the theme's.
pub fn template_named(root: &Path, theme_dir: &Path, name: &str) -> Result<Option<String>> {
    template_file(root, theme_dir, name)
        .map(|path| std::fs::read_to_string(&path).map_err(|source| Error::Read { path, source }))
        .transpose()
}

/// The file the Typst template `name` is read from: the site's
/// `templates/NAME` if present, else the theme's.
fn template_file(root: &Path, theme_dir: &Path, name: &str) -> Option<std::path::PathBuf> {
    [
        root.join("templates").join(name),
        theme_dir.join("templates").join(name),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

/// Render every planned leaflet in parallel. Without the `leaflets` feature
/// this returns no files.
pub fn render(
    template: &str,
    poster_template: &str,
    sample: &str,
    jobs: &[Job],
    built: Date,
    printer: &Printer,
) -> Result<Vec<OutputFile>> {
    #[cfg(feature = "leaflets")]
    {
        if jobs.is_empty() {
            return Ok(Vec::new());
        }
        let fonts = engine::Fonts::embedded();
        let keys = [template, poster_template].map(|t| print_pool::template_key(t, sample));
        print_pool::render_all(jobs.len(), |i| {
            let (template, key) = if jobs[i].poster {
                (poster_template, &keys[1])
            } else {
                (template, &keys[0])
            };
            render_one(&fonts, (template, key), sample, &jobs[i], built, printer)
        })
    }
    #[cfg(not(feature = "leaflets"))]
    {
        let _ = (template, poster_template, sample, jobs, built, printer);
        Ok(Vec::new())
    }
}

#[cfg(feature = "leaflets")]
fn render_one(
    fonts: &engine::Fonts,
    (template, template_key): (&str, &str),
    sample: &str,
    job: &Job,
    built: Date,
    printer: &Printer,
) -> Result<OutputFile> {
    let fail = |message: Msg, hint: Msg, detail: Option<String>| Error::Leaflet {
        village: job.village_path.clone(),
        message,
        hint,
        detail,
        template: None,
    };
    let (lang, poster) = (job.lang.clone(), job.poster);
    let data = serde_json::to_string_pretty(&job.data).expect("leaflet data serialises");
    let ident = if job.poster {
        format!("lentera/{}/poster/{}", job.village, job.lang)
    } else {
        format!("lentera/{}/{}", job.village, job.lang)
    };
    let pages = if job.poster { 1 } else { PAGES };
    let doc = print_pool::Document {
        template,
        template_key,
        modules: &[(SAMPLE_MODULE, sample)],
        data: &data,
        // A placeholder address gets no QR code: the template prints a
        // sample box in its place.
        qr: (!job.data.placeholder).then_some(job.url.as_str()),
        ident: &ident,
        date: built,
    };
    let make = || -> Result<Vec<u8>> {
        let leaflet = doc.typeset(fonts).map_err(|fault| match fault {
            print_pool::Fault::Qr(e) => fail(
                Msg::QrTooLong {
                    lang: lang.clone(),
                    poster,
                    url: job.url.clone(),
                },
                Msg::ShortenBaseUrl,
                Some(e),
            ),
            print_pool::Fault::Panic(message) => fail(
                Msg::LeafletPanic {
                    lang: lang.clone(),
                    poster,
                },
                Msg::SimplifyLeaflet,
                Some(message),
            ),
            print_pool::Fault::Template(e) => {
                let mut err = fail(
                    Msg::LeafletTemplateFailed {
                        lang: lang.clone(),
                        poster,
                    },
                    Msg::FixLeafletTemplate,
                    Some(e.text),
                );
                if let Error::Leaflet { template, .. } = &mut err
                    && e.line > 0
                {
                    let name = if poster { POSTER_TEMPLATE } else { TEMPLATE };
                    *template = Some((name.into(), e.line, e.column));
                }
                err
            }
        })?;
        if leaflet.pages != pages {
            return Err(fail(
                Msg::LeafletDoesNotFit {
                    lang: lang.clone(),
                    poster,
                    pages: leaflet.pages,
                    expected: pages,
                },
                Msg::SelectFewerLessons,
                None,
            ));
        }
        Ok(leaflet.pdf)
    };
    printer.print(&job.path, &doc.input_key(), make)
}
