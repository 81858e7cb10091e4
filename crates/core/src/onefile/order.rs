//! The order of the one-file edition: sections as the site's navigation
//! orders them, lessons by weight and title, `next:` steps in their order.

use std::collections::BTreeMap;

use crate::library::{Library, Resolved};

/// A section and its lessons, as a reader of one language sees them.
pub(super) struct Part<'a> {
    pub(super) key: &'a str,
    pub(super) section: Option<Resolved<'a>>,
    pub(super) lessons: Vec<(&'a str, Resolved<'a>)>,
}

/// Where a section comes in the file: lessons outside any section last, then
/// the weight and title of each level of its path.
type Rank = (bool, Vec<(i64, String)>);

/// Every lesson as a reader of `lang` sees it, by section: sections in the
/// order of the site's navigation (weight, then title, level by level),
/// lessons outside any section last; lessons by weight, then title, with
/// each run of `next:` steps in its reading order, as on the site.
pub(super) fn parts<'a>(site: &'a Library, lang: &str) -> Vec<Part<'a>> {
    let steps = site.steps(lang);
    let mut by_section: BTreeMap<&str, Vec<(&str, Resolved)>> = BTreeMap::new();
    for group in site.groups() {
        let resolved = group.resolve(lang);
        if resolved.page.is_lesson() {
            let section = resolved.page.parent_key().unwrap_or_default();
            by_section
                .entry(section)
                .or_default()
                .push((group.key(), resolved));
        }
    }
    let rank = |section: &str| -> Rank {
        let mut chain = Vec::new();
        let mut prefix = String::new();
        for part in section.split('/').filter(|s| !s.is_empty()) {
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(part);
            chain.push(match site.resolve(&prefix, lang) {
                Some(r) => (r.page.front.weight, r.page.front.title.clone()),
                None => (0, prefix.clone()),
            });
        }
        (section.is_empty(), chain)
    };
    let mut parts: Vec<(Rank, Part)> = by_section
        .into_iter()
        .map(|(key, mut lessons)| {
            lessons.sort_by(|a, b| {
                (a.1.page.front.weight, &a.1.page.front.title)
                    .cmp(&(b.1.page.front.weight, &b.1.page.front.title))
            });
            let keys: Vec<&str> = lessons.iter().map(|(k, _)| *k).collect();
            let order = crate::library::in_step_order(&keys, &steps);
            let mut by_key: BTreeMap<&str, Resolved> = lessons.into_iter().collect();
            let lessons: Vec<(&str, Resolved)> = order
                .into_iter()
                .filter_map(|k| by_key.remove_entry(k))
                .collect();
            let section = site
                .resolve(key, lang)
                .filter(|r| !key.is_empty() && r.page.is_section);
            (
                rank(key),
                Part {
                    key,
                    section,
                    lessons,
                },
            )
        })
        .collect();
    parts.sort_by(|a, b| a.0.cmp(&b.0));
    parts.into_iter().map(|(_, p)| p).collect()
}
