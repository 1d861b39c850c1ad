// The baseline's counterpart of the widget's embed.js: the one module a page loads. It starts
// the wasm (whose start function renders the app) and, for the memory benchmark, exposes the
// wasm exports (`memory`).
import init from './order-help-baseline.js';

const wasm = await init({ module_or_path: new URL('order-help-baseline_bg.wasm', import.meta.url) });
globalThis.__baselineWasm = wasm;
