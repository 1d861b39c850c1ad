#!/usr/bin/env bash
# `make node-package`: the engine as an npm package for Node.js back ends (node/), packed by
# `npm pack` into target/node-package/order-help-engine-<version>.tgz. Prints the tarball's path.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}

out=$PWD/target/node-package
build=$out/package
version=$(node -p "require('./node/npm/package.json').version")
crate_version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
[ "$version" = "$crate_version" ] ||
  { echo "node/npm/package.json's version $version differs from the workspace's $crate_version" >&2; exit 1; }

cargo build -p order-help-node --target wasm32-unknown-unknown --release --locked >&2
rm -rf "$build"
mkdir -p "$build"
# --target nodejs: CommonJS that reads the wasm next to it with fs; no browser APIs.
wasm-bindgen --target nodejs --out-dir "$build" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/order_help_node.wasm" 2> >(grep -v target_features >&2)
# The release profile strips symbols; wasm-opt makes the module smaller still.
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  -o "$build/order_help_node_bg.wasm" "$build/order_help_node_bg.wasm"
cp node/npm/package.json node/npm/README.md node/npm/cli.js "$build/"
rm -f "$out"/order-help-engine-*.tgz
(cd "$build" && npm pack --silent --pack-destination "$out" >/dev/null)
echo "$out/order-help-engine-$version.tgz"
