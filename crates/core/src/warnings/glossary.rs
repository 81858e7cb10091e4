//! The glossary's warning: terms a page uses that its language's glossary
//! neither explains nor lists as known.

use std::collections::BTreeSet;

use lentera_messages::Msg;

use crate::content::Site;
use crate::content::glossary::{Links, SLUG, acronyms};
use crate::diagnostic::Diagnostic;

/// Warnings for terms a page uses that its language's glossary neither
/// explains nor lists as known: acronyms ([`is_acronym`]) and any term of
/// another language's glossary (`M-Paspor`, `Disnaker`). One warning per
/// page, naming its first line. Nothing when the site has no glossary.
pub fn glossary_warnings(site: &Site) -> Vec<Diagnostic> {
    use pulldown_cmark::{Event, Tag, TagEnd};
    if site.glossaries.is_empty() {
        return Vec::new();
    }
    let all_terms: BTreeSet<&str> = site
        .glossaries
        .iter()
        .flat_map(|g| g.entries.iter().map(|e| e.term.as_str()))
        .collect();
    let others = Links {
        path: String::new(),
        terms: all_terms
            .iter()
            .map(|t| (t.to_string(), String::new()))
            .collect(),
    };
    let mut out = Vec::new();
    for page in &site.pages {
        let glossary = site.glossary(&page.lang);
        let covered = |t: &str| glossary.is_some_and(|g| g.covers(t));
        let body = &*page.body;
        let mut missing: Vec<String> = Vec::new();
        let mut first = None;
        let mut in_code = false;
        for (event, range) in crate::markdown::parser(body).into_offset_iter() {
            let text = match event {
                Event::Start(Tag::CodeBlock(_)) => {
                    in_code = true;
                    continue;
                }
                Event::End(TagEnd::CodeBlock) => {
                    in_code = false;
                    continue;
                }
                Event::Text(t) if !in_code => t,
                _ => continue,
            };
            let mut found: Vec<String> = acronyms(&text, &covered)
                .into_iter()
                .map(String::from)
                .collect();
            let mut seen = BTreeSet::new();
            for (piece, anchor) in others.split(&text, &mut seen) {
                if anchor.is_some() {
                    found.push(piece.to_string());
                }
            }
            for term in found {
                if !covered(&term) && !missing.contains(&term) {
                    first.get_or_insert(range.start);
                    missing.push(term);
                }
            }
        }
        if let Some(at) = first {
            let line = page.body_line + body[..at].matches('\n').count();
            let file = glossary.map_or_else(
                || crate::content::display_path(&format!("{SLUG}/{}.yaml", page.lang)),
                |g| g.path.clone(),
            );
            out.push(Diagnostic::warning(
                page.path.clone(),
                line,
                Msg::GlossaryMissing {
                    lang: glossary
                        .map_or(page.lang.as_str(), |g| g.lang.as_str())
                        .to_string(),
                    terms: missing.join(", "),
                },
                Some(Msg::ExplainTerms {
                    file: file.display().to_string(),
                }),
            ));
        }
    }
    out
}
