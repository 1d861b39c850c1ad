# The README's two commands, and the benchmark.
.PHONY: serve test setup bench node-package
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

# Command 1: install what is missing, then serve the demo help page on http://127.0.0.1:8080
# Its debug build goes to a folder of its own, so dist/ keeps the release bundle that
# `make test` and `make bench` use.
SERVE_DIST := target/serve-dist
serve:
	scripts/setup.sh serve
	trunk serve --dist $(SERVE_DIST)

# Command 2: install what is missing, then lint, test (native and in headless Chromium) and build.
test:
	scripts/test.sh

setup:
	scripts/setup.sh test

# On demand, never part of `make test`: installs what is missing, builds the widget and the Yew
# baseline (benches/baseline/) alike, measures bytes, startup, engine, countdown tick and memory,
# prints the table and writes BENCHMARKS.md and benchmarks.json (about 10 minutes on 2 cores).
bench:
	scripts/bench.sh

# The engine as an npm package for a store's Node.js back end (node/): builds it with
# wasm-bindgen --target nodejs and packs target/node-package/order-help-engine-0.1.0.tgz.
node-package:
	scripts/setup.sh serve
	scripts/node-package.sh
