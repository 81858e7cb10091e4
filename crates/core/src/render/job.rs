//! The page job: one page (or village, or site-wide page) in one language,
//! from its Markdown and the shared navigation to minified HTML, with the
//! errors and anchors the checks need.

use super::*;

/// A page to render: a key in one language.
pub(super) enum Job<'a> {
    Page { group: Group<'a>, lang: &'a str },
    Village { village: &'a Village, lang: &'a str },
}

impl Job<'_> {
    /// The error for a panic while rendering this job.
    pub(super) fn panicked(&self, panic: &(dyn std::any::Any + Send)) -> Error {
        let (path, lang) = match self {
            Job::Page { group, lang } => (group.resolve(lang).page.path.clone(), *lang),
            Job::Village { village, lang } => (village.path.clone(), *lang),
        };
        Error::content(
            path,
            0,
            Msg::PagePanic {
                lang: lang.to_string(),
            },
        )
        .with_hint(Msg::SimplifyPage)
        .with_detail(crate::error::panic_message(panic))
    }
}

pub(super) struct JobOutput {
    pub(super) file: OutputFile,
    /// (key, lang) and the anchors the page defines.
    pub(super) anchors: ((String, String), BTreeSet<String>),
    pub(super) refs: Vec<(std::path::PathBuf, String, markdown::AnchorRef)>,
    pub(super) errors: Vec<Error>,
    pub(super) warnings: Vec<crate::diagnostic::Diagnostic>,
    pub(super) fallback: Option<(String, String)>,
}

pub(super) struct JobCtx<'a> {
    pub(super) site: &'a Library,
    pub(super) templates: &'a Templates,
    pub(super) strings: &'a Strings,
    pub(super) opts: &'a RenderOptions,
    pub(super) shared: &'a BTreeMap<&'a str, Arc<LangShared>>,
    pub(super) page_keys: &'a BTreeSet<String>,
    pub(super) assets: &'a BTreeSet<String>,
    pub(super) images: &'a BTreeMap<String, crate::images::ImageInfo>,
    /// The printed files of each village (see [`super::village::Printed`]).
    pub(super) printed: &'a super::village::Printed<'a>,
}

impl JobCtx<'_> {
    /// [`JobCtx::run`], with a panic turned into an error naming the page.
    pub(super) fn run_caught(&self, job: &Job) -> Result<JobOutput> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.run(job)))
            .unwrap_or_else(|panic| Err(job.panicked(&*panic)))
    }

    pub(super) fn run(&self, job: &Job) -> Result<JobOutput> {
        match job {
            Job::Page { group, lang } => self.page(*group, lang),
            Job::Village { village, lang } => self.village(village, lang),
        }
    }

    pub(super) fn finish(
        &self,
        dir_path: &str,
        html: String,
        lang: &str,
        root: &str,
    ) -> Result<OutputFile> {
        let mut bytes = match &self.opts.minify_cache {
            _ if self.opts.no_minify => html.into_bytes(),
            Some(cache) => cache.minify_html(&html),
            None => minify_html(&html),
        };
        if let Some(at) = find(&bytes, SITE_NAV_SLOT.as_bytes()) {
            let nav = self.site_nav(lang, root)?;
            let nav: &[u8] = if self.opts.no_minify {
                nav.0.as_bytes()
            } else {
                &nav.1
            };
            bytes = put_in_slot(&bytes, at, nav);
        }
        Ok(OutputFile::bytes(format!("{dir_path}index.html"), bytes))
    }

    /// The whole-site navigation of `lang` for pages at `root`: rendered
    /// once, then shared; as written and minified.
    pub(super) fn site_nav(
        &self,
        lang: &str,
        root: &str,
    ) -> Result<std::sync::Arc<(String, Vec<u8>)>> {
        let shared = &self.shared[lang];
        if let Some(nav) = shared
            .site_nav
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(root)
        {
            return Ok(nav.clone());
        }
        let mut ctx = shared.globals.clone();
        ctx.insert("root", root);
        let html = self.templates.render(
            SITE_NAV_TEMPLATE,
            &ctx,
            &format!("the site navigation ({lang})"),
        )?;
        let minified = minify_html(&html);
        let nav = std::sync::Arc::new((html, minified));
        shared
            .site_nav
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(root.to_string(), nav.clone());
        Ok(nav)
    }

    pub(super) fn page(&self, group: Group, lang: &str) -> Result<JobOutput> {
        let config = &self.site.config;
        let shared = &self.shared[lang];
        let Resolved {
            page,
            fallback,
            index,
        } = group.resolve(lang);
        let dir_path = page_path(config, group.key(), lang, false);
        let root = root_prefix(&dir_path);
        let env = LinkEnv {
            config,
            page_keys: self.page_keys,
            assets: self.assets,
            lang,
            root: &root,
            portable: self.opts.portable,
            callout_titles: &shared.callouts,
            images: self.images,
            glossary: shared.glossary.as_ref().filter(|_| page.is_lesson()),
        };
        let Rendered {
            html,
            toc,
            anchors,
            anchor_refs,
            errors,
            warnings,
        } = self.site.render_body(index, &env);

        let abs = |l: &str| crate::urls::absolute(config, group.key(), l);
        let real_langs: Vec<&str> = group.variants().map(|p| p.lang.as_str()).collect();
        let mut alternates: Vec<Alternate> = if real_langs.len() > 1 && !fallback {
            real_langs
                .iter()
                .map(|l| Alternate {
                    lang: l,
                    href: abs(l),
                })
                .collect()
        } else {
            Vec::new()
        };
        if !alternates.is_empty() && group.has(&config.default_language) {
            alternates.push(Alternate {
                lang: "x-default",
                href: abs(&config.default_language),
            });
        }
        let mut errors = errors;
        let audio = match markdown::page_audio(page, self.assets) {
            None => None,
            Some(Err(e)) => {
                errors.push(e);
                None
            }
            Some(Ok((rel, mime))) => {
                let bytes = self
                    .site
                    .assets
                    .iter()
                    .find(|a| a.rel == rel)
                    .and_then(|a| std::fs::metadata(&a.source).ok())
                    .map_or(0, |m| m.len());
                Some(AudioView {
                    path: rel,
                    mime,
                    size: crate::output::human_size(bytes),
                })
            }
        };
        let content_language = config
            .language(&page.lang)
            .expect("page languages are configured");
        let section = page
            .parent_key()
            .and_then(|k| shared.sections.get(k))
            .cloned();
        let steps = shared.steps.get(group.key());
        errors.extend(self.named_page_errors(page));
        let journeys = self.journeys(group, lang, page);
        let view = PageView {
            key: group.key(),
            title: &page.front.title,
            summary: page.front.summary.as_deref().unwrap_or_default(),
            kind: page.front.kind,
            kind_label: page
                .front
                .kind
                .map(|k| self.strings.get(lang, kind_key(k)))
                .unwrap_or_default(),
            updated: page
                .front
                .updated
                .map(|d| format_date(self.strings, lang, d)),
            updated_iso: page.front.updated.map(|d| d.to_string()),
            keywords: &page.front.keywords,
            key_points: &page.front.key_points,
            sources: &page.front.sources,
            toc: &toc,
            content: &html,
            translation: group.resolve(lang).translation(&config.default_language),
            fallback,
            content_lang: &page.lang,
            content_dir: content_language.dir,
            // The version a notice points to: the original (for a fallback it
            // is the page shown; for a draft translation, the one it was made from).
            original_lang_name: config
                .language(&group.original().lang)
                .map_or("", |l| l.name.as_str()),
            original_href: format!(
                "{root}{}",
                page_path(
                    config,
                    group.key(),
                    &group.original().lang,
                    self.opts.portable
                )
            ),
            canonical: abs(&page.lang),
            permalink: abs(lang),
            alternates,
            section,
            is_section: page.is_section,
            extra: &page.front.extra,
            audio,
            previous: steps.and_then(|s| s.0.as_ref()),
            next: steps.and_then(|s| s.1.as_ref()),
            journeys,
            questions: questions::views(&page.front.questions),
        };
        let template = template_of(group.key(), page);
        let mut ctx = shared.globals.clone();
        ctx.insert("root", &root);
        ctx.insert("page", &view);
        if template == HOME_TEMPLATE {
            ctx.insert("one_file", &shared.one_file);
        }
        ctx.insert(
            "languages",
            &self.switcher(lang, &root, |l| {
                (
                    page_path(config, group.key(), l, self.opts.portable),
                    !group.has(l),
                )
            }),
        );
        if let Some(children) = shared.children.get(group.key()) {
            ctx.insert_value("children", children.clone());
        }
        if group.key().is_empty() {
            ctx.insert_value("sections", shared.home_sections.clone());
        }
        let page_name = page.path.display().to_string();
        if !self.templates.has(template) {
            return Err(Error::content(
                &page.path,
                page.key_line("template"),
                Msg::TemplateMissing {
                    name: template.to_string(),
                },
            ));
        }
        let html = self
            .templates
            .render(template, &ctx, &format!("{page_name} ({lang})"))?;
        Ok(JobOutput {
            file: self.finish(&dir_path, html, lang, &root)?,
            anchors: ((group.key().to_string(), lang.to_string()), anchors),
            refs: anchor_refs
                .into_iter()
                .map(|r| (page.path.clone(), lang.to_string(), r))
                .collect(),
            // A fallback shows a page that is also rendered in its own
            // language, where the same link, image, audio and raw-HTML
            // findings are made: they are reported from there, once.
            // (Links to anchors depend on the language and stay in `refs`.)
            errors: if fallback { Vec::new() } else { errors },
            warnings: if fallback { Vec::new() } else { warnings },
            fallback: fallback.then(|| (group.key().to_string(), lang.to_string())),
        })
    }

    /// Errors for the pages `page` names in `next:`, `previous:` and
    /// `journeys:` that do not exist, at their lines.
    pub(super) fn named_page_errors(&self, page: &Page) -> Vec<Error> {
        let front = &page.front;
        let named = [
            ("next:", front.next.as_ref()),
            ("previous:", front.previous.as_ref()),
        ]
        .into_iter()
        .filter_map(|(f, n)| n.map(|n| (f, n)))
        .chain(front.journeys.iter().map(|j| ("journeys: page:", &j.page)));
        let mut errors = Vec::new();
        for (field, name) in named {
            let key = crate::content::front_matter::page_key(name);
            if self.site.is_page(&key) {
                continue;
            }
            let keys: Vec<&str> = self.page_keys.iter().map(String::as_str).collect();
            let top = field.split(':').next().unwrap_or(field);
            errors.push(
                Error::content(
                    &page.path,
                    page.key_line(top),
                    Msg::NamedPageMissing {
                        field: field.to_string(),
                        page: name.clone(),
                    },
                )
                .with_hint(crate::content::missing_page_hint(name, &keys)),
            );
        }
        errors
    }

    /// The home page's entry points as a reader of `lang` sees them: the
    /// page's own `journeys:`, else its original's.
    pub(super) fn journeys(&self, group: Group, lang: &str, page: &Page) -> Vec<JourneyView> {
        let from = if page.front.journeys.is_empty() {
            group.original()
        } else {
            page
        };
        from.front
            .journeys
            .iter()
            .filter_map(|j| {
                let key = crate::content::front_matter::page_key(&j.page);
                self.site.is_page(&key).then(|| JourneyView {
                    label: j.label.clone(),
                    path: page_path(&self.site.config, &key, lang, self.opts.portable),
                    icon: j.icon.clone(),
                    lang: from.lang.clone(),
                })
            })
            .collect()
    }

    pub(super) fn switcher<'b>(
        &'b self,
        lang: &str,
        root: &str,
        target: impl Fn(&str) -> (String, bool),
    ) -> Vec<SwitchItem<'b>> {
        self.site
            .config
            .languages
            .iter()
            .map(|l| {
                let (path, fallback) = target(&l.code);
                SwitchItem {
                    code: &l.code,
                    name: &l.name,
                    href: format!("{root}{path}"),
                    current: l.code == lang,
                    fallback,
                }
            })
            .collect()
    }
}
