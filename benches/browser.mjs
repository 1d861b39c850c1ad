// The browser half of `make bench` (issue 6), in headless Debian Chromium via playwright-core:
// startup (widget vs baseline, alternated), the engine through the wasm `assess` export and
// engine-only, the countdown tick (time and DOM mutations, on Playwright's fake clock) and the
// wasm linear memory. Writes its raw results as JSON; benches/report.mjs turns them into the
// table, BENCHMARKS.md and benchmarks.json.
//
//   node benches/browser.mjs --widget DIR --baseline DIR [--engine DIR] --orders FILE --out FILE
//
// DIRs are release bundles (`trunk build --release --dist DIR`); --engine is the bench-only
// engine module (benches/wasm-engine); --orders is what engine/benches/engine.rs writes with
// BENCH_ORDERS_FILE (the same generated orders the native benchmark assesses).
//
// Environment: BENCH_LOADS (startup loads per page, default 21, at least 15), BENCH_TICKS
// (measured ticks, default 600), BENCH_MEMORY_TICKS (default 10000), BENCH_CYCLES (default 600), BENCH_FREE=1 (the cycles call
// `free()` on each handle, to tell a leak from handles waiting for the garbage collector),
// BENCH_STAGES=startup,engine,ticks,cycles (only those).
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { LAUNCH, MIME, listenLocally } from '../tests/e2e/chromium.mjs';
import { pageInit } from './page-probe.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, 'fixtures');

const { values: args } = parseArgs({
  options: {
    widget: { type: 'string' },
    baseline: { type: 'string' },
    engine: { type: 'string' },
    named: { type: 'string' },
    orders: { type: 'string' },
    out: { type: 'string' },
  },
});
for (const required of ['widget', 'baseline', 'out']) {
  if (!args[required]) throw new Error(`--${required} is required`);
}
const LOADS = Math.max(15, Number(process.env.BENCH_LOADS ?? 21));
const WARMUP_LOADS = 2;
const TICKS = Number(process.env.BENCH_TICKS ?? 600);
const MEMORY_TICKS = Number(process.env.BENCH_MEMORY_TICKS ?? 10_000);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 600);
const REAL_TICK_SECONDS = 8;

// The fixtures and the instants they are shown at.
const ORDER_10 = JSON.parse(await readFile(path.join(FIXTURES, 'order-10.json'), 'utf8'));
const ORDER_10_NOW = '2025-03-20T10:05:00-07:00';
const ORDER_50 = JSON.parse(await readFile(path.join(FIXTURES, 'order-50-countdowns.json'), 'utf8'));
// 3594 s before 40 of the 50 return windows close (31 March 23:59:59 PDT): every second
// changes those 40 countdowns; the other 10 show whole days and must not change.
const TICK_START = Date.parse('2025-03-31T23:00:05-07:00');

// ---------------------------------------------------------------------------------------------
// The server: the two bundles, the engine module and the bench pages, on 127.0.0.1 and a free
// port. Cross-origin isolated (COOP + COEP), so performance.now() has its fine resolution.


const escapeScript = (json) => json.replace(/</g, '\\u003c');
// The widget's page is what the README tells a help page to write: one <script> for embed.js,
// with its hash (the release build puts the glue inside embed.js and the wasm's hash too, so
// embed.js fetches the wasm itself; a preload of the glue or of the wasm would be a download
// of its own that nothing uses). The German page is the same with `locale="de-DE"`: the
// catalogue (locales/de.json) is loaded on demand.
const widgetIntegrity = (() => {
  try {
    return JSON.parse(readFileSync(path.join(args.widget, 'integrity.json'), 'utf8'))['embed.js'] ?? null;
  } catch {
    return null;
  }
})();
const widgetPage = (lang, locale) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>widget startup</title>
<script type="module" src="/widget/embed.js"${widgetIntegrity ? ` integrity="${widgetIntegrity}" crossorigin="anonymous"` : ''}></script>
</head><body>
<order-help now="${ORDER_10_NOW}" locale="${locale}"><script type="application/json">${escapeScript(JSON.stringify(ORDER_10))}</script></order-help>
</body></html>`;
const PAGES = {
  'startup-widget.html': widgetPage('en', 'en-US'),
  'startup-widget-de.html': widgetPage('de', 'de-DE'),
  'startup-baseline.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>baseline startup</title>
<link rel="modulepreload" href="/baseline/order-help-baseline.js">
<link rel="preload" href="/baseline/order-help-baseline_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<script type="module" src="/baseline/main.js"></script>
</head><body></body></html>`,
  'profile-widget.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>widget profile</title>
<script type="module">
import init, { mount } from '/named/order-help.js';
await init({ module_or_path: '/named/order-help_bg.wasm' });
window.__named = { mount };
</script>
</head><body><div id="host"></div></body></html>`,
  'blank.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>',
};

async function startServer() {
  const roots = { widget: args.widget, baseline: args.baseline, engine: args.engine, named: args.named };
  const server = http.createServer(async (req, res) => {
    const headers = {
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
    };
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const [, top, ...rest] = pathname.split('/');
    const rel = rest.join('/');
    try {
      let body;
      let type;
      if (top === 'pages' && Object.hasOwn(PAGES, rel)) {
        body = PAGES[rel];
        type = MIME['.html'];
      } else if (roots[top] && !rel.split('/').includes('..')) {
        const file = path.join(roots[top], rel);
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        body = await readFile(file);
        type = MIME[path.extname(file)] ?? 'application/octet-stream';
      } else {
        throw new Error('no such path');
      }
      res.writeHead(200, { ...headers, 'content-type': type });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return listenLocally(server);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return null;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const stats = (xs) => ({
  n: xs.length,
  median: median(xs),
  p10: quantile(xs, 0.1),
  p90: quantile(xs, 0.9),
  min: Math.min(...xs),
  max: Math.max(...xs),
});

function log(...parts) {
  console.log('bench:', ...parts);
}

// ---------------------------------------------------------------------------------------------
// 1. Startup: navigation start → first complete render; a fresh context (no cache) per load,
// widget and baseline alternated (ABBA), the first loads of each discarded as warm-up.

const STARTUP_PAGES = ['widget', 'baseline', 'widget-de'];
// The phases of the widget's startup, between the marks static/embed.js sets (and the
// harness's own "first complete render"), in the order they happen.
const PHASES = [
  ['navigation → embed.js runs', null, 'order-help:start'],
  // fetch() with an `integrity` resolves once the whole file has arrived and been checked.
  ['embed.js runs → wasm fetched (the whole file, its hash checked)', 'order-help:start', 'order-help:fetched'],
  ['wasm fetched → compiled + instantiated', 'order-help:fetched', 'order-help:instantiated'],
  ['instantiated → element starts loading (module done, element defined, connected)', 'order-help:instantiated', 'order-help:load'],
  ['loading: inline order read, catalogue fetched if needed', 'order-help:load', 'order-help:mount'],
  ['`mount()` in the wasm (configuration read, app created)', 'order-help:mount', 'order-help:mounted'],
  ['after `mount()` → first complete render (the first render)', 'order-help:mounted', 'bench:first-render'],
];

async function startup(browser, origin) {
  const samples = Object.fromEntries(STARTUP_PAGES.map((p) => [p, []]));
  const wasmLoaded = Object.fromEntries(STARTUP_PAGES.map((p) => [p, []]));
  const instantiated = Object.fromEntries(STARTUP_PAGES.map((p) => [p, []]));
  const longest = Object.fromEntries(STARTUP_PAGES.map((p) => [p, []]));
  const longTaskCounts = Object.fromEntries(STARTUP_PAGES.map((p) => [p, []]));
  const phases = Object.fromEntries(STARTUP_PAGES.map((p) => [p, PHASES.map(() => [])]));
  // Every file each page requested, from Playwright's request events: what the bytes count.
  const requested = Object.fromEntries(STARTUP_PAGES.map((p) => [p, new Map()]));
  const baselineMemory = [];
  let longTasksSupported = true;
  const loadOnce = async (which) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.addInitScript(pageInit);
      const errors = [];
      const urls = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => urls.push(r.url()));
      await page.goto(`${origin}/pages/startup-${which}.html`);
      try {
        await page.waitForFunction(() => window.__bench.firstRender !== null, null, { timeout: 30_000 });
      } catch (e) {
        throw new Error(`${which}: no complete render within 30 s (${errors.join('; ') || e.message})`);
      }
      const r = await page.evaluate(async () => {
        const bench = window.__bench;
        // The task that rendered has ended once a new task runs; its long-task entry is then
        // delivered.
        await new Promise((resolve) => setTimeout(resolve, 100));
        const tasks = bench.longTasks === null
          ? null
          : [...bench.longTasks, ...bench.longTaskObserver.takeRecords().map((e) => ({ start: e.startTime, duration: e.duration }))]
            .filter((t) => t.start < bench.firstRender);
        const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
        const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
        return {
          firstRender: bench.firstRender,
          wasmResponseEnd: wasm?.responseEnd ?? null,
          instantiated: bench.instantiated,
          isolated: crossOriginIsolated,
          memory: globalThis.__baselineWasm?.memory.buffer.byteLength ?? null,
          longTasks: tasks,
          marks,
        };
      });
      r.urls = urls;
      return r;
    } finally {
      await context.close();
    }
  };
  let isolated = true;
  for (let i = 0; i < WARMUP_LOADS + LOADS; i++) {
    // Rotated, so no page is always first or last after another.
    const order = STARTUP_PAGES.map((_, k) => STARTUP_PAGES[(i + k) % STARTUP_PAGES.length]);
    for (const which of order) {
      const r = await loadOnce(which);
      isolated &&= r.isolated;
      for (const url of r.urls) {
        const { pathname } = new URL(url);
        if (pathname.startsWith('/pages/')) continue;
        requested[which].set(pathname, (requested[which].get(pathname) ?? 0) + 1);
      }
      if (i < WARMUP_LOADS) continue;
      samples[which].push(r.firstRender);
      if (r.wasmResponseEnd !== null) wasmLoaded[which].push(r.wasmResponseEnd);
      if (r.instantiated !== null) instantiated[which].push(r.instantiated);
      if (r.memory !== null) baselineMemory.push(r.memory);
      if (r.longTasks === null) longTasksSupported = false;
      else {
        longest[which].push(Math.max(0, ...r.longTasks.map((t) => t.duration)));
        longTaskCounts[which].push(r.longTasks.length);
      }
      const at = { ...r.marks, 'bench:first-render': r.firstRender };
      PHASES.forEach(([, from, to], k) => {
        const a = from === null ? 0 : at[from];
        const b = at[to];
        if (a !== undefined && b !== undefined) phases[which][k].push(b - a);
      });
    }
  }
  log(`startup: widget ${median(samples.widget).toFixed(1)} ms, German ${median(samples['widget-de']).toFixed(1)} ms, baseline ${median(samples.baseline).toFixed(1)} ms (median of ${LOADS})`);
  const perPage = (which) => ({
    first_render_ms: stats(samples[which]),
    first_render_samples_ms: samples[which],
    // When the wasm's last byte had arrived (Resource Timing): the rest is compiling,
    // instantiating, starting and rendering.
    wasm_loaded_ms: stats(wasmLoaded[which]),
    // When WebAssembly.instantiate(Streaming) resolved: compiled and instantiated.
    instantiated_ms: stats(instantiated[which]),
    // instantiated → first complete render, per load.
    instantiated_to_render_ms: stats(samples[which].map((f, k) => f - (instantiated[which][k] ?? NaN)).filter(Number.isFinite)),
    // The longest task (over 50 ms: the Long Tasks API reports no shorter one; 0 = none)
    // between navigation and first complete render, per load.
    longest_task_ms: longTasksSupported ? stats(longest[which]) : null,
    loads_with_long_task: longTasksSupported ? longTaskCounts[which].filter((n) => n > 0).length : null,
    phases: PHASES.map(([label, from, to], k) => ({ label, from, to, ...stats(phases[which][k]) })).filter((p) => p.n > 0),
    // Each path requested, and in how many of the loads (warm-up included).
    requested: Object.fromEntries([...requested[which]].sort()),
  });
  return {
    loads: LOADS,
    warmup_loads: WARMUP_LOADS,
    cross_origin_isolated: isolated,
    long_tasks_supported: longTasksSupported,
    widget: perPage('widget'),
    widget_de: perPage('widget-de'),
    baseline: perPage('baseline'),
    baseline_memory_bytes: median(baselineMemory),
  };
}

// ---------------------------------------------------------------------------------------------
// 2. The engine in the browser: the widget's `assess` export (reads the order from a JS object,
// writes the assessment back as JS objects) and, where built, the engine alone.

async function engine(browser, origin) {
  if (!args.orders) return { skipped: 'no --orders file (the native engine benchmark did not run)' };
  const generated = JSON.parse(await readFile(args.orders, 'utf8'));
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(pageInit);
    await page.goto(`${origin}/pages/blank.html`);
    return await page.evaluate(async ({ generated, withEngine }) => {
      const now = performance.now.bind(performance);
      const median = (xs) => {
        const s = [...xs].sort((a, b) => a - b);
        return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
      };
      // Per-call time: batches of k calls, k doubled until a batch takes ≥ 10 ms, then 31
      // batches; the median per-call time over the batches.
      const timePerCall = (run) => {
        let k = 1;
        for (;;) {
          const t0 = now();
          run(k);
          if (now() - t0 >= 10 || k >= 1 << 24) break;
          k *= 2;
        }
        const perCall = [];
        for (let b = 0; b < 31; b++) {
          const t0 = now();
          run(k);
          perCall.push(((now() - t0) / k) * 1000);
        }
        return { median_us: median(perCall), min_us: Math.min(...perCall), batch: k, batches: perCall.length };
      };
      const result = { now: generated.now, export: {}, engine_only: {} };
      const widget = await import('/widget/order-help.js');
      await widget.default({ module_or_path: '/widget/order-help_bg.wasm' });
      for (const [size, order] of Object.entries(generated.orders)) {
        const check = widget.assess(order, null, generated.now);
        if (check.items.length !== Number(size)) throw new Error(`assess(${size} items) returned ${check.items.length}`);
        result.export[size] = timePerCall((k) => {
          for (let i = 0; i < k; i++) widget.assess(order, null, generated.now);
        });
      }
      if (withEngine) {
        const engine = await import('/engine/order-help-bench-engine.js');
        await engine.default({ module_or_path: '/engine/order-help-bench-engine_bg.wasm' });
        const nowMs = Date.parse(generated.now);
        for (const [size, order] of Object.entries(generated.orders)) {
          const items = engine.prepare(JSON.stringify(order));
          if (engine.assess_prepared(1, nowMs) !== items) throw new Error('the engine module assessed nothing');
          result.engine_only[size] = timePerCall((k) => engine.assess_prepared(k, nowMs));
        }
      }
      return result;
    }, { generated, withEngine: Boolean(args.engine) });
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 3 and 5. The countdown tick and the memory, on a page that imports the glue directly (its
// `init` returns the wasm exports, `memory` among them) and mounts with the JS API.
//
// In-page instrumentation: `setTimeout` is wrapped after the fake clock is installed, so each
// timer callback is timed: from its start to a microtask queued right after it returns. Yew
// renders in a microtask (its scheduler's spawn_local) that the callback queued, so that end
// mark comes after the render and the effects that re-arm the next timer. A MutationObserver on
// the shadow root counts each tick's mutation records; after each tick the page compares every
// text node and attribute of the shadow root with the previous tick, to count what changed.

function tickPageSetup() {
  const bench = window.__bench;
  const realNow = bench.realNow;
  Object.assign(bench, {
    tick: 0,
    callbacks: [],
    records: new Map(),
    recordTypes: { characterData: 0, childList: 0, attributes: 0 },
    armed: 0,
    wakes: 0,
  });
  // Both kinds of timer: the widget's clock arms a `setTimeout` for the next instant anything
  // shown changes, and, while the page is visible, a 1 s `setInterval` that checks the wall
  // clock for jumps and fires what is due (src/clock.rs). When both fall on the same
  // millisecond the interval may fire the wake, so a tick's work is whichever callbacks ran in
  // that second, summed. Only `setTimeout` calls count as re-arming.
  const wrap = (name) => {
    const fake = window[name];
    if (name === 'setTimeout') bench.rawSetTimeout = fake.bind(window);
    window[name] = function (callback, delay, ...rest) {
      if (name === 'setTimeout') bench.armed += 1;
      if (typeof callback !== 'function') return fake.call(this, callback, delay, ...rest);
      return fake.call(this, function (...cbArgs) {
        bench.tick += 1;
        const entry = { tick: bench.tick, kind: name, start: realNow(), end: null, armedBefore: bench.armed, armedAfter: null };
        bench.callbacks.push(entry);
        try {
          return callback.apply(this, cbArgs);
        } finally {
          queueMicrotask(() => {
            entry.end = realNow();
            entry.armedAfter = bench.armed;
            // A wake fired: something shown changed and the next wake was armed.
            if (entry.armedAfter > entry.armedBefore) bench.wakes += 1;
          });
        }
      }, delay, ...rest);
    };
  };
  wrap('setTimeout');
  wrap('setInterval');
  // What the shadow root shows: every text node's text and every element's attributes, in
  // document order.
  bench.snapshot = (root) => {
    const texts = [];
    const attrs = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) texts.push(node.data);
      else attrs.push(node.tagName + ' ' + [...node.attributes].map((a) => `${a.name}=${a.value}`).join(' '));
    }
    const timers = [...root.querySelectorAll('[role=timer]')].map((t) => t.textContent);
    return { texts, attrs, timers };
  };
  bench.diff = (before, after) => {
    const d = { structural: false, texts: 0, attrs: 0, timers: 0 };
    if (before.texts.length !== after.texts.length || before.attrs.length !== after.attrs.length) {
      d.structural = true;
    }
    for (let i = 0; i < Math.min(before.texts.length, after.texts.length); i++) {
      if (before.texts[i] !== after.texts[i]) d.texts += 1;
    }
    for (let i = 0; i < Math.min(before.attrs.length, after.attrs.length); i++) {
      if (before.attrs[i] === after.attrs[i]) continue;
      // Count each attribute that differs.
      const a = before.attrs[i].split(' ');
      const b = after.attrs[i].split(' ');
      const set = new Set(a);
      d.attrs += Math.max(1, b.filter((x) => !set.has(x)).length, a.filter((x) => !new Set(b).has(x)).length);
    }
    for (let i = 0; i < Math.min(before.timers.length, after.timers.length); i++) {
      if (before.timers[i] !== after.timers[i]) d.timers += 1;
    }
    return d;
  };
  // Resolves after pending microtasks and one real task (MessageChannel is not faked).
  bench.settle = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

async function mountForTicks(page, order, nowMs) {
  return page.evaluate(async ({ order, nowMs }) => {
    const bench = window.__bench;
    const glue = await import('/widget/order-help.js');
    bench.wasm = await glue.default({ module_or_path: '/widget/order-help_bg.wasm' });
    bench.memoryAtInit = bench.wasm.memory.buffer.byteLength;
    const host = document.createElement('div');
    document.body.append(host);
    bench.handle = glue.mount(host, { order, now: nowMs, locale: 'en-US' });
    bench.update = (config) => bench.handle.update(config);
    await bench.settle();
    const root = host.shadowRoot;
    bench.root = root;
    const observer = new MutationObserver((records) => {
      bench.records.set(bench.tick, (bench.records.get(bench.tick) ?? 0) + records.length);
      for (const r of records) bench.recordTypes[r.type] += 1;
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    bench.previous = bench.snapshot(root);
    return {
      items: root.querySelectorAll('li[data-item]').length,
      timers: root.querySelectorAll('[role=timer]').length,
      memoryAtInit: bench.memoryAtInit,
      memoryAfterMount: bench.wasm.memory.buffer.byteLength,
      isolated: crossOriginIsolated,
    };
  }, { order, nowMs });
}

async function jsHeap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function ticksAndMemory(browser, origin) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(pageInit);
    await page.clock.install({ time: TICK_START - 60_000 });
    await page.goto(`${origin}/pages/blank.html`);
    await page.clock.pauseAt(TICK_START);
    await page.evaluate(tickPageSetup);
    const mounted = await mountForTicks(page, ORDER_50, TICK_START);
    if (mounted.items !== 50 || mounted.timers !== 50) {
      throw new Error(`the 50-item order shows ${mounted.items} items and ${mounted.timers} countdowns, expected 50 and 50`);
    }

    // 3. The measured ticks: one second at a time.
    const perTick = [];
    for (let i = 0; i < TICKS; i++) {
      await page.clock.runFor(1000);
      perTick.push(await page.evaluate(() => {
        const bench = window.__bench;
        const now = bench.snapshot(bench.root);
        const diff = bench.diff(bench.previous, now);
        bench.previous = now;
        const fired = bench.callbacks.filter((c) => c.tick > (bench.lastSeen ?? 0));
        bench.lastSeen = bench.tick;
        return {
          callbacks: fired.length,
          kinds: fired.map((c) => c.kind),
          // The tick's work: from the first callback's start to the last one's end.
          ms: fired.length && fired.every((c) => c.end !== null)
            ? [Math.max(...fired.map((c) => c.end)) - Math.min(...fired.map((c) => c.start))]
            : [],
          busyMs: fired.reduce((n, c) => n + (c.end ?? c.start) - c.start, 0),
          rearmed: fired.some((c) => c.armedAfter > c.armedBefore),
          records: fired.reduce((n, c) => n + (bench.records.get(c.tick) ?? 0), 0),
          ...diff,
        };
      }));
    }
    const tickMs = perTick.flatMap((t) => t.ms);
    const expected = (t) => t.texts + t.attrs;
    const mismatched = perTick.filter((t) => t.structural || t.records !== expected(t));
    const tick = {
      ticks: perTick.length,
      ticks_timed: tickMs.length,
      ms: stats(tickMs),
      samples_ms: tickMs,
      ticks_without_callback: perTick.filter((t) => t.callbacks === 0).length,
      // Every measured second must change the 40 short countdowns.
      ticks_without_change: perTick.filter((t) => t.timers === 0).length,
      callbacks_by_kind: perTick.flatMap((t) => t.kinds).reduce((n, k) => ({ ...n, [k]: (n[k] ?? 0) + 1 }), {}),
      ticks_not_rearmed: perTick.filter((t) => t.callbacks > 0 && !t.rearmed).length,
      mutations_per_tick: stats(perTick.map((t) => t.records)),
      changed_texts_per_tick: stats(perTick.map((t) => t.texts)),
      changed_attributes_per_tick: stats(perTick.map((t) => t.attrs)),
      changed_countdowns_per_tick: stats(perTick.map((t) => t.timers)),
      structural_ticks: perTick.filter((t) => t.structural).length,
      mismatched_ticks: mismatched.length,
      mismatch_examples: mismatched.slice(0, 5).map((t, i) => ({ index: perTick.indexOf(t), ...t, ms: undefined })),
      mutation_record_types: await page.evaluate(() => window.__bench.recordTypes),
    };
    if (tickMs.length === 0) {
      throw new Error(`no tick was timed: in ${perTick.length} seconds no timer callback ran (setTimeout and setInterval are wrapped); has the widget's clock changed how it wakes (src/clock.rs)?`);
    }
    log(`tick: median ${tick.ms.median.toFixed(3)} ms over ${tick.ticks_timed} ticks (${JSON.stringify(tick.callbacks_by_kind)}); mutations/tick median ${tick.mutations_per_tick.median}, changed countdowns median ${tick.changed_countdowns_per_tick.median}, mismatched ticks ${tick.mismatched_ticks}`);

    // 5. Memory: on to MEMORY_TICKS ticks (wakes that changed the countdowns and re-armed). The
    // 40 short countdowns tick every second only in their last hour, so every ~2900 s the
    // widget's clock is moved back to the start with `update({ now })` (as a host's time travel
    // would), and the ticks go on.
    const memoryAfterMount = mounted.memoryAfterMount;
    let jumps = 0;
    for (;;) {
      const ticks = await page.evaluate(() => window.__bench.wakes);
      if (ticks >= MEMORY_TICKS) break;
      const chunk = Math.min(MEMORY_TICKS - ticks, 2900);
      await page.clock.runFor(chunk * 1000);
      const after = await page.evaluate(() => window.__bench.wakes);
      if (after < MEMORY_TICKS) {
        await page.evaluate((now) => window.__bench.update({ now }), TICK_START);
        jumps += 1;
      }
      if (after === ticks) throw new Error('the widget stopped ticking');
    }
    await page.evaluate(() => window.__bench.settle());
    const afterTicks = await page.evaluate(() => ({
      ticks: window.__bench.wakes,
      bytes: window.__bench.wasm.memory.buffer.byteLength,
      items: window.__bench.root.querySelectorAll('li[data-item]').length,
    }));
    log(`memory: ${memoryAfterMount} B after mount, ${afterTicks.bytes} B after ${afterTicks.ticks} ticks (${jumps} clock jumps back)`);
    return {
      tick,
      memory: {
        at_init_bytes: mounted.memoryAtInit,
        after_mount_bytes: memoryAfterMount,
        after_ticks_bytes: afterTicks.bytes,
        ticks_run: afterTicks.ticks,
        clock_jumps_back: jumps,
      },
    };
  } finally {
    await context.close();
  }
}

// 5 (continued). Mount/unmount cycles on a fresh page with the real clock.
async function cycles(browser, origin) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.addInitScript(pageInit);
    await page.goto(`${origin}/pages/blank.html`);
    await page.evaluate(tickPageSetup);
    await page.evaluate(async () => {
      const bench = window.__bench;
      bench.glue = await import('/widget/order-help.js');
      bench.wasm = await bench.glue.default({ module_or_path: '/widget/order-help_bg.wasm' });
      bench.host = document.createElement('div');
      document.body.append(bench.host);
    });
    // A check of the fake clock's figures: a few ticks on the real clock (real setTimeout,
    // real Intl), timed the same way.
    const realTicks = await page.evaluate(async ({ order, seconds }) => {
      const bench = window.__bench;
      const handle = bench.glue.mount(bench.host, { order, now: Date.parse('2025-03-31T23:00:05-07:00'), locale: 'en-US' });
      await bench.settle();
      const from = bench.callbacks.length;
      await new Promise((resolve) => bench.rawSetTimeout(resolve, seconds * 1000 + 200));
      // The wakes (callbacks that re-armed: something shown changed); the 1 s wall-clock checks
      // in between change nothing and are left out.
      const ms = bench.callbacks.slice(from).filter((c) => c.end !== null && c.armedAfter > c.armedBefore).map((c) => c.end - c.start);
      handle.unmount();
      await bench.settle();
      return ms;
    }, { order: ORDER_50, seconds: REAL_TICK_SECONDS });
    log(`real-clock ticks: ${realTicks.map((x) => x.toFixed(2)).join(' ')} ms`);
    // Checkpoints: early ones, then every 10 % of the run, so growth that goes on (a leak)
    // can be told from one step of the allocator (a 64 KiB page taken once and kept).
    const checkpoints = new Set([1, 10, 25, 50, CYCLES]);
    for (let c = 100; c < CYCLES; c += Math.max(50, Math.round(CYCLES / 10 / 50) * 50)) checkpoints.add(c);
    const bytes = {};
    const heap = {};
    let done = 0;
    while (done < CYCLES) {
      const next = Math.min(...[...checkpoints].filter((c) => c > done));
      const r = await page.evaluate(async ({ from, to, order, now, free }) => {
        const bench = window.__bench;
        let items = 0;
        for (let i = from; i < to; i++) {
          const handle = bench.glue.mount(bench.host, { order, now, locale: 'en-US' });
          await bench.settle();
          items = bench.host.shadowRoot.querySelectorAll('li[data-item]').length;
          // As a host page does: unmount, and drop the handle (no `free()`: the glue's
          // FinalizationRegistry frees it once collected).
          handle.unmount();
          if (free) handle.free();
          await bench.settle();
        }
        return { items, bytes: bench.wasm.memory.buffer.byteLength };
      }, { from: done, to: next, order: ORDER_50, now: TICK_START, free: Boolean(process.env.BENCH_FREE) });
      if (r.items !== 50) throw new Error(`cycle ${next}: ${r.items} items rendered, expected 50`);
      done = next;
      bytes[done] = r.bytes;
      heap[done] = await jsHeap(cdp);
    }
    log(`cycles: ${JSON.stringify(bytes)}`);
    return {
      cycles: CYCLES,
      bytes_after_cycle: bytes,
      js_heap_after_cycle: heap,
      real_clock_ticks_ms: realTicks,
      real_clock_tick_median_ms: median(realTicks),
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 6. Where the milliseconds from instantiated to first complete render go: V8's sampling CPU
// profiler (100 µs) over `mount()` of the 10-item order until the complete markup is there, on
// the widget built with symbol names (--named: target/bench/named, the same code as the shipped
// wasm, wasm-opt'd with --debuginfo), PROFILE_RUNS fresh pages. Per function: self time (the
// samples where it is on top) and total time (the samples where it is anywhere on the stack),
// averaged over the runs.
const PROFILE_RUNS = 5;
async function profile(browser, origin) {
  if (!args.named) return { skipped: 'no --named build' };
  const self = new Map();
  const total = new Map();
  const windows = [];
  // The glue's import shims are anonymous functions inside `__wbg_…: function` entries: name
  // each by its entry and what it calls (`__wbg_new_… → new Intl.DateTimeFormat(…)`).
  const glue = (await readFile(path.join(args.named, 'order-help.js'), 'utf8')).split('\n');
  const shimAt = (line) => {
    for (let l = line; l >= 0 && l > line - 8; l--) {
      const entry = /^\s*(__wbg_\w+):/.exec(glue[l]);
      if (entry) {
        const body = glue.slice(l + 1, l + 6);
        const call = body.map((x) => /const ret = ((?:new )?[\w.$]+)\(/.exec(x)?.[1]).find(Boolean)
          ?? body.map((x) => /^\s*((?:new )?[\w.$]+)\(/.exec(x)?.[1]).find((x) => x && !/^(handleError|return)$/.test(x));
        return `${entry[1].replace(/_[0-9a-f]{16}$/, '')}${call ? ` → ${call}(…)` : ''}`;
      }
    }
    return null;
  };
  for (let run = 0; run < PROFILE_RUNS; run++) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.addInitScript(pageInit);
      await page.goto(`${origin}/pages/profile-widget.html`);
      await page.waitForFunction(() => window.__named !== undefined, null, { timeout: 30_000 });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      const ms = await page.evaluate(async ({ order, now }) => {
        const bench = window.__bench;
        const t0 = bench.realNow();
        window.__named.mount(document.getElementById('host'), { order, now, locale: 'en-US' });
        while (bench.firstRender === null) await new Promise((resolve) => setTimeout(resolve, 0));
        return bench.firstRender - t0;
      }, { order: ORDER_10, now: ORDER_10_NOW });
      const { profile: p } = await cdp.send('Profiler.stop');
      windows.push(ms);
      const byId = new Map(p.nodes.map((n) => [n.id, n]));
      const parent = new Map();
      for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const label = (n) => {
        const f = n.callFrame;
        const file = f.url.replace(/^.*\//, '');
        if (file === 'order-help.js' && (!f.functionName || f.functionName.startsWith('__wbg_'))) {
          const shim = shimAt(f.lineNumber);
          if (shim) return `${shim} (order-help.js)`;
        }
        return `${f.functionName || '(anonymous)'}${file ? ` (${file})` : ''}`;
      };
      // Only the samples from the call of `mount` to the first complete render.
      const times = [];
      let at = p.startTime;
      for (const d of p.timeDeltas) times.push((at += d));
      const inMount = (id) => {
        for (let n = id; n !== undefined; n = parent.get(n)) {
          const f = byId.get(n).callFrame;
          if (f.functionName === 'mount' && f.url.endsWith('order-help.js')) return true;
        }
        return false;
      };
      const first = p.samples.findIndex(inMount);
      const from = first < 0 ? -Infinity : times[first];
      const to = from + ms * 1000;
      p.samples.forEach((id, k) => {
        if (times[k] < from || times[k] > to) return;
        const dt = (p.timeDeltas[k + 1] ?? p.timeDeltas[k] ?? 0) / 1000;
        const top = label(byId.get(id));
        self.set(top, (self.get(top) ?? 0) + dt);
        const seen = new Set();
        for (let at = id; at !== undefined; at = parent.get(at)) {
          const name = label(byId.get(at));
          if (seen.has(name) || name === '(root)') continue;
          seen.add(name);
          total.set(name, (total.get(name) ?? 0) + dt);
        }
      });
    } finally {
      await context.close();
    }
  }
  const per = (map) => [...map].map(([name, ms]) => ({ name, ms: ms / PROFILE_RUNS })).sort((a, b) => b.ms - a.ms);
  log(`profile: mount → first complete render ${median(windows).toFixed(1)} ms (median of ${PROFILE_RUNS}, profiled)`);
  return {
    runs: PROFILE_RUNS,
    sampling_interval_us: 100,
    mount_to_render_ms: stats(windows),
    self_ms: per(self).slice(0, 200),
    total_ms: per(total).slice(0, 200),
  };
}

// ---------------------------------------------------------------------------------------------

const server = await startServer();
const browser = await chromium.launch(LAUNCH);
const results = { chromium: browser.version(), playwright_core: null, errors: {} };
try {
  results.playwright_core = JSON.parse(
    await readFile(path.join(here, '..', 'node_modules', 'playwright-core', 'package.json'), 'utf8'),
  ).version;
} catch {
  // Reported as unknown.
}
const stages = [
  ['startup', () => startup(browser, server.origin)],
  ['engine', () => engine(browser, server.origin)],
  ['ticks', () => ticksAndMemory(browser, server.origin)],
  ['cycles', () => cycles(browser, server.origin)],
  ['profile', () => profile(browser, server.origin)],
];
// BENCH_STAGES=ticks,cycles runs only those (for working on the harness).
const only = process.env.BENCH_STAGES ? new Set(process.env.BENCH_STAGES.split(',')) : null;
try {
  for (const [name, run] of stages) {
    if (only && !only.has(name)) continue;
    const start = Date.now();
    try {
      results[name] = await run();
    } catch (error) {
      results.errors[name] = String(error?.stack ?? error);
      log(`${name} FAILED: ${error?.message ?? error}`);
    }
    log(`${name}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  }
} finally {
  await browser.close();
  await server.close();
}
await writeFile(args.out, JSON.stringify(results, null, 2) + '\n');
log(`wrote ${args.out}`);
