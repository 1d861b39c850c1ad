#!/usr/bin/env bash
# Installs what the project needs, each tool guarded by a version check so a second run is fast.
#   scripts/setup.sh serve   the build tools (Rust target, wasm-bindgen-cli, Trunk, wasm-opt)
#   scripts/setup.sh test    the above plus rustfmt, clippy, Chromium, ChromeDriver and npm packages
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-test}
TRUNK_VERSION=0.21.14
# The CLI must equal the wasm-bindgen crate in Cargo.lock, exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf 'setup: %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Rust: the wasm target, and the linters for the test command.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if [ "$what" = test ]; then
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "adding $component"
      rustup component add "$component"
    fi
  done
fi

# wasm-bindgen-cli: `--locked` fails against the registry mirror, so install unlocked.
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Trunk 0.21.14: 0.22 needs a newer rustc than this machine's.
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes)"
  cargo install --locked --force trunk --version "$TRUNK_VERSION"
fi

# Node.js and npm: binaryen's wasm-opt (Debian's is too old for Rust 1.95's output),
# and for the tests Playwright's driver and axe-core.
if ! have node || ! have npm; then
  apt_install nodejs npm
fi
lock_sum=$(sha256sum package-lock.json | awk '{print $1}')
if [ "$(cat node_modules/.setup-stamp 2>/dev/null)" != "$lock_sum" ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.setup-stamp
fi

# Chromium and its driver, for the browser tests (root is fine: the runners pass --no-sandbox).
if [ "$what" = test ]; then
  if ! have chromium || ! have chromedriver; then
    apt_install chromium chromium-driver
  fi
fi

say "ready ($what): rustc $(rustc --version | awk '{print $2}'), wasm-bindgen $WASM_BINDGEN_VERSION, trunk $TRUNK_VERSION, $(wasm-opt --version)"
