#!/usr/bin/env python3
"""`lentera serve`'s first build beside a cold `lentera build`, taken in turns.

Usage: bench/serve_first.py RUNS ROOT OUT LENTERA [LENTERA ...]

For each binary, every round runs a cold `build` of ROOT into OUT (removed
first) and a `serve` of ROOT, alternating which goes first. A build is timed
from its start to its exit; serve from its start to the line "Serving on"
(printed once the first build is in memory and the server listens), after
which it is stopped with Ctrl-C (SIGINT). Both include the process start.
Serve's own figure (the milliseconds it prints for the build) is reported
too, and the CPU time (user + system) of both, which a busy machine
disturbs less than the wall time. One warm-up round is run first and not counted. With two binaries or
more, the rounds take them in turns as well, so their figures are comparable.
"""

import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def build(lentera: str, root: str, out: str) -> tuple[float, float]:
    shutil.rmtree(out, ignore_errors=True)
    cpu = children_cpu()
    start = time.perf_counter()
    subprocess.run([lentera, "-r", root, "build", "-o", out], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    cpu = children_cpu() - cpu
    shutil.rmtree(out, ignore_errors=True)
    return elapsed, cpu


def process_cpu(pid: int) -> float:
    """User + system time of a running process, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def serve(lentera: str, root: str, port: int) -> tuple[float, float, float]:
    env = dict(os.environ, LENTERA_LANG="en")
    start = time.perf_counter()
    proc = subprocess.Popen([lentera, "-r", root, "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env, text=True)
    printed = None
    try:
        for line in proc.stderr:
            m = re.search(r"^built: .* in (\d+(?:\.\d)?) (ms|s)$", line.strip())
            if m and printed is None:
                printed = float(m.group(1)) / (1000 if m.group(2) == "ms" else 1)
            if "Serving on" in line:
                elapsed = time.perf_counter() - start
                cpu = process_cpu(proc.pid)
                break
        else:
            sys.exit(f"serve ended before serving (exit {proc.wait()})")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=120)
    return elapsed, printed if printed is not None else float("nan"), cpu


def sd(xs: list[float]) -> float:
    return statistics.stdev(xs) if len(xs) > 1 else 0.0


def main() -> None:
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    runs, root, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    binaries = sys.argv[4:]
    port = 20000 + os.getpid() % 20000
    keys = ("build", "serve", "printed", "build cpu", "serve cpu")
    times = {b: {k: [] for k in keys} for b in binaries}
    for round_ in range(runs + 1):
        order = binaries if round_ % 2 == 0 else binaries[::-1]
        for b in order:
            steps = ["build", "serve"] if round_ % 2 == 0 else ["serve", "build"]
            for step in steps:
                if step == "build":
                    t, cpu = build(b, root, out)
                    if round_ > 0:
                        times[b]["build"].append(t)
                        times[b]["build cpu"].append(cpu)
                else:
                    t, printed, cpu = serve(b, root, port)
                    if round_ > 0:
                        times[b]["serve"].append(t)
                        times[b]["printed"].append(printed)
                        times[b]["serve cpu"].append(cpu)
    for b in binaries:
        t = times[b]
        ratios = [s / c for s, c in zip(t["serve"], t["build"])]
        print(f"{b}")
        for k in keys:
            print(f"  {k:9} {statistics.mean(t[k]):.3f} s ± {sd(t[k]):.3f} "
                  f"(median {statistics.median(t[k]):.3f}, {runs} runs)")
        print(f"  serve / build, run by run: {statistics.mean(ratios):.3f} ± "
              f"{sd(ratios):.3f} (median {statistics.median(ratios):.3f})")
        ratios = [s / c for s, c in zip(t["serve cpu"], t["build cpu"])]
        print(f"  serve / build CPU time, run by run: {statistics.mean(ratios):.3f} ± "
              f"{sd(ratios):.3f} (median {statistics.median(ratios):.3f})")


if __name__ == "__main__":
    main()
