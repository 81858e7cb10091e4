//! Messages of [`crate::Msg`] about reading the sources: files, YAML, pages
//! and their front matter, links, images and audio in Markdown, raw HTML
//! removed by the sanitiser, files under content/, images.

/// Adds this area's variants of [`crate::Msg`] after the tokens in braces
/// and passes them all on to `$next` (see `messages_in!` in lib.rs).
macro_rules! msg_reading {
    ($next:ident { $($done:tt)* }) => { $next! { $($done)*

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
    }};
}
