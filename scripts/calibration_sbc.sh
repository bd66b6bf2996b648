#!/usr/bin/env bash
# The full-size simulation-based calibration of `cyberrisk calibrate`'s sampler
# (docs/calibration.md, "Is the sampler right?"): DATASETS (default 1000) datasets drawn from the
# prior predictive, fitted, and the ranks of the nine true parameters tested for uniformity
# (χ², 10 bins, p > 0.01 each) — `make test` runs the same test with 200. Release mode, in its own
# build folder (.build-sbc), so it leaves .build alone; the first run compiles for several minutes.
#   scripts/calibration_sbc.sh [DATASETS]
set -euo pipefail
cd "$(dirname "$0")/.."
DATASETS=${1:-1000}
start=$(date +%s)
CYBERRISK_SBC_DATASETS=$DATASETS swift test -c release -Xswiftc -enable-testing --scratch-path .build-sbc \
    --filter 'SimulationBasedCalibrationTests/ranksOfEveryParameterAreUniform' 2>&1 \
    | grep -E '^SBC |passed after|failed after|error:|Expectation failed' || true
echo "SBC with $DATASETS datasets: $(( $(date +%s) - start )) s"
