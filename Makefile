# cyberrisk — build, forecast, test.
#   make forecast   installs OpenBLAS if missing, builds in release, runs the default forecast into out/
#   make test       installs OpenBLAS if missing, runs the whole test suite
SWIFT ?= swift
OUT ?= out
ARGS ?=

.PHONY: all deps build release forecast test clean

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

clean:
	rm -rf .build out
