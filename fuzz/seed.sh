#!/usr/bin/env bash
# Build the seed corpus of every target in corpus-raw/<target>/ from the
# site's own files (content/, tests/fixtures/, the theme's strings) and a few
# hand-written inputs. Run from anywhere; `cargo fuzz cmin` then reduces a
# seed directory to what adds coverage (see README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."
out="$here/corpus-raw"
rm -rf "$out"
mkdir -p "$out"/{page,site_config,village,i18n,http_request}

# Copy each file under its path, `/` written as `_`, so names stay unique.
seed() {
  local target=$1 file=$2
  local name=${file#"$root"/}
  cp "$file" "$out/$target/${name//\//_}"
}

while IFS= read -r f; do seed page "$f"; done < <(find "$root/content" "$root/tests/fixtures" -name '*.md' | sort)
while IFS= read -r f; do seed site_config "$f"; done < <(find "$root/content" "$root/tests/fixtures" -name site.yaml | sort)
while IFS= read -r f; do seed village "$f"; done < <(find "$root/content" "$root/tests/fixtures" -path '*/desa/*.yaml' | sort)
while IFS= read -r f; do seed i18n "$f"; done < <(find "$root/themes" "$root/tests/fixtures" -path '*/i18n/*.yaml' | sort)

# Pages: what hostile input looks like (#11), small.
p="$out/page"
printf -- '---\ntitle: A\n---\n<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[x](javascript:alert(1)) ![y](data:image/png;base64,AA)\n\n<details><summary>S</summary><abbr title="t">T</abbr><br><sup>1</sup></details>\n' > "$p/hand_raw_html.md"
printf -- '\xef\xbb\xbf---\r\ntitle: CRLF\r\n---\r\n# A\r\n\r\n> [!NOTE]\r\n> x\r\n' > "$p/hand_bom_crlf.md"
printf -- '---\ntitle: N\x00UL\n---\nx\x00y\n' > "$p/hand_nul.md"
printf -- '---\ntitle: never closed\nsummary: x\n' > "$p/hand_unclosed.md"
{ printf -- '---\ntitle: deep\n---\n'; for i in $(seq 1 120); do printf '%*s- x\n' $((i * 2)) ''; done; } > "$p/hand_deep_list.md"
{ printf -- '---\ntitle: quotes\n---\n'; head -c 300 /dev/zero | tr '\0' '>'; printf ' x\n'; } > "$p/hand_deep_quote.md"
printf -- '---\ntitle: links\nkind: scam\nweight: 3\nupdated: 2026-01-02\nkeywords: [a, b]\nkey_points: [c]\nsources:\n  - {title: S, url: "https://e.org"}\nextra: {a: [1, 2]}\n---\n## A {#a}\n\n[c](../modus/calo.md#x) [p](../modus/calo/) [h](/) [s](_index.md) [o](../../x.md) [i](alur.png?v=1#z) [a](#a)\n\n![alt *b*](alur.png "t") ![s](alur.svg)\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] t\n\nF[^1]\n\n[^1]: n\n' > "$p/hand_links.md"
printf -- '---\ntitle: T\ntranslation: draft\n---\n> [!WARNING]\n> w\n' > "$p/hand_translation.md"

# Large pages nested thousands deep, for a run with `-max_len=131072`; in a
# folder of their own, as they slow the usual runs down.
big="$out/page-large"
mkdir -p "$big"
{ printf -- '---\ntitle: quotes\n---\n'; head -c 30000 /dev/zero | tr '\0' '>'; printf ' x\n'; } > "$big/deep_quote.md"
{ printf -- '---\ntitle: deep\n---\n'; for i in $(seq 1 340); do printf '%*s- x\n' $((i * 2)) ''; done; } > "$big/deep_list.md"
{ printf -- '---\ntitle: html\n---\n'; for i in $(seq 1 5000); do printf '<div>'; done; printf '\n'; } > "$big/deep_div.md"
{ printf -- '---\ntitle: emph\n---\n'; for i in $(seq 1 5000); do printf '*a '; done; printf '\n'; for i in $(seq 1 3000); do printf '['; done; printf '\n'; } > "$big/deep_inline.md"

# site.yaml: a minimal one, an alias bomb, a wrong type.
c="$out/site_config"
printf 'base_url: https://e.org\ndefault_language: id\ntime_zone: Asia/Makassar\nraw_html: trusted\nlanguages:\n  - {code: id, name: I, dir: rtl}\ncontacts:\n  - key: a\n    name: {id: A}\n    verified: 2024-02-29\n    numbers: [{kind: whatsapp, number: "0812", note: {id: n}}]\n' > "$c/hand_minimal.yaml"
printf 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nextra: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n' > "$c/hand_alias_bomb.yaml"
printf 'base_url: 3\ndefault_language: [id]\nlanguages: {}\n' > "$c/hand_wrong_types.yaml"

# A village with contacts and sessions; i18n with a duplicate key.
printf 'name: X\nkabupaten: Y\noffice: kanim-kalianda\nlanguages: [id, jv]\nlessons: [modus/calo, pelajaran/paspor.md]\ncontacts:\n  - name: {id: Balai, en: Hall}\n    role: Kades\n    phone: "0812"\n    verified: 2020-01-01\n    source: {title: S}\nsessions:\n  - {date: 2025-09-25, place: P, topic: {id: T}}\nabout: {id: A, jv: B}\n' > "$out/village/hand_full.yaml"
printf 'home: Beranda\nhome: Lagi\n' > "$out/i18n/hand_duplicate.yaml"

# Requests as browsers and attackers send them.
h="$out/http_request"
printf 'GET / HTTP/1.1\r\nHost: localhost:1111\r\nUser-Agent: x\r\nAccept: */*\r\n\r\n' > "$h/get_root"
printf 'HEAD /pelajaran/jalur-resmi/?v=2#top HTTP/1.1\r\nHost: 127.0.0.1:1111\r\n\r\n' > "$h/head_query"
printf 'GET /caf%%C3%%A9/a%%20b.pdf HTTP/1.0\nhost: [::1]:1111\n\n' > "$h/get_escapes_lf"
printf 'GET /%%2e%%2e/..%%2f..%%5cCargo.toml HTTP/1.1\r\nHost: evil.example\r\n\r\n' > "$h/get_traversal"
printf 'GET /__lentera/events HTTP/1.1\r\nHost: a.localhost.\r\nAccept: text/event-stream\r\n\r\n' > "$h/get_events"
printf 'POST http://example.org/ HTTP/1.1\r\nHost: example.org\r\nContent-Length: 3\r\n\r\nabc' > "$h/post_absolute"
printf 'GET /a//b/./c/ HTTP/1.1\r\nHOST:   LOCALHOST  \r\n' > "$h/get_unfinished"
printf 'GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n' > "$h/get_two_hosts"
printf 'GET /a%%2f..%%2f%%2E%%2e%%2fb?x=/../ HTTP/1.1\r\nHost: local\377host\r\n\r\n' > "$h/get_encoded_dots_binary_host"
printf 'GET / HTTP/1.1\r\n%s\r\n' "$(for _ in $(seq 70); do printf 'X: y\r\n'; done)" > "$h/get_many_headers"
