#!/usr/bin/env bash
# Leaflet render time: all leaflets of the real content, then the real
# content plus N synthetic villages, each with leaflets in id, en and jv
# (N × 3 leaflets). lentera prints "wrote K leaflets (PDF) in T ms": the wall
# time of the leaflet renders, which run in parallel with the pages; the full
# build time is printed beside it.
#
# Usage: bench/leaflets.sh [VILLAGES] [RUNS]   (defaults: 500 villages, 3 runs)
# LENTERA names a lentera binary to time instead of building one.
# NO_KIT=1 leaves the session kit out (the theme copy loses slides.typ,
# guide.typ and attendance.typ), for the cost of the kit beside the leaflets.
# Needs: python3. Builds the release binary with the default features.
set -euo pipefail
villages=${1:-500}
runs=${2:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -n "${LENTERA:-}" ]; then
  lentera=$LENTERA
else
  (cd "$repo" && cargo build --release --quiet)
  lentera="$repo/target/release/lentera"
fi

report() {
  local label=$1 root=$2
  echo "== $label"
  for _ in $(seq "$runs"); do
    rm -rf "$work/out"
    if ! "$lentera" --lang en -r "$root" build -o "$work/out" 2>"$work/log"; then
      cat "$work/log" >&2
      exit 1
    fi
    grep -E '^(built|wrote)' "$work/log" | sed 's/ into [^ ]* / /'
  done
  local pdfs
  pdfs=$(find "$work/out" -name '*.pdf' | wc -l)
  echo "   $pdfs PDFs, $(find "$work/out" -name '*.pdf' -print0 | du -cb --files0-from=- | tail -1 | cut -f1) bytes;" \
    "smallest $(find "$work/out" -name '*.pdf' -printf '%s\n' | sort -n | head -1) B," \
    "largest $(find "$work/out" -name '*.pdf' -printf '%s\n' | sort -n | tail -1) B"
}

report "real content" "$repo"

# A copy of the real site with N more villages. Lesson choices and names vary
# so the leaflets differ in length, as real ones would.
site="$work/site"
mkdir -p "$site"
cp -r "$repo/content" "$repo/themes" "$site/"
if [ "${NO_KIT:-0}" = 1 ]; then
  rm -f "$site"/themes/default/templates/{slides,guide,attendance}.typ
fi
python3 "$repo/bench/villages.py" "$site/content/desa" "$villages"
report "real content + $villages villages × 3 languages" "$site"
