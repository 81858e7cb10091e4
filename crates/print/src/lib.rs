//! Printable PDF leaflets rendered with Typst used as a library.
//!
//! Self-contained: no global state of our own. The theme's `leaflet.typ` is
//! compiled against two in-memory files, `data.json` and `qr.svg`, and sees
//! only the fonts embedded in the binary (Noto Sans from the `notosans`
//! crate); no system fonts, no file system, no packages, no network.
//!
//! Built against typst / typst-layout / typst-pdf 0.15.1 (pinned with `=`:
//! Typst's library API changes in most minor releases).

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{DiagSpan, DiagSpanKind, FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

/// The fonts Typst may use, loaded once from bytes embedded in the binary,
/// and its standard library: built once and shared by reference between
/// renders (and threads). Sharing the library saved a quarter of the time of
/// 1,500 leaflets.
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// Typst's standard library, built once and shared like the fonts.
    library: LazyHash<Library>,
}

impl Fonts {
    /// Noto Sans Regular, Bold, Italic and Bold Italic (SIL OFL 1.1), from the
    /// `notosans` crate. The family name for templates is "Noto Sans".
    pub fn embedded() -> Fonts {
        let faces: [&'static [u8]; 4] = [
            notosans::REGULAR_TTF,
            notosans::BOLD_TTF,
            notosans::ITALIC_TTF,
            notosans::BOLD_ITALIC_TTF,
        ];
        // `Bytes::new` keeps the `&'static [u8]`: no copy of the font data.
        let fonts: Vec<Font> = faces
            .into_iter()
            .flat_map(|b| Font::iter(Bytes::new(b)))
            .collect();
        assert_eq!(fonts.len(), faces.len(), "an embedded font failed to parse");
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Fonts {
            book,
            fonts,
            library: LazyHash::new(Library::default()),
        }
    }
}

/// A rendered leaflet.
pub struct Leaflet {
    pub pdf: Vec<u8>,
    /// Number of pages laid out (a tri-fold must have 2; more means overflow).
    pub pages: usize,
}

const MAIN: &str = "/leaflet.typ";
const DATA: &str = "/data.json";
const QR: &str = "/qr.svg";

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("constant virtual path is valid");
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

/// One compilation: a template plus its two virtual files. Created per call,
/// so concurrent renders share nothing but `&Fonts` (and Typst's own
/// thread-safe caches).
struct LeafletWorld<'a> {
    fonts: &'a Fonts,
    main: Source,
    data_id: FileId,
    data: Bytes,
    qr_id: FileId,
    qr: Bytes,
    /// Other Typst files the template may import (`sample.typ`).
    modules: Vec<Source>,
    today: Option<Datetime>,
}

impl World for LeafletWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.fonts.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.data_id || id == self.qr_id {
            Err(FileError::NotSource)
        } else if let Some(m) = self.modules.iter().find(|m| m.id() == id) {
            Ok(m.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.qr_id {
            Ok(self.qr.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.text().to_owned()))
        } else if let Some(m) = self.modules.iter().find(|m| m.id() == id) {
            Ok(Bytes::from_string(m.text().to_owned()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    /// `datetime.today()` is the given document date, whatever the offset.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn not_found(id: FileId) -> FileError {
    match id.root() {
        VirtualRoot::Project => FileError::NotFound(id.vpath().get_with_slash().into()),
        VirtualRoot::Package(spec) => {
            FileError::Other(Some(format!("packages are not available ({spec})").into()))
        }
    }
}

/// Compile `template` (Typst source of the theme's leaflet.typ) against virtual files:
/// "data.json" (bytes), "qr.svg" (bytes). `ident` makes the PDF id stable (e.g. "leaflet/way-layap/id");
/// `date` (y, m, d) is the document date. Errors are human-readable strings with the Typst
/// diagnostic message and the line:column in the template.
pub fn render(
    fonts: &Fonts,
    template: &str,
    data_json: &[u8],
    qr_svg: &[u8],
    ident: &str,
    date: (i32, u8, u8),
) -> Result<Leaflet, Failure> {
    render_with_modules(fonts, template, &[], data_json, qr_svg, ident, date)
}

/// [`render`], with other Typst files the template may `#import` by name:
/// (name, source), such as `("sample.typ", …)`.
pub fn render_with_modules(
    fonts: &Fonts,
    template: &str,
    modules: &[(&str, &str)],
    data_json: &[u8],
    qr_svg: &[u8],
    ident: &str,
    date: (i32, u8, u8),
) -> Result<Leaflet, Failure> {
    let (y, m, d) = date;
    let today = Datetime::from_ymd(y, m, d).ok_or_else(|| Failure {
        line: 0,
        column: 0,
        text: format!("invalid leaflet date {y:04}-{m:02}-{d:02}"),
    })?;
    let world = LeafletWorld {
        fonts,
        main: Source::new(file_id(MAIN), template.to_owned()),
        data_id: file_id(DATA),
        data: Bytes::new(data_json.to_vec()),
        qr_id: file_id(QR),
        qr: Bytes::new(qr_svg.to_vec()),
        modules: modules
            .iter()
            .map(|(name, text)| Source::new(file_id(&format!("/{name}")), (*text).to_owned()))
            .collect(),
        today: Some(today),
    };

    let doc = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|diags| failure(&world, &diags))?;
    let pages = doc.pages().len();

    let options = PdfOptions {
        // Stable /ID, so the same inputs give byte-identical PDFs.
        ident: Smart::Custom(ident.to_owned()),
        // Used as the PDF creation date unless the template sets `document(date: ..)`.
        timestamp: Some(Timestamp::new_utc(today)),
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&doc, &options).map_err(|diags| failure(&world, &diags))?;
    Ok(Leaflet { pdf, pages })
}

/// Forget what Typst memoised for documents that no longer reuse it.
///
/// Typst keeps the results of its memoised functions (layouts, shaped text,
/// evaluated modules) in process-wide caches, so that a later document with
/// the same content lays it out at once; without eviction they grow with
/// every document (about 7 MiB per village of printed matter). Each call
/// ages every entry by one; an entry reused since the last call is young
/// again, and one older than `max_age` calls is dropped. Called every few
/// documents, what all villages share (the lessons' text in each language)
/// stays, and what was one village's goes. Each call walks every entry.
pub fn trim_caches(max_age: usize) {
    typst::comemo::evict(max_age);
}

/// Why a template could not be laid out: Typst's diagnostics as text, and
/// the line and column (1-based; 0 when unknown) in the template of the first
/// one that points into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub line: usize,
    pub column: usize,
    pub text: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

fn failure(world: &LeafletWorld, diags: &[SourceDiagnostic]) -> Failure {
    let (line, column) = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .find_map(|d| {
            std::iter::once(d.span)
                .chain(d.trace.iter().rev().map(|t| t.span.into()))
                .filter_map(|span| position(world, span))
                .find(|(name, _, _)| name == "leaflet.typ")
                .map(|(_, line, column)| (line, column))
        })
        .unwrap_or((0, 0));
    Failure {
        line,
        column,
        text: describe(world, diags),
    }
}

/// Turns Typst diagnostics into one readable string, one error per line:
/// `leaflet.typ:12:5: error: unknown variable: foo (hint: …)`.
fn describe(world: &LeafletWorld, diags: &[SourceDiagnostic]) -> String {
    let mut out = Vec::new();
    for diag in diags {
        let kind = match diag.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Point at the diagnostic itself, or else at the innermost call site
        // in the template that led to it (e.g. errors inside `json()`).
        let at = locate(world, diag.span)
            .or_else(|| {
                diag.trace
                    .iter()
                    .rev()
                    .find_map(|t| locate(world, t.span.into()))
            })
            .unwrap_or_else(|| "leaflet.typ".to_owned());
        let mut line = format!("{at}: {kind}: {}", diag.message);
        for hint in &diag.hints {
            line.push_str(&format!(" (hint: {})", hint.v));
        }
        for point in &diag.trace {
            if let Some(loc) = locate(world, point.span.into()) {
                line.push_str(&format!(" [{} at {loc}]", point.v));
            }
        }
        out.push(line);
    }
    if out.is_empty() {
        out.push("typst failed without a diagnostic".to_owned());
    }
    out.join("\n")
}

/// `file:line:column` (1-based) of a diagnostic span, if it has one.
fn locate(world: &LeafletWorld, span: DiagSpan) -> Option<String> {
    position(world, span).map(|(name, line, column)| match line {
        0 => name,
        _ => format!("{name}:{line}:{column}"),
    })
}

/// The file, line and column (1-based; 0 for a file without text) of a span.
fn position(world: &LeafletWorld, span: DiagSpan) -> Option<(String, usize, usize)> {
    let id = match span.get() {
        DiagSpanKind::Detached => return None,
        DiagSpanKind::Number { id, .. } | DiagSpanKind::Range { id, .. } => id,
    };
    let start = world.range(span)?.start;
    let (name, text): (&str, std::borrow::Cow<str>) = if id == world.main.id() {
        ("leaflet.typ", world.main.text().into())
    } else if id == world.data_id {
        ("data.json", String::from_utf8_lossy(world.data.as_slice()))
    } else if id == world.qr_id {
        ("qr.svg", String::from_utf8_lossy(world.qr.as_slice()))
    } else {
        return Some((id.vpath().get_without_slash().to_owned(), 0, 0));
    };
    let head = text.get(..start.min(text.len()))?;
    let line = head.matches('\n').count() + 1;
    let column = head.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Some((name.to_owned(), line, column))
}

/// A QR code as SVG (qrcode crate 0.14 with default-features=false, features=["svg"];
/// EC level M; quiet zone on; black modules on white).
///
/// Fails if `url` is longer than a QR code can hold at level M (2331 bytes).
pub fn qr_svg(url: &str) -> Result<String, String> {
    use qrcode::render::svg;
    use qrcode::{EcLevel, QrCode};
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
        .map_err(|e| format!("the address {url} does not fit a QR code ({e})"))?;
    Ok(code
        .render::<svg::Color>()
        .quiet_zone(true)
        .module_dimensions(4, 4)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn fonts_can_be_shared_between_threads() {
        assert_send_sync::<Fonts>();
    }

    #[test]
    fn errors_name_the_template_line_and_column() {
        let fonts = Fonts::embedded();
        let err = render(&fonts, "Hello\n  #foo(1)", b"{}", b"", "t", (2026, 11, 28))
            .err()
            .expect("should fail");
        assert!(
            err.text
                .starts_with("leaflet.typ:2:4: error: unknown variable: foo"),
            "{err}"
        );
        assert_eq!((err.line, err.column), (2, 4));

        let err = render(
            &fonts,
            "#let d = json(\"data.json\")\n#d",
            b"{ bad",
            b"",
            "t",
            (2026, 1, 1),
        )
        .err()
        .expect("should fail");
        assert!(
            err.text.contains("data.json:1:3") && err.text.contains("leaflet.typ:1:10"),
            "{err}"
        );
        // The error is in the data; the template line that read it is shown.
        assert_eq!((err.line, err.column), (1, 10));

        let err = render(
            &fonts,
            "#image(\"logo.png\")",
            b"{}",
            b"",
            "t",
            (2026, 1, 1),
        )
        .err()
        .expect("should fail");
        assert_eq!(
            err.text,
            "leaflet.typ:1:8: error: file not found (searched at /logo.png)"
        );
    }

    #[test]
    fn only_embedded_fonts_and_given_date() {
        let fonts = Fonts::embedded();
        let t = "#set text(font: \"Noto Sans\")\n#datetime.today().display() é è ê *bold*";
        let a = render(&fonts, t, b"{}", b"", "t", (2026, 11, 28)).unwrap();
        let b = render(&fonts, t, b"{}", b"", "t", (2026, 11, 28)).unwrap();
        assert_eq!(a.pages, 1);
        assert_eq!(a.pdf, b.pdf);
        assert!(render(&fonts, t, b"{}", b"", "t", (2026, 2, 30)).is_err());
    }

    #[test]
    fn qr_is_svg() {
        let s = qr_svg("https://example.org/desa/way-layap/").unwrap();
        assert!(s.contains("<svg") && s.contains("#000000") && s.contains("#ffffff"));
        let long = format!("https://example.org/{}", "a".repeat(3000));
        assert!(
            qr_svg(&long)
                .unwrap_err()
                .contains("does not fit a QR code")
        );
    }
}
