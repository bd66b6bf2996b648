#!/usr/bin/env bash
# Counts the declarations of Sources/ by access level, per target: `public` (the API; those
# also marked `@_spi(NAME)` are counted apart: only an `@_spi(NAME) import` sees them) and
# `package` (shared between this package's targets, invisible outside it). Comment lines are
# skipped; a declaration counts once per `public` or `package` modifier.
#   scripts/count_public.sh            # a table per target and the totals
#   scripts/count_public.sh --total    # only the number of public declarations (SPI included)
#   scripts/count_public.sh DIR        # the same for another tree, e.g. an older commit's:
#       git archive COMMIT Sources | tar -x -C /tmp/old && scripts/count_public.sh /tmp/old
# Issue 14's figures (the API before and after the layers, measured with this script): main at
# 34b995b (one CyberRisk target, after #13/#17/#18/#21/#22) has 1,696 public declarations; the
# three layers merged with it have 758 (CyberRisk 456, 43 of them SPI; CyberRiskSweep 289;
# CyberRiskReport 13) and 192 package ones. (Before those five issues: 1,118 on 9807acc, 393 after.)
set -uo pipefail
total_only=false
if [ "${1:-}" = "--total" ]; then total_only=true; shift; fi
cd "${1:-$(dirname "$0")/..}"
PUBLIC='(^|[^A-Za-z_.])public([^A-Za-z_]|$)'
PACKAGE='(^|[^A-Za-z_.])package[[:space:]]+(static|final|func|var|let|init|struct|enum|class|protocol|typealias|subscript|mutating|private|extension|nonisolated|case)'
code() { grep -hvE '^[[:space:]]*//' "$@"; }     # the non-comment lines of the files
tally() {                                          # tally DIR → "public spi package"
    mapfile -t files < <(find "$1" -name '*.swift' | sort)
    local public spi package
    public=$(code "${files[@]}" | grep -oE "$PUBLIC" | wc -l)
    spi=$(code "${files[@]}" | grep -E '@_spi\(' | grep -oE "$PUBLIC" | wc -l)
    package=$(code "${files[@]}" | grep -oE "$PACKAGE" | wc -l)
    echo "$public $spi $package"
}
if $total_only; then tally Sources | cut -d' ' -f1; exit 0; fi
printf '%-16s %7s %7s %8s\n' target public "of SPI" package
for dir in Sources/*/; do
    read -r public spi package < <(tally "$dir")
    printf '%-16s %7d %7d %8d\n' "$(basename "$dir")" "$public" "$spi" "$package"
done
read -r public spi package < <(tally Sources)
printf '%-16s %7d %7d %8d\n' total "$public" "$spi" "$package"
