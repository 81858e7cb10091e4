//! The A–Z topic page of each language: every lesson title and keyword in
//! alphabetical order, each linking to its lessons. It is where the search
//! form leads without JavaScript, and it works from `file://` too.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{fold, pages_in};
use crate::library::Library;
use crate::urls::page_path;

/// The topic page's folder under each language's prefix.
pub const SLUG: &str = crate::urls::TOPICS_SLUG;

/// A lesson an entry points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicLink {
    pub title: String,
    /// From the site root; templates prefix it with `root`.
    pub path: String,
    /// The lesson is not translated into the page's language yet.
    pub fallback: bool,
}

/// A title or keyword and the lessons it points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicEntry {
    pub term: String,
    /// The term is the title of a lesson (its first link).
    pub is_title: bool,
    pub links: Vec<TopicLink>,
}

/// The entries under one initial letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicGroup {
    /// `A`, `B`, … or `0–9`.
    pub letter: String,
    /// Anchor of the group on the page (`huruf-a`, `angka`).
    pub id: String,
    pub entries: Vec<TopicEntry>,
}

/// The topic list of `lang`: titles and keywords of every page that is not a
/// section index, translated or fallback, grouped by initial letter.
pub fn topics(site: &Library, lang: &str, portable: bool) -> Vec<TopicGroup> {
    let mut entries: BTreeMap<String, TopicEntry> = BTreeMap::new();
    for (page, fallback) in pages_in(site, lang) {
        if page.is_section {
            continue;
        }
        let link = TopicLink {
            title: page.front.title.clone(),
            path: page_path(&site.config, &page.key, lang, portable),
            fallback,
        };
        add(&mut entries, &page.front.title, true, &link);
        for keyword in &page.front.keywords {
            add(&mut entries, keyword, false, &link);
        }
    }
    let mut groups: Vec<TopicGroup> = Vec::new();
    for (key, mut entry) in entries {
        entry
            .links
            .sort_by(|a, b| (fold(&a.title), &a.path).cmp(&(fold(&b.title), &b.path)));
        if entry.is_title {
            // The lesson the title names comes first.
            if let Some(i) = entry.links.iter().position(|l| l.title == entry.term) {
                let own = entry.links.remove(i);
                entry.links.insert(0, own);
            }
        }
        let initial = key.chars().next().unwrap_or('#');
        let (letter, id) = if initial.is_ascii_digit() || !initial.is_alphabetic() {
            ("0–9".to_string(), "angka".to_string())
        } else {
            (initial.to_uppercase().collect(), format!("huruf-{initial}"))
        };
        match groups.last_mut() {
            Some(g) if g.letter == letter => g.entries.push(entry),
            _ => groups.push(TopicGroup {
                letter,
                id,
                entries: vec![entry],
            }),
        }
    }
    groups
}

fn add(entries: &mut BTreeMap<String, TopicEntry>, term: &str, is_title: bool, link: &TopicLink) {
    let term = term.trim();
    let key: String = fold(term)
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    if key.is_empty() {
        return;
    }
    let entry = entries.entry(key).or_insert_with(|| TopicEntry {
        term: term.to_string(),
        is_title,
        links: Vec::new(),
    });
    if is_title && !entry.is_title {
        entry.term = term.to_string();
        entry.is_title = true;
    }
    if !entry.links.iter().any(|l| l.path == link.path) {
        entry.links.push(link.clone());
    }
}
