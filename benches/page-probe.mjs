// The benchmark's in-page probe, installed with `page.addInitScript(pageInit)` before any page
// script (and before Playwright's fake clock, which replaces `performance`): the real
// high-resolution clock, when the wasm module is instantiated, the long tasks, and "first
// complete render" detection. Shared by benches/browser.mjs (the measurement of record) and
// benches/startup.mjs (the quick check), so both judge a render alike: a MutationObserver sees
// the complete markup appear (the widget's 10 `li[data-item]` in its shadow root on the pages
// named startup-widget.html, startup-widget-de.html and profile-widget.html; the baseline's
// button on startup-baseline.html), and the time is performance.now() then, i.e. milliseconds
// since navigation start. Results are in `window.__bench`.

export function pageInit() {
  const realPerformance = performance;
  const realNow = Performance.prototype.now.bind(realPerformance);
  const bench = { realNow, firstRender: null };
  Object.defineProperty(window, '__bench', { value: bench });
  const rendered = () => {
    if (bench.firstRender !== null) return;
    bench.firstRender = realNow();
    realPerformance.mark('bench:first-render');
  };
  // When the wasm module is compiled and instantiated (either glue path), to split startup.
  bench.instantiated = null;
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        bench.instantiated ??= realNow();
        return result;
      });
    };
  }
  // Long tasks (over 50 ms), from before any page script runs.
  bench.longTasks = [];
  try {
    bench.longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    });
    bench.longTaskObserver.observe({ type: 'longtask', buffered: true });
  } catch {
    bench.longTasks = null;
  }
  const page = location.pathname;
  if (/\/(startup-widget(-de)?|profile-widget)\.html$/.test(page)) {
    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attachShadow.call(this, init);
      const observer = new MutationObserver(() => {
        if (root.querySelectorAll('li[data-item]').length >= 10) {
          observer.disconnect();
          rendered();
        }
      });
      observer.observe(root, { childList: true, subtree: true });
      return root;
    };
  } else if (page.endsWith('/startup-baseline.html')) {
    const observer = new MutationObserver(() => {
      if (document.querySelector('button[data-baseline]')) {
        observer.disconnect();
        rendered();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }
}
