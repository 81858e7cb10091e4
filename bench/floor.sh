#!/usr/bin/env bash
# lentera beside the floor, Zola and Hugo, on the same synthetic corpus, in
# the same run (issue #28). Usage:
#   bench/floor.sh [LESSONS] [RUNS]     (defaults: 1000 lessons, 8 runs)
# 1000 lessons make 3,006 pages (3 languages), 10000 make 30,006.
#
# The floor (bench/floor/) is the least work every generator must do: read
# each Markdown file, skip its front matter, render the body with
# pulldown-cmark and write it as OUT/<path without .md>/index.html, in
# parallel (rayon). No templates, search index or minification. It is a
# standalone program with its own Cargo.lock, outside the workspace, and is
# built here with `cargo build --release --manifest-path bench/floor/Cargo.toml`.
#
# Measures:
#   1. cold build (output folder removed before each run by hyperfine's
#      --prepare) of floor, lentera, Zola and Hugo, minification on for
#      lentera, Zola and Hugo; the ratios lentera/floor, lentera/Zola and
#      lentera/Hugo of the hyperfine means;
#   2. peak memory (GNU time's maximum resident set size, `/usr/bin/time -f
#      %M`) of one cold build of each, and the same ratios.
# A tool that is not installed is skipped with a message, not a failure.
#
# Environment:
#   BENCH_DIR  keeps the corpus and outputs (default /dev/shm/lentera-floor:
#              tmpfs, so that the tools are timed rather than the disk; see
#              bench/run.sh);
#   LENTERA    a lentera binary to time instead of building one;
#   ZOLA       a zola binary (default: `zola` on PATH);
#   HUGO       a hugo binary (default: `hugo` on PATH).
# Needs: python3, hyperfine, GNU time, cargo; Hugo and Zola are optional.
set -euo pipefail
lessons=${1:-1000}
runs=${2:-8}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/dev/shm/lentera-floor}
corpus="$work/corpus-$lessons"
mkdir -p "$work"

cargo build --release --quiet --manifest-path "$repo/bench/floor/Cargo.toml"
floor="$repo/bench/floor/target/release/floor"
if [[ -n "${LENTERA:-}" ]]; then
  lentera=$LENTERA
else
  (cd "$repo" && cargo build --release --quiet)
  lentera="$repo/target/release/lentera"
fi

python3 "$repo/bench/gen_corpus.py" --out "$corpus" --lessons "$lessons" --force >/dev/null
site="$corpus/neutral"
mkdir -p "$site/themes"
rm -rf "$site/themes/default"
cp -r "$repo/themes/default" "$site/themes/"
# As in bench/run.sh: the one-file editions are work Hugo and Zola do not do.
rm -f "$site/themes/default/templates/onefile.html"

# name, command, output folder (removed before each run)
names=(floor lentera)
cmds=("$floor $site/content $work/out-floor"
      "$lentera -r $site build -o $work/out-lentera")
outs=("$work/out-floor" "$work/out-lentera")
zola=${ZOLA:-$(command -v zola || true)}
if [[ -n "$zola" && -x "$zola" ]]; then
  names+=(zola)
  cmds+=("$zola -r $corpus/zola build --minify -o $work/out-zola")
  outs+=("$work/out-zola")
else
  echo "Zola not found (neither \$ZOLA nor zola on PATH): skipped"
fi
hugo=${HUGO:-$(command -v hugo || true)}
if [[ -n "$hugo" && -x "$hugo" ]]; then
  names+=(hugo)
  cmds+=("$hugo --minify -s $corpus/hugo -d $work/out-hugo")
  outs+=("$work/out-hugo")
else
  echo "Hugo not found (neither \$HUGO nor hugo on PATH): skipped"
fi

echo "== cold build, $lessons lessons ($(find "$site/content" -name '*.md' | wc -l) Markdown files)"
hyper=()
for i in "${!names[@]}"; do hyper+=(-n "${names[$i]}" "${cmds[$i]}"); done
hyperfine --warmup 1 --runs "$runs" --prepare "rm -rf ${outs[*]}" \
  --export-json "$work/floor.json" --export-markdown "$work/floor.md" "${hyper[@]}"

echo "== peak memory (max RSS, KiB)"
: >"$work/memory.txt"
for i in "${!names[@]}"; do
  rm -rf "${outs[@]}"
  /usr/bin/time -f "%M" -o "$work/time.log" ${cmds[$i]} >/dev/null 2>"$work/err.log" \
    || { cat "$work/err.log"; exit 1; }
  echo "${names[$i]} $(tail -1 "$work/time.log")" | tee -a "$work/memory.txt"
done

echo "== ratios"
python3 - "$work/floor.json" "$work/memory.txt" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
memory = dict(line.split() for line in open(sys.argv[2]) if line.strip())
l = results["lentera"]
for other in ("floor", "zola", "hugo"):
    if other not in results:
        continue
    o = results[other]
    r = l["mean"] / o["mean"]
    # relative errors added in quadrature
    err = r * ((l["stddev"] / l["mean"]) ** 2 + (o["stddev"] / o["mean"]) ** 2) ** 0.5
    m = int(memory["lentera"]) / int(memory[other])
    print(f"lentera/{other}: time {r:.2f} ± {err:.2f} "
          f"({l['mean']:.3f} s / {o['mean']:.3f} s), "
          f"memory {m:.2f} ({int(memory['lentera']) / 1024:.0f} MiB / "
          f"{int(memory[other]) / 1024:.0f} MiB)")
PY
cat "$work/floor.md"
