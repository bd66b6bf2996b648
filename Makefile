# cyberrisk — build, forecast, test.
#   make forecast   installs OpenBLAS if missing, builds in release, runs the default forecast into out/
#   make install    builds in release and copies cyberrisk to PREFIX/bin (PREFIX=/usr/local by default;
#                   PREFIX=$HOME/.local installs without root); make uninstall removes it again
#   make test       installs OpenBLAS if missing, runs the whole test suite (and checks the generated docs
#                   and the NumPy oracle)
#   make docs       builds the DocC documentation of the core library into .build/docs/ (not part of test)
#   make docs-tables  rewrites the generated tables of README.md and docs/ from the code
#                   (scripts/check_docs.sh --update; make test checks them)
#   make bench      runs the performance suite (Benchmarks/, package-benchmark; not part of test)
#   make bench-peer prints the peer table: every workload shape (Benchmarks/peers/shapes.py), cyberrisk vs the
#                   NumPy and Numba peers, trial-years per CPU second and ratios in one run
#                   (PEER_ARGS="--update-doc" rewrites the table in docs/performance.md)
#   make bench-roofline measures per-operation costs (Benchmarks' Roofline target) and prints each shape's
#                   measured time per trial-year against its roofline (ROOFLINE_ARGS="--update-doc" rewrites docs)
#   make check-calibration checks the tail targets on a 1,000,000-trial start year (release binary)
#   make fuzz       builds the libFuzzer binary and fuzzes every reader FUZZ_SECONDS (default 60) s each
SWIFT ?= swift
OUT ?= out
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
ARGS ?=

BENCH_ARGS ?=
PEER_TRIALS ?= 20000
PEER_ARGS ?=
ROOFLINE_ARGS ?=
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= config csv state journal sweepspec comparison incidents report

.PHONY: all deps build release forecast install uninstall test docs docs-tables bench bench-peer bench-roofline check-calibration test-slurm fuzz clean

all: release

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

forecast: release
	.build/release/cyberrisk run --out $(OUT) $(ARGS)

# The installed binary is the release build; it loads the Swift runtime of the toolchain that
# built it (its run path) and libopenblas, so it runs on this machine or one with the same setup.
install: release
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 755 .build/release/cyberrisk "$(DESTDIR)$(BINDIR)/cyberrisk"
	@echo "installed $(DESTDIR)$(BINDIR)/cyberrisk"
	@case ":$$PATH:" in *":$(BINDIR):"*) ;; *) echo "note: $(BINDIR) is not on your PATH; add it with: export PATH=\"$(BINDIR):\$$PATH\"";; esac

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/cyberrisk"

# The end-to-end tests run the debug binary, so it is built first.
# The derived-data and docs checks and the NumPy oracle (every (year, metric) mean of the baseline
# and of a coupling- and botnet-heavy variant against the independent peer, Benchmarks/peers/oracle.py)
# run first so the test runner's summary is the last thing printed. check_sobol_salib.py holds the
# committed uncertainty budget's grouped Sobol' indices to SALib's on the same design (needs SALib).
# check_docs.sh reruns every generated table of README.md and docs/ with the release binary: the
# same tables as the debug binary (same config and seed, same bytes), about 25 CPU seconds instead
# of several minutes (its seeded runs include a 327,680-trial tail run and a 3 x 20,000-trial compare).
test: build release
	bash scripts/check_derived_data.sh
	CYBERRISK=.build/release/cyberrisk bash scripts/check_docs.sh
	python3 Benchmarks/peers/oracle.py --tool .build/debug/cyberrisk
	python3 scripts/check_sobol_salib.py
	$(SWIFT) test

# After a change to the model, the defaults or the configs: regenerate the tables, review the diff.
docs-tables: build
	bash scripts/check_docs.sh --update

# Benchmarks/ is a package of its own (its build folder is Benchmarks/.build), so `swift build`
# and `swift test` above never build the harness. Compare with a saved baseline:
#   make bench BENCH_ARGS="baseline update main"  …  make bench BENCH_ARGS="baseline compare main"
bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark $(BENCH_ARGS)

bench-peer: release
	python3 Benchmarks/peers/peer_table.py --trials $(PEER_TRIALS) $(PEER_ARGS)

# The roofline (docs/performance.md, "Roofline"): per-operation costs on this machine, then the
# shapes' measured ns per trial-year against the least their operations cost.
bench-roofline: release
	cd Benchmarks && $(SWIFT) build -c release --product Roofline
	Benchmarks/.build/release/Roofline 16 64 > Benchmarks/.build/roofline-costs.json
	python3 Benchmarks/peers/roofline.py --costs Benchmarks/.build/roofline-costs.json --trials $(PEER_TRIALS) $(ROOFLINE_ARGS)

# The tail calibration of the default scenario (docs/parameters.md §2.1, docs/events.md) at more
# trials than the docs check: replays, a seeded 1,000,000-trial start-year run and its targets;
# fails if a target or a replay fails. (The docs' tables come from scripts/check_docs.sh.)
check-calibration: release
	python3 scripts/tail_calibration.py --check

# Single-node Slurm cluster: sweep and forecast job arrays + merge vs single-process results (CI runs it).
test-slurm: build
	bash scripts/slurm/test-slurm.sh

# libFuzzer targets for every reader of outside bytes (scripts/fuzz/, docs/reliability.md), one
# after another (each uses one core); a crash, leak, timeout or out-of-memory fails the target.
fuzz: deps
	bash scripts/fuzz/build.sh
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGETS="$(FUZZ_TARGETS)" bash scripts/fuzz/run.sh

# DocC: the catalog Sources/CyberRisk/CyberRisk.docc (overview, the flow of a forecast, an example)
# and the public API of the core into .build/docs/CyberRisk.doccarchive; a broken link or an
# undocumented reference in the catalog fails it. CYBERRISK_DOCS=1 adds swiftlang/swift-docc-plugin
# to the package (see Package.swift), so other builds never fetch or compile the plugin. Open the
# archive with `xcrun docc preview` or serve it as a static site (--transform-for-static-hosting).
docs: deps
	rm -rf .build/docs && mkdir -p .build/docs
	CYBERRISK_DOCS=1 $(SWIFT) package --allow-writing-to-directory .build/docs generate-documentation \
		--target CyberRisk --output-path .build/docs/CyberRisk.doccarchive --warnings-as-errors

clean:
	rm -rf .build .build-fuzz out Benchmarks/.build
