//! The floor benchmark: `floor CONTENT OUT` renders every Markdown file under
//! CONTENT to OUT/<relative path without .md>/index.html, in parallel.
//!
//! It does only what every generator must do: read the file, skip a YAML
//! front matter block (`---` ... `---`) so that the body is what gets
//! rendered, render the body with pulldown-cmark (the same extensions lentera
//! enables) and write the HTML. No templates, no search index, no
//! minification, no links between pages.

use pulldown_cmark::{html, Options, Parser};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: floor CONTENT OUT");
        return ExitCode::from(2);
    }
    let content = PathBuf::from(&args[1]);
    let out = PathBuf::from(&args[2]);
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&content) {
        match entry {
            Ok(e) if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md") => {
                files.push(e.into_path())
            }
            Ok(_) => {}
            Err(e) => {
                eprintln!("floor: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let failures: Vec<String> = files
        .par_iter()
        .filter_map(|path| render(&content, &out, path).err())
        .collect();
    for f in &failures {
        eprintln!("floor: {f}");
    }
    eprintln!("floor: {} pages", files.len() - failures.len());
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Renders one Markdown file to its index.html under `out`.
fn render(content: &Path, out: &Path, path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let body = strip_front_matter(&text);
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    opts.insert(Options::ENABLE_GFM);
    let mut html_out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut html_out, Parser::new_ext(body, opts));
    let rel = path
        .strip_prefix(content)
        .unwrap_or(path)
        .with_extension("");
    let dir = out.join(rel);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let target = dir.join("index.html");
    std::fs::write(&target, html_out).map_err(|e| format!("{}: {e}", target.display()))
}

/// The body after a YAML front matter block: the text after the closing
/// `---` line when the file starts with a `---` line, else the whole text.
fn strip_front_matter(text: &str) -> &str {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return text;
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" {
            return &rest[offset..];
        }
    }
    text
}
