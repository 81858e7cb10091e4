//! Incremental rebuilds for `serve`: the site model and the rendered pages
//! stay in memory between saves, so that saving a page costs that page.
//!
//! A rebuild after a save has two halves. [`Live::update`] re-reads and
//! re-parses only the saved page files, puts them in the model in place of
//! the old ones and renders again the pages they change (see
//! [`crate::render::Pages`]: the saved page keys in every language,
//! including the languages that fall back to them; every page of a language
//! whose navigation or lists changed; the village pages), and checks again
//! the links into them (reverse link index). `serve` swaps those pages in
//! and tells open pages to reload at once. [`Live::finish`] then makes
//! everything else exactly as a full build does (one-file editions, search
//! index, topic, glossary, status and 404 pages, sitemap, service worker,
//! leaflets, warnings), taking the pages from the first half; only the
//! pages of a language whose shared data the one-file editions changed
//! (their size, shown on the home page) are rendered again there. After
//! both halves the files served are those of a full build of the same tree
//! (tests/it/live.rs checks it).
//!
//! Anything else falls back to a full build ([`Live::full`]), which keeps
//! the model for the next save: a change of `site.yaml`, a template, an
//! interface string, a village, a glossary, an image or a static file; a
//! file created, deleted or renamed; a page that becomes a draft; the first
//! save of a new day (pages print the build date); and any save after a
//! failed second half.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::output::OutputFile;
use crate::{Build, BuildCache, BuildOptions, Kept};

/// The model and pages of the last good build, kept between saves.
#[derive(Debug)]
struct State {
    /// The last build (its files handed to the caller).
    build: Build,
    kept: Kept,
    /// The date the pages print.
    built: crate::config::Date,
}

/// Builds for `serve`, incrementally when it can.
#[derive(Debug)]
pub struct Live {
    root: PathBuf,
    opts: BuildOptions,
    cache: BuildCache,
    state: Option<State>,
    /// Saved files not in the model yet: the last [`Live::update`] failed
    /// on them (a broken page), so the next one reads them again.
    pending: BTreeSet<PathBuf>,
}

impl Live {
    pub fn new(root: &Path, opts: &BuildOptions) -> Live {
        Live {
            root: root.to_path_buf(),
            opts: opts.clone(),
            cache: BuildCache::new(),
            state: None,
            pending: BTreeSet::new(),
        }
    }

    /// Load strings and templates again on the next build (a template, an
    /// interface string or `site.yaml` changed).
    pub fn forget_theme(&mut self) {
        self.cache.forget_theme();
    }

    /// Whether [`Live::update`] can try the next save (a full build is kept).
    pub fn is_ready(&self) -> bool {
        self.state.is_some()
    }

    /// Build everything from the files, keeping the model and pages for the
    /// next save. Returns the build and its files.
    pub fn full(&mut self) -> Result<(&Build, Vec<OutputFile>)> {
        self.state = None;
        self.pending.clear();
        let site = crate::load(&self.root, &self.opts)?;
        let built = self
            .opts
            .render
            .build_date
            .unwrap_or_else(|| site.config.today());
        let (build, kept) =
            crate::produce(&self.root, &self.opts, &mut self.cache, site, None, true)?;
        Ok(self.keep(build, kept, built))
    }

    fn keep(
        &mut self,
        mut build: Build,
        kept: Option<Kept>,
        built: crate::config::Date,
    ) -> (&Build, Vec<OutputFile>) {
        let files = std::mem::take(&mut build.files);
        let kept = kept.expect("asked to keep the pages");
        let state = self.state.insert(State { build, kept, built });
        (&state.build, files)
    }

    /// The first half of a rebuild after `saved` (absolute paths of changed
    /// files under `content/`): the files of the pages it changes, or `None`
    /// when this save needs a full build. On error (a page that does not
    /// parse, a broken link) the model stays as it was and the files are
    /// read again by the next update.
    pub fn update(&mut self, saved: &[PathBuf]) -> Result<Option<Vec<OutputFile>>> {
        let Some(state) = &mut self.state else {
            return Ok(None);
        };
        let today = self
            .opts
            .render
            .build_date
            .unwrap_or_else(|| state.build.site.config.today());
        if today != state.built {
            return Ok(None);
        }
        self.pending.extend(saved.iter().cloned());
        let content = self.root.join("content");
        let mut pages = Vec::new();
        for path in &self.pending {
            let Some(rel) = page_file(&content, path) else {
                return Ok(None);
            };
            let page = {
                let text = std::fs::read_to_string(path).map_err(|source| {
                    crate::Error::Read {
                        path: crate::content::display_path(&rel),
                        source,
                    }
                })?;
                let text = crate::content::clean_text(text);
                crate::content::parse_page(&rel, &text, &state.build.site.config)?
            };
            if page.front.draft && !self.opts.drafts {
                return Ok(None);
            }
            pages.push(page);
        }
        // Every page must replace one read from the same file.
        let display: BTreeSet<&Path> = pages.iter().map(|p| p.path.as_path()).collect();
        let known = state
            .build
            .site
            .pages
            .iter()
            .filter(|p| display.contains(p.path.as_path()))
            .count();
        if known != pages.len() {
            return Ok(None);
        }
        let dirty: BTreeSet<String> = pages.iter().map(|p| p.key.clone()).collect();
        let mut replaced = Vec::new();
        for page in pages {
            match state.build.site.replace_page(page) {
                Ok(old) => replaced.push(old),
                Err(_) => unreachable!("checked above that the page is in the model"),
            }
        }
        let t0 = std::time::Instant::now(); // TIMING
        let (strings, templates) =
            crate::theme(&self.root, &state.build.site, &mut self.cache, true)?;
        let rendered = crate::render::update_pages(
            &state.build.site,
            &templates,
            &strings,
            &state.kept.images,
            &state.kept.render_opts,
            &mut state.kept.pages,
            &dirty,
        );
        if std::env::var_os("LENTERA_TIMING").is_some() { eprintln!("TIMING update_pages {:?}", t0.elapsed()); } // TIMING
        match rendered {
            Ok(files) => {
                self.pending.clear();
                Ok(Some(files))
            }
            Err(e) => {
                for old in replaced {
                    let _ = state.build.site.replace_page(old);
                }
                Err(e)
            }
        }
    }

    /// The second half of a rebuild after [`Live::update`]: every file of
    /// the site, as a full build makes them, from the model kept. Returns
    /// the build and its files. On error the next save builds everything.
    pub fn finish(&mut self) -> Result<(&Build, Vec<OutputFile>)> {
        let Some(state) = self.state.take() else {
            return self.full();
        };
        let State { build, kept, built } = state;
        let (build, kept) = crate::produce(
            &self.root,
            &self.opts,
            &mut self.cache,
            build.site,
            Some((&kept.pages, &BTreeSet::new())),
            true,
        )?;
        Ok(self.keep(build, kept, built))
    }
}

/// The path of `path` inside `content` if it is a Markdown file there (not
/// hidden, not in a hidden folder) that exists.
fn page_file(content: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(content).ok()?;
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            std::path::Component::Normal(s) => {
                let s = s.to_str()?;
                if s.starts_with('.') {
                    return None;
                }
                parts.push(s);
            }
            _ => return None,
        }
    }
    let rel = parts.join("/");
    (rel.ends_with(".md") && path.is_file()).then_some(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_markdown_files_in_content_are_pages() {
        let dir = std::env::temp_dir().join(format!("lentera-live-{}", std::process::id()));
        let content = dir.join("content");
        std::fs::create_dir_all(content.join("a/.hidden")).unwrap();
        for f in ["a/x.md", "a/.hidden/y.md", "a/z.yaml", ".w.md"] {
            std::fs::write(content.join(f), "x").unwrap();
        }
        assert_eq!(page_file(&content, &content.join("a/x.md")), Some("a/x.md".into()));
        assert_eq!(page_file(&content, &content.join("a/.hidden/y.md")), None);
        assert_eq!(page_file(&content, &content.join("a/z.yaml")), None);
        assert_eq!(page_file(&content, &content.join(".w.md")), None);
        // Deleted: a full build.
        assert_eq!(page_file(&content, &content.join("a/gone.md")), None);
        assert_eq!(page_file(&content, &dir.join("x.md")), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
