#!/usr/bin/env bash
# The bytes a help page downloads for the widget, quickly (a check while working on issue 16's
# byte budget; `make bench` is the measurement of record): builds the release bundle into DIST
# (default target/size-dist) unless --no-build, then prints raw, gzip -9 and brotli (quality 11)
# for embed.js (the glue is inside it) and order-help_bg.wasm, and their total, measured as `make bench`
# measures (benches/report-lib.mjs: gzip -9 -n, brotli quality 11).
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
node --input-type=module - "$dist" <<'JS'
import path from 'node:path';
import { compressed } from './benches/report-lib.mjs';
const dist = process.argv[2];
const rows = [];
const t = { raw: 0, gzip: 0, brotli: 0 };
for (const f of ['embed.js', 'order-help_bg.wasm']) {
  const c = compressed(path.join(dist, f));
  rows.push([f, c]);
  for (const k of Object.keys(t)) t[k] += c[k];
}
rows.push(['total', t]);
const k = (n) => `${n} (${(n / 1024).toFixed(1)} KiB)`;
for (const [f, c] of rows) console.log(`${f.padEnd(20)} raw ${k(c.raw).padEnd(22)} gzip ${k(c.gzip).padEnd(22)} brotli ${k(c.brotli)}`);
JS
