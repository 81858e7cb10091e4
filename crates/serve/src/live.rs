//! Incremental rebuilds for `serve`: the site model and the rendered pages
//! stay in memory between saves, so that saving a page costs that page.
//!
//! A rebuild after a save has two halves. [`Live::update`] re-reads and
//! re-parses only the saved page files, puts them in the model in place of
//! the old ones and renders again the pages they change (see
//! [`lentera_core::render::Pages`]: the saved page keys in every language,
//! including the languages that fall back to them; every page of a language
//! whose navigation or lists changed; the village pages), and checks again
//! the links into them (reverse link index). `serve` swaps those pages in
//! and tells open pages to reload at once. The second half
//! ([`Live::second_half`], run on another thread from a copy of the model,
//! so that the next save need not wait for it) then makes everything else
//! exactly as a full build does (one-file editions, search index, topic,
//! glossary, status and 404 pages, sitemap, service worker, leaflets,
//! warnings), taking the pages from the first half; only the home pages,
//! which show the size of the one-file edition, are rendered again there.
//! A second half that a later save overtook is dropped ([`Live::accept`]):
//! the later save's own second half follows. After both halves the files
//! served are those of a full build of the same tree (tests/it/live.rs
//! checks it).
//!
//! Anything else falls back to a full build ([`Live::full`]), which keeps
//! the model for the next save: a change of `site.yaml`, a template, an
//! interface string, a village, a glossary, an image or a static file; a
//! file created, deleted or renamed; a page that becomes a draft; the first
//! save of a new day (pages print the build date); and any save after a
//! failed second half.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lentera_core::error::Result;
use lentera_core::library::Library;
use lentera_core::output::OutputFile;
use lentera_core::{Build, BuildCache, BuildOptions, Kept};

/// The model and pages kept between saves.
#[derive(Debug)]
struct State {
    /// The site model, with every save applied.
    site: Library,
    /// The pages as rendered from `site`, with the options and image sizes
    /// they were rendered with (those of the last full or second half).
    kept: Kept,
    /// The date the pages print.
    built: lentera_core::config::Date,
}

/// Builds for `serve`, incrementally when it can.
#[derive(Debug)]
pub struct Live {
    root: PathBuf,
    opts: BuildOptions,
    cache: BuildCache,
    state: Option<State>,
    /// Counts changes to the state: a second half made from an older state
    /// is not taken.
    generation: u64,
    /// Saved files not in the model yet: the last [`Live::update`] failed
    /// on them (a broken page), so the next one reads them again.
    pending: BTreeSet<PathBuf>,
    /// Threads for second halves, at a lower priority, so that the quick
    /// half of the next save (on rayon's global pool) goes first.
    finish_pool: Option<Arc<rayon::ThreadPool>>,
}

/// The second half of a rebuild, ready to run on any thread, from a copy of
/// the model (see [`Live::second_half`]).
#[derive(Debug)]
pub struct SecondHalf {
    root: PathBuf,
    opts: BuildOptions,
    cache: BuildCache,
    site: Library,
    kept: Kept,
    generation: u64,
    pool: Option<Arc<rayon::ThreadPool>>,
}

/// A finished second half: the build, its files, and the pages to keep.
#[derive(Debug)]
pub struct Finished {
    build: Build,
    files: Vec<OutputFile>,
    kept: Kept,
    generation: u64,
}

impl SecondHalf {
    /// The state it was made from (see [`Live::is_current`]).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Make every file of the site as a full build does, taking the pages
    /// from the model (see [`lentera_core::render::Pages`]).
    pub fn run(mut self) -> Result<Finished> {
        match self.pool.take() {
            Some(pool) => pool.install(|| self.run_here()),
            None => self.run_here(),
        }
    }

    fn run_here(self) -> Result<Finished> {
        let mut cache = self.cache;
        let (mut build, kept) = lentera_core::produce(
            &self.root,
            &self.opts,
            &mut cache,
            self.site,
            Some((&self.kept.pages, &BTreeSet::new())),
            true,
        )?;
        Ok(Finished {
            files: std::mem::take(&mut build.files),
            build,
            kept: kept.expect("asked to keep the pages"),
            generation: self.generation,
        })
    }
}

impl Live {
    pub fn new(root: &Path, opts: &BuildOptions) -> Live {
        Live {
            root: root.to_path_buf(),
            opts: opts.clone(),
            cache: BuildCache::new(),
            state: None,
            generation: 0,
            pending: BTreeSet::new(),
            finish_pool: rayon::ThreadPoolBuilder::new()
                .thread_name(|i| format!("lentera-finish-{i}"))
                .start_handler(|_| lower_priority())
                .build()
                .ok()
                .map(Arc::new),
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
    pub fn full(&mut self) -> Result<(Build, Vec<OutputFile>)> {
        self.state = None;
        self.generation += 1;
        self.pending.clear();
        let site = lentera_core::load(&self.root, &self.opts)?;
        let built = self
            .opts
            .render
            .build_date
            .unwrap_or_else(|| site.config.today());
        let (mut build, kept) =
            lentera_core::produce(&self.root, &self.opts, &mut self.cache, site, None, true)?;
        self.state = Some(State {
            site: build.site.clone(),
            kept: kept.expect("asked to keep the pages"),
            built,
        });
        let files = std::mem::take(&mut build.files);
        Ok((build, files))
    }

    /// The first half of a rebuild after `saved` (absolute paths of changed
    /// files under `content/`): the files of the pages it changes, or `None`
    /// when this save needs a full build. On error (a page that does not
    /// parse, a broken link) the model stays as it was and the files are
    /// read again by the next update.
    pub fn update(&mut self, saved: &[PathBuf]) -> Result<Option<Vec<OutputFile>>> {
        let result = self.update_here(saved);
        if result.is_err() {
            // The second half of an earlier save must not replace the
            // error with its files: the next good save makes its own.
            self.generation += 1;
        }
        result
    }

    fn update_here(&mut self, saved: &[PathBuf]) -> Result<Option<Vec<OutputFile>>> {
        let Some(state) = &mut self.state else {
            return Ok(None);
        };
        let today = self
            .opts
            .render
            .build_date
            .unwrap_or_else(|| state.site.config.today());
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
            let text =
                std::fs::read_to_string(path).map_err(|source| lentera_core::Error::Read {
                    path: lentera_core::content::display_path(&rel),
                    source,
                })?;
            let text = lentera_core::content::clean_text(text);
            let page = lentera_core::content::parse_page(&rel, &text, &state.site.config)?;
            if page.front.draft && !self.opts.drafts {
                return Ok(None);
            }
            pages.push(page);
        }
        // Every page must replace one read from the same file.
        let display: BTreeSet<&Path> = pages.iter().map(|p| p.path.as_path()).collect();
        let known = state
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
            replaced.extend(state.site.replace_page(page));
        }
        self.generation += 1;
        let (strings, templates) =
            lentera_core::theme(&self.root, &state.site, &mut self.cache, true)?;
        let rendered = lentera_core::render::update_pages(
            &state.site,
            &templates,
            &strings,
            &state.kept.images,
            &state.kept.render_opts,
            &mut state.kept.pages,
            &dirty,
        );
        match rendered {
            Ok(files) => {
                self.pending.clear();
                Ok(Some(files))
            }
            Err(e) => {
                for old in replaced {
                    let _ = state.site.replace_page(old);
                }
                Err(e)
            }
        }
    }

    /// The second half of the rebuild after the last [`Live::update`], to
    /// run on another thread so that the next save need not wait for it: a
    /// copy of the model (the pages' bytes are shared, not copied).
    pub fn second_half(&self) -> Option<SecondHalf> {
        let state = self.state.as_ref()?;
        Some(SecondHalf {
            root: self.root.clone(),
            opts: self.opts.clone(),
            cache: self.cache.clone(),
            site: state.site.clone(),
            kept: Kept {
                pages: state.kept.pages.clone(),
                render_opts: state.kept.render_opts.clone(),
                images: state.kept.images.clone(),
            },
            generation: self.generation,
            pool: self.finish_pool.clone(),
        })
    }

    /// Take the pages of a finished second half if nothing changed since
    /// it started, and give back its build and files (then the site's);
    /// `None` if a later save made it stale.
    pub fn accept(&mut self, finished: Finished) -> Option<(Build, Vec<OutputFile>)> {
        let state = self.state.as_mut()?;
        if finished.generation != self.generation {
            return None;
        }
        state.kept = finished.kept;
        Some((finished.build, finished.files))
    }

    /// Whether a second half started at `generation` is still current.
    pub fn is_current(&self, generation: u64) -> bool {
        generation == self.generation
    }

    /// Forget the model: the next save builds everything (a second half
    /// failed).
    pub fn reset(&mut self) {
        self.state = None;
        self.generation += 1;
    }
}

/// Lower the priority of the calling thread (a second half's).
#[cfg(target_os = "linux")]
fn lower_priority() {
    // SAFETY: a plain system call; on Linux, `who` 0 with PRIO_PROCESS is
    // the calling thread only.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_priority() {}

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
        assert_eq!(
            page_file(&content, &content.join("a/x.md")),
            Some("a/x.md".into())
        );
        assert_eq!(page_file(&content, &content.join("a/.hidden/y.md")), None);
        assert_eq!(page_file(&content, &content.join("a/z.yaml")), None);
        assert_eq!(page_file(&content, &content.join(".w.md")), None);
        // Deleted: a full build.
        assert_eq!(page_file(&content, &content.join("a/gone.md")), None);
        assert_eq!(page_file(&content, &dir.join("x.md")), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
