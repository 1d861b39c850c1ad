// Configuration: bad configurations end in an error panel and an order-help-error event (never
// a blank box, never an uncaught error); attribute changes and update() change the widget;
// removing the element or unmount() empties it and stops its timers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ERRORS_PAGE_ALLOW, MISSING_404, SAMPLES, harness, hostLog, order, waitForEvent, waitForTimer } from './helpers.mjs';
import { BUNDLE } from './flow.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

const PANEL_TITLE = "We can't show this order";
const NOT_FOUND = "The order wasn't found: the site answered 404.";
const MESSAGES = {
  order_missing: 'No order was given to the widget.',
  order_invalid: "The order's details are incomplete or invalid.",
  order_unreachable: "The order couldn't be loaded. Check your connection and reload the page.",
  policy_invalid: "The store's return policy couldn't be read.",
};

/** Asserts `host` shows the error panel for `code` (with `detail` in its hint) and fired the event. */
async function assertErrorPanel(page, host, code, detail, message = MESSAGES[code]) {
  const widget = page.locator(host);
  const alert = widget.getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.getByRole('heading').innerText(), PANEL_TITLE);
  const text = await alert.innerText();
  assert.ok(text.includes(message), `${host}: the panel says "${message}", not: ${text}`);
  if (detail) assert.match(text, detail, `${host}: the panel's detail`);
  const box = await widget.boundingBox();
  assert.ok(box && box.height > 60, `${host}: never a blank box (${JSON.stringify(box)})`);
  assert.equal(await widget.getByRole('button').count(), 0, `${host}: no flow on a broken order`);
  const name = host.replace(/^#/, '');
  await waitForEvent(page, 'error', { code }, name);
  const events = (await hostLog(page)).events.filter((e) => e.target === name && e.type === 'error');
  assert.deepEqual(events.map((e) => e.detail.code), [code], `${host}: one ${code} error event: ${JSON.stringify(events)}`);
  assert.equal(typeof events[0].detail.message, 'string');
}

/** Counts the page's setTimeout/setInterval calls and the timers still pending. */
const TIMERS = () => {
  const pending = new Set();
  const log = { scheduled: 0, pending };
  window.__timers = log;
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  window.setTimeout = function (fn, ms, ...args) {
    log.scheduled += 1;
    const id = st.call(window, (...a) => {
      pending.delete(id);
      return typeof fn === 'function' ? fn(...a) : undefined;
    }, ms, ...args);
    pending.add(id);
    return id;
  };
  window.clearTimeout = function (id) {
    pending.delete(id);
    return ct.call(window, id);
  };
  window.setInterval = function (fn, ms, ...args) {
    log.scheduled += 1;
    const id = si.call(window, fn, ms, ...args);
    pending.add(id);
    return id;
  };
  window.clearInterval = function (id) {
    pending.delete(id);
    return ci.call(window, id);
  };
};
const timers = (page) => page.evaluate(() => ({ scheduled: window.__timers.scheduled, pending: window.__timers.pending.size }));

const LAST_MINUTE = '2025-03-31T23:59:30-07:00';
const countdown = (page, host = 'order-help') => page.locator(host).locator('li[data-item="blender"] [role="timer"]').innerText();

describe('configuration, updates and removal', { concurrency: true }, () => {
  test('custom element: a bad configuration shows an error panel and fires order-help-error with its code', async () => {
    const page = await h.open('/e2e/errors.html', { allow: ERRORS_PAGE_ALLOW });
    await assertErrorPanel(page, '#missing', 'order_missing');
    await assertErrorPanel(page, '#not-json', 'order_invalid', /\/e2e\/api\/not-json is not valid JSON/);
    await assertErrorPanel(page, '#inline-not-json', 'order_invalid', /inline order is not valid JSON/);
    await assertErrorPanel(page, '#invalid', 'order_invalid', /items\[2\]\.quantity/);
    await assertErrorPanel(page, '#not-found', 'order_unreachable', /\/e2e\/api\/missing answered 404/, NOT_FOUND);
    await assertErrorPanel(page, '#hang-up', 'order_unreachable', /\/e2e\/api\/hang-up could not be reached/);
    await assertErrorPanel(page, '#bad-policy', 'policy_invalid', /not valid JSON/);
    await page.done();
  });

  test('JS API: a bad configuration shows an error panel and fires order-help-error; only a host without a shadow root throws', async () => {
    const page = await h.open('/e2e/blank.html');
    const thrown = await page.evaluate(async (bundle) => {
      const { mount } = await import('/embed.js');
      const add = (id) => document.getElementById('slot').appendChild(Object.assign(document.createElement('div'), { id }));
      mount(add('api-missing'), {});
      mount(add('api-not-json'), { order: '{"id": "114-1", "items": [' });
      mount(add('api-invalid'), { order: { id: '114-1', items: 'none' } });
      mount(add('api-bad-policy'), { order: bundle, policy: { return_window_days: 'thirty' } });
      try {
        mount(document.body.appendChild(document.createElement('input')), { order: bundle });
        return null;
      } catch (error) {
        return String(error.message);
      }
    }, order('bundle'));
    assert.match(thrown, /cannot hold a shadow root/);
    await assertErrorPanel(page, '#api-missing', 'order_missing');
    await assertErrorPanel(page, '#api-not-json', 'order_invalid');
    await assertErrorPanel(page, '#api-invalid', 'order_invalid', /items/);
    await assertErrorPanel(page, '#api-bad-policy', 'policy_invalid', /return_window_days/);
    await page.done();
  });

  test('attribute changes update the widget: locale (mid-flow, choices kept), order-src, policy-src set and removed, now, a broken and a fixed source', async () => {
    // The 404 of the broken source below is provoked on purpose.
    const page = await h.openReady('/e2e/element.html', { allow: [MISSING_404] });
    const widget = page.locator('order-help');
    await widget.getByRole('button', { name: 'Cancel items' }).click();
    await widget.getByRole('checkbox', { name: /^128 GB memory card/ }).check();
    // German, in the middle of step 1: texts change, the choice stays.
    await page.evaluate(() => document.querySelector('order-help').setAttribute('locale', 'de-DE'));
    await widget.getByRole('heading', { name: 'Schritt 1 von 3: Artikel auswählen' }).waitFor();
    assert.equal(await widget.getByRole('checkbox', { name: /^128 GB memory card/ }).isChecked(), true);
    assert.equal(await widget.getByRole('button', { name: 'Weiter' }).count(), 1);
    assert.equal(await widget.locator('.root').getAttribute('lang'), 'de-DE');
    await widget.getByRole('button', { name: 'Zurück' }).click();
    await widget.getByRole('heading', { name: `Bestellung ${BUNDLE.id}` }).waitFor();
    assert.match(await widget.locator('li[data-item="card"] .badge').innerText(), /^Kann storniert werden$/);
    assert.match(await widget.locator('li[data-item="card"] .meta').innerText(), /Menge 2 · 49,98\s\$/);
    // Another order.
    await page.evaluate(({ now }) => {
      const el = document.querySelector('order-help');
      el.setAttribute('locale', 'en-US');
      el.setAttribute('now', now);
      el.setAttribute('order-src', '/orders/delivered-29-days-ago.json');
    }, { now: SAMPLES['delivered-29-days-ago'].now });
    await widget.getByRole('heading', { name: 'Order 114-8890412-5520019' }).waitFor();
    assert.deepEqual(await widget.locator('li[data-item]').evaluateAll((l) => l.map((e) => e.dataset.item)), ['blender', 'jars']);
    // 36 hours before the window closes at midnight (or a minute less, as the clock runs on).
    assert.match(await countdown(page), /^(36 hours|35 hours, 59 minutes) left to return \(until March 31, 2025 at 11:59 PM PDT\)$/);
    // A policy-src (a Berlin store: its day ends at 02:59 PM PDT), then none again: the default.
    await page.evaluate(() => document.querySelector('order-help').setAttribute('policy-src', '/policies/berlin.json'));
    await waitForTimer(page, /\(until March 31, 2025 at 02:59 PM PDT\)$/, { item: 'blender' });
    await page.evaluate(() => document.querySelector('order-help').removeAttribute('policy-src'));
    await waitForTimer(page, /\(until March 31, 2025 at 11:59 PM PDT\)$/, { item: 'blender' });
    // The clock moves with `now`.
    await page.evaluate(() => document.querySelector('order-help').setAttribute('now', '2025-04-02T09:00:00-07:00'));
    await waitForTimer(page, /^Return window closed on March 31, 2025 at 11:59 PM PDT$/, { item: 'blender' });
    // A source that answers 404: the panel; a good one again: the order.
    await page.evaluate(() => document.querySelector('order-help').setAttribute('order-src', '/e2e/api/missing'));
    await assertErrorPanel(page, '#widget', 'order_unreachable', /answered 404/, NOT_FOUND);
    await page.evaluate(() => document.querySelector('order-help').setAttribute('order-src', '/orders/bundle.json'));
    await widget.getByRole('heading', { name: `Order ${BUNDLE.id}` }).waitFor();
    assert.equal(await widget.getByRole('alert').count(), 0);
    await page.done();
  });

  test('removing the element unmounts it: shadow content gone, no timers left, no more events; re-adding mounts again', async () => {
    const page = await h.open(`/e2e/element.html?order=delivered-29-days-ago&now=${encodeURIComponent(LAST_MINUTE)}`, {
      initScripts: [TIMERS],
    });
    await waitForEvent(page, 'ready');
    // The countdown runs to the second while mounted…
    // (Timers first: the tick that changes the text after it was read schedules the next one.)
    const t0 = await timers(page);
    const first = await countdown(page);
    assert.match(first, /^\d+ seconds? left to return/);
    // The next tick: another number of seconds.
    const seconds = parseInt(first, 10);
    await waitForTimer(page, new RegExp(`^(?!${seconds} )\\d+ seconds? left to return`), { item: 'blender', timeout: 5000 });
    assert.ok((await timers(page)).scheduled > t0.scheduled, 'the countdown schedules its next tick');
    // …and stops when the element is removed.
    const eventsBefore = (await hostLog(page)).events.length;
    await page.evaluate(() => {
      window.removed = document.querySelector('order-help');
      window.removed.remove();
    });
    const atRemoval = await timers(page);
    assert.equal(atRemoval.pending, 0, 'no timer is left pending after removal');
    assert.equal(await page.evaluate(() => window.removed.shadowRoot.childNodes.length), 0, 'the shadow root is emptied');
    await page.waitForTimeout(1500);
    assert.deepEqual(await timers(page), atRemoval, 'nothing is scheduled after removal');
    assert.equal((await hostLog(page)).events.length, eventsBefore, 'no order-help-* event after removal');
    // Put back: it mounts again.
    await page.evaluate(() => document.querySelector('main').append(window.removed));
    await page.locator('order-help').getByRole('heading', { name: 'Order 114-8890412-5520019' }).waitFor();
    assert.equal(await page.evaluate(() => window.removed.shadowRoot.querySelectorAll('.root').length), 1);
    await page.done();
  });

  test('JS API: update() changes locale and order; unmount() empties the host and stops timers, twice is harmless', async () => {
    const page = await h.open(`/e2e/api.html?order=delivered-29-days-ago&now=${encodeURIComponent(LAST_MINUTE)}`, {
      initScripts: [TIMERS],
    });
    await waitForEvent(page, 'ready');
    const widget = page.locator('#widget');
    await page.evaluate(() => window.widgets.widget.update({ locale: 'de-DE' }));
    await widget.getByRole('heading', { name: 'Bestellung 114-8890412-5520019' }).waitFor();
    assert.match(await countdown(page, '#widget'), /^Noch \d+ Sekunden? für die Rücksendung/);
    await page.evaluate(async (bundle) => window.widgets.widget.update({ order: bundle, locale: 'en-US', now: '2025-03-20T10:00:00-07:00' }), order('bundle'));
    await widget.getByRole('heading', { name: `Order ${BUNDLE.id}` }).waitFor();
    // `now` as milliseconds, this time.
    await page.evaluate(async (o) => window.widgets.widget.update({ order: o, now: Date.parse('2025-03-31T23:59:30-07:00') }), order('delivered-29-days-ago'));
    await widget.getByRole('heading', { name: 'Order 114-8890412-5520019' }).waitFor();
    assert.match(await countdown(page, '#widget'), /^\d+ seconds? left to return/);
    const result = await page.evaluate(() => {
      const handle = window.widgets.widget;
      handle.unmount();
      handle.unmount();
      handle.update({ locale: 'de-DE' });
      return { mounted: handle.mounted, children: document.getElementById('widget').shadowRoot.childNodes.length };
    });
    assert.deepEqual(result, { mounted: false, children: 0 });
    const atUnmount = await timers(page);
    assert.equal(atUnmount.pending, 0, 'no timer is left pending after unmount()');
    await page.waitForTimeout(1200);
    assert.deepEqual(await timers(page), atUnmount, 'nothing is scheduled after unmount()');
    await page.done();
  });
});
