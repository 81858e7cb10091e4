//! `lentera new`: a new lesson or village file with every field present and a
//! comment in Indonesian explaining each. New files are drafts.
//!
//! Every text left for staff to write is marked `[ISI: …]` and example web
//! addresses use `example.org` (see [`crate::placeholder`]): a page or
//! village that is published while it still holds one is an error. A
//! translation starts from its original: the same `kind`, `weight`,
//! `sources` and `template`, and each text of the original (title, summary,
//! keywords, key points, body) marked `[ISI: terjemahkan]`.

use std::path::{Path, PathBuf};

use crate::config::{Config, Date};
use crate::error::{Error, Result};
use lentera_messages::Msg;

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
    let text = if lang == config.default_language {
        lesson_text(next_weight(&dir), config.today())
    } else {
        let original = [
            format!("{slug}.md"),
            format!("{slug}.{}.md", config.default_language),
        ]
        .into_iter()
        .map(|name| Path::new("content").join(section).join(name))
        .find(|p| root.join(p).is_file());
        let Some(original) = original else {
            return Err(Error::content(
                Path::new("content")
                    .join(section)
                    .join(format!("{slug}.{}.md", config.default_language)),
                0,
                Msg::OriginalMissing {
                    file: format!("content/{section}/{slug}.{}.md", config.default_language),
                },
            )
            .with_hint(Msg::WriteOriginalFirst {
                path: format!("{section}/{slug}"),
            }));
        };
        let source =
            std::fs::read_to_string(root.join(&original)).map_err(|source| Error::Read {
                path: original.clone(),
                source,
            })?;
        let source = crate::content::clean_text(source);
        let (front, split) = crate::content::front_matter::parse(&original, &source)?;
        let language = config.language(lang).map_or(lang, |l| l.name.as_str());
        translation_text(&original, &front, split.body, lang, language)
    };
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

/// The file of a new lesson in the default language.
fn lesson_text(weight: i64, today: Date) -> String {
    format!(
        r#"---
# Teks bertanda [ISI: …] harus diganti dengan teks yang sebenarnya (hapus juga
# kurung sikunya), dan alamat https://www.example.org/ dengan alamat sumbernya.
# Selama masih ada, halaman ini tidak bisa diterbitkan: `lentera build` dan
# `lentera check` menunjukkan baris mana yang belum diisi.
# Judul pelajaran: pendek dan jelas.
title: "[ISI: Judul pelajaran]"
# Satu kalimat tentang isi pelajaran (dipakai di daftar, mesin pencari, dan leaflet).
summary: "[ISI: Satu kalimat tentang isi pelajaran ini.]"
# Jenis: procedure (langkah resmi), warning (tanda bahaya), scam (modus penipuan), info (informasi).
kind: info
# Urutan di dalam bagian: angka kecil tampil lebih dulu.
weight: {weight}
# Tanggal pemeriksaan fakta terakhir (TTTT-BB-HH).
updated: {today}
# Kata yang mungkin diketik warga saat mencari, termasuk kata dasar (misalnya `tipu`).
keywords: ["[ISI: kata kunci]"]
# 3 sampai 6 kalimat pendek untuk leaflet.
key_points:
  - "[ISI: Poin penting pertama.]"
  - "[ISI: Poin penting kedua.]"
  - "[ISI: Poin penting ketiga.]"
# Sumber resmi untuk setiap fakta: judul dan alamat web.
sources:
  - title: "[ISI: Nama sumber (tanggal)]"
    url: https://www.example.org/
# Pertanyaan uji pemahaman (2 sampai 4), tampil di akhir pelajaran dan dalam
# penyuluhan di desa. Hapus tanda # di depan baris-baris ini lalu isi:
# pernyataan benar/salah (`answer: true` atau `false`) atau pilihan ganda
# (2 sampai 4 `choices`, `answer:` huruf pilihan yang benar, a untuk yang pertama).
# questions:
#   - ask: "Pernyataan yang benar atau salah."
#     answer: false
#     why: "Satu atau dua kalimat: mengapa itu jawabannya."
#   - ask: "Pertanyaan dengan pilihan?"
#     choices: ["Pilihan pertama", "Pilihan kedua", "Pilihan ketiga"]
#     answer: b
#     why: "Satu atau dua kalimat: mengapa itu jawabannya."
# Draf tidak diterbitkan. Hapus baris ini (atau tulis `false`) jika sudah siap.
draft: true
---
## [ISI: Judul bagian pertama]

[ISI: Tulis kalimat pendek. Satu gagasan dalam satu paragraf.]

## Apa yang harus dilakukan

- [ISI: Langkah pertama, misalnya: Tanyakan ke Disnaker.]
- [ISI: Langkah kedua.]
"#
    )
}

/// `text` as a double-quoted YAML string.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A text of the original, marked for the translator, as a YAML string.
fn to_translate(text: &str) -> String {
    quoted(&crate::placeholder::to_translate(text))
}

/// The body of the original with every line of text marked for the
/// translator, after its Markdown markers (`## `, `- `, `1. `, `> `, a table's
/// `| `), so the structure stays. Code blocks, blank lines, tables' rule
/// rows, link definitions and HTML comments are left as they are.
fn mark_body(body: &str) -> String {
    let mut out = String::with_capacity(body.len() * 2);
    let mut fence: Option<&str> = None;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let ending = &line[content.len()..];
        let trimmed = content.trim_start();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            out.push_str(line);
            continue;
        }
        let is_rule = !trimmed.is_empty()
            && trimmed
                .chars()
                .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '*' | '_' | '='));
        let is_definition = trimmed.starts_with('[') && trimmed.contains("]:");
        if !trimmed.chars().any(char::is_alphabetic)
            || is_rule
            || is_definition
            || trimmed.starts_with("<!--")
        {
            out.push_str(line);
            continue;
        }
        let at = markers_end(content);
        let rest = content[at..].trim_end();
        if rest.starts_with("[!") && rest.ends_with(']') && !rest.contains(' ') {
            // An alert's kind (`> [!NOTE]`) is syntax, not text.
            out.push_str(line);
            continue;
        }
        out.push_str(&content[..at]);
        if at > 0 && !content[..at].ends_with(' ') {
            out.push(' ');
        }
        out.push_str(crate::placeholder::TRANSLATE);
        out.push(' ');
        out.push_str(&content[at..]);
        out.push_str(ending);
    }
    out
}

/// The length of the Markdown markers that start `line`: indentation,
/// quotes, a heading's hashes, list bullets and numbers, a table's bar.
fn markers_end(line: &str) -> usize {
    let b = line.as_bytes();
    let mut i = 0;
    loop {
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        let marker = i;
        match b.get(i) {
            Some(b'>' | b'|') => i += 1,
            Some(b'#') => {
                while b.get(i) == Some(&b'#') {
                    i += 1;
                }
            }
            Some(b'-' | b'*' | b'+') => i += 1,
            Some(b'0'..=b'9') => {
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                if matches!(b.get(i), Some(b'.' | b')')) {
                    i += 1;
                } else {
                    return marker;
                }
            }
            _ => return i,
        }
        // A marker counts only when a space (or the end of the line) follows
        // it, except a quote's `>` and a table's `|`.
        if !matches!(b[marker], b'>' | b'|') && !matches!(b.get(i), None | Some(b' ')) {
            return marker;
        }
    }
}

/// The file of a new translation of `front` (the original at `original`):
/// the same kind, weight, sources and template, every text marked for the
/// translator, `translation: draft`, `updated:` left for the translator.
fn translation_text(
    original: &Path,
    front: &crate::content::FrontMatter,
    body: &str,
    lang: &str,
    language: &str,
) -> String {
    let original_name = original.display().to_string().replace('\\', "/");
    let mut t = format!(
        "---\n\
         # Terjemahan ke {language} ({lang}) dari {original_name}.\n\
         # Setiap teks bertanda [ISI: terjemahkan] masih teks asli: terjemahkan, lalu\n\
         # hapus tandanya. Selama masih ada tanda [ISI: …], halaman ini tidak bisa\n\
         # diterbitkan: `lentera check` menunjukkan barisnya. Jenis, urutan, jumlah\n\
         # poin penting dan sumber sama dengan aslinya: jangan diubah di sini.\n\
         title: {}\n",
        to_translate(&front.title)
    );
    if let Some(summary) = &front.summary {
        t.push_str(&format!("summary: {}\n", to_translate(summary)));
    }
    if let Some(kind) = front.kind {
        let kind = serde_json::to_value(kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        t.push_str(&format!("kind: {kind}\n"));
    }
    t.push_str(&format!("weight: {}\n", front.weight));
    let checked = front
        .updated
        .map_or_else(String::new, |d| format!(" (`updated:` aslinya {d})"));
    t.push_str(&format!(
        "# Tanggal terjemahan ini diperiksa terhadap aslinya{checked}, TTTT-BB-HH: diisi\n\
         # penerjemah. Jika lebih lama daripada `updated:` aslinya, terjemahan dianggap\n\
         # perlu diperbarui.\n\
         updated:\n"
    ));
    if !front.keywords.is_empty() {
        t.push_str(
            "# Kata yang mungkin diketik warga. Kata Indonesia yang juga dipakai warga boleh\n\
             # tetap (hapus saja tandanya); tambahkan kata dalam bahasa ini.\n\
             keywords:\n",
        );
        for k in &front.keywords {
            t.push_str(&format!("  - {}\n", to_translate(k)));
        }
    }
    if !front.key_points.is_empty() {
        t.push_str("# Poin penting untuk leaflet: jumlahnya sama dengan aslinya.\nkey_points:\n");
        for k in &front.key_points {
            t.push_str(&format!("  - {}\n", to_translate(k)));
        }
    }
    if !front.questions.is_empty() {
        t.push_str(
            "# Pertanyaan uji pemahaman: jumlah, urutan dan jawaban (`answer:`) sama dengan aslinya.\nquestions:\n",
        );
        for q in &front.questions {
            t.push_str(&format!("  - ask: {}\n", to_translate(&q.ask)));
            if !q.choices.is_empty() {
                t.push_str("    choices:\n");
                for c in &q.choices {
                    t.push_str(&format!("      - {}\n", to_translate(c)));
                }
            }
            let answer = match &q.answer {
                crate::content::front_matter::Answer::TrueFalse(b) => b.to_string(),
                crate::content::front_matter::Answer::Choice(c) => quoted(c),
            };
            t.push_str(&format!("    answer: {answer}\n"));
            t.push_str(&format!("    why: {}\n", to_translate(&q.why)));
        }
    }
    if !front.sources.is_empty() {
        t.push_str(
            "# Sumber sama dengan aslinya: judul dokumen dan berita tidak diterjemahkan.\nsources:\n",
        );
        for s in &front.sources {
            t.push_str(&format!("  - title: {}\n", quoted(&s.title)));
            if let Some(url) = &s.url {
                t.push_str(&format!("    url: {}\n", quoted(url)));
            }
        }
    }
    if let Some(template) = &front.template {
        t.push_str(&format!("template: {}\n", quoted(template)));
    }
    t.push_str(
        "# Terjemahan: `draft` (sudah terbit, belum diperiksa penutur asli) atau\n\
         # `reviewed` (sudah diperiksa).\n\
         translation: draft\n\
         # Draf tidak diterbitkan: warga melihat versi aslinya. Hapus baris ini jika\n\
         # terjemahan sudah selesai.\n\
         draft: true\n\
         ---\n",
    );
    t.push_str(&mark_body(body));
    t
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
# Teks bertanda [ISI: …] harus diganti dengan teks yang sebenarnya (hapus juga
# kurung sikunya), dan alamat https://www.example.org/ dengan alamat sumbernya.
# Selama masih ada, desa ini tidak bisa diterbitkan: `lentera build` dan
# `lentera check` menunjukkan baris mana yang belum diisi.
# Nama desa (tanpa kata "Desa"): periksa ejaan resminya.
name: "[ISI: {name}]"
# Kecamatan (hapus baris ini jika belum pasti).
kecamatan: "[ISI: Nama Kecamatan]"
# Kabupaten atau kota.
kabupaten: "[ISI: Nama Kabupaten]"
# Provinsi.
provinsi: "[ISI: Lampung]"
{office}# Tanggal desa dikukuhkan sebagai Desa Binaan Imigrasi (TTTT-BB-HH), dari sumber
# resmi (berita atau surat kantor imigrasi). Wajib diisi sebelum desa diterbitkan.
designated:
# Bahasa leaflet desa ini (kode dari site.yaml: {langs}).
languages: [{default}]
# Pelajaran di leaflet, ditulis BAGIAN/NAMA (misalnya pelajaran/jalur-resmi).
# Kosong: satu pelajaran pertama dari setiap bagian.
lessons: []
# Kontak di desa. Setiap nomor wajib punya `source` (sumber nomor itu) dan
# `verified` (tanggal sumber itu, bukan tanggal Anda menelepon: itu `checked`,
# lihat docs/content.md). Jangan mengarang nomor.
contacts: []
#  - name: Balai Desa
#    role: Kantor desa
#    phone: "[ISI: nomor telepon]"
#    verified: TTTT-BB-HH
#    source: {{ title: "[ISI: sumber nomor]", url: "https://www.example.org/" }}
# Jadwal penyuluhan.
sessions: []
#  - date: TTTT-BB-HH
#    place: Balai Desa
#    topic: {{ id: "[ISI: topik penyuluhan]" }}
# Keterangan singkat tentang desa, per bahasa.
about:
  {default}: "[ISI: Keterangan singkat tentang desa.]"
# Sumber untuk data desa ini.
sources:
  - title: "[ISI: Nama sumber (tanggal)]"
    url: https://www.example.org/
# Draf tidak diterbitkan. Hapus baris ini jika sudah siap.
draft: true
"#,
        langs = config.language_codes().join(", "),
        default = config.default_language,
    );
    let path = root.join("content/desa").join(format!("{slug}.yaml"));
    crate::output::write_new(&path, &text)?;
    Ok(Path::new("content/desa").join(format!("{slug}.yaml")))
}
