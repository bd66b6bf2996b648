#!/usr/bin/env bash
# Installs what cyberrisk needs to build on Debian/Ubuntu: OpenBLAS (with its pkg-config file).
# Idempotent: does nothing when `pkg-config --exists openblas` already succeeds.
set -euo pipefail
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists openblas; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends libopenblas-dev pkg-config
