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

stage fmt cargo fmt --check
stage clippy cargo clippy --all-targets --locked -- -D warnings
stage clippy-wasm cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
stage native-tests cargo test --locked
# --tests: doctests are run natively above; in wasm32 they would need a browser harness each.
stage browser-tests cargo test --locked --target wasm32-unknown-unknown --tests
stage release-build trunk build --release
stage e2e node --test tests/e2e/*.test.mjs

echo
if [ "$failed" -gt 0 ]; then
  echo "failed stages: ${failures[*]}"
fi
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
