//! What templates see: the small serialisable views of a page, its
//! language, the site-wide lists and the numbers, built per page or once per
//! language (see [`super::nav`]).

use super::*;

#[derive(Serialize)]
pub(super) struct LangView<'a> {
    pub(super) code: &'a str,
    pub(super) name: &'a str,
    pub(super) dir: Direction,
}

#[derive(Serialize)]
pub(super) struct SiteView<'a> {
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    pub(super) base_url: &'a str,
    pub(super) default_language: &'a str,
}

#[derive(Serialize, Clone)]
pub(super) struct LinkItem {
    pub(super) key: String,
    pub(super) title: String,
    pub(super) summary: String,
    pub(super) kind: Option<Kind>,
    /// Path from the site root; templates prefix it with `root`.
    pub(super) path: String,
    pub(super) fallback: bool,
}

#[derive(Serialize)]
pub(super) struct SectionItem {
    #[serde(flatten)]
    pub(super) link: LinkItem,
    pub(super) pages: Vec<LinkItem>,
}

/// The `feed` a theme sees: the language's Atom feed.
#[derive(Serialize, Hash)]
pub(super) struct FeedLink {
    pub(super) href: String,
    pub(super) title: String,
}

/// One of the `recent` lessons a theme sees (the home page lists them).
#[derive(Serialize, Hash)]
pub(super) struct RecentItem {
    pub(super) title: String,
    /// Path from the site root; templates prefix it with `root`.
    pub(super) path: String,
    /// "28 November 2026".
    pub(super) updated: String,
    /// "2026-11-28".
    pub(super) updated_iso: String,
}

#[derive(Serialize)]
pub(super) struct NumberView {
    pub(super) kind: NumberKind,
    pub(super) number: String,
    pub(super) href: String,
    pub(super) note: String,
}

#[derive(Serialize)]
pub(super) struct ContactView {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) description: String,
    pub(super) numbers: Vec<NumberView>,
    pub(super) url: Option<String>,
    pub(super) verified: Option<String>,
    pub(super) source: Option<SourceLink>,
}

#[derive(Serialize)]
pub(crate) struct SwitchItem<'a> {
    pub(super) code: &'a str,
    pub(super) name: &'a str,
    pub(super) href: String,
    pub(super) current: bool,
    pub(super) fallback: bool,
}

#[derive(Serialize)]
pub(crate) struct Alternate<'a> {
    pub(super) lang: &'a str,
    pub(super) href: String,
}

#[derive(Serialize)]
pub(super) struct PageView<'a> {
    pub(super) key: &'a str,
    pub(super) title: &'a str,
    pub(super) summary: &'a str,
    pub(super) kind: Option<Kind>,
    pub(super) kind_label: String,
    pub(super) updated: Option<String>,
    pub(super) updated_iso: Option<String>,
    pub(super) keywords: &'a [String],
    pub(super) key_points: &'a [String],
    pub(super) sources: &'a [SourceLink],
    pub(super) toc: &'a [TocEntry],
    pub(super) content: &'a str,
    /// `original`, `draft` or `reviewed`.
    pub(super) translation: &'static str,
    pub(super) fallback: bool,
    pub(super) content_lang: &'a str,
    pub(super) content_dir: Direction,
    pub(super) original_lang_name: &'a str,
    pub(super) original_href: String,
    pub(super) canonical: String,
    pub(super) permalink: String,
    pub(super) alternates: Vec<Alternate<'a>>,
    pub(super) section: Option<LinkItem>,
    pub(super) is_section: bool,
    pub(super) extra: &'a serde_json::Value,
    /// A recorded reading of the page (`audio:` in front matter).
    pub(super) audio: Option<AudioView>,
    /// The pages before and after this one on its journey, if any.
    pub(super) previous: Option<&'a LinkItem>,
    pub(super) next: Option<&'a LinkItem>,
    /// The home page's entry points (`journeys:`), in the reader's
    /// language where the page has them, else the original's.
    pub(super) journeys: Vec<JourneyView>,
    /// The questions that check understanding (`questions:`), shown at
    /// the end of a lesson.
    pub(super) questions: Vec<questions::QuestionView<'a>>,
}

/// One entry point of the home page, as the theme sees it.
#[derive(Serialize)]
pub(super) struct JourneyView {
    pub(super) label: String,
    /// Path from the site root; templates prefix it with `root`.
    pub(super) path: String,
    pub(super) icon: Option<String>,
    /// The language of `label` (the original's, when the page shown has
    /// no `journeys:` of its own).
    pub(super) lang: String,
}

/// The help line at the top of every page (`help:` in site.yaml).
#[derive(Serialize)]
pub(super) struct HelpView {
    pub(super) numbers: Vec<HelpNumberView>,
    /// Path of the page with every number, from the site root.
    pub(super) path: String,
}

#[derive(Serialize)]
pub(super) struct HelpNumberView {
    /// The contact's name in the reader's language.
    pub(super) name: String,
    #[serde(flatten)]
    pub(super) number: NumberView,
}

/// The `page` a theme sees on a page made for the whole site rather than
/// from a Markdown file.
#[derive(Serialize)]
pub(crate) struct SiteWideView<'a> {
    pub key: SiteWideKey,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternates: Vec<Alternate<'a>>,
    /// Whose text the page shows, when it is text in a language (the
    /// glossary, which may fall back to another language's).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextOf<'a>>,
}

impl<'a> SiteWideView<'a> {
    /// A view with only its key and title.
    pub fn new(key: SiteWideKey, title: &'a str) -> SiteWideView<'a> {
        SiteWideView {
            key,
            title,
            canonical: None,
            permalink: None,
            alternates: Vec::new(),
            text: None,
        }
    }
}

/// The `page.key` of a page made for the whole site. Page keys are paths
/// of Markdown files and never start with `#`, so no navigation item takes
/// one of these pages for itself.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) enum SiteWideKey {
    #[serde(rename = "#topics")]
    Topics,
    #[serde(rename = "#glossary")]
    Glossary,
    #[serde(rename = "#status")]
    Status,
    #[serde(rename = "#404")]
    NotFound,
}

/// The language of a site-wide page's text, as [`PageView`] gives it.
#[derive(Serialize)]
pub(crate) struct TextOf<'a> {
    pub fallback: bool,
    pub content_lang: &'a str,
    pub content_dir: Direction,
    pub original_lang_name: &'a str,
    pub original_href: String,
}

#[derive(Serialize)]
pub(super) struct AudioView {
    /// From the site root; templates prefix it with `root`.
    pub(super) path: String,
    pub(super) mime: &'static str,
    /// "1.2 MB", "340 KB".
    pub(super) size: String,
}

pub(super) fn number_views(
    numbers: &[crate::config::Number],
    lang: &str,
    def: &str,
) -> Vec<NumberView> {
    numbers
        .iter()
        .map(|n| NumberView {
            kind: n.kind,
            number: n.number.clone(),
            href: n.kind.href(&n.number),
            note: n
                .note
                .as_ref()
                .map(|t| t.get(lang, def).to_string())
                .unwrap_or_default(),
        })
        .collect()
}
