//! Page bodies that a build lets go of once they are parsed, and reads
//! again from their files when it renders them (see
//! [`Library::release_bodies`]).

use std::sync::Arc;

use super::Library;

/// Page bodies a build no longer holds (see [`Library::release_bodies`]):
/// what reading one again must find.
#[derive(Debug, Clone)]
pub(super) struct Released {
    /// The project root (page paths are relative to it).
    pub(super) root: std::path::PathBuf,
    /// By position in `site.pages`: the length and hash of the body, if
    /// released.
    pub(super) bodies: Vec<Option<(usize, u64)>>,
}

impl Library {
    /// Let go of the text of every page that [`Library::parse_pages`]
    /// parsed without a skeleton, or left to be parsed when it is rendered
    /// (each is rendered once, from its text):
    /// [`Library::render_body`] reads it again from the page's file under
    /// `root` when the page is rendered, and refuses it if the file changed
    /// since it was loaded. For a build that writes pages as they are made
    /// (`lentera build`), so that it does not hold every page's Markdown
    /// while it renders: 200 MB of a 30,000-page site (BENCHMARKS.md).
    /// Whatever needs a page's text after this must have taken it from its
    /// parse (the search analysis, the glossary's findings).
    pub fn release_bodies(&mut self, root: &std::path::Path) {
        use rayon::prelude::*;
        let bodies = self
            .site
            .pages
            .par_iter_mut()
            .enumerate()
            .map(|(i, page)| {
                // A page parsed without a skeleton, or left to be parsed
                // when it is rendered.
                let slot = self.parsed.get(i)?;
                match slot.get() {
                    Some(parsed) if parsed.has_skeleton() => return None,
                    None if self.at_render.is_none() => return None,
                    _ => {}
                }
                if page.body.is_empty() {
                    return None;
                }
                let kept = (
                    page.body.len(),
                    crate::output::hash_bytes(page.body.as_bytes()),
                );
                page.body = Arc::from("");
                Some(kept)
            })
            .collect();
        self.released = Some(Released {
            root: root.to_path_buf(),
            bodies,
        });
    }

    /// The length and hash of the page's body, if it was released.
    pub(super) fn released_body(&self, index: usize) -> Option<(usize, u64)> {
        self.released.as_ref()?.bodies.get(index).copied().flatten()
    }

    /// The released body of the page at `index`, read again from its file:
    /// the end of the file's text, as [`crate::content::load`] read it, of
    /// the length and hash it had then.
    pub(super) fn read_body(&self, index: usize) -> crate::error::Result<String> {
        use crate::error::Error;
        let page = &self.site.pages[index];
        let (len, hash) = self
            .released_body(index)
            .expect("only a released body is read again");
        let root = &self.released.as_ref().expect("released").root;
        let text =
            std::fs::read_to_string(root.join(&page.path)).map_err(|source| Error::Read {
                path: page.path.clone(),
                source,
            })?;
        let mut text = crate::content::clean_text(text);
        let start = text
            .len()
            .checked_sub(len)
            .filter(|&at| text.is_char_boundary(at))
            .filter(|&at| crate::output::hash_bytes(&text.as_bytes()[at..]) == hash);
        let Some(start) = start else {
            return Err(Error::content(
                &page.path,
                0,
                lentera_messages::Msg::PageChangedWhileBuilding,
            )
            .with_hint(lentera_messages::Msg::BuildAgain));
        };
        text.drain(..start);
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use crate::error::Error;
    use crate::library::{TestEnv, test_library, write_content};
    use lentera_messages::Msg;

    /// A build that renders each page once parses each page's Markdown
    /// once: a page shown in one language when its body is rendered (read
    /// again from its file once released), a one-file lesson into a
    /// skeleton its page fills in again, a page other languages fall back
    /// to into a skeleton before rendering. Each body and analysis is the
    /// one a separate parse and render makes.
    #[test]
    fn a_build_that_renders_each_page_once_parses_each_text_once() {
        use crate::markdown::PARSES;
        let dir = tempfile::tempdir().unwrap();
        let files = [
            (
                "a.id.md",
                "---\ntitle: A\n---\nSatu *dua* [b](b.md), PMI.\n",
            ),
            ("a.jv.md", "---\ntitle: A\n---\nSiji [b](b.md) loro.\n"),
            (
                "b.id.md",
                "---\ntitle: B\n---\n## Empat\n\nLima [a](a.md).\n",
            ),
        ];
        write_content(dir.path(), &files);
        let yaml = "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: I}\n  - {code: jv, name: J}\n";
        let envs = TestEnv::new(&test_library(yaml, &files).config, &["a", "b"]);
        let (id, jv) = (envs.env("id"), envs.env("jv"));
        // What a separate parse and render of each page make.
        let plain = test_library(yaml, &files);
        let expected: Vec<_> = [(0, &id), (1, &jv), (2, &id), (2, &jv)]
            .into_iter()
            .map(|(i, env)| crate::markdown::render(&plain.pages[i], env).html)
            .collect();
        let analyses: Vec<_> = (0..3).map(|i| plain.parsed(i).analysis.clone()).collect();

        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        pool.install(|| {
            let parses = || PARSES.with(std::cell::Cell::get);
            let mut lib = test_library(yaml, &files);
            let start = parses();
            lib.parse_pages_at_render(None);
            // Only `b`, which the Javanese pages fall back to, is parsed.
            assert_eq!(parses() - start, 1);
            assert!(lib.parsed[2].get().unwrap().has_skeleton());
            assert!(lib.parsed[0].get().is_none() && lib.parsed[1].get().is_none());
            // A one-file edition's lesson: parsed into a skeleton, kept.
            assert_eq!(lib.render_body_shared(1, &jv).html, expected[1]);
            assert_eq!(parses() - start, 2);
            lib.release_bodies(dir.path());
            assert!(
                lib.released_body(0).is_some(),
                "a page not parsed yet is released"
            );
            assert!(lib.released_body(1).is_none() && lib.released_body(2).is_none());
            let rendered = [(0, &id), (1, &jv), (2, &id), (2, &jv)]
                .map(|(i, env)| lib.render_body(i, env).html);
            assert_eq!(rendered.to_vec(), expected);
            // `a.id.md`, read again from its file and parsed with its render.
            assert_eq!(parses() - start, 3);
            for (i, analysis) in analyses.iter().enumerate() {
                assert_eq!(&lib.parsed(i).analysis, analysis, "page {i}");
            }
            assert_eq!(parses() - start, 3, "the parses made are kept");
        });
    }

    /// A released body renders as before, read again from its file, and a
    /// file changed or gone since it was loaded is an error naming it.
    #[test]
    fn a_released_body_is_read_again_and_refused_once_its_file_changed() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            (
                "a.md",
                "\u{feff}---\ntitle: A\n---\nSatu *dua* [b](b.md).\n",
            ),
            ("b.md", "---\ntitle: B\n---\n## Empat\n\nLima, é.\n"),
            ("c.md", "---\ntitle: C\n---\n"),
        ];
        write_content(dir.path(), &files);
        let mut lib = test_library(
            "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: I}\n",
            &files,
        );
        lib.parse_pages(None);
        let envs = TestEnv::new(&lib.config, &["a", "b", "c"]);
        let env = envs.env("id");
        let html = |lib: &crate::library::Library| {
            (0..3)
                .map(|i| lib.render_body(i, &env).html)
                .collect::<Vec<_>>()
        };
        let before = html(&lib);
        let bodies: Vec<String> = lib.pages.iter().map(|p| p.body.to_string()).collect();
        assert!(before[0].contains("<em>dua</em>") && before[1].contains("Lima"));
        lib.release_bodies(dir.path());
        assert!(lib.pages.iter().all(|p| p.body.is_empty()));
        assert_eq!(lib.released_body(2), None, "an empty body is not released");
        assert_eq!(html(&lib), before);
        assert_eq!(lib.read_body(1).unwrap(), bodies[1]);

        // The same length, another text: refused.
        let a = dir.path().join("content/a.md");
        std::fs::write(&a, files[0].1.replace("dua", "tga")).unwrap();
        let changed = lib.render_body(0, &env);
        assert!(changed.html.is_empty());
        match &changed.errors[..] {
            [Error::Content { path, message, .. }] => {
                assert_eq!(path, std::path::Path::new("content/a.md"));
                assert_eq!(*message, Msg::PageChangedWhileBuilding);
            }
            other => panic!("{other:?}"),
        }
        // Shorter than the body was: refused, not cut.
        std::fs::write(&a, "x").unwrap();
        assert!(matches!(
            &lib.render_body(0, &env).errors[..],
            [Error::Content { .. }]
        ));
        // Gone: the read error names the file.
        std::fs::remove_file(dir.path().join("content/b.md")).unwrap();
        assert!(matches!(
            &lib.render_body(1, &env).errors[..],
            [Error::Read { path, .. }] if path == std::path::Path::new("content/b.md")
        ));
    }
}
