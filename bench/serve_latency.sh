#!/usr/bin/env bash
# Time from saving a lesson to the `reload` event of `lentera serve`, the way
# a browser sees it: an event-stream client is connected, a lesson file is
# rewritten, and the clock stops when `event: reload` arrives.
#
# Usage: bench/serve_latency.sh [ROOT] [LESSON] [SAVES]
#   ROOT    project folder (default: this repository, the real site)
#   LESSON  file under ROOT to edit (default: the first lesson found)
#   SAVES   number of saves to time (default 10)
# The 1,000-lesson corpus:
#   python3 bench/gen_corpus.py --out /tmp/corpus-1k --targets neutral --force
#   mkdir -p /tmp/corpus-1k/neutral/themes && cp -r themes/default /tmp/corpus-1k/neutral/themes/
#   bench/serve_latency.sh /tmp/corpus-1k/neutral
# Needs python3. The lesson is restored at the end.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "${1:-$repo}" && pwd)
lesson=${2:-$(cd "$root" && find content -name '*.md' ! -name '_index*' | sort | sed -n 1p)}
saves=${3:-10}
port=${PORT:-$((20000 + RANDOM % 20000))}

# LENTERA=path/to/lentera times another binary (a build of main, say).
bin=${LENTERA:-}
if [ -z "$bin" ]; then
  (cd "$repo" && cargo build --release --quiet)
  bin="$repo/target/release/lentera"
fi
log=$(mktemp)
LENTERA_LANG=en "$bin" -r "$root" serve --port "$port" 2>"$log" &
server=$!
cleanup() {
  kill -INT "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 6000); do  # up to 10 minutes for the first build (30k pages)
  grep -q "Serving on" "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
grep "Serving on" "$log"
echo "editing $lesson ($saves saves)"

python3 - "$port" "$root/$lesson" "$saves" <<'EOF'
import socket, statistics, sys, time

port, path, saves = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
sock = socket.create_connection(("127.0.0.1", port))
sock.sendall(b"GET /__lentera/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
stream = sock.makefile("rb")

def next_event():
    name = None
    for raw in stream:
        line = raw.decode().rstrip("\r\n")
        if line.startswith("event: "):
            name = line[7:]
        elif line == "" and name:
            return name
    raise SystemExit("event stream closed")

while next_event() != "hello":
    pass
original = open(path, encoding="utf-8").read()
times = []
try:
    for i in range(saves):
        text = original.rstrip("\n") + f"\n\nlatency probe {i}\n"
        start = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        event = next_event()
        elapsed = (time.perf_counter() - start) * 1000
        if event != "reload":
            raise SystemExit(f"expected reload, got {event}")
        times.append(elapsed)
        print(f"save {i + 1}: reload after {elapsed:.0f} ms", flush=True)
        time.sleep(0.3)
finally:
    with open(path, "w", encoding="utf-8") as f:
        f.write(original)
next_event()
print(f"save -> reload: min {min(times):.0f} ms, median {statistics.median(times):.0f} ms, max {max(times):.0f} ms "
      f"(debounce included)")
EOF
echo "server log (build times):"
grep -E "built|rebuilt" "$log" | tail -n 4
