//! `lentera new`: a new lesson or village file with every field present and a
//! comment in Indonesian explaining each. New files are drafts.

use std::path::{Path, PathBuf};

use crate::config::{Config, Date};
use crate::error::{Error, Result};
use crate::messages::Msg;

fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn slug_error(path: &str, example: Msg) -> Error {
    // The name is not a file yet: the message names it, no location.
    Error::content(
        "",
        0,
        Msg::InvalidName {
            name: path.to_string(),
        },
    )
    .with_hint(example)
}

/// `lentera new lesson kapal-ikan`: the section is missing, not the name
/// wrong. The hint lists the sections (folders of content/ with an
/// `_index` page, less the villages' folder, which holds YAML files) and
/// shows the command with the first.
fn no_section_error(root: &Path, name: &str) -> Error {
    let mut sections: Vec<String> = std::fs::read_dir(root.join("content"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter(|e| {
            let names: Vec<String> = std::fs::read_dir(e.path())
                .into_iter()
                .flatten()
                .flatten()
                .map(|f| f.file_name().to_string_lossy().into_owned())
                .collect();
            names.iter().any(|n| n.starts_with("_index."))
                && !names.iter().any(|n| n.ends_with(".yaml"))
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    sections.sort();
    let slug = name.trim_matches('/');
    let slug = if valid_slug(slug) { slug } else { "judul-baru" };
    let example = format!(
        "{}/{slug}",
        sections.first().map_or("modus", String::as_str)
    );
    Error::content(
        "",
        0,
        Msg::LessonWithoutSection {
            name: name.to_string(),
        },
    )
    .with_hint(Msg::SectionsAre {
        list: sections
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", "),
        example,
    })
}

/// Create `content/SECTION/SLUG.LANG.md`; returns its path.
pub fn new_lesson(root: &Path, section_slug: &str, lang: Option<&str>) -> Result<PathBuf> {
    let config = Config::load(&root.join("content/site.yaml"))?;
    let lang = lang.unwrap_or(&config.default_language);
    if config.language(lang).is_none() {
        return Err(Error::content(
            "content/site.yaml",
            0,
            Msg::LangNotConfigured {
                code: lang.to_string(),
            },
        )
        .with_hint(Msg::Configured {
            list: config.language_codes().join(", "),
        }));
    }
    let (section, slug) = section_slug
        .trim_matches('/')
        .rsplit_once('/')
        .ok_or_else(|| no_section_error(root, section_slug))?;
    if !valid_slug(slug) || section.split('/').any(|s| !valid_slug(s)) {
        return Err(slug_error(section_slug, Msg::ExampleName));
    }
    let dir = root.join("content").join(section);
    if !dir.is_dir() {
        return Err(Error::content(
            format!("content/{section}"),
            0,
            Msg::SectionMissing {
                section: section.to_string(),
            },
        )
        .with_hint(Msg::CreateSection));
    }
    for existing in [format!("{slug}.md"), format!("{slug}.{lang}.md")] {
        let p = dir.join(&existing);
        if p.exists()
            && (existing.ends_with(&format!(".{lang}.md")) || lang == config.default_language)
        {
            return Err(Error::content(
                format!("content/{section}/{existing}"),
                0,
                Msg::FileExists,
            ));
        }
    }
    let weight = next_weight(&dir);
    let translation = if lang == config.default_language {
        String::new()
    } else {
        "# Terjemahan: `draft` (belum diperiksa penutur asli) atau `reviewed` (sudah diperiksa).\ntranslation: draft\n".to_string()
    };
    let text = format!(
        r#"---
# Judul pelajaran: pendek dan jelas.
title: Judul pelajaran baru
# Satu kalimat tentang isi pelajaran (dipakai di daftar, mesin pencari, dan leaflet).
summary: Satu kalimat tentang isi pelajaran ini.
# Jenis: procedure (langkah resmi), warning (tanda bahaya), scam (modus penipuan), info (informasi).
kind: info
# Urutan di dalam bagian: angka kecil tampil lebih dulu.
weight: {weight}
# Tanggal pemeriksaan fakta terakhir (TTTT-BB-HH).
updated: {today}
# Kata yang mungkin diketik warga saat mencari, termasuk kata dasar (misalnya `tipu`).
keywords: [kata, kunci]
# 3 sampai 6 kalimat pendek untuk leaflet.
key_points:
  - Poin penting pertama.
  - Poin penting kedua.
  - Poin penting ketiga.
# Sumber resmi untuk setiap fakta: judul dan alamat web.
sources:
  - title: "Nama sumber (tanggal)"
    url: https://www.example.org/
# Draf tidak diterbitkan. Hapus baris ini (atau tulis `false`) jika sudah siap.
draft: true
{translation}---
## Bagian pertama

Tulis kalimat pendek. Satu gagasan dalam satu paragraf.

## Apa yang harus dilakukan

- Tanyakan ke Disnaker.
- Jangan bayar calo.
"#,
        today = Date::today(),
    );
    let path = dir.join(format!("{slug}.{lang}.md"));
    crate::output::write_new(&path, &text)?;
    Ok(Path::new("content")
        .join(section)
        .join(format!("{slug}.{lang}.md")))
}

/// The next weight in a section: 10 more than the largest so far.
fn next_weight(dir: &Path) -> i64 {
    let mut max = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        if !entry.file_name().to_string_lossy().ends_with(".md") {
            continue;
        }
        if let Some(w) = text
            .lines()
            .take_while(|l| !l.is_empty())
            .find_map(|l| l.strip_prefix("weight:"))
            .and_then(|w| w.trim().parse::<i64>().ok())
        {
            max = max.max(w);
        }
    }
    max + 10
}

/// Create `content/desa/SLUG.yaml`; returns its path.
pub fn new_village(root: &Path, slug: &str) -> Result<PathBuf> {
    let config = Config::load(&root.join("content/site.yaml"))?;
    if !valid_slug(slug) {
        return Err(slug_error(slug, Msg::ExampleVillage));
    }
    let rel = Path::new("content/desa").join(format!("{slug}.yaml"));
    if root.join(&rel).exists() {
        return Err(Error::content(rel, 0, Msg::FileExists));
    }
    let offices: Vec<&str> = config.offices.iter().map(|o| o.key.as_str()).collect();
    let office = match offices.first() {
        Some(first) => format!(
            "# Kantor imigrasi yang membina desa: salah satu kunci di site.yaml ({}).\noffice: {first}\n",
            offices.join(", ")
        ),
        None => "# Kantor imigrasi yang membina desa: tambahkan dulu `offices:` di site.yaml.\n# office: kanim-contoh\n".to_string(),
    };
    let name = slug
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    let text = format!(
        r#"# Desa Binaan Imigrasi. Jangan menebak: isi hanya yang sudah pasti dan bersumber.
# Nama desa (tanpa kata "Desa").
name: {name}
# Kecamatan (hapus baris ini jika belum pasti).
kecamatan: Nama Kecamatan
# Kabupaten atau kota.
kabupaten: Nama Kabupaten
# Provinsi.
provinsi: Lampung
{office}# Tanggal desa dikukuhkan sebagai Desa Binaan Imigrasi (TTTT-BB-HH); hapus jika belum.
designated: {today}
# Bahasa leaflet desa ini (kode dari site.yaml: {langs}).
languages: [{default}]
# Pelajaran di leaflet, ditulis BAGIAN/NAMA (misalnya pelajaran/jalur-resmi).
# Kosong: satu pelajaran pertama dari setiap bagian.
lessons: []
# Kontak di desa. Setiap nomor wajib punya tanggal `verified` dan `source`. Jangan mengarang nomor.
contacts: []
#  - name: Balai Desa
#    role: Kantor desa
#    phone: "..."
#    verified: {today}
#    source: {{ title: "...", url: "https://..." }}
# Jadwal penyuluhan.
sessions: []
#  - date: {today}
#    place: Balai Desa
#    topic: {{ id: "Jalur resmi bekerja ke luar negeri" }}
# Keterangan singkat tentang desa, per bahasa.
about:
  {default}: Keterangan singkat tentang desa.
# Sumber untuk data desa ini.
sources:
  - title: "Nama sumber (tanggal)"
    url: https://www.example.org/
# Draf tidak diterbitkan. Hapus baris ini jika sudah siap.
draft: true
"#,
        today = Date::today(),
        langs = config.language_codes().join(", "),
        default = config.default_language,
    );
    let path = root.join("content/desa").join(format!("{slug}.yaml"));
    crate::output::write_new(&path, &text)?;
    Ok(Path::new("content/desa").join(format!("{slug}.yaml")))
}
