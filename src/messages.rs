//! Messages for staff in Indonesian or English.
//!
//! Messages are written in English where they are raised (as gettext does
//! with its msgids); this module holds the Indonesian for each, as a pattern
//! where `{}` stands for a value (a file, a key, a number) carried over in
//! order. A message without an entry is shown in English.

use crate::error::Error;

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Id,
}

impl Lang {
    /// `--lang`, then `LENTERA_LANG`, then `LANG` (`id_ID.UTF-8`), then the
    /// site's default language, then English.
    pub fn detect(flag: Option<&str>, site_default: Option<&str>) -> Lang {
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let candidates = [
            flag.map(str::to_string),
            env("LENTERA_LANG"),
            env("LANG").filter(|v| v != "C" && v != "POSIX" && !v.starts_with("C.")),
            site_default.map(str::to_string),
        ];
        candidates
            .into_iter()
            .flatten()
            .find_map(|v| Lang::parse(&v))
            .unwrap_or_default()
    }

    /// `id`, `id_ID.UTF-8`, `en`, `en_US` …; other languages are not offered.
    pub fn parse(value: &str) -> Option<Lang> {
        let code = value
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match code.as_str() {
            "id" | "in" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// English pattern → Indonesian pattern. `{}` in the English matches any text;
/// `{0}`, `{1}` … in the Indonesian put those texts back.
const TABLE: &[(&str, &str)] = &[
    // Labels used by the CLI and the check report.
    ("error", "kesalahan"),
    ("warning", "peringatan"),
    ("hint", "petunjuk"),
    ("caused by", "penyebab"),
    ("line {}: ", "baris {0}: "),
    ("{} errors, {} warnings", "{0} kesalahan, {1} peringatan"),
    ("{} errors:", "{0} kesalahan:"),
    (
        "Translation status (O original, T translated, D draft, S stale, - missing)",
        "Status terjemahan (O asli, T diterjemahkan, D draf, S perlu diperbarui, - belum ada)",
    ),
    ("page", "halaman"),
    (
        "the previous output in {} was left untouched",
        "hasil sebelumnya di {0} tidak diubah",
    ),
    (
        "built {} pages ({}; {} not yet translated) and {} files into {} in {} ms",
        "{0} halaman dibuat ({1}; {2} belum diterjemahkan), {3} berkas di {4} dalam {5} md",
    ),
    (
        "wrote {} leaflets (PDF) in {} ms",
        "{0} leaflet (PDF) ditulis dalam {1} md",
    ),
    (
        "created {} (a draft: remove `draft: true` when it is ready)",
        "{0} dibuat (masih draf: hapus `draft: true` jika sudah siap)",
    ),
    // YAML, from serde.
    (
        "unknown field `{}`, expected one of {}",
        "kunci `{0}` tidak dikenal",
    ),
    (
        "unknown field `{}`, expected {}",
        "kunci `{0}` tidak dikenal",
    ),
    (
        "{}: unknown field `{}`, expected one of {}",
        "{0}: kunci `{1}` tidak dikenal",
    ),
    ("missing field `{}`", "kunci `{0}` wajib diisi"),
    ("{}: missing field `{}`", "{0}: kunci `{1}` wajib diisi"),
    ("duplicate field `{}`", "kunci `{0}` ditulis dua kali"),
    (
        "invalid type: {}, expected {}",
        "jenis isian salah: tertulis {0}, seharusnya {1}",
    ),
    (
        "{}: invalid type: {}, expected {}",
        "{0}: jenis isian salah: tertulis {1}, seharusnya {2}",
    ),
    (
        "unknown variant `{}`, expected one of {}",
        "nilai `{0}` tidak dikenal; pilihan: {1}",
    ),
    (
        "{}: unknown variant `{}`, expected one of {}",
        "{0}: nilai `{1}` tidak dikenal; pilihan: {2}",
    ),
    (
        "did you mean `{}`? Valid keys: {}",
        "Maksud Anda `{0}`? Kunci yang sah: {1}",
    ),
    ("valid keys: {}", "kunci yang sah: {0}"),
    ("did you mean `{}`?", "Maksud Anda `{0}`?"),
    (
        "`{}` is not a date: write it as YYYY-MM-DD",
        "`{0}` bukan tanggal: tulis sebagai TTTT-BB-HH",
    ),
    (
        "{}: `{}` is not a date: write it as YYYY-MM-DD",
        "{0}: `{1}` bukan tanggal: tulis sebagai TTTT-BB-HH",
    ),
    // Content.
    (
        "the file does not start with front matter",
        "berkas tidak diawali front matter",
    ),
    (
        "start the file with a line `---`, then `title: ...`, then another `---`",
        "awali berkas dengan baris `---`, lalu `title: ...`, lalu `---` lagi",
    ),
    (
        "the front matter is never closed",
        "front matter tidak ditutup",
    ),
    (
        "add a line `---` after the last front-matter key",
        "tambahkan baris `---` setelah kunci terakhir front matter",
    ),
    ("the title is empty", "judul kosong"),
    (
        "`{}` in the file name is not a configured language",
        "`{0}` pada nama berkas bukan bahasa yang terdaftar",
    ),
    (
        "configured languages: {}; name the file SLUG.LANG.md",
        "bahasa yang terdaftar: {0}; beri nama berkas NAMA.BAHASA.md",
    ),
    ("configured: {}", "yang terdaftar: {0}"),
    (
        "the file name has no slug",
        "nama berkas tidak punya nama halaman",
    ),
    (
        "`translation:` is only for translations, and this page is in the default language",
        "`translation:` hanya untuk terjemahan, padahal halaman ini dalam bahasa utama",
    ),
    (
        "remove the `translation:` line",
        "hapus baris `translation:`",
    ),
    (
        "the link `{}` points to a page that does not exist (or is a draft)",
        "tautan `{0}` menuju halaman yang tidak ada (atau masih draf)",
    ),
    (
        "did you mean the page `{}`? Links are relative to this file",
        "Maksud Anda halaman `{0}`? Tautan dihitung dari letak berkas ini",
    ),
    (
        "links to pages are relative to this file, e.g. `../modus/calo.md`",
        "tautan ke halaman dihitung dari letak berkas ini, misalnya `../modus/calo.md`",
    ),
    (
        "the link `{}` points outside content/",
        "tautan `{0}` menuju ke luar folder content/",
    ),
    (
        "the link `{}` points outside the site",
        "tautan `{0}` menuju ke luar situs",
    ),
    (
        "the link `{}` names a language that is not configured",
        "tautan `{0}` menyebut bahasa yang tidak terdaftar",
    ),
    (
        "the link points to `#{}`, which is not a heading of that page in `{}`",
        "tautan menuju `#{0}`, padahal itu bukan judul bagian di halaman tersebut dalam bahasa `{1}`",
    ),
    ("did you mean `#{}`?", "Maksud Anda `#{0}`?"),
    ("headings there: {}", "judul bagian di sana: {0}"),
    ("`{}` does not exist", "`{0}` tidak ada"),
    (
        "put the file next to the page in content/ and link it relative to the page",
        "letakkan berkas di samping halaman di content/ dan tautkan dari letak halaman",
    ),
    (
        "template `{}` does not exist in the theme or in templates/",
        "templat `{0}` tidak ada di tema maupun di templates/",
    ),
    // Villages and site.yaml.
    (
        "office `{}` is not in site.yaml",
        "kantor `{0}` tidak ada di site.yaml",
    ),
    (
        "did you mean `{}`? Offices are listed in content/site.yaml",
        "Maksud Anda `{0}`? Daftar kantor ada di content/site.yaml",
    ),
    (
        "offices in content/site.yaml: {}",
        "kantor di content/site.yaml: {0}",
    ),
    (
        "leaflet language `{}` is not a configured language",
        "bahasa leaflet `{0}` bukan bahasa yang terdaftar",
    ),
    ("lesson `{}` does not exist", "pelajaran `{0}` tidak ada"),
    (
        "write the lesson as FOLDER/SLUG, e.g. `modus/calo`",
        "tulis pelajaran sebagai FOLDER/NAMA, misalnya `modus/calo`",
    ),
    (
        "the phone number {} of `{}` has no `verified:` date",
        "nomor telepon {0} milik `{1}` tidak punya tanggal `verified:`",
    ),
    (
        "add `verified: YYYY-MM-DD` (the date its source confirmed it) and `source:`, or remove the number",
        "tambahkan `verified: TTTT-BB-HH` (tanggal sumber memastikannya) dan `source:`, atau hapus nomornya",
    ),
    (
        "`{}` has phone numbers but no `verified:` date",
        "`{0}` punya nomor telepon tetapi tanpa tanggal `verified:`",
    ),
    (
        "add `verified: YYYY-MM-DD`, the date of the source that confirmed the numbers, and `source:`; numbers are printed on leaflets",
        "tambahkan `verified: TTTT-BB-HH`, tanggal sumber yang memastikan nomor itu, dan `source:`; nomor ini dicetak di leaflet",
    ),
    (
        "no languages are configured",
        "belum ada bahasa yang terdaftar",
    ),
    (
        "base_url `{}` is not an absolute URL",
        "base_url `{0}` bukan alamat lengkap",
    ),
    (
        "write it as https://example.org/",
        "tulis seperti https://example.org/",
    ),
    (
        "language code `{}` is not valid",
        "kode bahasa `{0}` tidak sah",
    ),
    (
        "use a lowercase ISO 639 code such as `id`, `jv` or `ljp`",
        "pakai kode ISO 639 huruf kecil seperti `id`, `jv` atau `ljp`",
    ),
    (
        "language `{}` is listed twice",
        "bahasa `{0}` tertulis dua kali",
    ),
    (
        "default_language `{}` is not one of the languages",
        "default_language `{0}` tidak ada di daftar bahasa",
    ),
    ("the key `{}` is used twice", "kunci `{0}` dipakai dua kali"),
    (
        "`{}` has a name in `{}`, which is not a configured language",
        "`{0}` punya nama dalam `{1}`, padahal itu bukan bahasa yang terdaftar",
    ),
    (
        "`{}` is not a configured language",
        "`{0}` bukan bahasa yang terdaftar",
    ),
    // Checks.
    (
        "the numbers of `{}` were verified on {}, more than {} days ago",
        "nomor `{0}` terakhir diperiksa pada {1}, lebih dari {2} hari yang lalu",
    ),
    (
        "check them against the source, then update `verified:` and `source:`",
        "periksa lagi dengan sumbernya, lalu perbarui `verified:` dan `source:`",
    ),
    (
        "content/site.yaml: the numbers of `{}` were verified on {}, more than {} days ago; check them against the source and update `verified:` (leaflets still print them)",
        "content/site.yaml: nomor `{0}` terakhir diperiksa pada {1}, lebih dari {2} hari yang lalu; periksa lagi dengan sumbernya dan perbarui `verified:` (leaflet tetap mencetaknya)",
    ),
    (
        "the phone number of `{}` was verified on {}, more than {} days ago",
        "nomor telepon `{0}` terakhir diperiksa pada {1}, lebih dari {2} hari yang lalu",
    ),
    (
        "check it with the person, then update `verified:`",
        "tanyakan lagi ke orangnya, lalu perbarui `verified:`",
    ),
    (
        "{}: the phone number of `{}` was verified on {}, more than {} days ago; check it and update `verified:` (leaflets still print it)",
        "{0}: nomor telepon `{1}` terakhir diperiksa pada {2}, lebih dari {3} hari yang lalu; periksa lagi dan perbarui `verified:` (leaflet tetap mencetaknya)",
    ),
    (
        "the `{}` translation is older than this page's last review (`updated:`)",
        "terjemahan `{0}` lebih lama daripada pemeriksaan terakhir halaman ini (`updated:`)",
    ),
    (
        "review the `{}` file and set its `updated:` to the same date",
        "periksa berkas `{0}` dan samakan tanggal `updated:`-nya",
    ),
    (
        "{} interface strings are missing in `{}`: {}",
        "{0} teks antarmuka belum ada dalam `{1}`: {2}",
    ),
    (
        "add them to the theme's i18n/{}.yaml or to content/i18n/{}.yaml",
        "tambahkan ke i18n/{0}.yaml di tema atau ke content/i18n/{1}.yaml",
    ),
    (
        "{} interface strings are missing in `{}`, so the default language is shown: {}",
        "{0} teks antarmuka belum ada dalam `{1}`, jadi bahasa utama yang tampil: {2}",
    ),
    // Leaflets.
    (
        "{}: leaflet in `{}`: the content does not fit the leaflet: it needs {} pages instead of {}",
        "{0}: leaflet dalam `{1}`: isinya tidak muat: butuh {2} halaman, bukan {3}",
    ),
    (
        "{}: the leaflet in `{}` prints these lessons in `{}`, as they are not translated yet: {}",
        "{0}: leaflet `{1}` mencetak pelajaran ini dalam `{2}` karena belum diterjemahkan: {3}",
    ),
    (
        "the leaflet in `{}` prints these lessons in `{}`, as they are not translated yet: {}",
        "leaflet `{0}` mencetak pelajaran ini dalam `{1}` karena belum diterjemahkan: {2}",
    ),
    (
        "translate them into `{}`, or leave them: the leaflet marks them with their language",
        "terjemahkan ke `{0}`, atau biarkan: leaflet menandainya dengan bahasanya",
    ),
    (
        "nothing changed since the last build: {} pages ({}; {} not yet translated) and {} files are already in {} (checked in {} ms)",
        "tidak ada yang berubah sejak pembuatan terakhir: {0} halaman ({1}; {2} belum diterjemahkan) dan {3} berkas sudah ada di {4} (diperiksa dalam {5} md)",
    ),
    (
        "this link points to nothing (or to itself)",
        "tautan ini tidak menunjuk ke mana pun (atau ke dirinya sendiri)",
    ),
    (
        "remove the link, or put the real file in its place",
        "hapus tautannya, atau taruh berkas aslinya di tempat itu",
    ),
    (
        "this link points outside content/, which is never published",
        "tautan ini menunjuk ke luar content/, yang tidak pernah diterbitkan",
    ),
    (
        "copy the file into content/ instead of linking to it",
        "salin berkasnya ke content/, jangan ditautkan",
    ),
    (
        "links to folders are not followed",
        "tautan ke folder tidak diikuti",
    ),
    (
        "move the folder into place instead of linking to it",
        "pindahkan foldernya ke tempatnya, jangan ditautkan",
    ),
    (
        "the leaflets of {} villages were skipped: this lentera was built without the `leaflets` feature",
        "leaflet {0} desa dilewati: lentera ini dibuat tanpa fitur `leaflets`",
    ),
    (
        "use a release binary, or build lentera with its default features (`cargo build --release`), to make the PDF leaflets",
        "pakai biner rilis, atau bangun lentera dengan fitur bawaannya (`cargo build --release`), untuk membuat leaflet PDF",
    ),
    (
        "removed unsafe HTML: {}",
        "HTML yang tidak aman dibuang: {0}",
    ),
    (
        "removed unsafe HTML: <{}>",
        "HTML yang tidak aman dibuang: elemen <{0}>",
    ),
    (
        "removed unsafe HTML: the `{}` attribute of <{}>",
        "HTML yang tidak aman dibuang: atribut `{0}` pada <{1}>",
    ),
    (
        "removed unsafe HTML: a `{}:` address in <{} {}>",
        "HTML yang tidak aman dibuang: alamat `{0}:` pada <{1} {2}>",
    ),
    (
        "removed unsafe HTML: a link to a `{}:` address",
        "HTML yang tidak aman dibuang: tautan ke alamat `{0}:`",
    ),
    (
        "removed unsafe HTML: an image with a `{}:` address",
        "HTML yang tidak aman dibuang: gambar dengan alamat `{0}:`",
    ),
    (
        "removed unsafe HTML: a style other than text-align on <{}>",
        "HTML yang tidak aman dibuang: gaya selain text-align pada <{0}>",
    ),
    (
        "save the image again as a normal JPEG or PNG file, at most a few thousand pixels on each side",
        "simpan ulang gambar sebagai berkas JPEG atau PNG biasa, paling banyak beberapa ribu piksel tiap sisinya",
    ),
    (
        "write it in Markdown; if every author of this site is trusted, `raw_html: trusted` in content/site.yaml publishes raw HTML as written",
        "tulis dengan Markdown; jika semua penulis situs ini tepercaya, `raw_html: trusted` di content/site.yaml menerbitkan HTML apa adanya",
    ),
    (
        "the text is nested more than {} levels deep (lists, quotes or HTML elements inside each other)",
        "teksnya bersarang lebih dari {0} tingkat (daftar, kutipan atau elemen HTML di dalam satu sama lain)",
    ),
    (
        "flatten the lists or quotes near this line; a lesson needs only a few levels",
        "ratakan daftar atau kutipan di sekitar baris ini; pelajaran cukup beberapa tingkat saja",
    ),
    (
        "lentera stopped unexpectedly while rendering this page in `{}` ({})",
        "lentera berhenti tiba-tiba saat membuat halaman ini dalam `{0}` ({1})",
    ),
    (
        "simplify the page to find the part that causes it, and report the case",
        "sederhanakan halaman untuk menemukan bagian penyebabnya, lalu laporkan kasusnya",
    ),
    (
        "lentera stopped unexpectedly while processing this image ({})",
        "lentera berhenti tiba-tiba saat mengolah gambar ini ({0})",
    ),
    (
        "this image is {} × {} pixels, more than the {} million pixels lentera accepts",
        "gambar ini berukuran {0} × {1} piksel, lebih dari {2} juta piksel yang diterima lentera",
    ),
    (
        "{}: leaflet in `{}`: Typst stopped unexpectedly while laying out this leaflet",
        "{0}: leaflet dalam `{1}`: Typst berhenti tiba-tiba saat menata leaflet ini",
    ),
    (
        "simplify templates/leaflet.typ or the lessons of this village, and report the case",
        "sederhanakan templates/leaflet.typ atau pelajaran desa ini, lalu laporkan kasusnya",
    ),
    (
        "{}: leaflet in `{}`: the leaflet template failed: {}",
        "{0}: leaflet dalam `{1}`: templat leaflet gagal: {2}",
    ),
    (
        "fix templates/leaflet.typ (or the theme's); the data it reads is described in docs/content.md",
        "perbaiki templates/leaflet.typ (atau milik tema); data yang dibacanya dijelaskan di docs/content.md",
    ),
    (
        "{}: leaflet in `{}`: the address {} does not fit a QR code ({})",
        "{0}: leaflet dalam `{1}`: alamat {2} terlalu panjang untuk kode QR ({3})",
    ),
    (
        "shorten `base_url` in content/site.yaml or the village file name",
        "perpendek `base_url` di content/site.yaml atau nama berkas desa",
    ),
    (
        "select fewer lessons (`lessons:` in the village file) or shorten their `key_points`",
        "pilih lebih sedikit pelajaran (`lessons:` di berkas desa) atau perpendek `key_points`-nya",
    ),
    // Files and output.
    (
        "refusing to build into {}: {}",
        "tidak mau menulis ke {0}: {1}",
    ),
    (
        "it is the project folder or contains it",
        "itu folder proyek atau berisi folder proyek",
    ),
    ("it is the home folder", "itu folder rumah (home)"),
    ("it is the file-system root", "itu akar sistem berkas"),
    (
        "it is inside {}/, which holds sources",
        "itu di dalam {0}/, tempat berkas sumber",
    ),
    ("{}: cannot read: {}", "{0}: tidak bisa dibaca: {1}"),
    ("{}: cannot write: {}", "{0}: tidak bisa ditulis: {1}"),
    (
        "`{}` would be written by both {} and {}",
        "`{0}` akan ditulis oleh {1} dan juga {2}",
    ),
    (
        "theme `{}` not found: looked for {}",
        "tema `{0}` tidak ditemukan: dicari di {1}",
    ),
    (
        "the file already exists; nothing was changed",
        "berkas sudah ada; tidak ada yang diubah",
    ),
    ("while rendering {}", "saat membuat {0}"),
    ("while loading the templates", "saat memuat templat"),
    // The glossary (src/glossary.rs).
    (
        "terms missing from the `{}` glossary: {}",
        "istilah yang belum ada di glosarium `{0}`: {1}",
    ),
    (
        "explain each under `terms:` in {} (`TERM: short explanation`), or list it under `known:` if every reader knows it",
        "jelaskan masing-masing di bawah `terms:` di {0} (`ISTILAH: penjelasan singkat`), atau masukkan ke `known:` jika semua pembaca sudah tahu artinya",
    ),
    (
        "the term `{}` has no explanation",
        "istilah `{0}` belum diberi penjelasan",
    ),
];

/// `text` in `lang`: Indonesian from the table where an entry matches,
/// otherwise as it is.
pub fn tr(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    // The most specific pattern (most literal text) wins.
    let mut best: Option<(usize, String)> = None;
    for (en, id) in TABLE {
        if let Some(args) = capture(en, text) {
            let literal = en.len() - 2 * args.len();
            if best.as_ref().is_none_or(|(l, _)| literal > *l) {
                let mut out = id.to_string();
                for (i, a) in args.iter().enumerate() {
                    out = out.replace(&format!("{{{i}}}"), a);
                }
                best = Some((literal, out));
            }
        }
    }
    best.map_or_else(|| text.to_string(), |(_, s)| s)
}

/// The texts standing for `{}` if `text` matches `pattern`.
fn capture<'a>(pattern: &str, text: &'a str) -> Option<Vec<&'a str>> {
    let pieces: Vec<&str> = pattern.split("{}").collect();
    let mut rest = text.strip_prefix(pieces[0])?;
    let mut args = Vec::new();
    for (i, piece) in pieces.iter().enumerate().skip(1) {
        let last = i == pieces.len() - 1;
        let at = if last {
            if piece.is_empty() {
                rest.len()
            } else {
                rest.rfind(piece)?
            }
        } else {
            if piece.is_empty() {
                return None; // two `{}` in a row are ambiguous
            }
            rest.find(piece)?
        };
        args.push(&rest[..at]);
        rest = &rest[at + piece.len()..];
    }
    (pieces.len() > 1 || rest.is_empty())
        .then_some(args)
        .filter(|_| rest.is_empty())
}

/// An error as shown to staff in `lang`.
pub fn error(err: &Error, lang: Lang) -> String {
    let hint = |h: &Option<String>| match h {
        Some(h) => format!("\n  {}: {}", tr(lang, "hint"), tr(lang, h)),
        None => String::new(),
    };
    match err {
        Error::Yaml {
            path,
            line,
            column,
            message,
            hint: h,
        } => {
            format!(
                "{}:{line}:{column}: {}{}",
                path.display(),
                tr(lang, message),
                hint(h)
            )
        }
        Error::Content {
            path,
            line,
            message,
            hint: h,
        } => {
            let at = if *line > 0 {
                format!(":{line}")
            } else {
                String::new()
            };
            format!("{}{at}: {}{}", path.display(), tr(lang, message), hint(h))
        }
        Error::Template {
            template,
            line,
            column,
            message,
            page,
        } => {
            let label = if lang == Lang::Id {
                "templat"
            } else {
                "template"
            };
            format!(
                "{label} `{template}`:{line}:{column}: {message} ({})",
                tr(lang, page)
            )
        }
        Error::Leaflet {
            village,
            lang: l,
            message,
            hint: h,
        } => format!(
            "{}{}",
            tr(
                lang,
                &format!("{}: leaflet in `{l}`: {message}", village.display())
            ),
            hint(&Some(h.clone()))
        ),
        Error::Many(list) => {
            let mut out = tr(lang, &format!("{} errors:", list.len()));
            for e in list {
                out.push('\n');
                out.push_str(&error(e, lang));
            }
            out
        }
        Error::UnsafeOutput { path, reason } => tr(
            lang,
            &format!(
                "refusing to build into {}: {}",
                path.display(),
                tr(lang, reason)
            ),
        ),
        other => tr(lang, &other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn detects_language_from_flag_env_and_site() {
        assert_eq!(Lang::parse("id_ID.UTF-8"), Some(Lang::Id));
        assert_eq!(Lang::parse("en_US"), Some(Lang::En));
        assert_eq!(Lang::parse("jv"), None);
        assert_eq!(Lang::detect(Some("id"), Some("en")), Lang::Id);
        assert_eq!(Lang::detect(Some("en"), Some("id")), Lang::En);
    }

    #[test]
    fn captures_values_in_order() {
        assert_eq!(
            capture("a `{}` b {} c", "a `x` b 3 c"),
            Some(vec!["x", "3"])
        );
        assert_eq!(capture("a `{}`", "a `x` extra"), None);
        assert_eq!(capture("exact", "exact"), Some(vec![]));
    }

    #[test]
    fn unknown_key_in_indonesian() {
        let err = Error::Yaml {
            path: PathBuf::from("content/a.md"),
            line: 3,
            column: 1,
            message: "unknown field `sumary`, expected one of `title`, `summary`".into(),
            hint: Some("did you mean `summary`? Valid keys: `title`, `summary`".into()),
        };
        assert_eq!(
            error(&err, Lang::Id),
            "content/a.md:3:1: kunci `sumary` tidak dikenal\n  petunjuk: Maksud Anda `summary`? Kunci yang sah: `title`, `summary`"
        );
        assert_eq!(error(&err, Lang::En), err.to_string());
    }

    #[test]
    fn a_sample_of_errors_in_both_languages() {
        let cases = [
            (
                Error::content(
                    "content/x.md",
                    6,
                    "the link `calo.md` points to a page that does not exist (or is a draft)",
                )
                .with_hint("did you mean the page `modus/calo`? Links are relative to this file"),
                "content/x.md:6: tautan `calo.md` menuju halaman yang tidak ada (atau masih draf)\n  petunjuk: Maksud Anda halaman `modus/calo`? Tautan dihitung dari letak berkas ini",
            ),
            (
                Error::content(
                    "content/desa/x.yaml",
                    4,
                    "lesson `modus/caloo` does not exist",
                )
                .with_hint("did you mean `modus/calo`?"),
                "content/desa/x.yaml:4: pelajaran `modus/caloo` tidak ada\n  petunjuk: Maksud Anda `modus/calo`?",
            ),
            (
                Error::UnsafeOutput {
                    path: PathBuf::from("content"),
                    reason: "it is inside content/, which holds sources".into(),
                },
                "tidak mau menulis ke content: itu di dalam content/, tempat berkas sumber",
            ),
        ];
        for (err, id) in cases {
            assert_eq!(error(&err, Lang::Id), id);
        }
    }

    #[test]
    fn every_pattern_is_well_formed() {
        for (en, id) in TABLE {
            let holes = en.matches("{}").count();
            for i in 0..holes {
                assert!(
                    id.contains(&format!("{{{i}}}"))
                        || en.starts_with("unknown field")
                        || en.contains("unknown field"),
                    "{en} -> {id} drops {i}"
                );
            }
            assert!(!en.contains("{}{}"), "{en}: ambiguous");
        }
    }
}
