// Issue 23: nothing the customer declared is lost. A request in flight and the host's answer
// survive the widget's element leaving the page and coming back (the same request is never
// sent again, nor under a new key); a declaration made in time stays made in time after a
// failed send and a correction; the withdrawal button's end at the deadline is announced and
// focus goes to the section's heading.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { harness, hostLog, waitForEvent, waitForRequests } from './helpers.mjs';
import { assertFocusOnHeading } from './flow.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

const WITHDRAWAL = '/e2e/element.html?order=withdrawal-easter&policy=berlin-withdrawal&now='
  + encodeURIComponent('2026-04-02T10:00:00+02:00');
const MUGS = '/e2e/element.html?order=return-multi-unit&now=2025-03-20T12:00:00-07:00';

/** Takes the <order-help> element out of the page, keeping it for `putBack`. */
const takeOut = (page) => page.evaluate(() => {
  const element = document.querySelector('order-help');
  window.parked = { element, after: element.previousElementSibling };
  element.remove();
});
/** Puts the element taken out back where it was. */
const putBack = (page) => page.evaluate(() => window.parked.after.after(window.parked.element));

describe('a removed element keeps what was sent', { concurrency: true }, () => {
  test('withdrawal: answered while the element is out of the page; back in, the receipt, one request', async () => {
    const page = await h.openReady(WITHDRAWAL);
    const w = page.locator('order-help');
    await w.getByRole('button', { name: 'Withdraw from contract here' }).click();
    await w.getByRole('button', { name: 'Confirm withdrawal' }).click();
    await waitForRequests(page, 1);
    await takeOut(page);
    await page.evaluate(() => window.e2e.answer(0, { received_at: '2026-04-02T08:00:30Z' }));
    await page.waitForTimeout(200);
    await putBack(page);
    // The receipt, where "Withdraw from contract here" was.
    await w.getByText(/received/i).first().waitFor();
    assert.equal(await w.getByRole('button', { name: 'Withdraw from contract here' }).count(), 0,
      'no second declaration is offered');
    await page.waitForTimeout(300);
    assert.equal((await hostLog(page)).requests.length, 1, 'the withdrawal went out once');
    await page.done();
  });

  test('return: the element leaves and comes back while pending; the late answer still lands; one request, one key', async () => {
    const page = await h.openReady(MUGS);
    const w = page.locator('order-help');
    await w.getByRole('button', { name: 'Return items' }).click();
    await w.getByRole('checkbox', { name: /^Stoneware mug/ }).check();
    await w.getByRole('button', { name: 'Continue' }).click();
    await w.getByRole('radio', { name: 'No longer needed' }).check();
    await w.getByRole('button', { name: 'Continue' }).click();
    await w.getByRole('button', { name: 'Request return' }).click();
    const [sent] = await waitForRequests(page, 1);
    await takeOut(page);
    await putBack(page);
    // Still waiting for the same request: no button offers it again.
    await w.getByRole('button', { name: /Sending/ }).waitFor();
    await page.evaluate(() => window.e2e.answer(0, { status: 'accepted', return_id: 'R-1042' }));
    await w.getByText('R-1042').waitFor();
    await page.waitForTimeout(300);
    const { requests } = await hostLog(page);
    assert.equal(requests.length, 1, 'the return went out once');
    assert.equal(requests[0].request.idempotency_key, sent.request.idempotency_key);
    await page.done();
  });
});

/** The Easter order on its page clock (Berlin): the period's last second is 2026-04-07T23:59:59+02:00. */
async function lastMinute(time) {
  const page = await h.open('/e2e/element.html?order=withdrawal-easter&policy=berlin-withdrawal&now=system', {
    context: { timezoneId: 'Europe/Berlin' },
    clock: { time: new Date(time) },
  });
  await page.waitForFunction(() => window.e2e.events.some((e) => e.type === 'ready'));
  return page;
}

describe('the withdrawal period ends while the customer is there', { concurrency: true }, () => {
  test('a correction after a failed send at 23:59:55 keeps the declaration made in time, and the contact address', async () => {
    const page = await lastMinute('2026-04-07T23:59:40+02:00');
    const w = page.locator('order-help');
    await w.getByRole('button', { name: 'Withdraw from contract here' }).click();
    await page.clock.pauseAt(new Date('2026-04-07T23:59:55+02:00'));
    await w.getByRole('button', { name: 'Confirm withdrawal' }).click();
    await waitForRequests(page, 1);
    await page.evaluate(() => window.e2e.reject(0, 'TypeError: Failed to fetch'));
    await w.getByRole('button', { name: 'Try again' }).waitFor();
    // Ten seconds later, past the deadline, the customer corrects a typo in the address.
    await page.clock.runFor(10_000);
    await w.locator('#withdraw-email').fill('jana.kruger@example.de');
    assert.match(await w.locator('form').innerText(), /You can also withdraw by e-mail to .*widerruf@nordwind\.example/,
      'the contact address stays on screen');
    await w.getByRole('button', { name: 'Confirm withdrawal' }).click();
    const requests = await waitForRequests(page, 2);
    assert.equal(requests[1].request.declared_at, '2026-04-07T21:59:55Z', 'the first, in-time declared_at');
    assert.equal(requests[1].request.customer.email, 'jana.kruger@example.de');
    await page.done();
  });

  test('focus on the button at 23:59:54, 7 s pass: announced, focus on the section heading, never <body>', async () => {
    const page = await lastMinute('2026-04-07T23:59:50+02:00');
    const w = page.locator('order-help');
    await w.getByRole('button', { name: 'Withdraw from contract here' }).focus();
    await page.clock.pauseAt(new Date('2026-04-07T23:59:54+02:00'));
    await page.clock.runFor(7000);
    await assertFocusOnHeading(page, 'Your right of withdrawal', ['h3']);
    assert.equal(await w.getByRole('button', { name: 'Withdraw from contract here' }).count(), 0);
    await page.waitForFunction(() => /The withdrawal period ended on/.test(
      document.querySelector('order-help').shadowRoot.querySelector('[role=status]').textContent));
    await page.done();
  });
});

describe("the host's element", { concurrency: true }, () => {
  test('after mount() on an <order-help>, a change to its locale attribute is applied', async () => {
    const page = await h.open('/e2e/blank.html');
    await page.evaluate(async () => {
      const { mount } = await import('/embed.js');
      const order = await (await fetch('/orders/bundle.json')).json();
      const element = document.createElement('order-help');
      element.id = 'mounted';
      document.querySelector('main').append(element);
      mount(element, { order, locale: 'en-US', now: '2025-03-20T10:00:00-07:00' });
    });
    const w = page.locator('#mounted');
    await w.getByRole('heading', { name: /^Order / }).waitFor();
    await page.evaluate(() => document.getElementById('mounted').setAttribute('locale', 'de-DE'));
    await w.getByRole('heading', { name: /^Bestellung / }).waitFor({ timeout: 5000 });
    await page.done();
  });

  test("an invalid order: the error panel keeps the host's fallback content (its link) visible", async () => {
    const page = await h.open('/e2e/blank.html');
    await page.evaluate(() => {
      document.querySelector('main').insertAdjacentHTML('beforeend', `<order-help id="invalid" locale="en-US">
        <p class="fallback"><a href="/orders/114-1">See your order</a></p>
        <script type="application/json" data-order>{"id": "114-1", "items": []}</script></order-help>`);
    });
    const w = page.locator('#invalid');
    await w.getByRole('alert').waitFor();
    await waitForEvent(page, 'error', { code: 'order_invalid' }, 'invalid');
    assert.equal(await w.getByRole('link', { name: 'See your order' }).isVisible(), true, 'the link to the order stays');
    await page.done();
  });
});
