#!/usr/bin/env bash
# Printed matter at national scale (issue #28, item 6): the real content plus
# N synthetic villages (bench/villages.py: id, en and jv each), every
# leaflet, poster and session-kit PDF, `portable_zip` off. Prints for each
# run the cold build (wall, user CPU, peak memory, PDFs) and then the build
# after one village file changed (which renders that village's PDFs only).
#
# Usage: bench/print_scale.sh [VILLAGES] [RUNS]   (defaults: 1000 villages, 1 run)
# LENTERA names the lentera binary (default: target/release/lentera, built).
# OUT names the output folder (default: a temporary folder on /dev/shm).
# Needs: python3, GNU time (/usr/bin/time).
set -euo pipefail
villages=${1:-1000}
runs=${2:-1}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
out=${OUT:-$(mktemp -d -p /dev/shm)}
trap 'rm -rf "$work" "$out"' EXIT
if [ -n "${LENTERA:-}" ]; then
  lentera=$LENTERA
else
  (cd "$repo" && cargo build --release --quiet)
  lentera="$repo/target/release/lentera"
fi
site="$work/site"
mkdir -p "$site"
cp -r "$repo/content" "$repo/themes" "$site/"
sed -i 's/^portable_zip: true/portable_zip: false/' "$site/content/site.yaml"
python3 "$repo/bench/villages.py" "$site/content/desa" "$villages"

timed() {
  /usr/bin/time -f "%e s wall, %U s user, %M KiB peak" \
    "$lentera" --lang en -r "$site" build -o "$out/site" 2>"$work/log" || { cat "$work/log" >&2; exit 1; }
  grep -E '^(built|wrote|[0-9]+ of the)' "$work/log" | sed 's/ into [^ ]* / /'
  tail -1 "$work/log"
}
for run in $(seq "$runs"); do
  echo "== run $run: $villages villages, cold"
  rm -rf "$out/site"
  timed
  echo "   $(find "$out/site" -name '*.pdf' | wc -l) PDFs, $(du -sb "$out/site" | cut -f1) bytes in the output"
  echo "== run $run: one village file changed"
  sed -i "s/^name: \(.*\)/name: \1 Baru$run/" "$site/content/desa/bench-0000.yaml"
  timed
done
