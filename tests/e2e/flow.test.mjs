// The cancel flow by keyboard only, with the host answering each of the three statuses, a
// rejection and a timeout; and a double click that must send one request.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { focused, harness, hostLog, tabTo, waitForEvent, waitForRequests } from './helpers.mjs';
import { BUNDLE, assertFocusOnHeading, assertRequest, submit, toReview } from './flow.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

const region = (page, name) => page.getByRole('region', { name });

/**
 * Opens `url` (the bundle order), goes to the review by keyboard with `choice` (`titles`,
 * `reason`, `comment`), runs `atReview(page)` there and sends: returns the page and the first
 * request the host received, checked to hold `items` (ids) and the choice.
 */
async function sendByKeyboard(url, choice, items, atReview = async () => {}) {
  const page = await h.open(url);
  await waitForEvent(page, 'ready', { order_id: BUNDLE.id });
  await toReview(page, choice);
  await atReview(page);
  await submit(page);
  const [first] = await waitForRequests(page, 1);
  assertRequest(first.request, items, choice.reason, choice.comment);
  return { page, first };
}

async function steps(page) {
  return (await hostLog(page)).events.filter((e) => e.type === 'step').map((e) => e.detail.step);
}

describe('the cancel flow, by keyboard only', { concurrency: true }, () => {
  for (const [page_, label] of [['/e2e/element.html', 'custom element'], ['/e2e/api.html', 'JS API']]) {
    test(`${label}: the host answers "cancelled" → the refund is shown`, async () => {
      const choice = { titles: [BUNDLE.titles.card], reason: 'ordered_by_mistake' };
      const { page } = await sendByKeyboard(page_, choice, ['card'], async (page) => {
        const review = region(page, 'Step 3 of 3: Review your request');
        await assert.doesNotReject(review.getByText('These items can be cancelled right away.').waitFor());
      });
      await page.evaluate(() => window.e2e.answer(0, { status: 'cancelled', refund: 4998 }));
      await assertFocusOnHeading(page, 'Cancelled');
      const outcome = region(page, 'Cancelled');
      assert.match(await outcome.innerText(), /You'll get \$49\.98 back within/);
      assert.deepEqual(await steps(page), ['select', 'reason', 'review', 'outcome']);
      // Back to the order, still by keyboard: focus returns to the order's heading.
      await tabTo(page, (f) => f.tag === 'button' && f.text === 'Back to your order', '"Back to your order"');
      await page.keyboard.press('Enter');
      await assertFocusOnHeading(page, `Order ${BUNDLE.id}`);
      await page.done();
    });
  }

  test('the host answers "requested" → "Request sent" with its message', async () => {
    const choice = { titles: [BUNDLE.titles.camera], reason: 'other', comment: 'Bought the kit twice.' };
    const { page } = await sendByKeyboard('/e2e/element.html', choice, ['camera', 'lens'], async (page) => {
      const text = await region(page, 'Step 3 of 3: Review your request').innerText();
      assert.match(text, /Mirrorless camera body/);
      assert.match(text, /35 mm f\/1\.8 lens/, 'the bundle partner is part of the request');
      assert.doesNotMatch(text, /memory card/);
      assert.match(text, /Other — “Bought the kit twice\.”/);
      assert.match(text, /This is a request: cancellation is not guaranteed/);
    });
    await page.evaluate(() =>
      window.e2e.answer(0, { status: 'requested', message: 'We have asked the warehouse to stop the package.' }),
    );
    await assertFocusOnHeading(page, 'Request sent');
    const outcome = await region(page, 'Request sent').innerText();
    assert.match(outcome, /We have asked the warehouse to stop the package\./);
    await page.done();
  });

  test('the host answers "declined" → what to do instead, per item', async () => {
    const choice = { titles: [BUNDLE.titles.camera], reason: 'found_better_price' };
    const { page } = await sendByKeyboard('/e2e/api.html', choice, ['camera', 'lens']);
    await page.evaluate(() => window.e2e.answer(0, { status: 'declined', message: 'The lens has already left.' }));
    await assertFocusOnHeading(page, 'Cancellation declined');
    const outcome = region(page, 'Cancellation declined');
    const text = await outcome.innerText();
    assert.match(text, /The lens has already left\./);
    assert.match(text, /What you can do instead/);
    const fallbacks = await outcome.locator('li').allInnerTexts();
    assert.equal(fallbacks.length, 2, `one fallback per item: ${JSON.stringify(fallbacks)}`);
    assert.match(fallbacks[0], /^Mirrorless camera body: \S/);
    assert.match(fallbacks[1], /^35 mm f\/1\.8 lens: \S/);
    await page.done();
  });

  test('a rejected answer → an error with retry; choices are kept; the retry reuses the idempotency key', async () => {
    const choice = { titles: [BUNDLE.titles.camera, BUNDLE.titles.card], reason: 'other', comment: 'Wrong colour.' };
    const { page, first } = await sendByKeyboard('/e2e/element.html', choice, ['camera', 'lens', 'card']);
    await page.evaluate(() => window.e2e.reject(0, 'HTTP 503 Service Unavailable'));
    const review = region(page, 'Step 3 of 3: Review your request');
    const alert = review.getByRole('alert');
    await alert.waitFor();
    assert.equal(
      (await alert.innerText()).trim(),
      "Your request didn't go through: the store reported an error (HTTP 503 Service Unavailable). Your choices are kept.",
    );
    // The host's words are an isolate of their own inside the sentence.
    assert.equal(await alert.locator('bdi').textContent(), 'HTTP 503 Service Unavailable');
    await waitForEvent(page, 'error', { code: 'request_rejected' });
    // Focus stays on the button, which now says "Try again"; nothing chosen is lost.
    const now = await focused(page);
    assert.equal(now.text, 'Try again', 'focus should stay on the send button, now "Try again"');
    const text = await review.innerText();
    for (const title of Object.values(BUNDLE.titles)) assert.match(text, new RegExp(title.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    assert.match(text, /Other — “Wrong colour\.”/);
    await page.keyboard.press('Enter');
    const requests = await waitForRequests(page, 2);
    assert.deepEqual(requests[1].request, first.request, 'the retry sends the same request, with the same idempotency key');
    await page.evaluate(() => window.e2e.answer(1, { status: 'cancelled' }));
    await assertFocusOnHeading(page, 'Cancelled');
    await page.done();
  });

  test('no answer within the timeout → an error with retry; a late answer to the first attempt is ignored', async () => {
    const choice = { titles: [BUNDLE.titles.lens], reason: 'arriving_too_late' };
    const { page, first } = await sendByKeyboard('/e2e/element.html?timeout=300', choice, ['camera', 'lens']);
    const review = region(page, 'Step 3 of 3: Review your request');
    await review.getByRole('alert').waitFor({ timeout: 3000 });
    assert.match((await review.getByRole('alert').innerText()).trim(), /^The store didn't answer in time, so we don't know whether your request arrived\. Your choices are kept\.$/);
    await waitForEvent(page, 'error', { code: 'request_timeout' });
    assert.equal((await focused(page)).text, 'Try again');
    // A longer timeout for the retry (the attribute applies to the mounted widget), so a slow
    // machine cannot time it out too.
    await page.evaluate(() => document.querySelector('order-help').setAttribute('timeout', '20000'));
    await page.keyboard.press('Enter');
    const requests = await waitForRequests(page, 2);
    assert.equal(requests[1].request.idempotency_key, first.request.idempotency_key, 'same idempotency key on retry');
    // The first attempt's late answer changes nothing; the second one's does.
    await page.evaluate(() => window.e2e.answer(0, { status: 'cancelled' }));
    await page.waitForTimeout(100);
    assert.equal(await review.getByRole('button', { name: 'Sending your request…' }).count(), 1);
    await page.evaluate(() => window.e2e.answer(1, { status: 'requested' }));
    await assertFocusOnHeading(page, 'Request sent');
    await page.done();
  });

  test('a double click on "Request cancellation" sends one request', async () => {
    const page = await h.openReady('/e2e/element.html');
    await page.getByRole('button', { name: 'Cancel items' }).click();
    await page.getByRole('checkbox', { name: /^128 GB memory card/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Step 3 of 3: Review your request' }).waitFor();
    await page.getByRole('button', { name: 'Request cancellation' }).dblclick();
    await waitForRequests(page, 1);
    const sending = page.getByRole('button', { name: 'Sending your request…' });
    assert.equal(await sending.getAttribute('aria-disabled'), 'true');
    await sending.click({ force: true }); // a third click while sending, for good measure
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal((await hostLog(page)).requests.length, 1, 'one request for a double click');
    await page.evaluate(() => window.e2e.answer(0, { status: 'cancelled' }));
    await page.getByRole('heading', { name: 'Cancelled' }).waitFor();
    assert.equal((await hostLog(page)).requests.length, 1);
    await page.done();
  });

  test('JS API without onRequestCancel: "this page can\'t take cancellation requests", code no_request_handler', async () => {
    const page = await h.openReady('/e2e/api.html?handler=none');
    await toReview(page, { titles: [BUNDLE.titles.card], reason: 'ordered_by_mistake' });
    await submit(page);
    const alert = region(page, 'Step 3 of 3: Review your request').getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /this page can't take cancellation requests\. Your choices are kept\./);
    await waitForEvent(page, 'error', { code: 'no_request_handler' });
    await page.done();
  });

  test(
    'custom element with no order-help-cancel-request listener: the same plain message and code no_request_handler',
    async () => {
      const page = await h.open('/e2e/element.html?listen=none');
      try {
        await waitForEvent(page, 'ready');
        await toReview(page, { titles: [BUNDLE.titles.card], reason: 'ordered_by_mistake' });
        await submit(page);
        const alert = region(page, 'Step 3 of 3: Review your request').getByRole('alert');
        await alert.waitFor();
        const events = (await hostLog(page)).events.filter((e) => e.type === 'error').map((e) => e.detail);
        assert.deepEqual(
          { alert: await alert.innerText(), codes: events.map((e) => e.code) },
          { alert: "We couldn't send your request: this page can't take cancellation requests. Your choices are kept.", codes: ['no_request_handler'] },
        );
      } finally {
        await page.done();
      }
    },
  );
});
