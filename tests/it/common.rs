use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use lentera_core::{Build, BuildOptions, config::Date, render::RenderOptions};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture site copied into a temporary folder, with the real default theme
/// unless the fixture brings its own.
pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    pub fn fixture(name: &str) -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
        if !dir.path().join("themes").exists() {
            copy_dir(
                &repo().join("themes/default"),
                &dir.path().join("themes/default"),
            );
        }
        TestSite { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    pub fn build_with(&self, opts: BuildOptions) -> lentera_core::Result<Build> {
        lentera_core::build(self.root(), &opts)
    }

    pub fn build(&self) -> lentera_core::Result<Build> {
        self.build_with(options(false, false))
    }

    /// Run the `lentera` binary in this site's folder, with English messages.
    pub fn lentera(&self, args: &[&str]) -> std::process::Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_lentera"))
            .args(args)
            .env("LENTERA_LANG", "en")
            .current_dir(self.root())
            .output()
            .unwrap()
    }
}

pub fn options(portable: bool, no_minify: bool) -> BuildOptions {
    BuildOptions {
        drafts: false,
        stale_after_days: None,
        base_url: None,
        render: RenderOptions {
            portable,
            no_minify,
            build_date: Date::parse("2026-11-28"),
            ..Default::default()
        },
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub fn html<'a>(build: &'a Build, path: &str) -> &'a str {
    build
        .file(path)
        .unwrap_or_else(|| panic!("{path} was not built"))
        .text()
        .expect("HTML is text")
}

/// Values of `href` and `src` attributes, quoted or not (minified HTML).
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [" href=", " src="] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                _ => rest.split([' ', '>']).next().unwrap_or(""),
            };
            out.push(value.replace("&amp;", "&"));
        }
    }
    out
}

pub fn is_internal(link: &str) -> bool {
    !(link.starts_with('#') || link.contains(':') || link.starts_with("//"))
}

/// Every internal link of every HTML page resolves to a built file (the
/// way a browser resolves it from file:// or under any path prefix).
/// Returns the broken ones as "page -> link".
pub fn broken_links(build: &Build) -> Vec<String> {
    let paths: BTreeSet<&str> = build.files.iter().map(|f| f.path.as_str()).collect();
    let mut broken = Vec::new();
    for file in build
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html") && f.path != "404.html")
    {
        let dir = file.path.rsplit_once('/').map_or("", |(d, _)| d);
        let bytes = file.read().unwrap();
        for link in links(std::str::from_utf8(&bytes).unwrap())
            .into_iter()
            .filter(|l| is_internal(l))
        {
            let path = link.split(['#', '?']).next().unwrap();
            let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
            let mut escaped = false;
            for p in path.split('/') {
                match p {
                    "" | "." => {}
                    ".." => escaped |= parts.pop().is_none(),
                    p => parts.push(p),
                }
            }
            let mut target = parts.join("/");
            if path.is_empty() || path.ends_with('/') || path == "." {
                if !target.is_empty() {
                    target.push('/');
                }
                target.push_str("index.html");
            }
            if escaped || !paths.contains(target.as_str()) {
                broken.push(format!("{} -> {link}", file.path));
            }
        }
    }
    broken
}

/// What a child process printed, stdout then stderr.
pub fn printed(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Whether the PDF tools are installed (poppler-utils: pdfinfo, pdftotext,
/// pdffonts, pdftoppm; zbar-tools: zbarimg). A test that needs them returns
/// early without them, except under CI=true, where this fails.
#[cfg(feature = "leaflets")]
pub fn pdf_tools_ready() -> bool {
    let ok = ["pdfinfo", "pdftotext", "pdffonts", "pdftoppm", "zbarimg"]
        .iter()
        .all(|t| std::process::Command::new(t).arg("-v").output().is_ok());
    if !ok {
        assert!(
            std::env::var("CI").is_err(),
            "CI must install poppler-utils and zbar-tools"
        );
        eprintln!("skipped: install poppler-utils and zbar-tools for the PDF checks");
    }
    ok
}

/// The standard output of `cmd args`, which must succeed.
#[cfg(feature = "leaflets")]
pub fn run_tool(cmd: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(cmd).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The bytes of the built file at `path` (a PDF), wherever the build keeps
/// them.
#[cfg(feature = "leaflets")]
pub fn pdf_bytes(build: &Build, path: &str) -> Vec<u8> {
    use lentera_core::output::Contents;
    match &build
        .file(path)
        .unwrap_or_else(|| panic!("{path} not built"))
        .contents
    {
        Contents::Bytes(b) => b.clone(),
        Contents::Copy(p) | Contents::Staged { path: p, .. } => std::fs::read(p).unwrap(),
    }
}
