// The cross-engine subset: what shoppers do, in Firefox or WebKit (E2E_ENGINE=firefox|webkit,
// through W3C WebDriver: ../webdriver.mjs), with the Chromium suite's own keyboard flows
// (../flow.mjs). The cancel, return and withdrawal flows by keyboard with focus on each step's
// heading, the request the host receives and the outcome; the countdown crossing the deadline to
// the second; a German page; the integrity check refusing a changed wasm; the README's strict CSP;
// and how the startup yields where the engine has no scheduler.yield(). Where engines format
// differently (Intl's zone names), the tests ask the engine's own Intl and assert on meaning.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hostLog, tabTo, waitForEvent, waitForRequests, waitForTimer } from '../helpers.mjs';
import {
  BUNDLE, LABELS, MULTI, ORDER_ID, assertFocusOnHeading, assertRequest, assertReturnRequest, isButton, submit,
  toReview, twoMugsToReview, withdrawByKeyboard, withdrawalPage,
} from '../flow.mjs';
import { SUB_PATH } from '../server.mjs';
import { engine } from '../webdriver.mjs';

const e = engine();
before(async () => {
  await e.setup();
  console.log(`engine: ${await e.version()}`);
});
after(() => e.teardown());

/** The visible text of the widget `host` (an element id, or the first <order-help>). */
const widgetText = (page, host) =>
  page.evaluate((id) => (id ? document.getElementById(id) : document.querySelector('order-help')).shadowRoot.textContent, host ?? null);

/** The `order-help-step` events so far: `kind:step`. */
const steps = async (page) =>
  (await hostLog(page)).events.filter((ev) => ev.type === 'step').map((ev) => `${ev.detail.kind}:${ev.detail.step}`);

/** Back to the order by keyboard: focus on the order's heading. */
async function backToOrder(page, label = 'Back to your order', heading = `Order ${BUNDLE.id}`) {
  await tabTo(page, isButton(label), `"${label}"`);
  await page.keyboard.press('Enter');
  await assertFocusOnHeading(page, heading);
}

/** The parts of `instant` in the engine's own Intl for `locale` (the browser's time zone). */
const intlParts = (page, instant, locale, options) =>
  page.evaluate(([instant, locale, options]) => Object.fromEntries(
    new Intl.DateTimeFormat(locale, options).formatToParts(new Date(instant)).map((p) => [p.type, p.value]),
  ), [instant, locale, options]);

describe(`the cross-engine subset in ${e.name}`, () => {
  test('cancel: every step by keyboard, focus on each heading, the request, "Cancelled" with the refund', async () => {
    const page = await e.open('/e2e/element.html');
    await waitForEvent(page, 'ready', { order_id: BUNDLE.id });
    await toReview(page, { titles: [BUNDLE.titles.card], reason: 'ordered_by_mistake' });
    assert.match(await widgetText(page), /These items can be cancelled right away\./);
    await submit(page);
    const [{ request }] = await waitForRequests(page, 1);
    assertRequest(request, ['card'], 'ordered_by_mistake');
    await page.evaluate(() => window.e2e.answer(0, { status: 'cancelled', refund: 4998 }));
    await assertFocusOnHeading(page, 'Cancelled');
    assert.match(await widgetText(page), /You'll get \$49\.98 back within/);
    assert.deepEqual(await steps(page), ['cancel:select', 'cancel:reason', 'cancel:review', 'cancel:outcome']);
    await backToOrder(page);
    await page.done();
  });

  test('return: every step by keyboard, focus on each heading, the request, "Return accepted" with its label', async () => {
    const page = await e.open(MULTI.page);
    await waitForEvent(page, 'ready', { order_id: MULTI.id });
    await twoMugsToReview(page);
    assert.match(await widgetText(page), /Return by: April 9, 2025/);
    await submit(page, 'Request return');
    const [{ request }] = await waitForRequests(page, 1);
    assertReturnRequest(request);
    const label = 'https://store.example/returns/R-1042/label.pdf';
    await page.evaluate((label) => window.e2e.answer(0, { status: 'accepted', return_id: 'R-1042', label_url: label }), label);
    await assertFocusOnHeading(page, 'Return accepted');
    assert.match(await widgetText(page), /Your return number: R-1042/);
    const link = await page.evaluate(() => document.querySelector('order-help').shadowRoot.querySelector('a[href^="https:"]')?.href);
    assert.equal(link, label);
    assert.deepEqual(await steps(page), ['return:select', 'return:reason', 'return:review', 'return:outcome']);
    await backToOrder(page, 'Back to your order', `Order ${MULTI.id}`);
    await page.done();
  });

  test('withdrawal on a German page: by keyboard, focus on each heading, the request, "Widerruf eingegangen"; de.json fetched once', async () => {
    const l = LABELS['de-DE'];
    const page = await e.open(withdrawalPage('&locale=de-DE'));
    await waitForEvent(page, 'ready', { order_id: ORDER_ID });
    assert.match(await widgetText(page), /Bestellung/);
    assert.doesNotMatch(await widgetText(page), /Order|Withdraw/, 'no English on the German page');
    await withdrawByKeyboard(page, l);
    const receivedAt = '2026-04-02T08:00:05Z';
    await page.evaluate((at) => window.e2e.answer(0, { received_at: at, acknowledgement_to: 'jana.krueger@example.de' }), receivedAt);
    await assertFocusOnHeading(page, l.received);
    // The receipt names the instant in the browser's zone: the day and the time as this engine's
    // Intl gives them, not one engine's sentence.
    const receipt = await widgetText(page);
    const at = await intlParts(page, receivedAt, 'de-DE', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    assert.ok(receipt.includes(`${at.day}. ${at.month} ${at.year}`) && receipt.includes(`${at.hour}:${at.minute}`),
      `the receipt names ${receivedAt} (${JSON.stringify(at)}): ${receipt}`);
    assert.match(receipt, /jana\.krueger@example\.de/);
    await backToOrder(page, l.back, l.order);
    const catalogues = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.startsWith('/locales/')));
    assert.deepEqual(catalogues, ['/locales/de.json'], 'the German catalogue, fetched once');
    await page.done();
  });

  test('the countdown crosses the deadline to the second: 1 second left, then closed one second later, announced', async () => {
    // Five seconds before midnight PDT, when the return window of the sample closes (its last
    // second is 23:59:59); the widget's clock starts there and runs on in real time.
    const page = await e.open(`/e2e/element.html?order=delivered-29-days-ago&now=${encodeURIComponent('2025-03-31T23:59:55-07:00')}`);
    await waitForEvent(page, 'ready', { order_id: '114-8890412-5520019' });
    // Every text the blender's timer shows from now on, with the page's monotonic time.
    await page.evaluate(() => {
      const root = document.querySelector('order-help').shadowRoot;
      const timer = () => root.querySelector('li[data-item="blender"] [role="timer"]')?.textContent.trim();
      window.seen = [{ at: performance.now(), text: timer() }];
      new MutationObserver(() => {
        const text = timer();
        if (text !== window.seen.at(-1).text) window.seen.push({ at: performance.now(), text });
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    await waitForTimer(page, /^Return window closed/, { item: 'blender', timeout: 10_000 });
    const seen = await page.evaluate(() => window.seen);
    const texts = seen.map((s) => s.text.replace(/ \(until .*\)$| on .*$/, ''));
    assert.deepEqual(texts.slice(-3), ['2 seconds left to return', '1 second left to return', 'Return window closed'], JSON.stringify(seen));
    const [last, closed] = seen.slice(-2);
    const gap = closed.at - last.at;
    // One second: not early, and not a second late (a busy machine delays both renders alike).
    assert.ok(gap >= 800 && gap < 1800, `closed ${Math.round(gap)} ms after "1 second left"`);
    // "until …" names the deadline in the browser's zone (America/Los_Angeles): the time and the
    // zone name as this engine's Intl gives them.
    const deadline = '2025-03-31T23:59:59-07:00';
    const parts = await intlParts(page, deadline, 'en-US', { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
    assert.ok(last.text.includes(`${parts.hour}:${parts.minute}`) && last.text.includes(parts.timeZoneName) && last.text.includes('March 31, 2025'),
      `"${last.text}" names ${deadline} (${JSON.stringify(parts)})`);
    const live = await page.evaluate(() => document.querySelector('order-help').shadowRoot.querySelector('[aria-live="polite"]').textContent.trim());
    assert.equal(live, 'The return window for High-speed blender and Glass storage jars (set of 6) has closed.');
    await page.done();
  });

  test('a changed wasm (one byte flipped) is refused by the integrity check: wasm_unavailable, the fallback stays', async () => {
    const page = await e.open('/e2e/tampered-wasm.html');
    await waitForEvent(page, 'error', { code: 'wasm_unavailable' }, 'widget');
    const errors = (await hostLog(page)).events.filter((ev) => ev.type === 'error');
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0].detail.message, /tampered-wasm\/order-help_bg\.wasm does not match the sha384 hash of the build/);
    const state = await page.evaluate(() => {
      const el = document.querySelector('order-help');
      const link = el.querySelector('.fallback a');
      return { rendered: el.shadowRoot?.childElementCount ?? 0, fallbackHeight: link.getBoundingClientRect().height };
    });
    assert.equal(state.rendered, 0, 'no widget rendered');
    assert.ok(state.fallbackHeight > 0, 'the fallback link stays visible');
    await page.done();
  });

  test("the README's strict CSP: both mount styles start, no violation; the <script integrity> snippet from a sub-path", async () => {
    const page = await e.open('/e2e/csp.html');
    await waitForEvent(page, 'ready', {}, 'element');
    await waitForEvent(page, 'ready', {}, 'api');
    assert.match(await widgetText(page, 'element'), /Order 114-3308871-6612009/);
    assert.match(await widgetText(page, 'api'), /Order/);
    await page.done();
    const sri = await e.open(`/e2e/sri.html?bundle=${SUB_PATH}`);
    await waitForEvent(sri, 'ready', {}, 'widget');
    await sri.done();
  });

  test('the startup yields to the browser: scheduler.yield() where the engine has it, else the MessageChannel fallback', async () => {
    const page = await e.open('/e2e/yields.html');
    await waitForEvent(page, 'ready', {}, 'widget');
    const { has, yields } = await page.evaluate(() => ({
      has: typeof globalThis.scheduler?.yield === 'function',
      yields: window.yields,
    }));
    console.log(`${e.name}: scheduler.yield ${has ? 'present' : 'absent'}; startup yields ${JSON.stringify(yields)}`);
    if (has) assert.ok(yields.scheduler > 0 && yields.channel === 0, JSON.stringify(yields));
    else assert.ok(yields.scheduler === 0 && yields.channel > 0, `the fallback ran: ${JSON.stringify(yields)}`);
    await page.done();
  });
});
