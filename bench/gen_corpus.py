#!/usr/bin/env python3
"""Deterministic synthetic multilingual "lessons" corpus for static-site-generator benchmarks.

One run writes the SAME content in three layouts:

  OUT/hugo/     Hugo site: config.toml (3 languages), content/lessons/<slug>.<lang>.md
                (YAML front matter), minimal layouts/ (home, section list, page + translation links).
  OUT/zola/     Zola site: config.toml (3 languages), content/lessons/<slug>.md (default language),
                <slug>.en.md, <slug>.jv.md (TOML front matter), minimal templates/.
  OUT/neutral/  Tool-neutral layout: content/site.yaml + content/<section>/<slug>.<lang>.md with YAML
                front matter (title, summary, date, tags, weight) for every language, the default
                one included, plus content/<section>/_index.<lang>.md and content/_index.<lang>.md.

Languages: id (default, served at /), en (/en/), jv (/jv/).
Each lesson is ~600-1200 words of Markdown: headings (##/###), paragraphs with *emphasis*,
**strong**, `code` spans, relative links to other lessons (../<slug>/), a bullet list, an
ordered list, a table and a blockquote, ending with a "further reading" list of lesson links.
The Markdown body is byte-identical between the three layouts for a given lesson and language;
only the front matter syntax differs (Zola: TOML, summary -> description, tags -> [extra]).

Output is a pure function of (--lessons, --seed): the same arguments give byte-identical files.
Only the Python standard library is used.

Usage:
  python3 gen_corpus.py --out corpus-1k                   # 1000 lessons x 3 languages
  python3 gen_corpus.py --out corpus-10k --lessons 10000
  python3 gen_corpus.py --out c --targets neutral         # only the neutral layout
"""
import argparse
import datetime
import json
import os
import random
import shutil
import sys

LANGS = ["id", "en", "jv"]  # first one is the default language
DEFAULT_LANG = LANGS[0]
LANG_NAMES = {"id": "Bahasa Indonesia", "en": "English", "jv": "Basa Jawa"}
SITE_TITLE = {"id": "Pelajaran Contoh", "en": "Sample Lessons", "jv": "Piwulangan Tuladha"}
SECTION_TITLE = {"id": "Pelajaran", "en": "Lessons", "jv": "Piwulangan"}
SECTION = "lessons"
BASE_URL = "https://example.org"

# ---------------------------------------------------------------- vocabulary (id, en, jv)
VOCAB = {
    "id": {
        "N": "siswa guru pelajaran buku kelas contoh soal jawaban angka kalimat bahasa cerita sekolah "
             "rumah desa kota pasar air tanah hutan sungai gunung laut waktu hari minggu bulan tahun "
             "keluarga teman pekerjaan tugas catatan gambar peta rumus data hasil langkah cara masalah "
             "ide tujuan bagian kelompok latihan materi konsep energi tumbuhan hewan makanan sejarah "
             "budaya pertanyaan percobaan alat bahan ukuran pola".split(),
        "V": "membaca menulis menghitung menjelaskan memahami mencari membuat menggunakan membandingkan "
             "mengamati mencatat mengukur menggambar menyusun memeriksa mempelajari menemukan membagi "
             "menambahkan mengubah memilih menunjukkan membahas menyelesaikan".split(),
        "A": "baru penting mudah sulit sederhana besar kecil panjang pendek benar jelas lengkap umum "
             "khusus utama baik cepat lambat tepat menarik dasar lama".split(),
        "P": "di ke dari pada untuk dengan tentang dalam oleh sebelum setelah".split(),
        "C": "dan tetapi karena sehingga ketika jika agar lalu atau serta".split(),
        "D": "ini itu tersebut".split(),
    },
    "en": {
        "N": "student teacher lesson book class example problem answer number sentence language story "
             "school house village city market water soil forest river mountain sea time day week "
             "month year family friend job task note picture map formula data result step method "
             "question idea goal part group exercise material concept energy plant animal food history "
             "culture experiment tool ingredient size pattern".split(),
        "V": "reads writes counts explains understands finds makes uses compares observes records "
             "measures draws arranges checks studies discovers divides adds changes chooses shows "
             "discusses completes".split(),
        "A": "new important easy difficult simple large small long short correct clear complete common "
             "special main good fast slow precise interesting basic old".split(),
        "P": "in to from on for with about inside by before after".split(),
        "C": "and but because so when if while then or and also".split(),
        "D": "this that every".split(),
    },
    "jv": {
        "N": "murid guru piwulangan buku kelas tuladha pitakonan wangsulan angka ukara basa crita "
             "sekolah omah desa kutha pasar banyu lemah alas kali gunung segara wektu dina minggu "
             "sasi taun kulawarga kanca pagawean tugas cathetan gambar peta rumus data asil langkah "
             "cara masalah gagasan ancas perangan klompok gladhen materi konsep energi tetuwuhan kewan "
             "panganan sejarah budaya pacoban piranti bahan ukuran pola".split(),
        "V": "maca nulis ngetung nerangake mangerteni nggoleki nggawe nggunakake mbandhingake ngamati "
             "nyathet ngukur nggambar nyusun mriksa sinau nemokake mbagi nambahake ngowahi milih "
             "nuduhake ngrembug ngrampungake".split(),
        "A": "anyar penting gampang angel prasaja gedhe cilik dawa cendhak bener cetha jangkep umum "
             "mirunggan utama becik cepet alon trep nengsemake dhasar lawas".split(),
        "P": "ing menyang saka marang kanggo karo bab sajroning dening sadurunge sawise".split(),
        "C": "lan nanging amarga saengga nalika yen supaya banjur utawa uga".split(),
        "D": "iki iku kasebut".split(),
    },
}

# (id, en, jv) triples
TOPICS = [
    ("Pecahan", "Fractions", "Pecahan"), ("Bilangan Bulat", "Integers", "Wilangan Wutuh"),
    ("Fotosintesis", "Photosynthesis", "Fotosintesis"), ("Siklus Air", "The Water Cycle", "Siklus Banyu"),
    ("Tata Surya", "The Solar System", "Tata Surya"), ("Kalimat Efektif", "Effective Sentences", "Ukara Efektif"),
    ("Puisi", "Poetry", "Geguritan"), ("Kerajaan Majapahit", "The Majapahit Kingdom", "Kraton Majapahit"),
    ("Peta dan Skala", "Maps and Scale", "Peta lan Skala"), ("Gaya dan Gerak", "Force and Motion", "Gaya lan Obah"),
    ("Ekosistem", "Ecosystems", "Ekosistem"), ("Perkalian", "Multiplication", "Pepingan"),
    ("Pembagian", "Division", "Pambagian"), ("Bangun Datar", "Plane Shapes", "Bangun Datar"),
    ("Statistika", "Statistics", "Statistik"), ("Energi Listrik", "Electrical Energy", "Energi Listrik"),
    ("Kebudayaan Daerah", "Regional Culture", "Kabudayan Dhaerah"), ("Aksara Jawa", "Javanese Script", "Aksara Jawa"),
    ("Teks Narasi", "Narrative Texts", "Teks Narasi"), ("Kesehatan Tubuh", "Body Health", "Kasarasan Awak"),
    ("Ekonomi Keluarga", "Household Economics", "Ekonomi Kulawarga"), ("Desimal", "Decimals", "Desimal"),
    ("Persamaan Linear", "Linear Equations", "Persamaan Linear"), ("Magnet", "Magnetism", "Magnet"),
    ("Cuaca dan Iklim", "Weather and Climate", "Cuaca lan Iklim"), ("Gunung Berapi", "Volcanoes", "Gunung Geni"),
    ("Pahlawan Nasional", "National Heroes", "Pahlawan Nasional"), ("Wayang", "Shadow Puppetry", "Wayang"),
    ("Algoritma", "Algorithms", "Algoritma"), ("Pengukuran", "Measurement", "Pangukuran"),
]
LEVELS = [
    ("Dasar", "Basics", "Dhasar"), ("Lanjutan", "Advanced", "Lanjutan"),
    ("Latihan Soal", "Practice Problems", "Gladhen Soal"), ("Pengantar", "Introduction", "Pambuka"),
    ("Penerapan", "Applications", "Tetrapan"), ("Ulangan", "Review", "Ambalan"),
]
PART = ("Bagian", "Part", "Perangan")
HEADINGS = [
    ("Pendahuluan", "Introduction", "Pambuka"), ("Tujuan Pembelajaran", "Learning Objectives", "Ancas Sinau"),
    ("Konsep Dasar", "Core Concepts", "Konsep Dhasar"), ("Contoh", "Examples", "Tuladha"),
    ("Latihan", "Exercises", "Gladhen"), ("Diskusi", "Discussion", "Rembugan"),
    ("Langkah-langkah", "Step by Step", "Langkah-langkah"), ("Catatan Guru", "Teacher Notes", "Cathetan Guru"),
    ("Kesalahan Umum", "Common Mistakes", "Kaluputan Umum"), ("Penerapan Sehari-hari", "Everyday Use", "Tetrapan Saben Dina"),
]
SUBHEADINGS = [
    ("Contoh Pertama", "First Example", "Tuladha Kapisan"), ("Contoh Kedua", "Second Example", "Tuladha Kapindho"),
    ("Petunjuk", "Hints", "Pitedah"), ("Pertanyaan", "Questions", "Pitakonan"), ("Catatan", "Notes", "Cathetan"),
]
SUMMARY_H = ("Ringkasan", "Summary", "Ringkesan")
FURTHER_H = ("Bacaan Lanjutan", "Further Reading", "Wacan Sabanjure")
TABLE_COLS = (("No", "Istilah", "Keterangan", "Contoh"), ("No", "Term", "Description", "Example"),
              ("No", "Tembung", "Katrangan", "Tuladha"))
TAGS = [
    ("matematika", "mathematics", "matematika"), ("ipa", "science", "ipa"), ("bahasa", "language", "basa"),
    ("sejarah", "history", "sejarah"), ("geografi", "geography", "geografi"), ("seni", "arts", "seni"),
    ("kelas-4", "grade-4", "kelas-4"), ("kelas-5", "grade-5", "kelas-5"), ("kelas-6", "grade-6", "kelas-6"),
    ("latihan", "practice", "gladhen"), ("proyek", "project", "proyek"), ("ulangan", "review", "ambalan"),
    ("budaya", "culture", "budaya"), ("lingkungan", "environment", "lingkungan"), ("teknologi", "technology", "teknologi"),
    ("kesehatan", "health", "kasarasan"), ("ekonomi", "economics", "ekonomi"), ("logika", "logic", "logika"),
]
LI = {l: k for k, l in enumerate(LANGS)}


def slugify(s):
    out, prev_dash = [], False
    for ch in s.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            prev_dash = False
        elif not prev_dash:
            out.append("-")
            prev_dash = True
    return "".join(out).strip("-")


class Lesson:
    """Language-independent plan for one lesson; rendered once per language."""

    def __init__(self, i, n, seed):
        r = random.Random(f"{seed}:lesson:{i}")
        self.i = i
        nt, nl = len(TOPICS), len(LEVELS)
        self.topic = i % nt
        self.level = (i // nt) % nl
        self.part = i // (nt * nl) + 1
        self.slug = f"{slugify(TOPICS[self.topic][0] + ' ' + LEVELS[self.level][0])}-{i + 1:05d}"
        self.weight = i + 1
        self.date = datetime.date(2020, 1, 1) + datetime.timedelta(days=r.randrange(0, 5 * 365))
        self.tags = sorted(r.sample(range(len(TAGS)), r.randint(2, 5)))
        self.summary_len = r.randint(12, 24)
        target = r.randint(600, 1200)
        others = [j for j in r.sample(range(n), min(n, 12)) if j != i]
        self.inline_links = others[: r.randint(2, 4)]
        self.further = others[len(self.inline_links): len(self.inline_links) + r.randint(2, 4)]
        nsec = r.randint(4, 6)
        heads = r.sample(range(len(HEADINGS)), nsec)
        specials = ["ul", "ol", "table", "quote"]
        # which section gets which special block
        place = {s: r.randrange(nsec) for s in specials}
        sections = []
        words = 0
        intro = [r.randint(10, 22) for _ in range(r.randint(2, 4))]
        words += sum(intro) + 2 * 30 + 4 * 8  # intro, summary, further-reading list
        for k in range(nsec):
            blocks = []
            p = [r.randint(8, 22) for _ in range(r.randint(2, 4))]
            words += sum(p) + 2
            blocks.append(("p", p))
            for s in specials:
                if place[s] == k:
                    if s in ("ul", "ol"):
                        items = [r.randint(4, 12) for _ in range(r.randint(4, 7))]
                        words += sum(items)
                        blocks.append((s, items))
                    elif s == "table":
                        rows = r.randint(4, 6)
                        blocks.append(("table", rows))
                        words += rows * 8 + 4
                    else:
                        q = [r.randint(10, 20) for _ in range(r.randint(1, 2))]
                        words += sum(q)
                        blocks.append(("quote", q))
            if r.random() < 0.35:
                blocks.append(("h3", r.randrange(len(SUBHEADINGS))))
                words += 2 + 36
            sections.append([heads[k], blocks])
        # pad with paragraphs, round robin over sections, until the word target is met
        k = 0
        while words < target + 40:
            p = [r.randint(8, 22) for _ in range(r.randint(2, 5))]
            words += sum(p)
            sections[k % nsec][1].append(("p", p))
            k += 1
        self.intro = intro
        self.sections = sections
        self.summary_par = [r.randint(10, 20) for _ in range(2)]
        # positions (paragraph ordinal) at which inline links are inserted
        npars = 1 + sum(1 for _, bl in sections for b in bl if b[0] == "p")
        self.link_at = {r.randrange(npars): j for j in self.inline_links}

    def title(self, lang):
        li = LI[lang]
        return f"{TOPICS[self.topic][li]}: {LEVELS[self.level][li]} ({PART[li]} {self.part})"


class Writer:
    def __init__(self, lang, rng):
        self.lang, self.r, self.v = lang, rng, VOCAB[lang]

    def w(self, cls):
        return self.r.choice(self.v[cls])

    def clause(self):
        r, w = self.r, self.w
        if self.lang == "en":
            c = ["the"] + ([w("A")] if r.random() < 0.4 else []) + [w("N"), w("V"), "the", w("N")]
            if r.random() < 0.5:
                c += [w("P"), "the", w("N")]
        else:
            c = [w("N")] + ([w("A")] if r.random() < 0.4 else []) + [w("V"), w("N")]
            if r.random() < 0.4:
                c.append(w("D"))
            if r.random() < 0.5:
                c += [w("P"), w("N")]
        return c

    def words(self, n):
        out = self.clause()
        while len(out) < n:
            out += [self.w("C")] + self.clause()
        out = out[:n]
        # do not end a sentence on "the", a preposition or a conjunction
        while len(out) > 3 and (out[-1] == "the" or out[-1] in self.v["P"] or out[-1] in self.v["C"]):
            out.pop()
        return out

    def sentence(self, n, markup=True):
        ws = self.words(n)
        if markup:
            x = self.r.random()
            if x < 0.18:
                k = self.r.randrange(1, len(ws))
                ws[k] = f"*{ws[k]}*"
            elif x < 0.30:
                k = self.r.randrange(1, len(ws) - 1)
                ws[k] = f"**{ws[k]} {ws[k + 1]}**"
                del ws[k + 1]
            elif x < 0.36:
                k = self.r.randrange(1, len(ws))
                ws[k] = f"`{ws[k]}`"
        s = " ".join(ws)
        return s[0].upper() + s[1:] + "."


def render_body(les, lang, lessons, seed):
    """Markdown body of lesson `les` in `lang` (identical for every layout)."""
    li = LI[lang]
    wr = Writer(lang, random.Random(f"{seed}:text:{les.i}:{lang}"))
    out = []
    par_no = [0]

    def link(j):
        o = lessons[j]
        return f"[{o.title(lang)}](../{o.slug}/)"

    def para(lens):
        sents = [wr.sentence(n) for n in lens]
        j = les.link_at.get(par_no[0])
        if j is not None:
            k = len(sents) // 2
            sents.insert(k, f"{wr.sentence(6, markup=False)[:-1]} {link(j)}.")
        par_no[0] += 1
        out.append(" ".join(sents) + "\n")

    para(les.intro)
    for head, blocks in les.sections:
        out.append(f"## {HEADINGS[head][li]}\n")
        for b in blocks:
            kind = b[0]
            if kind == "p":
                para(b[1])
            elif kind == "ul":
                out.append("".join(f"- {wr.sentence(n)}\n" for n in b[1]))
            elif kind == "ol":
                out.append("".join(f"{k + 1}. {wr.sentence(n)}\n" for k, n in enumerate(b[1])))
            elif kind == "table":
                cols = TABLE_COLS[li]
                rows = [f"| {' | '.join(cols)} |", "|---:|---|---|---|"]
                for k in range(b[1]):
                    term = wr.w("N")
                    desc = " ".join(wr.words(5))
                    ex = f"*{wr.w('N')}*"
                    rows.append(f"| {k + 1} | **{term}** | {desc} | {ex} |")
                out.append("\n".join(rows) + "\n")
            elif kind == "quote":
                out.append("> " + " ".join(wr.sentence(n, markup=False) for n in b[1]) + "\n>\n> — *"
                           + wr.w("N").capitalize() + "*\n")
            elif kind == "h3":
                out.append(f"### {SUBHEADINGS[b[1]][li]}\n")
                para([wr.r.randint(8, 16) for _ in range(3)])
    out.append(f"## {SUMMARY_H[li]}\n")
    out.append(" ".join(wr.sentence(n) for n in les.summary_par) + "\n")
    out.append(f"## {FURTHER_H[li]}\n")
    out.append("".join(f"- {link(j)}\n" for j in les.further))
    return "\n".join(out)


def q(s):
    """A double-quoted string valid in both YAML and TOML."""
    return json.dumps(s, ensure_ascii=False)


def yaml_fm(title, summary, date, tags, weight, lang=None):
    # lentera's keys: `date` is `updated`, `tags` are `keywords`; translations
    # say how far they were checked.
    tr = "" if lang in (None, DEFAULT_LANG) else "translation: reviewed\n"
    return (f"---\ntitle: {q(title)}\nsummary: {q(summary)}\nkind: info\nupdated: {date.isoformat()}\n"
            f"keywords: [{', '.join(q(t) for t in tags)}]\nweight: {weight}\n{tr}---\n\n")


def toml_fm(title, summary, date, tags, weight):
    return (f"+++\ntitle = {q(title)}\ndescription = {q(summary)}\ndate = {date.isoformat()}\n"
            f"weight = {weight}\n\n[extra]\ntags = [{', '.join(q(t) for t in tags)}]\n+++\n\n")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# ---------------------------------------------------------------- site scaffolding
HUGO_CONFIG = f"""baseURL = "{BASE_URL}/"
title = "{SITE_TITLE[DEFAULT_LANG]}"
defaultContentLanguage = "{DEFAULT_LANG}"
defaultContentLanguageInSubdir = false
disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = false

[languages]
""" + "".join(f"""[languages.{l}]
languageName = "{LANG_NAMES[l]}"
title = "{SITE_TITLE[l]}"
weight = {k + 1}
""" for k, l in enumerate(LANGS))

HUGO_LAYOUTS = {
    "layouts/index.html": """<!doctype html>
<html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body>
<h1>{{ .Site.Title }}</h1>
<p><a href="{{ "lessons/" | absLangURL }}">{{ .Site.Title }}</a></p>
<nav>{{ range .Translations }}<a href="{{ .Permalink }}">{{ .Lang }}</a> {{ end }}</nav>
</body></html>
""",
    "layouts/_default/list.html": """<!doctype html>
<html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body>
<h1>{{ .Title }}</h1>
<nav>{{ range .Translations }}<a href="{{ .Permalink }}">{{ .Lang }}</a> {{ end }}</nav>
<ul>
{{ range .Pages }}<li><a href="{{ .Permalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time> {{ .Params.summary }}</li>
{{ end }}</ul>
</body></html>
""",
    "layouts/_default/single.html": """<!doctype html>
<html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ .Params.summary }}"></head>
<body>
<nav>{{ range .Translations }}<a href="{{ .Permalink }}">{{ .Lang }}</a> {{ end }}</nav>
<article>
<h1>{{ .Title }}</h1>
<p><time>{{ .Date.Format "2006-01-02" }}</time>{{ range .Params.tags }} <span>{{ . }}</span>{{ end }}</p>
{{ .Content }}
</article>
</body></html>
""",
}

ZOLA_CONFIG = f"""base_url = "{BASE_URL}"
title = "{SITE_TITLE[DEFAULT_LANG]}"
default_language = "{DEFAULT_LANG}"
compile_sass = false
build_search_index = false
generate_feeds = false
generate_sitemap = true
generate_robots_txt = false

[markdown]

""" + "".join(f"""[languages.{l}]
title = "{SITE_TITLE[l]}"

""" for l in LANGS[1:])

# translation links: page.translations includes the page itself; skip it to match Hugo's .Translations
ZOLA_TEMPLATES = {
    "templates/index.html": """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ config.title }}</title></head>
<body>
<h1>{{ config.title }}</h1>
<p><a href="{{ config.base_url }}{% if lang != config.default_language %}/{{ lang }}{% endif %}/lessons/">{{ config.title }}</a></p>
<nav>{% for t in section.translations %}{% if t.lang != lang %}<a href="{{ t.permalink }}">{{ t.lang }}</a> {% endif %}{% endfor %}</nav>
</body></html>
""",
    "templates/section.html": """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ section.title }} | {{ config.title }}</title></head>
<body>
<h1>{{ section.title }}</h1>
<nav>{% for t in section.translations %}{% if t.lang != lang %}<a href="{{ t.permalink }}">{{ t.lang }}</a> {% endif %}{% endfor %}</nav>
<ul>
{% for p in section.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a> <time>{{ p.date }}</time> {{ p.description }}</li>
{% endfor %}</ul>
</body></html>
""",
    "templates/page.html": """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ page.title }} | {{ config.title }}</title>
<meta name="description" content="{{ page.description }}"></head>
<body>
<nav>{% for t in page.translations %}{% if t.lang != lang %}<a href="{{ t.permalink }}">{{ t.lang }}</a> {% endif %}{% endfor %}</nav>
<article>
<h1>{{ page.title }}</h1>
<p><time>{{ page.date }}</time>{% for t in page.extra.tags %} <span>{{ t }}</span>{% endfor %}</p>
{{ page.content | safe }}
</article>
</body></html>
""",
}

# lentera's site.yaml (adapted from the shared generator: lentera's schema).
NEUTRAL_SITE = f"""base_url: "{BASE_URL}/"
default_language: {DEFAULT_LANG}
languages:
""" + "".join(f"  - {{code: {l}, name: {l}, title: Bench}}\n" for l in LANGS)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="output directory (hugo/, zola/, neutral/ are created in it)")
    ap.add_argument("--lessons", "-n", type=int, default=1000, help="lessons per language (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--targets", default="hugo,zola,neutral", help="comma list of hugo,zola,neutral")
    ap.add_argument("--force", action="store_true", help="delete existing target directories first")
    a = ap.parse_args(argv)
    targets = [t for t in a.targets.split(",") if t]
    for t in targets:
        if t not in ("hugo", "zola", "neutral"):
            ap.error(f"unknown target {t}")
        d = os.path.join(a.out, t)
        if os.path.exists(d):
            if not a.force:
                ap.error(f"{d} exists (use --force)")
            shutil.rmtree(d)

    n = a.lessons
    lessons = [Lesson(i, n, a.seed) for i in range(n)]
    root = {t: os.path.join(a.out, t) for t in targets}

    # scaffolding
    if "hugo" in root:
        write(os.path.join(root["hugo"], "config.toml"), HUGO_CONFIG)
        for p, t in HUGO_LAYOUTS.items():
            write(os.path.join(root["hugo"], p), t)
    if "zola" in root:
        write(os.path.join(root["zola"], "config.toml"), ZOLA_CONFIG)
        for p, t in ZOLA_TEMPLATES.items():
            write(os.path.join(root["zola"], p), t)
    if "neutral" in root:
        write(os.path.join(root["neutral"], "content", "site.yaml"), NEUTRAL_SITE)

    for lang in LANGS:
        suf = "" if lang == DEFAULT_LANG else f".{lang}"
        for t, r in root.items():
            sec_title, home_title = SECTION_TITLE[lang], SITE_TITLE[lang]
            if t == "zola":
                write(os.path.join(r, "content", f"_index{suf}.md"), f"+++\ntitle = {q(home_title)}\n+++\n")
                write(os.path.join(r, "content", SECTION, f"_index{suf}.md"),
                      f"+++\ntitle = {q(sec_title)}\nsort_by = \"weight\"\n+++\n")
            else:
                tr = "" if t != "neutral" or lang == DEFAULT_LANG else "translation: reviewed\n"
                write(os.path.join(r, "content", f"_index.{lang}.md"), f"---\ntitle: {q(home_title)}\n{tr}---\n")
                write(os.path.join(r, "content", SECTION, f"_index.{lang}.md"), f"---\ntitle: {q(sec_title)}\n{tr}---\n")

    words = 0
    nbytes = 0
    for les in lessons:
        for lang in LANGS:
            li = LI[lang]
            body = render_body(les, lang, lessons, a.seed)
            words += len(body.split())
            title = les.title(lang)
            summary = Writer(lang, random.Random(f"{a.seed}:summary:{les.i}:{lang}")).sentence(
                les.summary_len, markup=False)
            tags = [TAGS[k][li] for k in les.tags]
            yfm = yaml_fm(title, summary, les.date, tags, les.weight, lang)
            for t, r in root.items():
                if t == "zola":
                    suf = "" if lang == DEFAULT_LANG else f".{lang}"
                    text = toml_fm(title, summary, les.date, tags, les.weight) + body
                else:
                    suf = f".{lang}"
                    text = yfm + body
                write(os.path.join(r, "content", SECTION, f"{les.slug}{suf}.md"), text)
            nbytes += len(body.encode("utf-8"))
    print(f"{n} lessons x {len(LANGS)} languages = {n * len(LANGS)} pages; "
          f"body words total {words} (avg {words / (n * len(LANGS)):.0f}/page), "
          f"body bytes total {nbytes}; targets: {', '.join(targets)} -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
