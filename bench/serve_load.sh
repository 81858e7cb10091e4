#!/usr/bin/env bash
# Load test of `lentera serve` on loopback (#11): at once, 500 open event
# streams, 300 half-sent requests (a slow client that never finishes its
# head) and 1,000 concurrent normal requests. Every normal request must be
# answered 200; the run is bounded in time and stops by itself. It also prints
# the server's thread count (Linux) while all that is held, and 11 s later,
# when the half-sent requests have hit the server's 10 s limit for a request
# head and been closed.
# Usage: bench/serve_load.sh [ROOT]   (default: this repository, the real site)
# Needs python3. Raises the open-file limit for itself and the server.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "${1:-$repo}" && pwd)
port=${PORT:-$((20000 + RANDOM % 20000))}
ulimit -n 8192
# LENTERA=path/to/lentera measures that binary instead of building this one.
bin=${LENTERA:-}
if [ -z "$bin" ]; then
  (cd "$repo" && cargo build --release --quiet)
  bin="$repo/target/release/lentera"
fi
log=$(mktemp)
# English messages: the line this script waits for is "Serving on …".
LENTERA_LANG=en "$bin" -r "$root" serve --port "$port" 2>"$log" &
server=$!
cleanup() { kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 600); do
  grep -q "Serving on" "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
timeout 300 python3 - "$port" "$server" <<'PY'
import socket, sys, threading, time
from concurrent.futures import ThreadPoolExecutor

port = int(sys.argv[1])
pid = sys.argv[2]

def threads():
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(l.split()[1] for l in f if l.startswith("Threads:"))
    except OSError:
        return "?"
host = ("127.0.0.1", port)
held = []

def open_stream():
    s = socket.create_connection(host, timeout=30)
    s.sendall(b"GET /__lentera/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
    s.recv(64)  # the head of the stream has arrived
    return s

def half_sent():
    s = socket.create_connection(host, timeout=30)
    s.sendall(b"GET /pelajaran/ HTTP/1.1\r\nHost: local")  # never finished
    return s

def normal(i):
    start = time.monotonic()
    s = socket.create_connection(host, timeout=60)
    s.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    return data.split(b" ", 2)[1], time.monotonic() - start

t0 = time.monotonic()
with ThreadPoolExecutor(200) as pool:
    held += list(pool.map(lambda _: open_stream(), range(500)))
    held += list(pool.map(lambda _: half_sent(), range(300)))
print(f"holding {len(held)} connections (500 event streams, 300 half-sent) after {time.monotonic() - t0:.1f} s; server threads: {threads()}")
t1 = time.monotonic()
with ThreadPoolExecutor(1000) as pool:
    results = list(pool.map(normal, range(1000)))
codes = {}
for code, _ in results:
    codes[code] = codes.get(code, 0) + 1
times = sorted(t for _, t in results)
print(f"1000 concurrent requests in {time.monotonic() - t1:.2f} s: status {codes}; "
      f"median {times[500]*1000:.0f} ms, p99 {times[990]*1000:.0f} ms, max {times[-1]*1000:.0f} ms")
print(f"server threads after the requests: {threads()}")
time.sleep(11)
closed = 0
for s in held[500:]:
    s.settimeout(0.5)
    try:
        s.recv(1024)  # end of stream (or an answer): the server let go
        closed += 1
    except socket.timeout:
        pass  # still held open by the server
    except OSError:
        closed += 1  # reset by the server
print(f"11 s later: server threads {threads()}; half-sent requests closed by the server: {closed} of 300")
for s in held:
    s.close()
sys.exit(0 if codes == {b"200": 1000} else 1)
PY
echo "server still running: $(kill -0 "$server" 2>/dev/null && echo yes || echo no)"
