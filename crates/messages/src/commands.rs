//! Messages of [`crate::Msg`] of the commands around the build: leaflets,
//! `check --publish`, `lentera contacts`, the output folder, `lentera new`
//! and `lentera serve`.

/// Adds this area's variants of [`crate::Msg`] after the tokens in braces
/// and passes them all on to `$next` (see `messages_in!` in lib.rs).
macro_rules! msg_commands {
    ($next:ident { $($done:tt)* }) => { $next! { $($done)*

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
    }};
}
