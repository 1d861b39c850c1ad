// Both mount styles (custom element, JS API) render the order on a plain page, under a strict
// CSP, on a page with hostile global CSS, and with the bundle served from a sub-path; the
// widget's CSS does not restyle the page. Every page: zero console errors, page errors and CSP
// violations.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { harness, hostLog, waitForEvent } from './helpers.mjs';
import { BUNDLE, requestByClicks } from './flow.mjs';
import { CSP, SUB_PATH } from './server.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

const MULTI = { id: '114-7765120-0043318', items: ['chair', 'mat', 'laptop', 'sleeve'] };

/** Asserts the widget on `host` (a selector) shows `order` with its items and is visible. */
async function assertRendered(page, host, order) {
  const widget = page.locator(host);
  const heading = widget.getByRole('heading', { level: 2 });
  await heading.waitFor();
  assert.equal(await heading.innerText(), `Order ${order.id}`);
  assert.deepEqual(await widget.locator('li[data-item]').evaluateAll((li) => li.map((l) => l.dataset.item)), order.items);
  assert.ok(await widget.getByRole('region', { name: 'Order help' }).isVisible(), `${host}: the widget is visible`);
  const box = await widget.boundingBox();
  assert.ok(box && box.width > 200 && box.height > 200, `${host}: the widget has a real size (${JSON.stringify(box)})`);
  // Its own stylesheet applies: the adopted sheet gives the root a border and the main button the accent colour.
  const styles = await widget.evaluate((el) => {
    const root = el.shadowRoot;
    return {
      adopted: root.adoptedStyleSheets.length,
      styleElements: root.querySelectorAll('style, [style]').length,
      rootBorder: getComputedStyle(root.querySelector('.root')).borderTopStyle,
      button: root.querySelector('button.primary') && getComputedStyle(root.querySelector('button.primary')).backgroundColor,
    };
  });
  assert.deepEqual(styles, { adopted: 1, styleElements: 0, rootBorder: 'solid', button: styles.button ?? null });
  if (styles.button) assert.equal(styles.button, 'rgb(11, 92, 173)');
}

const BUNDLE_ORDER = { id: BUNDLE.id, items: ['camera', 'lens', 'card'] };

/** What the hostile-CSS test compares: the computed styles of the widget's own elements. */
const PROPS = [
  'display', 'visibility', 'opacity', 'position', 'left', 'transform', 'box-sizing', 'font-family', 'font-size', 'font-style',
  'font-weight', 'line-height', 'color', 'background-color', 'margin-top', 'margin-left', 'padding-top', 'padding-left',
  'border-top-width', 'border-top-style', 'border-top-color', 'list-style-type', 'text-transform', 'letter-spacing',
  'text-align', 'word-spacing', 'height', 'min-height', 'width', 'outline-style', 'appearance',
];
const PARTS = ['.root', 'h2', 'ul.items', 'li[data-item="lens"]', '.title', '.badge', '.meta', '.why', '.countdown', '.actions', 'button.primary'];

function widgetStyles(page, host, props = PROPS) {
  return page.locator(host).evaluate(
    (el, [parts, props]) => {
      const out = {};
      for (const part of parts) {
        const node = el.shadowRoot.querySelector(part);
        const style = getComputedStyle(node);
        out[part] = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
      }
      const rect = el.getBoundingClientRect();
      out.host = { width: rect.width, height: rect.height, display: getComputedStyle(el).display };
      return out;
    },
    [PARTS, props],
  );
}

describe('mounting the widget', { concurrency: true }, () => {
  test('custom element on a plain page: renders the order, fires ready, hides its fallback', async () => {
    const page = await h.open('/e2e/element.html');
    await waitForEvent(page, 'ready', { order_id: BUNDLE.id }, 'widget');
    await assertRendered(page, 'order-help', BUNDLE_ORDER);
    assert.equal(await page.locator('order-help .fallback').isVisible(), false, 'the light-DOM fallback is no longer shown');
    const { events } = await hostLog(page);
    assert.deepEqual(events, [{ type: 'ready', target: 'widget', detail: { order_id: BUNDLE.id } }]);
    await page.done();
  });

  test('JS API on a plain page: mount() renders the order and returns a live handle', async () => {
    const page = await h.open('/e2e/api.html');
    await waitForEvent(page, 'ready', { order_id: BUNDLE.id }, 'widget');
    await assertRendered(page, '#widget', BUNDLE_ORDER);
    assert.deepEqual(
      await page.evaluate(() => ({ mounted: window.widgets.widget.mounted, update: typeof window.widgets.widget.update, unmount: typeof window.widgets.widget.unmount })),
      { mounted: true, update: 'function', unmount: 'function' },
    );
    await page.done();
  });

  test('under a strict Content-Security-Policy: both mount styles, zero violations', async () => {
    const page = await h.open('/e2e/csp.html?answer=cancelled');
    const response = await page.request.get(h.server.url('/e2e/csp.html'));
    assert.equal(response.headers()['content-security-policy'], CSP);
    await waitForEvent(page, 'ready', {}, 'element');
    await waitForEvent(page, 'ready', {}, 'api');
    await assertRendered(page, '#element', BUNDLE_ORDER);
    await assertRendered(page, '#api', MULTI);
    // Both go through the whole flow (every step renders, the comment field, the outcome).
    for (const [host, item] of [['#element', /^128 GB memory card/], ['#api', /^Chair mat for carpet/]]) {
      const w = page.locator(host);
      await w.getByRole('button', { name: 'Cancel items' }).click();
      await w.getByRole('checkbox', { name: item }).check();
      await w.getByRole('button', { name: 'Continue' }).click();
      await w.getByRole('radio', { name: 'Other' }).check();
      await w.getByRole('textbox').fill('Under a strict CSP.');
      await w.getByRole('button', { name: 'Continue' }).click();
      await w.getByRole('button', { name: 'Request cancellation' }).click();
      await w.getByRole('heading', { name: 'Cancelled' }).waitFor();
    }
    assert.deepEqual((await hostLog(page)).requests.map((r) => r.target), ['element', 'api']);
    await page.done();
    // The CSP itself is live: on a second copy of the page, an inline style the test adds is refused.
    const probe = await h.open('/e2e/csp.html');
    await probe.evaluate(() => {
      const el = document.createElement('p');
      el.setAttribute('style', 'color: red');
      document.body.append(el);
    });
    await probe.waitForFunction(() => window.__cspViolations.some((v) => v.directive.startsWith('style-src')));
    await probe.context().close();
  });

  test("hostile global CSS (* { display: none !important } and more) neither hides nor restyles the widget", async () => {
    const plain = await h.open('/e2e/element.html');
    await waitForEvent(plain, 'ready');
    const expected = await widgetStyles(plain, 'order-help');
    const page = await h.open('/e2e/hostile.html');
    await waitForEvent(page, 'ready', {}, 'element');
    await waitForEvent(page, 'ready', {}, 'api');
    // The page's own rule hides every element of the page it reaches…
    assert.equal(await page.locator('#plain-box').isVisible(), false, 'the hostile rule is live');
    for (const host of ['#element', '#api']) {
      await assertRendered(page, host, BUNDLE_ORDER);
      assert.deepEqual(await widgetStyles(page, host), expected, `${host}: the widget looks as on a plain page`);
    }
    // …and the widget still works: into the flow and back.
    const widget = page.locator('#element');
    await widget.getByRole('button', { name: 'Cancel items' }).click();
    await widget.getByRole('checkbox', { name: /^128 GB memory card/ }).check();
    assert.ok(await widget.getByRole('checkbox', { name: /^128 GB memory card/ }).isVisible());
    await plain.done();
    await page.done();
  });

  test("the widget's CSS does not restyle the host page", async () => {
    const page = await h.open('/e2e/leak.html');
    await page.waitForFunction(() => window.leak);
    const { before: styleBefore, after: styleAfter } = await page.evaluate(() => window.leak);
    assert.ok(styleBefore.length > 20, 'the page has elements to compare');
    assert.deepEqual(styleAfter, styleBefore, 'computed styles of the page’s own elements changed when the widget mounted');
    await page.done();
  });

  test(`the bundle served from a sub-path (${SUB_PATH}) loads its files from there, under the CSP`, async () => {
    const page = await h.open('/e2e/subpath.html');
    await waitForEvent(page, 'ready', {}, 'element');
    await waitForEvent(page, 'ready', {}, 'api');
    await assertRendered(page, '#element', BUNDLE_ORDER);
    await assertRendered(page, '#api', MULTI);
    const asked = page.requests.map((url) => new URL(url).pathname);
    for (const file of ['embed.js', 'order-help_bg.wasm']) {
      assert.ok(asked.includes(`${SUB_PATH}${file}`), `${file} is loaded from ${SUB_PATH} (asked: ${asked.join(', ')})`);
      assert.ok(!asked.includes(`/${file}`), `${file} is not loaded from the root`);
    }
    // The release build put the glue inside embed.js (scripts/integrity.mjs).
    assert.ok(!asked.some((p) => p.endsWith('/order-help.js')), `the glue is not fetched on its own: ${asked.join(', ')}`);
    await page.done();
  });

  test('the demo help page (dist/index.html) shows the sample and answers a request', async () => {
    const page = await h.open('/index.html?order=bundle&answer=cancelled&delay=0');
    const w = page.locator('order-help');
    await w.getByRole('heading', { name: `Order ${BUNDLE.id}` }).waitFor();
    await requestByClicks(w);
    await w.getByRole('heading', { name: 'Cancelled' }).waitFor();
    await page.done();
  });

  test(
    "page typography that reaches the host (main * { font-family; color }, body { text-transform }, html { font-size }) does not restyle the widget",
    async () => {
      const plain = await h.open('/e2e/element.html');
      await waitForEvent(plain, 'ready');
      const props = ['font-family', 'font-size', 'font-style', 'line-height', 'color', 'text-transform', 'letter-spacing', 'text-align', 'word-spacing', 'padding-top'];
      const expected = await widgetStyles(plain, 'order-help', props);
      delete expected.host;
      const page = await h.open('/e2e/inherit.html');
      await waitForEvent(page, 'ready', {}, 'element');
      await waitForEvent(page, 'ready', {}, 'api');
      try {
        for (const host of ['#element', '#api']) {
          const actual = await widgetStyles(page, host, props);
          delete actual.host;
          const diff = [];
          for (const part of Object.keys(expected)) {
            for (const p of props) if (actual[part][p] !== expected[part][p]) diff.push(`${part} ${p}: ${expected[part][p]} → ${actual[part][p]}`);
          }
          assert.deepEqual(diff, [], `${host}: the page's typography changed the widget:\n${diff.join('\n')}`);
        }
      } finally {
        await plain.done();
        await page.done();
      }
    },
  );
});
