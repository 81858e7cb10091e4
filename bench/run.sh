#!/usr/bin/env bash
# Build time and memory of lentera beside Hugo (and Zola, if installed) on
# the same synthetic corpus, in the same run. Usage:
#   bench/run.sh [LESSONS] [RUNS]        (defaults: 1000 lessons, 7 runs)
# Measures, with minification on for every tool:
#   1. cold build (output folder removed before each run), lentera vs Hugo,
#      by hyperfine and again with the tools taken in turns (bench/paired.py:
#      the ratio of each run to Hugo's run beside it, robust to a machine
#      whose speed drifts);
#   2. a second `lentera build` with nothing changed (no-op rebuild);
#   3. the "heavy" theme variant that shows the whole site navigation (every
#      section and lesson) on every page, beside the default theme;
#   4. peak memory (GNU time's maximum resident set size) of one cold build.
# Needs: python3, hyperfine, hugo, GNU time (apt-get install hyperfine hugo time).
# BENCH_DIR keeps the corpus and outputs (default: a temporary folder). Put
# it on tmpfs (BENCH_DIR=/dev/shm/bench) to time the tools rather than the
# disk: on an ext4 without a journal, creating thousands of files right after
# deleting thousands (the cold-build setup) is dominated by the kernel's
# search for inodes not recently deleted, for every tool alike.
# LENTERA names a lentera binary to time instead of building one.
set -euo pipefail
lessons=${1:-1000}
runs=${2:-7}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-$(mktemp -d)}
corpus="$work/corpus-$lessons"

python3 "$repo/bench/gen_corpus.py" --out "$corpus" --lessons "$lessons" --force >/dev/null
site="$corpus/neutral"
mkdir -p "$site/themes"
rm -rf "$site/themes/default"
cp -r "$repo/themes/default" "$site/themes/"
# Hugo and Zola make one page per lesson and language, a list and a home page:
# lentera's one-file editions (every lesson in one HTML file per language) are
# extra work they do not do, so the benchmark's theme leaves them out.
rm -f "$site/themes/default/templates/onefile.html"
if [[ -n "${LENTERA:-}" ]]; then
  lentera=$LENTERA
else
  (cd "$repo" && cargo build --release --quiet)
  lentera="$repo/target/release/lentera"
fi

# The heavy variant: the same site with theme `heavy`, whose every page lists
# every section and lesson (partials/site-nav.html, placed once in base.html).
heavy="$corpus/heavy"
rm -rf "$heavy"
mkdir -p "$heavy/themes"
cp -r "$site/content" "$heavy/"
sed -i 's/^theme: .*$//' "$heavy/content/site.yaml"
printf 'theme: heavy\n' >>"$heavy/content/site.yaml"
cp -r "$site/themes/default" "$heavy/themes/heavy"
cp "$repo/bench/heavy/site-nav.html" "$heavy/themes/heavy/templates/partials/"
python3 - "$heavy/themes/heavy/templates/base.html" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
s = s.replace("</header>", "</header>\n{{ site_nav_html | safe }}", 1)
open(p, "w").write(s)
PY

echo "== cold build, minified"
cmds=("hugo --minify -s $corpus/hugo -d $work/out-hugo"
      "$lentera -r $site build -o $work/out-lentera")
if command -v zola >/dev/null 2>&1; then
  cmds+=("zola -r $corpus/zola build --minify -o $work/out-zola")
fi
hyperfine --warmup 1 --runs "$runs" \
  --prepare "rm -rf $work/out-hugo $work/out-lentera $work/out-zola" \
  --export-markdown "$work/cold.md" "${cmds[@]}"
echo "== cold build, the tools taken in turns (ratios run by run)"
paired=(hugo "hugo --minify -s $corpus/hugo -d $work/out-hugo" "$work/out-hugo"
        lentera "$lentera -r $site build -o $work/out-lentera" "$work/out-lentera")
if command -v zola >/dev/null 2>&1; then
  paired+=(zola "zola -r $corpus/zola build --minify -o $work/out-zola" "$work/out-zola")
fi
python3 "$repo/bench/paired.py" "$runs" "${paired[@]}"

echo "== no-op rebuild (output left in place) beside a cold build"
"$lentera" -r "$site" build -o "$work/out-noop" 2>/dev/null
hyperfine --warmup 1 --runs "$runs" \
  --export-markdown "$work/noop.md" \
  -n "lentera cold" --prepare "rm -rf $work/out-cold" "$lentera -r $site build -o $work/out-cold" \
  -n "lentera no-op" --prepare "true" "$lentera -r $site build -o $work/out-noop"

echo "== heavy theme (whole navigation on every page) beside the default theme"
hyperfine --warmup 1 --runs "$runs" \
  --prepare "rm -rf $work/out-default $work/out-heavy" \
  --export-markdown "$work/heavy.md" \
  -n "default theme" "$lentera -r $site build -o $work/out-default" \
  -n "heavy theme" "$lentera -r $heavy build -o $work/out-heavy"

echo "== peak memory (max RSS, KiB)"
for cmd in "${cmds[@]}"; do
  rm -rf "$work/out-hugo" "$work/out-lentera" "$work/out-zola"
  /usr/bin/time -f "%M KiB  $cmd" $cmd >/dev/null 2>"$work/time.log" || { cat "$work/time.log"; exit 1; }
  tail -1 "$work/time.log"
done

cat "$work/cold.md" "$work/noop.md" "$work/heavy.md"
for d in out-hugo out-lentera out-heavy; do
  [ -d "$work/$d" ] && echo "$d: $(find "$work/$d" -type f | wc -l) files, $(du -sb "$work/$d" | cut -f1) bytes"
done
