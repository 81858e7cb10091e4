//! The page of a village (`village.html`): its office, contacts, sessions,
//! lessons, leaflets and posters, in one language.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::config::{Localized, NumberKind, SourceLink};
use crate::content::{Kind, Village};
use crate::error::Result;
use crate::library::Resolved;
use crate::urls::page_path;

use super::{
    Alternate, JobCtx, JobOutput, NumberView, PageView, RenderOptions, every_language, format_date,
    number_views, root_prefix,
};

/// The leaflets, posters and session-kit files of the build, by village
/// key, in the order of [`RenderOptions`]: each village page looks up its
/// own instead of going through every village's. With 1,000 villages
/// those scans (5,000 pages × 13,000 files) were 14 % of the CPU time of a
/// build (BENCHMARKS.md).
#[derive(Default)]
pub(super) struct Printed<'a> {
    leaflets: HashMap<&'a str, Vec<&'a (String, String, String)>>,
    posters: HashMap<&'a str, Vec<&'a (String, String, String)>>,
    kit: HashMap<&'a str, Vec<&'a super::kit::Link>>,
}

impl<'a> Printed<'a> {
    pub(super) fn new(opts: &'a RenderOptions) -> Printed<'a> {
        let mut printed = Printed::default();
        for file in &opts.leaflets {
            printed.leaflets.entry(&file.0).or_default().push(file);
        }
        for file in &opts.posters {
            printed.posters.entry(&file.0).or_default().push(file);
        }
        for link in &opts.kit {
            printed.kit.entry(&link.village).or_default().push(link);
        }
        printed
    }

    fn of<'m, T>(map: &'m HashMap<&'a str, Vec<&'a T>>, village: &str) -> &'m [&'a T] {
        map.get(village).map_or(&[], Vec::as_slice)
    }
}

/// What `village.html` sees as `village`.
#[derive(Serialize)]
struct VillageView<'a> {
    key: &'a str,
    slug: &'a str,
    name: &'a str,
    kecamatan: &'a Option<String>,
    kabupaten: &'a str,
    provinsi: &'a Option<String>,
    designated: Option<String>,
    office: Option<OfficeView<'a>>,
    about: Option<String>,
    contacts: Vec<VillageContactView<'a>>,
    sessions: Vec<SessionView<'a>>,
    lessons: Vec<VillageLessonView<'a>>,
    sources: &'a [SourceLink],
    leaflet_languages: Vec<&'a str>,
    leaflets: Vec<LeafletLink<'a>>,
    posters: Vec<PosterLink<'a>>,
    /// The session kit: slides, guide, attendance sheet, with their sizes.
    kit: Vec<KitLink<'a>>,
    extra: &'a serde_json::Value,
}

/// The office that serves the village.
#[derive(Serialize)]
struct OfficeView<'a> {
    name: &'a str,
    serves: Option<String>,
    address: Option<String>,
    hours: Option<String>,
    url: &'a Option<String>,
    numbers: Vec<NumberView>,
    verified: Option<String>,
}

/// A lesson the village page lists.
#[derive(Serialize)]
struct VillageLessonView<'a> {
    key: &'a str,
    title: &'a str,
    summary: &'a Option<String>,
    kind: Option<Kind>,
    key_points: &'a [String],
    path: String,
    fallback: bool,
}

/// A person to contact in the village.
#[derive(Serialize)]
struct VillageContactView<'a> {
    name: &'a str,
    role: Option<String>,
    phone: &'a Option<String>,
    href: Option<String>,
    verified: Option<String>,
}

/// An information session held in the village.
#[derive(Serialize)]
struct SessionView<'a> {
    date: String,
    date_iso: String,
    place: &'a Option<String>,
    topic: Option<String>,
    /// Its date is before the build date.
    held: bool,
    /// The first session not yet held.
    next: bool,
}

/// The village's leaflet in one language.
#[derive(Serialize)]
struct LeafletLink<'a> {
    lang: &'a str,
    name: &'a str,
    path: &'a str,
    current: bool,
}

/// The village's poster in the reader's language.
#[derive(Serialize)]
struct PosterLink<'a> {
    lang: &'a str,
    path: &'a str,
}

/// A file of the village's session kit: in the reader's language where the
/// village has it, else in the village's first language (`lang_name` set).
#[derive(Serialize)]
struct KitLink<'a> {
    label_key: &'static str,
    path: &'a str,
    size: String,
    lang: &'a str,
    lang_name: Option<&'a str>,
}

impl JobCtx<'_> {
    /// Render the page of `village` in `lang`.
    pub(super) fn village(&self, village: &Village, lang: &str) -> Result<JobOutput> {
        let config = &self.site.config;
        let shared = &self.shared[lang];
        let dir_path = page_path(config, &village.key, lang, false);
        let root = root_prefix(&dir_path);
        let v = &village.file;
        let def = config.default_language.as_str();
        let loc = |t: &Option<Localized>| t.as_ref().map(|t| t.get(lang, def).to_string());
        let office = v
            .office
            .as_deref()
            .and_then(|k| config.office(k))
            .map(|o| OfficeView {
                name: o.name.get(lang, def),
                serves: loc(&o.serves),
                address: loc(&o.address),
                hours: loc(&o.hours),
                url: &o.url,
                numbers: number_views(&o.numbers, lang, def),
                verified: o.source_date.map(|d| format_date(self.strings, lang, d)),
            });
        let lessons: Vec<VillageLessonView> = self
            .site
            .village_lessons(village)
            .iter()
            .filter_map(|key| self.site.group(key))
            .map(|g| {
                let Resolved {
                    page: p, fallback, ..
                } = g.resolve(lang);
                VillageLessonView {
                    key: g.key(),
                    title: &p.front.title,
                    summary: &p.front.summary,
                    kind: p.front.kind,
                    key_points: &p.front.key_points,
                    path: page_path(config, g.key(), lang, self.opts.portable),
                    fallback,
                }
            })
            .collect();
        let contacts: Vec<VillageContactView> = v
            .contacts
            .iter()
            .map(|c| VillageContactView {
                name: c.name.get(lang, def),
                role: loc(&c.role),
                phone: &c.phone,
                href: c.phone.as_deref().map(|p| NumberKind::Phone.href(p)),
                verified: c.verified.map(|d| format_date(self.strings, lang, d)),
            })
            .collect();
        // By date; a session on the build date itself is still to come.
        let today = self.opts.build_date.unwrap_or_else(|| config.today());
        let mut by_date: Vec<&crate::content::village::Session> = v.sessions.iter().collect();
        by_date.sort_by_key(|s| s.date);
        let upcoming = by_date.iter().position(|s| s.date >= today);
        let sessions: Vec<SessionView> = by_date
            .iter()
            .enumerate()
            .map(|(i, s)| SessionView {
                date: format_date(self.strings, lang, s.date),
                date_iso: s.date.to_string(),
                place: &s.place,
                topic: loc(&s.topic),
                held: s.date < today,
                next: upcoming == Some(i),
            })
            .collect();
        let printed = self.printed;
        let leaflets: Vec<LeafletLink> = Printed::of(&printed.leaflets, &village.key)
            .iter()
            .map(|(_, l, path)| LeafletLink {
                lang: l,
                name: config.language(l).map_or(l.as_str(), |x| x.name.as_str()),
                path,
                current: l == lang,
            })
            .collect();
        let posters: Vec<PosterLink> = Printed::of(&printed.posters, &village.key)
            .iter()
            .filter(|(_, l, _)| l == lang)
            .map(|(_, l, path)| PosterLink { lang: l, path })
            .collect();
        let kit: Vec<KitLink> = crate::render::kit::Doc::ALL
            .into_iter()
            .filter_map(|doc| {
                let mine = Printed::of(&printed.kit, &village.key)
                    .iter()
                    .copied()
                    .filter(|k| k.doc == doc);
                let link = mine
                    .clone()
                    .find(|k| k.lang == lang)
                    .or_else(|| mine.clone().next())?;
                let size = self.opts.kit_sizes.as_ref()?.0.wait(&link.path)?;
                Some(KitLink {
                    label_key: doc.label_key(),
                    path: &link.path,
                    size: crate::output::human_size(size),
                    lang: &link.lang,
                    lang_name: (doc != crate::render::kit::Doc::Attendance && link.lang != lang)
                        .then(|| config.language(&link.lang).map(|l| l.name.as_str()))
                        .flatten(),
                })
            })
            .collect();
        let leaflet_languages: Vec<&str> = village
            .languages(config)
            .into_iter()
            .filter_map(|l| config.language(l).map(|l| l.name.as_str()))
            .collect();
        let view = VillageView {
            key: &village.key,
            slug: &village.slug,
            name: &v.name,
            kecamatan: &v.kecamatan,
            kabupaten: &v.kabupaten,
            provinsi: &v.provinsi,
            designated: v.designated.map(|d| format_date(self.strings, lang, d)),
            office,
            about: loc(&v.about),
            contacts,
            sessions,
            lessons,
            sources: &v.sources,
            leaflet_languages,
            leaflets,
            posters,
            kit,
            extra: &v.extra,
        };
        let abs = |l: &str| {
            format!(
                "{}{}",
                config.base_url,
                page_path(config, &village.key, l, false)
            )
        };
        let mut alternates = every_language(config, abs);
        alternates.push(Alternate {
            lang: "x-default",
            href: abs(def),
        });
        let title = format!(
            "{} {}",
            self.strings.get(lang, "village_title_prefix"),
            v.name
        );
        let page = PageView {
            key: &village.key,
            title: &title,
            summary: "",
            kind: None,
            kind_label: String::new(),
            updated: None,
            updated_iso: None,
            keywords: &[],
            key_points: &[],
            sources: &v.sources,
            toc: &[],
            content: "",
            translation: "original",
            fallback: false,
            content_lang: lang,
            content_dir: config.language(lang).expect("configured").dir,
            original_lang_name: "",
            original_href: String::new(),
            canonical: abs(lang),
            permalink: abs(lang),
            alternates,
            section: village
                .key
                .rsplit_once('/')
                .and_then(|(p, _)| shared.sections.get(p))
                .cloned(),
            is_section: false,
            extra: &v.extra,
            audio: None,
            previous: None,
            next: None,
            journeys: Vec::new(),
            questions: Vec::new(),
        };
        let mut ctx = shared.globals.clone();
        ctx.insert("root", &root);
        ctx.insert("page", &page);
        ctx.insert("village", &view);
        ctx.insert(
            "languages",
            &self.switcher(lang, &root, |l| {
                (
                    page_path(config, &village.key, l, self.opts.portable),
                    false,
                )
            }),
        );
        let html = self.templates.render(
            "village.html",
            &ctx,
            &format!("{} ({lang})", village.path.display()),
        )?;
        Ok(JobOutput {
            file: self.finish(&dir_path, html, lang, &root)?,
            anchors: ((village.key.clone(), lang.to_string()), BTreeSet::new()),
            refs: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
            fallback: None,
        })
    }
}
