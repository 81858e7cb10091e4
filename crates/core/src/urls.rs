//! The URL scheme, in one place: where every page and generated file of the
//! site lives, relative to the site root. The default language sits at the
//! root, the others under their code (`pelajaran/x/`, `en/pelajaran/x/`).

use crate::config::Config;

/// Folder of the A–Z topic pages inside each language.
pub const TOPICS_SLUG: &str = "indeks";

/// Folder of the glossary page inside each language (and of the glossary
/// files inside `content/`).
pub const GLOSSARY_SLUG: &str = "glosarium";

/// Output path of the search script (copied from the theme's `static/`).
pub const SEARCH_SCRIPT: &str = "search.js";

/// File name of the one-file edition of each language (every lesson in one
/// self-contained HTML file, to pass on).
pub const ONE_FILE: &str = "semua-pelajaran.html";

/// Folder of the staff page with the translation status.
pub const STATUS_PAGE: &str = "status/index.html";

/// The folder of page `key` in `lang` from the site root (`en/pelajaran/x/`;
/// `""` for the home page of the default language), ending in `index.html`
/// when `portable`.
pub fn page_path(config: &Config, key: &str, lang: &str, portable: bool) -> String {
    let mut path = config.lang_prefix(lang);
    if !key.is_empty() {
        path.push_str(key);
        path.push('/');
    }
    if portable {
        path.push_str("index.html");
    }
    path
}

/// The relative path from a page folder (`en/pelajaran/x/`) to the site root.
pub fn root_prefix(dir_path: &str) -> String {
    let depth = dir_path.matches('/').count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

/// The absolute URL of page `key` in `lang` (canonical links, QR codes,
/// sitemap).
pub fn absolute(config: &Config, key: &str, lang: &str) -> String {
    format!("{}{}", config.base_url, page_path(config, key, lang, false))
}

/// Output path of one language's search index.
pub fn search_index(lang: &str) -> String {
    format!("search/index-{lang}.js")
}

/// The folder of the A–Z topic page of `lang` (`indeks/`, `en/indeks/`),
/// ending in `index.html` when `portable`.
pub fn topics_page(config: &Config, lang: &str, portable: bool) -> String {
    page_path(config, TOPICS_SLUG, lang, portable)
}

/// The folder of the glossary page of `lang` (`glosarium/`,
/// `en/glosarium/`), ending in `index.html` when `portable`.
pub fn glossary_page(config: &Config, lang: &str, portable: bool) -> String {
    page_path(config, GLOSSARY_SLUG, lang, portable)
}

/// The output path of the one-file edition of `lang` (`semua-pelajaran.html`,
/// `en/semua-pelajaran.html`).
pub fn one_file(config: &Config, lang: &str) -> String {
    format!("{}{ONE_FILE}", config.lang_prefix(lang))
}

/// The name a downloaded one-file edition of `lang` is saved under, so
/// editions passed on in several languages do not overwrite each other
/// (`semua-pelajaran-jv.html`).
pub fn one_file_download(lang: &str) -> String {
    format!("{}-{lang}.html", ONE_FILE.trim_end_matches(".html"))
}

/// The output path of a village's leaflet in `lang`: next to the village
/// page in the default language, named so a downloaded file says what it is.
pub fn leaflet(config: &Config, village_key: &str, slug: &str, lang: &str) -> String {
    format!(
        "{}{slug}-{lang}.pdf",
        page_path(config, village_key, &config.default_language, false),
    )
}

/// The output path of a village's A4 poster in `lang`, beside its leaflets.
pub fn poster(config: &Config, village_key: &str, slug: &str, lang: &str) -> String {
    format!(
        "{}{slug}-poster-{lang}.pdf",
        page_path(config, village_key, &config.default_language, false),
    )
}

/// A stable, readable id from heading text: lowercase ASCII letters, digits and
/// dashes, with Latin diacritics folded (`Pitakonan Kulawarga` → `pitakonan-kulawarga`,
/// `Hak-hak Anda!` → `hak-hak-anda`, `Rp0 & 18 tahun` → `rp0-18-tahun`).
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') && c != '\'' && c != '’' {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "bagian".to_string()
    } else {
        slug
    }
}

fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ç' => 'c',
        'ñ' | 'ŋ' => 'n',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config() -> Config {
        Config::parse(
            Path::new("site.yaml"),
            "base_url: https://e.org/x/\ndefault_language: id\nlanguages:\n  - {code: id, name: I}\n  - {code: en, name: E}\n",
        )
        .unwrap()
    }

    #[test]
    fn default_language_at_the_root_others_under_their_code() {
        let c = config();
        assert_eq!(page_path(&c, "a/b", "id", false), "a/b/");
        assert_eq!(page_path(&c, "a/b", "en", true), "en/a/b/index.html");
        assert_eq!(page_path(&c, "", "id", false), "");
        assert_eq!(page_path(&c, "", "en", false), "en/");
        assert_eq!(absolute(&c, "a", "en"), "https://e.org/x/en/a/");
        assert_eq!(topics_page(&c, "en", false), "en/indeks/");
        assert_eq!(search_index("jv"), "search/index-jv.js");
        assert_eq!(one_file(&c, "id"), "semua-pelajaran.html");
        assert_eq!(one_file(&c, "en"), "en/semua-pelajaran.html");
        assert_eq!(one_file_download("jv"), "semua-pelajaran-jv.html");
    }

    #[test]
    fn root_prefix_climbs_one_level_per_folder() {
        assert_eq!(root_prefix(""), "./");
        assert_eq!(root_prefix("a/"), "../");
        assert_eq!(root_prefix("en/a/b/"), "../../../");
    }
}
