#!/usr/bin/env bash
# Renders an HTML report to a PNG with headless Chromium, so anyone can look at it without a desktop.
#
#   scripts/screenshot-report.sh out/report.html [report.png] [WIDTHxHEIGHT]
#
# Default PNG: the report's path with .png; default size 1280x2400 (the width the report is
# designed for). Needs the Debian package `chromium` (apt-get install -y chromium).
set -euo pipefail
if [[ $# -lt 1 || $# -gt 3 ]]; then
    echo "usage: $0 REPORT.html [OUT.png] [WIDTHxHEIGHT]" >&2
    exit 2
fi
report=$1
png=${2:-${report%.html}.png}
size=${3:-1280x2400}
if [[ ! -f $report ]]; then
    echo "error: $report: no such file" >&2
    exit 2
fi
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z $browser ]]; then
    echo "error: Chromium not found; install it with: apt-get install -y chromium" >&2
    exit 2
fi
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
# --no-sandbox: needed when running as root (CI containers); the page is a local file without scripts.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="${size/x/,}" --screenshot="$png" "$url" >/dev/null 2>&1
[[ -s $png ]] || { echo "error: Chromium wrote no screenshot to $png" >&2; exit 1; }
echo "wrote $png ($size)"
