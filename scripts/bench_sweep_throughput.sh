#!/bin/bash
# Sweep throughput vs one big run of the same total trials, measured back to back in one run:
# prints trials/s of both and their ratio (issue: the sweep must be within 10% of the run).
#
#   bash scripts/bench_sweep_throughput.sh [cyberrisk binary] [threads]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/.build/release/cyberrisk}
threads=${2:-$(nproc)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
points=12 per=10240
total=$((points * per))
t0=$(date +%s.%N)
"$bin" sweep "$root/configs/sweeps/iot-neural-grid.yaml" --trials $per --threads "$threads" --quiet --progress never --out "$work/sweep"
t1=$(date +%s.%N)
"$bin" run --trials $total --threads "$threads" --quiet --progress never --out "$work/run"
t2=$(date +%s.%N)
python3 - "$t0" "$t1" "$t2" "$total" "$threads" <<'PY'
import sys
t0, t1, t2, total, threads = map(float, sys.argv[1:])
sweep, run = total / (t1 - t0), total / (t2 - t1)
print(f"{int(threads)} threads: sweep (12 points x {int(total/12)} trials) {sweep:,.0f} trials/s; "
      f"one run of {int(total)} trials {run:,.0f} trials/s; ratio sweep/run = {sweep/run:.3f}")
PY
