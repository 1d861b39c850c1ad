// Loading an <order-help>: one fetch of its order per page load, a timeout with an error event
// when `order-src` never answers, a 404 that says what happened; mount() twice on one element;
// `make serve` leaving dist/ alone; the demo's "Jump to" naming its time zone.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { ROOT } from './server.mjs';
import { MISSING_404, harness, hostLog, waitForEvent } from './helpers.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

/** The error panel's text and the element's error events. */
async function problem(page, id) {
  const alert = page.locator(`#${id}`).getByRole('alert');
  await alert.waitFor();
  await waitForEvent(page, 'error', {}, id);
  const events = (await hostLog(page)).events.filter((e) => e.target === id && e.type === 'error');
  return { text: await alert.innerText(), events: events.map((e) => e.detail) };
}

/** Adds `<order-help id=… order-src=… load-timeout=…>` to the page. */
function addElement(page, attributes) {
  return page.evaluate((attributes) => {
    const element = document.createElement('order-help');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.innerHTML = '<p><a href="/orders/">See your orders</a></p>';
    document.getElementById('slot').append(element);
  }, attributes);
}

describe('loading the order', { concurrency: true }, () => {
  test('each <order-help order-src> fetches its order once on page load', async () => {
    const page = await h.openReady('/e2e/element.html?order=bundle');
    // Give a second load (if any) time to be asked for.
    await page.waitForTimeout(300);
    const fetched = page.requests.filter((url) => url.endsWith('/orders/bundle.json'));
    assert.equal(fetched.length, 1, `the order is fetched once: ${JSON.stringify(fetched)}`);
    // Changing both sources together is one load too.
    await page.evaluate(() => {
      const element = document.querySelector('order-help');
      element.setAttribute('policy-src', '/policies/berlin.json');
      element.setAttribute('order-src', '/orders/multi-shipment.json');
    });
    await waitForEvent(page, 'ready', { order_id: '114-7765120-0043318' });
    await page.waitForTimeout(300);
    assert.equal(page.requests.filter((url) => url.endsWith('/orders/multi-shipment.json')).length, 1);
    await page.done();
  });

  test('an order-src that never answers: a timeout, an error event and a panel that says so', async () => {
    const page = await h.open('/e2e/blank.html');
    await addElement(page, { id: 'never', 'order-src': '/e2e/api/never', 'load-timeout': '800', locale: 'en-US' });
    const { text, events } = await problem(page, 'never');
    assert.match(text, /The order didn't arrive in time: no answer after 1 s\. Reload the page to try again\./);
    assert.deepEqual(events.map((e) => e.code), ['order_unreachable']);
    assert.match(events[0].message, /\/e2e\/api\/never did not answer within 800 ms/);
    await page.done();
  });

  test('a 404 says the order was not found, not "check your connection"', async () => {
    const page = await h.open('/e2e/blank.html', { allow: [MISSING_404] });
    await addElement(page, { id: 'gone', 'order-src': '/e2e/api/missing', locale: 'en-US' });
    const { text, events } = await problem(page, 'gone');
    assert.ok(!/connection/i.test(text), `no word of a connection: ${text}`);
    assert.match(text, /The order wasn't found: the site answered 404\./);
    assert.match(events[0].message, /\/e2e\/api\/missing answered 404/);
    // German too.
    await addElement(page, { id: 'weg', 'order-src': '/e2e/api/missing', locale: 'de-DE' });
    assert.match((await problem(page, 'weg')).text, /Die Bestellung wurde nicht gefunden: Die Website antwortete mit 404\./);
    await page.done();
  });
});

describe('mount() twice on one element', () => {
  test('the second widget replaces the first: the first is unmounted, one widget shows', async () => {
    const page = await h.open('/e2e/blank.html');
    const result = await page.evaluate(async () => {
      const { mount } = await import('/embed.js');
      const order = await (await fetch('/orders/bundle.json')).json();
      const element = document.createElement('div');
      document.getElementById('slot').append(element);
      const first = mount(element, { order, now: '2025-03-20T10:00:00-07:00', locale: 'en-US' });
      const second = mount(element, { order, now: '2025-03-20T10:00:00-07:00', locale: 'de-DE' });
      // German's texts are fetched first (locales/de.json): wait for the widget to show.
      for (let i = 0; i < 100 && !element.shadowRoot.querySelector('.root'); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      return {
        first: first.mounted,
        second: second.mounted,
        roots: element.shadowRoot.querySelectorAll('.root').length,
        lang: element.shadowRoot.querySelector('.root')?.lang,
      };
    });
    assert.deepEqual(result, { first: false, second: true, roots: 1, lang: 'de-DE' });
    await page.done();
  });
});

describe('tooling and the demo', () => {
  test('make serve builds into a folder of its own, not dist/', () => {
    const commands = execFileSync('make', ['-n', 'serve'], { cwd: ROOT, encoding: 'utf8' });
    const serve = commands.split('\n').find((line) => /\btrunk serve\b/.test(line));
    assert.ok(serve, `make serve runs trunk serve: ${commands}`);
    const dist = serve.match(/--dist[ =](\S+)/)?.[1];
    assert.ok(dist, `trunk serve is given --dist (else it writes dist/): ${serve}`);
    assert.notEqual(dist.replace(/\/$/, ''), 'dist');
  });

  test('the demo\'s "Jump to" names the time zone it reads the time in', async () => {
    const page = await h.open('/', { context: { timezoneId: 'Asia/Tokyo' } });
    const jump = page.getByLabel(/Jump to/);
    await page.locator('#jump-zone', { hasText: 'Asia/Tokyo' }).waitFor();
    assert.match(await jump.evaluate((input) => input.labels[0].textContent), /in your browser's time zone, Asia\/Tokyo/);
    await page.done();
  });
});
