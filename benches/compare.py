#!/usr/bin/env python3
"""Run each benchmark program on cellvm and on CPython, alternately, several times, and print
a markdown table of median wall times, their ratio and peak RSS.

    python3 benches/compare.py [--runs N] [--python /usr/bin/python3.11] [PROGRAM...]

Builds cellvm in release mode first. Each program must print the same output on both; a
difference is reported and fails the run. The peer defaults to Debian's /usr/bin/python3.11,
the fastest CPython on the machine.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "benches", "programs")


# GNU time reports its child's peak RSS. Measuring the child directly does not work: at
# exec, Linux folds the pre-exec image's high-water mark (a fork or vfork of this script,
# ~15 MiB) into the process's ru_maxrss, which would hide any smaller peak.
GNU_TIME = "/usr/bin/time"


def run_measured(cmd):
    """Wall time, peak RSS in KiB (None without GNU time), stdout and exit status of a run."""
    with tempfile.NamedTemporaryFile("r") as rss_file:
        wrapped = cmd
        if os.access(GNU_TIME, os.X_OK):
            wrapped = [GNU_TIME, "-f", "%M", "-o", rss_file.name] + cmd
        start = time.perf_counter()
        proc = subprocess.run(wrapped, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        text = rss_file.read().strip().splitlines()
        peak = int(text[-1]) if text and text[-1].isdigit() else None
        return elapsed, peak, proc.stdout, proc.returncode


def mib(kib):
    return "n/a (no GNU time)" if kib is None else f"{kib / 1024:.1f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--python", default="/usr/bin/python3.11")
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()

    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    target_dir = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    cellvm = os.path.join(target_dir, "release", "cellvm")
    names = args.programs or sorted(f for f in os.listdir(PROGRAMS) if f.endswith(".py"))
    rows = []
    failed = False
    for name in names:
        path = name if os.path.exists(name) else os.path.join(PROGRAMS, name)
        times = {"cellvm": [], "cpython": []}
        rss = {"cellvm": 0, "cpython": 0}
        outputs = {}
        for _ in range(args.runs):
            for who, cmd in (("cellvm", [cellvm, path]), ("cpython", [args.python, path])):
                t, peak, out, code = run_measured(cmd)
                times[who].append(t)
                rss[who] = None if peak is None or rss[who] is None else max(rss[who], peak)
                outputs[who] = (out, code)
        if outputs["cellvm"] != outputs["cpython"]:
            failed = True
            print(f"{name}: output differs: cellvm {outputs['cellvm']!r} cpython {outputs['cpython']!r}", file=sys.stderr)
        c, p = statistics.median(times["cellvm"]), statistics.median(times["cpython"])
        rows.append((os.path.basename(path), c, p, p / c if c else float("inf"), rss["cellvm"], rss["cpython"]))

    print(f"| program | cellvm (s) | CPython {args.python} (s) | speed-up | cellvm peak RSS (MiB) | CPython peak RSS (MiB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, c, p, ratio, rc, rp in rows:
        print(f"| {name} | {c:.3f} | {p:.3f} | {ratio:.2f}x | {mib(rc)} | {mib(rp)} |")
    if rows:
        geo = statistics.geometric_mean([r[3] for r in rows])
        print(f"\nGeometric mean speed-up: {geo:.2f}x (median of {args.runs} alternating runs each)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
