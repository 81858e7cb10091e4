//! Every sentence lentera says to staff, in English and Indonesian.
//!
//! A message is a value: a variant of [`Msg`] (errors, warnings and their
//! hints, each with a stable `code` for `check --format json`) or of [`Say`]
//! (status lines and labels of the command line and `serve`), with its
//! arguments as fields. Both enums are declared with one macro that takes a
//! code, an English text and an Indonesian text for every variant, so a
//! message without both texts does not compile, and a text that names a field
//! the variant does not have does not compile either.
//!
//! To add a message: add a variant to the `messages!` block below, with a
//! code (lowercase words joined by dashes, never reused) and both texts, then
//! raise it with `Error::content(path, line, Msg::YourVariant { … })` or
//! `Diagnostic::warning(…)`. docs/diagnostics.md lists the codes; the test
//! `codes_are_documented` fails until the new code is listed there.

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
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

/// serde's name for a kind of YAML value ("map", "a string", "integer `5`")
/// in plain words of `lang`; a name not recognised is kept as it is.
pub fn yaml_kind(serde: &str, lang: Lang) -> String {
    let s = serde.trim();
    let s = s
        .strip_prefix("a ")
        .or_else(|| s.strip_prefix("an "))
        .unwrap_or(s);
    let (head, value) = match s.split_once(' ') {
        Some((h, v)) => (h, Some(v)),
        None => (s, None),
    };
    let en = lang == Lang::En;
    let word = match head {
        "map" | "struct" => {
            if en {
                "a `key: value` pair"
            } else {
                "pasangan `kunci: isi`"
            }
        }
        "sequence" | "seq" => {
            if en {
                "a list (lines starting with `- `)"
            } else {
                "daftar (baris berawalan `- `)"
            }
        }
        "string" | "str" | "char" => {
            if en {
                "text"
            } else {
                "teks"
            }
        }
        "boolean" | "bool" => {
            if en {
                "true or false"
            } else {
                "true atau false"
            }
        }
        "integer" | "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64"
        | "isize" | "floating" | "f32" | "f64" | "number" => {
            if en {
                "a number"
            } else {
                "angka"
            }
        }
        "unit" | "null" => {
            if en {
                "nothing (an empty value)"
            } else {
                "kosong (tanpa isi)"
            }
        }
        _ => return serde.to_string(),
    };
    // serde writes the value seen after the kind: `string "maybe"`,
    // `integer `5``; `struct Number` or `floating point` name no value.
    match value {
        Some(v) if matches!(head, "string" | "integer" | "boolean" | "char") => {
            format!("{word} {v}")
        }
        Some(v) if head == "floating" => {
            let v = v.strip_prefix("point").unwrap_or(v).trim();
            if v.is_empty() {
                word.to_string()
            } else {
                format!("{word} {v}")
            }
        }
        _ => word.to_string(),
    }
}

/// A duration for people: milliseconds under a second ("850 ms"), else
/// seconds with one decimal ("2.4 s", in Indonesian "2,4 detik").
pub fn took(ms: u128, lang: Lang) -> String {
    if ms < 1000 {
        return format!("{ms} ms");
    }
    let tenths = (ms + 50) / 100;
    let (whole, tenth) = (tenths / 10, tenths % 10);
    match lang {
        Lang::En => format!("{whole}.{tenth} s"),
        Lang::Id => format!("{whole},{tenth} detik"),
    }
}

/// One text of a message: a `format!` string over the fields, or such a
/// string and arguments in parentheses.
macro_rules! text {
    ($text:literal) => {
        format!($text)
    };
    (($text:literal, $($arg:expr),+ $(,)?)) => {
        format!($text, $($arg),+)
    };
}

/// Declares an enum of messages: `Variant { field: Type, … } = "code" { en:
/// "…", id: "…" }`. The texts are `format!` strings over the fields.
macro_rules! messages {
    (
        $(#[$enum_meta:meta])*
        pub enum $enum:ident;
        $(
            $(#[$meta:meta])*
            $variant:ident $({ $($field:ident : $ty:ty),* $(,)? })? = $code:literal {
                en: $en:tt,
                id: $id:tt $(,)?
            }
        )*
    ) => {
        $(#[$enum_meta])*
        #[derive(
            Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
        )]
        pub enum $enum {
            $( $(#[$meta])* $variant $({ $($field: $ty),* })?, )*
        }

        impl $enum {
            /// Every code, in declaration order.
            pub const CODES: &'static [&'static str] = &[$($code),*];

            /// The stable code of this message (`check --format json`).
            pub fn code(&self) -> &'static str {
                match self {
                    $( $enum::$variant { .. } => $code, )*
                }
            }

            /// The message in `lang`.
            #[allow(unused_variables)]
            pub fn text(&self, lang: Lang) -> String {
                match lang {
                    Lang::En => match self {
                        $( $enum::$variant $({ $($field),* })? => text!($en), )*
                    },
                    Lang::Id => match self {
                        $( $enum::$variant $({ $($field),* })? => text!($id), )*
                    },
                }
            }
        }

        impl std::fmt::Display for $enum {
            /// English, for logs and `Error`'s `Display`.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.text(Lang::En))
            }
        }
    };
}

messages! {
    /// Status lines and labels: what the commands say when nothing is wrong,
    /// and the words around diagnostics.
    pub enum Say;

    Error = "error" { en: "error", id: "kesalahan" }
    Warning = "warning" { en: "warning", id: "peringatan" }
    Hint = "hint" { en: "hint", id: "petunjuk" }
    Detail = "detail" { en: "detail", id: "rincian" }
    CausedBy = "caused-by" { en: "caused by", id: "penyebab" }
    Line { n: usize } = "line" { en: "line {n}", id: "baris {n}" }
    Column { n: usize } = "column" { en: "column {n}", id: "kolom {n}" }
    Page = "page" { en: "page", id: "halaman" }
    WholeSite = "whole-site" { en: "(site)", id: "(situs)" }
    Home = "home" { en: "(home)", id: "(beranda)" }
    Totals { errors: usize, warnings: usize } = "totals" {
        en: "{errors} errors, {warnings} warnings",
        id: "{errors} kesalahan, {warnings} peringatan",
    }
    ErrorCount { n: usize } = "error-count" { en: "{n} errors:", id: "{n} kesalahan:" }
    StatusHeader = "status-header" {
        en: "Translation status:\n  O  the original, in the site's main language\n  T  translated and reviewed (`translation: reviewed`)\n  D  `translation: draft`: PUBLISHED, not yet reviewed by a native speaker\n  S  stale: PUBLISHED, but older than the original's `updated:`; a fact may have changed, review it\n  U  `draft: true`: NOT published; readers see the original\n  -  not translated; readers see the original",
        id: "Status terjemahan:\n  O  halaman asli, dalam bahasa utama situs\n  T  sudah diterjemahkan dan diperiksa (`translation: reviewed`)\n  D  `translation: draft`: SUDAH TERBIT, belum diperiksa penutur asli\n  S  perlu diperbarui: SUDAH TERBIT, tetapi lebih lama daripada `updated:` aslinya; mungkin ada fakta yang berubah, periksa\n  U  `draft: true`: BELUM TERBIT; warga melihat versi aslinya\n  -  belum diterjemahkan; warga melihat versi aslinya",
    }
    OutputKept { dir: String } = "output-kept" {
        en: "the previous output in {dir} was left untouched",
        id: "hasil sebelumnya di {dir} tidak diubah",
    }
    Built { pages: usize, per_lang: String, fallbacks: usize, files: usize, dir: String, ms: u128 } = "built" {
        en: ("built {pages} pages ({per_lang}; {fallbacks} not yet translated) and {files} files into {dir} in {}", took(*ms, Lang::En)),
        id: ("{pages} halaman dibuat ({per_lang}; {fallbacks} belum diterjemahkan), {files} berkas di {dir} dalam {}", took(*ms, Lang::Id)),
    }
    UpToDate { pages: usize, per_lang: String, fallbacks: usize, files: usize, dir: String, ms: u128 } = "up-to-date" {
        en: ("nothing changed since the last build: {pages} pages ({per_lang}; {fallbacks} not yet translated) and {files} files are already in {dir} (checked in {})", took(*ms, Lang::En)),
        id: ("tidak ada yang berubah sejak pembuatan terakhir: {pages} halaman ({per_lang}; {fallbacks} belum diterjemahkan) dan {files} berkas sudah ada di {dir} (diperiksa dalam {})", took(*ms, Lang::Id)),
    }
    WroteLeaflets { n: usize, posters: usize, ms: u128 } = "wrote-leaflets" {
        en: ("wrote {n} leaflets and {posters} posters ({} PDF files) in {}", n + posters, took(*ms, Lang::En)),
        id: ("{n} leaflet dan {posters} poster ({} berkas PDF) ditulis dalam {}", n + posters, took(*ms, Lang::Id)),
    }
    StaleNumbers { n: usize } = "stale-numbers" {
        en: "{n} contacts have phone numbers due for re-checking: run `lentera check` for the details",
        id: "{n} kontak punya nomor telepon yang perlu diperiksa ulang: jalankan `lentera check` untuk rinciannya",
    }
    ServeLan { url: String } = "serve-lan" {
        en: "on a phone or another computer on the same network (Wi-Fi), open {url}",
        id: "di ponsel atau komputer lain di jaringan (Wi-Fi) yang sama, buka {url}",
    }
    ServeNoLan = "serve-no-lan" {
        en: "this computer has no network address other than itself: connect it to the Wi-Fi, then start again",
        id: "komputer ini belum punya alamat jaringan selain dirinya sendiri: sambungkan ke Wi-Fi, lalu mulai lagi",
    }
    Created { path: String } = "created" {
        en: "created {path} (a draft: write every text marked `[ISI: …]`, then remove `draft: true`)",
        id: "{path} dibuat (masih draf: isi setiap teks bertanda `[ISI: …]`, lalu hapus `draft: true`)",
    }
    ServeBuilding { root: String } = "serve-building" {
        en: "building {root} …",
        id: "membuat situs dari {root} …",
    }
    ServeOpen = "serve-open" {
        en: "other computers on the network can open this preview",
        id: "komputer lain di jaringan bisa membuka pratinjau ini",
    }
    Serving { url: String } = "serving" {
        en: "Serving on {url} (Ctrl-C to stop)",
        id: "Pratinjau di {url} (Ctrl-C untuk berhenti)",
    }
    Stopping = "stopping" { en: "stopping …", id: "berhenti …" }
    NoCtrlC { detail: String } = "no-ctrl-c" {
        en: "cannot handle Ctrl-C: {detail}",
        id: "Ctrl-C tidak bisa ditangani: {detail}",
    }
    ServeBuilt { pages: usize, files: usize, ms: u128 } = "serve-built" {
        en: ("built: {pages} pages, {files} files in {}", took(*ms, Lang::En)),
        id: ("selesai: {pages} halaman, {files} berkas dalam {}", took(*ms, Lang::Id)),
    }
    ServeRebuilt { changed: String, pages: usize, files: usize, ms: u128 } = "serve-rebuilt" {
        en: ("rebuilt ({changed} changed): {pages} pages, {files} files in {}", took(*ms, Lang::En)),
        id: ("dibuat ulang ({changed} berubah): {pages} halaman, {files} berkas dalam {}", took(*ms, Lang::Id)),
    }
    ServeFailed { ms: u128 } = "serve-failed" {
        en: ("build failed after {}; still serving the last good pages, the browser shows this error", took(*ms, Lang::En)),
        id: ("gagal dibuat setelah {}; halaman terakhir yang berhasil tetap ditampilkan, peramban menampilkan kesalahan ini", took(*ms, Lang::Id)),
    }
    OverlayTitle = "overlay-title" {
        en: "The last change could not be built; this page is the last good version.",
        id: "Perubahan terakhir gagal dibuat; halaman ini versi terakhir yang berhasil.",
    }
    OverlayClose = "overlay-close" { en: "close", id: "tutup" }
    ChangeConfig = "change-config" { en: "site.yaml", id: "site.yaml" }
    ChangeContent = "change-content" { en: "content", id: "konten" }
    ChangeStrings = "change-strings" { en: "interface strings", id: "teks antarmuka" }
    ChangeTemplates = "change-templates" { en: "templates", id: "templat" }
    ChangeStatic = "change-static" { en: "static files", id: "berkas statis" }

    // `lentera contacts` and its call sheet.
    ContactsDue { n: usize } = "contacts-due" {
        en: "{n} numbers are due for checking (never checked first, then the oldest check):",
        id: "{n} nomor perlu diperiksa (yang belum pernah diperiksa dulu, lalu yang paling lama):",
    }
    NothingDue = "nothing-due" {
        en: "every number was checked by a person within `stale_after_days`: nothing is due",
        id: "semua nomor sudah diperiksa orang dalam batas `stale_after_days`: tidak ada yang perlu diperiksa",
    }
    NeverChecked { source: String } = "never-checked" {
        en: "never checked (source dated {source})",
        id: "belum pernah diperiksa (sumber bertanggal {source})",
    }
    LastChecked { date: String, by: String } = "last-checked" {
        en: "last checked {date} by {by}",
        id: "terakhir diperiksa {date} oleh {by}",
    }
    CallSheetWritten { path: String, pages: usize } = "call-sheet-written" {
        en: "wrote the call sheet {path} ({pages} × A4); after checking, update `checked:`, `checked_by:` and `how:` in the file named for each number",
        id: "lembar cek {path} ditulis ({pages} × A4); setelah memeriksa, perbarui `checked:`, `checked_by:` dan `how:` di berkas yang disebut untuk tiap nomor",
    }
    CallSheetSkipped = "call-sheet-skipped" {
        en: "no call sheet: this lentera was built without the `leaflets` feature",
        id: "lembar cek tidak dibuat: lentera ini dibuat tanpa fitur `leaflets`",
    }
    AskCall { name: String } = "ask-call" {
        en: "Call: is this {name}?",
        id: "Telepon: apakah ini {name}?",
    }
    AskWhatsapp { name: String } = "ask-whatsapp" {
        en: "Send a WhatsApp message: does {name} answer?",
        id: "Kirim pesan WhatsApp: apakah {name} membalas?",
    }
    AskSms { name: String } = "ask-sms" {
        en: "Look it up on the official page (do not send a test SMS to a complaints line): is it still {name}?",
        id: "Cari di laman resminya (jangan kirim SMS percobaan ke saluran pengaduan): apakah masih {name}?",
    }
    AskNote { note: String } = "ask-note" {
        en: "Still true: {note}?",
        id: "Masih benar: {note}?",
    }
    AskOfficialPage { url: String } = "ask-official-page" {
        en: "Or confirm it on {url}.",
        id: "Atau pastikan di {url}.",
    }
    SheetTitle = "sheet-title" {
        en: "Call sheet: numbers to check",
        id: "Lembar cek nomor",
    }
    SheetIntro = "sheet-intro" {
        en: "Check each number before the leaflets are printed. Write the date and your initials in the box, then update content/site.yaml: checked: (the date), checked_by: (your initials), how: called or how: official-page. Cross out a number that reaches the wrong service and tell the editor.",
        id: "Periksa setiap nomor sebelum leaflet dicetak. Tulis tanggal dan paraf Anda di kotak, lalu perbarui content/site.yaml: checked: (tanggal), checked_by: (paraf Anda), how: called atau how: official-page. Coret nomor yang tersambung ke layanan lain dan beri tahu penyunting.",
    }
    SheetNumber = "sheet-number" { en: "Number", id: "Nomor" }
    SheetWhom = "sheet-whom" { en: "Should reach", id: "Seharusnya tersambung ke" }
    SheetAsk = "sheet-ask" { en: "What to ask", id: "Yang ditanyakan" }
    SheetDone = "sheet-done" { en: "Checked", id: "Diperiksa" }
    SheetDate = "sheet-date" { en: "Date", id: "Tanggal" }
    SheetBy = "sheet-by" { en: "Initials", id: "Paraf" }
    KindPhone = "kind-phone" { en: "phone", id: "telepon" }
}

messages! {
    /// Errors, warnings and hints. The code of each is stable: tools read it
    /// from `lentera check --format json` (docs/diagnostics.md).
    pub enum Msg;

    // Reading and writing files.
    CannotRead = "cannot-read" {
        en: "cannot read this file",
        id: "berkas ini tidak bisa dibaca",
    }
    CannotWrite = "cannot-write" {
        en: "cannot write this file",
        id: "berkas ini tidak bisa ditulis",
    }
    CheckPermissions = "check-permissions" {
        en: "check that it exists and that you may read and write it, and that the disk is not full",
        id: "periksa apakah berkas itu ada, boleh Anda baca dan tulis, dan disk belum penuh",
    }
    NotUtf8 = "not-utf8" {
        en: "the file is not UTF-8 text",
        id: "berkas ini bukan teks UTF-8",
    }
    SaveAsUtf8 = "save-as-utf8" {
        en: "save it again as UTF-8 (most editors offer this under \"Save as\" or \"Encoding\")",
        id: "simpan ulang sebagai UTF-8 (kebanyakan penyunting menyediakannya di \"Simpan sebagai\" atau \"Encoding\")",
    }

    // YAML: site.yaml, front matter, villages, interface strings.
    YamlInvalid = "yaml-invalid" {
        en: "this is not valid YAML",
        id: "ini bukan YAML yang sah",
    }
    YamlUnknownKey { key: String } = "yaml-unknown-key" {
        en: "unknown key `{key}`",
        id: "kunci `{key}` tidak dikenal",
    }
    YamlMissingKey { key: String } = "yaml-missing-key" {
        en: "the key `{key}` is required",
        id: "kunci `{key}` wajib diisi",
    }
    YamlDuplicateKey { key: String } = "yaml-duplicate-key" {
        en: "the key `{key}` is written twice",
        id: "kunci `{key}` ditulis dua kali",
    }
    YamlWrongType { found: String, expected: String } = "yaml-wrong-type" {
        en: ("wrong kind of value: found {}, expected {}", yaml_kind(found, Lang::En), yaml_kind(expected, Lang::En)),
        id: ("jenis isian salah: tertulis {}, seharusnya {}", yaml_kind(found, Lang::Id), yaml_kind(expected, Lang::Id)),
    }
    YamlUnknownValue { value: String, choices: String } = "yaml-unknown-value" {
        en: "unknown value `{value}`; the choices are {choices}",
        id: "nilai `{value}` tidak dikenal; pilihannya {choices}",
    }
    YamlTooDeep = "yaml-too-deep" {
        en: "the YAML nests or repeats itself too much (aliases that expand without end?)",
        id: "YAML-nya terlalu dalam atau berulang (alias yang terus berkembang?)",
    }
    YamlWithin { key: String, inner: Box<Msg> } = "yaml-within" {
        en: "in `{key}`: {inner}",
        id: ("di `{key}`: {}", inner.text(Lang::Id)),
    }
    NotADate { value: String } = "not-a-date" {
        en: "`{value}` is not a date written YYYY-MM-DD",
        id: "`{value}` bukan tanggal yang ditulis TTTT-BB-HH",
    }
    WriteDateAs { today: String } = "write-date-as" {
        en: "write the date as YYYY-MM-DD (year, month, day), for example today: {today}",
        id: "tulis tanggal sebagai TTTT-BB-HH (tahun, bulan, hari), misalnya hari ini: {today}",
    }
    DateDidYouMean { fixed: String, today: String } = "date-did-you-mean" {
        en: "did you mean {fixed}? Dates are written YYYY-MM-DD (year, month, day), for example today: {today}",
        id: "Maksud Anda {fixed}? Tanggal ditulis TTTT-BB-HH (tahun, bulan, hari), misalnya hari ini: {today}",
    }
    QuoteTheText { fixed: String } = "quote-the-text" {
        en: "the text contains `: `, which YAML reads as the start of a new key; put the whole text in double quotes: `{fixed}`",
        id: "teks ini memuat `: ` yang dibaca YAML sebagai awal kunci baru; apit seluruh teksnya dengan tanda kutip: `{fixed}`",
    }
    LineUpIndent { spaces: usize, fixed: String } = "line-up-indent" {
        en: "this line is indented differently from the line above: line it up ({spaces} spaces; spaces, not tabs): `{fixed}`",
        id: "baris ini menjorok tidak sama dengan baris di atasnya: luruskan ({spaces} spasi; pakai spasi, bukan tab): `{fixed}`",
    }
    TabInYaml { fixed: String } = "tab-in-yaml" {
        en: "this line has a tab (shown as →); YAML indents with spaces only: replace the tab with spaces: `{fixed}`",
        id: "baris ini memuat tab (tampil sebagai →); YAML hanya boleh menjorok dengan spasi: ganti tab dengan spasi: `{fixed}`",
    }
    DidYouMeanKey { best: String, valid: String } = "did-you-mean-key" {
        en: "did you mean `{best}`? Valid keys: {valid}",
        id: "Maksud Anda `{best}`? Kunci yang sah: {valid}",
    }
    KeyRenamed { old: String, new: String } = "key-renamed" {
        en: "`{old}:` is now `{new}:`; rename the key (the value stays as it is)",
        id: "`{old}:` sekarang bernama `{new}:`; ganti nama kuncinya (isinya tetap)",
    }
    ValidKeys { valid: String } = "valid-keys" {
        en: "valid keys: {valid}",
        id: "kunci yang sah: {valid}",
    }
    DidYouMean { best: String } = "did-you-mean" {
        en: "did you mean `{best}`?",
        id: "Maksud Anda `{best}`?",
    }
    WriteTheOtherOnce = "write-once" {
        en: "keep one of the two lines and delete the other",
        id: "pertahankan salah satu dari dua baris itu dan hapus yang lain",
    }

    // Pages and their front matter.
    NoFrontMatter = "no-front-matter" {
        en: "the file does not start with front matter",
        id: "berkas tidak diawali front matter",
    }
    StartWithFrontMatter = "start-with-front-matter" {
        en: "start the file with a line `---`, then `title: ...`, then another `---`",
        id: "awali berkas dengan baris `---`, lalu `title: ...`, lalu `---` lagi",
    }
    FrontMatterUnclosed = "front-matter-unclosed" {
        en: "the front matter is never closed",
        id: "front matter tidak ditutup",
    }
    CloseFrontMatter = "close-front-matter" {
        en: "add a line `---` after the last front-matter key",
        id: "tambahkan baris `---` setelah kunci terakhir front matter",
    }
    EmptyTitle = "empty-title" { en: "the title is empty", id: "judul kosong" }
    FileLangUnknown { code: String } = "file-lang-unknown" {
        en: "`{code}` in the file name is not a configured language",
        id: "`{code}` pada nama berkas bukan bahasa yang terdaftar",
    }
    NameFileLang { configured: String } = "name-file-lang" {
        en: "configured languages: {configured}; name the file SLUG.LANG.md",
        id: "bahasa yang terdaftar: {configured}; beri nama berkas NAMA.BAHASA.md",
    }
    NoSlug = "no-slug" {
        en: "the file name has no slug",
        id: "nama berkas tidak punya nama halaman",
    }
    TranslationInDefault = "translation-in-default" {
        en: "`translation:` is only for translations, and this page is in the default language",
        id: "`translation:` hanya untuk terjemahan, padahal halaman ini dalam bahasa utama",
    }
    RemoveTranslationLine = "remove-translation-line" {
        en: "remove the `translation:` line",
        id: "hapus baris `translation:`",
    }
    UrlCollision { url: String, first: String, second: String } = "url-collision" {
        en: "`{url}` would be written by both {first} and {second}",
        id: "`{url}` akan ditulis oleh {first} dan juga {second}",
    }
    RenameOne = "rename-one" {
        en: "rename or remove one of the two files",
        id: "ganti nama atau hapus salah satu dari kedua berkas itu",
    }
    TemplateMissing { name: String } = "template-missing" {
        en: "template `{name}` does not exist in the theme or in templates/",
        id: "templat `{name}` tidak ada di tema maupun di templates/",
    }

    // Links, images and audio in Markdown.
    LinkMissing { link: String } = "link-missing" {
        en: "the link `{link}` points to a page that does not exist (or is a draft)",
        id: "tautan `{link}` menuju halaman yang tidak ada (atau masih draf)",
    }
    DidYouMeanPage { key: String } = "did-you-mean-page" {
        en: "did you mean the page `{key}`? Links are relative to this file",
        id: "Maksud Anda halaman `{key}`? Tautan dihitung dari letak berkas ini",
    }
    LinksAreRelative = "links-are-relative" {
        en: "links to pages are relative to this file, e.g. `../modus/calo.md`",
        id: "tautan ke halaman dihitung dari letak berkas ini, misalnya `../modus/calo.md`",
    }
    LinkOutsideContent { link: String } = "link-outside-content" {
        en: "the link `{link}` points outside content/",
        id: "tautan `{link}` menuju ke luar folder content/",
    }
    LinkOutsideSite { link: String } = "link-outside-site" {
        en: "the link `{link}` points outside the site",
        id: "tautan `{link}` menuju ke luar situs",
    }
    LinkLangUnknown { link: String } = "link-lang-unknown" {
        en: "the link `{link}` names a language that is not configured",
        id: "tautan `{link}` menyebut bahasa yang tidak terdaftar",
    }
    AnchorMissing { anchor: String, lang: String } = "anchor-missing" {
        en: "the link points to `#{anchor}`, which is not a heading of that page in `{lang}`",
        id: "tautan menuju `#{anchor}`, padahal itu bukan judul bagian di halaman tersebut dalam bahasa `{lang}`",
    }
    DidYouMeanAnchor { best: String } = "did-you-mean-anchor" {
        en: "did you mean `#{best}`?",
        id: "Maksud Anda `#{best}`?",
    }
    HeadingsThere { list: String } = "headings-there" {
        en: "headings there: {list}",
        id: "judul bagian di sana: {list}",
    }
    FileMissing { name: String } = "file-missing" {
        en: "`{name}` does not exist",
        id: "`{name}` tidak ada",
    }
    WebStyleLink { link: String } = "link-web-style" {
        en: "the link `{link}` is written as a web address; pages are linked by their Markdown file",
        id: "tautan `{link}` ditulis sebagai alamat web; halaman ditautkan lewat berkas Markdown-nya",
    }
    LinkTheFile { fixed: String } = "link-the-file" {
        en: "write `{fixed}` (the page's file, relative to this file); lentera turns it into the right address in every language",
        id: "tulis `{fixed}` (berkas halamannya, dihitung dari letak berkas ini); lentera mengubahnya menjadi alamat yang benar di setiap bahasa",
    }
    PutFileNextToPage = "put-file-next-to-page" {
        en: "put the file next to the page in content/ and link it relative to the page",
        id: "letakkan berkas di samping halaman di content/ dan tautkan dari letak halaman",
    }
    NotAudio { name: String } = "not-audio" {
        en: "`{name}` is not an audio file lentera can show",
        id: "`{name}` bukan berkas suara yang bisa ditampilkan lentera",
    }
    UseAudioFormat = "use-audio-format" {
        en: "use an MP3, M4A, AAC, OGG, Opus or WAV file",
        id: "pakai berkas MP3, M4A, AAC, OGG, Opus atau WAV",
    }
    PutAudioNextToPage = "put-audio-next-to-page" {
        en: "put the audio file next to the page in content/ and name it relative to the page",
        id: "letakkan berkas suara di samping halaman di content/ dan sebut namanya dari letak halaman",
    }
    TooDeep { max: usize } = "too-deep" {
        en: "the text is nested more than {max} levels deep (lists, quotes or HTML elements inside each other)",
        id: "teksnya bersarang lebih dari {max} tingkat (daftar, kutipan atau elemen HTML di dalam satu sama lain)",
    }
    Flatten = "flatten" {
        en: "flatten the lists or quotes near this line; a lesson needs only a few levels",
        id: "ratakan daftar atau kutipan di sekitar baris ini; pelajaran cukup beberapa tingkat saja",
    }

    // Raw HTML removed by the sanitiser.
    RemovedElement { tag: String } = "removed-element" {
        en: "removed unsafe HTML: <{tag}>",
        id: "HTML yang tidak aman dibuang: elemen <{tag}>",
    }
    RemovedAttribute { attr: String, tag: String } = "removed-attribute" {
        en: "removed unsafe HTML: the `{attr}` attribute of <{tag}>",
        id: "HTML yang tidak aman dibuang: atribut `{attr}` pada <{tag}>",
    }
    RemovedAddress { scheme: String, tag: String, attr: String } = "removed-address" {
        en: "removed unsafe HTML: a `{scheme}:` address in <{tag} {attr}>",
        id: "HTML yang tidak aman dibuang: alamat `{scheme}:` pada <{tag} {attr}>",
    }
    RemovedStyle { tag: String } = "removed-style" {
        en: "removed unsafe HTML: a style other than text-align on <{tag}>",
        id: "HTML yang tidak aman dibuang: gaya selain text-align pada <{tag}>",
    }
    RemovedLink { scheme: String } = "removed-link" {
        en: "removed unsafe HTML: a link to a `{scheme}:` address",
        id: "HTML yang tidak aman dibuang: tautan ke alamat `{scheme}:`",
    }
    RemovedImage { scheme: String } = "removed-image" {
        en: "removed unsafe HTML: an image with a `{scheme}:` address",
        id: "HTML yang tidak aman dibuang: gambar dengan alamat `{scheme}:`",
    }
    WriteMarkdown = "write-markdown" {
        en: "write it in Markdown; if every author of this site is trusted, `raw_html: trusted` in content/site.yaml publishes raw HTML as written",
        id: "tulis dengan Markdown; jika semua penulis situs ini tepercaya, `raw_html: trusted` di content/site.yaml menerbitkan HTML apa adanya",
    }

    // Files under content/.
    LinkToNothing = "symlink-broken" {
        en: "this link points to nothing (or to itself)",
        id: "tautan ini tidak menunjuk ke mana pun (atau ke dirinya sendiri)",
    }
    RemoveLinkOrReplace = "remove-link-or-replace" {
        en: "remove the link, or put the real file in its place",
        id: "hapus tautannya, atau taruh berkas aslinya di tempat itu",
    }
    LinkOutOfContent = "symlink-outside" {
        en: "this link points outside content/, which is never published",
        id: "tautan ini menunjuk ke luar content/, yang tidak pernah diterbitkan",
    }
    CopyInstead = "copy-instead" {
        en: "copy the file into content/ instead of linking to it",
        id: "salin berkasnya ke content/, jangan ditautkan",
    }
    LinkToFolder = "symlink-folder" {
        en: "links to folders are not followed",
        id: "tautan ke folder tidak diikuti",
    }
    MoveFolderInstead = "move-folder-instead" {
        en: "move the folder into place instead of linking to it",
        id: "pindahkan foldernya ke tempatnya, jangan ditautkan",
    }
    LangNotConfigured { code: String } = "lang-not-configured" {
        en: "`{code}` is not a configured language",
        id: "`{code}` bukan bahasa yang terdaftar",
    }
    Configured { list: String } = "configured" {
        en: "configured: {list}",
        id: "yang terdaftar: {list}",
    }
    NameAfterLanguage { list: String } = "name-after-language" {
        en: "name the file after a configured language: {list}",
        id: "beri nama berkas sesuai bahasa yang terdaftar: {list}",
    }

    // Images.
    ImageUnreadable = "image-unreadable" {
        en: "this image cannot be read",
        id: "gambar ini tidak bisa dibaca",
    }
    ImageTooLarge { width: u32, height: u32, million: u64 } = "image-too-large" {
        en: "this image is {width} × {height} pixels, more than the {million} million pixels lentera accepts",
        id: "gambar ini berukuran {width} × {height} piksel, lebih dari {million} juta piksel yang diterima lentera",
    }
    ImageEncodeFailed = "image-encode-failed" {
        en: "this image cannot be saved in a smaller size",
        id: "gambar ini tidak bisa disimpan dalam ukuran yang lebih kecil",
    }
    ImagePanic = "image-panic" {
        en: "lentera stopped unexpectedly while processing this image",
        id: "lentera berhenti tiba-tiba saat mengolah gambar ini",
    }
    SaveImageAgain = "save-image-again" {
        en: "save the image again as a normal JPEG or PNG file, at most a few thousand pixels on each side",
        id: "simpan ulang gambar sebagai berkas JPEG atau PNG biasa, paling banyak beberapa ribu piksel tiap sisinya",
    }

    SvgUnsafe { found: String } = "svg-unsafe" {
        en: "this SVG image contains {found}, which would run or load something when the image is opened on the site",
        id: "gambar SVG ini berisi {found}, yang akan menjalankan atau memuat sesuatu saat gambar dibuka di situs",
    }
    SvgUnreadable = "svg-unreadable" {
        en: "this SVG image is not well-formed XML",
        id: "gambar SVG ini bukan XML yang benar",
    }
    CleanSvg = "clean-svg" {
        en: "save it again as a plain drawing (in Inkscape: Save As, Plain SVG), without scripts, links to other files or embedded HTML, or use a PNG",
        id: "simpan ulang sebagai gambar biasa (di Inkscape: Save As, Plain SVG), tanpa skrip, tautan ke berkas lain atau HTML tersemat, atau pakai PNG",
    }

    // Rendering.
    PagePanic { lang: String } = "page-panic" {
        en: "lentera stopped unexpectedly while rendering this page in `{lang}`",
        id: "lentera berhenti tiba-tiba saat membuat halaman ini dalam `{lang}`",
    }
    SimplifyPage = "simplify-page" {
        en: "simplify the page to find the part that causes it, and report the case",
        id: "sederhanakan halaman untuk menemukan bagian penyebabnya, lalu laporkan kasusnya",
    }
    RebuildPanic = "rebuild-panic" {
        en: "lentera stopped unexpectedly while rebuilding; the last good pages are still served",
        id: "lentera berhenti tiba-tiba saat membuat ulang; halaman terakhir yang berhasil tetap ditampilkan",
    }
    SaveAgain = "save-again" {
        en: "save again; if it happens again, report the case with the file you changed",
        id: "simpan sekali lagi; jika terjadi lagi, laporkan kasusnya beserta berkas yang Anda ubah",
    }

    // Templates.
    TemplateSyntax = "template-syntax" {
        en: "the template has a syntax error",
        id: "templat ini salah tulis",
    }
    TemplateFailed = "template-failed" {
        en: "the template failed",
        id: "templat ini gagal dijalankan",
    }
    TemplateNotFound { name: String } = "template-not-found" {
        en: "template `{name}` is not in the theme or in templates/",
        id: "templat `{name}` tidak ada di tema maupun di templates/",
    }
    WhileRendering { page: String } = "while-rendering" {
        en: "while rendering {page}",
        id: "saat membuat {page}",
    }
    WhileRenderingAndOthers { page: String, others: usize } = "while-rendering-and-others" {
        en: "while rendering {page} and {others} other pages",
        id: "saat membuat {page} dan {others} halaman lain",
    }
    WhileLoadingTemplates = "while-loading-templates" {
        en: "while loading the templates",
        id: "saat memuat templat",
    }
    ThemeNotFound { theme: String, path: String } = "theme-not-found" {
        en: "theme `{theme}` not found: looked for {path}",
        id: "tema `{theme}` tidak ditemukan: dicari di {path}",
    }
    SetTheme = "set-theme" {
        en: "set `theme:` in content/site.yaml to a folder under themes/",
        id: "isi `theme:` di content/site.yaml dengan nama folder di bawah themes/",
    }
    InterfaceStringsMissing { n: usize, lang: String, keys: String } = "strings-missing" {
        en: "{n} interface strings are missing in `{lang}`, so the default language is shown: {keys}",
        id: "{n} teks antarmuka belum ada dalam `{lang}`, jadi bahasa utama yang tampil: {keys}",
    }
    AddStrings { lang: String } = "add-strings" {
        en: "add them to the theme's i18n/{lang}.yaml or to content/i18n/{lang}.yaml",
        id: "tambahkan ke i18n/{lang}.yaml di tema atau ke content/i18n/{lang}.yaml",
    }

    // site.yaml.
    NoLanguages = "no-languages" {
        en: "no languages are configured",
        id: "belum ada bahasa yang terdaftar",
    }
    BaseUrlNotAbsolute { url: String } = "base-url-not-absolute" {
        en: "base_url `{url}` is not an absolute URL",
        id: "base_url `{url}` bukan alamat lengkap",
    }
    BaseUrlFlagInvalid { url: String } = "base-url-flag-invalid" {
        en: "--base-url `{url}` is not an absolute http:// or https:// address with a host name (and without ?query or #fragment)",
        id: "--base-url `{url}` bukan alamat http:// atau https:// lengkap dengan nama host (dan tanpa ?query atau #fragmen)",
    }
    MoreDiagnostics { n: usize, code: String } = "more-diagnostics" {
        en: "… and {n} more `{code}` in this file, not shown (fix the ones above first, or see them all with `lentera check --format json`)",
        id: "… dan {n} lagi `{code}` di berkas ini, tidak ditampilkan (perbaiki yang di atas dulu, atau lihat semuanya dengan `lentera check --format json`)",
    }
    WriteLikeUrl = "write-like-url" {
        en: "write it as https://example.org/",
        id: "tulis seperti https://example.org/",
    }
    LangCodeInvalid { code: String } = "lang-code-invalid" {
        en: "language code `{code}` is not valid",
        id: "kode bahasa `{code}` tidak sah",
    }
    UseIsoCode = "use-iso-code" {
        en: "use a lowercase ISO 639 code such as `id`, `jv` or `ljp`",
        id: "pakai kode ISO 639 huruf kecil seperti `id`, `jv` atau `ljp`",
    }
    LangTwice { code: String } = "lang-twice" {
        en: "language `{code}` is listed twice",
        id: "bahasa `{code}` tertulis dua kali",
    }
    DefaultLangUnknown { code: String } = "default-lang-unknown" {
        en: "default_language `{code}` is not one of the languages",
        id: "default_language `{code}` tidak ada di daftar bahasa",
    }
    KeyTwice { key: String } = "key-twice" {
        en: "the key `{key}` is used twice",
        id: "kunci `{key}` dipakai dua kali",
    }
    NameInUnknownLang { key: String, lang: String } = "name-in-unknown-lang" {
        en: "`{key}` has a name in `{lang}`, which is not a configured language",
        id: "`{key}` punya nama dalam `{lang}`, padahal itu bukan bahasa yang terdaftar",
    }
    NumbersUnverified { key: String } = "numbers-unverified" {
        en: "`{key}` has phone numbers but no `source_date:`",
        id: "`{key}` punya nomor telepon tetapi tanpa `source_date:`",
    }
    AddVerifiedNumbers = "add-verified-numbers" {
        en: "add `source_date: YYYY-MM-DD`, the date of the source the numbers come from, and `source:`; numbers are printed on leaflets",
        id: "tambahkan `source_date: TTTT-BB-HH`, tanggal sumber asal nomor itu, dan `source:`; nomor ini dicetak di leaflet",
    }
    CheckIncomplete { key: String, missing: String } = "check-incomplete" {
        en: "the check of `{key}` is incomplete: `{missing}` missing",
        id: "pemeriksaan nomor `{key}` belum lengkap: `{missing}` belum diisi",
    }
    WriteWholeCheck = "write-whole-check" {
        en: "a check is three lines: `checked: YYYY-MM-DD` (when a person confirmed the numbers), `checked_by:` (their name or initials) and `how: called` or `how: official-page`",
        id: "pemeriksaan terdiri atas tiga baris: `checked: TTTT-BB-HH` (kapan seseorang memastikan nomornya), `checked_by:` (nama atau inisialnya) dan `how: called` atau `how: official-page`",
    }
    BaseUrlPlaceholder { url: String } = "base-url-placeholder" {
        en: "`base_url` {url} is a reserved or local name, not the site's real address: leaflets and posters print a sample box and a watermark instead of the QR code",
        id: "`base_url` {url} adalah nama cadangan atau lokal, bukan alamat asli situs: leaflet dan poster mencetak kotak contoh dan tanda air, bukan kode QR",
    }
    SetBaseUrl = "set-base-url" {
        en: "set `base_url` to the address the site is published at before printing or publishing (docs/publishing.md)",
        id: "isi `base_url` dengan alamat tempat situs diterbitkan sebelum mencetak atau menerbitkan (docs/publishing.md)",
    }
    UnknownTimeZone { zone: String } = "unknown-time-zone" {
        en: "`{zone}` is not a time zone this system knows",
        id: "`{zone}` bukan zona waktu yang dikenal sistem ini",
    }
    UseIanaZone = "use-iana-zone" {
        en: "use an IANA name such as `Asia/Jakarta` (WIB), `Asia/Makassar` (WITA) or `Asia/Jayapura` (WIT)",
        id: "pakai nama IANA seperti `Asia/Jakarta` (WIB), `Asia/Makassar` (WITA) atau `Asia/Jayapura` (WIT)",
    }

    // Villages.
    OfficeUnknown { office: String } = "office-unknown" {
        en: "office `{office}` is not in site.yaml",
        id: "kantor `{office}` tidak ada di site.yaml",
    }
    DidYouMeanOffice { best: String } = "did-you-mean-office" {
        en: "did you mean `{best}`? Offices are listed in content/site.yaml",
        id: "Maksud Anda `{best}`? Daftar kantor ada di content/site.yaml",
    }
    OfficesAre { list: String } = "offices-are" {
        en: "offices in content/site.yaml: {list}",
        id: "kantor di content/site.yaml: {list}",
    }
    LeafletLangUnknown { code: String } = "leaflet-lang-unknown" {
        en: "leaflet language `{code}` is not a configured language",
        id: "bahasa leaflet `{code}` bukan bahasa yang terdaftar",
    }
    LessonMissing { lesson: String } = "lesson-missing" {
        en: "lesson `{lesson}` does not exist",
        id: "pelajaran `{lesson}` tidak ada",
    }
    WriteLessonKey = "write-lesson-key" {
        en: "write the lesson as FOLDER/SLUG, e.g. `modus/calo`",
        id: "tulis pelajaran sebagai FOLDER/NAMA, misalnya `modus/calo`",
    }

    // Pages named in front matter and site.yaml (`next:`, `previous:`,
    // `journeys:`, `help: page:`).
    NamedPageMissing { field: String, page: String } = "named-page-missing" {
        en: "`{field}` names the page `{page}`, which does not exist (or is a draft)",
        id: "`{field}` menyebut halaman `{page}`, yang tidak ada (atau masih draf)",
    }
    WritePageKey = "write-page-key" {
        en: "write the page as its path inside content/ without `.md`, e.g. `pelajaran/dokumen`",
        id: "tulis halaman sebagai jalurnya di dalam content/ tanpa `.md`, misalnya `pelajaran/dokumen`",
    }
    HelpContactUnknown { key: String } = "help-contact-unknown" {
        en: "`help:` names the contact `{key}`, which is not in `contacts:`",
        id: "`help:` menyebut kontak `{key}`, yang tidak ada di `contacts:`",
    }
    HelpContactsAre { list: String } = "help-contacts-are" {
        en: "write the `key:` of a contact in content/site.yaml: {list}",
        id: "tulis `key:` salah satu kontak di content/site.yaml: {list}",
    }
    HelpContactNoNumber { key: String } = "help-contact-no-number" {
        en: "the contact `{key}` in `help:` has no number to call",
        id: "kontak `{key}` di `help:` tidak punya nomor untuk ditelepon",
    }
    HelpNeedsNumber = "help-needs-number" {
        en: "name a contact with a phone number under `numbers:`, or add one",
        id: "sebut kontak yang punya nomor telepon di `numbers:`, atau tambahkan nomornya",
    }
    PhoneUnverified { phone: String, name: String } = "phone-unverified" {
        en: "the phone number {phone} of `{name}` has no `verified:` date",
        id: "nomor telepon {phone} milik `{name}` tidak punya tanggal `verified:`",
    }
    AddVerifiedPhone = "add-verified-phone" {
        en: "add `verified: YYYY-MM-DD` (the date its source confirmed it) and `source:`, or remove the number",
        id: "tambahkan `verified: TTTT-BB-HH` (tanggal sumber memastikannya) dan `source:`, atau hapus nomornya",
    }

    // Checks on the content (warnings).
    NumbersStale { key: String, date: String, days: u32 } = "numbers-stale" {
        en: "the numbers of `{key}` were last checked on {date}, more than {days} days ago",
        id: "nomor `{key}` terakhir diperiksa pada {date}, lebih dari {days} hari yang lalu",
    }
    NumbersNeverChecked { key: String } = "numbers-never-checked" {
        en: "the numbers of `{key}` were never checked by a person (only their source is dated)",
        id: "nomor `{key}` belum pernah diperiksa orang (hanya sumbernya yang bertanggal)",
    }
    CheckNumbers = "check-numbers" {
        en: "call them or find them on the official page (`lentera contacts` prints a call sheet), then set `checked:`, `checked_by:` and `how:`",
        id: "telepon nomornya atau cari di laman resminya (`lentera contacts` mencetak lembar cek), lalu isi `checked:`, `checked_by:` dan `how:`",
    }
    PhoneStale { name: String, date: String, days: u32 } = "phone-stale" {
        en: "the phone number of `{name}` was last checked on {date}, more than {days} days ago",
        id: "nomor telepon `{name}` terakhir diperiksa pada {date}, lebih dari {days} hari yang lalu",
    }
    PhoneNeverChecked { name: String } = "phone-never-checked" {
        en: "the phone number of `{name}` was never checked by a person",
        id: "nomor telepon `{name}` belum pernah diperiksa orang",
    }
    CheckPhone = "check-phone" {
        en: "check it with the person, then set `checked:`, `checked_by:` and `how: called`",
        id: "tanyakan lagi ke orangnya, lalu isi `checked:`, `checked_by:` dan `how: called`",
    }
    TranslationStale { lang: String } = "translation-stale" {
        en: "the `{lang}` translation is older than this page's last review (`updated:`)",
        id: "terjemahan `{lang}` lebih lama daripada pemeriksaan terakhir halaman ini (`updated:`)",
    }
    ReviewTranslation { lang: String } = "review-translation" {
        en: "review the `{lang}` file and set its `updated:` to the same date",
        id: "periksa berkas `{lang}` dan samakan tanggal `updated:`-nya",
    }
    TranslationUpdatedMissing { lang: String } = "translation-updated-missing" {
        en: "the `{lang}` translation has no `updated:` date, so nobody can tell whether it follows the original",
        id: "terjemahan `{lang}` tidak punya tanggal `updated:`, jadi tidak jelas apakah masih sesuai dengan aslinya",
    }
    TranslationKindDiffers { ours: String, original: String } = "translation-kind-differs" {
        en: "this translation has `kind: {ours}`, its original `kind: {original}`",
        id: "terjemahan ini `kind: {ours}`, aslinya `kind: {original}`",
    }
    TranslationWeightDiffers { ours: i64, original: i64 } = "translation-weight-differs" {
        en: "this translation has `weight: {ours}`, its original `weight: {original}`: the order differs between languages",
        id: "terjemahan ini `weight: {ours}`, aslinya `weight: {original}`: urutannya berbeda antarbahasa",
    }
    TranslationKeyPointsDiffer { ours: usize, original: usize } = "translation-key-points-differ" {
        en: "this translation has {ours} key points, its original {original}: a point may be missing on the leaflet",
        id: "terjemahan ini punya {ours} poin penting, aslinya {original}: mungkin ada poin yang hilang di leaflet",
    }
    MatchOriginal { file: String } = "match-original" {
        en: "make it the same as in the original, {file}",
        id: "samakan dengan aslinya, {file}",
    }

    // Placeholders written by `lentera new` (src/placeholder.rs).
    PlaceholderInField { field: String, text: String } = "placeholder" {
        en: "`{field}` still holds the placeholder `{text}` written by `lentera new`",
        id: "`{field}` masih berisi isian contoh `{text}` dari `lentera new`",
    }
    PlaceholderInBody { text: String } = "placeholder-in-body" {
        en: "the text of the page still holds the placeholder `{text}` written by `lentera new`",
        id: "isi halaman masih berisi isian contoh `{text}` dari `lentera new`",
    }
    ExampleUrl { field: String, url: String } = "example-url" {
        en: "`{field}` still holds the example address `{url}`",
        id: "`{field}` masih berisi alamat contoh `{url}`",
    }
    FillPlaceholder = "fill-placeholder" {
        en: "write the real text in place of `[ISI: …]`, brackets included; a file that is not ready can keep `draft: true` (drafts are not published)",
        id: "ganti `[ISI: …]` beserta kurung sikunya dengan teks yang sebenarnya; berkas yang belum siap boleh tetap `draft: true` (draf tidak diterbitkan)",
    }
    WriteRealUrl = "write-real-url" {
        en: "write the address of the real source, or remove the `url:` line if it has none",
        id: "tulis alamat sumber yang sebenarnya, atau hapus baris `url:` jika sumbernya tidak punya alamat web",
    }
    DesignatedMissing = "designated-missing" {
        en: "`designated:` is missing: the date the village was confirmed as a Desa Binaan Imigrasi",
        id: "`designated:` belum diisi: tanggal desa dikukuhkan sebagai Desa Binaan Imigrasi",
    }
    WriteDesignated { example: String } = "write-designated" {
        en: "write the date from the official source as YYYY-MM-DD, e.g. `designated: {example}`; do not guess: until it is known, keep `draft: true`",
        id: "tulis tanggal dari sumber resmi dengan format TTTT-BB-HH, misalnya `designated: {example}`; jangan menebak: selama belum pasti, biarkan `draft: true`",
    }
    OriginalMissing { file: String } = "original-missing" {
        en: "the original {file} does not exist: a translation starts from it",
        id: "berkas asli {file} tidak ada: terjemahan dibuat dari berkas asli",
    }
    WriteOriginalFirst { path: String } = "write-original-first" {
        en: "write the original first: `lentera new lesson {path}`",
        id: "tulis dulu berkas aslinya: `lentera new lesson {path}`",
    }
    GlossaryMissing { lang: String, terms: String } = "glossary-missing" {
        en: "terms missing from the `{lang}` glossary: {terms}",
        id: "istilah yang belum ada di glosarium `{lang}`: {terms}",
    }
    ExplainTerms { file: String } = "explain-terms" {
        en: "explain each under `terms:` in {file} (`TERM: short explanation`), or list it under `known:` if every reader knows it",
        id: "jelaskan masing-masing di bawah `terms:` di {file} (`ISTILAH: penjelasan singkat`), atau masukkan ke `known:` jika semua pembaca sudah tahu artinya",
    }
    TermUnexplained { term: String } = "term-unexplained" {
        en: "the term `{term}` has no explanation",
        id: "istilah `{term}` belum diberi penjelasan",
    }
    WriteTerm = "write-term" {
        en: "write `TERM: a short, plain explanation` under `terms:`",
        id: "tulis `ISTILAH: penjelasan singkat dan sederhana` di bawah `terms:`",
    }
    TermsSameAnchor { first: String, second: String, id: String } = "terms-same-anchor" {
        en: "`{first}` and `{second}` get the same anchor `#{id}` on the glossary page",
        id: "`{first}` dan `{second}` mendapat jangkar yang sama `#{id}` di halaman glosarium",
    }
    KeepOne = "keep-one" { en: "keep one of them", id: "pertahankan salah satunya" }

    // Leaflets.
    LeafletUntranslated { lang: String, shown_in: String, lessons: String } = "leaflet-untranslated" {
        en: "the leaflet in `{lang}` prints these lessons in `{shown_in}`, as they are not translated yet: {lessons}",
        id: "leaflet `{lang}` mencetak pelajaran ini dalam `{shown_in}` karena belum diterjemahkan: {lessons}",
    }
    TranslateOrLeave { lang: String } = "translate-or-leave" {
        en: "translate them into `{lang}`, or leave them: the leaflet marks them with their language",
        id: "terjemahkan ke `{lang}`, atau biarkan: leaflet menandainya dengan bahasanya",
    }
    LeafletsSkipped { villages: usize } = "leaflets-skipped" {
        en: "the leaflets of {villages} villages were skipped: this lentera was built without the `leaflets` feature",
        id: "leaflet {villages} desa dilewati: lentera ini dibuat tanpa fitur `leaflets`",
    }
    UseReleaseBinary = "use-release-binary" {
        en: "use a release binary, or build lentera with its default features (`cargo build --release`), to make the PDF leaflets",
        id: "pakai biner rilis, atau bangun lentera dengan fitur bawaannya (`cargo build --release`), untuk membuat leaflet PDF",
    }
    LeafletDoesNotFit { lang: String, poster: bool, pages: usize, expected: usize } = "leaflet-does-not-fit" {
        en: ("the {} in `{lang}` does not fit: it needs {pages} pages instead of {expected}", if *poster { "poster" } else { "leaflet" }),
        id: ("{} dalam `{lang}` tidak muat: butuh {pages} halaman, bukan {expected}", if *poster { "poster" } else { "leaflet" }),
    }
    SelectFewerLessons = "select-fewer-lessons" {
        en: "select fewer lessons (`lessons:` in the village file) or shorten their `key_points`",
        id: "pilih lebih sedikit pelajaran (`lessons:` di berkas desa) atau perpendek `key_points`-nya",
    }
    LeafletPanic { lang: String, poster: bool } = "leaflet-panic" {
        en: ("Typst stopped unexpectedly while laying out the {} in `{lang}`", if *poster { "poster" } else { "leaflet" }),
        id: ("Typst berhenti tiba-tiba saat menata {} dalam `{lang}`", if *poster { "poster" } else { "leaflet" }),
    }
    ForVillage { village: String } = "for-village" {
        en: "for {village}",
        id: "untuk {village}",
    }
    SimplifyLeaflet = "simplify-leaflet" {
        en: "simplify templates/leaflet.typ or the lessons of this village, and report the case",
        id: "sederhanakan templates/leaflet.typ atau pelajaran desa ini, lalu laporkan kasusnya",
    }
    LeafletTemplateFailed { lang: String, poster: bool } = "leaflet-template-failed" {
        en: ("the Typst template of the {} in `{lang}` failed", if *poster { "poster" } else { "leaflet" }),
        id: ("templat Typst untuk {} dalam `{lang}` gagal", if *poster { "poster" } else { "leaflet" }),
    }
    FixLeafletTemplate = "fix-leaflet-template" {
        en: "fix templates/leaflet.typ or templates/poster.typ (or the theme's); the data they read is described in docs/content.md",
        id: "perbaiki templates/leaflet.typ atau templates/poster.typ (atau milik tema); data yang dibacanya dijelaskan di docs/content.md",
    }
    QrTooLong { lang: String, poster: bool, url: String } = "qr-too-long" {
        en: ("the address {url} on the {} in `{lang}` does not fit a QR code", if *poster { "poster" } else { "leaflet" }),
        id: ("alamat {url} pada {} dalam `{lang}` terlalu panjang untuk kode QR", if *poster { "poster" } else { "leaflet" }),
    }
    ShortenBaseUrl = "shorten-base-url" {
        en: "shorten `base_url` in content/site.yaml or the village file name",
        id: "perpendek `base_url` di content/site.yaml atau nama berkas desa",
    }

    // The session kit (slides, facilitator's guide, attendance sheet).
    KitDoesNotFit { doc: String, lang: String, lesson: String } = "kit-does-not-fit" {
        en: ("the {} in `{lang}` do not fit: the text of lesson `{lesson}` needs more than its slide holds (five lines of key points at 28 pt, the questions on one slide)", match doc.as_str() { "slides" => "slides", "guide" => "facilitator's guide", _ => "attendance sheet" }),
        id: ("{} dalam `{lang}` tidak muat: teks pelajaran `{lesson}` lebih panjang dari yang muat di slidenya (lima baris poin utama berukuran 28 pt, pertanyaan dalam satu slide)", match doc.as_str() { "slides" => "slide", "guide" => "panduan fasilitator", _ => "daftar hadir" }),
    }
    ShortenForSlide { lesson: String, lang: String } = "shorten-for-slide" {
        en: "shorten the `key_points` (or `questions`, or the title) of `{lesson}` in `{lang}`: nothing on a slide is ever cut off",
        id: "perpendek `key_points` (atau `questions`, atau judul) `{lesson}` dalam `{lang}`: isi slide tidak pernah dipotong",
    }
    KitTemplateFailed { doc: String, lang: String } = "kit-template-failed" {
        en: ("the Typst template of the {} in `{lang}` failed", match doc.as_str() { "slides" => "slides", "guide" => "facilitator's guide", _ => "attendance sheet" }),
        id: ("templat Typst untuk {} dalam `{lang}` gagal", match doc.as_str() { "slides" => "slide", "guide" => "panduan fasilitator", _ => "daftar hadir" }),
    }
    KitWrongPages { doc: String, lang: String, pages: usize, expected: usize } = "kit-wrong-pages" {
        en: ("the {} in `{lang}` came out with {pages} pages instead of {expected}", match doc.as_str() { "slides" => "slides", "guide" => "facilitator's guide", _ => "attendance sheet" }),
        id: ("{} dalam `{lang}` jadi {pages} halaman, bukan {expected}", match doc.as_str() { "slides" => "slide", "guide" => "panduan fasilitator", _ => "daftar hadir" }),
    }
    FixKitTemplate { template: String } = "fix-kit-template" {
        en: "fix templates/{template} (or the theme's); the data it reads is described in docs/content.md",
        id: "perbaiki templates/{template} (atau milik tema); data yang dibacanya dijelaskan di docs/content.md",
    }

    // `check --publish`: what would be wrong in public.
    PublishVillageDraft = "publish-village-draft" {
        en: "this village is marked `draft: true`: its page, leaflets and posters would be published as a draft",
        id: "desa ini ditandai `draft: true`: halaman, leaflet dan posternya akan terbit sebagai draf",
    }
    PublishLessonDraft { lesson: String, lang: String, file: String } = "publish-lesson-draft" {
        en: "the leaflet and poster in `{lang}` would print `{lesson}`, which is marked `draft: true` ({file})",
        id: "leaflet dan poster `{lang}` akan mencetak `{lesson}`, yang ditandai `draft: true` ({file})",
    }
    FinishDraft = "finish-draft" {
        en: "finish it and remove `draft: true`, or check without `--drafts`",
        id: "selesaikan lalu hapus `draft: true`, atau periksa tanpa `--drafts`",
    }
    PublishTranslationDraft { lesson: String, lang: String, file: String } = "publish-translation-draft" {
        en: "the leaflet and poster in `{lang}` would print `{lesson}` from a draft translation ({file}: `translation: draft`)",
        id: "leaflet dan poster `{lang}` akan mencetak `{lesson}` dari terjemahan draf ({file}: `translation: draft`)",
    }
    ReviewDraftTranslation { lang: String } = "review-draft-translation" {
        en: "have a speaker of `{lang}` review it and set `translation: reviewed`, or remove `{lang}` from this village's `languages:`",
        id: "minta penutur `{lang}` memeriksanya lalu isi `translation: reviewed`, atau hapus `{lang}` dari `languages:` desa ini",
    }
    PublishLessonMissingInLang { lesson: String, lang: String, shown_in: String } = "publish-lesson-missing-in-lang" {
        en: "lesson `{lesson}` has no `{lang}` version: the `{lang}` leaflet and poster would print it in `{shown_in}`",
        id: "pelajaran `{lesson}` belum ada dalam `{lang}`: leaflet dan poster `{lang}` akan mencetaknya dalam `{shown_in}`",
    }
    TranslateOrDropLang { lesson: String, lang: String } = "translate-or-drop-lang" {
        en: "translate `{lesson}` into `{lang}`, or remove `{lang}` from this village's `languages:` (or the lesson from `lessons:`)",
        id: "terjemahkan `{lesson}` ke `{lang}`, atau hapus `{lang}` dari `languages:` desa ini (atau pelajarannya dari `lessons:`)",
    }
    QrTargetMissing { lang: String, url: String } = "qr-target-missing" {
        en: "the QR code of the `{lang}` leaflet and poster points to {url}, which is not a page of this build",
        id: "kode QR leaflet dan poster `{lang}` menuju {url}, padahal itu bukan halaman situs yang dibuat",
    }
    QrTargetHint { lang: String } = "qr-target-hint" {
        en: "check `base_url` in content/site.yaml; the village page must be built in `{lang}`",
        id: "periksa `base_url` di content/site.yaml; halaman desa harus dibuat dalam `{lang}`",
    }

    // `lentera contacts`.
    CallSheetFailed = "call-sheet-failed" {
        en: "the Typst template of the call sheet failed",
        id: "templat Typst lembar cek nomor gagal",
    }
    FixCallSheetTemplate = "fix-call-sheet-template" {
        en: "fix templates/call-sheet.typ (or the theme's), or delete it to use the default",
        id: "perbaiki templates/call-sheet.typ (atau milik tema), atau hapus agar yang bawaan dipakai",
    }

    // The output folder.
    UnsafeOutput { dir: String, reason: Box<Msg> } = "unsafe-output" {
        en: "refusing to build into {dir}: {reason}",
        id: ("tidak mau menulis ke {dir}: {}", reason.text(Lang::Id)),
    }
    IsProject = "is-project" {
        en: "it is the project folder or contains it",
        id: "itu folder proyek atau berisi folder proyek",
    }
    IsHome = "is-home" { en: "it is the home folder", id: "itu folder rumah (home)" }
    IsRoot = "is-root" { en: "it is the file-system root", id: "itu akar sistem berkas" }
    IsSources { folder: String } = "is-sources" {
        en: "it is inside {folder}/, which holds sources",
        id: "itu di dalam {folder}/, tempat berkas sumber",
    }
    ChooseOutput = "choose-output" {
        en: "choose another folder with `--output`",
        id: "pilih folder lain dengan `--output`",
    }

    // `lentera new`.
    LessonWithoutSection { name: String } = "lesson-without-section" {
        en: "`{name}` names no section: a lesson is written SECTION/NAME",
        id: "`{name}` tidak menyebut bagian: pelajaran ditulis BAGIAN/NAMA",
    }
    SectionsAre { list: String, example: String } = "sections-are" {
        en: "the sections are {list}; for example `lentera new lesson {example}`",
        id: "bagian yang ada: {list}; misalnya `lentera new lesson {example}`",
    }
    InvalidName { name: String } = "invalid-name" {
        en: "`{name}` is not a valid name: use lowercase letters, digits and dashes",
        id: "`{name}` bukan nama yang sah: pakai huruf kecil, angka dan tanda hubung",
    }
    ExampleName = "example-name" {
        en: "for example `modus/calo-baru`",
        id: "misalnya `modus/calo-baru`",
    }
    ExampleVillage = "example-village" {
        en: "for example `way-layap`",
        id: "misalnya `way-layap`",
    }
    SectionMissing { section: String } = "section-missing" {
        en: "the section `{section}` does not exist",
        id: "bagian `{section}` tidak ada",
    }
    CreateSection = "create-section" {
        en: "create the folder with an _index.LANG.md first, or use an existing section",
        id: "buat dulu foldernya beserta _index.BAHASA.md, atau pakai bagian yang sudah ada",
    }
    FileExists = "file-exists" {
        en: "the file already exists; nothing was changed",
        id: "berkas sudah ada; tidak ada yang diubah",
    }

    // `lentera serve`.
    CannotServe { addr: String } = "cannot-serve" {
        en: "cannot serve on {addr}",
        id: "tidak bisa menyajikan di {addr}",
    }
    TryAnotherPort = "try-another-port" {
        en: "is another server using this port? try another with --port",
        id: "apakah server lain memakai port ini? coba port lain dengan --port",
    }
    CannotWatch = "cannot-watch" {
        en: "cannot watch this folder for changes",
        id: "folder ini tidak bisa dipantau perubahannya",
    }
    WatchLimit = "watch-limit" {
        en: "close other programs that watch files, or raise the system's limit (fs.inotify.max_user_watches), then start again",
        id: "tutup program lain yang memantau berkas, atau naikkan batas sistem (fs.inotify.max_user_watches), lalu mulai lagi",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // The environment variables are tested on the child process in
    // tests/it/language.rs (`detects_language_from_flag_env_and_site`).
    fn parses_language_names_and_prefers_the_flag() {
        assert_eq!(Lang::parse("id_ID.UTF-8"), Some(Lang::Id));
        assert_eq!(Lang::parse("en_US"), Some(Lang::En));
        assert_eq!(Lang::parse("jv"), None);
        assert_eq!(Lang::detect(Some("id"), Some("en")), Lang::Id);
        assert_eq!(Lang::detect(Some("en"), Some("id")), Lang::En);
    }

    #[test]
    fn texts_fill_in_their_fields() {
        let m = Msg::LinkMissing {
            link: "calo.md".into(),
        };
        assert_eq!(
            m.text(Lang::En),
            "the link `calo.md` points to a page that does not exist (or is a draft)"
        );
        assert_eq!(
            m.text(Lang::Id),
            "tautan `calo.md` menuju halaman yang tidak ada (atau masih draf)"
        );
        assert_eq!(m.code(), "link-missing");
        let nested = Msg::UnsafeOutput {
            dir: "content".into(),
            reason: Box::new(Msg::IsSources {
                folder: "content".into(),
            }),
        };
        assert_eq!(
            nested.text(Lang::Id),
            "tidak mau menulis ke content: itu di dalam content/, tempat berkas sumber"
        );
    }

    #[test]
    fn codes_are_unique_and_well_formed() {
        for codes in [Msg::CODES, Say::CODES] {
            let mut seen = std::collections::BTreeSet::new();
            for code in codes {
                assert!(seen.insert(code), "`{code}` is used twice");
                assert!(
                    code.chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                    "`{code}`"
                );
            }
        }
    }

    #[test]
    fn codes_are_documented() {
        let doc = include_str!("../docs/diagnostics.md");
        for code in Msg::CODES {
            assert!(
                doc.contains(&format!("`{code}`")),
                "docs/diagnostics.md does not list `{code}`"
            );
        }
    }
}
