#!/usr/bin/env bash
# Runs each fuzz target for FUZZ_SECONDS (default 60) s, one after another (each uses one core):
#   FUZZ_SECONDS=600 FUZZ_TARGETS="config csv" bash scripts/fuzz/run.sh
# Seeds: scripts/fuzz/corpus/<target> (committed, read only); new inputs go to
# .build-fuzz/corpus/<target>; a crash writes .build-fuzz/crashes/<target>-crash-* — replay it with
#   CYBERRISK_FUZZ_TARGET=<target> .build-fuzz/cyberrisk-fuzz FILE
# then commit it under scripts/fuzz/crashes/<target>/ (FuzzCorpusTests replays it in `swift test`).
# Exits 1 if any target found a crash, leak, timeout or out-of-memory.
set -uo pipefail
cd "$(dirname "$0")/../.."
# Traps go to libFuzzer (stack trace, reproducer) rather than to the Swift backtracer.
export SWIFT_BACKTRACE=enable=no
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-config csv state journal sweepspec comparison incidents report}
OUT=${FUZZ_BUILD_DIR:-.build-fuzz}
BIN=$OUT/cyberrisk-fuzz
[ -x "$BIN" ] || { echo "no $BIN: run scripts/fuzz/build.sh first" >&2; exit 2; }
failed=()
for target in $TARGETS; do
    mkdir -p "$OUT/corpus/$target" "$OUT/crashes" "$OUT/logs"
    log=$OUT/logs/$target.log
    start=$(date +%s)
    CYBERRISK_FUZZ_TARGET=$target "$BIN" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
        -max_len=262144 -print_final_stats=1 -artifact_prefix="$OUT/crashes/$target-" \
        "$OUT/corpus/$target" "scripts/fuzz/corpus/$target" > "$log" 2>&1
    rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz $target: $(( $(date +%s) - start )) s, ${runs} runs, exit $rc (log $log)"
    if [ $rc -ne 0 ]; then
        failed+=("$target")
        grep -m 5 -E 'ERROR|Fatal error|fatal|SUMMARY|Test unit written' "$log" | sed 's/^/    /'
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]}" >&2
    exit 1
fi
