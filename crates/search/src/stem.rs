//! An Indonesian stemmer for search: affixes are stripped only when what is
//! left is a known root word, as in the algorithm of Nazief and Adriani (1996)
//! with the confix-stripping refinements later published for it (nasal
//! prefixes with their lost first letter restored, forbidden prefix–suffix
//! pairs, putting suffixes back when no root is found). A plain Snowball
//! stemmer cuts `penipuan` to `ipu`; this one returns `tipu`.
//!
//! The same rules are written in JavaScript in `themes/default/static/search.js`
//! so that the browser stems a query as the build stemmed the lessons. Change
//! both together; the JavaScript test under `tests/js/` checks that they agree
//! on every word of the real content.
//!
//! The steps for one word (lower case, no hyphen):
//!
//! 1. A root word, or a word of three letters or fewer, is returned as it is.
//! 2. A particle (`-lah`, `-kah`, `-tah`, `-pun`), then a possessive (`-nya`,
//!    `-ku`, `-mu`) is removed; after each, a root is returned.
//! 3. For each derivational suffix the word ends with (`-kan`, then `-an`;
//!    or `-i`), the suffix is removed and, unless that is a root, prefixes are
//!    stripped (below). The first root found wins.
//! 4. Otherwise prefixes are stripped from the word with no derivational
//!    suffix removed, then without the possessive, then from the whole word.
//! 5. A word with no root found is returned unchanged.
//!
//! Prefixes are stripped at most three deep, never the same prefix twice in a
//! row, trying each reading of a prefix in a fixed order and checking the
//! root list after each: `di-`, `ke-`, `se-` (and `sese-` of `seseorang`);
//! `ber-`/`be-`/`bel-`; `ter-`; `meN-` and `peN-` with assimilation (`meng-`
//! before a vowel may have lost a `k`, `meny-` an `s`, `men-` a `t`, `mem-` a
//! `p`), `menge-`, `penge-`; `per-`/`pe-`/`pel-`. The outermost prefix may
//! not go with some suffixes: `ber-…-i`, `di-…-an`, `ke-…-i`, `ke-…-kan`,
//! `me-…-an`, `se-…-i`, `se-…-kan`, `ter-…-an`.
//!
//! A reduplicated word (`calo-calo`, `berbeda-beda`, `desa-desanya`) stems
//! to the stem of its halves when both halves stem alike; other hyphenated
//! words are returned unchanged (the indexer also indexes their parts).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// The root-word list; its header says where it comes from.
pub const ROOTS_ID: &str = include_str!("roots-id.txt");

/// Nothing shorter than this is taken for a root.
const MIN_ROOT: usize = 3;

const PARTICLES: [&str; 4] = ["lah", "kah", "tah", "pun"];
const POSSESSIVES: [&str; 3] = ["nya", "ku", "mu"];
/// Outermost prefix and derivational suffix that cannot go together.
const FORBIDDEN: [(&str, &str); 8] = [
    ("ber", "i"),
    ("di", "an"),
    ("ke", "i"),
    ("ke", "kan"),
    ("me", "an"),
    ("se", "i"),
    ("se", "kan"),
    ("ter", "an"),
];
const MAX_PREFIXES: usize = 3;

/// A stemmer over a set of root words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stemmer {
    /// With a fast hash: a word is looked up here up to a few dozen times.
    roots: FxHashSet<String>,
}

impl Stemmer {
    /// A stemmer that knows `roots` (lower case).
    pub fn new<I, S>(roots: I) -> Stemmer
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Stemmer {
            roots: roots.into_iter().map(Into::into).collect(),
        }
    }

    /// A stemmer over a list in the format of `roots-id.txt`.
    pub fn from_list(text: &str) -> Stemmer {
        Stemmer::new(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#')),
        )
    }

    /// The stemmer with the bundled Indonesian root list.
    pub fn indonesian() -> &'static Stemmer {
        static STEMMER: OnceLock<Stemmer> = OnceLock::new();
        STEMMER.get_or_init(|| Stemmer::from_list(ROOTS_ID))
    }

    pub fn is_root(&self, word: &str) -> bool {
        self.roots.contains(word)
    }

    /// The stem of `word`, which should already be lower case.
    pub fn stem(&self, word: &str) -> String {
        if let Some((a, b)) = word.split_once('-') {
            if !a.is_empty() && !b.is_empty() && !b.contains('-') {
                let stem = self.stem_word(a);
                if a == b || stem == self.stem_word(b) {
                    return stem;
                }
            }
            return word.to_string();
        }
        self.stem_word(word)
    }

    fn stem_word(&self, word: &str) -> String {
        if self.is_root(word) || len(word) <= MIN_ROOT {
            return word.to_string();
        }
        let no_particle = strip_suffix(word, &PARTICLES).unwrap_or(word);
        if self.is_root(no_particle) {
            return no_particle.to_string();
        }
        let no_possessive = strip_suffix(no_particle, &POSSESSIVES).unwrap_or(no_particle);
        if self.is_root(no_possessive) {
            return no_possessive.to_string();
        }
        for (suffix, base) in derivational(no_possessive) {
            if self.is_root(base) {
                return base.to_string();
            }
            if let Some(root) = self.strip_prefixes(base, suffix, 0, "") {
                return root;
            }
        }
        let mut tried: Vec<&str> = Vec::new();
        for base in [no_possessive, no_particle, word] {
            if tried.contains(&base) {
                continue;
            }
            tried.push(base);
            if let Some(root) = self.strip_prefixes(base, "", 0, "") {
                return root;
            }
        }
        word.to_string()
    }

    /// Depth-first search for a root under up to three prefixes.
    fn strip_prefixes(&self, word: &str, suffix: &str, depth: usize, prev: &str) -> Option<String> {
        if depth == MAX_PREFIXES {
            return None;
        }
        for (prefix, rest) in prefix_readings(word) {
            if prefix == prev || (depth == 0 && FORBIDDEN.contains(&(prefix, suffix))) {
                continue;
            }
            if len(&rest) < MIN_ROOT {
                continue;
            }
            if self.is_root(&rest) {
                return Some(rest);
            }
            if let Some(root) = self.strip_prefixes(&rest, suffix, depth + 1, prefix) {
                return Some(root);
            }
        }
        None
    }
}

fn len(word: &str) -> usize {
    word.chars().count()
}

fn strip_suffix<'a>(word: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    suffixes
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .filter(|rest| len(rest) >= MIN_ROOT)
}

/// The derivational suffixes `word` may carry, in the order they are tried.
fn derivational(word: &str) -> Vec<(&'static str, &str)> {
    let mut out = Vec::new();
    if let Some(base) = word.strip_suffix("kan") {
        out.push(("kan", base));
    }
    if let Some(base) = word.strip_suffix("an") {
        out.push(("an", base));
    } else if let Some(base) = word.strip_suffix('i') {
        out.push(("i", base));
    }
    out.retain(|(_, base)| len(base) >= MIN_ROOT);
    out
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The ways `word` can be read as a prefix plus a rest, in the order they are
/// tried. The prefix is named by its family (`me` for `meN-`, `pe` for `peN-`
/// and `pe-`, `per` for `per-`, `ber` for `ber-`/`be-`/`bel-`).
fn prefix_readings(word: &str) -> Vec<(&'static str, String)> {
    let bytes = word.as_bytes();
    let vowel_at = |i: usize| bytes.get(i).is_some_and(|&b| is_vowel(b));
    let rest = |i: usize| word[i..].to_string();
    let with = |letters: &str, i: usize| format!("{letters}{}", &word[i..]);
    let mut out = Vec::new();
    if word.starts_with("di") {
        out.push(("di", rest(2)));
    } else if word.starts_with("ke") {
        out.push(("ke", rest(2)));
    } else if word.starts_with("se") {
        out.push(("se", rest(2)));
        if word.starts_with("sese") {
            // seseorang: the prefix doubled.
            out.push(("se", rest(4)));
        }
    } else if word.starts_with("ber") {
        out.push(("ber", rest(3)));
        if vowel_at(3) {
            out.push(("ber", rest(2)));
        }
    } else if word.starts_with("belajar") {
        out.push(("ber", rest(3)));
    } else if word.starts_with("be") && !vowel_at(2) {
        out.push(("ber", rest(2)));
    } else if word.starts_with("ter") {
        out.push(("ter", rest(3)));
        if vowel_at(3) {
            out.push(("ter", rest(2)));
        }
    } else if let Some(family) = ["me", "pe"].into_iter().find(|p| word.starts_with(p)) {
        nasal(word, family, &mut out, vowel_at, rest, with);
    }
    out
}

/// Readings of `meN-` and `peN-` (and `per-`, `pe-`), `family` being `me`
/// or `pe`.
fn nasal(
    word: &str,
    family: &'static str,
    out: &mut Vec<(&'static str, String)>,
    vowel_at: impl Fn(usize) -> bool,
    rest: impl Fn(usize) -> String,
    with: impl Fn(&str, usize) -> String,
) {
    let after = &word[2..];
    if after.starts_with("ng") {
        if vowel_at(4) {
            out.push((family, rest(4)));
            out.push((family, with("k", 4)));
        } else {
            out.push((family, rest(4)));
        }
        if after.starts_with("nge") {
            out.push((family, rest(5)));
        }
    } else if after.starts_with("ny") {
        if vowel_at(4) {
            out.push((family, with("s", 4)));
            out.push((family, with("ny", 4)));
        }
    } else if after.starts_with('n') {
        if vowel_at(3) {
            out.push((family, with("n", 3)));
            out.push((family, with("t", 3)));
        } else {
            out.push((family, rest(3)));
        }
    } else if after.starts_with('m') {
        if vowel_at(3) {
            out.push((family, with("m", 3)));
            out.push((family, with("p", 3)));
        } else {
            out.push((family, rest(3)));
        }
    } else if family == "pe" && after.starts_with('r') {
        out.push(("per", rest(3)));
        if vowel_at(3) {
            out.push(("pe", rest(2)));
        }
    } else if family == "pe" && after.starts_with("lajar") {
        out.push(("per", rest(3)));
        out.push(("pe", rest(2)));
    } else {
        out.push((family, rest(2)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(word: &str) -> String {
        Stemmer::indonesian().stem(word)
    }

    /// Word/root pairs, `word:root`, every word taken from
    /// content/**/*.id.md (checked by `table_words_occur_in_the_content`).
    const TABLE: &str = "
penipuan:tipu menipu:tipu penipu:tipu tertipu:tipu tipuan:tipu penempatan:tempat
menempatkan:tempat ditempatkan:tempat perekrutan:rekrut perekrut:rekrut merekrut:rekrut
direkrut:rekrut perekrutnya:rekrut pemberangkatan:berangkat keberangkatan:berangkat
diberangkatkan:berangkat berangkatnya:berangkat pekerja:kerja pekerjaan:kerja
bekerja:kerja kerjanya:kerja pelajaran:ajar belajar:ajar pelajari:ajar
pendaftaran:daftar mendaftar:daftar terdaftar:daftar didaftarkan:daftar
pembayaran:bayar membayar:bayar dibayar:bayar berbayar:bayar penyelundupan:selundup
penyelundup:selundup penyekapan:sekap disekap:sekap perdagangan:dagang
perlindungan:lindung pelindungan:lindung melindungi:lindung pemeriksaan:periksa
memeriksa:periksa diperiksa:periksa memeriksanya:periksa pengaduan:adu mengadu:adu
pemerintah:perintah pemegang:pegang memegang:pegang dipegang:pegang memakai:pakai
dipakai:pakai memotong:potong dipotong:potong memulangkan:pulang pemulangan:pulang
dipulangkan:pulang penahanan:tahan menahan:tahan ditahan:tahan menunggu:tunggu
menulis:tulis tertulis:tulis ditulis:tulis menyerahkan:serah serahkan:serah
menyimpan:simpan disimpan:simpan menyuruh:suruh disuruh:suruh menyatakan:nyata
mengenali:kenal kenali:kenal mengunjungi:kunjung kunjungan:kunjung mengukuhkan:kukuh
pengukuhan:kukuh dikukuhkan:kukuh mengutip:kutip mengirim:kirim pengirim:kirim
pengirimnya:kirim dikirim:kirim menghubungi:hubung terhubung:hubung hubungi:hubung
penggantian:ganti penghentian:henti menghentikan:henti berhenti:henti pengesahan:sah
penginapan:inap pengumuman:umum pencegahan:cegah mencegah:cegah penjelasan:jelas
menjelaskan:jelas dijelaskan:jelas penjeratan:jerat terjerat:jerat menjerat:jerat
jeratan:jerat penundaan:tunda menunda:tunda ditunda:tunda penindakan:tindak
pemulihan:pulih pemohon:mohon permohonan:mohon pembebasan:bebas membebaskan:bebas
dibebaskan:bebas pembukaan:buka membuka:buka dibuka:buka memilih:pilih dipilih:pilih
memiliki:milik meminta:minta dimintai:minta memastikan:pasti pastikan:pasti
memperingatkan:ingat peringatkan:ingat memperkirakan:kira perkiraan:kira
memperoleh:oleh menandatangani:tandatangan menangani:tangan menawarkan:tawar
ditawari:tawar tawaran:tawar menerbitkan:terbit diterbitkan:terbit menerima:terima
menetapkan:tetap ditetapkan:tetap menegaskan:tegas menelepon:telepon menimpa:timpa
menurut:turut mengejar:kejar mengetik:ketik menguasai:kuasa mengurus:urus
pengurusan:urus mewawancarai:wawancara diwawancara:wawancara melayani:layan
pelayanan:layan layanan:layan melebihi:lebih berlebihan:lebih melengkapi:lengkap
kelengkapan:lengkap melewati:lewat melibatkan:libat melawan:lawan pelaku:laku
dilakukan:laku lakukan:laku berlaku:laku pelatihan:latih pelabuhan:labuh
pelaksanaan:laksana pelanggar:langgar pelanggarnya:langgar melanggar:langgar
dilanggar:langgar pelicin:licin petugas:tugas petugasnya:tugas perjalanan:jalan
perjalanannya:jalan berjalan:jalan menjalankan:jalan perjanjian:janji dijanjikan:janji
menjanjikan:janji perusahaan:usaha perusahaannya:usaha perkawinan:kawin
perkebunan:kebun perikanan:ikan percakapan:cakap perbuatan:buat perawat:rawat
perorangan:orang perseorangan:orang seseorang:orang seorang:orang pertanyaan:tanya
bertanya:tanya ditanyakan:tanya tanyakan:tanya persiapan:siap disiapkan:siap
kebanyakan:banyak terbanyak:banyak kejadian:jadi kejadiannya:jadi menjadi:jadi
terjadi:jadi dijadikan:jadi kematian:mati kelahiran:lahir kesehatan:sehat
kewajiban:wajib keimigrasian:imigrasi kementerian:menteri kepolisian:polisi
kepulauan:pulau keputusan:putus memutuskan:putus kesaksian:saksi keterampilan:terampil
keterangan:terang ketentuan:tentu keuntungan:untung kedutaan:duta kecelakaan:celaka
kejahatan:jahat kekerasan:keras kebersihan:bersih keahlian:ahli kemudahan:mudah
kecamatan:camat kelima:lima diketahui:tahu berakhiran:akhir terakhir:akhir
beralamat:alamat alamatnya:alamat bepergian:pergi berbeda-beda:beda berbeda:beda
berbahaya:bahaya berupa:rupa berutang:utang berisi:isi isinya:isi berada:ada adanya:ada
beredar:edar edaran:edar berkumpul:kumpul bersama:sama berbunyi:bunyi terikat:ikat
termasuk:masuk terutama:utama tertarik:tarik menarik:tarik ditarik:tarik tertukar:tukar
terpadu:padu terduga:duga diduga:duga terdekat:dekat terdidik:didik terbaru:baru
tergiur:giur terhadap:hadap sebagian:bagi bagian:bagi sebenarnya:benar sebuah:buah
secara:cara cara-cara:cara caranya:cara selama:lama sepanjang:panjang sepenuhnya:penuh
seputar:putar berputar:putar setelah:telah setiap:tiap seluruhnya:seluruh
sebabnya:sebab sepakati:sepakat disesuaikan:sesuai menyetujui:setuju walaupun:walau
inilah:ini apakah:apa satu-satunya:satu desa-desanya:desa negara-negara:negara
situs-situs:situs macam-macam:macam diam-diam:diam kantor-kantor:kantor
undang-undang:undang dieksploitasi:eksploitasi dideportasi:deportasi didenda:denda
dipidana:pidana dipenjara:penjara disalahgunakan:salahguna digadaikan:gadai
dimanfaatkan:manfaat dimatangkan:matang dipaksa:paksa dipaksakan:paksa dipungut:pungut
memungut:pungut pungutan:pungut disita:sita ditagih:tagih dituju:tuju menuju:tuju
tujuan:tuju tujuannya:tuju ditutup:tutup diluncurkan:luncur peluncuran:luncur
luncurkan:luncur dilepas:lepas dilalui:lalu dibatasi:batas dibebani:beban
dibebankan:beban dicakup:cakup mencakup:cakup dicatat:catat tercatat:catat
catatan:catat dicetak:cetak didampingi:damping mendampingi:damping
mendampinginya:damping pendamping:damping didapat:dapat mendapat:dapat didatangi:datang
datangi:datang dihentikan:henti hentikan:henti diajak:ajak mengajak:ajak ajakan:ajak
diajukan:aju diambil:ambil diancam:ancam ancaman:ancam ancamannya:ancam diadakan:ada
dibawa:bawa membawa:bawa dibentuk:bentuk membentuk:bentuk diberi:beri memberi:beri
pemberi:beri pemberian:beri dibuat:buat membuat:buat difoto:foto fotonya:foto
digaji:gaji bergaji:gaji gajinya:gaji dihubungi:hubung menghubunginya:hubung
dikurung:kurung dilarang:larang melarang:larang larangan:larang dilayani:layan
diminta:minta disebut:sebut menyebut:sebut menyebutnya:sebut disiksa:siksa diurus:urus
pengurus:urus urusan:urus menghindarinya:hindar mengimbau:imbau mengulang:ulang
ulangi:ulang menikah:nikah menjawab:jawab jawaban:jawab jawabannya:jawab menjebak:jebak
terjebak:jebak mencari:cari pencari:cari mencantumkan:cantum mencurigakan:curiga
curigai:curiga merinci:rinci rincian:rinci menyamar:samar mengubah:ubah berubah:ubah
mengaku:aku mengatur:atur peraturan:atur aturan:atur membahas:bahas membantu:bantu
bantuan:bantu membaca:baca memberatkan:berat memesan:pesan pesanan:pesan melamar:lamar
pelamar:lamar melapor:lapor melaporkan:lapor laporan:lapor laporkan:lapor melihat:lihat
pemasyarakatan:masyarakat binaan:bina pembina:bina ikuti:ikut ingatkan:ingat
abaikan:abai aktifkan:aktif bicarakan:bicara ceritakan:cerita konsultasikan:konsultasi
berkonsultasi:konsultasi berkomunikasi:komunikasi sampaikan:sampai siapkan:siap
tangani:tangan tinggalkan:tinggal tunjukkan:tunjuk antrean:antre bayaran:bayar
harian:hari hitungan:hitung jaminan:jamin liburan:libur lingkaran:lingkar
pinjaman:pinjam ringkasan:ringkas salinan:salin salinannya:salin saluran:salur
singkatan:singkat sorotan:sorot tambahan:tambah tangkapan:tangkap tautan:taut
tebusan:tebus terjemahan:terjemah tiruan:tiru ulasan:ulas urutan:urut hukumannya:hukum
iklannya:iklan korbannya:korban majikannya:majikan paspornya:paspor dirinya:diri
darinya:dari kepadanya:kepada sedikitnya:sedikit umurnya:umur misalnya:misal
artinya:arti
";

    fn table() -> Vec<(&'static str, &'static str)> {
        TABLE
            .split_whitespace()
            .map(|pair| pair.split_once(':').expect("word:root"))
            .collect()
    }

    #[test]
    fn stems_every_pair_of_the_table() {
        let table = table();
        assert!(table.len() >= 60, "{} pairs", table.len());
        let wrong: Vec<String> = table
            .iter()
            .filter(|(word, root)| stem(word) != *root)
            .map(|(word, root)| format!("{word}: expected {root}, got {}", stem(word)))
            .collect();
        assert!(
            wrong.is_empty(),
            "{} of {} wrong:\n{}",
            wrong.len(),
            table.len(),
            wrong.join("\n")
        );
    }

    #[test]
    fn table_words_occur_in_the_content() {
        let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let mut words = std::collections::BTreeSet::new();
        for entry in walkdir::WalkDir::new(content) {
            let entry = entry.unwrap();
            if entry.file_name().to_string_lossy().ends_with(".id.md") {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                words.extend(crate::tokens(&text));
            }
        }
        let missing: Vec<&str> = table()
            .into_iter()
            .map(|(w, _)| w)
            .filter(|w| !words.contains(*w))
            .collect();
        // Lessons get edited; the table must stay drawn from them, so at most
        // 2% of its words may have left the content since it was written.
        assert!(
            missing.len() * 50 <= table().len(),
            "{} words of the table are no longer in content/**/*.id.md: {missing:?}",
            missing.len()
        );
    }

    #[test]
    fn nasal_prefixes_get_their_first_letter_back() {
        assert_eq!(stem("penipuan"), "tipu");
        assert_eq!(stem("penempatan"), "tempat");
        assert_eq!(stem("perekrutan"), "rekrut");
        assert_eq!(stem("pemalsuan"), "palsu");
        assert_eq!(stem("menyimpan"), "simpan");
        assert_eq!(stem("mengirim"), "kirim");
        assert_eq!(stem("memakai"), "pakai");
    }

    #[test]
    fn reduplication_stems_to_the_root() {
        assert_eq!(stem("calo-calo"), "calo");
        assert_eq!(stem("berbeda-beda"), "beda");
        assert_eq!(stem("desa-desanya"), "desa");
        assert_eq!(stem("surat-menyurat"), "surat");
        // Not a reduplication: left whole (the indexer adds its parts).
        assert_eq!(stem("m-paspor"), "m-paspor");
        assert_eq!(stem("lowongan-online"), "lowongan-online");
    }

    #[test]
    fn particles_and_possessives() {
        assert_eq!(stem("inilah"), "ini");
        assert_eq!(stem("apakah"), "apa");
        assert_eq!(stem("walaupun"), "walau");
        assert_eq!(stem("paspornya"), "paspor");
        assert_eq!(stem("kejadiannya"), "jadi");
    }

    #[test]
    fn roots_and_unknown_words_stay_whole() {
        // Roots that look affixed.
        for root in [
            "berita",
            "bersih",
            "pergi",
            "penjara",
            "perempuan",
            "terima",
            "media",
            "mereka",
            "keluarga",
        ] {
            assert_eq!(stem(root), root);
        }
        // Unknown words are not cut to a guess.
        for word in [
            "disnaker",
            "kemenkumham",
            "pesawaran",
            "memorandum",
            "whatsapp",
            "ab",
        ] {
            assert_eq!(stem(word), word);
        }
    }

    #[test]
    fn forbidden_prefix_suffix_pairs_are_skipped() {
        // ke-...-kan is not a confix: kebanyakan is ke-banyak-an.
        assert_eq!(stem("kebanyakan"), "banyak");
        // me-...-an is not a confix: menahan is meN-tahan.
        assert_eq!(stem("menahan"), "tahan");
    }

    #[test]
    fn the_root_list_is_clean() {
        let mut seen = std::collections::BTreeSet::new();
        for line in ROOTS_ID.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            assert_eq!(line, line.to_lowercase(), "roots are lower case");
            assert!(!line.contains(' '), "one root per line: {line:?}");
            assert!(seen.insert(line), "{line} is listed twice");
        }
        assert!(seen.len() > 600);
    }

    #[test]
    fn a_smaller_root_set_stems_its_own_words_alike() {
        // The browser gets only the roots the content uses; for the words of
        // the content that gives the same stems.
        let used: Vec<String> = table().iter().map(|(_, r)| r.to_string()).collect();
        let small = Stemmer::new(used);
        for (word, root) in table() {
            assert_eq!(small.stem(word), root, "{word}");
        }
    }
}
