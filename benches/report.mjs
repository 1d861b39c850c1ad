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
import { compressed, cycleGrowth as growthOf, preservedSection, requestedFiles } from './report-lib.mjs';

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

// `compressed(file)`: report-lib.mjs (scripts/size.sh measures with it too).

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
  const seen = requestedFiles(requested, prefix);
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
  rows.push({ key, kind, measure, widget, baseline, ratio: r, budget, result: ok === undefined ? '' : kind === 'guard' ? (ok === null ? 'not measured' : ok ? 'holds' : key === 'memory_cycle_growth' ? 'LEAKS' : 'REGRESSED') : verdict(ok), pass: ok ?? null });
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
const cycleGrowth = growthOf(browser.cycles?.bytes_after_cycle);
{
  const m = browser.ticks?.memory;
  const c = browser.cycles;
  guard('memory_after_mount_bytes', 'memory: wasm linear memory after mounting the 50-item order', m?.after_mount_bytes ?? null, fmtBytes);
  guard('memory_after_ticks_bytes', `memory: after ${m?.ticks_run ?? '—'} ticks`, m?.after_ticks_bytes ?? null, fmtBytes);
  guard('memory_after_200_cycles_bytes', 'memory: after 200 mount/unmount cycles', c?.bytes_after_cycle?.[200] ?? null, fmtBytes);
  const g = cycleGrowth;
  row(`memory: growth over the second half of ${c?.cycles ?? '—'} mount/unmount cycles (cycle ${g?.half ?? '—'} → ${g?.last ?? '—'})`,
    g ? `${fmtBytes(g.second_half_bytes)} (≈ ${Math.round(Math.max(0, g.per_cycle_bytes))} B per cycle since cycle ${g.settled})` : '—', '', '',
    '≤ one 64 KiB page (an allocator step, not a leak)', g ? !g.leak : null, 'memory_cycle_growth', 'guard');
}

const measured = rows.filter((r) => r.kind === 'budget');
const allPass = measured.every((r) => r.pass === true);
const guardRows = rows.filter((r) => r.kind === 'guard');
const allGuardsHold = guardRows.every((r) => r.pass === true);

// ---------------------------------------------------------------------------------------------
// The printed table and the files.

function table(rs) {
  const head = ['kind', 'measure', 'widget', 'baseline / reference', 'ratio', 'budget / guard', 'result'];
  const lines = [head, ...rs.map((r) => [r.kind, r.measure, r.widget, r.baseline, r.ratio, r.budget, r.result])];
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
const settings = sameSettings();
const results = {
  generated_by: 'make bench (scripts/bench.sh, benches/report.mjs)',
  all_budgets_pass: allPass,
  all_guards_hold: allGuardsHold,
  budgets: BUDGETS,
  guards: GUARDS,
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
  bytes: { widget: widgetBytes, widget_de: widgetDeBytes, baseline: baselineBytes, widget_css_inside_wasm: cssInWasm },
  startup: browser.startup ?? null,
  engine,
  tick: browser.ticks?.tick ? { ...browser.ticks.tick, samples_ms: undefined } : null,
  memory: { ...(browser.ticks?.memory ?? {}), cycles: browser.cycles ?? null, cycle_growth: cycleGrowth, baseline_after_first_render_bytes: browser.startup?.baseline_memory_bytes ?? null },
  profile: browser.profile ?? null,
  size_by_crate: crates,
  named_build_wasm_bytes: existsSync(namedWasm) ? readFileSync(namedWasm).length : null,
  errors: browser.errors ?? {},
};
writeFileSync(path.join(ROOT, 'benchmarks.json'), JSON.stringify(results, null, 2) + '\n');

// Sections written by hand, kept when the report rewrites BENCHMARKS.md: each from its heading
// to the next `## ` heading (or the end), copied from the existing file; a default when absent.
const OLD_DOC = existsSync(path.join(ROOT, 'BENCHMARKS.md')) ? readFileSync(path.join(ROOT, 'BENCHMARKS.md'), 'utf8') : '';
const PRESERVED = (marker, fallback) => preservedSection(OLD_DOC, marker, fallback);
const LEDGER_MARKER = '## Ledger';
const LEDGER_DEFAULT = `${LEDGER_MARKER}

Written by hand and kept when \`make bench\` rewrites this file: one row per change made for
issue 16's budgets, with the figures of \`make bench\` (or \`scripts/size.sh\`) before and after it,
in bytes (wasm brotli: \`order-help_bg.wasm\` alone; totals: what the English page loads).

| change | commit | wasm brotli before → after | total brotli before → after | total gzip before → after | saving |
| --- | --- | --- | --- | --- | --- |
| Measurement correction, not a saving: the report counts the files the page requests (\`embed.js\` with the glue inside + the wasm), no longer \`order-help.js\` too (the glue counted twice); the startup page no longer preloads the glue and the wasm without its hash (downloads nothing used) | a727c3b | 224806 → 224806 | 244837 → 237279 | 307872 → 298971 | none (−7558 B brotli, −8901 B gzip of double counting) |`;
const HAND_MARKER = '## What we write by hand / what we carry';
const HAND_DEFAULT = `${HAND_MARKER}

_To be filled in by hand (this section is kept when \`make bench\` rewrites the file): what the
widget writes by hand that a well-kept library already does, and each library it carries that
costs more bytes than it earns, with the measured cost._`;

const tc = env.toolchain;
const m = results.machine;
const t = results.tick;
const mem = results.memory;
const pct = (x) => `${x.toFixed(1)} %`;
const sizeLines = [];
for (const [name, b] of [['widget (English page)', widgetBytes], ['widget (German page)', widgetDeBytes], ['baseline', baselineBytes]]) {
  if (!b) continue;
  for (const [file, c] of Object.entries(b.files)) {
    sizeLines.push(`| ${name} | \`${file}\` | ${c.raw} | ${c.gzip} | ${c.brotli} |`);
  }
  sizeLines.push(`| ${name} | **total**${b.from_browser ? '' : ' (not checked in a browser: the files the page loads by design)'} | **${b.total.raw}** | **${b.total.gzip}** | **${b.total.brotli}** |`);
}
const requestedLines = ['widget', 'widget_de', 'baseline'].map((k) => {
  const r = S?.[k]?.requested;
  return `- ${k === 'widget_de' ? 'German widget page' : k === 'widget' ? 'widget page' : 'baseline page'}: ${r ? Object.entries(r).map(([p, n]) => `\`${p}\` (${n}×)`).join(', ') : '— (the browser stage did not run)'}`;
});
const crateLines = crates
  ? crates.crates.map((c) => `| ${c.crate} | ${c.bytes} | ${pct(c.percent)} |`)
  : ['| _(twiggy did not run: see target/bench/logs/named-build.log)_ | | |'];
const shortName = (n) => n.replace(/::h[0-9a-f]{16}\b/g, '').replace(/\[[0-9a-f]{6,}\]/g, '').replace(/\|/g, '\\|');
const topLines = crates ? crates.top_items.slice(0, 25).map((i) => `| \`${shortName(i.name).slice(0, 140)}\` | ${i.crate} | ${i.bytes} | ${pct((100 * i.bytes) / crates.total_bytes)} |`) : [];
const checkLines = Object.entries(settings).map(([k, v]) => `| ${k.replace(/_/g, ' ')} | ${v.same ? 'same' : '**DIFFERENT**'} | \`${v.widget || '—'}\` |`);
const errorLines = Object.entries(results.errors).map(([k, v]) => `- **${k}**: \`${String(v).split('\n')[0]}\``);
const failedStages = Object.entries(stages).filter(([, v]) => v.status !== 'ok').map(([k]) => k);

// The startup breakdown: the phases between embed.js's marks, per page (medians).
const phaseLabels = [...new Set(['widget', 'widget_de'].flatMap((k) => (S?.[k]?.phases ?? []).map((p) => p.label)))];
const phaseLines = phaseLabels.map((label) => {
  const cell = (k) => fmtMs(S?.[k]?.phases?.find((p) => p.label === label)?.median);
  return `| ${label} | ${cell('widget')} | ${cell('widget_de')} |`;
});
// The profile, by function (hashes and crate disambiguators dropped).
const prof = results.profile;
const profName = (n) => shortName(n).replace(/ \(order-help_bg\.wasm\)$/, ' (wasm)').replace(/ \(order-help\.js\)$/, ' (glue)').slice(0, 150);
const profLines = (list) => (list ?? []).slice(0, 25).map((f) => `| \`${profName(f.name)}\` | ${f.ms.toFixed(2)} |`);
// Self time by kind: our wasm by crate, the glue (its import shims, and the browser built-ins
// they call: Intl, DOM, which the profiler does not show apart), the rest.
const profKinds = (() => {
  if (!prof?.self_ms) return [];
  const kinds = new Map();
  for (const f of prof.self_ms) {
    let kind;
    if (f.name.endsWith('(order-help_bg.wasm)')) {
      const crate = crateOf(f.name.replace(/ \(order-help_bg\.wasm\)$/, ''));
      kind = `wasm: ${crate}`;
    } else if (f.name.endsWith('(order-help.js)')) kind = 'the glue (import shims, incl. the built-ins they call: Intl, DOM)';
    else if (/^\((program|idle|garbage collector)\)$/.test(f.name)) kind = f.name;
    else if (/^(wasm-to-js|js-to-wasm)/.test(f.name)) kind = 'JS ↔ wasm transitions';
    else kind = 'browser built-ins and page JS';
    kinds.set(kind, (kinds.get(kind) ?? 0) + f.ms);
  }
  return [...kinds].sort((a, b) => b[1] - a[1]).map(([k, ms]) => `| ${k} | ${ms.toFixed(2)} |`);
})();

const notes = [];
if (t) {
  if (t.mismatched_ticks > 0) {
    notes.push(`- Countdown tick: ${t.mismatched_ticks} of ${t.ticks} ticks caused a different number of DOM mutation records than texts/attributes that changed (e.g. tick ${t.mismatch_examples[0]?.index}: ${t.mismatch_examples[0]?.records} records for ${t.mismatch_examples[0]?.texts} changed texts and ${t.mismatch_examples[0]?.attrs} changed attributes${t.mismatch_examples[0]?.structural ? ', structure changed' : ''}).`);
  } else {
    notes.push(`- Countdown tick: every tick's mutation records matched the texts/attributes that changed (median ${t.mutations_per_tick.median} records, ${t.changed_countdowns_per_tick.median} countdowns changed per tick).`);
  }
  if (t.ticks_without_change > 0) notes.push(`- ${t.ticks_without_change} of ${t.ticks} measured seconds changed no countdown (the 40 short ones must change every second).`);
  if (t.ticks_not_rearmed > 0) notes.push(`- ${t.ticks_not_rearmed} ticks did not re-arm the timer inside the measured window (the tick time may miss work done later).`);
  notes.push(`- Timer callbacks in the measured ticks, by kind: ${Object.entries(t.callbacks_by_kind ?? {}).map(([k, v]) => `\`${k}\` ${v}`).join(', ') || '—'} (the clock's 1 s \`setInterval\` fires a wake that falls on the same millisecond before its \`setTimeout\` does, which it then clears).`);
}
if (mem?.cycles) {
  const cb = mem.cycles.bytes_after_cycle;
  const g = mem.cycle_growth;
  notes.push(`- Linear memory across mount/unmount cycles: ${Object.entries(cb).map(([k, v]) => `${k}: ${fmtBytes(v)}`).join(', ')}.`);
  if (g) {
    notes.push(!g.leak
      ? `- Over the second half of the cycles (${g.half} → ${g.last}) memory grew by ${fmtBytes(g.second_half_bytes)}: at most one 64 KiB page, i.e. a step of the allocator taken once, not a leak (a leak would go on growing; none over ${g.last - g.half} cycles bounds one at about ${Math.floor(65536 / Math.max(1, g.last - g.half))} bytes per cycle).`
      : `- **Memory goes on growing across mount/unmount cycles**: ${fmtBytes(g.second_half_bytes)} over cycles ${g.half} → ${g.last}, about ${Math.round(g.per_cycle_bytes)} bytes per cycle since cycle ${g.settled}: a leak of the widget's mount/unmount, not a one-off step of the allocator (which takes a 64 KiB page once and keeps it). Where it comes from, by reading Yew 0.23's source (not yet confirmed by an experiment): each app root registers one event listener per kind of event on its root element and never drops it (\`dom_bundle/subtree_root.rs\`, \`HostHandlers::add_listener\`: \`cl.forget()\`, "the registry is never dropped in production"), so every \`mount()\` keeps its listeners' closures, and what they hold, for the page's life. The leak is not new: the run of 3303ec1 measured 64 KiB over 190 cycles (200-cycle runs see it as one page). \`BENCH_FREE=1 BENCH_STAGES=cycles node benches/browser.mjs …\` calls \`free()\` on each handle too, to tell it from handles waiting for the garbage collector.`);
  }
  const heap = mem.cycles.js_heap_after_cycle;
  notes.push(`- JS heap after forced GC (informational): ${Object.entries(heap).map(([k, v]) => `${k}: ${fmtBytes(v)}`).join(', ')}.`);
}
for (const [k, v] of Object.entries(settings)) {
  if (!v.same) notes.push(`- **The baseline is not built like the widget**: ${k.replace(/_/g, ' ')} differs (widget \`${v.widget}\`, baseline \`${v.baseline}\`). Fix benches/baseline/ before trusting the ratios.`);
}
for (const [name, b] of [['widget', widgetBytes], ['baseline', baselineBytes]]) {
  if (b?.other?.length) notes.push(`- The ${name} page also requested ${b.other.map((f) => `\`${f}\``).join(', ')} (not counted: neither wasm, JS, CSS nor JSON).`);
}

const budgetRows = rows.filter((r) => r.kind === 'budget');
const infoRows = rows.filter((r) => r.kind === 'info');
const mdRows = (rs, head) => {
  const lines = [head, ...rs.map((r) => [r.measure, r.widget, r.baseline, r.ratio, r.budget, r.result])];
  return [
    `| ${lines[0].join(' | ')} |`,
    `| ${lines[0].map(() => '---').join(' | ')} |`,
    ...lines.slice(1).map((l) => `| ${l.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`),
  ].join('\n');
};
const sw = S?.widget;
const sb = S?.baseline;
const sd = S?.widget_de;

const doc = `# Benchmarks

Generated by \`make bench\` (\`scripts/bench.sh\` → \`benches/browser.mjs\`, \`engine/benches/engine.rs\`,
\`benches/report.mjs\`) on ${m.date.slice(0, 10)}; machine-readable: [\`benchmarks.json\`](benchmarks.json).
Do not edit by hand except the sections "Ledger" and "What we write by hand / what we carry",
which the report keeps — re-run \`make bench\` instead. The baseline is
[\`benches/baseline/\`](benches/baseline/): a minimal Yew ${tc.yew ?? '0.23'} app (one function
component, one \`use_state\`, one button), built in the same run with the same toolchain, release
profile and wasm-opt settings. This machine is noisy: compare ratios, not absolute times.

**${allPass ? 'Every budget passes.' : 'Not every budget passes.'}** **${allGuardsHold ? 'Every guard holds.' : 'Not every guard holds.'}** ${failedStages.length ? `(stages that failed: ${failedStages.join(', ')})` : ''}

## Budgets (issue 16)

Bytes are the files the English help page requested in the browser run (see "Bytes on the
wire"); times are medians of ${S?.loads ?? '—'} alternated loads.

${mdRows(budgetRows, ['measure', 'widget', 'baseline', 'ratio', 'budget', 'result'])}

## Guards

Not targets: no regression beyond noise against the reference figures in
[\`benches/guards.json\`](benches/guards.json) (each with the committed run it comes from), shown
side by side.

${mdRows(guardRows, ['measure', 'this run', 'reference', 'ratio', 'guard', 'result'])}

## Other figures

${mdRows(infoRows, ['measure', 'widget', 'baseline', 'ratio', '', ''])}

${PRESERVED(LEDGER_MARKER, LEDGER_DEFAULT)}

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

What the pages of the startup runs requested (Playwright's request events, warm-up loads
included; the page itself left out):

${requestedLines.join('\n')}

So a help page loads \`embed.js\` (the release build, \`scripts/integrity.mjs\`, puts the
wasm-bindgen glue inside it) and \`order-help_bg.wasm\`, plus \`locales/<lang>.json\` for a
language other than English; **its CSS has no file of its own: \`src/components/widget.css\` is
compiled into the wasm** (adopted as a constructed stylesheet; \`build.rs\` strips its comments and layout first)${cssInWasm ? ` — the source is ${cssInWasm.raw} bytes raw, ${cssInWasm.gzip} gzip -9 on its own; what the wasm holds is smaller, and counted in the wasm row` : ''}.
_Correction (issue 16): reports before it counted \`order-help.js\` as well, the glue a second time
(it is inside \`embed.js\`, and no page loads it), and their startup page preloaded it and the wasm
without its hash (two downloads nothing used)._ The demo page's own files are not counted. The
baseline is \`main.js\` + its glue + its wasm. Each file compressed on its own (as served):
\`gzip -9 -n\`, and brotli quality 11 (Node's zlib).

| page | file | raw | gzip -9 | brotli |
| --- | --- | ---: | ---: | ---: |
${sizeLines.join('\n')}

## Startup

Headless Chromium, a fresh browser context (empty cache) per load, served from 127.0.0.1 with
\`cache-control: no-store\` (so every load fetches and compiles the wasm) and cross-origin isolation
(for a fine-grained \`performance.now()\`); ${S?.loads ?? '—'} loads of each page after ${S?.warmup_loads ?? '—'} warm-up
loads, the three pages rotated (English widget, baseline, German widget). The widget pages are
what the README tells a help page to write: one \`<script type="module" src=".../embed.js"
integrity=… crossorigin>\` and one \`<order-help>\` holding the 10-item order inline
(\`benches/fixtures/order-10.json\`), \`locale="en-US"\` or \`locale="de-DE"\` (the German catalogue
is fetched on demand); the baseline page loads \`main.js\` (with preloads of its glue and wasm).
"First complete render" is the same check for all: a \`MutationObserver\` installed before any
page script sees the complete markup (the widget's 10 \`li[data-item]\` in its shadow root; the
baseline's button), and the time is \`performance.now()\` then, i.e. since navigation start.
Long tasks: a \`PerformanceObserver\` for \`longtask\` registered before any page script; it
reports only tasks over 50 ms, so "none > 50 ms" means every task was shorter.

| | median | p10 | p90 | min | max | longest task (median; max) | loads with a task > 50 ms |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${[['widget (English)', sw], ['widget (German)', sd], ['baseline', sb]].map(([label, p]) => {
  const f = p?.first_render_ms;
  const lt = p?.longest_task_ms;
  const task = (x) => (x == null ? '—' : x === 0 ? 'none > 50 ms' : fmtMs(x));
  return `| ${label} | ${fmtMs(f?.median)} | ${fmtMs(f?.p10)} | ${fmtMs(f?.p90)} | ${fmtMs(f?.min)} | ${fmtMs(f?.max)} | ${task(lt?.median)}; ${task(lt?.max)} | ${p?.loads_with_long_task ?? '—'} of ${lt?.n ?? '—'} |`;
}).join('\n')}

Where the time goes (medians, ms since navigation start; Resource Timing for the wasm's last
byte, a wrapper around \`WebAssembly.instantiate(Streaming)\` for "instantiated"):

| | wasm downloaded | compiled + instantiated | first complete render | instantiated → rendered (median per load) |
| --- | ---: | ---: | ---: | ---: |
${[['widget (English)', sw], ['widget (German)', sd], ['baseline', sb]].map(([label, p]) => `| ${label} | ${fmtMs(p?.wasm_loaded_ms?.median)} | ${fmtMs(p?.instantiated_ms?.median)} | ${fmtMs(p?.first_render_ms?.median)} | ${fmtMs(p?.instantiated_to_render_ms?.median)} |`).join('\n')}

### Startup breakdown

Between the \`performance.mark\`s \`static/embed.js\` sets (\`order-help:start\`, \`:fetched\`,
\`:instantiated\`, \`:load\`, \`:mount\`, \`:mounted\`) and the first complete render; medians of
each phase over the loads (so they need not add up to the total exactly). The wasm is fetched
with its hash, so "fetched" is when the whole file has arrived and been checked.

| phase | English | German |
| --- | ---: | ---: |
${phaseLines.join('\n') || '| — | — | — |'}

What the wasm and the browser do from \`mount()\` to the first complete render: V8's sampling
CPU profiler (every ${prof?.sampling_interval_us ?? '—'} µs) over ${prof?.runs ?? '—'} fresh pages that import the glue of the
build with symbol names (\`target/bench/named/\`, the same code, wasm-opt'd with \`--debuginfo\`)
and call \`mount()\` with the 10-item order (English); only the samples from the call of
\`mount\` to the first complete render count. Mount → first complete render took
${fmtMs(prof?.mount_to_render_ms?.median)} (median) under the profiler. Milliseconds per run, averaged. The profiler shows
no frame for the browser's built-ins (\`Intl\`, DOM): their time is the self time of the glue's
import shim that called them (\`(anonymous) (glue)\`, \`__wbg_…\`). \`(program)\` is the browser's
own work outside JavaScript (style, layout, parsing), \`(idle)\` waiting.
${prof?.skipped ? `\n_Not profiled: ${prof.skipped}._\n` : ''}
Self time by kind:

| kind | ms |
| --- | ---: |
${profKinds.join('\n') || '| — | — |'}

Top functions by self time:

| function | ms |
| --- | ---: |
${profLines(prof?.self_ms).join('\n') || '| — | — |'}

Top functions by total time (anywhere on the stack: what cutting a call would save):

| function | ms |
| --- | ---: |
${profLines(prof?.total_ms).join('\n') || '| — | — |'}

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
change. Playwright's fake clock drives ${t?.ticks ?? '—'} ticks (\`clock.runFor(1000)\` each). The widget's
clock (\`src/clock.rs\`) wakes it with a \`setTimeout\` at the next instant anything shown changes
and, while the page is visible, checks the wall clock once a second with a \`setInterval\` that
also fires what is due; in the page both are wrapped, and a tick's time runs from the start of
the first timer callback in that second to a microtask queued right after the last one returns
(Yew renders in a microtask the callback queued, so the figure includes the render and the
effects that re-arm the next timer). A \`MutationObserver\` on the shadow root (\`subtree,
childList, characterData, attributes\`) counts each tick's records; after each tick every text
node and attribute of the shadow root is compared with the previous tick's.

| | median | p10 | p90 | max |
| --- | ---: | ---: | ---: | ---: |
| tick time | ${fmtMs(t?.ms?.median)} | ${fmtMs(t?.ms?.p10)} | ${fmtMs(t?.ms?.p90)} | ${fmtMs(t?.ms?.max)} |
| mutation records per tick | ${t?.mutations_per_tick?.median ?? '—'} | ${t?.mutations_per_tick?.p10 ?? '—'} | ${t?.mutations_per_tick?.p90 ?? '—'} | ${t?.mutations_per_tick?.max ?? '—'} |
| text nodes changed per tick | ${t?.changed_texts_per_tick?.median ?? '—'} | ${t?.changed_texts_per_tick?.p10 ?? '—'} | ${t?.changed_texts_per_tick?.p90 ?? '—'} | ${t?.changed_texts_per_tick?.max ?? '—'} |
| attributes changed per tick | ${t?.changed_attributes_per_tick?.median ?? '—'} | ${t?.changed_attributes_per_tick?.p10 ?? '—'} | ${t?.changed_attributes_per_tick?.p90 ?? '—'} | ${t?.changed_attributes_per_tick?.max ?? '—'} |
| countdowns (\`[role=timer]\`) changed per tick | ${t?.changed_countdowns_per_tick?.median ?? '—'} | ${t?.changed_countdowns_per_tick?.p10 ?? '—'} | ${t?.changed_countdowns_per_tick?.p90 ?? '—'} | ${t?.changed_countdowns_per_tick?.max ?? '—'} |

On the real clock (real timers and \`Intl\`, no fake clock), ${browser.cycles?.real_clock_ticks_ms?.length ?? '—'} ticks timed the same way (the
wakes that re-armed; the 1 s wall-clock checks between them change nothing and are left out): ${browser.cycles?.real_clock_ticks_ms?.map((x) => x.toFixed(3)).join(', ') ?? '—'} ms.

Mutation records by type over all ticks: ${t ? Object.entries(t.mutation_record_types).map(([k, v]) => `${k} ${v}`).join(', ') : '—'};
ticks whose records differ from what changed: ${t?.mismatched_ticks ?? '—'}; ticks with a change of structure: ${t?.structural_ticks ?? '—'}.

## Memory

Wasm linear memory (\`memory.buffer.byteLength\`, from the exports \`init()\` returns) on a page that
imports the glue directly: ${fmtBytes(mem?.at_init_bytes)} after \`init\`, ${fmtBytes(mem?.after_mount_bytes)} after mounting the 50-item
order, ${fmtBytes(mem?.after_ticks_bytes)} after ${mem?.ticks_run ?? '—'} ticks (wakes that changed the countdowns; the 40 short countdowns
tick every second only in their last hour, so the widget's clock was moved back with
\`update({ now })\` ${mem?.clock_jumps_back ?? '—'} times along the way). Then, on a fresh page with the real clock,
${mem?.cycles?.cycles ?? '—'} cycles of \`mount()\` of the 50-item order, one task to render, \`unmount()\` (the handle
dropped without \`free()\`, as a host page does), with a forced garbage collection at each
checkpoint. Wasm memory grows in 64 KiB pages and never shrinks: one step that stays is the
allocator taking a page; growth that goes on through the second half of the cycles is a leak.
The baseline's linear memory after its first render: ${fmtBytes(mem?.baseline_after_first_render_bytes)}.

| after cycle | ${mem?.cycles ? Object.keys(mem.cycles.bytes_after_cycle).join(' | ') : ''} |
| --- | ${mem?.cycles ? Object.keys(mem.cycles.bytes_after_cycle).map(() => '---:').join(' | ') : ''} |
| wasm linear memory | ${mem?.cycles ? Object.values(mem.cycles.bytes_after_cycle).map(fmtBytes).join(' | ') : ''} |
| JS heap after forced GC | ${mem?.cycles ? Object.values(mem.cycles.js_heap_after_cycle).map(fmtBytes).join(' | ') : ''} |

## Notes from this run

${notes.join('\n') || '- none'}
${errorLines.length ? `\nErrors:\n\n${errorLines.join('\n')}\n` : ''}
## Where the widget's wasm bytes go

From a build of the same code with symbol names kept (\`CARGO_PROFILE_RELEASE_STRIP=false\`,
\`wasm-bindgen --keep-debug\`, \`wasm-opt … --debuginfo\`; \`target/bench/named/\`), \`twiggy top -f json\`,
each item's shallow size added to the crate its symbol names (for \`<A as B>::f\`, A's crate, or
B's when A is generic or primitive); custom sections (names, debug info: ${crates ? fmtBytes(crates.custom_sections_bytes) : '—'})
left out. Total without them: ${crates ? `${crates.total_bytes} bytes` : '—'} (the shipped wasm: ${widgetBytes?.files?.['order-help_bg.wasm']?.raw ?? '—'} bytes).
Raw bytes, before compression. Generic code counts for the crate that defines it, not the one
that instantiates it: \`core::ptr::drop_in_place<order_help::…>\` counts as \`core\`, and Yew's
\`CompStateInner<COMP>::view\` — into which the optimiser inlines the widget components' \`html!\`
views — counts as \`yew\`, so the \`yew\` row holds much of the widget's own view code.
**Data segments** (string literals, the texts, the zone table, the stylesheet, panic and
\`Debug\` strings, constant tables): ${crates?.data_segments ? `${crates.data_segments.bytes} bytes in ${crates.data_segments.count} segments, ${pct((100 * crates.data_segments.bytes) / crates.total_bytes)} of the total` : '—'}.

| crate | bytes | share |
| --- | ---: | ---: |
${crateLines.join('\n')}

The ${topLines.length} largest items:

| item | crate | bytes | share |
| --- | --- | ---: | ---: |
${topLines.join('\n')}

${PRESERVED(HAND_MARKER, HAND_DEFAULT)}
`;

writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), doc.replace(/\n{3,}/g, '\n\n'));
console.log();
printTable(rows);
console.log();
console.log(`bench: ${allPass ? 'every budget passes' : 'some budgets are NOT met'}; ${allGuardsHold ? 'every guard holds' : 'some guards do NOT hold'}; wrote BENCHMARKS.md and benchmarks.json`);
