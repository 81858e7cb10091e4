//! The pipeline: the site loaded into the model, every producer run (pages
//! and the one-file editions, search, leaflets, images, static files) and
//! their files checked and written, or an unchanged output kept.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::options::BuildOptions;
use crate::{
    config, content, diagnostic, i18n, images, incremental, kit, leaflets, library, onefile,
    output, portable_zip, render, search, templates,
};
use lentera_messages as messages;

/// A finished build, not yet written.
#[derive(Debug)]
pub struct Build {
    /// The site model (dereferences to the loaded [`content::Site`]).
    pub site: library::Library,
    pub files: Vec<output::OutputFile>,
    pub pages_per_language: std::collections::BTreeMap<String, usize>,
    pub fallbacks: Vec<(String, String)>,
    /// Interface strings looked up but missing: (language, key).
    pub missing_strings: Vec<(String, String)>,
    /// Problems that do not stop the build (stale contact numbers, stale
    /// translations, lessons a leaflet prints untranslated, raw HTML removed):
    /// the same list `check` reports.
    pub warnings: Vec<diagnostic::Diagnostic>,
    /// Leaflet PDFs written, as output paths.
    pub leaflets: Vec<String>,
    /// Poster PDFs written (one A4 page per village and language).
    pub posters: Vec<String>,
    /// Wall time spent rendering the leaflets (in parallel with the pages).
    pub leaflet_time: std::time::Duration,
    /// Every printed file (leaflets, posters, the kit) by its path, with
    /// the key of the inputs it was made from.
    pub printed: std::collections::BTreeMap<String, String>,
    /// How many printed files were taken from the last build's output.
    pub reused_prints: usize,
}

impl Build {
    /// What a later run that reuses this build reports of it.
    pub fn summary(&self) -> incremental::Summary {
        incremental::Summary {
            pages_per_language: self.pages_per_language.clone(),
            fallbacks: self.fallbacks.len(),
            files: self.files.len(),
            leaflets: self.leaflets.len(),
            posters: self.posters.len(),
            warnings: self.warnings.clone(),
            missing_strings: self.missing_strings.clone(),
        }
    }

    /// The file at `path` in the output, if any.
    pub fn file(&self, path: &str) -> Option<&output::OutputFile> {
        self.files.iter().find(|f| f.path == path)
    }
}

/// Build the site at `root` in memory: nothing is written.
pub fn build(root: &Path, opts: &BuildOptions) -> Result<Build> {
    build_with(root, opts, &mut BuildCache::none())
}

/// Work that `serve` keeps from one build to the next: the interface strings
/// and compiled templates, minified pages by their unminified text,
/// leaflet PDFs by their template and data, processed images by their
/// path, size and modification time, and pages' parses (with their search
/// analyses) by their text. A clone shares what it keeps.
#[derive(Debug, Clone)]
pub struct BuildCache {
    theme: Option<(Arc<i18n::Strings>, Arc<templates::Templates>)>,
    minify: Option<Arc<output::Memo>>,
    leaflets: Option<Arc<output::Memo>>,
    images: Option<Arc<images::Cache>>,
    parses: Option<Arc<library::ParseMemo>>,
    /// The printed files of the last build in the output folder, to reuse
    /// those whose inputs did not change (`lentera build`).
    previous_prints: Option<Arc<output::printed::Previous>>,
}

impl BuildCache {
    /// A cache that keeps everything it can.
    pub fn new() -> BuildCache {
        BuildCache {
            theme: None,
            minify: Some(Arc::default()),
            leaflets: Some(Arc::default()),
            images: Some(Arc::default()),
            parses: Some(Arc::default()),
            previous_prints: None,
        }
    }

    /// A cache that keeps nothing (a one-off build).
    fn none() -> BuildCache {
        BuildCache {
            theme: None,
            minify: None,
            leaflets: None,
            images: None,
            parses: None,
            previous_prints: None,
        }
    }

    /// Load strings and templates again on the next build (a template, an
    /// interface string or `site.yaml` changed).
    pub fn forget_theme(&mut self) {
        self.theme = None;
    }
}

impl Default for BuildCache {
    fn default() -> Self {
        BuildCache::new()
    }
}

/// [`build`], reusing and refilling `cache`.
pub fn build_with(root: &Path, opts: &BuildOptions, cache: &mut BuildCache) -> Result<Build> {
    let site = load(root, opts)?;
    Ok(produce(root, opts, cache, site, None, false)?.0)
}

/// Read `site.yaml` and `content/` into the site model.
pub fn load(root: &Path, opts: &BuildOptions) -> Result<library::Library> {
    let mut config = config::Config::load(&root.join("content/site.yaml"))?;
    if let Some(days) = opts.stale_after_days {
        config.stale_after_days = days;
    }
    if let Some(url) = &opts.base_url {
        config.base_url = config::Config::checked_base_url(url).ok_or_else(|| {
            Error::content(
                "--base-url",
                0,
                messages::Msg::BaseUrlFlagInvalid { url: url.clone() },
            )
            .with_hint(messages::Msg::WriteLikeUrl)
        })?;
    }
    let theme_dir = root.join("themes").join(&config.theme);
    if !theme_dir.join("templates").is_dir() {
        return Err(Error::ThemeNotFound {
            theme: config.theme.clone(),
            path: Path::new("themes").join(&config.theme).join("templates"),
        });
    }
    Ok(library::Library::new(content::load(
        root,
        config,
        &content::LoadOptions {
            drafts: opts.drafts,
        },
    )?))
}

/// The interface strings and templates of the theme, from `cache` if kept
/// (then forgetting the strings found missing before, unless `reused`: a
/// build that reuses pages does not look their strings up again).
pub fn theme(
    root: &Path,
    site: &library::Library,
    cache: &mut BuildCache,
    reused: bool,
) -> Result<(Arc<i18n::Strings>, Arc<templates::Templates>)> {
    let theme_dir = root.join("themes").join(&site.config.theme);
    Ok(match &cache.theme {
        Some((strings, templates)) => {
            if !reused {
                strings.clear_misses();
            }
            (strings.clone(), templates.clone())
        }
        None => {
            let strings = Arc::new(i18n::Strings::load(
                &theme_dir,
                &site.i18n_overrides,
                &site.config,
            )?);
            let templates = Arc::new(templates::Templates::load(
                &theme_dir,
                &root.join("templates"),
                strings.clone(),
            )?);
            cache.theme = Some((strings.clone(), templates.clone()));
            (strings, templates)
        }
    })
}

/// Everything a build makes from the loaded `site`. With `previous` (the
/// pages of the last build and the page keys changed since), pages that
/// did not change are taken from it (see [`render::Pages`]); with `keep`,
/// the pages are returned for the next time.
pub fn produce(
    root: &Path,
    opts: &BuildOptions,
    cache: &mut BuildCache,
    mut site: library::Library,
    previous: Option<(&render::Pages, &std::collections::BTreeSet<String>)>,
    keep: bool,
) -> Result<(Build, Option<Kept>)> {
    let theme_dir = root.join("themes").join(&site.config.theme);
    let (strings, templates) = theme(root, &site, cache, previous.is_some())?;
    let built = opts
        .render
        .build_date
        .unwrap_or_else(|| site.config.today());
    let leaflet_template = leaflets::template(root, &theme_dir)?;
    let poster_template = leaflets::template_named(root, &theme_dir, leaflets::POSTER_TEMPLATE)?;
    let sample_template =
        leaflets::template_named(root, &theme_dir, leaflets::SAMPLE_MODULE)?.unwrap_or_default();
    let leaflet_jobs = match &leaflet_template {
        Some(_) if cfg!(feature = "leaflets") => {
            leaflets::plan(&site, &strings, built, poster_template.is_some())
        }
        _ => Vec::new(),
    };
    let kit_templates = kit::Templates::load(root, &theme_dir)?;
    let kit_jobs = match &leaflet_template {
        Some(_) if cfg!(feature = "leaflets") => {
            kit::plan(&site, &strings, built, &kit_templates.available())
        }
        _ => Vec::new(),
    };
    let mut render_opts = opts.render.clone();
    render_opts.build_date = Some(built);
    render_opts.kit = kit_jobs
        .iter()
        .map(|j| kit::Link {
            village: j.village.clone(),
            lang: j.lang.clone(),
            doc: j.doc,
            path: j.path.clone(),
        })
        .collect();
    let kit_sizes = kit::SharedSizes::default();
    render_opts.kit_sizes = Some(kit_sizes.clone());
    if let Some(minify) = &cache.minify {
        minify.next_build();
        render_opts.minify_cache = Some(minify.clone());
    }
    render_opts.leaflets = leaflet_jobs
        .iter()
        .filter(|j| !j.poster)
        .map(|j| (j.village.clone(), j.lang.clone(), j.path.clone()))
        .collect();
    render_opts.posters = leaflet_jobs
        .iter()
        .filter(|j| j.poster)
        .map(|j| (j.village.clone(), j.lang.clone(), j.path.clone()))
        .collect();
    let images = images::process_cached(&site.assets, cache.images.as_deref())?;
    // Each page's Markdown is parsed once, for every consumer below: a page
    // other languages fall back to here, a page shown in one language when
    // its page is rendered, in the same pass (`serve` keeps parses between
    // builds). The search index is made after the pages.
    let written = render_opts.staging.is_some() && !keep && previous.is_none();
    if let Some(memo) = &cache.parses {
        memo.next_build();
    }
    site.parse_pages_at_render(cache.parses.clone());
    // The one-file editions come first: the home pages show their size.
    let one_files = onefile::render(&site, &templates, &strings, &render_opts)?;
    render_opts.one_files = one_files.files.iter().map(|(e, _)| e.clone()).collect();
    // A build that writes pages as they are made holds no page's Markdown
    // while it renders: each page's text is read again when it is rendered.
    if written {
        site.release_bodies(root);
    }
    if let Some(memo) = &cache.leaflets {
        memo.next_build();
    }
    let printer = Arc::new(output::printed::Printer::new(
        cache.leaflets.clone(),
        opts.render.staging.clone(),
        cache.previous_prints.clone(),
    ));
    // The session kit on a thread of its own: the village pages wait for
    // the sizes of its files.
    let kit_done = kit::start(
        kit_templates,
        kit_jobs,
        built,
        printer.clone(),
        kit_sizes.0.clone(),
    );
    // The search indexes, written at once when the build writes as it goes
    // (at 30,000 pages the three indexes are 48 MB).
    let make_search_files = || {
        let files = search::files(&site, opts.render.portable).into_iter();
        match &render_opts.staging {
            Some(staging) => files.map(|f| staging.put(f)).collect(),
            None => Ok(files.collect::<Vec<_>>()),
        }
    };
    // The leaflets are made in parallel with the pages; the search indexes
    // after the pages (a page shown in one language is parsed when it is
    // rendered).
    let (made, (leaflet_files, leaflet_time)) = rayon::join(
        || {
            let rendered = if keep || previous.is_some() {
                render::render_reusing(
                    &site,
                    &templates,
                    &strings,
                    &images.info,
                    &render_opts,
                    previous,
                )
                .map(|(r, p)| (r, Some(p)))
            } else {
                render::render(&site, &templates, &strings, &images.info, &render_opts)
                    .map(|r| (r, None))
            };
            rendered.and_then(|(rendered, pages)| Ok((rendered, pages, make_search_files()?)))
        },
        || {
            let start = std::time::Instant::now();
            let files = leaflets::render(
                leaflet_template.as_deref().unwrap_or_default(),
                poster_template.as_deref().unwrap_or_default(),
                &sample_template,
                &leaflet_jobs,
                built,
                &printer,
            );
            (files, start.elapsed())
        },
    );
    let kit_files = kit_done();
    let (rendered, pages, search_files) = made?;
    let kit_files = kit_files.map_err(|e| leaflets::locate_template_errors(e, root, &theme_dir))?;
    let leaflet_files =
        leaflet_files.map_err(|e| leaflets::locate_template_errors(e, root, &theme_dir))?;
    let mut warnings = crate::warnings::content_warnings(root, &site, built);
    warnings.extend(leaflet_jobs.iter().filter_map(|j| j.warning()));
    warnings.extend(crate::warnings::placeholder_base_url(root, &site.config));
    warnings.extend(rendered.warnings);
    warnings.extend(crate::warnings::glossary_warnings(&site));
    warnings.extend(one_files.warnings(root, &site.config));
    if !cfg!(feature = "leaflets") && leaflet_template.is_some() && !site.villages.is_empty() {
        warnings.push(diagnostic::Diagnostic::warning(
            "content/desa",
            0,
            messages::Msg::LeafletsSkipped {
                villages: site.villages.len(),
            },
            Some(messages::Msg::UseReleaseBinary),
        ));
    }
    let missing_strings = strings.misses();
    warnings.extend(crate::warnings::missing_strings(
        &site.config.theme,
        &missing_strings,
    ));
    let is_poster = |path: &str| leaflet_jobs.iter().any(|j| j.poster && j.path == path);
    let leaflet_paths = leaflet_files
        .iter()
        .filter(|f| !is_poster(&f.path))
        .map(|f| f.path.clone())
        .collect();
    let poster_paths = leaflet_files
        .iter()
        .filter(|f| is_poster(&f.path))
        .map(|f| f.path.clone())
        .collect();
    let mut files = rendered.files;
    files.extend(one_files.files.into_iter().map(|(_, f)| f));
    files.extend(leaflet_files);
    files.extend(kit_files);
    files.extend(search_files);
    files.extend(static_files(&theme_dir.join("static"))?);
    files.extend(
        site.assets
            .iter()
            .filter(|a| !images.info.contains_key(&a.rel))
            .map(|a| output::OutputFile {
                path: a.rel.clone(),
                contents: output::Contents::Copy(a.source.clone()),
            }),
    );
    files.extend(images.files);
    output::check_collisions(&files, |f| match &f.contents {
        output::Contents::Copy(p) => p.clone(),
        output::Contents::Bytes(_) | output::Contents::Staged { .. } => {
            PathBuf::from(format!("(generated) {}", f.path))
        }
    })?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let build = Build {
        site,
        files,
        pages_per_language: rendered.pages_per_language,
        fallbacks: rendered.fallbacks,
        missing_strings,
        warnings,
        leaflets: leaflet_paths,
        posters: poster_paths,
        leaflet_time,
        printed: printer.made(),
        reused_prints: printer.reused(),
    };
    let kept = pages.map(|pages| Kept {
        pages,
        render_opts,
        images: images.info,
    });
    Ok((build, kept))
}

/// What `serve` keeps of a build to render pages again after a save: the
/// pages, and the options and image sizes they were rendered with.
#[derive(Debug)]
pub struct Kept {
    pub pages: render::Pages,
    pub render_opts: render::RenderOptions,
    pub images: std::collections::BTreeMap<String, images::ImageInfo>,
}

/// Build and write to `out_dir`, atomically, with the manifest that lets the
/// next [`build_or_reuse`] skip an unchanged site.
pub fn build_to(root: &Path, out_dir: &Path, opts: &BuildOptions) -> Result<Build> {
    output::check_out_dir(root, out_dir)?;
    let opts = dated(root, opts);
    let fingerprint = incremental::fingerprint(root, &opts);
    build_to_dated(root, out_dir, opts, fingerprint)
}

/// [`build_to`] with `opts` already [`dated`] and the inputs' fingerprint
/// already taken (it reads every input file: [`build_or_reuse`] has just
/// taken it).
fn build_to_dated(
    root: &Path,
    out_dir: &Path,
    mut opts: BuildOptions,
    fingerprint: Option<String>,
) -> Result<Build> {
    // Printed files whose inputs did not change are taken from the last
    // build in `out_dir`; those of the portable site are the same files,
    // made once for both.
    let mut cache = BuildCache {
        leaflets: Some(Arc::default()),
        previous_prints: incremental::previous_prints(out_dir).map(Arc::new),
        ..BuildCache::none()
    };
    // The portable site first, zipped, so the pages can link it with its size.
    let zipped = match config::Config::load(&root.join("content/site.yaml")) {
        Ok(c) if c.portable_zip && !opts.render.portable => {
            let mut portable = opts.clone();
            portable.render.portable = true;
            let (file, info) = portable_zip::zip(&build_with(root, &portable, &mut cache)?.files)?;
            opts.render.portable_zip = Some(info);
            Some(file)
        }
        _ => {
            // No second build to share them with: the memo would only hold
            // every PDF in memory.
            cache.leaflets = None;
            None
        }
    };
    // Pages are written into the staging folder as they are rendered; the
    // rest when the build is complete. A failed build drops the staging
    // folder and leaves `out_dir` as it was.
    let staging = Arc::new(output::Staging::new(root, out_dir)?);
    opts.render.staging = Some(staging.clone());
    let built = build_with(root, &opts, &mut cache);
    opts.render.staging = None;
    drop(cache);
    let mut build = built?;
    build.files.extend(zipped);
    if let Some(fingerprint) = &fingerprint {
        let manifest =
            incremental::manifest(&build.summary(), &build.files, fingerprint, &build.printed);
        build.files.push(manifest);
    }
    let staging = Arc::into_inner(staging).expect("the build keeps no staging folder");
    staging.finish(&mut build.files)?;
    Ok(build)
}

/// What [`build_or_reuse`] did.
#[derive(Debug)]
pub enum Written {
    /// The site was built and written.
    Built(Box<Build>),
    /// Nothing the site is made from changed since the build in the output
    /// folder, which is complete: nothing was rendered or written.
    UpToDate(incremental::Summary),
}

/// [`build_to`], unless the output already holds the build of exactly these
/// inputs (see [`incremental`]).
pub fn build_or_reuse(root: &Path, out_dir: &Path, opts: &BuildOptions) -> Result<Written> {
    output::check_out_dir(root, out_dir)?;
    let opts = dated(root, opts);
    let fingerprint = incremental::fingerprint(root, &opts);
    if let Some(summary) = fingerprint
        .as_ref()
        .and_then(|f| incremental::up_to_date(out_dir, f))
    {
        output::clean_leftovers(out_dir);
        return Ok(Written::UpToDate(summary));
    }
    build_to_dated(root, out_dir, opts, fingerprint).map(|b| Written::Built(Box::new(b)))
}

/// `opts` with the date printed on pages fixed (today in the site's time
/// zone unless given), so the fingerprint and the build agree on it.
fn dated(root: &Path, opts: &BuildOptions) -> BuildOptions {
    let mut opts = opts.clone();
    let today = || {
        config::Config::load(&root.join("content/site.yaml"))
            .map_or_else(|_| config::Date::today(), |c| c.today())
    };
    opts.render.build_date = Some(opts.render.build_date.unwrap_or_else(today));
    opts
}

fn static_files(dir: &Path) -> Result<Vec<output::OutputFile>> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::Read {
            path: e.path().unwrap_or(dir).to_path_buf(),
            source: e.into(),
        })?;
        if entry.file_type().is_file() && !entry.file_name().to_string_lossy().starts_with('.') {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("walkdir yields children of its root")
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            files.push(output::OutputFile {
                path: rel,
                contents: output::Contents::Copy(entry.path().to_path_buf()),
            });
        }
    }
    Ok(files)
}
