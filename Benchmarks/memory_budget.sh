#!/usr/bin/env bash
# Budget item 4: peak resident memory does not grow with the number of trials.
# Runs the default forecast at SMALL and LARGE trials (same thread count, no point dumps) and
# prints both peak RSS figures (GNU time's %M, in KiB) and their ratio; exit 1 if it exceeds 1.2.
#
#   bash Benchmarks/memory_budget.sh                          # 100,000 vs 10,000,000 trials
#   SMALL=10000 LARGE=1000000 bash Benchmarks/memory_budget.sh   # a quicker look
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
TOOL=${TOOL:-.build/release/cyberrisk}
SMALL=${SMALL:-100000}
LARGE=${LARGE:-10000000}
THREADS=${THREADS:-$(nproc)}
[ -x "$TOOL" ] || { echo "build the tool first: swift build -c release" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

peak_kib() {
    if ! /usr/bin/time -f '%M %e' -o "$tmp/time" "$TOOL" run --trials "$1" --threads "$THREADS" --out "$tmp/out-$1" --quiet; then
        echo "the $1-trial run failed" >&2
        exit 2
    fi
    read -r kib seconds < "$tmp/time"
    echo "  $1 trials, $THREADS threads: peak RSS $kib KiB (${seconds} s)" >&2
    echo "$kib"
}

small=$(peak_kib "$SMALL")
large=$(peak_kib "$LARGE")
awk -v s="$small" -v l="$large" -v S="$SMALL" -v L="$LARGE" 'BEGIN {
    r = l / s
    printf "peak RSS %d trials / %d trials = %.3f (target <= 1.2)\n", L, S, r
    exit (r <= 1.2 ? 0 : 1)
}'
