//! Interface strings: `themes/<theme>/i18n/LANG.yaml`, overridden key by key by
//! `content/i18n/LANG.yaml`. Lookups fall back to the default language and
//! record what was missing, so `check` can report it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::config::Config;
use crate::error::{Error, Result};
use crate::yaml;

/// All interface strings of a site, per language.
#[derive(Debug, Clone, Default)]
pub struct Strings {
    default_lang: String,
    table: BTreeMap<String, BTreeMap<String, String>>,
    misses: Arc<Mutex<BTreeSet<(String, String)>>>,
}

impl Strings {
    /// Load the theme's files, then the site's overrides. `theme_dir` is
    /// `themes/<theme>`; `overrides` are `(lang, path)` of `content/i18n/*.yaml`.
    pub fn load(
        theme_dir: &Path,
        overrides: &[(String, std::path::PathBuf)],
        config: &Config,
    ) -> Result<Strings> {
        let mut strings = Strings {
            default_lang: config.default_language.clone(),
            ..Default::default()
        };
        for lang in &config.languages {
            let path = theme_dir.join("i18n").join(format!("{}.yaml", lang.code));
            if path.is_file() {
                let display = Path::new("themes")
                    .join(theme_dir.file_name().unwrap_or_default())
                    .join("i18n")
                    .join(format!("{}.yaml", lang.code));
                strings.merge(&lang.code, &display, &read(&path)?)?;
            }
        }
        for (lang, path) in overrides {
            let display = Path::new("content/i18n").join(format!("{lang}.yaml"));
            strings.merge(lang, &display, &read(path)?)?;
        }
        Ok(strings)
    }

    /// Add the strings of `text` (a flat YAML map) for `lang`.
    pub fn merge(&mut self, lang: &str, path: &Path, text: &str) -> Result<()> {
        let map: BTreeMap<String, String> = yaml::parse(path, text, 1)?;
        self.table.entry(lang.to_string()).or_default().extend(map);
        Ok(())
    }

    /// The string for `key` in `lang`, falling back to the default language,
    /// then to the key itself. Every miss in `lang` is recorded.
    pub fn get(&self, lang: &str, key: &str) -> String {
        if let Some(s) = self.table.get(lang).and_then(|m| m.get(key)) {
            return s.clone();
        }
        self.misses
            .lock()
            .expect("no panics while holding the lock")
            .insert((lang.to_string(), key.to_string()));
        self.table
            .get(&self.default_lang)
            .and_then(|m| m.get(key))
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// `(lang, key)` pairs looked up but missing so far.
    pub fn misses(&self) -> Vec<(String, String)> {
        self.misses
            .lock()
            .expect("no panics while holding the lock")
            .iter()
            .cloned()
            .collect()
    }

    /// Forget the misses recorded so far (a new build with the same strings).
    pub fn clear_misses(&self) {
        self.misses
            .lock()
            .expect("no panics while holding the lock")
            .clear();
    }

    /// Every key any language defines.
    pub fn keys(&self) -> BTreeSet<&str> {
        self.table
            .values()
            .flat_map(|m| m.keys().map(String::as_str))
            .collect()
    }

    /// Whether `lang` defines `key` itself (no fallback).
    pub fn has(&self, lang: &str, key: &str) -> bool {
        self.table.get(lang).is_some_and(|m| m.contains_key(key))
    }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_and_records_misses() {
        let mut s = Strings {
            default_lang: "id".into(),
            ..Default::default()
        };
        s.merge("id", Path::new("id.yaml"), "home: Beranda\nsearch: Cari\n")
            .unwrap();
        s.merge("jv", Path::new("jv.yaml"), "home: Ngajeng\n")
            .unwrap();
        assert_eq!(s.get("jv", "home"), "Ngajeng");
        assert_eq!(s.get("jv", "search"), "Cari");
        assert_eq!(s.get("jv", "nothing"), "nothing");
        assert_eq!(
            s.misses(),
            vec![
                ("jv".into(), "nothing".into()),
                ("jv".into(), "search".into())
            ]
        );
        s.merge("jv", Path::new("override.yaml"), "search: Golek\n")
            .unwrap();
        assert_eq!(s.get("jv", "search"), "Golek");
    }

    #[test]
    fn non_string_values_are_errors_with_line() {
        let mut s = Strings::default();
        let err = s
            .merge("id", Path::new("id.yaml"), "a: b\nc: [1]\n")
            .unwrap_err();
        assert!(matches!(err, Error::Yaml { line: 2, .. }), "{err:?}");
    }
}
