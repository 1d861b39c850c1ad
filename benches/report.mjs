// The report of `make bench` (issue 6): reads what scripts/bench.sh measured under
// target/bench/ (the two bundles, criterion's estimates, benches/browser.mjs's results,
// twiggy's listing), prints the table (measure | widget | baseline | ratio | budget | result)
// and writes BENCHMARKS.md and benchmarks.json at the repository root.
//
//   node benches/report.mjs --out-dir target/bench
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const { values: args } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
const OUT = path.resolve(args['out-dir'] ?? path.join(ROOT, 'target', 'bench'));
// The project's tools first, as in the Makefile (binaryen's wasm-opt, not Debian's).
process.env.PATH = [path.join(ROOT, 'node_modules', '.bin'), path.join(os.homedir(), '.cargo', 'bin'), process.env.PATH].join(path.delimiter);

const KiB = 1024;
const MiB = 1024 * KiB;
// Issue 16's budgets. Bytes: what the English help page loads (wasm + JS + CSS).
const BUDGETS = {
  total_brotli_bytes: 128 * KiB,
  total_gzip_ratio: 2.5,
  startup_ratio: 1.25,
  instantiated_to_render_ms: 50,
  longest_task_ms: 50,
  german_ratio: 1.1,
};
// Guards: not targets, but no regression beyond noise against the reference figures.
const GUARDS = readJsonFile(path.join(here, 'guards.json'))?.guards ?? {};
function readJsonFile(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const run = (cmd, argv = []) => {
  try {
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

// ---------------------------------------------------------------------------------------------
// Bytes on the wire: every file of each bundle that a help page downloads (the demo page's
// index.html, demo.js and demo.css are not the widget's), raw, gzip -9 and brotli (quality 11).

function compressed(file) {
  const raw = readFileSync(file);
  let gzip = run('sh', ['-c', `gzip -9 -n -c < "${file}" | wc -c`]);
  gzip = gzip === null ? zlib.gzipSync(raw, { level: 9 }).length : Number(gzip);
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

// The files a page loads: those the browser run saw it request (Playwright's request events,
// `requested` in browser.json), mapped to the bundle's folder. Without a browser run, the files
// the release build's page loads by design (embed.js, with the glue inside, and the wasm; the
// baseline's main.js, glue and wasm), marked as not checked.
const BY_DESIGN = {
  widget: ['embed.js', 'order-help_bg.wasm'],
  widget_de: ['embed.js', 'order-help_bg.wasm', 'locales/de.json'],
  baseline: ['main.js', 'order-help-baseline.js', 'order-help-baseline_bg.wasm'],
};
function bundleBytes(dir, page, requested) {
  if (!existsSync(dir)) return null;
  const prefix = `/${page === 'widget_de' ? 'widget' : page}/`;
  const seen = requested ? Object.keys(requested).filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length)) : null;
  const names = seen ?? BY_DESIGN[page];
  const kinds = { wasm: [], js: [], css: [], json: [] };
  const other = [];
  for (const name of [...names].sort()) {
    const ext = path.extname(name).slice(1);
    if (ext in kinds) kinds[ext].push(name);
    else other.push(name);
  }
  const result = { files: {}, from_browser: seen !== null, other };
  const zero = () => ({ raw: 0, gzip: 0, brotli: 0 });
  const total = zero();
  for (const [kind, list] of Object.entries(kinds)) {
    const sum = zero();
    for (const name of list) {
      const file = path.join(dir, name);
      if (!existsSync(file)) continue;
      const c = compressed(file);
      result.files[name] = c;
      for (const k of Object.keys(sum)) sum[k] += c[k];
    }
    result[kind] = { ...sum, files: list };
    for (const k of Object.keys(total)) total[k] += sum[k];
  }
  result.total = total;
  return result;
}

// ---------------------------------------------------------------------------------------------
// twiggy: the named build's items, aggregated by crate (custom sections left out).

function crateOf(symbol) {
  // v0 mangling names crates with a disambiguator: `core[c5930c85a12de822]::fmt::write`.
  const name = symbol.replace(/\[[0-9a-f]{6,}\]/g, '');
  if (/^data\[\d+\]$/.test(name) || name.startsWith('data segment')) return '(data segments)';
  if (/^code\[\d+\]$/.test(name)) return '(unnamed functions)';
  if (/^(__wbindgen|__wbg_|__externref|__wbg)/.test(name) || / shim$/.test(name)) return 'wasm-bindgen (shims)';
  if (/^(type|import|export|table|elem|global|memory|func)\[\d+\]/.test(name) || /^(import|export) /.test(name)
      || /section headers|magic bytes|^elem|^table|^global|^type\b/.test(name)) {
    return '(wasm structure: types, imports, exports, tables)';
  }
  // The crate a path starts with: `yew::html::…`, `&mut serde_json::…`, `[T]` → none.
  const crateIn = (text) => {
    const m = /^[&*(\[\s]*(?:mut |const |dyn |impl )*([A-Za-z_][A-Za-z0-9_]*)::/.exec(text.trim());
    return m ? m[1] : null;
  };
  let rest = name;
  let crate = null;
  // Peel `<A as B>::…` and `<impl Trait for Type>::…`: the type's crate, or the trait's when
  // the type is generic or primitive (`<&T as core::fmt::Debug>::fmt`).
  for (let depth = 0; depth < 4 && !crate && rest.startsWith('<'); depth++) {
    const inner = rest.slice(1);
    const impl = /^impl (.+?) for (.+?)>::/.exec(inner);
    const as = /^(.+?) as (.+?)>::/.exec(inner);
    if (impl) crate = crateIn(impl[2]) ?? crateIn(impl[1]);
    else if (as && !as[1].startsWith('<')) crate = crateIn(as[1]) ?? crateIn(as[2]);
    rest = inner;
  }
  crate ??= crateIn(rest);
  // Inherent methods of primitive types: `<char>::escape_debug_ext`, `<[T]>::…`.
  if (!crate && /^<(?:char|str|bool|[iuf](?:8|16|32|64|128|size)|\[.*\]|&.*)>::/.test(name)) crate = 'core';
  if (!crate) {
    if (/^(memcpy|memmove|memset|memcmp|bcmp|strlen|__rust_|rust_|__rdl_|__rg_|__multi3|__udivti3|__umodti3|__divti3|__ashlti3|__lshrti3|__fix|__float)/.test(name)) {
      return 'compiler_builtins';
    }
    // The exports' wrappers (`mount`, `widgethandle_update`, …): wasm-bindgen's macro output.
    if (/^[a-z_][a-z0-9_]*$/.test(name)) return 'exports (wasm-bindgen wrappers)';
    return '(other named items)';
  }
  return crate === '__rustc' ? 'std' : crate;
}

function twiggyByCrate(file) {
  const items = readJson(file);
  if (!items) return null;
  const list = Array.isArray(items) ? items : (items.items ?? []);
  const byCrate = new Map();
  let total = 0;
  let custom = 0;
  const top = [];
  const dataSegments = { count: 0, bytes: 0 };
  for (const item of list) {
    const name = item.name ?? '';
    const size = item.shallow_size ?? 0;
    if (/^custom section/.test(name) || name.startsWith('.debug') || /" subsection$/.test(name)) {
      custom += size;
      continue;
    }
    total += size;
    const crate = crateOf(name);
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
    if (top.length < 25) top.push({ name, bytes: size, crate });
    if (crate === '(data segments)') {
      dataSegments.count += 1;
      dataSegments.bytes += size;
    }
  }
  const crates = [...byCrate.entries()]
    .map(([crate, bytes]) => ({ crate, bytes, percent: (100 * bytes) / total }))
    .sort((a, b) => b.bytes - a.bytes);
  return { total_bytes: total, custom_sections_bytes: custom, crates, top_items: top, data_segments: dataSegments };
}

// ---------------------------------------------------------------------------------------------
// criterion's estimates (nanoseconds).

function criterion(group, size) {
  const file = path.join(OUT, 'criterion', group, String(size), 'new', 'estimates.json');
  const e = readJson(file);
  if (!e) return null;
  return {
    median_us: e.median.point_estimate / 1000,
    mean_us: e.mean.point_estimate / 1000,
    ci95_us: [e.median.confidence_interval.lower_bound / 1000, e.median.confidence_interval.upper_bound / 1000],
  };
}

// ---------------------------------------------------------------------------------------------
// The machine and the toolchain.

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const meminfo = existsSync('/proc/meminfo') ? readFileSync('/proc/meminfo', 'utf8') : '';
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(meminfo)?.[1] ?? 0);
  const lockVersion = (name) => {
    const lock = existsSync(path.join(ROOT, 'Cargo.lock')) ? readFileSync(path.join(ROOT, 'Cargo.lock'), 'utf8') : '';
    return new RegExp(`name = "${name}"\\nversion = "([^"]+)"`).exec(lock)?.[1] ?? null;
  };
  return {
    date: new Date().toISOString(),
    nproc: Number(run('nproc') ?? os.cpus().length),
    memory_bytes: memKb * 1024,
    cpu_model: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    load_average: os.loadavg().map((x) => Number(x.toFixed(2))),
    os: run('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"']) ?? os.type(),
    git: {
      commit: run('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
      uncommitted_changes: Number(run('sh', ['-c', `git -C "${ROOT}" status --porcelain | wc -l`]) ?? 0),
    },
    toolchain: {
      rustc: run('rustc', ['--version']),
      wasm_bindgen: run('wasm-bindgen', ['--version']),
      trunk: run('trunk', ['--version']),
      binaryen: run('wasm-opt', ['--version']),
      chromium: null,
      node: process.version,
      playwright_core: null,
      twiggy: run('twiggy', ['--version']),
      criterion: lockVersion('criterion'),
      yew: lockVersion('yew'),
    },
  };
}

// The baseline must be built like the widget: compare the settings that matter.
function sameSettings() {
  const section = (text, name) => {
    const m = new RegExp(`^\\[${name.replace(/[.[\]]/g, '\\$&')}\\]\\n([\\s\\S]*?)(?=^\\[|(?![\\s\\S]))`, 'm').exec(text);
    return (m?.[1] ?? '').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean).sort().join('; ');
  };
  const pin = (text) => /wasm-bindgen\s*=\s*"(=[^"]+)"/.exec(text)?.[1] ?? null;
  const optAttrs = (text) => [
    /data-wasm-opt="([^"]*)"/.exec(text)?.[1],
    /data-wasm-opt-params="([^"]*)"/.exec(text)?.[1],
  ].join(' ; ');
  const widgetToml = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const baselineToml = readFileSync(path.join(here, 'baseline', 'Cargo.toml'), 'utf8');
  const widgetHtml = readFileSync(path.join(ROOT, 'index.html'), 'utf8');
  const baselineHtml = readFileSync(path.join(here, 'baseline', 'index.html'), 'utf8');
  const trunkTools = (file) => section(readFileSync(file, 'utf8'), 'tools');
  const checks = {
    release_profile: [section(widgetToml, 'profile.release'), section(baselineToml, 'profile.release')],
    wasm_bindgen_pin: [pin(widgetToml), pin(baselineToml)],
    wasm_opt: [optAttrs(widgetHtml), optAttrs(baselineHtml)],
    trunk_tools: [trunkTools(path.join(ROOT, 'Trunk.toml')), trunkTools(path.join(here, 'baseline', 'Trunk.toml'))],
  };
  return Object.fromEntries(Object.entries(checks).map(([k, [w, b]]) => [k, { widget: w, baseline: b, same: w === b }]));
}

// ---------------------------------------------------------------------------------------------

const stagesFile = path.join(OUT, 'stages.tsv');
const stages = existsSync(stagesFile)
  ? Object.fromEntries(readFileSync(stagesFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => {
    const [name, status, seconds] = l.split('\t');
    return [name, { status, seconds: Number(seconds) }];
  }))
  : {};
const browser = readJson(path.join(OUT, 'browser.json')) ?? { errors: { browser: 'browser.json missing' } };
const env = machine();
env.toolchain.chromium = browser.chromium ?? null;
env.toolchain.playwright_core = browser.playwright_core ?? null;

const S = browser.startup ?? null;
const widgetBytes = bundleBytes(path.join(OUT, 'widget'), 'widget', S?.widget?.requested);
const widgetDeBytes = bundleBytes(path.join(OUT, 'widget'), 'widget_de', S?.widget_de?.requested);
const baselineBytes = bundleBytes(path.join(OUT, 'baseline'), 'baseline', S?.baseline?.requested);
const cssFile = path.join(ROOT, 'src', 'components', 'widget.css');
const cssInWasm = existsSync(cssFile) ? compressed(cssFile) : null;
const crates = twiggyByCrate(path.join(OUT, 'twiggy-top.json'));
const namedWasm = path.join(OUT, 'named', 'order-help_bg.wasm');

const SIZES = [1, 50, 500];
const engine = {
  native: Object.fromEntries(SIZES.map((n) => [n, criterion('assess', n)])),
  native_parse_json: Object.fromEntries(SIZES.map((n) => [n, criterion('parse', n)])),
  wasm_export: browser.engine?.export ?? {},
  wasm_engine_only: browser.engine?.engine_only ?? {},
};

// ---------------------------------------------------------------------------------------------
// The rows: budgets (issue 16's targets), guards (no regression beyond noise against
// benches/guards.json) and figures shown for information.

const rows = [];
const fmtBytes = (b) => (b === null || b === undefined ? '—' : b >= 10 * KiB ? `${(b / KiB).toFixed(1)} KiB` : `${b} B`);
const fmtMs = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(x < 1 ? 3 : 1)} ms`);
const fmtUs = (x) => (x === null || x === undefined ? '—' : `${x < 10 ? x.toFixed(2) : x.toFixed(1)} µs`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
const fmtRatio = (r) => (r === null ? '—' : `${r.toFixed(2)}×`);
const verdict = (ok) => (ok === null ? 'not measured' : ok ? 'pass' : 'FAIL');
function row(measure, widget, baseline, r, budget, ok, key, kind = ok === undefined ? 'info' : 'budget') {
  rows.push({ key, kind, measure, widget, baseline, ratio: r, budget, result: ok === undefined ? '' : kind === 'guard' ? (ok === null ? 'not measured' : ok ? 'holds' : 'REGRESSED') : verdict(ok), pass: ok ?? null });
}
// A guard: `value` against its reference in guards.json, within the reference's noise.
function guard(key, measure, value, fmt) {
  const g = GUARDS[key];
  if (!g) {
    row(measure, fmt(value), '—', '', 'no reference', null, `guard_${key}`, 'guard');
    return;
  }
  const limit = g.noise?.bytes != null ? g.reference + g.noise.bytes : g.reference * (1 + (g.noise?.relative ?? 0));
  const noise = g.noise?.bytes != null ? `+ ${fmtBytes(g.noise.bytes)}` : `+ ${Math.round((g.noise?.relative ?? 0) * 100)} %`;
  const commit = /\b([0-9a-f]{7,40})\b/.exec(g.source ?? '')?.[1];
  row(measure, fmt(value), `ref ${fmt(g.reference)}${commit ? ` (${commit})` : ''}`, fmtRatio(ratio(value, g.reference)),
    `≤ ref ${noise} (no regression)`, value == null ? null : value <= limit, `guard_${key}`, 'guard');
}

// Bytes: what the English page loads.
for (const kind of ['wasm', 'js', 'css']) {
  const w = widgetBytes?.[kind];
  const b = baselineBytes?.[kind];
  const note = kind === 'css' && w && w.raw === 0 ? ' (in the wasm)' : '';
  row(`bytes: ${kind.toUpperCase()}, brotli / gzip -9`, w ? `${fmtBytes(w.brotli)} / ${fmtBytes(w.gzip)}${note}` : '—',
    b ? `${fmtBytes(b.brotli)} / ${fmtBytes(b.gzip)}` : '—', fmtRatio(ratio(w?.gzip, b?.gzip)), '', undefined, `bytes_${kind}`);
}
{
  const w = widgetBytes?.total;
  const b = baselineBytes?.total;
  row('bytes: total, brotli (wasm + JS + CSS the page loads)', fmtBytes(w?.brotli), fmtBytes(b?.brotli), fmtRatio(ratio(w?.brotli, b?.brotli)),
    `≤ ${fmtBytes(BUDGETS.total_brotli_bytes)}`, w ? w.brotli <= BUDGETS.total_brotli_bytes : null, 'bytes_total_brotli');
  const r = ratio(w?.gzip, b?.gzip);
  row('bytes: total, gzip -9', fmtBytes(w?.gzip), fmtBytes(b?.gzip), fmtRatio(r), `≤ ${BUDGETS.total_gzip_ratio}× baseline`,
    r === null ? null : r <= BUDGETS.total_gzip_ratio, 'bytes_total_gzip');
  row('bytes: total, raw', fmtBytes(w?.raw), fmtBytes(b?.raw), fmtRatio(ratio(w?.raw, b?.raw)), '', undefined, 'bytes_total_raw');
  const de = widgetDeBytes?.total;
  row('bytes: German page, brotli (the catalogue too)', fmtBytes(de?.brotli), '', '', '', undefined, 'bytes_total_brotli_de');
}

// Startup.
const st = (page) => S?.[page] ?? null;
{
  const w = st('widget')?.first_render_ms?.median;
  const b = st('baseline')?.first_render_ms?.median;
  const r = ratio(w, b);
  row(`startup: navigation → first complete render (median of ${S?.loads ?? '—'})`, fmtMs(w), fmtMs(b), fmtRatio(r),
    `≤ ${BUDGETS.startup_ratio}× baseline`, r === null ? null : r <= BUDGETS.startup_ratio, 'startup');
  const wi = st('widget')?.instantiated_to_render_ms?.median;
  const bi = st('baseline')?.instantiated_to_render_ms?.median;
  row('startup: instantiated → first complete render (median)', fmtMs(wi), fmtMs(bi), fmtRatio(ratio(wi, bi)),
    `≤ ${BUDGETS.instantiated_to_render_ms} ms`, wi == null ? null : wi <= BUDGETS.instantiated_to_render_ms, 'startup_instantiated_to_render');
  // The Long Tasks API reports only tasks over 50 ms: a load without one had none longer.
  const lt = st('widget')?.longest_task_ms;
  const lb = st('baseline')?.longest_task_ms;
  const withLong = st('widget')?.loads_with_long_task;
  const fmtTask = (x) => (x == null ? '—' : x === 0 ? 'none > 50 ms' : fmtMs(x));
  row('startup: longest task, navigation → first complete render (median of loads; max)',
    lt ? `${fmtTask(lt.median)}; max ${fmtTask(lt.max)} (${withLong} of ${lt.n} loads had one > 50 ms)` : '—',
    lb ? `${fmtTask(lb.median)}; max ${fmtTask(lb.max)} (${st('baseline').loads_with_long_task} of ${lb.n})` : '—', '',
    `no task > ${BUDGETS.longest_task_ms} ms (in the median load)`, lt ? lt.median <= BUDGETS.longest_task_ms : null, 'startup_longest_task');
  const de = st('widget_de')?.first_render_ms?.median;
  const rd = ratio(de, w);
  row('startup: German first complete render (catalogue loaded on demand), median', fmtMs(de), `English ${fmtMs(w)}`, fmtRatio(rd),
    `≤ ${BUDGETS.german_ratio}× English`, rd === null ? null : rd <= BUDGETS.german_ratio, 'startup_german');
}

// Engine: the native 500 items is a guard; the rest for information.
for (const n of SIZES) {
  const native = engine.native[n]?.median_us ?? null;
  const measure = `engine: assess ${n} item${n > 1 ? 's' : ''}, native (criterion median)`;
  if (n === 500) guard('engine_native_500_us', measure, native, fmtUs);
  else row(measure, fmtUs(native), '', '', '', undefined, `engine_native_${n}`);
}
for (const [label, source, key] of [
  ['wasm `assess` export (JS object in, JS objects out)', engine.wasm_export, 'engine_wasm_export'],
  ['wasm engine only (no JS↔wasm conversion)', engine.wasm_engine_only, 'engine_wasm_only'],
]) {
  for (const n of SIZES) {
    const w = source[n]?.median_us ?? null;
    const native = engine.native[n]?.median_us ?? null;
    row(`engine: assess ${n} item${n > 1 ? 's' : ''}, ${label}`, fmtUs(w), native === null ? '—' : `native ${fmtUs(native)}`,
      fmtRatio(ratio(w, native)), '', undefined, `${key}_${n}`);
  }
}

// Tick: guards.
{
  const t = browser.ticks?.tick;
  guard('tick_median_ms', `tick: time per countdown tick, 50 countdowns (median of ${t?.ticks ?? '—'})`, t?.ms?.median ?? null, fmtMs);
  const real = browser.cycles?.real_clock_tick_median_ms ?? null;
  row(`tick: the same on the real clock (median of ${browser.cycles?.real_clock_ticks_ms?.length ?? '—'}, a check)`, fmtMs(real), '', '', '', undefined, 'tick_ms_real_clock');
  const ok = t ? t.mismatched_ticks === 0 && t.ticks_without_change === 0 : null;
  row('tick: DOM mutations per tick (median) vs texts that changed', t ? `${t.mutations_per_tick.median} vs ${t.changed_texts_per_tick.median + t.changed_attributes_per_tick.median}` : '—', '', '',
    'mutations = changed texts/attributes, every tick', ok, 'tick_mutations', 'guard');
}

// Memory: guards.
const cycleGrowth = (() => {
  const c = browser.cycles;
  const b = c?.bytes_after_cycle;
  if (!b) return null;
  const points = Object.keys(b).map(Number).sort((x, y) => x - y);
  const last = points.at(-1);
  const half = points.filter((p) => p <= last / 2).at(-1);
  const settled = points.filter((p) => p >= 50)[0] ?? points[0];
  return {
    last,
    half,
    // Over the second half of the run: a step of the allocator (one 64 KiB page, taken once)
    // is at most one page; a leak goes on growing.
    second_half_bytes: b[last] - b[half],
    per_cycle_bytes: (b[last] - b[settled]) / Math.max(1, last - settled),
    settled,
  };
})();
{
  const m = browser.ticks?.memory;
  const c = browser.cycles;
  guard('memory_after_mount_bytes', 'memory: wasm linear memory after mounting the 50-item order', m?.after_mount_bytes ?? null, fmtBytes);
  guard('memory_after_ticks_bytes', `memory: after ${m?.ticks_run ?? '—'} ticks`, m?.after_ticks_bytes ?? null, fmtBytes);
  guard('memory_after_200_cycles_bytes', 'memory: after 200 mount/unmount cycles', c?.bytes_after_cycle?.[200] ?? null, fmtBytes);
  const g = cycleGrowth;
  row(`memory: growth over the second half of ${c?.cycles ?? '—'} mount/unmount cycles (cycle ${g?.half ?? '—'} → ${g?.last ?? '—'})`,
    g ? `${fmtBytes(g.second_half_bytes)} (≈ ${Math.round(Math.max(0, g.per_cycle_bytes))} B per cycle since cycle ${g.settled})` : '—', '', '',
    '≤ one 64 KiB page (an allocator step, not a leak)', g ? g.second_half_bytes <= 64 * KiB : null, 'memory_cycle_growth', 'guard');
}

const measured = rows.filter((r) => r.kind === 'budget');
const allPass = measured.every((r) => r.pass === true);
const guardRows = rows.filter((r) => r.kind === 'guard');
const allGuardsHold = guardRows.every((r) => r.pass === true);

// ---------------------------------------------------------------------------------------------
// The printed table and the files.

function table(rs) {
  const head = ['measure', 'widget', 'baseline', 'ratio', 'budget', 'result'];
  const lines = [head, ...rs.map((r) => [r.measure, r.widget, r.baseline, r.ratio, r.budget, r.result])];
  return lines;
}
function printTable(rs) {
  const lines = table(rs);
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)));
  const fmt = (l) => l.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
  console.log(fmt(lines[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines.slice(1)) console.log(fmt(l));
}
const md = (rs) => {
  const lines = table(rs);
  return [
    `| ${lines[0].join(' | ')} |`,
    `| ${lines[0].map(() => '---').join(' | ')} |`,
    ...lines.slice(1).map((l) => `| ${l.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`),
  ].join('\n');
};

const settings = sameSettings();
const results = {
  generated_by: 'make bench (scripts/bench.sh, benches/report.mjs)',
  all_budgets_pass: allPass,
  budgets: BUDGETS,
  machine: env,
  wasm_opt: (() => {
    const html = readFileSync(path.join(ROOT, 'index.html'), 'utf8');
    return {
      level: /data-wasm-opt="([^"]*)"/.exec(html)?.[1] ?? null,
      params: /data-wasm-opt-params="([^"]*)"/.exec(html)?.[1] ?? null,
    };
  })(),
  same_settings_as_widget: settings,
  stages,
  bench_seconds: Number(process.env.BENCH_SECONDS ?? 0) || null,
  table: rows,
  bytes: { widget: widgetBytes, baseline: baselineBytes, widget_css_inside_wasm: cssInWasm },
  startup: browser.startup ?? null,
  engine,
  tick: browser.ticks?.tick ? { ...browser.ticks.tick, samples_ms: undefined } : null,
  memory: { ...(browser.ticks?.memory ?? {}), cycles: browser.cycles ?? null, baseline_after_first_render_bytes: browser.startup?.baseline_memory_bytes ?? null },
  size_by_crate: crates,
  named_build_wasm_bytes: existsSync(namedWasm) ? readFileSync(namedWasm).length : null,
  errors: browser.errors ?? {},
};
writeFileSync(path.join(ROOT, 'benchmarks.json'), JSON.stringify(results, null, 2) + '\n');

const tc = env.toolchain;
const m = results.machine;
const t = results.tick;
const s = results.startup;
const mem = results.memory;
const pct = (x) => `${x.toFixed(1)} %`;
const sizeLines = [];
for (const [name, b] of [['widget', widgetBytes], ['baseline', baselineBytes]]) {
  if (!b) continue;
  for (const [file, c] of Object.entries(b.files)) {
    sizeLines.push(`| ${name} | \`${file}\` | ${c.raw} | ${c.gzip} | ${c.brotli} |`);
  }
  sizeLines.push(`| ${name} | **total** | **${b.total.raw}** | **${b.total.gzip}** | **${b.total.brotli}** |`);
}
const crateLines = crates
  ? crates.crates.map((c) => `| ${c.crate} | ${c.bytes} | ${pct(c.percent)} |`)
  : ['| _(twiggy did not run: see target/bench/logs/named-build.log)_ | | |'];
const shortName = (n) => n.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{6,}\]/g, '').replace(/\|/g, '\\|');
const topLines = crates ? crates.top_items.slice(0, 15).map((i) => `| \`${shortName(i.name).slice(0, 140)}\` | ${i.crate} | ${i.bytes} |`) : [];
const checkLines = Object.entries(settings).map(([k, v]) => `| ${k.replace(/_/g, ' ')} | ${v.same ? 'same' : '**DIFFERENT**'} | \`${v.widget || '—'}\` |`);
const errorLines = Object.entries(results.errors).map(([k, v]) => `- **${k}**: \`${String(v).split('\n')[0]}\``);
const failedStages = Object.entries(stages).filter(([, v]) => v.status !== 'ok').map(([k]) => k);

const notes = [];
if (t) {
  if (t.mismatched_ticks > 0) {
    notes.push(`- Countdown tick: ${t.mismatched_ticks} of ${t.ticks} ticks caused a different number of DOM mutation records than texts/attributes that changed (e.g. tick ${t.mismatch_examples[0]?.index}: ${t.mismatch_examples[0]?.records} records for ${t.mismatch_examples[0]?.texts} changed texts and ${t.mismatch_examples[0]?.attrs} changed attributes${t.mismatch_examples[0]?.structural ? ', structure changed' : ''}).`);
  } else {
    notes.push(`- Countdown tick: every tick's mutation records matched the texts/attributes that changed (median ${t.mutations_per_tick.median} records, ${t.changed_countdowns_per_tick.median} countdowns changed per tick).`);
  }
  if (t.ticks_not_rearmed > 0) notes.push(`- ${t.ticks_not_rearmed} ticks did not re-arm the timer inside the measured window (the tick time may miss work done later).`);
}
if (mem?.cycles) {
  const cb = mem.cycles.bytes_after_cycle;
  notes.push(`- Linear memory across mount/unmount cycles: ${Object.entries(cb).map(([k, v]) => `${k}: ${fmtBytes(v)}`).join(', ')}; wasm memory grows in 64 KiB pages, so no growth over ${Math.max(0, mem.cycles.cycles - 10)} cycles bounds a leak at about ${Math.floor(65536 / Math.max(1, mem.cycles.cycles - 10))} bytes per cycle.`);
  const heap = mem.cycles.js_heap_after_cycle;
  notes.push(`- JS heap after forced GC (informational): ${Object.entries(heap).map(([k, v]) => `${k}: ${fmtBytes(v)}`).join(', ')}.`);
}
for (const [k, v] of Object.entries(settings)) {
  if (!v.same) notes.push(`- **The baseline is not built like the widget**: ${k.replace(/_/g, ' ')} differs (widget \`${v.widget}\`, baseline \`${v.baseline}\`). Fix benches/baseline/ before trusting the ratios.`);
}

const doc = `# Benchmarks

Generated by \`make bench\` (\`scripts/bench.sh\` → \`benches/browser.mjs\`, \`engine/benches/engine.rs\`,
\`benches/report.mjs\`) on ${m.date.slice(0, 10)}; machine-readable: [\`benchmarks.json\`](benchmarks.json).
Do not edit by hand except the section "What we write by hand / what we carry", which the report
keeps (see below) — re-run \`make bench\` instead. The baseline is
[\`benches/baseline/\`](benches/baseline/): a minimal Yew ${tc.yew ?? '0.23'} app (one function
component, one \`use_state\`, one button), built in the same run with the same toolchain, release
profile and wasm-opt settings. This machine is noisy: compare ratios, not absolute times.

**${allPass ? 'Every budget passes.' : 'Not every budget passes'}**${allPass ? '' : ' (why: "The budgets that are not met, and why", at the end)'} ${failedStages.length ? `(stages that failed: ${failedStages.join(', ')})` : ''}

${md(rows)}

## Machine and toolchain

| | |
| --- | --- |
| date | ${m.date} |
| CPU | ${m.cpu_model}, \`nproc\` = ${m.nproc} |
| memory | ${(m.memory_bytes / 2 ** 30).toFixed(1)} GiB |
| load average at report time | ${m.load_average.join(', ')} (other builds may have been running: the ratios come from alternated runs) |
| OS | ${m.os} |
| commit | ${m.git.commit ?? '—'}${m.git.uncommitted_changes ? ` (+${m.git.uncommitted_changes} uncommitted changes)` : ''} |
| rustc | ${tc.rustc ?? '—'} |
| wasm-bindgen | ${tc.wasm_bindgen ?? '—'} |
| Trunk | ${tc.trunk ?? '—'} |
| binaryen (wasm-opt) | ${tc.binaryen ?? '—'} |
| Chromium | ${tc.chromium ?? '—'} (headless, playwright-core ${tc.playwright_core ?? '—'}) |
| Node.js | ${tc.node} |
| criterion | ${tc.criterion ?? '—'} |
| twiggy | ${tc.twiggy ?? '—'} |
| whole run | ${results.bench_seconds ? `${Math.round(results.bench_seconds)} s` : '—'} (${Object.entries(stages).map(([k, v]) => `${k} ${v.seconds} s${v.status === 'ok' ? '' : ' FAILED'}`).join(', ')}) |

The baseline is built like the widget (checked on every run):

| setting | baseline vs widget | widget's value |
| --- | --- | --- |
${checkLines.join('\n')}

wasm-opt: \`-O${results.wasm_opt.level ?? '?'} ${results.wasm_opt.params ?? ''}\` (from \`index.html\`; Trunk runs it for both bundles).

## Bytes on the wire

What a help page downloads: the widget is \`embed.js\` + the wasm-bindgen glue \`order-help.js\` +
\`order-help_bg.wasm\`; **its CSS has no file of its own: \`src/components/widget.css\` is compiled
into the wasm** (adopted as a constructed stylesheet)${cssInWasm ? ` — ${cssInWasm.raw} bytes raw, ${cssInWasm.gzip} gzip -9 on its own, counted in the wasm row` : ''}.
The demo page's own files (\`index.html\`, \`demo.js\`, \`demo.css\`) are not counted. The baseline is
\`main.js\` (its counterpart of \`embed.js\`) + its glue + its wasm. Each file compressed on its own
(as served): \`gzip -9 -n\`, and brotli quality 11 (Node's zlib).

| bundle | file | raw | gzip -9 | brotli |
| --- | --- | ---: | ---: | ---: |
${sizeLines.join('\n')}

## Startup

Headless Chromium, a fresh browser context (empty cache) per load, served from 127.0.0.1 with
\`cache-control: no-store\` (so every load fetches and compiles the wasm) and cross-origin isolation
(for a fine-grained \`performance.now()\`); ${s?.loads ?? '—'} loads of each page after ${s?.warmup_loads ?? '—'} warm-up
loads, widget and baseline alternated (ABBA). The widget page is a help page with one
\`<order-help>\` holding the 10-item order inline (\`benches/fixtures/order-10.json\`) and loading
\`embed.js\`; the baseline page loads \`main.js\`. "First complete render" is the same check for
both: a \`MutationObserver\` installed before any page script sees the complete markup (the
widget's 10 \`li[data-item]\` in its shadow root; the baseline's button), and the time is
\`performance.now()\` then, i.e. since navigation start.

| | median | p10 | p90 | min | max |
| --- | ---: | ---: | ---: | ---: | ---: |
| widget | ${fmtMs(s?.widget_ms?.median)} | ${fmtMs(s?.widget_ms?.p10)} | ${fmtMs(s?.widget_ms?.p90)} | ${fmtMs(s?.widget_ms?.min)} | ${fmtMs(s?.widget_ms?.max)} |
| baseline | ${fmtMs(s?.baseline_ms?.median)} | ${fmtMs(s?.baseline_ms?.p10)} | ${fmtMs(s?.baseline_ms?.p90)} | ${fmtMs(s?.baseline_ms?.min)} | ${fmtMs(s?.baseline_ms?.max)} |

Where the time goes (medians, ms since navigation start; Resource Timing for the wasm's last
byte, a wrapper around \`WebAssembly.instantiate(Streaming)\` for "instantiated"):

| | wasm downloaded | compiled + instantiated | first complete render | instantiated → rendered (start, config, first render) |
| --- | ---: | ---: | ---: | ---: |
${[['widget', 'widget'], ['baseline', 'baseline']].map(([label, k]) => {
  const loaded = s?.[`${k}_wasm_loaded_ms`]?.median;
  const inst = s?.[`${k}_instantiated_ms`]?.median;
  const first = s?.[`${k}_ms`]?.median;
  return `| ${label} | ${fmtMs(loaded)} | ${fmtMs(inst)} | ${fmtMs(first)} | ${inst != null && first != null ? fmtMs(first - inst) : '—'} |`;
}).join('\n')}

## Engine

Orders of 1, 50 and 500 items (500 with 100 shipments) generated deterministically by
\`engine/benches/engine.rs\` (every shipment status, carriers, unassigned items, bundles, final sale,
opened items, partial returns), assessed at ${browser.engine?.now ?? '2025-03-20T12:00:00-07:00'} under the default policy.
Native: criterion (bench profile = the release profile: \`opt-level = "z"\`, LTO, one codegen
unit). In the browser, per-call medians over 31 timed batches: the widget's \`assess\` export
(which reads the order from a JS object and writes the assessment back as JS objects on every
call), and the engine alone (\`benches/wasm-engine/\`, a bench-only module built with the same
profile and wasm-opt settings: the order parsed once, then only \`engine::assess\`).

| items | native assess | native parse (JSON text) | wasm export | wasm engine only | export − engine only (JS↔wasm conversion) |
| ---: | ---: | ---: | ---: | ---: | ---: |
${SIZES.map((n) => {
  const e = engine.wasm_export[n]?.median_us;
  const o = engine.wasm_engine_only[n]?.median_us;
  return `| ${n} | ${fmtUs(engine.native[n]?.median_us)} | ${fmtUs(engine.native_parse_json[n]?.median_us)} | ${fmtUs(e)} | ${fmtUs(o)} | ${e != null && o != null ? fmtUs(e - o) : '—'} |`;
}).join('\n')}

## Countdown tick

\`benches/fixtures/order-50-countdowns.json\`: 50 delivered items, all with a return countdown;
40 windows close at 31 March 23:59:59 PDT and the widget is mounted (with \`mount()\`) at 23:00:05,
so those 40 countdowns change every second, while the other 10 show whole days and must not
change. Playwright's fake clock drives ${t?.ticks ?? '—'} ticks (\`clock.runFor(1000)\` each). In the page,
\`setTimeout\` is wrapped so each timer callback is timed from its start to a microtask queued
right after it returns (Yew renders in a microtask the callback queued, so the figure includes
the render and the effects that re-arm the next timer). A \`MutationObserver\` on the shadow root
(\`subtree, childList, characterData, attributes\`) counts each tick's records; after each tick
every text node and attribute of the shadow root is compared with the previous tick's.

| | median | p10 | p90 | max |
| --- | ---: | ---: | ---: | ---: |
| tick time | ${fmtMs(t?.ms?.median)} | ${fmtMs(t?.ms?.p10)} | ${fmtMs(t?.ms?.p90)} | ${fmtMs(t?.ms?.max)} |
| mutation records per tick | ${t?.mutations_per_tick?.median ?? '—'} | ${t?.mutations_per_tick?.p10 ?? '—'} | ${t?.mutations_per_tick?.p90 ?? '—'} | ${t?.mutations_per_tick?.max ?? '—'} |
| text nodes changed per tick | ${t?.changed_texts_per_tick?.median ?? '—'} | ${t?.changed_texts_per_tick?.p10 ?? '—'} | ${t?.changed_texts_per_tick?.p90 ?? '—'} | ${t?.changed_texts_per_tick?.max ?? '—'} |
| attributes changed per tick | ${t?.changed_attributes_per_tick?.median ?? '—'} | ${t?.changed_attributes_per_tick?.p10 ?? '—'} | ${t?.changed_attributes_per_tick?.p90 ?? '—'} | ${t?.changed_attributes_per_tick?.max ?? '—'} |
| countdowns (\`[role=timer]\`) changed per tick | ${t?.changed_countdowns_per_tick?.median ?? '—'} | ${t?.changed_countdowns_per_tick?.p10 ?? '—'} | ${t?.changed_countdowns_per_tick?.p90 ?? '—'} | ${t?.changed_countdowns_per_tick?.max ?? '—'} |

On the real clock (real \`setTimeout\` and \`Intl\`, no fake timers), ${browser.cycles?.real_clock_ticks_ms?.length ?? '—'} ticks timed the same way:
${browser.cycles?.real_clock_ticks_ms?.map((x) => x.toFixed(3)).join(', ') ?? '—'} ms.

Mutation records by type over all ticks: ${t ? Object.entries(t.mutation_record_types).map(([k, v]) => `${k} ${v}`).join(', ') : '—'};
ticks whose records differ from what changed: ${t?.mismatched_ticks ?? '—'}; ticks with a change of structure: ${t?.structural_ticks ?? '—'}.

## Memory

Wasm linear memory (\`memory.buffer.byteLength\`, from the exports \`init()\` returns) on a page that
imports the glue directly: ${fmtBytes(mem?.at_init_bytes)} after \`init\`, ${fmtBytes(mem?.after_mount_bytes)} after mounting the 50-item
order, ${fmtBytes(mem?.after_ticks_bytes)} after ${mem?.ticks_run ?? '—'} ticks (the 40 short countdowns tick every second only in their
last hour, so the widget's clock was moved back with \`update({ now })\` ${mem?.clock_jumps_back ?? '—'} times along the way).
Then, on a fresh page with the real clock, ${mem?.cycles?.cycles ?? '—'} cycles of \`mount()\` of the 50-item order, one task
to render, \`unmount()\` (the handle dropped without \`free()\`, as a host page does). The baseline's
linear memory after its first render: ${fmtBytes(mem?.baseline_after_first_render_bytes)}.

| after cycle | ${mem?.cycles ? Object.keys(mem.cycles.bytes_after_cycle).join(' | ') : ''} |
| --- | ${mem?.cycles ? Object.keys(mem.cycles.bytes_after_cycle).map(() => '---:').join(' | ') : ''} |
| wasm linear memory | ${mem?.cycles ? Object.values(mem.cycles.bytes_after_cycle).map(fmtBytes).join(' | ') : ''} |
| JS heap after forced GC | ${mem?.cycles ? Object.values(mem.cycles.js_heap_after_cycle).map(fmtBytes).join(' | ') : ''} |

## Notes from this run

${notes.join('\n') || '- none'}
${errorLines.length ? `\nErrors:\n\n${errorLines.join('\n')}\n` : ''}
## Where the widget's wasm bytes go, by crate

From a build of the same code with symbol names kept (\`CARGO_PROFILE_RELEASE_STRIP=false\`,
\`wasm-bindgen --keep-debug\`, \`wasm-opt … --debuginfo\`; \`target/bench/named/\`), \`twiggy top -f json\`,
each item's shallow size added to the crate its symbol names (for \`<A as B>::f\`, A's crate, or
B's when A is generic or primitive); custom sections (names, debug info: ${crates ? fmtBytes(crates.custom_sections_bytes) : '—'})
left out. Total without them: ${crates ? `${crates.total_bytes} bytes` : '—'} (the shipped wasm: ${widgetBytes?.wasm?.raw ?? '—'} bytes).
Raw bytes, before compression. Generic code counts for the crate that defines it, not the one
that instantiates it: \`core::ptr::drop_in_place<order_help::…>\` counts as \`core\`, and Yew's
\`CompStateInner<COMP>::view\` — into which the optimiser inlines the widget components' \`html!\`
views — counts as \`yew\`, so the \`yew\` row holds much of the widget's own view code.

| crate | bytes | share |
| --- | ---: | ---: |
${crateLines.join('\n')}

The largest items:

| item | crate | bytes |
| --- | --- | ---: |
${topLines.join('\n')}

${HAND_SECTION()}
`;

function HAND_SECTION() {
  // The hand-filled section survives re-runs: it is copied from the existing BENCHMARKS.md.
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const marker = '## What we write by hand / what we carry';
  if (existsSync(file)) {
    const old = readFileSync(file, 'utf8');
    const at = old.indexOf(marker);
    if (at >= 0) return old.slice(at).trimEnd();
  }
  return `${marker}

_To be filled in by hand (this section is kept when \`make bench\` rewrites the file): what the
widget writes by hand that a well-kept library already does, and each library it carries that
costs more bytes than it earns, with the measured cost. Measure with the per-crate table above,
\`twiggy top\` / \`twiggy garbage\` on \`target/bench/named/order-help_bg.wasm\`, or by removing the
item and re-running \`make bench\` (bytes: gzip -9 of the whole bundle, before − after)._

| item | hand-written or carried | bytes (gzip -9) | how measured |
| --- | --- | ---: | --- |
| _(item)_ | _(hand-written / carried)_ | _(bytes)_ | _(twiggy / removal / …)_ |`;
}

writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), doc.replace(/\n{3,}/g, '\n\n'));
console.log();
printTable(rows);
console.log();
console.log(`bench: ${allPass ? 'every budget passes' : 'some budgets are NOT met'}; wrote BENCHMARKS.md and benchmarks.json`);
