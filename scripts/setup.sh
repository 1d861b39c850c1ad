#!/usr/bin/env bash
# Installs what the project needs, each tool guarded by a version check so a second run is fast.
#   scripts/setup.sh serve   the build tools (Rust target, wasm-bindgen-cli, Trunk, wasm-opt)
#   scripts/setup.sh test    the above plus rustfmt, clippy, Chromium, ChromeDriver, Firefox ESR,
#                            geckodriver, WebKitGTK's WebDriver, Xvfb and npm packages
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-test}
TRUNK_VERSION=0.21.14
# geckodriver (Firefox's WebDriver) is not packaged by Debian: crates.io.
GECKODRIVER_VERSION=0.37.1
# The cross-engine stages were written against Debian 12's firefox-esr 153 and WebKitGTK 2.50;
# an older package is upgraded.
FIREFOX_MIN=153
WEBKITGTK_MIN=2.50
# playwright-core's "engines" (and the npm packages') ask for Node.js 20 or newer.
NODE_MAJOR=20
# The CLI must equal the wasm-bindgen crate in Cargo.lock, exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf 'setup: %s\n' "$*"; }
fail() { say "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

grep -qx "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml ||
  fail "Trunk.toml's [tools] wasm_bindgen must equal wasm-bindgen $WASM_BINDGEN_VERSION of Cargo.lock"

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# apt-get runs as root: directly, or through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif have sudo; then
    sudo "$@"
  else
    fail "apt-get needs root: run setup as root, or install sudo"
  fi
}
apt_updated=
apt_update() {
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    as_root apt-get update -qq
    apt_updated=1
  fi
}
apt_install() {
  apt_update
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Node.js first, so a missing or old one stops setup before the long cargo installs. Debian's
# package serves only where it is new enough (Debian 13; Debian 12's is 18).
if ! have node; then
  apt_update
  candidate=$(apt-cache policy nodejs 2>/dev/null | awk '$1 == "Candidate:" { print $2 }')
  if [ "${candidate%%.*}" -ge "$NODE_MAJOR" ] 2>/dev/null; then
    apt_install nodejs npm
  else
    fail "Node.js >= $NODE_MAJOR is needed and none is installed (apt offers ${candidate:-none}): install Node.js $NODE_MAJOR or newer, then run again"
  fi
fi
node_version=$(node --version)
node_major=${node_version#v}
node_major=${node_major%%.*}
[ "$node_major" -ge "$NODE_MAJOR" ] ||
  fail "Node.js $node_version found at $(command -v node), but >= $NODE_MAJOR is needed (playwright-core): install Node.js $NODE_MAJOR or newer, then run again"
have npm || apt_install npm

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

# A C compiler and linker, for the cargo installs and the native builds.
have cc || apt_install gcc libc6-dev

# jq: the README's "From your platform" command lines use it, and a Node test runs them as written.
have jq || apt_install jq

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

# geckodriver builds (CPU) while npm and apt below download (network, disk); awaited with the
# other browsers. The debug profile without debug info: it only relays WebDriver commands, and
# builds in less than half the time of the release profile.
gecko_pid=
if [ "$what" = test ] && [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1 { print $2 }')" != "$GECKODRIVER_VERSION" ]; then
  gecko_log=$(mktemp)
  say "installing geckodriver $GECKODRIVER_VERSION in the background (about 2 minutes)"
  CARGO_PROFILE_DEV_DEBUG=0 cargo install --locked --debug --force geckodriver --version "$GECKODRIVER_VERSION" >"$gecko_log" 2>&1 &
  gecko_pid=$!
  # Setup failing before the wait below stops it too.
  trap '[ -z "$gecko_pid" ] || kill "$gecko_pid" 2>/dev/null || true' EXIT
fi

# npm packages: binaryen's wasm-opt (Debian's is too old for Rust 1.95's output), and for the
# tests Playwright's driver and axe-core.
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

# `package` installed at `min` or newer (dpkg's version order)?
apt_at_least() {
  local version
  version=$(dpkg-query -W -f='${Version}' "$1" 2>/dev/null) && dpkg --compare-versions "$version" ge "$2"
}

# Firefox ESR and geckodriver, WebKitGTK's WebDriver (with MiniBrowser) and Xvfb for its display:
# the widget's browser suite in Firefox and the cross-engine e2e subset (tests/e2e/engines/).
if [ "$what" = test ]; then
  packages=()
  apt_at_least firefox-esr "$FIREFOX_MIN" || packages+=(firefox-esr)
  apt_at_least webkit2gtk-driver "$WEBKITGTK_MIN" || packages+=(webkit2gtk-driver)
  have Xvfb || packages+=(xvfb)
  have xauth || packages+=(xauth) # xvfb-run needs it (xvfb only recommends it)
  [ "${#packages[@]}" -eq 0 ] || apt_install "${packages[@]}"
  if [ -n "$gecko_pid" ]; then
    wait "$gecko_pid" || { cat "$gecko_log" >&2; fail "geckodriver $GECKODRIVER_VERSION did not install (its cargo output is above)"; }
    gecko_pid=
    say "geckodriver $GECKODRIVER_VERSION installed"
  fi
fi

say "ready ($what): rustc $(rustc --version | awk '{print $2}'), wasm-bindgen $WASM_BINDGEN_VERSION, trunk $TRUNK_VERSION, $(wasm-opt --version)"
if [ "$what" = test ]; then
  say "browsers: $(chromium --version 2>/dev/null), $(firefox-esr --version) with geckodriver $GECKODRIVER_VERSION, WebKitGTK $(dpkg-query -W -f='${Version}' webkit2gtk-driver)"
fi
