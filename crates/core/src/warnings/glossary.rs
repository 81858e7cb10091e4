//! The glossary's warning: terms a page uses that its language's glossary
//! neither explains nor lists as known.

use lentera_messages::Msg;

use crate::content::glossary::SLUG;
use crate::diagnostic::Diagnostic;
use crate::library::Library;

/// Warnings for terms a page uses that its language's glossary neither
/// explains nor lists as known: acronyms
/// ([`crate::content::glossary::is_acronym`]) and any term of another
/// language's glossary (`M-Paspor`, `Disnaker`), found when the page was
/// parsed ([`crate::markdown::Parsed`]). One warning per page, naming its
/// first line. Nothing when the site has no glossary.
pub fn glossary_warnings(site: &Library) -> Vec<Diagnostic> {
    if site.glossaries.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, page) in site.pages.iter().enumerate() {
        let parsed = site.parsed(i);
        let Some((line, missing)) = &parsed.glossary_missing else {
            continue;
        };
        let glossary = site.glossary(&page.lang);
        let file = glossary.map_or_else(
            || crate::content::display_path(&format!("{SLUG}/{}.yaml", page.lang)),
            |g| g.path.clone(),
        );
        out.push(Diagnostic::warning(
            page.path.clone(),
            *line,
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
    out
}
