#!/usr/bin/env bash
# Renders an HTML report to a PNG with headless Chromium, so anyone can look at it without a desktop.
#
#   scripts/screenshot-report.sh out/report.html [report.png] [WIDTH|WIDTHxHEIGHT]
#
# Default PNG: the report's path with .png. By default the whole page is captured: 1280 pixels
# wide (the width the report is designed for) and as tall as the page is at that width, measured
# by letting Chromium lay out a copy of the page. Give WIDTH to change the width (the height is
# still measured) or WIDTHxHEIGHT for a fixed window. Needs the Debian package `chromium`
# (apt-get install -y chromium).
set -euo pipefail
if [[ $# -lt 1 || $# -gt 3 ]]; then
    echo "usage: $0 REPORT.html [OUT.png] [WIDTH|WIDTHxHEIGHT]" >&2
    exit 2
fi
report=$1
png=${2:-${report%.html}.png}
size=${3:-1280}
if [[ ! -f $report ]]; then
    echo "error: $report: no such file" >&2
    exit 2
fi
if [[ ! $size =~ ^[0-9]+(x[0-9]+)?$ ]]; then
    echo "error: size '$size': expected WIDTH or WIDTHxHEIGHT in pixels, e.g. 1280 or 1280x2400" >&2
    exit 2
fi
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z $browser ]]; then
    echo "error: Chromium not found; install it with: apt-get install -y chromium" >&2
    exit 2
fi
# --no-sandbox: needed when running as root (CI containers); the page is a local file without scripts.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1)
dir=$(cd "$(dirname "$report")" && pwd)
width=${size%%x*}
if [[ $size == *x* ]]; then
    height=${size#*x}
else
    # The page's height at this width: a copy of the page (in the same folder, so relative links
    # resolve alike) with a one-line script that writes its scroll height into the DOM, which
    # Chromium prints with --dump-dom.
    probe=$(mktemp "$dir/.screenshot-probe-XXXXXX.html")
    trap 'rm -f "$probe"' EXIT
    cat "$report" > "$probe"
    echo '<script>document.body.setAttribute("data-page-height", String(document.documentElement.scrollHeight))</script>' >> "$probe"
    height=$("$browser" "${flags[@]}" --window-size="$width,1000" --dump-dom "file://$probe" 2>/dev/null \
        | grep -o 'data-page-height="[0-9]*"' | grep -o '[0-9]\+' || true)
    if [[ -z $height ]]; then
        echo "error: Chromium did not report the page height of $report; give WIDTHxHEIGHT" >&2
        exit 1
    fi
fi
url="file://$dir/$(basename "$report")"
rm -f "$png"
"$browser" "${flags[@]}" --window-size="$width,$height" --screenshot="$png" "$url" >/dev/null 2>&1
[[ -s $png ]] || { echo "error: Chromium wrote no screenshot to $png" >&2; exit 1; }
echo "wrote $png (${width}x$height)"
