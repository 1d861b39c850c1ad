#!/usr/bin/env bash
# The test command (`make test`, and CI through .ci/run): installs what is missing, then runs
# every stage, keeps going past a failure so one run shows all of them, and exits non-zero if
# any stage failed. The last line is the summary CI reads.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh test || { echo "setup failed"; echo "stages: 0 passed, 1 failed"; exit 1; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
# The browser suite can be slow to start on a loaded 2-core machine.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180}

passed=0
failed=0
failures=()
stage() {
  local name=$1
  shift
  printf '\n=== %s: %s\n' "$name" "$*"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    printf '=== %s: ok (%ss)\n' "$name" $((SECONDS - start))
  else
    failed=$((failed + 1))
    failures+=("$name")
    printf '=== %s: FAILED (%ss)\n' "$name" $((SECONDS - start))
  fi
}

# The engine is pure: none of its normal dependencies, on any target, may be a browser crate.
# (`cargo tree` fails, and so does the stage, if the package is not found.)
engine_is_pure() {
  local tree
  tree=$(cargo tree --locked -p order-help-engine -e normal --target all --prefix none) || return 1
  if grep -E '^(yew|web-sys|js-sys|wasm-bindgen|gloo[a-z-]*) ' <<<"$tree"; then
    echo "order-help-engine depends on the browser crates above"
    return 1
  fi
  echo "order-help-engine: $(sort -u <<<"$tree" | wc -l) crates, none of yew, web-sys, js-sys, wasm-bindgen, gloo"
  # Its `typescript` feature (tsify, wasm-bindgen) is the Node package's alone: what Trunk builds
  # (the default members) must leave it off, so the widget's wasm does not change.
  tree=$(cargo tree --locked -e features -i order-help-engine --target wasm32-unknown-unknown) || return 1
  if grep -F 'feature "typescript"' <<<"$tree"; then
    echo "the widget's build enables order-help-engine's typescript feature"
    return 1
  fi
  echo "the widget's build leaves order-help-engine's typescript feature off"
}

# The Node package (node/): packed by `npm pack`, installed from its tarball into a fresh folder
# as a store's back end would, then checked against the native tool on every scenario table
# (node/tests/engine.test.mjs), its `order-help` command against the native tool's output and exit
# statuses (node/tests/command.test.mjs), its converters (node/tests/import.test.mjs), and its
# TypeScript declarations with tsc (node/tests/types.ts).
node_package() {
  local tgz dir status=0
  tgz=$(scripts/node-package.sh) || return 1
  cargo build -p order-help-cli --locked --quiet || return 1
  dir=$(mktemp -d)
  echo '{"private": true}' >"$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "$tgz") || status=1
  if [ "$status" -eq 0 ]; then
    ORDER_HELP_PACKAGE_DIR=$dir ORDER_HELP_CLI=${CARGO_TARGET_DIR:-$PWD/target}/debug/order-help \
      node --test node/tests/*.test.mjs || status=1
    cp node/tests/types.ts node/tests/tsconfig.json tests/types/engine-agrees.ts static/embed.d.ts "$dir/"
    tsc -p "$dir" && echo "tsc: node/tests/types.ts and tests/types/engine-agrees.ts check against the package's declarations" || status=1
  fi
  rm -rf "$dir"
  return "$status"
}

# Runs "$@" (a test command for one engine), then prints "<engine>: N passed, M failed" from
# its output (cargo's "test result:" lines, node's "# pass"/"# fail"); its status is the command's.
count_in() {
  local engine=$1 out status
  shift
  out=$(mktemp)
  "$@" 2>&1 | tee "$out"
  status=${PIPESTATUS[0]}
  awk -v engine="$engine" '
    /^test result:/ { for (i = 1; i < NF; i++) { if ($(i + 1) ~ /^passed/) p += $i; if ($(i + 1) ~ /^failed/) f += $i } }
    /^(# |ℹ )pass [0-9]+$/ { p += $NF }
    /^(# |ℹ )fail [0-9]+$/ { f += $NF }
    END { printf "%s: %d passed, %d failed\n", engine, p, f }' "$out"
  rm -f "$out"
  return "$status"
}

stage fmt cargo fmt --all --check
stage clippy cargo clippy --workspace --all-targets --locked -- -D warnings
# Every package for wasm32 (the engine as the widget and a wasm host use it, the tool's empty main).
stage clippy-wasm cargo clippy --workspace --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
stage engine-pure engine_is_pure
stage native-tests cargo test --workspace --locked --no-fail-fast
# The widget's browser suite (the engine's and the tool's tests are native).
# --tests: doctests are run natively above; in wasm32 they would need a browser harness each.
stage node-package node_package
# static/embed.d.ts (shipped in the bundle) against a help page's TypeScript module.
stage host-types tsc -p tests/types
stage browser-tests count_in chromium cargo test -p order-help --locked --target wasm32-unknown-unknown --tests
# The same suite in Firefox (wasm-bindgen's runner takes GECKODRIVER before CHROMEDRIVER).
stage browser-tests-firefox count_in firefox env -u CHROMEDRIVER GECKODRIVER="${GECKODRIVER:-$(command -v geckodriver)}" \
  cargo test -p order-help --locked --target wasm32-unknown-unknown --tests
stage release-build trunk build --release
stage e2e count_in chromium node --test tests/e2e/*.test.mjs
# The cross-engine subset through WebDriver: Firefox ESR, and WebKitGTK (on an Xvfb display of
# its own), the engine family of Safari.
stage e2e-firefox count_in firefox env E2E_ENGINE=firefox node --test tests/e2e/engines/
stage e2e-webkit count_in webkit env E2E_ENGINE=webkit node --test tests/e2e/engines/

echo
if [ "$failed" -gt 0 ]; then
  echo "failed stages: ${failures[*]}"
fi
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
