//! Hostile input (#11): whatever a staff member puts in `content/`, `themes/`
//! or `templates/`, lentera gives a correct site or a clear error naming the
//! file (and line), never crashes or hangs, never publishes script, and leaves
//! the last good `output/` byte for byte as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{TestSite, options, tree};

/// A copy of the basic fixture without villages (no leaflets: these tests are
/// about the pages) with a good build already written to `output/`.
struct Case {
    site: TestSite,
    out: PathBuf,
    before: BTreeMap<String, Vec<u8>>,
}

fn case() -> Case {
    let site = TestSite::fixture("basic");
    std::fs::remove_file(site.root().join("content/desa/sukamaju.yaml")).unwrap();
    let out = site.root().join("output");
    lentera_core::build_to(site.root(), &out, &options(false, false)).expect("the fixture builds");
    let before = tree(&out);
    assert!(before.contains_key("index.html"));
    Case { site, out, before }
}

impl Case {
    fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> &Self {
        let path = self.site.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    /// Folders beside the output folder other than the sources and it.
    fn leftovers(&self) -> Vec<String> {
        std::fs::read_dir(self.site.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".output."))
            .collect()
    }

    fn try_build(&self) -> lentera_core::Result<lentera_core::Build> {
        lentera_core::build_to(self.site.root(), &self.out, &options(false, false))
    }

    /// The build fails with a message holding every part of `expect`, and
    /// the previous output is untouched.
    fn fails(&self, expect: &[&str]) -> String {
        let err = match self.try_build() {
            Ok(_) => panic!("the build should fail (expected {expect:?})"),
            Err(e) => e.to_string(),
        };
        for part in expect {
            assert!(err.contains(part), "`{part}` not in:\n{err}");
        }
        assert!(
            self.before == tree(&self.out),
            "the previous output changed after: {err}"
        );
        assert_eq!(
            self.leftovers(),
            Vec::<String>::new(),
            "a failed build leaves its staging folder behind"
        );
        err
    }

    /// The build succeeds; returns it.
    fn builds(&self) -> lentera_core::Build {
        self.try_build()
            .unwrap_or_else(|e| panic!("the build should succeed: {e}"))
    }
}

fn lesson(body: &str) -> String {
    format!("---\ntitle: Uji\nsummary: s\n---\n{body}\n")
}

fn page_html(build: &lentera_core::Build, path: &str) -> String {
    String::from_utf8(build.file(path).unwrap().read().unwrap().into_owned()).unwrap()
}

/// The lesson text of a page (what the Markdown became), without the
/// theme's own markup and scripts around it.
fn body_of(html: &str) -> String {
    let start = html.find("<div class=body>").expect("a lesson body");
    let end = html[start..]
        .find("</article>")
        .map_or(html.len(), |e| start + e);
    html[start..end].to_string()
}

/// Whether `html` has an element starting with `tag` (`<script>x()`) in its
/// markup, not inside a quoted attribute value or the text of <title>.
fn has_element(html: &str, tag: &str) -> bool {
    let b = html.as_bytes();
    let (mut in_tag, mut quote) = (false, None::<u8>);
    let mut i = 0;
    while i < b.len() {
        if in_tag {
            match (quote, b[i]) {
                (Some(q), c) if c == q => quote = None,
                (None, c @ (b'"' | b'\'')) => quote = Some(c),
                (None, b'>') => in_tag = false,
                _ => {}
            }
        } else if b[i..].starts_with(b"<title>") {
            i = html[i..].find("</title>").map_or(b.len(), |e| i + e + 8);
            continue;
        } else if b[i] == b'<' {
            if b[i..].starts_with(tag.as_bytes()) {
                return true;
            }
            in_tag = true;
        }
        i += 1;
    }
    false
}

fn warned(build: &lentera_core::Build, file: &str, part: &str) -> bool {
    build
        .warnings
        .iter()
        .any(|w| w.file == Path::new(file) && w.message.to_string().contains(part))
}

// --- The failures of the issue ---------------------------------------------

#[test]
fn thousands_of_nested_list_items_are_an_error_not_a_crash() {
    let c = case();
    let body: String = (0..3000)
        .map(|i| format!("{}- a\n", "  ".repeat(i)))
        .collect();
    c.write("content/pelajaran/dalam.id.md", lesson(&body));
    c.fails(&[
        "content/pelajaran/dalam.id.md:",
        "nested more than 100 levels",
    ]);
}

#[test]
fn a_line_of_fifty_thousand_quote_marks_is_an_error_not_a_crash() {
    let c = case();
    c.write(
        "content/pelajaran/kutip.id.md",
        lesson(&format!("{} x", ">".repeat(50_000))),
    );
    c.fails(&["content/pelajaran/kutip.id.md:5", "nested more than"]);
}

#[test]
fn deeply_nested_raw_html_is_an_error_not_a_crash() {
    let c = case();
    c.write(
        "content/pelajaran/div.id.md",
        lesson(&format!(
            "{}x{}",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        )),
    );
    c.fails(&["content/pelajaran/div.id.md", "nested more than"]);
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(width, height, image::Rgb([200, 30, 30]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[test]
fn a_tall_image_builds_without_a_webp_copy() {
    let c = case();
    c.write("content/pelajaran/tinggi.png", png(20, 20_000));
    c.write(
        "content/pelajaran/gambar.id.md",
        lesson("![tinggi](tinggi.png)"),
    );
    let build = c.builds();
    assert!(build.file("pelajaran/tinggi.png").is_some());
    assert!(build.file("pelajaran/tinggi.png.webp").is_none());
}

/// A PNG whose header claims `width` × `height` pixels, with no pixel data.
fn png_header(width: u32, height: u32) -> Vec<u8> {
    fn crc(bytes: &[u8]) -> u32 {
        let mut c = 0xffff_ffffu32;
        for &b in bytes {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(13u32.to_be_bytes());
    out.extend(&ihdr);
    out.extend(crc(&ihdr).to_be_bytes());
    // An empty IDAT: the header is complete, the pixels never come.
    out.extend(0u32.to_be_bytes());
    out.extend(b"IDAT");
    out.extend(crc(b"IDAT").to_be_bytes());
    out
}

#[test]
fn a_huge_image_is_refused_before_it_fills_the_memory() {
    let c = case();
    c.write("content/pelajaran/raksasa.png", png_header(60_000, 60_000));
    c.fails(&[
        "content/pelajaran/raksasa.png",
        "60000 × 60000 pixels",
        "hint:",
    ]);
}

#[test]
fn a_corrupt_image_names_the_file() {
    let c = case();
    let mut bytes = png(40, 40);
    bytes.truncate(60);
    c.write("content/pelajaran/rusak.png", bytes);
    c.fails(&["content/pelajaran/rusak.png", "cannot be read"]);
}

#[test]
fn a_text_file_named_jpg_names_the_file() {
    let c = case();
    c.write("content/pelajaran/foto.jpg", "bukan gambar");
    c.fails(&["content/pelajaran/foto.jpg", "cannot be read"]);
}

// --- Raw HTML ----------------------------------------------------------------

#[test]
fn script_tags_are_removed_with_a_warning_and_line() {
    let c = case();
    c.write(
        "content/pelajaran/skrip.id.md",
        lesson("Halo.\n\n<script>alert('x')</script>\n\nLanjut."),
    );
    let build = c.builds();
    let html = page_html(&build, "pelajaran/skrip/index.html");
    assert!(!html.contains("alert('x')"), "{html}");
    assert!(html.contains("Lanjut."));
    let w = build
        .warnings
        .iter()
        .find(|w| w.message.to_string().contains("<script>"))
        .expect("a warning");
    assert_eq!(
        (w.file.to_str().unwrap(), w.line),
        ("content/pelajaran/skrip.id.md", 7)
    );
}

#[test]
fn event_handlers_are_removed() {
    let c = case();
    c.write(
        "content/pelajaran/img.id.md",
        lesson("<img src=\"x.png\" onerror=\"alert(1)\"> dan <b onclick=\"x()\">tebal</b>"),
    );
    let build = c.builds();
    let html = body_of(&page_html(&build, "pelajaran/img/index.html"));
    assert!(
        !html.contains("onerror") && !html.contains("onclick"),
        "{html}"
    );
    assert!(html.contains("<b>tebal</b>"), "{html}");
    assert!(warned(
        &build,
        "content/pelajaran/img.id.md",
        "the `onerror` attribute of <img>"
    ));
    assert!(warned(
        &build,
        "content/pelajaran/img.id.md",
        "the `onclick` attribute of <b>"
    ));
}

#[test]
fn javascript_links_in_markdown_are_removed() {
    let c = case();
    c.write(
        "content/pelajaran/js.id.md",
        lesson("Klik [di sini](javascript:alert(1)) atau [sini](  JaVaScRiPt:alert(2))."),
    );
    let build = c.builds();
    let html = page_html(&build, "pelajaran/js/index.html");
    assert!(!html.to_lowercase().contains("javascript:"), "{html}");
    assert!(html.contains("di sini"), "the link text stays: {html}");
    assert!(warned(
        &build,
        "content/pelajaran/js.id.md",
        "a link to a `javascript:` address"
    ));
}

#[test]
fn data_and_vbscript_addresses_are_removed() {
    let c = case();
    c.write(
        "content/pelajaran/data.id.md",
        lesson(
            "![gambar](data:image/svg+xml;base64,PHN2Zz4=)\n\n<a href=\"vbscript:msgbox(1)\">v</a>\n\n<a href=\"&#106;avascript:alert(1)\">e</a>",
        ),
    );
    let build = c.builds();
    let html = body_of(&page_html(&build, "pelajaran/data/index.html")).to_lowercase();
    assert!(
        !html.contains("data:") && !html.contains("vbscript") && !html.contains("&#106;"),
        "{html}"
    );
    for part in [
        "an image with a `data:` address",
        "a `vbscript:` address in <a href>",
        "a `javascript:` address in <a href>",
    ] {
        assert!(
            warned(&build, "content/pelajaran/data.id.md", part),
            "{part}: {:?}",
            build.warnings
        );
    }
}

#[test]
fn iframes_objects_embeds_and_styles_are_removed() {
    let c = case();
    c.write(
        "content/pelajaran/bingkai.id.md",
        lesson(
            "<iframe src=\"https://e.org\"></iframe>\n\n<object data=\"x\"></object>\n\n<embed src=\"x\">\n\n<style>body{color:#123456}</style>\n\n<form action=\"https://e.org\"><input name=\"p\"></form>",
        ),
    );
    let build = c.builds();
    let html = page_html(&build, "pelajaran/bingkai/index.html");
    for tag in ["<iframe", "<object", "<embed", "#123456", "https://e.org"] {
        assert!(!html.contains(tag), "{tag} in {html}");
    }
    for tag in ["<iframe>", "<object>", "<embed>", "<style>", "<form>"] {
        assert!(
            warned(&build, "content/pelajaran/bingkai.id.md", tag),
            "{tag}"
        );
    }
}

#[test]
fn harmless_markup_survives_without_warnings() {
    let c = case();
    c.write(
        "content/pelajaran/aman.id.md",
        lesson(
            "<details><summary>Lihat</summary>\n\nIsi <abbr title=\"Badan Pelindungan\">BP3MI</abbr>.<br>H<sub>2</sub>O x<sup>2</sup>\n\n</details>",
        ),
    );
    let build = c.builds();
    let html = page_html(&build, "pelajaran/aman/index.html");
    for part in [
        "<details>",
        "<summary>Lihat</summary>",
        "<abbr title=\"Badan Pelindungan\">BP3MI</abbr>",
        "<sub>2</sub>",
        "<sup>2</sup>",
    ] {
        assert!(html.contains(part), "{part} missing: {html}");
    }
    assert!(
        !build
            .warnings
            .iter()
            .any(|w| w.file.ends_with("aman.id.md")),
        "{:?}",
        build.warnings
    );
}

#[test]
fn a_site_can_opt_out_and_trust_its_authors() {
    let c = case();
    let config = std::fs::read_to_string(c.site.root().join("content/site.yaml")).unwrap();
    c.write("content/site.yaml", format!("raw_html: trusted\n{config}"));
    c.write(
        "content/pelajaran/skrip.id.md",
        lesson("<script>var dipercaya = 1;</script>"),
    );
    let build = c.builds();
    assert!(page_html(&build, "pelajaran/skrip/index.html").contains("var dipercaya = 1;"));
    assert!(
        build
            .warnings
            .iter()
            .all(|w| !w.message.to_string().contains("unsafe"))
    );
}

#[test]
fn check_strict_fails_on_removed_html() {
    let c = case();
    c.write(
        "content/pelajaran/skrip.id.md",
        lesson("<script>alert(1)</script>"),
    );
    let out = c.site.lentera(&["check", "--strict"]);
    let text = crate::common::printed(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("content/pelajaran/skrip.id.md"), "{text}");
    assert!(text.contains("removed unsafe HTML: <script>"), "{text}");
    // Without --strict it is a warning only.
    assert_eq!(c.site.lentera(&["check"]).status.code(), Some(0));
}

// --- YAML ----------------------------------------------------------------------

const ALIAS_BOMB: &str = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n";

#[test]
fn an_alias_bomb_in_front_matter_is_an_error() {
    let c = case();
    c.write(
        "content/pelajaran/bom.id.md",
        format!(
            "---\ntitle: Bom\nextra:\n  {}---\nx\n",
            ALIAS_BOMB.replace('\n', "\n  ")
        ),
    );
    c.fails(&["content/pelajaran/bom.id.md"]);
}

#[test]
fn an_alias_bomb_in_site_yaml_is_an_error() {
    let c = case();
    let config = std::fs::read_to_string(c.site.root().join("content/site.yaml")).unwrap();
    c.write(
        "content/site.yaml",
        format!("{config}extra:\n  {}", ALIAS_BOMB.replace('\n', "\n  ")),
    );
    c.fails(&["content/site.yaml"]);
}

#[test]
fn an_alias_bomb_in_a_village_is_an_error() {
    let c = case();
    c.write(
        "content/desa/bom.yaml",
        format!(
            "name: Bom\nkabupaten: K\nextra:\n  {}",
            ALIAS_BOMB.replace('\n', "\n  ")
        ),
    );
    c.fails(&["content/desa/bom.yaml"]);
}

#[test]
fn deeply_nested_yaml_is_an_error() {
    let c = case();
    c.write(
        "content/pelajaran/sarang.id.md",
        format!(
            "---\ntitle: S\nextra: {}{}\n---\nx\n",
            "[".repeat(5000),
            "]".repeat(5000)
        ),
    );
    c.fails(&["content/pelajaran/sarang.id.md"]);
}

#[test]
fn duplicate_front_matter_keys_name_the_line() {
    let c = case();
    c.write(
        "content/pelajaran/dua.id.md",
        "---\ntitle: A\nsummary: s\ntitle: B\n---\nx\n",
    );
    c.fails(&["content/pelajaran/dua.id.md:4", "title"]);
}

#[test]
fn a_wrong_type_names_the_line() {
    let c = case();
    c.write(
        "content/pelajaran/bobot.id.md",
        "---\ntitle: A\nweight: berat\n---\nx\n",
    );
    c.fails(&["content/pelajaran/bobot.id.md:3", "weight"]);
}

#[test]
fn front_matter_never_closed_is_an_error() {
    let c = case();
    c.write(
        "content/pelajaran/buka.id.md",
        "---\ntitle: A\nsummary: tidak pernah ditutup\n\nIsi.\n",
    );
    c.fails(&["content/pelajaran/buka.id.md"]);
}

#[test]
fn an_empty_file_is_an_error() {
    let c = case();
    c.write("content/pelajaran/kosong.id.md", "");
    c.fails(&["content/pelajaran/kosong.id.md"]);
}

#[test]
fn an_empty_site_yaml_is_an_error() {
    let c = case();
    c.write("content/site.yaml", "");
    c.fails(&["content/site.yaml"]);
}

#[test]
fn a_missing_site_yaml_is_an_error() {
    let c = case();
    std::fs::remove_file(c.site.root().join("content/site.yaml")).unwrap();
    c.fails(&["content/site.yaml"]);
}

// --- Encodings -----------------------------------------------------------------

#[test]
fn invalid_utf8_names_the_file() {
    let c = case();
    let mut bytes = lesson("ok").into_bytes();
    bytes.extend([0xff, 0xfe, 0x80, b'\n']);
    c.write("content/pelajaran/latin.id.md", bytes);
    c.fails(&["content/pelajaran/latin.id.md", "UTF-8"]);
}

#[test]
fn nul_bytes_in_the_body_build() {
    let c = case();
    c.write("content/pelajaran/nul.id.md", lesson("a\0b"));
    let build = c.builds();
    let html = page_html(&build, "pelajaran/nul/index.html");
    assert!(!html.contains('\0'));
}

#[test]
fn nul_bytes_in_front_matter_name_the_file() {
    let c = case();
    c.write(
        "content/pelajaran/nulfm.id.md",
        "---\ntitle: a\0b\n---\nx\n",
    );
    match c.try_build() {
        Ok(build) => assert!(!page_html(&build, "pelajaran/nulfm/index.html").contains('\0')),
        Err(e) => assert!(
            e.to_string().contains("content/pelajaran/nulfm.id.md"),
            "{e}"
        ),
    }
}

#[test]
fn a_byte_order_mark_builds() {
    let c = case();
    c.write(
        "content/pelajaran/bom8.id.md",
        format!("\u{feff}{}", lesson("Isi dengan BOM.")),
    );
    let build = c.builds();
    let html = page_html(&build, "pelajaran/bom8/index.html");
    assert!(html.contains("Isi dengan BOM."), "{html}");
    assert!(
        html.contains("<title>Uji"),
        "the front matter was read: {html}"
    );
}

#[test]
fn windows_line_endings_build() {
    let c = case();
    c.write(
        "content/pelajaran/crlf.id.md",
        "---\r\ntitle: Baris Windows\r\nweight: 3\r\n---\r\n## Judul\r\n\r\nIsi.\r\n",
    );
    let build = c.builds();
    let html = page_html(&build, "pelajaran/crlf/index.html");
    assert!(
        html.contains("Baris Windows") && html.contains("id=judul"),
        "{html}"
    );
}

#[test]
fn a_byte_order_mark_in_site_yaml_builds() {
    let c = case();
    let config = std::fs::read_to_string(c.site.root().join("content/site.yaml")).unwrap();
    c.write("content/site.yaml", format!("\u{feff}{config}"));
    c.builds();
}

#[test]
fn a_huge_single_line_builds() {
    let c = case();
    let line = "kata ".repeat(400_000);
    c.write("content/pelajaran/panjang.id.md", lesson(&line));
    let build = c.builds();
    assert!(page_html(&build, "pelajaran/panjang/index.html").len() > 1_000_000);
}

// --- Names and addresses --------------------------------------------------------

#[test]
fn a_language_that_is_not_configured_lists_the_configured_ones() {
    let c = case();
    c.write("content/pelajaran/x.fr.md", lesson("x"));
    c.fails(&["content/pelajaran/x.fr.md", "`fr`", "id, en"]);
}

#[test]
fn two_files_for_one_url_name_both() {
    let c = case();
    c.write("content/pelajaran/ganda.md", lesson("a"));
    c.write("content/pelajaran/ganda.id.md", lesson("b"));
    c.fails(&["pelajaran/ganda", "ganda.md", "ganda.id.md"]);
}

#[test]
fn a_page_and_a_section_with_one_url_name_both() {
    let c = case();
    c.write("content/pelajaran/bagian.id.md", lesson("a"));
    c.write("content/pelajaran/bagian/_index.id.md", lesson("b"));
    c.fails(&["pelajaran/bagian", "bagian.id.md", "_index.id.md"]);
}

#[test]
fn file_names_with_spaces_and_non_ascii_letters_build() {
    let c = case();
    c.write("content/pelajaran/dua kata.id.md", lesson("Spasi."));
    c.write("content/pelajaran/señal.id.md", lesson("Tilde."));
    let build = c.builds();
    assert!(build.file("pelajaran/dua kata/index.html").is_some());
    assert!(build.file("pelajaran/señal/index.html").is_some());
    assert_eq!(crate::common::broken_links(&build), Vec::<String>::new());
}

#[test]
fn a_link_out_of_the_project_is_an_error() {
    let c = case();
    c.write(
        "content/pelajaran/keluar.id.md",
        lesson("[rahasia](../../../../etc/passwd.md)"),
    );
    c.fails(&["content/pelajaran/keluar.id.md:5"]);
}

#[test]
fn an_image_out_of_the_project_is_an_error() {
    let c = case();
    c.write(
        "content/pelajaran/gbkeluar.id.md",
        lesson("![x](../../../../etc/foto.png)"),
    );
    c.fails(&["content/pelajaran/gbkeluar.id.md:5"]);
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_content_is_an_error() {
    let c = case();
    let secret = c.site.root().join("rahasia.md");
    std::fs::write(&secret, lesson("RAHASIA-DI-LUAR")).unwrap();
    std::os::unix::fs::symlink(
        &secret,
        c.site.root().join("content/pelajaran/tautan.id.md"),
    )
    .unwrap();
    c.fails(&["content/pelajaran/tautan.id.md", "points outside content/"]);
}

#[cfg(unix)]
#[test]
fn a_symlink_inside_content_is_followed() {
    let c = case();
    std::os::unix::fs::symlink(
        "jalur-resmi.id.md",
        c.site.root().join("content/pelajaran/jalur-lain.id.md"),
    )
    .unwrap();
    let build = c.builds();
    assert!(page_html(&build, "pelajaran/jalur-lain/index.html").contains("Langkah Pertama"));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_an_error_not_a_hang() {
    let c = case();
    let dir = c.site.root().join("content/pelajaran/lingkar");
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink("b", dir.join("a")).unwrap();
    std::os::unix::fs::symlink("a", dir.join("b")).unwrap();
    c.fails(&["content/pelajaran/lingkar/a", "points to nothing"]);
}

// --- Templates ------------------------------------------------------------------

#[test]
fn a_template_that_extends_itself_is_an_error() {
    let c = case();
    c.write(
        "templates/page.html",
        "{% extends \"page.html\" %}{% block content %}x{% endblock %}",
    );
    c.fails(&["page.html"]);
}

#[test]
fn a_template_that_includes_itself_is_an_error() {
    let c = case();
    c.write(
        "templates/partials/loop.html",
        "{% include \"partials/loop.html\" %}",
    );
    c.write(
        "templates/page.html",
        "{% include \"partials/loop.html\" %}",
    );
    c.fails(&["loop.html"]);
}

#[test]
fn a_template_syntax_error_names_the_template_and_line() {
    let c = case();
    c.write("templates/page.html", "<p>\n{{ page.title \n</p>");
    c.fails(&["page.html"]);
}

// --- The output folder ----------------------------------------------------------

#[test]
fn an_output_folder_that_is_a_file_is_an_error_and_kept() {
    let c = case();
    let file = c.site.root().join("keluaran");
    std::fs::write(&file, "punya saya").unwrap();
    let err = lentera_core::build_to(c.site.root(), &file, &options(false, false)).unwrap_err();
    assert!(err.to_string().contains("keluaran"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "punya saya");
}

/// A small tmpfs mounted at `dir`, if this process may mount one (root on
/// Linux); `None` with the reason otherwise.
#[cfg(target_os = "linux")]
fn small_tmpfs(dir: &Path, options: &str) -> Result<Mount, String> {
    std::fs::create_dir_all(dir).unwrap();
    let status = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", options, "tmpfs"])
        .arg(dir)
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|e| format!("cannot run mount: {e}"))?;
    if status.success() {
        Ok(Mount(dir.to_path_buf()))
    } else {
        Err("mount -t tmpfs failed (not root, or no CAP_SYS_ADMIN)".into())
    }
}

#[cfg(target_os = "linux")]
struct Mount(PathBuf);

#[cfg(target_os = "linux")]
impl Drop for Mount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

/// Where a case cannot be made, say so: fail under CI (which runs as root
/// and can mount), print the reason otherwise.
fn cannot_run(reason: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("this test could not run: {reason}");
    }
    eprintln!("SKIPPED (visible reason): {reason}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_disk_that_fills_up_keeps_the_previous_output() {
    let c = case();
    let disk = c.site.root().join("disk");
    let mount = match small_tmpfs(&disk, "size=1m") {
        Ok(m) => m,
        Err(reason) => return cannot_run(&reason),
    };
    let out = disk.join("output");
    lentera_core::build_to(c.site.root(), &out, &options(false, false)).expect("fits at first");
    let before = tree(&out);
    // A large page: the new site does not fit beside the old one.
    c.write(
        "content/pelajaran/besar.id.md",
        lesson(&"Kata demi kata, baris demi baris. ".repeat(40_000)),
    );
    let err = lentera_core::build_to(c.site.root(), &out, &options(false, false)).unwrap_err();
    assert!(err.to_string().contains("cannot write"), "{err}");
    assert!(before == tree(&out), "the previous output changed");
    let leftovers: Vec<_> = std::fs::read_dir(&disk)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, [std::ffi::OsString::from("output")]);
    drop(mount);
}

#[cfg(target_os = "linux")]
#[test]
fn an_output_folder_that_cannot_be_written_keeps_the_previous_output() {
    let c = case();
    let disk = c.site.root().join("ro");
    let out = disk.join("output");
    // Build once on a writable tmpfs, then make it read-only.
    let mount = match small_tmpfs(&disk, "size=4m") {
        Ok(m) => m,
        Err(reason) => return cannot_run(&reason),
    };
    lentera_core::build_to(c.site.root(), &out, &options(false, false)).unwrap();
    let before = tree(&out);
    let remount = std::process::Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(&disk)
        .status()
        .unwrap();
    assert!(remount.success());
    let err = lentera_core::build_to(c.site.root(), &out, &options(false, false)).unwrap_err();
    assert!(err.to_string().contains("cannot write"), "{err}");
    assert!(before == tree(&out));
    drop(mount);
}

#[test]
fn a_root_that_is_not_a_site_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = lentera_core::build(dir.path(), &options(false, false)).unwrap_err();
    assert!(err.to_string().contains("site.yaml"), "{err}");
}

#[test]
fn an_unknown_i18n_language_is_an_error() {
    let c = case();
    c.write("content/i18n/fr.yaml", "nav_home: Accueil\n");
    c.fails(&["content/i18n/fr.yaml", "`fr`"]);
}

#[test]
fn a_village_naming_a_missing_lesson_is_an_error() {
    let c = case();
    c.write(
        "content/desa/hilang.yaml",
        "name: Hilang\nkabupaten: K\nlessons: [pelajaran/tidak-ada]\ndesignated: 2025-09-25\n",
    );
    c.fails(&["content/desa/hilang.yaml", "pelajaran/tidak-ada"]);
}

#[test]
fn control_characters_in_a_title_are_escaped_not_published_raw() {
    let c = case();
    c.write(
        "content/pelajaran/ctrl.id.md",
        "---\ntitle: \"A</title><script>x()</script>\"\n---\nx\n",
    );
    let build = c.builds();
    let html = page_html(&build, "pelajaran/ctrl/index.html");
    // Inside <title> and quoted attributes the text is inert; everywhere
    // else the markup is escaped.
    assert!(html.contains("A&lt;/title>"), "{html}");
    assert!(!has_element(&html, "<script>x()"), "{html}");
    assert!(has_element("<p><script>x()</script>", "<script>x()"));
}

/// Pages are written into the staging folder while they render; an error
/// found only once every page is rendered (a link to a heading that does not
/// exist) must still leave the previous output as it was and no staging
/// folder behind.
#[test]
fn an_error_found_after_the_pages_were_written_keeps_the_previous_output() {
    let c = case();
    c.write(
        "content/pelajaran/penipuan.id.md",
        lesson("Lihat [jalur](/pelajaran/jalur-resmi/#tidak-ada)."),
    );
    c.fails(&["penipuan.id.md", "#tidak-ada"]);
}

/// What `build_to` returns describes the files as written: a page written
/// while rendering reads back from the output folder with its bytes.
#[test]
fn pages_written_while_rendering_are_in_the_output() {
    let c = case();
    let build = c.builds();
    let page = build.file("pelajaran/jalur-resmi/index.html").unwrap();
    let lentera_core::output::Contents::Staged { path, len, .. } = &page.contents else {
        panic!("a page of `build_to` is written while rendering");
    };
    assert_eq!(path, &c.out.join("pelajaran/jalur-resmi/index.html"));
    let on_disk = std::fs::read(path).unwrap();
    assert_eq!(on_disk.len() as u64, *len);
    assert_eq!(page.read().unwrap().as_ref(), on_disk.as_slice());
    assert!(c.leftovers().is_empty());
}
