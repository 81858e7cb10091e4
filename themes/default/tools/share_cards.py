#!/usr/bin/env python3
"""Draw the link-preview cards (Open Graph / Twitter images) of the theme.

One PNG per language, 1200 x 630, into themes/default/static/share/LANG.png:
the lantern logo, the site's name, and the short tagline the leaflets use
(`leaflet_title`, `leaflet_tagline` in themes/default/i18n/LANG.yaml). The
cards are committed; run this again after changing those strings or the
site's title:

    python3 -m pip install pillow pyyaml
    python3 themes/default/tools/share_cards.py            # from the repository root
    python3 themes/default/tools/share_cards.py --font PATH/NotoSans-Bold.ttf

The site's name comes from `title` of each language in content/site.yaml.
Fonts: Noto Sans (SIL OFL) found with fc-match or in the `notosans` crate of
the Cargo registry; --font and --font-regular choose others. Each card is
stored as a 16-colour palette PNG and must stay under 100 KB.
"""

import argparse
import glob
import os
import subprocess
import sys

import yaml
from PIL import Image, ImageDraw, ImageFont

W, H = 1200, 630
SS = 2  # supersampling factor for smooth edges
FG = (17, 17, 17)
ACCENT = (11, 79, 138)
BG = (255, 255, 255)
LIMIT = 100 * 1024

THEME = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(os.path.dirname(THEME))


def find_font(style):
    """A Noto Sans file for `style` ("Bold" or "Regular")."""
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}", f"Noto Sans:style={style}"],
            capture_output=True, text=True, check=False,
        ).stdout.strip()
        if out and os.path.basename(out).startswith(f"NotoSans-{style}"):
            return out
    except FileNotFoundError:
        pass
    cargo = os.environ.get("CARGO_HOME", os.path.join(os.path.expanduser("~"), ".cargo"))
    hits = sorted(glob.glob(os.path.join(
        cargo, "registry", "src", "*", "notosans-*", "fonts", f"NotoSans-{style}.ttf")))
    if hits:
        return hits[-1]
    sys.exit(f"no NotoSans-{style}.ttf found: pass --font/--font-regular")


def wrap(draw, text, font, width, max_lines):
    """`text` in at most `max_lines` lines no wider than `width` pixels, the
    lines as even as possible (no lone word on the last line), or None."""
    words = text.split()
    if draw.textlength(text, font=font) <= width:
        return [text]
    if max_lines < 2:
        return None
    best = None
    for cut in range(1, len(words)):
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
        widest = max(draw.textlength(l, font=font) for l in lines)
        if widest <= width and (best is None or widest < best[0]):
            best = (widest, lines)
    return best and best[1]


def fit(draw, text, path, size, width, max_lines, one_line_down_to):
    """The font and lines for `text`: one line from `size` down to
    `one_line_down_to`, else two even lines from `size` down."""
    for lines_allowed in (1, max_lines):
        low = one_line_down_to if lines_allowed == 1 else 24
        for s in range(size, low - 1, -2):
            font = ImageFont.truetype(path, s * SS)
            lines = wrap(draw, text, font, width * SS, lines_allowed)
            if lines:
                return font, lines
    sys.exit(f"cannot fit {text!r} on the card")


def lantern(draw, x, y, unit, colour):
    """The theme's logo (partials/logo.svg, a 24-unit grid) at (x, y)."""
    p = lambda a, b: (x + a * unit, y + b * unit)
    draw.rectangle([p(9, 2), p(15, 4)], fill=colour)
    draw.polygon([p(8, 5), p(16, 5), p(17, 8), p(7, 8)], fill=colour)
    draw.rounded_rectangle([p(7, 9), p(17, 20)], radius=2 * unit, fill=colour)
    draw.rectangle([p(7, 9), p(17, 12)], fill=colour)  # square top corners
    draw.rectangle([p(10, 21), p(14, 22)], fill=colour)
    # The flame: a drop, round at the bottom, pointed at the top.
    draw.ellipse([p(10, 12.8), p(14, 16.8)], fill=BG)
    draw.polygon([p(12, 11), p(13.75, 13.9), p(10.25, 13.9)], fill=BG)


def centred(draw, lines, font, top, colour, leading):
    for line in lines:
        w = draw.textlength(line, font=font)
        draw.text(((W * SS - w) / 2, top), line, font=font, fill=colour)
        top += leading
    return top


def card(title, headline, tagline, bold, regular):
    img = Image.new("RGB", (W * SS, H * SS), BG)
    draw = ImageDraw.Draw(img)
    band = 150  # height of the coloured band at the bottom
    lantern(draw, (W / 2 - 12 * 7) * SS, 36 * SS, 7 * SS, ACCENT)
    font, lines = fit(draw, title, bold, 84, 1100, 1, 48)
    top = centred(draw, lines, font, 218 * SS, FG, 0)
    font, lines = fit(draw, headline, bold, 54, 1100, 2, 46)
    centred(draw, lines, font, top + 132 * SS, ACCENT, 66 * SS)
    draw.rectangle([0, (H - band) * SS, W * SS, H * SS], fill=ACCENT)
    font, lines = fit(draw, tagline, regular, 40, 1100, 2, 34)
    lh = 52 * SS
    first = (H - band / 2) * SS - len(lines) * lh / 2 - 6 * SS
    centred(draw, lines, font, first, BG, lh)
    img = img.resize((W, H), Image.LANCZOS)
    return img.quantize(colors=16, method=Image.MEDIANCUT, dither=Image.NONE)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site", default=os.path.join(ROOT, "content", "site.yaml"))
    ap.add_argument("--font", help="bold font for the name and headline")
    ap.add_argument("--font-regular", help="regular font for the tagline")
    ap.add_argument("--out", default=os.path.join(THEME, "static", "share"))
    args = ap.parse_args()
    bold = args.font or find_font("Bold")
    regular = args.font_regular or find_font("Regular")

    titles = {}
    if os.path.isfile(args.site):
        with open(args.site, encoding="utf-8") as f:
            site = yaml.safe_load(f)
        langs = site.get("languages", [])
        default = next((l.get("title") for l in langs
                        if l["code"] == site.get("default_language")), None)
        titles = {l["code"]: l.get("title") or default for l in langs}
    os.makedirs(args.out, exist_ok=True)
    for name in sorted(os.listdir(os.path.join(THEME, "i18n"))):
        if not name.endswith(".yaml"):
            continue
        lang = name[:-5]
        with open(os.path.join(THEME, "i18n", name), encoding="utf-8") as f:
            strings = yaml.safe_load(f)
        title = titles.get(lang) or "Desa Binaan Imigrasi"
        out = os.path.join(args.out, f"{lang}.png")
        card(title, strings["leaflet_title"], strings["leaflet_tagline"],
             bold, regular).save(out, optimize=True)
        size = os.path.getsize(out)
        print(f"{os.path.relpath(out, ROOT)}: {size} bytes")
        if size > LIMIT:
            sys.exit(f"{out} is over {LIMIT} bytes")


if __name__ == "__main__":
    main()
