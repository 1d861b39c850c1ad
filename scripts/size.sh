#!/usr/bin/env bash
# The bytes a help page downloads for the widget, quickly (a check while working on issue 16's
# byte budget; `make bench` is the measurement of record): builds the release bundle into DIST
# (default target/size-dist) unless --no-build, then prints raw, gzip -9 and brotli (quality 11)
# for embed.js (the glue is inside it) and order-help_bg.wasm, and their total.
#   scripts/size.sh [--no-build] [DIST]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
build=1
if [ "${1:-}" = --no-build ]; then build=0; shift; fi
dist=${1:-target/size-dist}
if [ "$build" = 1 ]; then
  rm -rf "$dist"
  trunk build --release --dist "$dist" >/dev/null
fi
node - "$dist" <<'JS'
const fs = require('node:fs'), zlib = require('node:zlib'), path = require('node:path');
const dist = process.argv[2];
const rows = [];
let t = [0, 0, 0];
for (const f of ['embed.js', 'order-help_bg.wasm']) {
  const b = fs.readFileSync(path.join(dist, f));
  const g = zlib.gzipSync(b, { level: 9 }).length;
  const r = zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
  rows.push([f, b.length, g, r]);
  t = [t[0] + b.length, t[1] + g, t[2] + r];
}
rows.push(['total', ...t]);
const k = (n) => `${n} (${(n / 1024).toFixed(1)} KiB)`;
for (const [f, a, g, r] of rows) console.log(`${f.padEnd(20)} raw ${k(a).padEnd(22)} gzip ${k(g).padEnd(22)} brotli ${k(r)}`);
JS
