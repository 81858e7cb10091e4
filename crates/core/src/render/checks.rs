//! Checks over the rendered pages: links to anchors that no page has, and
//! template errors merged so that one broken template is reported once.

use super::*;

/// Errors for links to anchors that the target page (in the link's
/// language) does not define; `anchors` gives a page's anchors.
pub(super) fn check_anchors<'a>(
    refs: impl Iterator<Item = (std::path::PathBuf, String, markdown::AnchorRef)>,
    anchors: impl Fn(&str, &str) -> Option<&'a BTreeSet<String>>,
) -> Vec<Error> {
    let mut errors = Vec::new();
    let mut reported = BTreeSet::new();
    for (path, lang, r) in refs {
        let known = anchors(&r.key, &lang);
        if !known.is_some_and(|a| a.contains(&r.anchor))
            && reported.insert((path.clone(), r.line, r.anchor.clone()))
        {
            let mut err = Error::content(
                &path,
                r.line,
                Msg::AnchorMissing {
                    anchor: r.anchor.clone(),
                    lang: lang.clone(),
                },
            );
            if let Some(known) = known {
                let ids: Vec<&str> = known.iter().map(String::as_str).collect();
                if let Some(best) = crate::yaml::closest(&r.anchor, &ids) {
                    err = err.with_hint(Msg::DidYouMeanAnchor {
                        best: best.to_string(),
                    });
                } else if !ids.is_empty() {
                    err = err.with_hint(Msg::HeadingsThere {
                        list: ids
                            .iter()
                            .map(|i| format!("#{i}"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    });
                }
            }
            errors.push(err);
        }
    }
    errors
}

/// The first position of `needle` in `haystack`.
pub(super) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// Sort errors, drop exact repeats, and report a template error that every
/// page hits once, with the number of other pages it also broke.
pub(super) fn merge_template_errors(mut errors: Vec<Error>) -> Vec<Error> {
    errors.sort_by_key(|e| e.to_string());
    errors.dedup_by(|a, b| a.to_string() == b.to_string());
    let mut out: Vec<Error> = Vec::new();
    let mut repeats: BTreeMap<(String, usize, usize, String), (usize, usize)> = BTreeMap::new();
    for err in errors {
        if let Error::Template {
            template,
            line,
            column,
            detail,
            ..
        } = &err
        {
            let key = (template.clone(), *line, *column, detail.clone());
            if let Some((_, n)) = repeats.get_mut(&key) {
                *n += 1;
                continue;
            }
            repeats.insert(key, (out.len(), 0));
        }
        out.push(err);
    }
    for (index, n) in repeats.into_values() {
        if let Error::Template { page, .. } = &mut out[index]
            && n > 0
            && let Msg::WhileRendering { page: name } = page
        {
            *page = Msg::WhileRenderingAndOthers {
                page: name.clone(),
                others: n,
            };
        }
    }
    out
}
