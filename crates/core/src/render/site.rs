//! The render of the whole site: every page job in parallel, the site-wide
//! pages (home, glossary, topics, sitemap, 404, status, feeds), the globals
//! every template sees, and the fingerprint of what pages share.

use super::*;
use pages::{Kept, Prepared};

/// Every page job's output, in job order: a page kept from `previous`
/// when nothing it shows changed, else rendered (and written at once when
/// nothing keeps the pages: the build then holds a page's bytes only while
/// it renders).
pub(super) fn page_outputs(
    prep: &Prepared<'_>,
    ctx: &JobCtx<'_>,
    previous: Option<(&Pages, &BTreeSet<String>)>,
    keep: bool,
) -> Vec<Result<(Kept, Vec<Error>)>> {
    prep.jobs
        .par_iter()
        .enumerate()
        .map(|(i, job)| match previous {
            Some((pages, dirty)) if !prep.stale(i, pages, dirty) => {
                Ok((pages.kept[i].clone(), Vec::new()))
            }
            _ => ctx
                .run_caught(job)
                .and_then(|mut out| {
                    if let Some(staging) = ctx.opts.staging.as_ref().filter(|_| !keep) {
                        out.file = staging.put(out.file)?;
                    }
                    Ok(out)
                })
                .map(JobOutput::into_kept),
        })
        .collect()
}

/// A file made once for the whole site.
pub(super) enum SiteWide<'l> {
    NotFound,
    Topics(&'l str),
    Glossary(&'l str),
    Status,
    /// The Atom feed of a language.
    Feed(&'l str),
    Sitemap,
}

/// The files made once for the whole site, in this order: the 404 page,
/// each language's topic page and glossary, the status page (when asked
/// for: [`RenderOptions::status_page`]); and, apart, the sitemap. They are made in parallel (the topic and status pages and
/// the sitemap each list every page); the first error in that order wins.
pub(super) fn site_wide_pages(
    site: &Library,
    templates: &Templates,
    strings: &Strings,
    shared: &BTreeMap<&str, Arc<LangShared>>,
    opts: &RenderOptions,
) -> Result<(Vec<OutputFile>, OutputFile)> {
    let languages = &site.config.languages;
    let mut jobs = vec![SiteWide::NotFound];
    jobs.extend(languages.iter().map(|l| SiteWide::Topics(&l.code)));
    jobs.extend(
        languages
            .iter()
            .filter(|l| site.glossary(&l.code).is_some())
            .map(|l| SiteWide::Glossary(&l.code)),
    );
    if opts.status_page {
        jobs.push(SiteWide::Status);
    }
    if !opts.portable {
        jobs.extend(languages.iter().map(|l| SiteWide::Feed(&l.code)));
    }
    jobs.push(SiteWide::Sitemap);
    let made: Vec<Result<OutputFile>> = jobs
        .par_iter()
        .map(|job| match *job {
            SiteWide::NotFound => not_found::page(site, templates, shared, opts),
            SiteWide::Topics(lang) => topics::page(site, templates, strings, shared, lang, opts),
            SiteWide::Glossary(lang) => {
                glossary::page(site, templates, strings, &shared[lang].globals, lang, opts)
            }
            SiteWide::Status => status_page::page(site, templates, strings, shared, opts),
            SiteWide::Feed(lang) => Ok(OutputFile::bytes(
                feed::path(&site.config, lang),
                feed::atom(
                    site,
                    lang,
                    &format!(
                        "{}: {}",
                        feed::site_title(&site.config, lang),
                        strings.get(lang, "recent_lessons")
                    ),
                    site.config
                        .language(lang)
                        .and_then(|l| l.description.as_deref())
                        .unwrap_or_default(),
                    opts.build_date.unwrap_or_else(|| site.config.today()),
                ),
            )),
            SiteWide::Sitemap => Ok(OutputFile::bytes("sitemap.xml", sitemap::xml(site))),
        })
        .collect();
    let mut files = made.into_iter().collect::<Result<Vec<_>>>()?;
    let sitemap = files.pop().expect("the sitemap is the last job");
    Ok((files, sitemap))
}

pub(super) fn render_inner(
    site: &Library,
    templates: &Templates,
    strings: &Strings,
    images: &BTreeMap<String, crate::images::ImageInfo>,
    opts: &RenderOptions,
    previous: Option<(&Pages, &BTreeSet<String>)>,
    keep: bool,
) -> Result<(RenderedSite, Option<Pages>)> {
    let config = &site.config;
    let prep = Prepared::new(site, strings, opts, previous.map(|(p, _)| p));
    let shared = &prep.shared;
    let printed = super::village::Printed::new(opts);
    let ctx = JobCtx {
        site,
        templates,
        strings,
        opts,
        shared,
        page_keys: &prep.page_keys,
        assets: &prep.assets,
        images,
        printed: &printed,
    };
    // A panic while rendering one page (a bug, ours or a dependency's) becomes
    // an error naming that page instead of taking the build down. The
    // site-wide pages need none of the pages, so they are made alongside.
    let (outputs, site_wide) = rayon::join(
        || page_outputs(&prep, &ctx, previous, keep),
        || site_wide_pages(site, templates, strings, shared, opts),
    );

    let mut errors = Vec::new();
    let mut files = Vec::new();
    let mut anchors: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    let mut refs = Vec::new();
    let mut fallbacks = Vec::new();
    let mut warnings = Vec::new();
    let mut pages_per_language: BTreeMap<String, usize> = BTreeMap::new();
    let mut kept_all = Vec::new();
    for out in outputs {
        match out {
            Ok((kept, errs)) => {
                *pages_per_language.entry(kept.lang.clone()).or_default() += 1;
                errors.extend(errs);
                warnings.extend(kept.warnings.iter().cloned());
                if kept.fallback {
                    fallbacks.push((kept.key.clone(), kept.lang.clone()));
                }
                if keep {
                    anchors.insert((kept.key.clone(), kept.lang.clone()), kept.anchors.clone());
                    refs.extend(kept.refs.iter().cloned());
                    files.push((*kept.file).clone());
                    kept_all.push(kept);
                } else {
                    anchors.insert((kept.key, kept.lang), kept.anchors);
                    refs.extend(kept.refs);
                    files.push(
                        std::sync::Arc::try_unwrap(kept.file).unwrap_or_else(|f| (*f).clone()),
                    );
                }
            }
            Err(e) => errors.push(e),
        }
    }
    errors.extend(check_anchors(refs.into_iter(), |key, lang| {
        anchors.get(&(key.to_string(), lang.to_string()))
    }));
    Error::collect(merge_template_errors(errors))?;
    let (site_wide, sitemap) = site_wide?;
    files.extend(site_wide);
    if !opts.portable && templates.has("sw.js") {
        // The service worker's cache name changes whenever any page does.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for f in &files {
            std::hash::Hash::hash(&f.path, &mut hasher);
            let bytes = match &f.contents {
                crate::output::Contents::Bytes(b) => crate::output::hash_bytes(b),
                crate::output::Contents::Staged { hash, .. } => *hash,
                crate::output::Contents::Copy(_) => 0,
            };
            std::hash::Hash::hash(&bytes, &mut hasher);
        }
        let mut ctx = Context::new();
        ctx.insert(
            "version",
            &format!("{:016x}", std::hash::Hasher::finish(&hasher)),
        );
        let js = templates.render("sw.js", &ctx, "the service worker")?;
        files.push(OutputFile::bytes("sw.js", js));
    }
    files.push(sitemap);
    files.push(OutputFile::bytes(
        "robots.txt",
        format!(
            "User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n",
            config.base_url
        ),
    ));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    // A page rendered in several languages reports its raw HTML once.
    warnings.sort();
    warnings.dedup();
    let fingerprints = prep.fingerprints();
    let one_files = prep.one_files();
    let lang_shared = prep.lang_shared();
    Ok((
        RenderedSite {
            files,
            pages_per_language,
            fallbacks,
            warnings,
        },
        keep.then(|| Pages::new(kept_all, fingerprints, one_files, lang_shared)),
    ))
}

/// The template globals of one language, hashed as they are inserted.
/// (The data is hashed before it becomes a Tera value, whose maps iterate
/// in no fixed order.)
#[derive(Default)]
pub(super) struct Globals {
    pub(super) context: Context,
    pub(super) hash: Fingerprint,
}

impl Globals {
    pub(super) fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.insert_value(key, value, Value::from_serializable(value));
    }

    /// Insert `value`, made from `data`.
    pub(super) fn insert_value<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        data: &T,
        value: Value,
    ) {
        self.hash.add(&key);
        self.hash.add(data);
        self.context.insert_value(key, value);
    }
}

/// A hash of serialised values: what templates see, whatever its type.
#[derive(Default)]
pub(crate) struct Fingerprint(std::hash::DefaultHasher);

impl Fingerprint {
    pub(crate) fn add<T: Serialize + ?Sized>(&mut self, value: &T) {
        serde_json::to_writer(&mut *self, value).expect("template data serialises");
        // A separator, so that two values never read as one.
        std::hash::Hasher::write_u8(&mut self.0, 0xff);
    }

    pub(crate) fn finish(&self) -> u64 {
        std::hash::Hasher::finish(&self.0)
    }
}

impl std::io::Write for Fingerprint {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        std::hash::Hasher::write(&mut self.0, bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
