#!/usr/bin/env bash
# Runs the same commands with two builds of cyberrisk and compares every file they write, byte for
# byte (cmp): every shipped config (run), shards and their merge, a --precision run, every shipped
# sweep spec (sweep, sensitivity), a sharded sweep and its merge, --keep-points, a tornado and its
# shards, compare (whole, shards, merge), stress, calibrate, config --dump and the reports.
# For a refactoring that must not change behaviour (issue 14: "every CSV, state file and journal
# byte-identical before and after"):
#   scripts/check_byte_identity.sh BASE_BIN NEW_BIN [WORKDIR]
#   e.g. git worktree add --detach /tmp/base main && (cd /tmp/base && swift build -c release)
#        scripts/check_byte_identity.sh /tmp/base/.build/release/cyberrisk .build/release/cyberrisk
# Both builds write under the same path (WORKDIR/out, then moved to WORKDIR/base or WORKDIR/new), so
# the folder names recorded in manifests and reports are the same. Every file is compared with cmp,
# except two records of wall-clock time, which differ between any two runs of one binary:
# manifest.json, whose fields start_time, end_time, wall_seconds, trials_per_second and
# point_seconds_total are dropped before comparing the rest; and sweep.journal, whose records are
# appended in the order the points finish (which varies with the workers' timing) and each end in
# the point's wall seconds (the last 8 bytes of a record's payload, and so its frame checksum):
# those 16 bytes are zeroed and the records put in point order before cmp, so the header and every
# other byte of every record must be equal. Seeds are fixed and trials modest (TRIALS, default 4096), so the whole check takes a few
# minutes in release. Exits 1 listing every file that differs.
set -uo pipefail
base_bin=$(realpath "${1:?usage: check_byte_identity.sh BASE_BIN NEW_BIN [WORKDIR]}")
new_bin=$(realpath "${2:?usage: check_byte_identity.sh BASE_BIN NEW_BIN [WORKDIR]}")
work=${3:-$(mktemp -d)}
trials=${TRIALS:-4096}
cd "$(dirname "$0")/.."
mkdir -p "$work"
rm -rf "$work/base" "$work/new" "$work/out"

# A scenario with risk tolerances (tolerances.csv, batch means in a format-2 state.bin).
cat > "$work/tolerances.yaml" <<'EOF'
extends: baseline
name: tolerances
tolerances:
  - {metric: national_risk, statistic: p95, max: 0.01}
  - {metric: economic_loss_usd_bn, return_period: 100, max: 500}
  - {name: implants, metric: neural_implants_compromised, statistic: mean, max: 1000}
EOF

# The commands, one per line; OUT stands for the output root of the build being run.
commands() {
    for c in configs/baseline.yaml configs/scenarios/*.yaml configs/analogues/*.yaml; do
        name=$(basename "$c" .yaml)
        echo "run $c --trials $trials --seed 7 --threads 2 --out OUT/run-$name --quiet"
    done
    echo "run $work/tolerances.yaml --trials $trials --seed 7 --threads 2 --out OUT/run-tolerances --report --quiet"
    for i in 0 1; do echo "run $work/tolerances.yaml --trials 5000 --seed 7 --shard $i/2 --out OUT/tolerances-shard-$i --quiet"; done
    echo "merge OUT/tolerances-shard-0 OUT/tolerances-shard-1 --out OUT/tolerances-merged --quiet"
    echo "compare $work/tolerances.yaml secure-by-design --trials $trials --seed 7 --out OUT/compare-tolerances --quiet"
    echo "run --trials $trials --seed 7 --threads 1 --out OUT/run-report --report --svg --quiet"
    for i in 0 1 2; do echo "run --trials 5000 --seed 11 --shard $i/3 --out OUT/shard-$i --quiet"; done
    echo "merge OUT/shard-0 OUT/shard-1 OUT/shard-2 --out OUT/merged --quiet"
    echo "run --trials 5000 --seed 11 --out OUT/unsharded --quiet"
    echo "run --precision 0.2 --max-trials 16384 --seed 5 --out OUT/precision --quiet"
    for s in configs/sweeps/defense-sobol.yaml configs/sweeps/iot-neural-grid.yaml configs/sweeps/main-uncertainties-lhs.yaml; do
        name=$(basename "$s" .yaml)
        echo "sweep $s --trials 256 --out OUT/sweep-$name --quiet"
    done
    echo "sensitivity configs/sweeps/main-uncertainties-sensitivity.yaml --samples 8 --trials 256 --out OUT/sensitivity --quiet"
    for i in 0 1; do echo "sweep configs/sweeps/defense-sobol.yaml --trials 256 --shard $i/2 --out OUT/sweep-shard-$i --quiet"; done
    echo "merge OUT/sweep-shard-0 OUT/sweep-shard-1 --out OUT/sweep-merged --quiet"
    echo "sweep --vary scenario.defense.vulnerability_decline=0,0.04 --trials 256 --keep-points --out OUT/sweep-points --quiet"
    echo "tornado configs/sweeps/main-uncertainties-lhs.yaml --trials 256 --out OUT/tornado --quiet"
    for i in 0 1; do echo "tornado configs/sweeps/main-uncertainties-lhs.yaml --trials 256 --shard $i/2 --out OUT/tornado-shard-$i --quiet"; done
    echo "merge OUT/tornado-shard-0 OUT/tornado-shard-1 --out OUT/tornado-merged --quiet"
    echo "compare baseline secure-by-design cautious --trials $trials --seed 7 --out OUT/compare --quiet"
    for i in 0 1; do echo "compare baseline secure-by-design --trials 5000 --seed 3 --shard $i/2 --out OUT/compare-shard-$i --quiet"; done
    echo "merge OUT/compare-shard-0 OUT/compare-shard-1 --out OUT/compare-merged --quiet"
    echo "stress --shock energy=0.5,communications=0.3 --year 2030 --out OUT/stress --json"
    echo "calibrate configs/data/incidents_ic3.csv --chains 4 --draws 1000 --seed 3 --holdout-year 2023 --threads 2 --out OUT/calibrate --quiet"
    echo "config --dump"
    echo "report OUT/sweep-defense-sobol --quiet"
    echo "report OUT/sensitivity --quiet"
    echo "report OUT/tornado --quiet"
    echo "report OUT/compare --quiet"
    echo "report OUT/calibrate --quiet"
}

status=0
for side in base new; do
    bin=$base_bin; [ "$side" = new ] && bin=$new_bin
    mkdir -p "$work/out"
    k=0
    while read -r line; do
        k=$((k + 1))
        # shellcheck disable=SC2086
        if ! "$bin" ${line//OUT/$work/out} > "$work/out/stdout-$k.txt" 2> "$work/out/stderr-$k.txt"; then
            echo "FAILED ($side): cyberrisk $line"; cat "$work/out/stderr-$k.txt"; status=1
        fi
    done < <(commands)
    mv "$work/out" "$work/$side"
done
echo "$k commands run by each build into $work/{base,new}"

# stdout of the commands that print no timings (stress --json, config --dump) is compared too.
for k in $(seq 1 "$k"); do
    line=$(commands | sed -n "${k}p")
    case "$line" in stress*|config*) cmp -s "$work/base/stdout-$k.txt" "$work/new/stdout-$k.txt" \
        || { echo "DIFFERS: stdout of cyberrisk $line"; status=1; } ;; esac
done

strip_manifest() {
    python3 - "$1" <<'EOF'
import json, sys
volatile = {"start_time", "end_time", "wall_seconds", "trials_per_second", "point_seconds_total"}
def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in volatile}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x
print(json.dumps(strip(json.load(open(sys.argv[1]))), sort_keys=True, indent=1))
EOF
}

# A journal with each record's wall seconds (its payload's last 8 bytes) and frame checksum zeroed,
# records in point order.
strip_journal() {
    python3 - "$1" <<'EOF'
import struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
at, frames = 16, []
while at + 8 <= len(data):
    (length,) = struct.unpack_from("<Q", data, at)
    end = at + 8 + length
    if end + 8 > len(data):
        break
    frame = bytearray(data[at:end + 8])
    if frames:
        frame[-16:] = bytes(16)
    frames.append(bytes(frame))
    at = end + 8
records = sorted(frames[1:], key=lambda f: struct.unpack_from("<Q", f, 8)[0])
sys.stdout.buffer.write(bytes(data[:16]) + b"".join(frames[:1] + records) + bytes(data[at:]))
EOF
}

files=0; manifests=0; journals=0
while read -r rel; do
    a="$work/base/$rel" b="$work/new/$rel"
    case "$rel" in stdout-*|stderr-*) continue ;; esac
    if [ ! -e "$b" ]; then echo "MISSING in new: $rel"; status=1; continue; fi
    if [ "$(basename "$rel")" = sweep.journal ]; then
        journals=$((journals + 1))
        cmp -s <(strip_journal "$a") <(strip_journal "$b") || { echo "DIFFERS: $rel (beyond the points' seconds)"; status=1; }
    elif [ "$(basename "$rel")" = manifest.json ]; then
        manifests=$((manifests + 1))
        diff <(strip_manifest "$a") <(strip_manifest "$b") > /dev/null || { echo "DIFFERS: $rel (beyond time fields)"; status=1; }
    else
        files=$((files + 1))
        cmp -s "$a" "$b" || { echo "DIFFERS: $rel"; status=1; }
    fi
done < <(cd "$work/base" && find . -type f | sed 's|^\./||' | sort)
extra=$(comm -13 <(cd "$work/base" && find . -type f | sort) <(cd "$work/new" && find . -type f | sort))
[ -n "$extra" ] && { echo "ONLY in new:"; echo "$extra"; status=1; }
echo "$files files identical under cmp, $manifests manifests identical but for their time fields," \
    "$journals journals identical but for their points' seconds" \
    "$([ $status -eq 0 ] && echo "(all)" || echo "(with the differences above)")"
# The merge of shards must equal the unsharded run (a check of the tool, not of the two builds).
for f in summary.csv sectors.csv exceedance.csv state.bin; do
    cmp -s "$work/new/merged/$f" "$work/new/unsharded/$f" || { echo "merged $f differs from the unsharded run's"; status=1; }
done
exit $status
