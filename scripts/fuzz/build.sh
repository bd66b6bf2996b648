#!/usr/bin/env bash
# Builds the libFuzzer binary .build-fuzz/cyberrisk-fuzz (all reader targets; one chosen by
# CYBERRISK_FUZZ_TARGET at run time). SwiftPM cannot build a libFuzzer entry (its executables
# expect `main`), so this compiles with swiftc directly, with -sanitize=fuzzer,address:
#   1. libyaml (Yams' CYaml, the only part of Yams the library uses) with clang;
#   2. the CyberRisk library sources + the embedded configs (as SwiftPM's embedInCode would) as
#      module CyberRisk, then the CyberRiskSweep and CyberRiskReport sources as modules of their
#      names (all -enable-testing, so the harness can reach internal readers, and one
#      -package-name, as SwiftPM gives them, for the `package` declarations the upper layers use);
#   3. the harness Tests/FuzzTests/ReaderFuzzTarget*.swift (shared with the corpus
#      regression tests) + scripts/fuzz/FuzzMain.swift, linked with OpenBLAS (pkg-config).
# Works from a fresh clone: fetches Yams through SwiftPM (local mirror) if not yet checked out.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${FUZZ_BUILD_DIR:-.build-fuzz}
YAMS=.build/checkouts/Yams/Sources/CYaml
[ -d "$YAMS" ] || swift package resolve >/dev/null
mkdir -p "$OUT/obj" "$OUT/module"
start=$(date +%s)

for c in "$YAMS"/src/*.c; do
    clang -c -O2 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I"$YAMS/include" \
        -o "$OUT/obj/yaml_$(basename "$c" .c).o" "$c"
done

python3 scripts/fuzz/embed_configs.py configs > "$OUT/PackageResources.swift"
BLAS_CFLAGS=$(pkg-config --cflags openblas)
BLAS_LIBS=$(pkg-config --libs openblas)
INCLUDES=(-I "$YAMS/include" -Xcc -DYAML_DECLARE_STATIC -I Sources/COpenBLAS -Xcc "${BLAS_CFLAGS% }")
mapfile -t SOURCES < <(find Sources/CyberRisk -name '*.swift' | sort)
mapfile -t SWEEP_SOURCES < <(find Sources/CyberRiskSweep -name '*.swift' | sort)
mapfile -t REPORT_SOURCES < <(find Sources/CyberRiskReport -name '*.swift' | sort)

swiftc -parse-as-library -module-name CyberRisk -package-name cyberrisk -enable-testing -O -wmo -sanitize=fuzzer,address \
    "${INCLUDES[@]}" -emit-module -emit-module-path "$OUT/module/CyberRisk.swiftmodule" \
    -c -o "$OUT/obj/CyberRisk.o" "${SOURCES[@]}" "$OUT/PackageResources.swift"
swiftc -parse-as-library -module-name CyberRiskSweep -package-name cyberrisk -enable-testing -O -wmo -sanitize=fuzzer,address \
    "${INCLUDES[@]}" -I "$OUT/module" -emit-module -emit-module-path "$OUT/module/CyberRiskSweep.swiftmodule" \
    -c -o "$OUT/obj/CyberRiskSweep.o" "${SWEEP_SOURCES[@]}"
swiftc -parse-as-library -module-name CyberRiskReport -package-name cyberrisk -enable-testing -O -wmo -sanitize=fuzzer,address \
    "${INCLUDES[@]}" -I "$OUT/module" -emit-module -emit-module-path "$OUT/module/CyberRiskReport.swiftmodule" \
    -c -o "$OUT/obj/CyberRiskReport.o" "${REPORT_SOURCES[@]}"

# shellcheck disable=SC2086
swiftc -parse-as-library -module-name CyberRiskFuzz -package-name cyberrisk -O -sanitize=fuzzer,address \
    "${INCLUDES[@]}" -I "$OUT/module" \
    Tests/FuzzTests/ReaderFuzzTarget*.swift scripts/fuzz/FuzzMain.swift \
    "$OUT"/obj/*.o $BLAS_LIBS -use-ld=lld -o "$OUT/cyberrisk-fuzz"
echo "built $OUT/cyberrisk-fuzz in $(( $(date +%s) - start )) s"
