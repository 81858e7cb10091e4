//! The session kit (slides, facilitator's guide, attendance sheet): page
//! sizes and counts, the text staff rely on, the closing slide's QR code,
//! the overflow guard, the village page's list. See: #26.
//!
//! Uses poppler-utils and zbar-tools like tests/it/leaflets.rs; skipped
//! without them, except under CI=true.

#![cfg(feature = "leaflets")]

use std::path::Path;

use crate::common::{TestSite, html, options, pdf_bytes, pdf_tools_ready, run_tool};

/// A written PDF: its page count, page size (pt) and text, with every run
/// of white space made one space.
struct Pdf {
    pages: usize,
    size: (f64, f64),
    text: String,
}

fn inspect(dir: &Path, build: &lentera_core::Build, rel: &str) -> Pdf {
    let path = dir.join(rel.replace('/', "_"));
    std::fs::write(&path, pdf_bytes(build, rel)).unwrap();
    let p = path.to_str().unwrap();
    let info = run_tool("pdfinfo", &[p]);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_else(|| panic!("{rel}: no {name} in {info}"))
            .to_string()
    };
    let size = field("Page size:");
    let dims: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    Pdf {
        pages: field("Pages:").parse().unwrap(),
        size: (dims[0], dims[1]),
        text: squash(&run_tool("pdftotext", &[p, "-"])),
    }
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The QR code on page `page` of the PDF at `rel`, decoded.
fn qr(dir: &Path, build: &lentera_core::Build, rel: &str, page: usize) -> String {
    let path = dir.join(rel.replace('/', "_"));
    std::fs::write(&path, pdf_bytes(build, rel)).unwrap();
    let prefix = dir.join(format!("qr-{page}"));
    let n = page.to_string();
    run_tool(
        "pdftoppm",
        &[
            "-r",
            "200",
            "-gray",
            "-f",
            &n,
            "-l",
            &n,
            "-png",
            "-singlefile",
            path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let png = format!("{}.png", prefix.display());
    run_tool("zbarimg", &["--quiet", "--raw", &png])
        .trim()
        .to_string()
}

const SLIDE: (f64, f64) = (841.89, 473.56);
const A4: (f64, f64) = (595.28, 841.89);

fn assert_size(pdf: &Pdf, want: (f64, f64), rel: &str) {
    assert!(
        (pdf.size.0 - want.0).abs() < 0.5 && (pdf.size.1 - want.1).abs() < 0.5,
        "{rel}: page size {:?}, want {want:?}",
        pdf.size
    );
}

/// Every kit PDF of the real content, at a real address: slides 16:9 with
/// every key point and hotline and a QR code to the village page; guide A4
/// with every key point and the board number; attendance sheet A4, two
/// pages, in the village's first language. The village page lists them.
#[test]
fn real_kit_prints_right() {
    if !pdf_tools_ready() {
        return;
    }
    let site = crate::publish::real_site_at("https://desabinaan.contoh.id/");
    let build = site.build().unwrap();
    let config = &build.site.config;
    let dir = tempfile::tempdir().unwrap();
    let numbers: Vec<&str> = config
        .contacts
        .iter()
        .flat_map(|c| c.numbers.iter().map(|n| n.number.as_str()))
        .collect();
    assert!(numbers.len() >= 5);
    assert!(!build.site.villages.is_empty());
    for v in &build.site.villages {
        let langs = v.languages(config);
        for lang in &langs {
            let lessons: Vec<_> = build
                .site
                .village_lessons(v)
                .iter()
                .filter_map(|k| build.site.resolve(k, lang))
                .map(|r| r.page)
                .collect();
            let rel = format!("desa/{}/{}-slides-{lang}.pdf", v.slug, v.slug);
            let slides = inspect(dir.path(), &build, &rel);
            assert_size(&slides, SLIDE, &rel);
            // Title, at least one slide per lesson, closing.
            assert!(slides.pages >= lessons.len() + 2, "{rel}: {}", slides.pages);
            for page in &lessons {
                for p in &page.front.key_points {
                    assert!(slides.text.contains(&squash(p)), "{rel}: {p:?} missing");
                }
            }
            for n in &numbers {
                assert!(slides.text.contains(n), "{rel}: hotline {n} missing");
            }
            let url = format!(
                "{}{}desa/{}/",
                config.base_url,
                config.lang_prefix(lang),
                v.slug
            );
            assert_eq!(qr(dir.path(), &build, &rel, slides.pages), url, "{rel}");

            let rel = format!("desa/{}/{}-panduan-{lang}.pdf", v.slug, v.slug);
            let guide = inspect(dir.path(), &build, &rel);
            assert_size(&guide, A4, &rel);
            assert!(guide.pages >= 2, "{rel}: plan page, then the lessons");
            for page in &lessons {
                for p in &page.front.key_points {
                    assert!(guide.text.contains(&squash(p)), "{rel}: {p:?} missing");
                }
                if let Some(s) = &page.front.summary {
                    assert!(guide.text.contains(&squash(s)), "{rel}: summary {s:?}");
                }
            }
            assert!(guide.text.contains("0800-1000"), "{rel}: board number");
        }
        let rel = format!("desa/{}/{}-absensi.pdf", v.slug, v.slug);
        let sheet = inspect(dir.path(), &build, &rel);
        assert_size(&sheet, A4, &rel);
        assert_eq!(sheet.pages, 2, "{rel}");
        assert!(sheet.text.contains(&v.file.name), "{rel}");
        if langs[0] == "id" {
            for h in [
                "Daftar hadir",
                "Nama",
                "RT/RW atau dusun",
                "Tanda tangan",
                "PIMPASA",
            ] {
                assert!(sheet.text.contains(h), "{rel}: {h}");
            }
        }
        // Rows numbered on to the end of the second page.
        assert!(sheet.text.contains(" 50 "), "{rel}: rows for a hall");

        // The village page lists the kit with sizes, under the leaflet.
        let page = html(&build, &format!("desa/{}/index.html", v.slug));
        let leaflet = page.find(&format!("{}-{}.pdf", v.slug, langs[0])).unwrap();
        for file in ["slides-id.pdf", "panduan-id.pdf", "absensi.pdf"] {
            let name = format!("{}-{file}", v.slug);
            let at = page
                .find(&name)
                .unwrap_or_else(|| panic!("{name} not listed"));
            assert!(at > leaflet, "{name} listed under the leaflet");
            let len = pdf_bytes(&build, &format!("desa/{}/{name}", v.slug)).len();
            let size = format!("(PDF, {} KB", len.div_ceil(1000));
            assert!(page[at..].contains(&size), "{name}: {size}");
        }
    }
}

/// A lesson with questions in two languages.
fn site_with_questions() -> TestSite {
    let site = TestSite::fixture("basic");
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        &yaml.replace("https://contoh.example/desa", "https://desa.contoh.id/"),
    );
    site.write(
        "content/pelajaran/jalur-resmi.id.md",
        "---\ntitle: Jalur resmi\nsummary: Langkah resmi dari awal sampai berangkat.\nkey_points:\n  - Daftar di Disnaker.\n  - Jangan bayar calo.\nquestions:\n  - ask: Calo yang menawarkan kerja tanpa pelatihan bisa dipercaya.\n    answer: false\n    why: Jalur resmi selalu lewat Disnaker dan pelatihan.\n  - ask: Di mana calon PMI mendaftar secara resmi?\n    choices: [Calo di desa, Dinas tenaga kerja (Disnaker), Grup media sosial]\n    answer: b\n    why: Pendaftaran resmi ada di Disnaker.\n---\nTeks.\n",
    );
    site.write(
        "content/pelajaran/jalur-resmi.en.md",
        "---\ntitle: The legal route\nsummary: The official steps from start to departure.\nkey_points:\n  - Register at Disnaker.\n  - Never pay a calo.\nquestions:\n  - ask: A calo offering work without training can be trusted.\n    answer: false\n    why: The legal route always goes through Disnaker and training.\n  - ask: Where do prospective migrant workers register?\n    choices: [A calo in the village, The manpower office (Disnaker), A social media group]\n    answer: b\n    why: Registration is at Disnaker.\n---\nText.\n",
    );
    site
}

/// The questions get a slide of their own, and the guide has them with
/// their answers and why, in each language; the closing slide's QR code
/// reads the village page's address.
#[test]
fn questions_reach_the_slides_and_the_guide_with_answers() {
    let site = site_with_questions();
    let build = site.build().unwrap();
    if !pdf_tools_ready() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "id",
            "https://desa.contoh.id/desa/sukamaju/",
            [
                "Calo yang menawarkan kerja tanpa pelatihan bisa dipercaya.",
                "Di mana calon PMI mendaftar secara resmi?",
                "Dinas tenaga kerja (Disnaker)",
            ],
            [
                "Jawaban: Salah",
                "Jawaban: b. Dinas tenaga kerja (Disnaker)",
            ],
            "Jalur resmi selalu lewat Disnaker dan pelatihan.",
        ),
        (
            "en",
            "https://desa.contoh.id/en/desa/sukamaju/",
            [
                "A calo offering work without training can be trusted.",
                "Where do prospective migrant workers register?",
                "The manpower office (Disnaker)",
            ],
            ["Answer: False", "Answer: b. The manpower office (Disnaker)"],
            "The legal route always goes through Disnaker and training.",
        ),
    ];
    for (lang, url, asks, answers, why) in cases {
        let rel = format!("desa/sukamaju/sukamaju-slides-{lang}.pdf");
        let slides = inspect(dir.path(), &build, &rel);
        assert_size(&slides, SLIDE, &rel);
        // Title, key points, questions, closing.
        assert_eq!(slides.pages, 4, "{rel}");
        for a in asks {
            assert!(slides.text.contains(a), "{rel}: {a:?} in {}", slides.text);
        }
        // The answers are for the facilitator, not on the slide.
        assert!(!slides.text.contains(why), "{rel}");
        for n in ["0800-1000", "0811-8080-141"] {
            assert!(slides.text.contains(n), "{rel}: {n}");
        }
        assert_eq!(qr(dir.path(), &build, &rel, 4), url, "{rel}");

        let rel = format!("desa/sukamaju/sukamaju-panduan-{lang}.pdf");
        let guide = inspect(dir.path(), &build, &rel);
        assert_size(&guide, A4, &rel);
        assert_eq!(guide.pages, 2, "{rel}");
        for a in asks.iter().chain(&answers).chain([&why]) {
            assert!(guide.text.contains(a), "{rel}: {a:?} in {}", guide.text);
        }
    }
    // The attendance sheet: one, in the village's first language.
    assert!(build.file("desa/sukamaju/sukamaju-absensi.pdf").is_some());
    assert!(
        !build
            .files
            .iter()
            .any(|f| f.path.contains("absensi-") || f.path.ends_with("absensi-en.pdf"))
    );
}

/// The next session (the first on or after the build date, 2026-11-28 in
/// the tests) is on the title slide, in the guide and on the attendance
/// sheet; a past one is not.
#[test]
fn the_next_session_is_printed_and_a_past_one_is_not() {
    let site = site_with_questions();
    let village = std::fs::read_to_string(site.root().join("content/desa/sukamaju.yaml")).unwrap();
    site.write(
        "content/desa/sukamaju.yaml",
        &format!(
            "{village}\nsessions:\n  - date: 2026-10-01\n    place: Masjid lama\n  - date: 2027-01-20\n    place: Balai desa Sukamaju\n    topic: {{ id: Paspor dan jalur resmi, en: Passports and the legal route }}\n  - date: 2026-12-15\n    place: Balai desa Sukamaju\n    topic: {{ id: Jalur resmi, en: The legal route }}\n"
        ),
    );
    let build = site.build().unwrap();
    if !pdf_tools_ready() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let slides = inspect(dir.path(), &build, "desa/sukamaju/sukamaju-slides-id.pdf");
    assert!(
        slides
            .text
            .contains("Penyuluhan berikutnya: 15 Desember 2026"),
        "{}",
        slides.text
    );
    assert!(!slides.text.contains("Masjid lama") && !slides.text.contains("2027"));
    let guide = inspect(dir.path(), &build, "desa/sukamaju/sukamaju-panduan-en.pdf");
    assert!(
        guide.text.contains("Next session: 15 December 2026"),
        "{}",
        guide.text
    );
    let sheet = inspect(dir.path(), &build, "desa/sukamaju/sukamaju-absensi.pdf");
    for want in [
        "Tanggal: 15 Desember 2026",
        "Tempat: Balai desa Sukamaju",
        "Topik: Jalur resmi",
    ] {
        assert!(sheet.text.contains(want), "{want} in {}", sheet.text);
    }
}

/// Lessons without questions get no questions slide and no questions in
/// the guide (the real lessons have none yet).
#[test]
fn no_questions_no_questions_slide() {
    let site = TestSite::fixture("basic");
    let build = site.build().unwrap();
    if !pdf_tools_ready() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let slides = inspect(dir.path(), &build, "desa/sukamaju/sukamaju-slides-id.pdf");
    assert_eq!(slides.pages, 3, "title, key points, closing");
    assert!(!slides.text.contains("Uji pemahaman"));
    // A placeholder address: the sample box, never a QR code.
    assert!(slides.text.contains("jangan dicetak untuk dibagikan"));
    let guide = inspect(dir.path(), &build, "desa/sukamaju/sukamaju-panduan-id.pdf");
    assert!(!guide.text.contains("Uji pemahaman"));
    assert!(guide.text.contains("Jangan bayar calo."));
}

/// A key point too long for a slide stops the build, naming the lesson;
/// nothing is cut off.
#[test]
fn a_slide_that_does_not_fit_fails_naming_the_lesson() {
    let site = site_with_questions();
    let long = "Ini satu poin utama yang sengaja dibuat sangat panjang sekali supaya tidak muat dalam lima baris pada slide, bahkan dengan huruf dua puluh delapan poin, karena terus berlanjut dengan kata-kata tambahan yang tidak perlu sama sekali di sini dan di sana juga.";
    let text = std::fs::read_to_string(site.root().join("content/pelajaran/jalur-resmi.en.md"))
        .unwrap()
        .replace("  - Never pay a calo.", &format!("  - \"{long}\""));
    site.write("content/pelajaran/jalur-resmi.en.md", &text);
    let err = site.build().unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("content/desa/sukamaju.yaml: the slides in `en` do not fit: the text of lesson `pelajaran/jalur-resmi`"),
        "{text}"
    );
    assert!(text.contains("hint: shorten the `key_points`"), "{text}");
    // The other language fits.
    assert!(!text.contains("slides in `id`"), "{text}");
}

/// Unchanged inputs give the same PDFs from the serve cache; a changed
/// question reaches them.
#[test]
fn serve_cache_keeps_unchanged_kits_and_remakes_changed_ones() {
    let site = site_with_questions();
    let opts = options(false, false);
    let mut cache = lentera_core::BuildCache::new();
    let first = lentera_core::build_with(site.root(), &opts, &mut cache).unwrap();
    let again = lentera_core::build_with(site.root(), &opts, &mut cache).unwrap();
    let path = "desa/sukamaju/sukamaju-slides-id.pdf";
    assert_eq!(pdf_bytes(&first, path), pdf_bytes(&again, path));
    let lesson = site.root().join("content/pelajaran/jalur-resmi.id.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(&lesson, text.replace("Grup media sosial", "Grup WhatsApp")).unwrap();
    let changed = lentera_core::build_with(site.root(), &opts, &mut cache).unwrap();
    assert_ne!(pdf_bytes(&first, path), pdf_bytes(&changed, path));
    assert_eq!(
        pdf_bytes(&changed, path),
        pdf_bytes(&site.build().unwrap(), path),
        "a cached build gives what a fresh build gives"
    );
}
