//! Links and images in Markdown resolved for the reader's language: links to
//! `.md` files become links to their pages (or are reported broken, with a
//! hint), links to anchors are kept for the check once every page is
//! rendered, and images are rebased onto the page's folder.

use std::fmt::Write as _;

use super::{AnchorRef, LinkEnv, Rendered};
use crate::content::Page;
use crate::error::Error;
use crate::urls::page_path;
use lentera_messages::Msg;

pub(super) fn is_external(dest: &str) -> bool {
    dest.starts_with("//")
        || dest.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// Resolve `dest` against `dir` (both content-relative); `/x` starts at the
/// content root. `None` if it climbs out of `content/`.
pub(super) fn resolve_path(dir: &str, dest: &str) -> Option<String> {
    let mut parts: Vec<&str> = if dest.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for part in dest.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

pub(super) fn rewrite_link(
    page: &Page,
    env: &LinkEnv,
    dest: &str,
    line: usize,
    out: &mut Rendered,
) -> Option<String> {
    if is_external(dest) {
        return None;
    }
    if let Some(anchor) = dest.strip_prefix('#') {
        out.anchor_refs.push(AnchorRef {
            key: page.key.clone(),
            anchor: anchor.to_string(),
            line,
        });
        return None;
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    let key = if path.ends_with(".md") {
        let Some(resolved) = resolve_path(&page.dir, path) else {
            out.errors.push(Error::content(
                &page.path,
                line,
                Msg::LinkOutsideContent {
                    link: dest.to_string(),
                },
            ));
            return None;
        };
        match crate::content::identify(&resolved, env.config) {
            Ok((key, _, _)) => key,
            Err(_) => {
                out.errors.push(Error::content(
                    &page.path,
                    line,
                    Msg::LinkLangUnknown {
                        link: dest.to_string(),
                    },
                ));
                return None;
            }
        }
    } else if path.ends_with('/') {
        // A link to a page's URL (`../calo/`), relative to this page's own
        // URL folder: checked and moved into the reader's language like a
        // link to the Markdown file.
        let own = if page.key.is_empty() || path.starts_with('/') {
            String::new()
        } else {
            format!("{}/", page.key)
        };
        match resolve_path(&own, path) {
            Some(key) => key,
            None => {
                out.errors.push(Error::content(
                    &page.path,
                    line,
                    Msg::LinkOutsideSite {
                        link: dest.to_string(),
                    },
                ));
                return None;
            }
        }
    } else {
        return rewrite_asset(page, env, dest, line, out);
    };
    if !env.page_keys.contains(&key) {
        let keys: Vec<&str> = env.page_keys.iter().map(String::as_str).collect();
        let hint = match crate::yaml::closest(&key, &keys) {
            Some(best) => Msg::DidYouMeanPage {
                key: best.to_string(),
            },
            None => Msg::LinksAreRelative,
        };
        out.errors.push(
            Error::content(
                &page.path,
                line,
                Msg::LinkMissing {
                    link: dest.to_string(),
                },
            )
            .with_hint(hint),
        );
        return None;
    }
    let mut url = format!(
        "{}{}",
        env.root,
        page_path(env.config, &key, env.lang, env.portable)
    );
    if let Some(anchor) = anchor {
        out.anchor_refs.push(AnchorRef {
            key,
            anchor: anchor.to_string(),
            line,
        });
        let _ = write!(url, "#{anchor}");
    }
    Some(url)
}

pub(super) fn rewrite_asset(
    page: &Page,
    env: &LinkEnv,
    dest: &str,
    line: usize,
    out: &mut Rendered,
) -> Option<String> {
    if is_external(dest) || dest.starts_with('#') {
        return None;
    }
    let path = dest.split(['#', '?']).next().unwrap_or(dest);
    let suffix = &dest[path.len()..];
    match resolve_path(&page.dir, path) {
        Some(resolved) if env.assets.contains(&resolved) => {
            Some(format!("{}{resolved}{suffix}", env.root))
        }
        _ => {
            let error = match page_file_of_web_link(page, env, path) {
                // `/waspada/tanda-bahaya`: a page's web address, not a file.
                Some(file) => Error::content(
                    &page.path,
                    line,
                    Msg::WebStyleLink {
                        link: dest.to_string(),
                    },
                )
                .with_hint(Msg::LinkTheFile {
                    fixed: format!("{file}{suffix}"),
                }),
                None => Error::content(
                    &page.path,
                    line,
                    Msg::FileMissing {
                        name: dest.to_string(),
                    },
                )
                .with_hint(Msg::PutFileNextToPage),
            };
            out.errors.push(error);
            None
        }
    }
}

/// For a link written as a page's web address (`/waspada/tanda-bahaya`,
/// `../tanda-bahaya`, `tanda-bahaya.html`), the Markdown file to link
/// instead, relative to `page`'s folder (`../waspada/tanda-bahaya.md`).
pub(super) fn page_file_of_web_link(page: &Page, env: &LinkEnv, path: &str) -> Option<String> {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let path = path.strip_suffix(".html").unwrap_or(path);
    let own = if page.key.is_empty() || path.starts_with('/') {
        String::new()
    } else {
        format!("{}/", page.key)
    };
    let key = [resolve_path(&own, path), resolve_path(&page.dir, path)]
        .into_iter()
        .flatten()
        .map(|k| k.trim_end_matches('/').to_string())
        .find(|k| !k.is_empty() && env.page_keys.contains(k))?;
    let prefix = format!("{key}/");
    let is_section = env.page_keys.iter().any(|k| k.starts_with(&prefix));
    let file = if is_section {
        format!("{key}/_index.md")
    } else {
        format!("{key}.md")
    };
    Some(relative_file(&page.dir, &file))
}

/// The path of `file` (content-relative) as written in a page in `dir`.
pub(super) fn relative_file(dir: &str, file: &str) -> String {
    let from: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = file.split('/').collect();
    let common = from
        .iter()
        .zip(&to[..to.len() - 1])
        .take_while(|(a, b)| a == b)
        .count();
    format!(
        "{}{}",
        "../".repeat(from.len() - common),
        to[common..].join("/")
    )
}
