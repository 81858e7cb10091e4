#!/usr/bin/env bash
# Build time of lentera beside Hugo (and Zola, if installed) on the same
# synthetic corpus, in the same run. Usage: bench/run.sh [LESSONS] [RUNS]
# Needs: python3, hyperfine, hugo (apt-get install hyperfine hugo).
set -euo pipefail
lessons=${1:-1000}
runs=${2:-7}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-$(mktemp -d)}
corpus="$work/corpus-$lessons"

python3 "$repo/bench/gen_corpus.py" --out "$corpus" --lessons "$lessons" --force
mkdir -p "$corpus/neutral/themes"
cp -r "$repo/themes/default" "$corpus/neutral/themes/"
(cd "$repo" && cargo build --release --quiet)
lentera="$repo/target/release/lentera"

cmds=("hugo --minify -s $corpus/hugo -d $work/out-hugo"
      "$lentera -r $corpus/neutral build -o $work/out-lentera")
if command -v zola >/dev/null 2>&1; then
  cmds+=("zola -r $corpus/zola build --minify -o $work/out-zola")
fi
hyperfine --warmup 1 --runs "$runs" \
  --prepare "rm -rf $work/out-hugo $work/out-lentera $work/out-zola" \
  --export-markdown "$work/bench.md" "${cmds[@]}"
cat "$work/bench.md"
for d in out-hugo out-lentera; do
  echo "$d: $(find "$work/$d" -type f | wc -l) files, $(du -sb "$work/$d" | cut -f1) bytes"
done
