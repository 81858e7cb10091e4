//! The fuzz harnesses of lentera (#11), one function per target. Each takes
//! the bytes libFuzzer hands it, runs them through the same functions a build
//! or `lentera serve` runs on a file or a request, and panics only where
//! lentera would: a panic (or a stack overflow, or a timeout) is a bug, an
//! `Err` is a correct answer. Nothing here writes a file.
//!
//! Besides "no panic", two properties are checked on every result, because
//! breaking them is a security bug rather than a crash:
//! - a rendered page holds no script, event handler, frame or
//!   `javascript:`/`vbscript:`/`data:` link ([`assert_no_script`]);
//! - a request target becomes a path that cannot leave the site, and the
//!   `Location` header written for it leads back to it ([`http_request`]).
//!
//! The targets in `fuzz_targets/` are one-line wrappers around these, so the
//! same harness can be driven by another fuzzer (cargo-afl, bolero) or by a
//! plain test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use lentera_core::config::{Config, Date, Localized};
use lentera_core::content::{self, Site};
use lentera_core::i18n::Strings;
use lentera_core::images::ImageInfo;
use lentera_core::markdown::{self, CalloutTitles, LinkEnv};
use lentera_serve::http;

/// The real site's settings: five languages, contacts and offices, the raw
/// HTML policy left at its default (`sanitize`).
const SITE_YAML: &str = include_str!("../../content/site.yaml");

/// The theme's Indonesian strings, which an override file overrides.
const THEME_STRINGS: &str = include_str!("../../themes/default/i18n/id.yaml");

/// The pages of the real site, so that links in the seeds (and mutations of
/// them) resolve and the successful half of link rewriting runs.
const PAGE_KEYS: [&str; 30] = [
    "",
    "desa",
    "kontak",
    "modus",
    "modus/calo",
    "modus/calo-paspor",
    "modus/jalur-laut",
    "modus/lowongan-online",
    "modus/paspor-ditahan",
    "modus/utang",
    "modus/visa-turis",
    "pelajaran",
    "pelajaran/biaya",
    "pelajaran/cek-tawaran-kerja",
    "pelajaran/dokumen",
    "pelajaran/hak",
    "pelajaran/jalur-resmi",
    "pelajaran/negara-tujuan",
    "pelajaran/paspor",
    "pelajaran/pulang",
    "pelajaran/saat-bekerja",
    "pelajaran/tujuan-resmi",
    "peran-desa",
    "peran-desa/kepala-desa",
    "peran-desa/lapor-orang-asing",
    "tentang",
    "waspada",
    "waspada/jika-terjebak",
    "waspada/penyelundupan-manusia",
    "waspada/tanda-bahaya",
];

/// Static files next to the pages; the PNG has a size and a WebP copy, as
/// `images::process` would record.
const ASSETS: [&str; 4] = [
    "pelajaran/alur.png",
    "pelajaran/alur.svg",
    "modus/bukti.pdf",
    "desa/peta.jpg",
];

/// Where the fuzzed page file lives: a lesson in the default language, and a
/// section index in another language (where `translation:` is allowed).
const PAGE_PATHS: [&str; 2] = ["pelajaran/contoh.md", "modus/_index.en.md"];

struct Fixtures {
    config: Config,
    page_keys: BTreeSet<String>,
    assets: BTreeSet<String>,
    images: BTreeMap<String, ImageInfo>,
    callouts: CalloutTitles,
    strings: Strings,
}

fn fixtures() -> &'static Fixtures {
    static FIXTURES: OnceLock<Fixtures> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let config = Config::parse(Path::new("content/site.yaml"), SITE_YAML)
            .expect("content/site.yaml parses");
        let mut strings = Strings::default();
        strings
            .merge(
                "id",
                Path::new("themes/default/i18n/id.yaml"),
                THEME_STRINGS,
            )
            .expect("the theme's strings parse");
        Fixtures {
            config,
            page_keys: PAGE_KEYS.iter().map(|k| k.to_string()).collect(),
            assets: ASSETS.iter().map(|a| a.to_string()).collect(),
            images: [(
                "pelajaran/alur.png".to_string(),
                ImageInfo {
                    width: 800,
                    height: 600,
                    webp: Some("pelajaran/alur.png.webp".to_string()),
                },
            )]
            .into(),
            callouts: CalloutTitles {
                note: "Catatan".into(),
                tip: "Tips".into(),
                important: "Penting".into(),
                warning: "Awas".into(),
                caution: "Hati-hati".into(),
            },
            strings,
        }
    })
}

/// A fixed "today", so that a run is reproducible.
fn today() -> Date {
    Date::parse("2026-06-01").expect("a valid date")
}

/// Text as lentera gets it from a file. `read_to_string` refuses bytes that
/// are not UTF-8 (an `Err`, tested elsewhere); the lossy conversion keeps
/// byte-level mutations useful instead of discarding them.
fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// (a) A page file: front matter and Markdown, as `content::load` reads it
/// (`clean_text`, then `parse_page`), rendered by `markdown::render` with
/// links, anchors, images and raw HTML (through the sanitiser) as in a build,
/// then minified as a build minifies a page that rendered without errors.
pub fn page(data: &[u8]) {
    let f = fixtures();
    let text = content::clean_text(text(data));
    for rel in PAGE_PATHS {
        let Ok(page) = content::parse_page(rel, &text, &f.config) else {
            continue;
        };
        let env = LinkEnv {
            config: &f.config,
            page_keys: &f.page_keys,
            assets: &f.assets,
            lang: &page.lang,
            root: "../../",
            portable: data.len() % 2 == 1,
            glossary: None,
            callout_titles: &f.callouts,
            images: &f.images,
        };
        let rendered = markdown::render(&page, &env);
        assert_no_script(&rendered.html);
        for entry in &rendered.toc {
            assert!(
                rendered.anchors.contains(&entry.id),
                "a heading in the table of contents has no anchor: {entry:?}"
            );
        }
        if rendered.errors.is_empty() {
            minify(rendered.html.as_bytes());
        }
    }
}

/// (f) HTML through lentera's one-pass minifier: where it does not leave a
/// page to minify-html, it must write minify-html's bytes exactly.
pub fn minify(data: &[u8]) {
    let html = text(data);
    if let Some(fast) = lentera_minify::fast(html.as_bytes()) {
        let reference = lentera_minify::reference(html.as_bytes());
        assert!(
            fast == reference,
            "the one-pass minifier differs from minify-html\n  fast: {:?}\n  minify-html: {:?}",
            String::from_utf8_lossy(&fast),
            String::from_utf8_lossy(&reference)
        );
    }
}

/// (b) `content/site.yaml` through `Config::parse`, then what pages and
/// leaflets ask of a parsed config.
pub fn site_config(data: &[u8]) {
    let text = text(data);
    let Ok(config) = Config::parse(Path::new("content/site.yaml"), &text) else {
        return;
    };
    assert!(config.base_url.ends_with('/'));
    assert!(config.language(&config.default_language).is_some());
    let _ = Date::at(&config.time_zone, jiff_noon());
    let _ = config.stale_contacts(today());
    let _ = config.base_url_is_placeholder();
    for lang in &config.languages {
        let _ = config.lang_prefix(&lang.code);
        let _ = lentera_core::urls::page_path(&config, "pelajaran/x", &lang.code, false);
        let _ = lentera_core::urls::absolute(&config, "pelajaran/x", &lang.code);
    }
    let def = config.default_language.as_str();
    for (name, numbers, verified) in config
        .number_holders()
        .iter()
        .map(|h| (h.name, h.numbers, h.source_date))
    {
        for lang in config.language_codes() {
            let _ = name.get(lang, def);
        }
        for n in numbers {
            let _ = n.kind.href(&n.number);
            if let Some(note) = &n.note {
                let _ = note.get(def, def);
            }
        }
        if let Some(d) = verified {
            assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
        }
    }
}

fn jiff_noon() -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_780_315_200).expect("a valid timestamp")
}

/// (c) A village file (`content/desa/x.yaml`) through `village::parse`
/// against the real site's settings and pages, then what the village page and
/// leaflets ask of it.
pub fn village(data: &[u8]) {
    let f = fixtures();
    let text = text(data);
    let keys: BTreeSet<&str> = f.page_keys.iter().map(String::as_str).collect();
    let Ok(v) = content::village::parse(
        Path::new("content/desa/x.yaml"),
        "desa/x.yaml",
        &text,
        &f.config,
        &keys,
    ) else {
        return;
    };
    let def = f.config.default_language.as_str();
    for lang in v.languages(&f.config) {
        assert!(f.config.language(lang).is_some(), "{lang}");
        let _ = lentera_core::urls::leaflet(&f.config, &v.key, &v.slug, lang);
        if let Some(about) = &v.file.about {
            let _ = about.get(lang, def);
        }
    }
    let localized = |l: &Option<Localized>| {
        if let Some(l) = l {
            let _ = l.get(def, def);
        }
    };
    for c in &v.file.contacts {
        let _ = c.name.get(def, def);
        localized(&c.role);
    }
    for s in &v.file.sessions {
        localized(&s.topic);
        assert_eq!(
            Date::from_days_since_epoch(s.date.days_since_epoch()),
            s.date
        );
    }
    let site = Site {
        config: f.config.clone(),
        pages: Vec::new(),
        villages: vec![v.clone()],
        assets: Vec::new(),
        i18n_overrides: Vec::new(),
        glossaries: Vec::new(),
        draft_pages: Vec::new(),
    };
    let _ = site.village_lessons(&v);
    let _ = site.stale_village_contacts(today());
}

/// (d) An interface-strings file (`content/i18n/LANG.yaml`, or a theme's
/// `i18n/LANG.yaml`) through `Strings::merge`, over the theme's strings, then
/// looked up as templates look strings up.
pub fn i18n(data: &[u8]) {
    let text = text(data);
    let mut strings = fixtures().strings.clone();
    if strings
        .merge("id", Path::new("content/i18n/id.yaml"), &text)
        .is_ok()
    {
        let keys: Vec<String> = strings.keys().into_iter().map(str::to_string).collect();
        for key in &keys {
            assert!(strings.has("id", key), "{key}");
            let _ = strings.get("id", key);
            let _ = strings.get("jv", key);
        }
    }
    // The misses are shared by every clone: forget them, or they would grow
    // with every input.
    strings.clear_misses();
}

/// (e) The preview server's request parsing: `read_request` on the bytes as
/// they come from the socket, `site_path` on the target and
/// `is_loopback_host` on the `Host` header (and each of them on the raw
/// bytes too, to reach inputs the request line cannot carry).
pub fn http_request(data: &[u8]) {
    let raw = String::from_utf8_lossy(data);
    let _ = http::is_loopback_host(&raw);
    check_site_path(&raw);
    let mut stream = data;
    let Ok(request) = http::read_request(&mut stream) else {
        return;
    };
    if let Some(host) = &request.host {
        let _ = http::is_loopback_host(host);
    }
    check_site_path(&request.target);
}

/// `site_path` either refuses `target` or gives a path inside the site that
/// the redirect written for it leads back to.
fn check_site_path(target: &str) {
    let Ok(path) = http::site_path(target) else {
        return;
    };
    assert!(!path.starts_with('/'), "{target:?} -> {path:?}");
    assert!(
        !path.contains('\\') && !path.chars().any(char::is_control),
        "{target:?} -> {path:?}"
    );
    let folder = path.strip_suffix('/').unwrap_or(&path);
    if !folder.is_empty() {
        for segment in folder.split('/') {
            assert!(
                !segment.is_empty() && segment != "." && segment != "..",
                "{target:?} -> {path:?}"
            );
        }
    }
    let _ = http::content_type(&path);
    let location = http::encode_location(&format!("/{path}"));
    assert_eq!(
        http::site_path(&location).as_deref(),
        Ok(path.as_str()),
        "the redirect for {target:?} is {location:?}"
    );
}

/// Elements that must never come out of Markdown with the raw HTML policy
/// `sanitize`.
const BANNED_ELEMENTS: [&str; 15] = [
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta",
    "base", "form", "svg", "math", "template",
];

/// Attributes that hold an address a browser follows or loads.
const URL_ATTRIBUTES: [&str; 6] = [
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
];

/// Panic if `html` (a rendered page body, raw HTML policy `sanitize`) holds
/// an element in [`BANNED_ELEMENTS`], an event-handler attribute, or a
/// `javascript:`, `vbscript:` or `data:` address. A small tokenizer of its
/// own, not lentera's, so the sanitiser is not checked by itself: text is
/// escaped in this HTML, so every `<` that is not inside a quoted attribute
/// value starts a tag, a comment or an end tag.
pub fn assert_no_script(html: &str) {
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        i += 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
            i += 1;
        }
        let tag = html[start..i].to_ascii_lowercase();
        if tag.is_empty() {
            continue;
        }
        assert!(
            !BANNED_ELEMENTS.contains(&tag.as_str()),
            "<{tag}> in the output:\n{html}"
        );
        // Attributes, up to the end of the tag.
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let name = html[start..i].to_ascii_lowercase();
            let mut value = "";
            if b.get(i) == Some(&b'=') {
                i += 1;
                if matches!(b.get(i), Some(b'"' | b'\'')) {
                    let quote = b[i] as char;
                    let end = html[i + 1..].find(quote).map_or(b.len(), |e| i + 1 + e);
                    value = &html[i + 1..end];
                    i = (end + 1).min(b.len());
                } else {
                    let start = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = &html[start..i];
                }
            }
            assert!(
                !name.starts_with("on"),
                "an event handler `{name}` on <{tag}> in the output:\n{html}"
            );
            if URL_ATTRIBUTES.contains(&name.as_str()) {
                let address: String = decode_attribute(value)
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    assert!(
                        !address.starts_with(scheme),
                        "a `{scheme}` address in <{tag} {name}> in the output:\n{html}"
                    );
                }
            }
        }
    }
}

/// An attribute value as a browser reads it: character references decoded
/// once (numeric ones, and the named ones that can spell a scheme).
fn decode_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(rest.len());
        let name = &rest[..end];
        let decoded = match name.strip_prefix('#') {
            Some(num) => match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            }
            .and_then(char::from_u32),
            None => match name.to_ascii_lowercase().as_str() {
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                _ => None,
            },
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}
