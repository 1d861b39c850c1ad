// The parts of benches/report.mjs that decide something, apart so tests/e2e/bench.test.mjs can
// check them without a benchmark run; and how a file's bytes are measured, shared with
// scripts/size.sh.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';

/**
 * A section written by hand in the previous BENCHMARKS.md (`oldDoc`): from the line `marker`
 * (a `## ` heading) to the next `## ` heading or the end, trailing blank lines dropped;
 * `fallback` when the old file has no such section.
 */
export function preservedSection(oldDoc, marker, fallback) {
  const escaped = marker.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const at = oldDoc.search(new RegExp(`^${escaped}[ \\t]*$`, 'm'));
  if (at < 0) return fallback;
  const next = oldDoc.slice(at + marker.length).search(/^## /m);
  return (next < 0 ? oldDoc.slice(at) : oldDoc.slice(at, at + marker.length + next)).trimEnd();
}

/**
 * The files of a bundle that a page requested, relative to the bundle's folder: `requested`
 * maps request paths (`/widget/embed.js`) to counts (browser.json's `startup.<page>.requested`);
 * `prefix` is the folder's path on the bench server (`/widget/`). Null without a browser run.
 */
export function requestedFiles(requested, prefix) {
  if (!requested) return null;
  return Object.keys(requested).filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length)).sort();
}

/**
 * Wasm memory across mount/unmount cycles (`bytesAfterCycle`: cycle → bytes): the growth over
 * the second half of the run and the average per cycle since cycle 50 (or the first
 * checkpoint after it). Memory grows in 64 KiB pages and never shrinks, so one step of the
 * allocator taken once is at most one page over the second half; a leak goes on growing.
 */
export function cycleGrowth(bytesAfterCycle) {
  if (!bytesAfterCycle || Object.keys(bytesAfterCycle).length === 0) return null;
  const b = bytesAfterCycle;
  const points = Object.keys(b).map(Number).sort((x, y) => x - y);
  const last = points.at(-1);
  const half = points.filter((p) => p <= last / 2).at(-1) ?? points[0];
  const settled = points.find((p) => p >= 50 && p < last) ?? points[0];
  const secondHalf = b[last] - b[half];
  return {
    last,
    half,
    settled,
    second_half_bytes: secondHalf,
    per_cycle_bytes: (b[last] - b[settled]) / Math.max(1, last - settled),
    leak: secondHalf > 64 * 1024,
  };
}

/**
 * The bytes of `file` as served: `{raw, gzip, brotli}`. gzip is `gzip -9 -n` (Node's zlib at
 * level 9 where there is no gzip command); brotli is quality 11, in text mode for text files.
 */
export function compressed(file) {
  const raw = readFileSync(file);
  let gzip;
  try {
    gzip = execFileSync('gzip', ['-9', '-n', '-c', file], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 }).length;
  } catch {
    gzip = zlib.gzipSync(raw, { level: 9 }).length;
  }
  const brotli = zlib.brotliCompressSync(raw, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      [zlib.constants.BROTLI_PARAM_MODE]: file.endsWith('.wasm')
        ? zlib.constants.BROTLI_MODE_GENERIC
        : zlib.constants.BROTLI_MODE_TEXT,
    },
  }).length;
  return { raw: raw.length, gzip, brotli };
}
