// Issue 11, item 3: after an outcome, the overview does not contradict it. On the demo page,
// for every sample order with something to cancel: cancel (or request) the first item that can
// be, go back to the order, and the items the store cancelled say "Cancelled", the requested
// ones "Cancellation requested", and neither is offered for cancelling again. The demo's
// pretend store gives the widget the order with the cancelled items (as the README asks hosts
// to), so "Cancelled" then comes from the order itself.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SAMPLES, harness } from './helpers.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

/** The samples with something to cancel (the others offer no "Cancel items"). */
const CANCELLABLE = ['not-shipped', 'staged', 'marketplace-grace', 'marketplace-after-grace', 'bundle', 'multi-shipment'];

/** The overview's items: title → badge. */
function badges(page) {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelector('order-help').shadowRoot.querySelectorAll('li[data-item]')]
      .map((li) => [li.querySelector('.title').textContent, li.querySelector('.badge').textContent])),
  );
}

/** Step 1's items: title → whether its checkbox can be ticked. */
function choices(page) {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelector('order-help').shadowRoot.querySelectorAll('.choice')]
      .map((choice) => [choice.querySelector('.title').textContent, !choice.querySelector('input').disabled])),
  );
}

describe('after an outcome, the overview says what the store said', { concurrency: 2 }, () => {
  for (const name of CANCELLABLE) {
    test(`demo, ${SAMPLES[name].label}`, async () => {
      const page = await h.open(`/?order=${name}&delay=0`);
      const widget = page.locator('order-help');
      await widget.getByRole('heading', { level: 3 }).first().waitFor();
      const words = { start: 'Cancel items', go: 'Continue', send: 'Request cancellation', back: 'Back to your order', cancelled: 'Cancelled', requested: 'Cancellation requested' };
      await widget.getByRole('button', { name: words.start }).click();
      await widget.locator('.choice input:not([disabled])').first().check();
      const chosen = await page.evaluate(() =>
        [...document.querySelector('order-help').shadowRoot.querySelectorAll('.choice')]
          .filter((c) => c.querySelector('input').checked)
          .map((c) => c.querySelector('.title').textContent));
      await widget.getByRole('button', { name: words.go }).click();
      // Any reason: the first.
      await widget.getByRole('radio').first().check();
      await widget.getByRole('button', { name: words.go }).click();
      await widget.getByRole('button', { name: words.send }).click();
      const outcome = widget.locator('section.outcome');
      await outcome.waitFor();
      const heading = await outcome.getByRole('heading', { level: 3 }).textContent();
      const status = heading === 'Cancelled' ? 'cancelled' : 'requested';
      assert.match(heading, /^(Cancelled|Request sent)$/);
      await widget.getByRole('button', { name: words.back }).click();

      const expected = status === 'cancelled' ? words.cancelled : words.requested;
      // The store's new order may still be on its way: wait for the badges to say it.
      await page.waitForFunction(
        ([chosen, expected]) => {
          const root = document.querySelector('order-help').shadowRoot;
          const shown = [...root.querySelectorAll('li[data-item]')];
          return chosen.every((title) =>
            shown.some((li) => li.querySelector('.title')?.textContent === title && li.querySelector('.badge')?.textContent === expected));
        },
        [chosen, expected],
        { timeout: 5000 },
      ).catch(async () => assert.fail(`after "${heading}", ${JSON.stringify(chosen)} should say "${expected}": ${JSON.stringify(await badges(page))}`));

      // Not offered again.
      const start = widget.getByRole('button', { name: words.start });
      if ((await start.count()) > 0) {
        await start.click();
        await widget.getByRole('heading', { name: 'Step 1 of 3: Select items' }).waitFor();
        const offered = await choices(page);
        for (const title of chosen) assert.equal(offered[title], false, `"${title}" must not be offered again: ${JSON.stringify(offered)}`);
      }
      await page.done();
    });
  }
});
