//! The one-file edition: per language, every lesson in one self-contained
//! HTML file that opens offline after it was passed on, linked from the home
//! page with its size. See: #14 (item 2).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use lentera_core::{Build, urls};

use crate::common::{TestSite, html, links, options, repo};

/// At most 350 KB per file on the real content (1000-byte kilobytes, as
/// phones count them). It was 300 KB until every lesson carried its
/// questions (#26), which add about 40 KB to each language's edition
/// (312–327 KB with them).
const BUDGET: usize = 350 * 1000;

fn real() -> &'static Build {
    static BUILD: OnceLock<Build> = OnceLock::new();
    BUILD.get_or_init(|| {
        lentera_core::build(&repo(), &options(false, false)).expect("the real content builds")
    })
}

/// The edition of every configured language: (language, path, HTML).
fn editions(build: &Build) -> Vec<(String, String, &str)> {
    let config = &build.site.config;
    config
        .languages
        .iter()
        .map(|l| {
            let path = urls::one_file(config, &l.code);
            let text = html(build, &path);
            (l.code.clone(), path, text)
        })
        .collect()
}

/// Text with the character references minified HTML may keep decoded.
fn decoded(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Values of `id` attributes, quoted or not (minified HTML).
fn ids(html: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = html;
    while let Some(i) = rest.find(" id=") {
        rest = &rest[i + 4..];
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest.split([' ', '>']).next().unwrap_or(""),
        };
        out.insert(decoded(value));
    }
    out
}

/// The keys and titles of the lessons a reader of `lang` gets (fallbacks
/// included).
fn lessons(build: &Build, lang: &str) -> Vec<(String, String)> {
    build
        .site
        .groups()
        .map(|g| (g.key().to_string(), g.resolve(lang)))
        .filter(|(_, r)| r.page.is_lesson())
        .map(|(k, r)| (k, r.page.front.title.clone()))
        .collect()
}

#[test]
fn one_file_per_language_within_budget() {
    let build = real();
    assert_eq!(
        editions(build).len(),
        build.site.config.languages.len(),
        "one edition per language"
    );
    for (lang, path, text) in editions(build) {
        eprintln!("{path}: {} bytes ({lang})", text.len());
        assert!(
            text.len() <= BUDGET,
            "{path} is {} bytes, over the {BUDGET}-byte budget",
            text.len()
        );
        let start = format!("<!doctype html><html dir=ltr lang={lang}>");
        assert!(text.starts_with(&start), "{path}");
    }
}

#[test]
fn one_file_holds_every_lesson_of_its_language() {
    let build = real();
    for (lang, path, text) in editions(build) {
        let lessons = lessons(build, &lang);
        assert!(lessons.len() >= 20, "{path}: {} lessons", lessons.len());
        let text = decoded(text);
        let ids = ids(&text);
        for (key, title) in &lessons {
            assert!(text.contains(title.as_str()), "{path}: no title {title:?}");
            assert!(ids.contains(key), "{path}: no anchor #{key}");
        }
        // Every page written in this language is there in its own words.
        for page in build
            .site
            .pages
            .iter()
            .filter(|p| p.lang == lang && p.is_lesson())
        {
            assert!(
                text.contains(page.front.title.as_str()),
                "{path}: {}",
                page.path.display()
            );
            for point in &page.front.key_points {
                assert!(text.contains(point.as_str()), "{path}: key point {point:?}");
            }
        }
        // The hotlines, as the footer of every page shows them.
        for contact in &build.site.config.contacts {
            for n in &contact.numbers {
                assert!(text.contains(&n.number), "{path}: hotline {}", n.number);
            }
        }
    }
}

#[test]
fn one_file_requests_nothing_outside_itself() {
    let build = real();
    for (_, path, text) in editions(build) {
        let lower = text.to_ascii_lowercase();
        for tag in [
            "<script", "<img", "<picture", "<source", "<iframe", "<video", "<audio", "<object",
            "<embed",
        ] {
            assert!(!lower.contains(tag), "{path}: {tag}");
        }
        for pattern in [" src=", " srcset=", "url(", "@import"] {
            assert!(!lower.contains(pattern), "{path}: {pattern}");
        }
        // <link> only for the inline icon (no stylesheet, no font).
        assert_eq!(lower.matches("<link").count(), 1, "{path}");
        assert!(lower.contains("<link href=data:, rel=icon>"), "{path}");
        for link in links(text) {
            let allowed = link.starts_with('#')
                || link == "data:,"
                || ["https://", "http://", "tel:", "mailto:", "sms:"]
                    .iter()
                    .any(|s| link.starts_with(s));
            assert!(allowed, "{path}: link outside the file: {link}");
        }
    }
}

#[test]
fn one_file_lesson_links_are_anchors_in_the_file() {
    let build = real();
    let config = &build.site.config;
    for (lang, path, text) in editions(build) {
        let ids = ids(text);
        let lessons: BTreeSet<String> = lessons(build, &lang).into_iter().map(|l| l.0).collect();
        let mut to_lessons = 0;
        for link in links(text) {
            if let Some(anchor) = link.strip_prefix('#') {
                assert!(ids.contains(anchor), "{path}: #{anchor} is not in the file");
                if lessons
                    .iter()
                    .any(|k| anchor == k || anchor.starts_with(&format!("{k}/")))
                {
                    to_lessons += 1;
                }
            }
        }
        // The table of contents links each lesson once; the rest are links
        // between lessons, written as links to their Markdown files.
        assert!(
            to_lessons > lessons.len() + 20,
            "{path}: {to_lessons} links to lessons"
        );
        // None of them goes to the website instead.
        for key in &lessons {
            let web = urls::absolute(config, key, &lang);
            assert!(
                !links(text)
                    .iter()
                    .any(|l| l.split('#').next() == Some(web.as_str())),
                "{path}: links to {web} instead of #{key}"
            );
        }
    }
}

#[test]
fn home_page_links_its_one_file_with_its_size() {
    let build = real();
    let config = &build.site.config;
    for (lang, path, text) in editions(build) {
        let home_path = format!("{}index.html", config.lang_prefix(&lang));
        let home = html(build, &home_path);
        let root = urls::root_prefix(&config.lang_prefix(&lang));
        assert!(
            links(home).contains(&format!("{root}{path}")),
            "{home_path} does not link {path}"
        );
        let kb = (text.len() + 500) / 1000;
        assert!(
            home.contains(&format!("(HTML, {kb} KB)")),
            "{home_path}: size of {path} ({kb} KB)"
        );
        assert!(
            home.contains(&format!("download={}", urls::one_file_download(&lang))),
            "{home_path}"
        );
    }
}

#[test]
fn one_file_on_a_fixture_marks_fallbacks_and_keeps_only_alt_text() {
    let site = TestSite::fixture("basic");
    let build = site.build().unwrap();
    let en = decoded(html(&build, "en/semua-pelajaran.html"));
    let id = decoded(html(&build, "semua-pelajaran.html"));
    // Both lessons, in weight order, with key points, sources and hotlines.
    let first = id.find("Jalur resmi").unwrap();
    assert!(id[first..].contains("Penipuan calo"), "weight order");
    for text in [&en, &id] {
        assert!(text.contains("Daftar di Disnaker."));
        assert!(text.contains("href=https://peraturan.example/"));
        assert!(text.contains("0800-1000"));
        assert!(!text.contains("Draf"), "drafts stay out");
    }
    // In English every lesson falls back to Indonesian, and says so.
    assert!(en.contains("Not yet translated."), "{en}");
    assert!(en.contains("(not yet translated)"), "{en}");
    assert!(
        en.contains("<p class=summary dir=ltr lang=id>Langkah resmi"),
        "{en}"
    );
    assert!(en.contains("<div class=body dir=ltr lang=id>"), "{en}");
    assert!(!id.contains("Not yet translated."));
    // Links between lessons, to headings and to footnotes stay in the file.
    let ids = ids(&en);
    for anchor in [
        "pelajaran/penipuan/ciri-ciri",
        "pelajaran/jalur-resmi/langkah-pertama",
    ] {
        assert!(en.contains(&format!("href=#{anchor}")), "{anchor}: {en}");
        assert!(ids.contains(anchor), "{anchor}");
    }
    for link in links(&en).iter().filter(|l| l.starts_with('#')) {
        assert!(ids.contains(&link[1..]), "{link}");
    }
    // The image is its alt text; nothing is fetched.
    assert!(en.contains("<span class=img-alt>alur</span>"), "{en}");
    assert!(!en.contains("alur.svg"));
    // Body headings sit under the lesson's h3.
    assert!(
        en.contains("<h4 id=pelajaran/jalur-resmi/langkah-pertama>"),
        "{en}"
    );
    assert!(
        en.contains("<h5 id=pelajaran/jalur-resmi/rincian-dokumen>"),
        "{en}"
    );
}

#[test]
fn a_theme_without_the_template_makes_no_one_file() {
    let site = TestSite::fixture("basic");
    std::fs::remove_file(site.root().join("themes/default/templates/onefile.html")).unwrap();
    let build = site.build().unwrap();
    assert!(build.file("semua-pelajaran.html").is_none());
    assert!(!html(&build, "index.html").contains("semua-pelajaran"));
}

/// The basic fixture with `n` more lessons of about 2 KB each after its own
/// two, in order (`pelajaran/tambahan-01` …), the first of them linking to
/// the last, and `yaml` added to site.yaml.
fn big_site(n: usize, yaml: &str) -> TestSite {
    let site = TestSite::fixture("basic");
    let sentence = "Bekerja ke luar negeri lewat jalur resmi melindungi Anda dari calo. ";
    for i in 1..=n {
        let link = if i == 1 {
            format!("Baca juga [yang terakhir](tambahan-{n:02}.md#bagian).\n\n")
        } else {
            String::new()
        };
        site.write(
            &format!("content/pelajaran/tambahan-{i:02}.id.md"),
            &format!(
                "---\ntitle: Pelajaran tambahan {i:02}\nkind: info\nweight: {}\n---\n{link}## Bagian\n\n{}\n",
                100 + i,
                sentence.repeat(30)
            ),
        );
    }
    let yaml_path = site.root().join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml_path).unwrap();
    site.write("content/site.yaml", &format!("{text}{yaml}"));
    site
}

/// The over-budget warnings of a build: (language, lessons kept, total,
/// first left out, where).
fn cuts(build: &Build) -> Vec<(String, usize, usize, String, String)> {
    build
        .warnings
        .iter()
        .filter_map(|w| match &w.message {
            lentera_messages::Msg::OneFileOverBudget {
                lang,
                kept,
                total,
                first,
                ..
            } => Some((
                lang.clone(),
                *kept,
                *total,
                first.clone(),
                format!("{}:{}", w.file.display(), w.line),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn one_file_over_its_budget_keeps_the_first_lessons_and_says_so() {
    let site = big_site(60, "onefile_budget_kb: 50\n");
    let build = site.build().unwrap();
    let line = std::fs::read_to_string(site.root().join("content/site.yaml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("onefile_budget_kb:"))
        .unwrap()
        + 1;
    let cuts = cuts(&build);
    assert_eq!(cuts.len(), 2, "one warning per language: {cuts:?}");
    // `check` says the same.
    let report = lentera_check::run(site.root(), &lentera_check::CheckOptions::default());
    let in_check: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.message.code() == "onefile-over-budget")
        .map(|d| d.located())
        .collect();
    assert_eq!(in_check.len(), 2, "{in_check:?}");
    assert!(
        in_check
            .iter()
            .any(|l| l.contains("`en`") && l.contains(&format!("content/site.yaml:{line}"))),
        "{in_check:?}"
    );
    let warning = build
        .warnings
        .iter()
        .find(|w| w.message.code() == "onefile-over-budget")
        .unwrap();
    assert_eq!(
        warning.hint.as_ref().map(|h| h.code()),
        Some("keep-onefile-lessons")
    );
    for (lang, kept, total, first, at) in cuts {
        assert_eq!(at, format!("content/site.yaml:{line}"), "{lang}");
        assert_eq!(total, 62, "{lang}");
        // 60 lessons of 2 KB cannot fit in 50 KB; a handful must.
        assert!((10..40).contains(&kept), "{lang}: {kept} lessons kept");
        let path = urls::one_file(&build.site.config, &lang);
        let bytes = html(&build, &path).len();
        assert!(bytes <= 50_000, "{path}: {bytes} bytes");
        // The lessons kept are the first ones, in reading order: the
        // fixture's two, then the added ones.
        assert_eq!(
            first,
            format!("pelajaran/tambahan-{:02}", kept - 1),
            "{lang}"
        );
        let text = decoded(html(&build, &path));
        for i in 1..=60 {
            let title = format!("Pelajaran tambahan {i:02}");
            assert_eq!(text.contains(&title), i + 2 <= kept, "{path}: {title}");
        }
        // Inside the file: what it holds, what is missing and where it is.
        let home = urls::absolute(&build.site.config, "", &lang);
        let (holds, more) = match lang.as_str() {
            "id" => (
                format!("Berkas ini memuat {kept} pelajaran pertama dari 62 pelajaran"),
                format!("{} pelajaran lainnya ada di situs web", 62 - kept),
            ),
            _ => (
                format!("This file holds the first {kept} of the 62 lessons"),
                format!("{} more lessons are on the website", 62 - kept),
            ),
        };
        assert!(text.contains(&holds), "{path}: {holds}");
        assert_eq!(text.matches("<article ").count(), kept, "{path}");
        assert!(
            text.contains(&format!("href={home}>{more}</a>")),
            "{path}: {more}"
        );
        assert!(
            !text.contains("All lessons") && !text.contains("Semua pelajaran dalam satu berkas")
        );
        // Every anchor is in the file; the link to a lesson left out goes
        // to the website.
        let ids = ids(&text);
        for link in links(&text).iter().filter(|l| l.starts_with('#')) {
            assert!(
                ids.contains(&link[1..]),
                "{path}: {link} is not in the file"
            );
        }
        let last = urls::absolute(&build.site.config, "pelajaran/tambahan-60", &lang);
        assert!(
            links(&text).contains(&format!("{last}#bagian")),
            "{path}: no link to {last}"
        );
        // The home page says which lessons the file holds.
        let home_page = html(
            &build,
            &format!("{}index.html", build.site.config.lang_prefix(&lang)),
        );
        let size = (bytes + 500) / 1000;
        let label = match lang.as_str() {
            "id" => format!("(HTML, {size} KB, {kept} pelajaran pertama dari 62)"),
            _ => format!("(HTML, {size} KB, the first {kept} of 62 lessons)"),
        };
        assert!(home_page.contains(&label), "{lang}: {label}");
    }
}

#[test]
fn one_file_within_its_budget_holds_every_lesson_and_no_notice() {
    // The same lessons with a budget that holds them (the default, 350 KB).
    let site = big_site(60, "");
    let build = site.build().unwrap();
    assert!(cuts(&build).is_empty(), "{:?}", cuts(&build));
    for lang in ["id", "en"] {
        let path = urls::one_file(&build.site.config, lang);
        let text = decoded(html(&build, &path));
        assert!(
            text.len() > 100_000 && text.len() <= 350_000,
            "{path}: {}",
            text.len()
        );
        for i in 1..=60 {
            assert!(
                text.contains(&format!("Pelajaran tambahan {i:02}")),
                "{path}: {i}"
            );
        }
        let last = urls::absolute(&build.site.config, "pelajaran/tambahan-60", lang);
        assert!(
            text.contains("href=#pelajaran/tambahan-60/bagian"),
            "{path}"
        );
        assert!(!text.contains(&last), "{path}: links to {last}");
        for notice in [
            "pelajaran pertama dari",
            "more lessons are on the website",
            "class=notice role=note><p>Berkas",
        ] {
            assert!(!text.contains(notice), "{path}: {notice}");
        }
    }
}
