// A quick startup check while working on issue 16 (not part of `make bench`, which is the
// measurement of record): loads the bench page (10 items, inline order) in English and German,
// alternated, a fresh context per load, and prints the medians of instantiated → first complete
// render, navigation → first complete render, and the longest task after instantiation.
// With --trace FILE it also writes a Chromium performance trace of one load per language
// (FILE-en.json, FILE-de.json), of the first DIST.
//
//   node benches/startup.mjs DIST [DIST2 …] [--loads N] [--trace FILE] [--lang en,de]
//
// Several DISTs are loaded alternately (A/B), so a busy machine's noise falls on all alike.
import http from 'node:http';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { LAUNCH, MIME, listenLocally } from '../tests/e2e/chromium.mjs';
import { pageInit } from './page-probe.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { loads: { type: 'string' }, trace: { type: 'string' }, lang: { type: 'string' } },
});
const dists = positionals.length ? positionals : ['dist'];
const LOADS = Number(args.loads ?? 15);
const LANGS = (args.lang ?? 'en,de').split(',');
const ORDER = await readFile(path.join(here, 'fixtures', 'order-10.json'), 'utf8');
const NOW = '2025-03-20T10:05:00-07:00';

const page = (dist, locale) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>startup</title>
<link rel="preload" href="/${dist}/order-help_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<script type="module" src="/${dist}/embed.js"></script>
</head><body>
<order-help now="${NOW}" locale="${locale}"><script type="application/json">${ORDER.replace(/</g, '\\u003c')}</script></order-help>
</body></html>`;
// Named as browser.mjs names its widget pages, which the shared probe watches for a render.
const PAGE_NAMES = { en: 'startup-widget.html', de: 'startup-widget-de.html' };
const PAGES = Object.fromEntries(dists.flatMap((_, d) => [
  [`/${d}/${PAGE_NAMES.en}`, page(d, 'en-US')],
  [`/${d}/${PAGE_NAMES.de}`, page(d, 'de-DE')],
]));

const server = http.createServer(async (req, res) => {
  const { pathname } = new URL(req.url, 'http://x');
  const headers = { 'cache-control': 'no-store' };
  try {
    if (PAGES[pathname]) {
      res.writeHead(200, { ...headers, 'content-type': MIME['.html'] });
      return res.end(PAGES[pathname]);
    }
    const [, d, ...rest] = pathname.split('/');
    if (!dists[d] || rest.includes('..')) throw new Error();
    const file = path.join(dists[d], ...rest);
    if (!(await stat(file)).isFile()) throw new Error();
    res.writeHead(200, { ...headers, 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404);
    res.end();
  }
});
const { origin, close } = await listenLocally(server);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const browser = await chromium.launch(LAUNCH);
async function load(d, lang, trace) {
  const context = await browser.newContext();
  try {
    const p = await context.newPage();
    await p.addInitScript(pageInit);
    if (trace) await browser.startTracing(p, { path: trace, screenshots: false });
    await p.goto(`${origin}/${d}/${PAGE_NAMES[lang]}`);
    await p.waitForFunction(() => window.__bench.firstRender !== null, null, { timeout: 30_000 });
    await p.waitForTimeout(60); // the longtask entries of the render's task
    if (trace) await browser.stopTracing();
    return await p.evaluate(() => {
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      const { firstRender, instantiated, longTasks } = window.__bench;
      return { firstRender, instantiated, longTasks, wasmStart: wasm?.startTime, wasmEnd: wasm?.responseEnd };
    });
  } finally {
    await context.close();
  }
}
const runs = dists.flatMap((_, d) => LANGS.map((lang) => [d, lang]));
const out = Object.fromEntries(runs.map(([d, l]) => [`${d}/${l}`, { after: [], total: [], longest: [], wasmStart: [], wasmEnd: [], instantiated: [] }]));
for (let i = 0; i < LOADS + 2; i++) {
  for (const [d, lang] of i % 2 ? [...runs].reverse() : runs) {
    const b = await load(d, lang);
    if (i < 2) continue; // warm-up
    const key = `${d}/${lang}`;
    out[key].after.push(b.firstRender - b.instantiated);
    out[key].total.push(b.firstRender);
    out[key].wasmStart.push(b.wasmStart);
    out[key].wasmEnd.push(b.wasmEnd);
    out[key].instantiated.push(b.instantiated);
    const after = b.longTasks.filter((t) => t.start + t.duration >= b.instantiated).map((t) => t.duration);
    out[key].longest.push(after.length ? Math.max(...after) : 0);
  }
}
for (const [d, lang] of runs) {
  const o = out[`${d}/${lang}`];
  console.log(`${dists[d]} ${lang}: instantiated→render ${median(o.after).toFixed(1)} ms, navigation→render ${median(o.total).toFixed(1)} ms, `
    + `longest task after instantiation ${median(o.longest).toFixed(1)} ms (max ${Math.max(...o.longest).toFixed(1)}) [${LOADS} loads]`);
  console.log(`    wasm requested ${median(o.wasmStart).toFixed(1)}, received ${median(o.wasmEnd).toFixed(1)}, instantiated ${median(o.instantiated).toFixed(1)} ms`);
}
if (LANGS.includes('en') && LANGS.includes('de')) {
  dists.forEach((dist, d) => console.log(`${dist} de/en navigation→render: ${(median(out[`${d}/de`].total) / median(out[`${d}/en`].total)).toFixed(2)}`));
}
if (args.trace) {
  for (const lang of LANGS) {
    const file = args.trace.replace(/(\.json)?$/, `-${lang}.json`);
    await load(0, lang, file);
    console.log(`trace: ${file}`);
  }
}
await browser.close();
await close();
