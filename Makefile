# cyberrisk — build, forecast, test.
#   make forecast   installs OpenBLAS if missing, builds in release, runs the default forecast into out/
#   make test       installs OpenBLAS if missing, runs the whole test suite
#   make bench      runs the performance suite (Benchmarks/, package-benchmark; not part of test)
#   make bench-peer runs the NumPy peer and cyberrisk on the same config, prints the speed ratio
#   make fuzz       builds the libFuzzer binary and fuzzes every reader FUZZ_SECONDS (default 60) s each
#   make docs       builds the DocC documentation of the core library into .build/docs/ (not part of test)
SWIFT ?= swift
OUT ?= out
ARGS ?=

BENCH_ARGS ?=
PEER_TRIALS ?= 20000
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= config csv state journal sweepspec

.PHONY: all deps build release forecast test bench bench-peer test-slurm fuzz docs clean

all: release

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

forecast: release
	.build/release/cyberrisk run --out $(OUT) $(ARGS)

# The end-to-end tests run the debug binary, so it is built first.
# The derived-data check runs first so the test runner's summary is the last thing printed.
test: build
	bash scripts/check_derived_data.sh
	$(SWIFT) test

# Benchmarks/ is a package of its own (its build folder is Benchmarks/.build), so `swift build`
# and `swift test` above never build the harness. Compare with a saved baseline:
#   make bench BENCH_ARGS="baseline update main"  …  make bench BENCH_ARGS="baseline compare main"
bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark $(BENCH_ARGS)

bench-peer: release
	python3 Benchmarks/peers/compare_numpy.py --trials $(PEER_TRIALS)

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
