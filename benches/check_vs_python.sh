#!/usr/bin/env bash
# Times `cellvm check` against CPython 3.11's compiler on the generated benchmark module
# (benches/common/mod.rs, 50,000+ lines) and prints a markdown table of median times.
#
#   benches/check_vs_python.sh [RUNS]        (RUNS defaults to 7; PYTHON=/usr/bin/python3.11)
#
# Three figures, measured in alternation so that drift in machine load hits all alike:
#   - `cellvm check FILE`: a whole process: start-up, read, decode, compile.
#   - `python3.11 -m py_compile FILE`: a whole process; it also writes a .pyc.
#   - `compile()` timed inside CPython: read, decode and compile, without start-up.
set -euo pipefail

runs=${1:-7}
python=${PYTHON:-/usr/bin/python3.11}
cd "$(dirname "$0")/.."

if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
    echo "check_vs_python: RUNS must be a positive number, not '$runs'" >&2
    exit 2
fi
if ! [ -x "$python" ]; then
    echo "check_vs_python: no CPython at $python (set PYTHON=...)" >&2
    exit 2
fi

echo "Building cellvm and the source generator (release)..." >&2
cargo build --quiet --release -p cellvm --bin cellvm --example gen_source
target_dir=${CARGO_TARGET_DIR:-target}
cellvm=$target_dir/release/cellvm

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source_file=$work/bench.py
"$target_dir"/release/examples/gen_source >"$source_file"
lines=$(wc -l <"$source_file")

if ! "$python" -c 'import sys; compile(open(sys.argv[1], "rb").read(), sys.argv[1], "exec")' "$source_file"; then
    echo "check_vs_python: CPython rejects the generated module; fix benches/common/mod.rs" >&2
    exit 1
fi
if ! "$cellvm" check "$source_file" 2>"$work/cellvm.err"; then
    echo "check_vs_python: 'cellvm check' fails on the generated module, so there is nothing to time:" >&2
    head -n 20 "$work/cellvm.err" >&2
    exit 1
fi

now_ns() { date +%s%N; }

# Milliseconds taken by a command, its output discarded.
time_process_ms() {
    local start end
    start=$(now_ns)
    "$@" >/dev/null
    end=$(now_ns)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e6 }'
}

# Milliseconds CPython spends in reading and compiling, measured from inside.
time_compile_in_python_ms() {
    "$python" -c '
import sys, time
path = sys.argv[1]
start = time.perf_counter()
compile(open(path, "rb").read(), path, "exec")
print(f"{(time.perf_counter() - start) * 1000:.3f}")
' "$source_file"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

cellvm_ms=()
py_compile_ms=()
compile_ms=()
# One round first to warm the file cache and the binaries, not counted.
time_process_ms "$cellvm" check "$source_file" >/dev/null
time_process_ms "$python" -m py_compile "$source_file" >/dev/null
for ((i = 1; i <= runs; i++)); do
    echo "run $i/$runs" >&2
    cellvm_ms+=("$(time_process_ms "$cellvm" check "$source_file")")
    py_compile_ms+=("$(time_process_ms "$python" -m py_compile "$source_file")")
    compile_ms+=("$(time_compile_in_python_ms)")
done

cellvm_median=$(printf '%s\n' "${cellvm_ms[@]}" | median)
py_compile_median=$(printf '%s\n' "${py_compile_ms[@]}" | median)
compile_median=$(printf '%s\n' "${compile_ms[@]}" | median)

row() { # label, median ms
    awk -v label="$1" -v ms="$2" -v base="$cellvm_median" -v lines="$lines" 'BEGIN {
        printf "| %s | %.1f | %.0f | %.2f |\n", label, ms, lines / (ms / 1000), ms / base
    }'
}

echo
echo "Compiling a generated $lines-line module, median of $runs runs ($("$python" --version 2>&1), $(nproc) cores)."
echo
echo "| what | median ms | lines/s | time / cellvm's |"
echo "| --- | ---: | ---: | ---: |"
row '`cellvm check` (whole process)' "$cellvm_median"
row '`python3.11 -m py_compile` (whole process, writes a .pyc)' "$py_compile_median"
row 'CPython `compile()` (in process, no start-up)' "$compile_median"
