//! Messages of [`crate::Msg`] about making the site: rendering, templates,
//! site.yaml, villages, pages named in front matter, the checks on the
//! content (warnings), placeholders written by `lentera new`.

/// Adds this area's variants of [`crate::Msg`] after the tokens in braces
/// and passes them all on to `$next` (see `messages_in!` in lib.rs).
macro_rules! msg_site {
    ($next:ident { $($done:tt)* }) => { $next! { $($done)*

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
    PageChangedWhileBuilding = "page-changed-while-building" {
        en: "this file changed while the site was being built",
        id: "berkas ini berubah saat situs sedang dibuat",
    }
    BuildAgain = "build-again" {
        en: "build again once the file is saved; nothing in the output folder was changed",
        id: "buat ulang situs setelah berkas selesai disimpan; folder hasil tidak diubah",
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
    OneFileBudgetOutOfRange { kb: u32, min: u32, max: u32 } = "onefile-budget-out-of-range" {
        en: "`onefile_budget_kb: {kb}` is outside {min} to {max} kilobytes",
        id: "`onefile_budget_kb: {kb}` di luar rentang {min} sampai {max} kilobyte",
    }
    WriteOneFileBudget { default: u32 } = "write-onefile-budget" {
        en: "write the largest size of the one-file edition (semua-pelajaran.html) in kilobytes, for example `onefile_budget_kb: {default}` (the default), or remove the line",
        id: "tulis ukuran terbesar berkas semua pelajaran (semua-pelajaran.html) dalam kilobyte, misalnya `onefile_budget_kb: {default}` (bawaan), atau hapus barisnya",
    }
    OneFileOverBudget { lang: String, path: String, kept: usize, total: usize, left_out: usize, first: String, budget_kb: u32 } = "onefile-over-budget" {
        en: "all {total} lessons in `{lang}` would make {path} larger than its {budget_kb} KB budget: it holds the first {kept} and leaves out {left_out}, from `{first}` on; the file tells its reader they are on the website",
        id: "{total} pelajaran dalam `{lang}` akan membuat {path} melebihi batas {budget_kb} KB: berkas itu memuat {kept} pelajaran pertama dan tidak memuat {left_out} pelajaran, mulai dari `{first}`; di dalam berkas, pembaca diberi tahu bahwa pelajaran itu ada di situs web",
    }
    KeepOneFileLessons { max: u32 } = "keep-onefile-lessons" {
        en: "lessons come in the site's order (sections, then lessons, by `weight`): give those that must be in the file a lower `weight`, or raise `onefile_budget_kb` in content/site.yaml (at most {max}) if readers can receive a larger file",
        id: "pelajaran diambil sesuai urutan situs (bagian, lalu pelajaran, menurut `weight`): beri `weight` lebih kecil pada pelajaran yang wajib ada di berkas itu, atau naikkan `onefile_budget_kb` di content/site.yaml (paling besar {max}) bila pembaca sanggup menerima berkas yang lebih besar",
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

    // `questions:` in a lesson's front matter (crates/core/src/content/questions.rs).
    QuestionAskEmpty { n: usize } = "question-ask-empty" {
        en: "question {n} has no `ask:`: the statement or question is empty",
        id: "pertanyaan ke-{n} tidak punya `ask:`: pernyataan atau pertanyaannya kosong",
    }
    WriteAsk = "write-ask" {
        en: "write the statement (true/false) or the question after `ask:`, in plain words",
        id: "tulis pernyataan (benar/salah) atau pertanyaannya setelah `ask:`, dengan kata-kata sederhana",
    }
    QuestionWhyEmpty { n: usize } = "question-why-empty" {
        en: "question {n} has no `why:`: readers are not told why the answer is right",
        id: "pertanyaan ke-{n} tidak punya `why:`: pembaca tidak diberi tahu mengapa jawabannya benar",
    }
    WriteWhy = "write-why" {
        en: "write one or two sentences after `why:` saying why that is the answer",
        id: "tulis satu atau dua kalimat setelah `why:` yang menjelaskan mengapa itu jawabannya",
    }
    QuestionNeedsTrueFalse { n: usize, answer: String } = "question-needs-true-false" {
        en: "question {n} has no `choices:`, so it is a true/false statement, but its answer is `{answer}`",
        id: "pertanyaan ke-{n} tidak punya `choices:`, jadi berupa pernyataan benar/salah, tetapi jawabannya `{answer}`",
    }
    WriteTrueFalse = "write-true-false" {
        en: "write `answer: true` or `answer: false`; for a multiple-choice question add 2 to 4 `choices:` and answer with a letter",
        id: "tulis `answer: true` atau `answer: false`; untuk pilihan ganda, tambahkan 2 sampai 4 `choices:` dan jawab dengan huruf",
    }
    QuestionAnswerKind = "question-answer-kind" {
        en: "the `answer:` of a question is neither `true`/`false` nor a letter",
        id: "`answer:` sebuah pertanyaan bukan `true`/`false` dan bukan huruf",
    }
    QuestionChoicesCount { n: usize, count: usize } = "question-choices-count" {
        en: "question {n} has {count} choices; a multiple-choice question has 2 to 4",
        id: "pertanyaan ke-{n} punya {count} pilihan; pertanyaan pilihan ganda punya 2 sampai 4",
    }
    WriteTwoToFourChoices = "write-two-to-four-choices" {
        en: "give 2 to 4 `choices:`, or remove `choices:` and answer `true` or `false` for a statement",
        id: "beri 2 sampai 4 `choices:`, atau hapus `choices:` dan jawab `true` atau `false` untuk sebuah pernyataan",
    }
    QuestionChoiceEmpty { n: usize, letter: String } = "question-choice-empty" {
        en: "choice {letter} of question {n} is empty",
        id: "pilihan {letter} pada pertanyaan ke-{n} kosong",
    }
    WriteChoice = "write-choice" {
        en: "write the text of the choice, or remove it and check that `answer:` still names the right letter",
        id: "tulis teks pilihannya, atau hapus lalu pastikan `answer:` masih menunjuk huruf yang benar",
    }
    QuestionAnswerNotAChoice { n: usize, answer: String, last: String } = "question-answer-not-a-choice" {
        en: "the answer of question {n} is `{answer}`, but its choices are a to {last}",
        id: "jawaban pertanyaan ke-{n} adalah `{answer}`, padahal pilihannya a sampai {last}",
    }
    WriteAnswerLetter { last: String } = "write-answer-letter" {
        en: "write the letter of the right choice, from a (the first) to {last}: `answer: b` for the second",
        id: "tulis huruf pilihan yang benar, dari a (yang pertama) sampai {last}: `answer: b` untuk yang kedua",
    }
    TranslationQuestionsDiffer { ours: usize, original: usize } = "translation-questions-differ" {
        en: "this translation has {ours} questions, its original {original}: readers and session slides would differ between languages",
        id: "terjemahan ini punya {ours} pertanyaan, aslinya {original}: isi untuk pembaca dan slide penyuluhan berbeda antarbahasa",
    }
    LessonWithoutQuestions = "lesson-without-questions" {
        en: "this lesson has no `questions:` that check understanding (shown at the end of the lesson and in village sessions)",
        id: "pelajaran ini belum punya `questions:` untuk menguji pemahaman (ditampilkan di akhir pelajaran dan dalam penyuluhan desa)",
    }
    AddQuestions = "add-questions" {
        en: "add two to four `questions:` to the front matter (true/false or multiple choice, each with `why:`; see docs/content.md), then translate them with the lesson",
        id: "tambahkan dua sampai empat `questions:` di front matter (benar/salah atau pilihan ganda, masing-masing dengan `why:`; lihat docs/content.md), lalu terjemahkan bersama pelajarannya",
    }
    }};
}
