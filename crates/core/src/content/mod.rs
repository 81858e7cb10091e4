//! Reading `content/`: pages, sections, villages and static files, into a
//! [`Site`]. This is the only step that reads the content folder.

pub mod front_matter;
pub mod glossary;
pub mod questions;
pub mod village;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::{Config, Date};
use crate::error::{Error, Result};
pub use front_matter::{FrontMatter, Kind, TranslationState};
use lentera_messages::Msg;
pub use village::Village;

/// One Markdown file: a page or a section index, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Path for messages, relative to the project root (`content/a/b.id.md`).
    pub path: PathBuf,
    /// Identity shared by all translations: `pelajaran/jalur-resmi`; a section
    /// index has its folder (`pelajaran`), the home page is `""`.
    pub key: String,
    pub lang: String,
    pub is_section: bool,
    /// Folder of the source file inside `content/` (`pelajaran`, or `""`).
    pub dir: String,
    pub front: FrontMatter,
    /// Shared: `serve` copies the site model for each rebuild.
    pub body: std::sync::Arc<str>,
    /// 1-based line of the file where `body` starts.
    pub body_line: usize,
    /// The top-level front-matter keys with their 1-based lines, for
    /// messages about a value serde has already accepted.
    pub key_lines: Vec<(String, usize)>,
}

impl Page {
    /// The line of the front-matter key `key`, or 0.
    pub fn key_line(&self, key: &str) -> usize {
        self.key_lines
            .iter()
            .find(|(k, _)| k == key)
            .map_or(0, |(_, l)| *l)
    }

    /// The section this page belongs to: its folder for a page, the parent
    /// folder for a section index, `None` for the home page.
    pub fn parent_key(&self) -> Option<&str> {
        if self.is_section {
            if self.key.is_empty() {
                None
            } else {
                Some(self.key.rsplit_once('/').map_or("", |(p, _)| p))
            }
        } else {
            Some(&self.dir)
        }
    }

    /// Whether this page is a lesson: a page (not a section index) whose
    /// front matter names its `kind`.
    pub fn is_lesson(&self) -> bool {
        !self.is_section && self.front.kind.is_some()
    }
}

/// A file copied as it is (an image next to a page, a PDF).
#[derive(Debug, Clone, PartialEq)]
pub struct Asset {
    /// Path inside `content/`, with `/` separators; also its output path.
    pub rel: String,
    pub source: PathBuf,
}

/// Everything the build knows about the content, as plain data.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub config: Config,
    /// Every page and section index that is published, in every language it
    /// was written in, sorted by key then language order.
    pub pages: Vec<Page>,
    pub villages: Vec<Village>,
    pub assets: Vec<Asset>,
    /// Interface-string overrides from `content/i18n/LANG.yaml`, as files.
    pub i18n_overrides: Vec<(String, PathBuf)>,
    /// The glossary of each language that has a `content/glosarium/LANG.yaml`.
    pub glossaries: Vec<crate::content::glossary::Glossary>,
    /// Pages marked `draft: true` and left out of `pages` (not published):
    /// the translation status shows them as unpublished drafts.
    pub draft_pages: Vec<Page>,
}

impl Site {
    /// The lessons a village page and leaflet carry: the village's own list, or
    /// the first lesson of each top-level section (except villages).
    pub fn village_lessons(&self, village: &Village) -> Vec<String> {
        let site = self;
        if !village.file.lessons.is_empty() {
            return village
                .file
                .lessons
                .iter()
                .map(|l| l.trim_end_matches(".md").trim_matches('/').to_string())
                .collect();
        }
        let village_dir = village.key.rsplit_once('/').map_or("", |(d, _)| d);
        let mut firsts: BTreeMap<&str, &Page> = BTreeMap::new();
        for p in site
            .pages
            .iter()
            .filter(|p| !p.is_section && p.lang == site.config.default_language)
        {
            let dir = p.dir.as_str();
            if dir.is_empty() || dir.contains('/') || dir == village_dir {
                continue;
            }
            let better = firsts.get(dir).is_none_or(|q| {
                (p.front.weight, &p.front.title) < (q.front.weight, &q.front.title)
            });
            if better {
                firsts.insert(dir, p);
            }
        }
        let mut sections: Vec<(&i64, &str)> = firsts
            .keys()
            .map(|dir| {
                let w = site
                    .pages
                    .iter()
                    .find(|s| s.is_section && s.key == *dir)
                    .map_or(&0, |s| &s.front.weight);
                (w, *dir)
            })
            .collect();
        sections.sort();
        sections
            .into_iter()
            .map(|(_, d)| firsts[d].key.clone())
            .collect()
    }

    /// Village contacts whose phone number a person last `checked` more than
    /// `stale_after_days` before `today`, or never: (village, contact name,
    /// date of the last check).
    pub fn stale_village_contacts(&self, today: Date) -> Vec<(&Village, String, Option<Date>)> {
        let def = self.config.default_language.as_str();
        self.villages
            .iter()
            .flat_map(|v| {
                v.file
                    .contacts
                    .iter()
                    .filter(move |c| c.phone.is_some() && self.config.is_due(c.checked, today))
                    .map(move |c| (v, c.name.get(def, def).to_string(), c.checked))
            })
            .collect()
    }
}

/// Options that change what is loaded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadOptions {
    pub drafts: bool,
}

/// A file found in `content/`, classified by name.
#[derive(Debug, Clone, PartialEq)]
enum SourceFile {
    Markdown { rel: String, abs: PathBuf },
    Village { rel: String, abs: PathBuf },
    I18n { lang: String, abs: PathBuf },
    Glossary { lang: String, abs: PathBuf },
    Asset(Asset),
}

/// Load `content/` under `root` with `config`.
pub fn load(root: &Path, config: Config, opts: &LoadOptions) -> Result<Site> {
    let content = root.join("content");
    let files = discover(&content)?;
    let mut markdown = Vec::new();
    let mut village_files = Vec::new();
    let mut assets = Vec::new();
    let mut i18n_overrides = Vec::new();
    let mut glossary_files = Vec::new();
    for f in files {
        match f {
            SourceFile::Markdown { rel, abs } => markdown.push((rel, abs)),
            SourceFile::Village { rel, abs } => village_files.push((rel, abs)),
            SourceFile::I18n { lang, abs } => i18n_overrides.push((lang, abs)),
            SourceFile::Glossary { lang, abs } => glossary_files.push((lang, abs)),
            SourceFile::Asset(a) => assets.push(a),
        }
    }

    let parsed: Vec<Result<Page>> = markdown
        .par_iter()
        .map(|(rel, abs)| {
            let text = std::fs::read_to_string(abs).map_err(|source| Error::Read {
                path: display_path(rel),
                source,
            })?;
            parse_page(rel, &clean_text(text), &config)
        })
        .collect();
    let mut errors = Vec::new();
    let mut pages = Vec::new();
    let mut draft_pages = Vec::new();
    for p in parsed {
        match p {
            Ok(page) if page.front.draft && !opts.drafts => draft_pages.push(page),
            Ok(page) => pages.push(page),
            Err(e) => errors.push(e),
        }
    }
    let order: BTreeMap<&str, usize> = config
        .languages
        .iter()
        .enumerate()
        .map(|(i, l)| (l.code.as_str(), i))
        .collect();
    pages.sort_by(|a, b| (&a.key, order[a.lang.as_str()]).cmp(&(&b.key, order[b.lang.as_str()])));
    errors.extend(check_duplicates(&pages, &config));
    // SVG images are published as they are: refuse one that would run or
    // load something (crate::svg).
    errors.extend(
        assets
            .par_iter()
            .filter(|a| crate::svg::is_svg(&a.rel))
            .filter_map(|a| {
                let path = display_path(&a.rel);
                match std::fs::read(&a.source) {
                    Ok(bytes) => crate::svg::check(&path, &bytes).err(),
                    Err(source) => Some(Error::Read { path, source }),
                }
            })
            .collect::<Vec<_>>(),
    );

    let keys: BTreeSet<&str> = pages.iter().map(|p| p.key.as_str()).collect();
    if let Some(help) = &config.help
        && !keys.contains(front_matter::page_key(&help.page).as_str())
    {
        let text = std::fs::read_to_string(root.join("content/site.yaml")).unwrap_or_default();
        errors.push(
            Error::content(
                Path::new("content/site.yaml"),
                crate::yaml::line_of_after(&text, "help:", "page:"),
                Msg::NamedPageMissing {
                    field: "help: page:".to_string(),
                    page: help.page.clone(),
                },
            )
            .with_hint(missing_page_hint(
                &help.page,
                &keys.iter().copied().collect::<Vec<_>>(),
            )),
        );
    }
    let mut villages = Vec::new();
    for (rel, abs) in &village_files {
        let path = display_path(rel);
        let text = match std::fs::read_to_string(abs) {
            Ok(t) => t,
            Err(source) => {
                errors.push(Error::Read { path, source });
                continue;
            }
        };
        match village::parse(&path, rel, &text, &config, &keys) {
            Ok(v) if v.draft && !opts.drafts => {}
            Ok(v) => villages.push(v),
            Err(e) => errors.push(e),
        }
    }
    for v in &villages {
        if keys.contains(v.key.as_str()) {
            errors.push(Error::UrlCollision {
                url: format!("{}/", v.key),
                first: v.path.clone(),
                second: pages
                    .iter()
                    .find(|p| p.key == v.key)
                    .map(|p| p.path.clone())
                    .unwrap_or_default(),
            });
        }
    }
    for (lang, abs) in &i18n_overrides {
        if config.language(lang).is_none() {
            errors.push(
                Error::content(
                    display_path(&format!("i18n/{lang}.yaml")),
                    0,
                    Msg::LangNotConfigured { code: lang.clone() },
                )
                .with_hint(Msg::Configured {
                    list: config.language_codes().join(", "),
                }),
            );
            let _ = abs;
        }
    }
    let mut glossaries = Vec::new();
    for (lang, abs) in &glossary_files {
        let path = display_path(&format!("{}/{lang}.yaml", crate::content::glossary::SLUG));
        if config.language(lang).is_none() {
            errors.push(
                Error::content(path, 0, Msg::LangNotConfigured { code: lang.clone() }).with_hint(
                    Msg::NameAfterLanguage {
                        list: config.language_codes().join(", "),
                    },
                ),
            );
            continue;
        }
        match std::fs::read_to_string(abs) {
            Ok(text) => match crate::content::glossary::Glossary::parse(path, lang, &text) {
                Ok(g) => glossaries.push(g),
                Err(e) => errors.push(e),
            },
            Err(source) => errors.push(Error::Read { path, source }),
        }
    }
    Error::collect(errors)?;
    Ok(Site {
        config,
        pages,
        villages,
        assets,
        i18n_overrides,
        glossaries,
        draft_pages,
    })
}

/// A Markdown file's text as the parser should see it: without a byte order
/// mark, and with NUL characters replaced by U+FFFD as CommonMark asks (they
/// must never reach a page).
pub fn clean_text(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.contains('\0') {
        text.replace('\0', "\u{fffd}")
    } else {
        text
    }
}

/// `content/` + a content-relative path, for messages.
pub fn display_path(rel: &str) -> PathBuf {
    Path::new("content").join(rel)
}

fn discover(content: &Path) -> Result<Vec<SourceFile>> {
    if !content.is_dir() {
        return Err(Error::Read {
            path: content.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no content folder"),
        });
    }
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        let entry = entry.map_err(|e| Error::Read {
            path: e.path().unwrap_or(content).to_path_buf(),
            source: e.into(),
        })?;
        let mut target = None;
        if entry.file_type().is_symlink() {
            // A link is followed only to a file inside content/: a link out of
            // it could publish anything on the machine, and a broken or
            // looping link is a mistake to report, not to skip silently.
            let path = display_path(
                &entry
                    .path()
                    .strip_prefix(content)
                    .unwrap_or(entry.path())
                    .to_string_lossy(),
            );
            let inside = content
                .canonicalize()
                .unwrap_or_else(|_| content.to_path_buf());
            match entry.path().canonicalize() {
                Err(_) => {
                    return Err(Error::content(path, 0, Msg::LinkToNothing)
                        .with_hint(Msg::RemoveLinkOrReplace));
                }
                Ok(real) if !real.starts_with(&inside) => {
                    return Err(
                        Error::content(path, 0, Msg::LinkOutOfContent).with_hint(Msg::CopyInstead)
                    );
                }
                Ok(real) if real.is_file() => target = Some(real),
                Ok(_) => {
                    return Err(Error::content(path, 0, Msg::LinkToFolder)
                        .with_hint(Msg::MoveFolderInstead));
                }
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        let rel_path = entry
            .path()
            .strip_prefix(content)
            .expect("walkdir yields children of its root");
        let rel = rel_path
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let abs = target.unwrap_or_else(|| entry.path().to_path_buf());
        let name = entry.file_name().to_string_lossy();
        if name.ends_with('~') {
            continue;
        }
        let file = if rel == "site.yaml" {
            continue;
        } else if name.ends_with(".md") {
            SourceFile::Markdown { rel, abs }
        } else if let Some(lang) = rel
            .strip_prefix("i18n/")
            .and_then(|n| n.strip_suffix(".yaml"))
            .filter(|n| !n.contains('/'))
        {
            SourceFile::I18n {
                lang: lang.to_string(),
                abs,
            }
        } else if let Some(lang) = rel
            .strip_prefix(crate::content::glossary::SLUG)
            .and_then(|r| r.strip_prefix('/'))
            .and_then(|n| n.strip_suffix(".yaml"))
            .filter(|n| !n.contains('/'))
        {
            SourceFile::Glossary {
                lang: lang.to_string(),
                abs,
            }
        } else if rel.starts_with("desa/") && name.ends_with(".yaml") && !rel[5..].contains('/') {
            SourceFile::Village { rel, abs }
        } else {
            SourceFile::Asset(Asset { rel, source: abs })
        };
        out.push(file);
    }
    Ok(out)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Split a content-relative Markdown path into (key, lang, is_section).
pub fn identify(rel: &str, config: &Config) -> Result<(String, String, bool)> {
    let path = display_path(rel);
    let without_md = rel.strip_suffix(".md").unwrap_or(rel);
    let (dir, file) = without_md.rsplit_once('/').unwrap_or(("", without_md));
    let (stem, lang) = match file.rsplit_once('.') {
        Some((stem, code)) if config.language(code).is_some() => (stem, code.to_string()),
        Some((_, code))
            if (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase()) =>
        {
            return Err(Error::content(
                path,
                0,
                Msg::FileLangUnknown {
                    code: code.to_string(),
                },
            )
            .with_hint(Msg::NameFileLang {
                configured: config.language_codes().join(", "),
            }));
        }
        _ => (file, config.default_language.clone()),
    };
    if stem.is_empty() {
        return Err(Error::content(path, 0, Msg::NoSlug));
    }
    if stem == "_index" {
        Ok((dir.to_string(), lang, true))
    } else if dir.is_empty() {
        Ok((stem.to_string(), lang, false))
    } else {
        Ok((format!("{dir}/{stem}"), lang, false))
    }
}

/// Parse one Markdown file; `rel` is its path inside `content/`.
pub fn parse_page(rel: &str, text: &str, config: &Config) -> Result<Page> {
    let path = display_path(rel);
    let (key, lang, is_section) = identify(rel, config)?;
    let (front, split) = front_matter::parse(&path, text)?;
    if front.translation.is_some() && lang == config.default_language {
        return Err(Error::content(
            &path,
            crate::yaml::line_of(text, "translation:"),
            Msg::TranslationInDefault,
        )
        .with_hint(Msg::RemoveTranslationLine));
    }
    if !front.draft {
        // A published page must not carry what `lentera new` left to fill.
        Error::collect(crate::placeholder::errors(&path, text, true))?;
    }
    Error::collect(questions::errors(
        &path,
        &front.questions,
        split.yaml,
        split.yaml_line,
    ))?;
    let dir = rel.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    let key_lines = split
        .yaml
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with([' ', '\t', '-', '#']))
        .filter_map(|(i, l)| {
            let (k, _) = l.split_once(':')?;
            Some((k.trim().to_string(), split.yaml_line + i))
        })
        .collect();
    Ok(Page {
        key_lines,
        path,
        key,
        lang,
        is_section,
        dir,
        body: split.body.into(),
        body_line: split.body_line,
        front,
    })
}

/// The hint for a page named in front matter or site.yaml that does not
/// exist: the closest page key, else how to write one.
pub fn missing_page_hint(named: &str, keys: &[&str]) -> Msg {
    let keys: Vec<&str> = keys.iter().copied().filter(|k| !k.is_empty()).collect();
    match crate::yaml::closest(&front_matter::page_key(named), &keys) {
        Some(best) => Msg::DidYouMean {
            best: best.to_string(),
        },
        None => Msg::WritePageKey,
    }
}

/// `x.md` and `x.id.md` (default language) both present, or any other two
/// files that become the same page.
fn check_duplicates(pages: &[Page], config: &Config) -> Vec<Error> {
    let mut errors = Vec::new();
    for pair in pages.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.key == b.key && a.lang == b.lang {
            errors.push(Error::UrlCollision {
                url: format!("{}{}/", config.lang_prefix(&a.lang), a.key),
                first: a.path.clone(),
                second: b.path.clone(),
            });
        }
    }
    errors
}

#[cfg(test)]
mod tests;
