#!/usr/bin/env python3
"""Cold builds of several tools, taken in turns, with the ratio of each run
to the first tool's run next to it.

hyperfine times all runs of one command, then all runs of the next: on a
shared machine whose speed drifts over minutes, that drift lands in the
ratio. Here the tools alternate (A B C, then C B A, ...), every output
folder is removed before each run, and every run is compared with the first
tool's run of the same round.

Usage: bench/paired.py RUNS NAME COMMAND OUTPUT [NAME COMMAND OUTPUT ...]
One warm-up round is run first and not counted. PAUSE (seconds, default 0)
waits before each run: on a virtual machine whose CPU share shrinks after a
long burst, a run right after a longer tool's run is otherwise slowed.
"""

import os
import shutil
import statistics
import subprocess
import sys
import time


def main() -> None:
    args = sys.argv[1:]
    if len(args) < 4 or (len(args) - 1) % 3:
        sys.exit(__doc__)
    runs = int(args[0])
    tools = [tuple(args[i : i + 3]) for i in range(1, len(args), 3)]
    pause = float(os.environ.get("PAUSE", "0"))
    times = {name: [] for name, _, _ in tools}
    for round_ in range(runs + 1):
        order = tools if round_ % 2 == 0 else tools[::-1]
        for name, command, _ in order:
            # Every tool's output is removed, not only this one's: on this
            # machine another tool's output left on tmpfs slowed the next
            # build by 10-20 % (user time, not only system time).
            for _, _, output in tools:
                shutil.rmtree(output, ignore_errors=True)
            time.sleep(pause)
            start = time.perf_counter()
            subprocess.run(command, shell=True, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if round_ > 0:
                times[name].append(time.perf_counter() - start)
    for name, _, _ in tools:
        t = times[name]
        print(f"{name}: {statistics.mean(t):.3f} s ± {statistics.stdev(t):.3f} "
              f"(median {statistics.median(t):.3f}, {runs} runs)")
    first = tools[0][0]
    for name, _, _ in tools[1:]:
        ratios = [a / b for a, b in zip(times[name], times[first])]
        print(f"{name} / {first}, run by run: {statistics.mean(ratios):.3f} ± "
              f"{statistics.stdev(ratios):.3f} (median {statistics.median(ratios):.3f})")


if __name__ == "__main__":
    main()
