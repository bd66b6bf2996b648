#!/bin/bash
# Submits a sharded sweep, sensitivity analysis or forecast as a Slurm job array plus a dependent
# merge job.
#
#   scripts/slurm/submit.sh sweep       N SPEC   OUT [sweep options…]
#   scripts/slurm/submit.sh sensitivity N SPEC   OUT [sensitivity options…]
#   scripts/slurm/submit.sh forecast N CONFIG OUT [run options…]     (CONFIG `-` = embedded default)
#
# Prints the two job ids. Extra sbatch options go in $SBATCH_ARGS (e.g. "--partition=long --wait").
set -euo pipefail
kind=$1 n=$2 input=$3 out=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
case "$kind" in
    sweep) script=$here/sweep-array.sbatch ;;
    sensitivity) script=$here/sweep-array.sbatch; export CYBERRISK_COMMAND=sensitivity ;;
    forecast) script=$here/forecast-array.sbatch ;;
    *) echo "usage: $0 sweep|sensitivity|forecast N INPUT OUT [options]" >&2; exit 2 ;;
esac
mkdir -p "$out"
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_ARGS:-} --array=0-$((n - 1)) "$script" "$input" "$out" "$@")
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_ARGS:-} --kill-on-invalid-dep=yes --dependency=afterok:"${array%%;*}" "$here/merge.sbatch" "$out")
echo "array job $array, merge job $merge → $out/merged"
