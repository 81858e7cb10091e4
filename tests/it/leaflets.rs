//! Village leaflets (PDF): page count and size, the text staff rely on, fonts,
//! the QR code, overflow, reproducibility. See: #4.
//!
//! The text, font and QR checks use poppler-utils (pdfinfo, pdftotext,
//! pdffonts, pdftoppm) and zbar-tools (zbarimg), which `.ci/run` installs;
//! elsewhere they are skipped with a message, except under CI=true.

#![cfg(feature = "leaflets")]

use std::process::Command;

use crate::common::{TestSite, options, pdf_bytes, pdf_tools_ready, repo, run_tool};

#[test]
fn every_village_gets_a_leaflet_per_language_linked_from_its_page() {
    let build = lentera_core::build(&repo(), &options(false, false)).unwrap();
    let config = &build.site.config;
    assert!(!build.site.villages.is_empty());
    for v in &build.site.villages {
        for lang in v.languages(config) {
            let path = format!("desa/{}/{}-{lang}.pdf", v.slug, v.slug);
            assert!(build.leaflets.contains(&path), "{path} missing");
            let page = format!("{}desa/{}/index.html", config.lang_prefix(lang), v.slug);
            let html = build.file(&page).unwrap().text().unwrap();
            assert!(
                html.contains(&format!("{}-{lang}.pdf", v.slug)),
                "{page} does not link its leaflet"
            );
        }
    }
}

#[test]
fn real_leaflets_print_right() {
    if !pdf_tools_ready() {
        return;
    }
    // The real content at a real address (its own is a placeholder, which
    // prints no QR code: see tests/it/publish.rs).
    let site = crate::publish::real_site_at("https://desabinaan.contoh.id/");
    let build = site.build().unwrap();
    let config = &build.site.config;
    let dir = tempfile::tempdir().unwrap();
    for v in &build.site.villages {
        for lang in v.languages(config) {
            let rel = format!("desa/{}/{}-{lang}.pdf", v.slug, v.slug);
            let pdf = dir.path().join(format!("{}-{lang}.pdf", v.slug));
            std::fs::write(&pdf, pdf_bytes(&build, &rel)).unwrap();
            let pdf_s = pdf.to_str().unwrap();

            let info = run_tool("pdfinfo", &[pdf_s]);
            let field = |name: &str| {
                info.lines()
                    .find_map(|l| l.strip_prefix(name))
                    .map(str::trim)
                    .unwrap_or_else(|| panic!("{rel}: no {name} {info}"))
                    .to_string()
            };
            assert_eq!(field("Pages:"), "2", "{rel}");
            assert_eq!(field("Tagged:"), "yes", "{rel}: tagged PDF");
            // A4 landscape: 297 × 210 mm = 841.89 × 595.28 pt.
            let size = field("Page size:");
            let dims: Vec<f64> = size
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            assert!(
                dims.len() == 2 && (dims[0] - 841.89).abs() < 0.1 && (dims[1] - 595.28).abs() < 0.1,
                "{rel}: A4 landscape: {size}"
            );

            let text = run_tool("pdftotext", &[pdf_s, "-"]);
            let flat: String = text
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
                .collect();
            let has = |s: &str| {
                flat.contains(&s.chars().filter(|c| !c.is_whitespace()).collect::<String>())
            };
            assert!(has(&v.file.name), "{rel}: village name");
            assert!(has(&v.file.kabupaten), "{rel}: kabupaten");
            for c in config.contacts.iter() {
                for n in &c.numbers {
                    assert!(has(&n.number), "{rel}: hotline {}", n.number);
                }
            }
            assert!(
                !text.contains('\u{ad}'),
                "{rel}: soft hyphens in the text layer"
            );

            let fonts = run_tool("pdffonts", &[pdf_s]);
            for line in fonts.lines().skip(2) {
                let cols: Vec<&str> = line.split_whitespace().collect();
                // name type [encoding...] emb sub uni object ID: emb is the 5th from the end.
                assert_eq!(
                    cols[cols.len() - 5],
                    "yes",
                    "{rel}: font not embedded: {line}"
                );
            }

            let png = dir.path().join(format!("{}-{lang}", v.slug));
            run_tool(
                "pdftoppm",
                &[
                    "-r",
                    "300",
                    "-gray",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-png",
                    pdf_s,
                    png.to_str().unwrap(),
                ],
            );
            let page1 = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| {
                    p.to_string_lossy().contains(&format!("{}-{lang}-", v.slug))
                        && p.extension().is_some_and(|e| e == "png")
                })
                .unwrap();
            let decoded = run_tool("zbarimg", &["--quiet", "--raw", page1.to_str().unwrap()]);
            let url = format!(
                "{}{}desa/{}/",
                config.base_url,
                config.lang_prefix(lang),
                v.slug
            );
            assert_eq!(decoded.trim(), url, "{rel}: QR code");
        }
    }
}

#[test]
fn same_input_gives_identical_pdfs() {
    // Two separate processes, so nothing kept in memory can make them agree.
    let dir = tempfile::tempdir().unwrap();
    let mut leaflets = Vec::new();
    for out in ["a", "b"] {
        let status = Command::new(env!("CARGO_BIN_EXE_lentera"))
            .args(["--lang", "en", "-r"])
            .arg(repo())
            .args(["build", "-o"])
            .arg(dir.path().join(out))
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
    }
    for entry in walkdir::WalkDir::new(dir.path().join("a")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "pdf") {
            leaflets.push(
                entry
                    .path()
                    .strip_prefix(dir.path().join("a"))
                    .unwrap()
                    .to_path_buf(),
            );
        }
    }
    assert!(!leaflets.is_empty());
    for path in &leaflets {
        let a = std::fs::read(dir.path().join("a").join(path)).unwrap();
        let b = std::fs::read(dir.path().join("b").join(path)).unwrap();
        assert!(a == b, "{} differs between two runs", path.display());
    }
}

#[test]
fn overflowing_leaflet_fails_the_build_naming_village_and_language() {
    let site = TestSite::fixture("basic");
    let long: String = (1..=6)
        .map(|i| format!("  - Poin penting nomor {i} yang sengaja dibuat sangat panjang supaya tidak muat di leaflet lipat tiga.\n"))
        .collect();
    let mut lessons = Vec::new();
    for i in 0..14 {
        site.write(
            &format!("content/pelajaran/panjang-{i}.md"),
            &format!("---\ntitle: Pelajaran panjang nomor {i} dengan judul yang juga panjang\nkey_points:\n{long}---\nTeks.\n"),
        );
        lessons.push(format!("pelajaran/panjang-{i}"));
    }
    site.write(
        "content/desa/sukamaju.yaml",
        &format!(
            "name: Sukamaju\nkecamatan: Contoh\nkabupaten: Contoh Raya\noffice: kanim-contoh\nlanguages: [id, en]\nlessons: [{}]\ndesignated: 2025-09-25\n",
            lessons.join(", ")
        ),
    );
    let err = site.build().unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains(
            "content/desa/sukamaju.yaml: the leaflet in `id` does not fit: it needs 5 pages instead of 2"
        ),
        "{text}"
    );
    assert!(text.contains("hint: select fewer lessons"), "{text}");
    assert!(
        err.flatten().len() >= 2,
        "both languages are reported: {text}"
    );
}

#[test]
fn site_template_overrides_the_theme_leaflet() {
    let site = TestSite::fixture("basic");
    site.write("templates/leaflet.typ", "#let d = json(\"data.json\")\n#set page(paper: \"a4\", flipped: true)\nOVERRIDE #d.village.name\n#pagebreak()\nback\n");
    let build = site.build().unwrap();
    let pdf = pdf_bytes(&build, "desa/sukamaju/sukamaju-id.pdf");
    assert!(pdf.starts_with(b"%PDF"));
    if pdf_tools_ready() {
        assert!(pdf_text(&pdf).contains("OVERRIDE Sukamaju"));
    }
}

/// The text layer of a PDF, by pdftotext.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.pdf");
    std::fs::write(&path, pdf).unwrap();
    run_tool("pdftotext", &[path.to_str().unwrap(), "-"])
}

#[test]
fn default_lessons_local_contacts_and_a_stale_number_still_print() {
    let site = TestSite::fixture("basic");
    // No `lessons:`: the first lesson of each section; a local contact whose
    // number was checked long ago: a warning, and the leaflet still builds.
    site.write(
        "content/desa/sukamaju.yaml",
        "name: Sukamaju\nkabupaten: Contoh Raya\noffice: kanim-contoh\ncontacts:\n  - name: Pak Kades\n    role: { id: Kepala desa }\n    phone: 0812-3456-7890\n    verified: 2023-12-01\n    checked: 2024-01-02\n    checked_by: AB\n    how: called\ndesignated: 2025-09-25\n",
    );
    let build = site.build().unwrap();
    assert_eq!(build.leaflets, ["desa/sukamaju/sukamaju-id.pdf"]);
    assert!(
        build.warnings.iter().any(
            |w| w.file == std::path::Path::new("content/desa/sukamaju.yaml")
                && w.line == 5
                && w.message
                    .to_string()
                    .starts_with("the phone number of `Pak Kades` was last checked on 2024-01-02")
        ),
        "{:?}",
        build.warnings
    );
    if !pdf_tools_ready() {
        return;
    }
    let text: String = pdf_text(&pdf_bytes(&build, "desa/sukamaju/sukamaju-id.pdf"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "Jalur resmi",
        "Daftar di Disnaker.",
        "Pak Kades",
        "0812-3456-7890",
        "Kantor Imigrasi Contoh",
    ] {
        assert!(text.contains(expected), "{expected} missing: {text}");
    }
    // KP2MI's numbers were never checked: the oldest source date of the
    // numbers never checked is shown, as a source date (not the local
    // number's check).
    assert!(
        text.contains("Nomor dari sumber bertanggal 10 April 2025"),
        "{text}"
    );
}

#[test]
fn broken_leaflet_template_names_line() {
    let site = TestSite::fixture("basic");
    site.write(
        "templates/leaflet.typ",
        "#let d = json(\"data.json\")\n#d.nothing.here\n",
    );
    let err = site.build().unwrap_err().to_string();
    // The site's own template, at the line that failed, for the village.
    assert!(
        err.contains("templates/leaflet.typ:2:4: the Typst template of the leaflet in `id` failed (for content/desa/sukamaju.yaml)"),
        "{err}"
    );
    assert!(
        err.contains("leaflet.typ:2:4: error: dictionary does not contain key"),
        "{err}"
    );
}

#[test]
fn untranslated_lessons_print_in_the_default_language_with_a_warning() {
    let site = TestSite::fixture("basic");
    let build = site.build().unwrap();
    assert!(
        build
            .leaflets
            .contains(&"desa/sukamaju/sukamaju-en.pdf".to_string())
    );
    assert!(
        build.warnings.iter().any(|w| w.located() == "content/desa/sukamaju.yaml: the leaflet in `en` prints these lessons in `id`, as they are not translated yet: pelajaran/jalur-resmi"),
        "{:?}",
        build.warnings
    );
    assert!(
        !build
            .warnings
            .iter()
            .any(|w| w.message.to_string().contains("leaflet in `id`")),
        "{:?}",
        build.warnings
    );
    if pdf_tools_ready() {
        let text = pdf_text(&pdf_bytes(&build, "desa/sukamaju/sukamaju-en.pdf"));
        assert!(text.contains("Daftar di Disnaker."), "{text}");
    }
}

#[test]
fn serve_cache_reuses_unchanged_leaflets_and_remakes_changed_ones() {
    let site = TestSite::fixture("basic");
    let opts = options(false, false);
    let mut cache = lentera_core::BuildCache::new();
    let first = lentera_core::build_with(site.root(), &opts, &mut cache).unwrap();
    let again = lentera_core::build_with(site.root(), &opts, &mut cache).unwrap();
    let path = "desa/sukamaju/sukamaju-id.pdf";
    assert_eq!(pdf_bytes(&first, path), pdf_bytes(&again, path));
    // A changed key point must reach the PDF, never a kept old copy.
    let lesson = site.root().join("content/pelajaran/jalur-resmi.id.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(&lesson, text.replace("Jangan bayar calo.", "Tolak calo.")).unwrap();
    let changed = lentera_core::build_with(site.root(), &opts, &mut cache).unwrap();
    assert_ne!(pdf_bytes(&first, path), pdf_bytes(&changed, path));
    assert_eq!(
        pdf_bytes(&changed, path),
        pdf_bytes(&site.build().unwrap(), path),
        "a cached build gives what a fresh build gives"
    );
    if pdf_tools_ready() {
        assert!(pdf_text(&pdf_bytes(&changed, path)).contains("Tolak calo."));
    }
}

/// See: #14 (poster). Every village gets an A4 portrait poster per leaflet
/// language for the notice board: one page, the hotlines and the village in
/// its text, fonts embedded, black on white, and a QR code that decodes to
/// the village page; the village page links it.
#[test]
fn real_posters_are_one_a4_portrait_page_with_a_working_qr_code() {
    let site = crate::publish::real_site_at("https://desabinaan.contoh.id/");
    let build = site.build().unwrap();
    let config = &build.site.config;
    assert!(!build.posters.is_empty());
    let dir = tempfile::tempdir().unwrap();
    for v in &build.site.villages {
        for lang in v.languages(config) {
            let rel = format!("desa/{}/{}-poster-{lang}.pdf", v.slug, v.slug);
            assert!(build.posters.contains(&rel), "{rel} missing");
            let page = format!("{}desa/{}/index.html", config.lang_prefix(lang), v.slug);
            let html = build.file(&page).unwrap().text().unwrap();
            assert!(
                html.contains(&format!("{}-poster-{lang}.pdf", v.slug)),
                "{page}"
            );
            if !pdf_tools_ready() {
                continue;
            }
            let pdf = dir.path().join(format!("{}-poster-{lang}.pdf", v.slug));
            std::fs::write(&pdf, pdf_bytes(&build, &rel)).unwrap();
            let pdf_s = pdf.to_str().unwrap();
            let info = run_tool("pdfinfo", &[pdf_s]);
            assert!(info.contains("Pages:           1"), "{rel}: {info}");
            assert!(
                info.contains("595.276 x 841.89 pts (A4)"),
                "{rel}: A4 portrait: {info}"
            );
            let text: String = run_tool("pdftotext", &[pdf_s, "-"])
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            assert!(
                text.contains(&v.file.name.replace(' ', "")),
                "{rel}: village"
            );
            for c in &config.contacts {
                for n in &c.numbers {
                    let number: String = n.number.chars().filter(|c| !c.is_whitespace()).collect();
                    assert!(text.contains(&number), "{rel}: hotline {}", n.number);
                }
            }
            let fonts = run_tool("pdffonts", &[pdf_s]);
            assert!(
                fonts.lines().skip(2).all(|l| l.contains(" yes yes ")),
                "{rel}: fonts not embedded and subset: {fonts}"
            );
            let png = dir.path().join(format!("{}-poster-{lang}", v.slug));
            run_tool(
                "pdftoppm",
                &[
                    "-r",
                    "100",
                    "-png",
                    "-singlefile",
                    pdf_s,
                    png.to_str().unwrap(),
                ],
            );
            let png = format!("{}.png", png.display());
            let qr = run_tool("zbarimg", &["-q", "--raw", &png]);
            assert_eq!(
                qr.trim(),
                lentera_core::urls::absolute(config, &v.key, lang),
                "{rel}: QR code"
            );
        }
    }
}

#[test]
fn office_address_numbers_and_hours_print_and_staff_notes_never_do() {
    // Issue 23 item 10: the village page, leaflet and poster give the office's
    // address, numbers and hours where site.yaml has them; a note for staff
    // is printed nowhere.
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        &config.replace(
            "    name: Kantor Imigrasi Contoh\n",
            "    name: Kantor Imigrasi Contoh\n    serves: Kabupaten Contoh Raya\n    address: Jalan Contoh Nomor 9\n    numbers:\n      - number: \"+62 21 555 0199\"\n        note: { id: Layanan paspor, en: Passport service }\n    hours: { id: Senin sampai Jumat 08.00-16.00, en: Monday to Friday 08:00-16:00 }\n    staff_note: RAHASIA catatan staf\n",
        ),
    );
    let build = site.build().unwrap();
    let page = build
        .file("desa/sukamaju/index.html")
        .unwrap()
        .text()
        .unwrap();
    for shown in [
        "Jalan Contoh Nomor 9",
        "+62 21 555 0199",
        "Layanan paspor",
        "Senin sampai Jumat 08.00-16.00",
    ] {
        assert!(page.contains(shown), "village page lacks {shown}");
    }
    let en = build
        .file("en/desa/sukamaju/index.html")
        .unwrap()
        .text()
        .unwrap();
    assert!(en.contains("Monday to Friday 08:00-16:00"));
    for f in &build.files {
        if let Some(text) = f.text() {
            assert!(
                !text.contains("RAHASIA"),
                "{} prints the staff note",
                f.path
            );
        }
    }
    if !pdf_tools_ready() {
        return;
    }
    for rel in [
        "desa/sukamaju/sukamaju-id.pdf",
        "desa/sukamaju/sukamaju-poster-id.pdf",
    ] {
        let text = pdf_text(&pdf_bytes(&build, rel));
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for shown in [
            "Kantor Imigrasi Contoh",
            "Jalan Contoh Nomor 9",
            "+62 21 555 0199",
            "Layanan paspor",
            "Senin sampai Jumat 08.00-16.00",
        ] {
            assert!(flat.contains(shown), "{rel} lacks {shown}: {flat}");
        }
        assert!(!flat.contains("RAHASIA"), "{rel} prints the staff note");
    }
}

/// `lentera build` renders again only the printed files whose inputs
/// changed: the others are taken (linked) from the last build's output, as
/// long as they are still the files it wrote. The result is the same as a
/// build from nothing.
#[test]
fn a_build_prints_again_only_what_changed() {
    use std::os::unix::fs::MetadataExt;
    let site = TestSite::fixture("basic");
    let village = std::fs::read_to_string(site.root().join("content/desa/sukamaju.yaml")).unwrap();
    site.write(
        "content/desa/sukamakmur.yaml",
        &village.replace("Sukamaju", "Sukamakmur"),
    );
    let out = site.root().join("out");
    let build = |expect_reused: usize| match lentera_core::build_or_reuse(
        site.root(),
        &out,
        &options(false, false),
    )
    .unwrap()
    {
        lentera_core::Written::Built(b) => {
            assert_eq!(b.reused_prints, expect_reused, "{:?}", b.printed.keys());
            b.printed.keys().cloned().collect::<Vec<_>>()
        }
        lentera_core::Written::UpToDate(_) => panic!("the site changed, yet nothing was built"),
    };
    let inode = |rel: &str| std::fs::metadata(out.join(rel)).unwrap().ino();
    let printed = build(0);
    let (ours, theirs): (Vec<_>, Vec<_>) = printed
        .iter()
        .partition(|p| p.starts_with("desa/sukamaju/"));
    assert!(ours.len() >= 2 && theirs.len() == ours.len(), "{printed:?}");
    let before: Vec<u64> = ours.iter().map(|p| inode(p)).collect();
    let old_theirs: Vec<Vec<u8>> = theirs
        .iter()
        .map(|p| std::fs::read(out.join(p)).unwrap())
        .collect();

    // One village changes: only its files are made again.
    site.write(
        "content/desa/sukamakmur.yaml",
        &village.replace("Sukamaju", "Sukamakmur Baru"),
    );
    assert_eq!(build(ours.len()), printed);
    assert_eq!(
        ours.iter().map(|p| inode(p)).collect::<Vec<_>>(),
        before,
        "linked, not written"
    );
    for (p, old) in theirs.iter().zip(&old_theirs) {
        assert_ne!(
            &std::fs::read(out.join(p)).unwrap(),
            old,
            "{p} still shows the old name"
        );
    }

    // A file changed in the output since is not trusted: made again.
    let tampered = out.join(ours[0]);
    let len = std::fs::metadata(&tampered).unwrap().len() as usize;
    std::fs::write(&tampered, vec![b'x'; len]).unwrap();
    site.write(
        "content/desa/sukamakmur.yaml",
        &village.replace("Sukamaju", "Sukamakmur"),
    );
    build(ours.len() - 1);
    assert!(std::fs::read(&tampered).unwrap().starts_with(b"%PDF"));

    // The same files as a build from nothing.
    let fresh = site.root().join("fresh");
    lentera_core::build_to(site.root(), &fresh, &options(false, false)).unwrap();
    let (mut a, mut b) = (crate::common::tree(&out), crate::common::tree(&fresh));
    a.remove(".lentera-build.json");
    b.remove(".lentera-build.json");
    assert!(
        a == b,
        "an incremental build differs from a build from nothing"
    );
}
