#!/usr/bin/env python3
"""Synthetic villages for the printed-matter benchmarks: N village files in
DIR (content/desa of a copy of the real site), each with leaflets in id,
en and jv. Lesson choices and names vary so the leaflets differ in length,
as real ones would. Usage: bench/villages.py DIR N"""
import random, sys
from pathlib import Path

out, n = Path(sys.argv[1]), int(sys.argv[2])
rng = random.Random(42)
lessons = [
    "pelajaran/jalur-resmi", "pelajaran/dokumen", "pelajaran/paspor",
    "pelajaran/biaya", "pelajaran/hak", "waspada/tanda-bahaya",
    "waspada/jika-terjebak", "modus/calo", "modus/visa-turis",
    "modus/lowongan-online", "modus/utang", "modus/paspor-ditahan",
]
syll = ["su", "ka", "ma", "ju", "way", "la", "yap", "sri", "re", "jo", "ba", "ru", "ta", "ngan"]
def name():
    return " ".join("".join(rng.choice(syll) for _ in range(rng.randint(2, 3))).title()
                    for _ in range(rng.randint(1, 2)))
for i in range(n):
    # A poster holds four of these lessons, or two beside a village contact (the
    # build refuses a poster that needs a second page).
    contact = rng.random() < 0.5
    picked = rng.sample(lessons, rng.randint(2, 2 if contact else 4))
    text = (
        f"name: {name()}\nkecamatan: {name()}\nkabupaten: {name()}\nprovinsi: Lampung\n"
        "office: kanim-bandar-lampung\ndesignated: 2025-09-25\nlanguages: [id, en, jv]\n"
        f"lessons: [{', '.join(picked)}]\n"
    )
    if contact:
        text += (
            "contacts:\n  - name: Kepala Desa\n    role: { id: Kepala desa, en: Village head }\n"
            f"    phone: 0812-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}\n"
            "    verified: 2026-11-01\n"
        )
    (out / f"bench-{i:04}.yaml").write_text(text)
