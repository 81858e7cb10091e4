//! Per-language navigation, built once per language and shared by every
//! page: sections, lessons, contacts and help numbers as template values, the
//! site navigation rendered once and put into each page's slot, and the
//! language switcher and alternates.

use super::*;

/// Stands in a page for the whole-site navigation until the page is
/// minified; then the navigation, rendered and minified once per language
/// and folder depth, takes its place (see [`SITE_NAV_TEMPLATE`]). Private-use
/// characters, so no text can contain it by accident.
pub(super) const SITE_NAV_SLOT: &str = "\u{E000}lentera-site-nav\u{E000}";

/// A theme that shows the whole site navigation (every section and lesson)
/// on every page writes it in this partial and places it with
/// `{{ site_nav_html | safe }}`: it is rendered once per language and depth,
/// not once per page. (`site_nav`, the same data, is there for templates that
/// loop themselves.)
pub const SITE_NAV_TEMPLATE: &str = "partials/site-nav.html";

/// The whole-site navigation for one folder depth, as rendered and minified.
pub(super) type SiteNav = std::sync::Arc<(String, Vec<u8>)>;

/// Everything shared by the pages of one language, built once.
pub(super) struct LangShared {
    pub(super) globals: Context,
    pub(super) callouts: CalloutTitles,
    /// Children of each section (and of the home page, key `""`).
    pub(super) children: BTreeMap<String, Value>,
    /// The top-level sections with their pages, which the home page sees as
    /// `sections` (the same value as the global `site_nav`).
    pub(super) home_sections: Value,
    /// Title and path of each section, for breadcrumbs.
    pub(super) sections: BTreeMap<String, LinkItem>,
    /// The previous and next page of each page that has them.
    pub(super) steps: BTreeMap<String, (Option<LinkItem>, Option<LinkItem>)>,
    /// The whole-site navigation by root prefix (`./`, `../`, …), rendered
    /// and minified on first use.
    pub(super) site_nav: std::sync::Mutex<BTreeMap<String, SiteNav>>,
    /// The glossary terms lessons link to, if the language has a glossary.
    pub(super) glossary: Option<crate::content::glossary::Links>,
    /// The one-file edition of the language, if one is made: shown by the
    /// home page template only ([`HOME_TEMPLATE`]), so that its size, which
    /// changes with every lesson, changes the home page only.
    pub(super) one_file: Option<Edition>,
    /// A hash of everything above as the templates see it: when it is the
    /// same as at the last render, a page of this language renders the same
    /// bytes unless its own page key changed (see [`Pages`]).
    pub(super) fingerprint: u64,
}

/// What the pages of each language share, by language, with its
/// [`nav_key`]: kept with the pages, so that a save that changes no
/// navigation does not build it again.
#[derive(Clone, Default)]
pub(super) struct LangSharedCache(pub(super) BTreeMap<String, (u64, Arc<LangShared>)>);

impl std::fmt::Debug for LangSharedCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(l, (k, _))| (l, k)))
            .finish()
    }
}

/// A hash of what [`lang_shared`] reads that a saved page can change: the
/// key, title, summary, kind, weight, section and parent of every page as
/// a reader of `lang` sees it (the navigation and section lists), and the
/// one-file edition. The rest of what it reads (site.yaml, strings,
/// templates, villages, glossaries, the date) changes only with a full
/// build. Cheap, unlike [`lang_shared`] itself.
pub(super) fn nav_key(site: &Library, lang: &str, opts: &RenderOptions) -> u64 {
    let mut hash = Fingerprint::default();
    for group in site.groups() {
        let Resolved { page, fallback, .. } = group.resolve(lang);
        hash.add(&(
            group.key(),
            &page.front.title,
            &page.front.summary,
            page.front.kind,
            page.front.weight,
            page.is_section,
            page.parent_key(),
            fallback,
            // The home page's recently reviewed lessons.
            page.front.updated.map(|d| d.to_string()),
            (&page.front.next, &page.front.previous),
            (
                &group.original().front.next,
                &group.original().front.previous,
            ),
        ));
    }
    hash.add(&opts.one_files.iter().find(|e| e.lang == lang));
    hash.add(&opts.portable_zip);
    hash.add(&(opts.portable, opts.build_date.map(|d| d.to_string())));
    hash.finish()
}

pub(super) fn lang_shared(
    site: &Library,
    strings: &Strings,
    lang: &str,
    opts: &RenderOptions,
    build_date: Date,
) -> LangShared {
    let config = &site.config;
    let def = config.default_language.as_str();
    let language = config.language(lang).expect("configured");
    let default_language = config.language(def).expect("configured");
    let portable = opts.portable;
    let item = |key: &str, page: &Page, fallback: bool| LinkItem {
        key: key.to_string(),
        title: page.front.title.clone(),
        summary: page.front.summary.clone().unwrap_or_default(),
        kind: page.front.kind,
        path: page_path(config, key, lang, portable),
        fallback,
    };

    // Children of every section, sorted by weight then title.
    let mut children: BTreeMap<String, Vec<(i64, LinkItem)>> = BTreeMap::new();
    let mut sections: BTreeMap<String, LinkItem> = BTreeMap::new();
    for group in site.groups() {
        let Resolved { page, fallback, .. } = group.resolve(lang);
        let link = item(group.key(), page, fallback);
        if page.is_section {
            sections.insert(group.key().to_string(), link.clone());
        }
        if let Some(parent) = page.parent_key() {
            children
                .entry(parent.to_string())
                .or_default()
                .push((page.front.weight, link));
        }
    }
    for v in &site.villages {
        let parent = v.key.rsplit_once('/').map_or("", |(p, _)| p);
        let summary = [
            v.file.kecamatan.as_deref(),
            Some(v.file.kabupaten.as_str()),
            v.file.provinsi.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        children.entry(parent.to_string()).or_default().push((
            0,
            LinkItem {
                key: v.key.clone(),
                title: v.file.name.clone(),
                summary,
                kind: None,
                path: page_path(config, &v.key, lang, portable),
                fallback: false,
            },
        ));
    }
    for list in children.values_mut() {
        list.sort_by(|a, b| (a.0, &a.1.title).cmp(&(b.0, &b.1.title)));
    }
    let sorted = |key: &str| -> Vec<LinkItem> {
        children
            .get(key)
            .map(|l| l.iter().map(|(_, i)| i.clone()).collect())
            .unwrap_or_default()
    };

    // Navigation: top-level sections by weight, then top-level pages by weight.
    let top = sorted("");
    let nav: Vec<&LinkItem> = top
        .iter()
        .filter(|i| sections.contains_key(&i.key))
        .chain(top.iter().filter(|i| !sections.contains_key(&i.key)))
        .collect();
    let home_sections: Vec<SectionItem> = top
        .iter()
        .filter(|i| sections.contains_key(&i.key))
        .map(|s| SectionItem {
            link: s.clone(),
            pages: sorted(&s.key),
        })
        .collect();

    // The previous and next page of each page on a journey.
    let mut all_items: BTreeMap<&str, LinkItem> = site
        .groups()
        .map(|g| {
            let Resolved { page, fallback, .. } = g.resolve(lang);
            (g.key(), item(g.key(), page, fallback))
        })
        .collect();
    for v in &site.villages {
        if let Some(link) = children.values().flatten().find(|(_, i)| i.key == v.key) {
            all_items.insert(&v.key, link.1.clone());
        }
    }
    let steps: BTreeMap<String, (Option<LinkItem>, Option<LinkItem>)> = site
        .steps(lang)
        .into_iter()
        .map(|(key, s)| {
            let link = |k: Option<String>| k.and_then(|k| all_items.get(k.as_str()).cloned());
            (key, (link(s.previous), link(s.next)))
        })
        .collect();

    let help = config.help.as_ref().map(|h| HelpView {
        numbers: h
            .contacts
            .iter()
            .filter_map(|key| {
                let c = config.contacts.iter().find(|c| &c.key == key)?;
                let n = c.help_number()?;
                Some(HelpNumberView {
                    name: c.name.get(lang, def).to_string(),
                    number: number_views(std::slice::from_ref(n), lang, def).pop()?,
                })
            })
            .collect(),
        path: page_path(
            config,
            &crate::content::front_matter::page_key(&h.page),
            lang,
            portable,
        ),
    });

    let contacts: Vec<ContactView> = config
        .contacts
        .iter()
        .map(|c| ContactView {
            key: c.key.clone(),
            name: c.name.get(lang, def).to_string(),
            description: c
                .description
                .as_ref()
                .map(|d| d.get(lang, def).to_string())
                .unwrap_or_default(),
            numbers: number_views(&c.numbers, lang, def),
            url: c.url.clone(),
            verified: c.source_date.map(|d| format_date(strings, lang, d)),
            source: c.source.clone(),
        })
        .collect();
    // What the footer may say of the numbers' dates: the leaflets' rule.
    let (numbers_checked, numbers_source_dated) = crate::config::number_dates(
        config
            .contacts
            .iter()
            .filter(|c| !c.numbers.is_empty())
            .map(|c| (c.checked, c.source_date)),
    );

    let mut globals = Globals::default();
    globals.insert(
        "lang",
        &LangView {
            code: &language.code,
            name: &language.name,
            dir: language.dir,
        },
    );
    globals.insert("lang_code", &language.code);
    globals.insert(
        "site",
        &SiteView {
            title: language
                .title
                .as_deref()
                .or(default_language.title.as_deref())
                .unwrap_or("lentera"),
            description: language
                .description
                .as_deref()
                .or(default_language.description.as_deref())
                .unwrap_or_default(),
            base_url: &config.base_url,
            default_language: def,
        },
    );
    globals.insert("nav", &nav);
    globals.insert("home_path", &page_path(config, "", lang, portable));
    globals.insert("contacts", &contacts);
    globals.insert("help", &help);
    globals.insert(
        "numbers_checked",
        &numbers_checked.map(|d| format_date(strings, lang, d)),
    );
    globals.insert(
        "numbers_source_dated",
        &numbers_source_dated.map(|d| format_date(strings, lang, d)),
    );
    globals.insert("build_date", &format_date(strings, lang, build_date));
    globals.insert("portable", &portable);
    globals.insert("portable_zip", &opts.portable_zip);
    globals.insert(
        "search",
        &serde_json::json!({
            "topics": search::topics_path(config, lang, portable),
            "index": search::index_path(lang),
            "script": search::SCRIPT_PATH,
        }),
    );
    globals.insert(
        "glossary_path",
        &site
            .glossary(lang)
            .map(|_| crate::content::glossary::page_path(config, lang, portable)),
    );
    globals.insert("extra", &config.extra);
    // The Atom feed of the language, linked from every page's head (not in
    // the portable site, which is read offline), and the lessons reviewed
    // last, which the home page lists.
    let feed_title = format!(
        "{}: {}",
        feed::site_title(config, lang),
        strings.get(lang, "recent_lessons")
    );
    globals.insert(
        "feed",
        &(!portable).then(|| FeedLink {
            href: format!("{}{}", config.base_url, feed::path(config, lang)),
            title: feed_title,
        }),
    );
    let recent: Vec<RecentItem> = feed::recent(site, lang, RECENT_LIMIT)
        .into_iter()
        .map(|e| RecentItem {
            path: page_path(config, &e.key, lang, portable),
            updated: format_date(strings, lang, e.updated),
            updated_iso: e.updated.to_string(),
            title: e.title,
        })
        .collect();
    globals.insert("recent", &recent);
    let site_nav = Value::from_serializable(&home_sections);
    globals.insert_value("site_nav", &home_sections, site_nav.clone());
    globals.insert("site_nav_html", SITE_NAV_SLOT);

    let children_sorted: BTreeMap<&String, Vec<LinkItem>> =
        children.keys().map(|k| (k, sorted(k))).collect();
    let children_values: BTreeMap<String, Value> = children_sorted
        .iter()
        .map(|(k, list)| ((*k).clone(), Value::from_serializable(list)))
        .collect();
    let glossary = crate::content::glossary::Links::new(site, lang, portable);
    let mut hash = globals.hash;
    hash.add(&children_sorted);
    hash.add(&sections);
    hash.add(&steps);
    hash.add(&glossary.as_ref().map(|g| (&g.path, &g.terms)));

    let callouts = CalloutTitles {
        note: strings.get(lang, "callout_note"),
        tip: strings.get(lang, "callout_tip"),
        important: strings.get(lang, "callout_important"),
        warning: strings.get(lang, "callout_warning"),
        caution: strings.get(lang, "callout_caution"),
    };
    hash.add(&[
        &callouts.note,
        &callouts.tip,
        &callouts.important,
        &callouts.warning,
        &callouts.caution,
    ]);
    LangShared {
        globals: globals.context,
        one_file: opts.one_files.iter().find(|e| e.lang == lang).cloned(),
        callouts,
        children: children_values,
        home_sections: site_nav,
        sections,
        steps,
        site_nav: Default::default(),
        glossary,
        fingerprint: hash.finish(),
    }
}

/// What every template of `lang` sees (site, language, contacts, dates …)
/// and the callout titles, for producers outside this module that render
/// with the theme (the one-file edition).
pub(crate) fn language_context(
    site: &Library,
    strings: &Strings,
    lang: &str,
    opts: &RenderOptions,
) -> (Context, CalloutTitles) {
    let shared = lang_shared(
        site,
        strings,
        lang,
        opts,
        opts.build_date.unwrap_or_else(Date::today),
    );
    (shared.globals, shared.callouts)
}

/// `hreflang` alternates for a page that exists in every language, at the
/// absolute address `abs` gives for each.
pub(crate) fn every_language<'c>(
    config: &'c crate::config::Config,
    abs: impl Fn(&str) -> String,
) -> Vec<Alternate<'c>> {
    config
        .languages
        .iter()
        .map(|l| Alternate {
            lang: &l.code,
            href: abs(&l.code),
        })
        .collect()
}

/// Language switcher entries for a page outside the content tree, with
/// `href` giving the address of its version in each language.
pub(crate) fn switch_items<'c>(
    config: &'c crate::config::Config,
    lang: &str,
    href: impl Fn(&str) -> String,
) -> Vec<SwitchItem<'c>> {
    config
        .languages
        .iter()
        .map(|l| SwitchItem {
            code: &l.code,
            name: &l.name,
            href: href(&l.code),
            current: l.code == lang,
            fallback: false,
        })
        .collect()
}

/// Render a page outside the content tree (404, status, topics) to `path`.
pub(crate) fn standalone(
    templates: &Templates,
    ctx: &Context,
    template: &str,
    what: &str,
    path: impl Into<String>,
    opts: &RenderOptions,
) -> Result<OutputFile> {
    let html = templates.render(template, ctx, what)?;
    let mut bytes = if opts.no_minify {
        html.into_bytes()
    } else {
        minify_html(&html)
    };
    if let Some(at) = find(&bytes, SITE_NAV_SLOT.as_bytes()) {
        let nav = templates.render(SITE_NAV_TEMPLATE, ctx, what)?;
        let nav = if opts.no_minify {
            nav.into_bytes()
        } else {
            minify_html(&nav)
        };
        bytes = put_in_slot(&bytes, at, &nav);
    }
    Ok(OutputFile::bytes(path, bytes))
}

/// `page` with the navigation slot at `at` replaced by `nav`: three copies
/// of whole slices (the navigation can be most of a page's bytes; a
/// byte-by-byte `splice` of it cost more than the rest of the page).
pub(super) fn put_in_slot(page: &[u8], at: usize, nav: &[u8]) -> Vec<u8> {
    let rest = &page[at + SITE_NAV_SLOT.len()..];
    let mut out = Vec::with_capacity(at + nav.len() + rest.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(nav);
    out.extend_from_slice(rest);
    out
}
