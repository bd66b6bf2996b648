#!/usr/bin/env bash
# Checks that every generated table of README.md and docs/*.md — defaults from the config decoder,
# results from seeded runs of the tool and from scripts/calibrate_baseline.py — is exactly what the
# code computes now (scripts/docs/generate.py). Exits 1 with a diff on any difference.
#   scripts/check_docs.sh            check (run by `make test`)
#   scripts/check_docs.sh --update   rewrite the generated sections in place (`make docs-tables`; after a change to
#                                    the model, the defaults or the configs; review the diff)
# Uses CYBERRISK (default .build/debug/cyberrisk; `make test` builds and passes the release binary,
# which gives the same numbers about ten times faster).
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/docs/generate.py "$@"
