//! Tera 2 templates: the theme's `templates/`, overridden file by file by the
//! site's own `templates/`, plus the `t()` function for interface strings.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use tera::{Context, Kwargs, State, Tera};

use crate::error::{Error, Result};
use crate::i18n::Strings;
use lentera_messages::Msg;

/// Compiled templates, ready to render pages in parallel.
pub struct Templates {
    tera: Tera,
    /// Where each template was read from, relative to the project.
    origins: BTreeMap<String, std::path::PathBuf>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates").finish_non_exhaustive()
    }
}

impl Templates {
    /// Load `theme_dir/templates/**` and `site_dir/**` (the site wins).
    pub fn load(theme_dir: &Path, site_dir: &Path, strings: Arc<Strings>) -> Result<Templates> {
        let mut sources: BTreeMap<String, String> = BTreeMap::new();
        let mut origins = BTreeMap::new();
        let root = site_dir.parent().unwrap_or(site_dir);
        for dir in [theme_dir.join("templates"), site_dir.to_path_buf()] {
            if !dir.is_dir() {
                continue;
            }
            for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                let entry = entry.map_err(|e| Error::Read {
                    path: e.path().unwrap_or(&dir).to_path_buf(),
                    source: e.into(),
                })?;
                if !entry.file_type().is_file()
                    || entry.file_name().to_string_lossy().starts_with('.')
                {
                    continue;
                }
                let name = entry
                    .path()
                    .strip_prefix(&dir)
                    .expect("walkdir yields children of its root")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                let mut text =
                    std::fs::read_to_string(entry.path()).map_err(|source| Error::Read {
                        path: entry.path().to_path_buf(),
                        source,
                    })?;
                if name.ends_with(".css") {
                    // Stylesheets are included inline in every page: minify
                    // them once here rather than in every page.
                    text = crate::output::minify_css(&text);
                }
                let origin = entry.path().strip_prefix(root).unwrap_or(entry.path());
                origins.insert(name.clone(), origin.to_path_buf());
                sources.insert(name, text);
            }
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml", ".svg"]);
        tera.register_function(
            "t",
            move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
                let key: String = kwargs.must_get("key")?;
                let lang: String = state.get("lang_code")?.unwrap_or_default();
                Ok(strings.get(&lang, &key))
            },
        );
        tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|e| locate(convert(&e, Msg::WhileLoadingTemplates), &origins))?;
        Ok(Templates { tera, origins })
    }

    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Render `template` for the page named `page` (used in messages).
    pub fn render(&self, template: &str, ctx: &Context, page: &str) -> Result<String> {
        self.tera.render(template, ctx).map_err(|e| {
            let page = Msg::WhileRendering {
                page: page.to_string(),
            };
            locate(convert(&e, page), &self.origins)
        })
    }
}

/// Name the file a template error is in (the theme's or the site's).
fn locate(mut err: Error, origins: &BTreeMap<String, std::path::PathBuf>) -> Error {
    if let Error::Template { template, file, .. } = &mut err
        && let Some(origin) = origins.get(template.as_str())
    {
        *file = origin.clone();
    }
    err
}

/// Turn a Tera error into ours, keeping the template name, line and column.
fn convert(err: &tera::Error, page: Msg) -> Error {
    use tera::ErrorKind;
    match err.kind() {
        ErrorKind::SyntaxError(report) => Error::Template {
            template: report.filename().to_string(),
            line: report.span().start_line,
            column: report.span().start_col + 1,
            message: Msg::TemplateSyntax,
            detail: report.message().to_string(),
            page,
            file: Default::default(),
        },
        ErrorKind::RenderingError(report) => Error::Template {
            template: report.filename().to_string(),
            line: report.span().start_line,
            column: report.span().start_col + 1,
            message: Msg::TemplateFailed,
            detail: report.message().to_string(),
            page,
            file: Default::default(),
        },
        ErrorKind::TemplateNotFound(name) => Error::Template {
            template: name.clone(),
            line: 0,
            column: 0,
            message: Msg::TemplateNotFound { name: name.clone() },
            detail: String::new(),
            page,
            file: Default::default(),
        },
        other => {
            // Several syntax errors come as one message of reports, each with
            // a ` --> NAME:LINE:COLUMN` line; point at the first.
            let text = other.to_string();
            let location = text
                .lines()
                .find_map(|l| l.trim().strip_prefix("--> "))
                .and_then(|loc| {
                    let mut parts = loc.rsplitn(3, ':');
                    let column = parts.next()?.trim().parse().ok()?;
                    let line = parts.next()?.trim().parse().ok()?;
                    Some((parts.next()?.to_string(), line, column))
                });
            let (template, line, column) = location.unwrap_or_default();
            let message = text.lines().next().unwrap_or_default();
            Error::Template {
                template,
                line,
                column,
                message: Msg::TemplateSyntax,
                detail: message.trim_start_matches("error: ").to_string(),
                page,
                file: Default::default(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn templates(files: &[(&str, &str)]) -> Result<Templates> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("theme/templates")).unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join("theme/templates").join(name), text).unwrap();
        }
        Templates::load(
            &dir.path().join("theme"),
            &dir.path().join("site"),
            Arc::new(Strings::default()),
        )
    }

    #[test]
    fn syntax_errors_name_template_line_and_column() {
        let err = templates(&[("page.html", "ok\n{{ page.title \n")]).unwrap_err();
        match err {
            Error::Template { template, line, .. } => {
                assert_eq!(template, "page.html");
                assert_eq!(line, 2);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn render_errors_name_the_page() {
        let t = templates(&[("page.html", "a\nb {{ missing.field }}\n")]).unwrap();
        let err = t
            .render("page.html", &Context::new(), "content/x.md")
            .unwrap_err();
        match err {
            Error::Template {
                template,
                line,
                page,
                ..
            } => {
                assert_eq!(template, "page.html");
                assert_eq!(line, 2);
                assert_eq!(
                    page,
                    Msg::WhileRendering {
                        page: "content/x.md".into()
                    }
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
