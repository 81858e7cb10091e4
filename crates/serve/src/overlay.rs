//! The error overlay's data: the errors of a failed build as JSON, each
//! with its place and its whole text as the terminal shows it, in the
//! staff's language. Pages carry it while the build is broken (see
//! [`crate::respond`]) and event streams send it after a failed rebuild.

use std::path::Path;

use serde::Serialize;

use lentera_core::error::Error;
use lentera_messages::{Lang, Say};

/// One error as the overlay shows it: where, and the whole text as the
/// terminal shows it (with the source line and caret), in the staff's language.
#[derive(Debug, Serialize)]
struct ErrorView {
    code: &'static str,
    file: String,
    line: usize,
    column: usize,
    text: String,
}

#[derive(Debug, Serialize)]
struct ErrorReport {
    title: String,
    close: String,
    errors: Vec<ErrorView>,
}

/// The errors of a failed build as JSON, for the overlay.
pub(crate) fn error_json(err: &Error, root: &Path, lang: Lang) -> String {
    let style = lentera_core::report::Style::plain(lang);
    let report = ErrorReport {
        title: Say::OverlayTitle.text(lang),
        close: Say::OverlayClose.text(lang),
        errors: lentera_core::diagnostic::capped(&err.diagnostics())
            .iter()
            .map(|d| ErrorView {
                code: d.message.code(),
                file: d.file.display().to_string(),
                line: d.line,
                column: d.column,
                text: lentera_core::report::render(d, root, style),
            })
            .collect(),
    };
    serde_json::to_string(&report).expect("plain structs serialise")
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use lentera_messages::Msg;

    use super::*;

    #[test]
    fn errors_become_views_with_file_line_and_hint() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("content/a.md"), "---\ntitle: A\n---\n").unwrap();
        let err = Error::Many(vec![
            Error::content("content/a.md", 3, Msg::EmptyTitle).with_hint(Msg::WriteTerm),
            Error::Template {
                template: "page.html".into(),
                line: 2,
                column: 5,
                message: Msg::TemplateFailed,
                detail: "oops".into(),
                page: Msg::WhileRendering {
                    page: "content/a.md".into(),
                },
                file: PathBuf::new(),
            },
        ]);
        let text = error_json(&err, dir.path(), Lang::Id);
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["errors"][0]["file"], "content/a.md");
        assert_eq!(json["errors"][0]["line"], 3);
        assert_eq!(json["errors"][0]["code"], "empty-title");
        let shown = json["errors"][0]["text"].as_str().unwrap();
        assert!(shown.contains("judul kosong"), "{shown}");
        assert!(shown.contains("3 | ---"), "the source line: {shown}");
        assert!(shown.contains("petunjuk"), "{shown}");
        assert_eq!(json["errors"][1]["file"], "templates/page.html");
        assert_eq!(json["errors"][1]["column"], 5);
        assert!(
            json["title"]
                .as_str()
                .unwrap()
                .starts_with("Perubahan terakhir")
        );
        assert!(!text.contains('\n'));
    }
}
