// Issue 11, item 1: a store's normal answer is an outcome, never a failure. Unknown fields are
// ignored, the status decides, a refund out of range is ignored (the widget's estimate is
// shown) and reported as answer_malformed; only a missing or unknown status fails, and then
// the widget does not say it "couldn't send" a request the store answered.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { harness, hostLog, waitForEvent, waitForRequests } from './helpers.mjs';
import { BUNDLE, assertFocusOnHeading, submit, toReview } from './flow.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

/** The bundle's memory cards (2 × $24.99) to the review, sent, and answered with `answer`. */
async function answered(pageUrl, answer) {
  const page = await h.open(pageUrl);
  await waitForEvent(page, 'ready', { order_id: BUNDLE.id });
  await toReview(page, { titles: [BUNDLE.titles.card], reason: 'ordered_by_mistake' });
  await submit(page);
  await waitForRequests(page, 1);
  await page.evaluate((answer) => window.e2e.answer(0, answer), answer);
  return page;
}

const errors = async (page) => (await hostLog(page)).events.filter((e) => e.type === 'error').map((e) => e.detail);
const widgetText = (page) => page.evaluate(() => document.querySelector('#widget').shadowRoot.textContent);

describe('the store\'s answer', { concurrency: true }, () => {
  for (const [url, label] of [['/e2e/element.html', 'custom element'], ['/e2e/api.html', 'JS API']]) {
    test(`${label}: {status: "cancelled", refund: 4998, cancellation_id: "c_123"} is the outcome it says`, async () => {
      const page = await answered(url, { status: 'cancelled', refund: 4998, cancellation_id: 'c_123', created: { at: 1 } });
      await assertFocusOnHeading(page, 'Cancelled');
      const outcome = await page.getByRole('region', { name: 'Cancelled' }).innerText();
      assert.match(outcome, /You'll get \$49\.98 back within/);
      assert.deepEqual(await errors(page), [], 'a normal answer fires no error');
      assert.doesNotMatch(await widgetText(page), /couldn't|wasn't understood/);
      await page.done();
    });
  }

  test('a refund beyond what the request could refund is ignored: the estimate is shown, answer_malformed is fired', async () => {
    const page = await answered('/e2e/element.html', { status: 'cancelled', refund: 9007199254740991, cancellation_id: 'c_123' });
    await assertFocusOnHeading(page, 'Cancelled');
    const outcome = await page.getByRole('region', { name: 'Cancelled' }).innerText();
    // The widget's own estimate for the two cards, not $90,071,992,547,409.91.
    assert.match(outcome, /You'll get \$49\.98 back within/);
    assert.doesNotMatch(outcome, /90,071/);
    await waitForEvent(page, 'error', { code: 'answer_malformed' });
    const [error] = await errors(page);
    assert.match(error.message, /refund: expected a whole number of minor units from 0 to 4998 .*found 9007199254740991/);
    await page.done();
  });

  test('a refund that is not a whole number, and a message that is not text, leave the status standing', async () => {
    const page = await answered('/e2e/api.html', { status: 'requested', refund: 49.98, message: { text: 'hi' } });
    await assertFocusOnHeading(page, 'Request sent');
    await waitForEvent(page, 'error', { code: 'answer_malformed' });
    const [error] = await errors(page);
    assert.match(error.message, /message: expected a string of at most 2000 characters, found an object; refund: .*found 49\.98/);
    await page.done();
  });

  test('an unknown status is malformed: the error says the store answered, never "couldn\'t send"', async () => {
    const page = await answered('/e2e/element.html', { state: 'cancelled', cancellation_id: 'c_123' });
    const alert = page.getByRole('region', { name: 'Step 3 of 3: Review your request' }).getByRole('alert');
    await alert.waitFor();
    assert.equal(
      (await alert.innerText()).trim(),
      "The store answered, but we couldn't tell from its answer whether your request was accepted. Your choices are kept.",
    );
    await waitForEvent(page, 'error', { code: 'answer_malformed' });
    const [error] = await errors(page);
    assert.match(error.message, /status: expected "cancelled", "requested" or "declined", found nothing/);
    await page.done();
  });
});
