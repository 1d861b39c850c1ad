// Shared by the e2e test files: Debian's Chromium through playwright-core, the static server,
// and a page wrapper that collects console errors, page errors, CSP violations and requests
// that leave 127.0.0.1, so every test can assert there were none.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DIST, ROOT, startServer } from './server.mjs';
import { LAUNCH } from './chromium.mjs';

export { LAUNCH };

export const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/** The sample orders and the `now` each is shown at (dist/orders/index.json). */
export const SAMPLES = Object.fromEntries(
  JSON.parse(readFileSync(path.join(DIST, 'orders/index.json'), 'utf8')).map((s) => [s.file.replace(/\.json$/, ''), s]),
);
export const order = (name) => JSON.parse(readFileSync(path.join(DIST, 'orders', `${name}.json`), 'utf8'));

/** Chromium's console error for the 404 of `/e2e/api/missing`, for `h.open`'s `allow`. */
export const MISSING_404 =
  /^error: Failed to load resource: the server responded with a status of 404 \(Not Found\) \(http:\/\/127\.0\.0\.1:\d+\/e2e\/api\/missing:/;
/** What the errors.html page (pages.mjs) provokes on purpose, and Chromium logs: the 404 and a dropped connection. */
export const ERRORS_PAGE_ALLOW = [
  MISSING_404,
  /^error: Failed to load resource: net::ERR_EMPTY_RESPONSE \(http:\/\/127\.0\.0\.1:\d+\/e2e\/api\/hang-up:/,
];


/** Records CSP violations, from the first moment of every document. */
const INIT = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({
      directive: e.violatedDirective,
      blocked: e.blockedURI,
      source: `${e.sourceFile}:${e.lineNumber}`,
      sample: e.sample,
    });
  });
};

/**
 * One browser and one server for a test file. `before`/`after` hooks call `setup()`/`teardown()`.
 */
export function harness() {
  if (!existsSync(path.join(DIST, 'embed.js')) || !existsSync(path.join(DIST, 'order-help_bg.wasm'))) {
    throw new Error('dist/ has no release bundle: run `trunk build --release` first');
  }
  const h = {
    browser: null,
    server: null,
    async setup() {
      [h.browser, h.server] = await Promise.all([chromium.launch(LAUNCH), startServer()]);
    },
    async teardown() {
      await h.browser?.close();
      await h.server?.close();
    },
    /**
     * A fresh context and page, watched. `options.context` goes to newContext; `allow` lists
     * regexps of console errors that the test expects (e.g. a 404 it provoked), matched
     * against "type: text (url:line)".
     */
    async open(urlPath, { context: contextOptions = {}, allow = [], clock, initScripts = [] } = {}) {
      const context = await h.browser.newContext({
        locale: 'en-US',
        timezoneId: 'America/Los_Angeles',
        viewport: { width: 900, height: 900 },
        ...contextOptions,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const problems = { console: [], pageErrors: [], offsite: [] };
      /** Every URL this page asked for, in order. */
      page.requests = [];
      page.on('request', (request) => page.requests.push(request.url()));
      page.on('console', (msg) => {
        // Errors and warnings both count (wasm-bindgen warns when it cannot stream-compile).
        if (msg.type() !== 'error' && msg.type() !== 'warning') return;
        const line = `${msg.type()}: ${msg.text()} (${msg.location().url}:${msg.location().lineNumber})`;
        if (allow.some((re) => re.test(line))) return;
        problems.console.push(line);
      });
      page.on('pageerror', (error) => problems.pageErrors.push(String(error.stack ?? error)));
      context.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(h.server.origin + '/') && !/^(data|blob|about):/.test(url)) problems.offsite.push(url);
      });
      await page.addInitScript(INIT);
      for (const script of initScripts) await page.addInitScript(script);
      if (clock) await page.clock.install(clock);
      if (urlPath) await page.goto(h.server.url(urlPath));
      page.problems = problems;
      /** Asserts no console errors, page errors, CSP violations or off-machine requests. */
      page.assertClean = async () => {
        const csp = page.isClosed() ? [] : await page.evaluate(() => window.__cspViolations ?? []);
        assert.deepEqual(
          { console: problems.console, pageErrors: problems.pageErrors, csp, offsite: problems.offsite },
          { console: [], pageErrors: [], csp: [], offsite: [] },
          'the page must run without console errors, page errors, CSP violations or requests off 127.0.0.1',
        );
      };
      page.done = async () => {
        try {
          await page.assertClean();
        } finally {
          await context.close();
        }
      };
      return page;
    },
    /** `open()`, then wait until a widget of the page says `order-help-ready`. */
    async openReady(urlPath, options) {
      const page = await h.open(urlPath, options);
      await waitForEvent(page, 'ready');
      return page;
    },
  };
  return h;
}

/** The recorded host-side log of the page (events and requests, see pages/host.js). */
export const hostLog = (page) => page.evaluate(() => ({ events: window.e2e.events, requests: window.e2e.requests }));

/** Waits for `count` cancellation requests to have arrived at the host. */
export async function waitForRequests(page, count = 1) {
  await page.waitForFunction((n) => window.e2e.requests.length >= n, count);
  return page.evaluate(() => window.e2e.requests);
}

/** Waits for an `order-help-<type>` event matching `match` (a partial detail) on `target`. */
export async function waitForEvent(page, type, match = {}, target) {
  await page.waitForFunction(
    ([type, match, target]) =>
      window.e2e.events.some(
        (e) =>
          e.type === type &&
          // null too: WebDriver (engines/) sends an undefined in the arguments as null.
          (target == null || e.target === target) &&
          Object.entries(match).every(([k, v]) => JSON.stringify(e.detail?.[k]) === JSON.stringify(v)),
      ),
    [type, match, target],
  );
}

/** What has keyboard focus, through shadow roots: `{ tag, text, role, label, host }`. */
export function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    let host = null;
    while (el?.shadowRoot?.activeElement) {
      host = el;
      el = el.shadowRoot.activeElement;
    }
    if (!el) return null;
    const labels = el.labels ? [...el.labels].map((l) => l.textContent.trim()) : [];
    return {
      tag: el.localName,
      text: el.textContent.trim(),
      type: el.getAttribute('type'),
      value: el.value,
      label: labels[0] ?? el.getAttribute('aria-label') ?? '',
      checked: el.checked,
      host: host ? host.id || host.localName : null,
    };
  });
}

/**
 * Presses Tab until `predicate(focused)` holds; fails after `max` presses, naming what had
 * focus on the way.
 */
export async function tabTo(page, predicate, description, { max = 25, shift = false } = {}) {
  const seen = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now && predicate(now)) return now;
    seen.push(now ? `${now.tag}${now.type ? `[${now.type}]` : ''} "${(now.label || now.text).slice(0, 40)}"` : 'nothing');
  }
  assert.fail(`Tab never reached ${description}; focus went through: ${seen.join(' → ')}`);
}

/** Presses `key` until `predicate(focused)` holds (arrow keys in a radio group). */
export async function pressUntil(page, key, predicate, description, max = 10) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (predicate(now)) return now;
  }
  assert.fail(`${key} never reached ${description}`);
}

/**
 * Waits until the countdown (`[role="timer"]`) of `item`, or the first one, in the shadow root of
 * `host` reads a text matching `pattern`.
 */
export function waitForTimer(page, pattern, { host = 'order-help', item, timeout } = {}) {
  const selector = item ? `li[data-item="${item}"] [role="timer"]` : '[role="timer"]';
  return page.waitForFunction(
    ([host, selector, source, flags]) => {
      const text = document.querySelector(host)?.shadowRoot?.querySelector(selector)?.textContent;
      return text !== undefined && new RegExp(source, flags).test(text);
    },
    [host, selector, pattern.source, pattern.flags],
    { timeout },
  );
}

/** Waits for running CSS animations (the steps fade in) in the page and its shadow roots. */
export function settle(page) {
  return page.evaluate(async () => {
    const roots = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)];
    await Promise.all(roots.flatMap((r) => r.getAnimations()).map((a) => a.finished.catch(() => {})));
  });
}

/** The WCAG tags up to 2.2 AA (and axe's best practices), for `auditStep(…, { tags })`. */
export const WCAG22AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core on the whole page (open shadow roots included); returns its violations. With
 * `tags`, only the rules of those tags run.
 */
export async function axeViolations(page, tags) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  // Mid-fade colours are not the colours the customer reads.
  await settle(page);
  return page.evaluate(async (tags) => {
    const options = { resultTypes: ['violations'] };
    if (tags) options.runOnly = { type: 'tag', values: tags };
    const result = await window.axe.run(document, options);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, impact: n.impact, summary: n.failureSummary, html: n.html })),
    }));
  }, tags);
}

/** Every violation seen by `auditStep`, for the run's summary. */
export const axeSeen = [];

/** Asserts no serious or critical axe violations at `step`; remembers the minor ones. */
export async function auditStep(page, step, { tags } = {}) {
  const violations = await axeViolations(page, tags);
  for (const v of violations) axeSeen.push({ step, ...v });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.equal(bad.length, 0, `axe at ${step}: ${bad.length} serious/critical violation(s):\n${JSON.stringify(bad, null, 2)}`);
  for (const v of violations) {
    const where = v.nodes.map((n) => `${n.target.flat().join(' ')} ${n.html.slice(0, 80)}`).join('; ');
    console.log(`axe at ${step}: ${v.id} (${v.impact}): ${v.help}: ${where}`);
  }
  return violations;
}

/**
 * What sticks out of the widget at this moment: elements (in its shadow root) whose box leaves
 * the host's box, elements whose content is wider than they are, and the page scrolling sideways.
 */
export function overflow(page, host = 'order-help') {
  return page.evaluate((host) => {
    const element = document.querySelector(host);
    const box = element.getBoundingClientRect();
    const out = [];
    const name = (n) => `${n.localName}${n.className ? `.${String(n.className).split(' ').join('.')}` : ''} "${n.textContent.trim().slice(0, 30)}"`;
    for (const node of element.shadowRoot.querySelectorAll('*')) {
      if (node.closest('.sr-only')) continue;
      const r = node.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) {
        out.push(`${name(node)} spans ${Math.round(r.left)}–${Math.round(r.right)} px, outside the widget's ${Math.round(box.left)}–${Math.round(box.right)}`);
      }
      if (node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1) {
        out.push(`${name(node)} holds ${node.scrollWidth} px of content in ${node.clientWidth} px`);
      }
    }
    if (box.right > window.innerWidth + 0.5) out.push(`the widget ends at ${box.right} px, past the ${window.innerWidth} px screen`);
    if (document.documentElement.scrollWidth > window.innerWidth) {
      out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px in ${window.innerWidth})`);
    }
    return out;
  }, host);
}

export async function assertFits(page, where) {
  await settle(page);
  assert.deepEqual(await overflow(page), [], `${where}: nothing may stick out of the widget`);
}
