//! [`Say`]: status lines and labels of the command line and `serve`, the
//! words around diagnostics, and the call sheet of `lentera contacts`.

use crate::{Lang, took};

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
    PrintsReused { reused: usize, total: usize } = "prints-reused" {
        en: "{reused} of the {total} PDF files were taken from the last build: what they are made from did not change",
        id: "{reused} dari {total} berkas PDF diambil dari build sebelumnya: bahan pembuatnya tidak berubah",
    }
    StaleNumbers { n: usize } = "stale-numbers" {
        en: "{n} contacts have phone numbers due for re-checking: run `lentera check` for the details",
        id: "{n} kontak punya nomor telepon yang perlu diperiksa ulang: jalankan `lentera check` untuk rinciannya",
    }
    LessonsWithoutQuestions { n: usize } = "lessons-without-questions" {
        en: "{n} lessons have no questions that check understanding yet: run `lentera check` for the list",
        id: "{n} pelajaran belum punya pertanyaan uji pemahaman: jalankan `lentera check` untuk daftarnya",
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
