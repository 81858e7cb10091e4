//! Each page's Markdown parsed once per build ([`Library::parse_pages`],
//! [`Library::parse_pages_at_render`]) and the bodies rendered from those
//! parses ([`Library::render_body`]).

use std::sync::{Arc, OnceLock};

use super::Library;
use crate::content::glossary::Links;
use crate::content::{Page, Site};
use crate::markdown::{self, GlossaryCheck, LinkEnv, Parsed, Rendered};

/// What parsing a page needs, kept for the pages parsed when they are
/// rendered (see [`Library::parse_pages_at_render`]).
#[derive(Debug, Clone)]
pub(super) struct AtRender {
    /// Every term of every language's glossary; `None` without a glossary.
    pub(super) all_terms: Option<Links>,
    /// A hash of every glossary (see [`ParseKey`]).
    glossaries: u64,
    sanitize: bool,
    /// `serve`'s parses, kept between builds: a page parsed at render is
    /// kept there too.
    memo: Option<Arc<ParseMemo>>,
}

impl AtRender {
    /// Where the parse of `page` is kept in the memo.
    fn key<'a>(&self, page: &'a Page, skeleton: bool) -> ParseKey<'a> {
        ParseKey {
            page,
            sanitize: self.sanitize,
            glossaries: self.glossaries,
            skeleton,
        }
    }

    /// Keep `parsed`, the parse of `page` (its body in memory), in `serve`'s
    /// memo for the next build.
    fn keep(&self, page: &Page, skeleton: bool, parsed: &Arc<Parsed>) {
        if let Some(memo) = &self.memo {
            memo.put(&self.key(page, skeleton), page.body.len(), parsed.clone());
        }
    }
}

/// Pages' parses kept by `serve` between builds, by what they were made from.
pub type ParseMemo = crate::output::Memo<Arc<Parsed>>;

impl Library {
    /// Parse every page's Markdown once, in parallel (see [`Parsed`]); with
    /// `memo` (`serve`), a page whose text did not change since the last
    /// build is not parsed again. A page whose body is rendered for more
    /// than one language (other languages fall back to it) keeps its body
    /// rendered with slots to fill for each; any other page keeps only its
    /// text's analysis and glossary findings and is rendered when its page
    /// is made, so that a large site does not hold every page's body in
    /// memory at once: kept for every lesson of the 3k corpus, the skeletons
    /// raised the peak from 173 to 257 MB and saved no time (BENCHMARKS.md).
    /// The lessons a one-file edition carries (as many as its size budget
    /// allows) keep a skeleton made by the edition
    /// ([`Library::render_body_shared`]).
    pub fn parse_pages(&mut self, memo: Option<&ParseMemo>) {
        self.parse_pages_with(memo, false);
    }

    /// [`Library::parse_pages`] for a build that renders each page once,
    /// right after (`lentera build`): a page shown in one language only is
    /// not parsed here but when its body is rendered
    /// ([`Library::render_body`]), in one pass that also takes its search
    /// analysis and glossary findings, so that its Markdown is parsed once.
    /// Whatever needs those ([`Library::parsed`]: the search index, the
    /// glossary warnings) must then come after the pages. With `memo`
    /// (`serve`), a page's parse kept from an earlier build is taken as it
    /// is, and one made at render is kept for the next.
    pub fn parse_pages_at_render(&mut self, memo: Option<Arc<ParseMemo>>) {
        self.parse_pages_with(memo.as_deref(), true);
        if let Some(at_render) = &mut self.at_render {
            at_render.memo = memo;
        }
    }

    fn parse_pages_with(&mut self, memo: Option<&ParseMemo>, at_render: bool) {
        use rayon::prelude::*;
        let context = self.parse_context();
        let mut uses = vec![0usize; self.site.pages.len()];
        for group in self.groups() {
            for lang in &self.site.config.languages {
                uses[group.resolve(&lang.code).index] += 1;
            }
        }
        let parsed = self
            .site
            .pages
            .par_iter()
            .zip(uses.par_iter())
            .map(|(page, &uses)| {
                let skeleton = uses > 1;
                let key = context.key(page, skeleton);
                if at_render && uses == 1 {
                    let kept = memo.and_then(|memo| memo.get(&key, page.body.len()));
                    return kept.map_or_else(OnceLock::new, OnceLock::from);
                }
                let make = || Arc::new(self.parse_page(page, &context, skeleton));
                let Some(memo) = memo else {
                    return OnceLock::from(make());
                };
                let made = memo.get_or_make(&key, page.body.len(), || {
                    Ok::<_, std::convert::Infallible>(make())
                });
                OnceLock::from(made.unwrap_or_else(|never| match never {}))
            })
            .collect();
        self.parsed = parsed;
        self.at_render = at_render.then_some(context);
    }

    /// What parsing a page of this site needs (no memo).
    fn parse_context(&self) -> AtRender {
        AtRender {
            all_terms: self.all_glossary_terms(),
            glossaries: glossary_fingerprint(&self.site),
            sanitize: self.site.config.raw_html == crate::config::RawHtml::Sanitize,
            memo: None,
        }
    }

    /// Every term of every language's glossary, for the glossary check;
    /// `None` when the site has no glossary (nothing is checked).
    fn all_glossary_terms(&self) -> Option<Links> {
        if self.site.glossaries.is_empty() {
            return None;
        }
        let terms: std::collections::BTreeSet<&str> = self
            .site
            .glossaries
            .iter()
            .flat_map(|g| g.entries.iter().map(|e| e.term.as_str()))
            .collect();
        Some(Links {
            path: String::new(),
            terms: terms
                .into_iter()
                .map(|t| (t.to_string(), String::new()))
                .collect(),
        })
    }

    fn parse_page(&self, page: &Page, context: &AtRender, skeleton: bool) -> Parsed {
        let check = self.glossary_check(page, context);
        markdown::parse(page, context.sanitize, check.as_ref(), skeleton)
    }

    fn glossary_check<'a>(
        &'a self,
        page: &Page,
        context: &'a AtRender,
    ) -> Option<GlossaryCheck<'a>> {
        let all_terms = context.all_terms.as_ref()?;
        Some(GlossaryCheck {
            glossary: self.site.glossary(&page.lang),
            all_terms,
        })
    }

    /// The body of the page at `index`: read again from its file if the
    /// build released it.
    fn body(&self, index: usize) -> crate::error::Result<std::borrow::Cow<'_, str>> {
        match self.released_body(index) {
            Some(_) => self.read_body(index).map(std::borrow::Cow::Owned),
            None => Ok(std::borrow::Cow::Borrowed(&self.site.pages[index].body)),
        }
    }

    /// The parse of the page at `index` in `site.pages`: the one made by
    /// [`Library::parse_pages`] or when its page was rendered, or else made
    /// now (kept when the pages were parsed: a page `serve` did not render
    /// again). A released body made now is read again from its file; if
    /// that fails, the page's render has reported it, and the parse is of
    /// an empty text.
    pub fn parsed(&self, index: usize) -> Arc<Parsed> {
        let make = || {
            let made;
            let context = match &self.at_render {
                Some(context) => context,
                None => {
                    made = self.parse_context();
                    &made
                }
            };
            let page = &self.site.pages[index];
            if self.released_body(index).is_some() {
                let mut page = page.clone();
                page.body = Arc::from(self.body(index).unwrap_or_default());
                return Arc::new(self.parse_page(&page, context, false));
            }
            let parsed = Arc::new(self.parse_page(page, context, false));
            // `serve`: a page its build did not render (and whose parse the
            // memo had dropped) is kept for the next build.
            context.keep(page, false, &parsed);
            parsed
        };
        match self.parsed.get(index) {
            Some(slot) => slot.get_or_init(make).clone(),
            None => make(),
        }
    }

    /// The body of the page at `index` in `site.pages`, rendered for `env`:
    /// from its parse when it was parsed, else rendered now (a released
    /// body is read again from its file).
    pub fn render_body(&self, index: usize, env: &LinkEnv) -> Rendered {
        let page = &self.site.pages[index];
        if let Some(rendered) = self.parse_at_render(index, env) {
            return rendered;
        }
        if self.released_body(index).is_some() {
            return match self.body(index) {
                Ok(body) => markdown::render_text(page, &body, env),
                Err(e) => Rendered {
                    errors: vec![e],
                    ..Rendered::default()
                },
            };
        }
        match self.parsed.get(index).and_then(OnceLock::get) {
            Some(parsed) => parsed.render(page, env),
            None => markdown::render(page, env),
        }
    }

    /// [`Library::render_body`] for another use than the page itself (its
    /// lesson in a one-file edition): a page left to be parsed when it is
    /// rendered ([`Library::parse_pages_at_render`]) is parsed now into a
    /// skeleton, kept, so that its page fills the skeleton in again instead
    /// of parsing its Markdown a second time.
    pub fn render_body_shared(&self, index: usize, env: &LinkEnv) -> Rendered {
        if let (Some(at_render), Some(slot)) = (&self.at_render, self.parsed.get(index))
            && slot.get().is_none()
            && self.released_body(index).is_none()
        {
            let page = &self.site.pages[index];
            let key = at_render.key(page, true);
            let kept = (at_render.memo.as_ref()).and_then(|m| m.get(&key, page.body.len()));
            let parsed = kept.unwrap_or_else(|| {
                let parsed = Arc::new(self.parse_page(page, at_render, true));
                at_render.keep(page, true, &parsed);
                parsed
            });
            let _ = slot.set(parsed);
        }
        self.render_body(index, env)
    }

    /// A page not parsed yet when pages are parsed at render
    /// ([`Library::parse_pages_at_render`]): parsed now and rendered for
    /// `env` in one pass, its parse kept. `None` for any other page.
    fn parse_at_render(&self, index: usize, env: &LinkEnv) -> Option<Rendered> {
        let at_render = self.at_render.as_ref()?;
        let slot = self.parsed.get(index)?;
        if slot.get().is_some() {
            return None;
        }
        let page = &self.site.pages[index];
        let body = match self.body(index) {
            Ok(body) => body,
            Err(e) => {
                return Some(Rendered {
                    errors: vec![e],
                    ..Rendered::default()
                });
            }
        };
        let check = self.glossary_check(page, at_render);
        let (parsed, rendered) = markdown::parse_and_render(page, &body, check.as_ref(), env);
        let parsed = Arc::new(parsed);
        if self.released_body(index).is_none() {
            at_render.keep(page, false, &parsed);
        }
        let _ = slot.set(parsed);
        Some(rendered)
    }
}

/// What a page's parse is made from.
struct ParseKey<'a> {
    page: &'a Page,
    sanitize: bool,
    glossaries: u64,
    skeleton: bool,
}

impl std::hash::Hash for ParseKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let page = self.page;
        page.path.hash(h);
        page.lang.hash(h);
        page.body_line.hash(h);
        page.body.hash(h);
        page.is_lesson().hash(h);
        let front = &page.front;
        front.title.hash(h);
        front.summary.hash(h);
        front.keywords.hash(h);
        front.key_points.hash(h);
        self.sanitize.hash(h);
        self.glossaries.hash(h);
        self.skeleton.hash(h);
    }
}

/// A hash of every glossary: a change to one checks every page again.
fn glossary_fingerprint(site: &Site) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    // A language without a glossary of its own uses the default language's.
    site.config.default_language.hash(&mut h);
    for g in &site.glossaries {
        g.lang.hash(&mut h);
        for e in &g.entries {
            (&e.term, &e.text, &e.id).hash(&mut h);
        }
        g.known.hash(&mut h);
    }
    h.finish()
}
