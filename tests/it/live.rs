//! Incremental `serve` (src/live.rs): on a copy of the real content, saves
//! that go through the quick path (only the pages they change are rendered
//! again) leave the server with exactly the files of a fresh full build of
//! the same tree: every path, every byte.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, mpsc};
use std::time::Duration;

use lentera_core::output::Contents;
use lentera_serve::{Report, ServeOptions, Server};

use crate::common::{TestSite, copy_dir, options, repo};

/// Long enough for a debug rebuild (with leaflets) on a busy machine.
const REBUILD_TIMEOUT: Duration = Duration::from_secs(300);

/// What a rebuild reported: Ok(incremental) or the error.
type Outcome = Result<bool, String>;

struct Live {
    site: TestSite,
    server: Server,
    reports: mpsc::Receiver<Outcome>,
}

impl Live {
    fn start() -> Live {
        let site = TestSite {
            dir: tempfile::tempdir().unwrap(),
        };
        for dir in ["content", "themes"] {
            copy_dir(&repo().join(dir), &site.root().join(dir));
        }
        let (tx, reports) = mpsc::channel();
        let tx = Mutex::new(tx);
        let server = Server::start_with(
            site.root(),
            ServeOptions {
                port: 0,
                build: options(false, false),
                ..Default::default()
            },
            Box::new(move |report| {
                let outcome = match report {
                    Report::Built { incremental, .. } => Ok(incremental),
                    Report::Failed { error, .. } => Err(error.to_string()),
                };
                let _ = tx.lock().unwrap().send(outcome);
            }),
        )
        .expect("the server starts");
        let live = Live {
            site,
            server,
            reports,
        };
        assert_eq!(live.next(), Ok(false), "the first build");
        live
    }

    fn next(&self) -> Outcome {
        self.reports
            .recv_timeout(REBUILD_TIMEOUT)
            .expect("a rebuild within the timeout")
    }

    /// Save `rel` with `text` and wait until the rebuilds it causes are
    /// over; returns the last one's outcome.
    fn save(&self, rel: &str, text: &str) -> Outcome {
        let path = self.site.root().join(rel);
        if path.exists() {
            self.site.write(rel, text);
        } else {
            // A new file appears whole (written beside the content and
            // moved in, as editors save): on a loaded machine the watcher
            // could otherwise read it empty and report that rebuild last.
            let staged = self.site.root().join("new-file.tmp");
            std::fs::write(&staged, text).unwrap();
            std::fs::rename(&staged, &path).unwrap();
        }
        let mut last = self.next();
        // An editor's save may arrive as two bursts: take every rebuild.
        while let Ok(more) = self.reports.recv_timeout(Duration::from_millis(1500)) {
            last = more;
        }
        last
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.site.root().join(rel)).unwrap()
    }

    /// Apply `edit` to the text of `rel` and save it.
    fn edit(&self, rel: &str, edit: impl Fn(&str) -> String) -> Outcome {
        let text = edit(&self.read(rel));
        assert_ne!(text, self.read(rel), "the edit of {rel} changes it");
        self.save(rel, &text)
    }

    /// The served files are those of a fresh full build of the tree.
    fn assert_as_full_build(&self, what: &str) {
        assert_same(&self.server.files(), &full_build(self.site.root()), what);
    }
}

/// `served` has the paths and bytes of `expected`.
fn assert_same(
    served: &BTreeMap<String, Vec<u8>>,
    expected: &BTreeMap<String, Vec<u8>>,
    what: &str,
) {
    let missing: Vec<&String> = expected
        .keys()
        .filter(|p| !served.contains_key(*p))
        .collect();
    let extra: Vec<&String> = served
        .keys()
        .filter(|p| !expected.contains_key(*p))
        .collect();
    let differ: Vec<&String> = expected
        .iter()
        .filter(|(p, bytes)| served.get(*p).is_some_and(|s| s != *bytes))
        .map(|(p, _)| p)
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty() && differ.is_empty(),
        "after {what}: served files differ from a full build: missing {missing:?}, extra {extra:?}, different {differ:?}"
    );
}

/// Every file of a fresh full build of `root`, by output path, with the
/// staff status page that `serve` always makes.
fn full_build(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut opts = options(false, false);
    opts.render.status_page = true;
    let build = lentera_core::build(root, &opts).expect("the tree builds");
    files_map(build.files)
}

/// Replace the first `from` in `text`.
fn replace(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} not in the text");
    text.replacen(from, to, 1)
}

#[test]
fn saves_through_the_quick_path_serve_what_a_full_build_makes() {
    let live = Live::start();
    live.assert_as_full_build("the first build");

    // A body change of a lesson.
    let body = live.edit("content/pelajaran/biaya.id.md", |t| {
        format!("{t}\n\nSatu paragraf baru untuk uji.\n")
    });
    assert_eq!(body, Ok(true), "a body change is incremental");
    live.assert_as_full_build("a body change");

    // A page that other languages fall back to: calo-paspor is written in
    // id, en and jv; ljp and su show the Indonesian text.
    assert!(
        !live
            .site
            .root()
            .join("content/modus/calo-paspor.ljp.md")
            .exists()
    );
    let fallback = live.edit("content/modus/calo-paspor.id.md", |t| {
        format!("{t}\n\nKalimat baru yang juga tampil di ljp dan su.\n")
    });
    assert_eq!(fallback, Ok(true));
    live.assert_as_full_build("a change of a page others fall back to");

    // A title change: the navigation and section lists of Indonesian change.
    let title = live.edit("content/modus/calo.id.md", |t| {
        let line = t
            .lines()
            .find(|l| l.starts_with("title:"))
            .expect("a title line");
        replace(t, line, "title: Calo yang menjerat (judul baru)")
    });
    assert_eq!(title, Ok(true));
    live.assert_as_full_build("a title change");

    // A page others link to, with an anchor: a lesson gets a link to a
    // heading of jika-terjebak, then jika-terjebak renames that heading
    // (an error, as in a full build), then gets it back.
    let target = "content/waspada/jika-terjebak.id.md";
    let linked = live.edit(target, |t| {
        format!("{t}\n\n## Bagian uji tautan\n\nTeks.\n")
    });
    assert_eq!(linked, Ok(true));
    let link = live.edit("content/pelajaran/biaya.id.md", |t| {
        format!("{t}\n\nLihat [bagian uji](../waspada/jika-terjebak.md#bagian-uji-tautan).\n")
    });
    assert_eq!(link, Ok(true));
    live.assert_as_full_build("a new link to an anchor");
    let before = live.server.files();
    let broken = live.edit(target, |t| {
        replace(t, "## Bagian uji tautan", "## Bagian lain")
    });
    let error = broken.expect_err("a link to a heading that is gone is an error");
    assert!(error.contains("bagian-uji-tautan"), "{error}");
    assert!(
        lentera_core::build(live.site.root(), &options(false, false)).is_err(),
        "a full build fails too"
    );
    assert_eq!(
        live.server.files(),
        before,
        "the last good files are still served"
    );
    let fixed = live.edit(target, |t| {
        replace(t, "## Bagian lain", "## Bagian uji tautan")
    });
    assert_eq!(fixed, Ok(true), "the fix is incremental too");
    live.assert_as_full_build("a page others link to, broken and fixed");

    // A page that does not parse, then fixed: the last good files stay,
    // and the fix goes through the quick path.
    let good = live.read("content/pelajaran/biaya.id.md");
    let bad = live.save("content/pelajaran/biaya.id.md", "---\ntitle: [\n---\nx\n");
    assert!(bad.is_err(), "{bad:?}");
    let again = live.save("content/pelajaran/biaya.id.md", &format!("{good}\nLagi.\n"));
    assert_eq!(again, Ok(true));
    live.assert_as_full_build("a broken save, then a good one");

    // Not handled incrementally: a new page is a full build, still right.
    let new = live.save(
        "content/pelajaran/baru.id.md",
        "---\ntitle: Halaman baru\nsummary: Baru.\nkind: info\n---\nIsi.\n",
    );
    assert_eq!(new, Ok(false));
    live.assert_as_full_build("a new page");
    let after_full = live.edit("content/pelajaran/baru.id.md", |t| format!("{t}\nLagi.\n"));
    assert_eq!(after_full, Ok(true), "the model is kept after a full build");
    live.assert_as_full_build("a change after a full build");
}

fn files_map(files: Vec<lentera_core::output::OutputFile>) -> BTreeMap<String, Vec<u8>> {
    files
        .into_iter()
        .map(|f| {
            let bytes = match f.contents {
                Contents::Bytes(b) => b,
                Contents::Copy(p) | Contents::Staged { path: p, .. } => std::fs::read(p).unwrap(),
            };
            (f.path, bytes)
        })
        .collect()
}

/// The engine without the server: the pages of the quick half are final
/// (only a home page, which shows the one-file edition's size, may change
/// in the second half, with the files made from every page: search index,
/// one-file editions, topic and status pages, sitemap), and both halves
/// together give the full build.
#[test]
fn the_quick_half_makes_final_pages() {
    let site = TestSite {
        dir: tempfile::tempdir().unwrap(),
    };
    for dir in ["content", "themes"] {
        copy_dir(&repo().join(dir), &site.root().join(dir));
    }
    // As `serve` runs it: with the staff status page.
    let mut opts = options(false, false);
    opts.render.status_page = true;
    let mut live = lentera_serve::live::Live::new(site.root(), &opts);
    let (first, files) = live.full().expect("the first build");
    let homes: std::collections::BTreeSet<String> = first
        .site
        .config
        .languages
        .iter()
        .map(|l| format!("{}index.html", first.site.config.lang_prefix(&l.code)))
        .collect();
    let mut served = files_map(files);
    for (rel, marker) in [
        ("content/modus/calo-paspor.id.md", "\nSatu kalimat.\n"),
        ("content/_index.id.md", "\nDi beranda.\n"),
    ] {
        let path = site.root().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{text}{marker}")).unwrap();
        let quick = live
            .update(std::slice::from_ref(&path))
            .expect("the page builds")
            .expect("a page save is incremental");
        assert!(!quick.is_empty());
        let quick = files_map(quick);
        served.extend(quick.clone());
        let half = live.second_half().expect("a model to finish from");
        let finished = half.run().expect("the rest builds");
        let full = files_map(live.accept(finished).expect("nothing changed since").1);
        let changed_later: Vec<&String> = full
            .iter()
            .filter(|(p, b)| p.ends_with("index.html") && served.get(*p).is_some_and(|s| s != *b))
            .map(|(p, _)| p)
            .filter(|p| !homes.contains(*p))
            .collect();
        assert!(changed_later.is_empty(), "after {rel}: {changed_later:?}");
        assert_same(&full, &full_build(site.root()), rel);
        served = full;
    }
}

/// See: #27. A changed `next:` changes two other pages (the old and the new
/// next step, whose "previous" links follow); serve renders them as a full
/// build would.
#[test]
fn a_changed_next_step_reaches_the_pages_it_leads_to() {
    let live = Live::start();
    let saved = live.edit("content/pelajaran/hak.id.md", |t| {
        replace(t, "next: pelajaran/kontrak-kerja", "next: pelajaran/pulang")
    });
    assert_eq!(saved, Ok(true), "a next change is incremental");
    live.assert_as_full_build("a changed next step");
    let back = live.edit("content/pelajaran/hak.id.md", |t| {
        replace(t, "next: pelajaran/pulang", "next: pelajaran/tidak-ada")
    });
    let error = back.expect_err("a next step that is not a page is an error");
    assert!(error.contains("pelajaran/tidak-ada"), "{error}");
}
