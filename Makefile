# cyberrisk — build, forecast, test.
#   make forecast   installs OpenBLAS if missing, builds in release, runs the default forecast into out/
#   make test       installs OpenBLAS if missing, runs the whole test suite
#   make bench      runs the performance suite (Benchmarks/, package-benchmark; not part of test)
#   make bench-peer runs the NumPy peer and cyberrisk on the same config, prints the speed ratio
#   make check-calibration checks the tail calibration and its tables in docs/ (release binary)
#   make fuzz       builds the libFuzzer binary and fuzzes every reader FUZZ_SECONDS (default 60) s each
SWIFT ?= swift
OUT ?= out
ARGS ?=

BENCH_ARGS ?=
PEER_TRIALS ?= 20000
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= config csv state journal sweepspec

.PHONY: all deps build release forecast test bench bench-peer check-calibration test-slurm fuzz clean

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
	python3 scripts/tail_calibration.py --replays-only --check --tool .build/debug/cyberrisk
	$(SWIFT) test

# Benchmarks/ is a package of its own (its build folder is Benchmarks/.build), so `swift build`
# and `swift test` above never build the harness. Compare with a saved baseline:
#   make bench BENCH_ARGS="baseline update main"  …  make bench BENCH_ARGS="baseline compare main"
bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark $(BENCH_ARGS)

bench-peer: release
	python3 Benchmarks/peers/compare_numpy.py --trials $(PEER_TRIALS)

# The tail calibration of the default scenario (docs/parameters.md §2.1, docs/events.md): replays,
# a seeded 1,000,000-trial start-year run and its targets; fails if a target fails or a generated
# table in docs/ is stale (`python3 scripts/tail_calibration.py --write` regenerates them).
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

clean:
	rm -rf .build .build-fuzz out Benchmarks/.build
