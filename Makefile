# The README's two commands, and the benchmark.
.PHONY: serve test setup bench node-package reference-backend
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

# The reference back end (examples/reference-backend/): the release bundle and a help page whose
# handlers POST every request to a Node server that verifies it with the package against its own
# copy of the order, kept with every request in SQLite. http://127.0.0.1:8081/help?order=multi-shipment
# (any sample of static/orders/index.json; PORT=… for another port, DATABASE=… for another file
# than target/reference-backend/store.sqlite).
REFERENCE_DIR := target/reference-backend
reference-backend:
	scripts/setup.sh serve
	[ -f dist/embed.js ] || trunk build --release
	tgz=$$(scripts/node-package.sh) && mkdir -p $(REFERENCE_DIR) && cd $(REFERENCE_DIR) && \
	  { [ -f package.json ] || echo '{"private": true}' >package.json; } && \
	  npm install --no-audit --no-fund --loglevel=error "$$tgz"
	ORDER_HELP_ENGINE_DIR=$(REFERENCE_DIR) node examples/reference-backend/server.mjs $(or $(PORT),8081) $(DATABASE)
