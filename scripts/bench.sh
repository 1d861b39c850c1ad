#!/usr/bin/env bash
# The benchmark command (`make bench`, issue 6): run on demand, never part of `make test`.
#
# Installs what is missing (scripts/setup.sh test), builds the widget's release bundle and the
# Yew baseline's (benches/baseline/) with the same toolchain, profile and wasm-opt settings,
# then measures bytes, startup, the engine (native criterion + in the browser), the countdown
# tick and memory, prints the table and writes BENCHMARKS.md and benchmarks.json.
#
# Every stage runs even if an earlier one failed (a failed stage leaves its rows "not
# measured"). Exit status: non-zero if a stage failed; budgets that are not met are reported,
# not fatal, unless BENCH_STRICT=1.
#
# Build outputs go under target/ so the main build cache is reused and never invalidated:
#   target/bench/widget     the widget's release bundle (trunk build --release --dist …)
#   target/bench/baseline   the baseline's release bundle (its cargo target: target/bench-baseline)
#   target/bench/named      the widget with symbol names, for twiggy and the CPU profile of the
#                           first render (target/bench-named)
#   target/bench/engine     the bench-only engine module (benches/wasm-engine, target/bench-named)
#   target/bench/logs       one log per stage
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

scripts/setup.sh test || { echo "bench: setup failed"; exit 1; }

export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

# twiggy, for the per-crate size breakdown (only the benchmark needs it, so setup.sh does not
# install it). Unlocked fallback as for wasm-bindgen-cli: the registry mirror may lack a
# locked dependency.
TWIGGY_VERSION=0.8.0
if [ "$(twiggy --version 2>/dev/null | awk '{print $2}')" != "$TWIGGY_VERSION" ]; then
  echo "bench: installing twiggy $TWIGGY_VERSION (a few minutes)"
  cargo install --locked --force twiggy --version "$TWIGGY_VERSION" ||
    cargo install --force twiggy --version "$TWIGGY_VERSION" ||
    echo "bench: twiggy could not be installed; the per-crate breakdown will be missing"
fi

OUT=$ROOT/target/bench
LOGS=$OUT/logs
mkdir -p "$OUT" "$LOGS"
# Nothing from an earlier run may stand in for a stage that fails in this one.
rm -rf "$OUT"/stages.tsv "$OUT"/browser.json "$OUT"/engine-orders.json "$OUT"/twiggy-top.json \
  "$OUT"/criterion "$OUT"/widget "$OUT"/baseline "$OUT"/named "$OUT"/engine
STARTED=$SECONDS

stage() {
  local name=$1
  shift
  local start=$SECONDS
  if "$@" >"$LOGS/$name.log" 2>&1; then
    printf 'bench: %-15s ok (%ss)\n' "$name" $((SECONDS - start))
    printf '%s\tok\t%s\n' "$name" $((SECONDS - start)) >>"$OUT/stages.tsv"
  else
    printf 'bench: %-15s FAILED (%ss), see %s\n' "$name" $((SECONDS - start)) "${LOGS#"$ROOT"/}/$name.log"
    printf '%s\tfailed\t%s\n' "$name" $((SECONDS - start)) >>"$OUT/stages.tsv"
    tail -n 15 "$LOGS/$name.log" | sed "s/^/bench:   [$name] /"
  fi
}

# The widget's wasm-opt settings, read from its index.html so every build here follows them.
wasm_opt_level=$(grep -o 'data-wasm-opt="[^"]*"' index.html | head -n1 | cut -d'"' -f2)
wasm_opt_params=$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | head -n1 | cut -d'"' -f2)
wasm_opt_level=${wasm_opt_level:-z}

build_widget() {
  rm -rf "$OUT/widget"
  trunk build --release --dist "$OUT/widget"
}

build_baseline() {
  rm -rf "$OUT/baseline"
  (cd benches/baseline && CARGO_TARGET_DIR="$ROOT/target/bench-baseline" trunk build --release --dist "$OUT/baseline") &&
    # Minified as the widget's embed.js is (scripts/integrity.mjs), so the bytes compare alike.
    node scripts/minify.mjs "$OUT"/baseline/*.js
}

# wasm-bindgen --target web, then wasm-opt with the widget's settings. $4: extra wasm-bindgen
# flags, $5: extra wasm-opt flags (word lists).
bindgen_and_opt() {
  local wasm=$1 dir=$2 name=$3 bindgen_flags=${4:-} opt_flags=${5:-}
  rm -rf "$dir"
  mkdir -p "$dir"
  # shellcheck disable=SC2086 # word lists
  wasm-bindgen --target web --out-dir "$dir" --out-name "$name" $bindgen_flags "$wasm" &&
    wasm-opt "-O$wasm_opt_level" $wasm_opt_params $opt_flags "$dir/${name}_bg.wasm" -o "$dir/${name}_bg.wasm"
}

# The widget with symbol names kept through every step, for the per-crate breakdown.
build_named() {
  CARGO_TARGET_DIR="$ROOT/target/bench-named" CARGO_PROFILE_RELEASE_STRIP=false \
    cargo build --release -p order-help --lib --target wasm32-unknown-unknown &&
    bindgen_and_opt "$ROOT/target/bench-named/wasm32-unknown-unknown/release/order_help.wasm" \
      "$OUT/named" order-help --keep-debug --debuginfo &&
    twiggy top -f json "$OUT/named/order-help_bg.wasm" -o "$OUT/twiggy-top.json"
}

# The bench-only engine module (benches/wasm-engine): the engine without the export's JS↔wasm
# conversions. Same profile as the widget; names are dropped by wasm-opt as for the widget.
build_engine_wasm() {
  CARGO_TARGET_DIR="$ROOT/target/bench-named" CARGO_PROFILE_RELEASE_STRIP=false \
    cargo build --release --target wasm32-unknown-unknown --manifest-path benches/wasm-engine/Cargo.toml &&
    bindgen_and_opt "$ROOT/target/bench-named/wasm32-unknown-unknown/release/order_help_bench_engine.wasm" \
      "$OUT/engine" order-help-bench-engine
}

# The native engine benchmark (engine/benches/engine.rs): built while the wasm builds run, measured
# alone. It also writes the generated orders for the browser half.
engine_native_build() {
  cargo bench -p order-help-engine --bench engine --no-run
}
engine_native() {
  BENCH_ORDERS_FILE="$OUT/engine-orders.json" CRITERION_HOME="$OUT/criterion" \
    cargo bench -p order-help-engine --bench engine -- --noplot
}

browser() {
  local engine_args=()
  [ -f "$OUT/engine/order-help-bench-engine_bg.wasm" ] && engine_args=(--engine "$OUT/engine")
  [ -f "$OUT/engine-orders.json" ] && engine_args+=(--orders "$OUT/engine-orders.json")
  [ -f "$OUT/named/order-help_bg.wasm" ] && engine_args+=(--named "$OUT/named")
  node benches/browser.mjs --widget "$OUT/widget" --baseline "$OUT/baseline" "${engine_args[@]}" \
    --out "$OUT/browser.json"
}

# Trunk builds with `cargo --offline` (Trunk.toml: offline = true): download the crates first,
# so a fresh clone works.
stage fetch bash -c 'cargo fetch && cargo fetch --manifest-path benches/baseline/Cargo.toml &&
  cargo fetch --manifest-path benches/wasm-engine/Cargo.toml'

# The builds, three at a time: each target directory is built by one cargo at a time, and
# the slow part of a release build (LTO, one codegen unit) is single-threaded, so this keeps
# both cores busy. Nothing is measured while they run.
echo "bench: building the widget, the baseline, the named widget and the engine modules (logs in ${LOGS#"$ROOT"/}/)"
(stage widget-build build_widget; stage engine-build engine_native_build) &
(stage named-build build_named; stage engine-wasm build_engine_wasm) &
stage baseline-build build_baseline &
wait

# The measurements, one at a time.
stage engine-native engine_native
stage browser browser

echo
failed=$(grep -c $'\tfailed\t' "$OUT/stages.tsv" || true)
BENCH_SECONDS=$((SECONDS - STARTED)) node benches/report.mjs --out-dir "$OUT" || failed=$((failed + 1))
if [ "$failed" -gt 0 ]; then
  echo "bench: $failed stage(s) failed"
  exit 1
fi
if [ "${BENCH_STRICT:-0}" = 1 ] && grep -q '"all_budgets_pass": false' benchmarks.json; then
  echo "bench: some budgets are not met (BENCH_STRICT=1)"
  exit 2
fi
