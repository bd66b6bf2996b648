#!/bin/bash
# Integration test: brings up a single-node Slurm cluster on this machine, runs a 4-task sweep
# array, a 3-task sensitivity array, a 4-task forecast array and a 6-task one with only 3 blocks of
# trials through scripts/slurm/submit.sh (array + dependent merge job),
# and checks the merged outputs are byte-identical to single-process runs. Called by .ci/run.
#
#   bash scripts/slurm/test-slurm.sh [path/to/cyberrisk]     (default: .build/debug/cyberrisk)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(readlink -f "${1:-$root/.build/debug/cyberrisk}")
[ -x "$bin" ] || { echo "test-slurm: no cyberrisk binary at $bin (build first)" >&2; exit 1; }

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi

work=$(mktemp -d /tmp/cyberrisk-slurm.XXXXXX)
host=$(hostname -s)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -f "$work/munged.pid" ] && kill "$(cat "$work/munged.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT

mkdir -p /run/munge "$work/state" "$work/spool" "$work/jobs"
chown munge:munge /run/munge 2>/dev/null || chown munge /run/munge
[ -f /etc/munge/munge.key ] || { /usr/sbin/mungekey --create 2>/dev/null || /usr/sbin/create-munge-key; }
if ! pgrep -x munged >/dev/null; then
    runuser -u munge -- /usr/sbin/munged --force --pid-file="$work/munged.pid" 2>/dev/null \
        || runuser -u munge -- /usr/sbin/munged --force
fi

export SLURM_CONF=$work/slurm.conf
cat > "$SLURM_CONF" <<CONF
ClusterName=cyberrisk-ci
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MailProg=/bin/true
MinJobAge=4
ReturnToService=2
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -f "$SLURM_CONF" >"$work/slurmctld.out" 2>&1 & pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$work/slurmd.out" 2>&1 & pids+=($!)
for _ in $(seq 1 150); do
    state=$(sinfo -h -o %T 2>/dev/null | head -1 || true)
    [ "$state" = idle ] && break
    sleep 0.2
done
[ "$state" = idle ] || { echo "test-slurm: node did not become idle (state '$state')" >&2; tail -20 "$work"/slurm*.log >&2; exit 1; }
echo "test-slurm: single-node cluster up ($host, $(nproc) CPUs)"

# Waits (at most 15 minutes) until job $1 has left the queue.
wait_for() {
    for _ in $(seq 1 900); do
        squeue -h -j "$1" 2>/dev/null | grep -q . || return 0
        sleep 1
    done
    echo "test-slurm: job $1 still queued after 15 minutes" >&2
    return 1
}

export CYBERRISK=$bin SBATCH_ARGS="--chdir=$work/jobs"
cd "$root"
fail=0

# Submits an array + its merge job (arguments as scripts/slurm/submit.sh takes them) and waits for the merge.
array_and_merge() {
    local jobs
    jobs=$(bash scripts/slurm/submit.sh "$@")
    echo "test-slurm: $jobs"
    wait_for "$(echo "$jobs" | sed -n 's/.*merge job \([0-9]*\).*/\1/p')"
}

# same SINGLE MERGED WHAT FILE…: every FILE of the merged folder equals the single-process one.
same() {
    local single=$1 merged=$2 what=$3 ok=1 f
    shift 3
    for f in "$@"; do
        cmp "$single/$f" "$merged/$f" || ok=0
    done
    if [ $ok = 1 ]; then
        echo "test-slurm: $what (byte-identical $(echo "$@" | sed 's/ /, /g'))"
    else
        echo "test-slurm: FAIL: $what does not hold" >&2; fail=1
    fi
}

# Sweep: 4-task array + merge vs one process.
spec=$root/configs/sweeps/iot-neural-grid.yaml
"$bin" sweep "$spec" --trials 400 --quiet --out "$work/sweep-single"
array_and_merge sweep 4 "$spec" "$work/sweep" --trials 400 --quiet
same "$work/sweep-single" "$work/sweep/merged" "sweep array (4 tasks) + merge == single-process sweep" sweep.csv points.csv

# Sensitivity: 3-task array + merge vs one process (sensitivity.csv is computed by the merge job).
sens=(--vary 'scenario.defense.vulnerability_decline={range: [0, 0.08]}' --vary 'scenario.iot.devices_bn.rate={range: [0.1, 0.3]}'
      --samples 4 --trials 128 --quiet)
"$bin" sensitivity "${sens[@]}" --out "$work/sens-single"
array_and_merge sensitivity 3 - "$work/sens" "${sens[@]}"
same "$work/sens-single" "$work/sens/merged" "sensitivity array (3 tasks) + merge == single-process analysis" \
    sensitivity.csv sweep.csv

# Forecast: 4-task array + merge vs one process.
"$bin" run --trials 5000 --quiet --out "$work/run-single"
array_and_merge forecast 4 - "$work/run" --trials 5000
same "$work/run-single" "$work/run/merged" "forecast array (4 tasks) + merge == single-process run" \
    summary.csv sectors.csv exceedance.csv

# More tasks than blocks: 2,500 trials are 3 blocks of 1024, so 3 of the 6 tasks get no trials.
"$bin" run --trials 2500 --quiet --out "$work/few-single"
array_and_merge forecast 6 - "$work/few" --trials 2500
same "$work/few-single" "$work/few/merged" "forecast array with more tasks (6) than blocks (3) + merge == single-process run" \
    summary.csv sectors.csv exceedance.csv
if [ $fail != 0 ]; then
    tail -n 20 "$work"/jobs/slurm-*.out >&2 || true
    exit 1
fi
rm -rf "$work"
