// Two widgets on one page (one from order-src, one from inline JSON, the same order): each has
// its own flow, requests, events and idempotency keys; removing one leaves the other working.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { harness, hostLog, waitForEvent, waitForRequests } from './helpers.mjs';
import { BUNDLE, requestByClicks } from './flow.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

describe('two widgets on one page', { concurrency: true }, () => {
  test('work independently: flows, radio groups, requests, answers, events; removing one leaves the other', async () => {
    const page = await h.open('/e2e/two.html');
    await waitForEvent(page, 'ready', { order_id: BUNDLE.id }, 'first');
    await waitForEvent(page, 'ready', { order_id: BUNDLE.id }, 'second');
    const first = page.locator('#first');
    const second = page.locator('#second');

    // The first goes to step 2 with the card; the second stays on its overview.
    await first.getByRole('button', { name: 'Cancel items' }).click();
    await first.getByRole('checkbox', { name: /^128 GB memory card/ }).check();
    await first.getByRole('button', { name: 'Continue' }).click();
    await first.getByRole('heading', { name: 'Step 2 of 3: Choose a reason' }).waitFor();
    assert.equal(await second.getByRole('heading', { name: `Order ${BUNDLE.id}` }).isVisible(), true);
    assert.equal(await second.locator('section.step').count(), 0, 'the second widget did not move');

    // The second goes to step 2 with the camera bundle; both radio groups (same name) keep their own choice.
    await second.getByRole('button', { name: 'Cancel items' }).click();
    await second.getByRole('checkbox', { name: /^Mirrorless camera body/ }).check();
    assert.equal(await second.getByRole('checkbox', { name: /^35 mm f\/1\.8 lens/ }).isChecked(), true);
    await second.getByRole('button', { name: 'Continue' }).click();
    await first.getByRole('radio', { name: 'Payment issue' }).check();
    await second.getByRole('radio', { name: 'Found a better price' }).check();
    assert.equal(await first.getByRole('radio', { name: 'Payment issue' }).isChecked(), true);
    assert.equal(await first.getByRole('radio', { name: 'Found a better price' }).isChecked(), false);
    assert.equal(await second.getByRole('radio', { name: 'Payment issue' }).isChecked(), false);

    // The first sends; only its request arrives, and only it shows the outcome.
    await first.getByRole('button', { name: 'Continue' }).click();
    await first.getByRole('button', { name: 'Request cancellation' }).click();
    const [one] = await waitForRequests(page, 1);
    assert.equal(one.target, 'first');
    assert.deepEqual(one.request.items, [{ item_id: 'card', quantity: 2 }]);
    assert.equal(one.request.reason, 'payment_issue');
    await page.evaluate(() => window.e2e.answer(0, { status: 'cancelled' }));
    await first.getByRole('heading', { name: 'Cancelled' }).waitFor();
    assert.equal(await second.getByRole('heading', { name: 'Step 2 of 3: Choose a reason' }).isVisible(), true);
    assert.equal(await second.getByRole('radio', { name: 'Found a better price' }).isChecked(), true);

    // Remove the first: the second carries on to its own outcome.
    await page.evaluate(() => document.getElementById('first').remove());
    await second.getByRole('button', { name: 'Continue' }).click();
    await second.getByRole('button', { name: 'Request cancellation' }).click();
    const requests = await waitForRequests(page, 2);
    assert.equal(requests[1].target, 'second');
    assert.deepEqual(requests[1].request.items, [{ item_id: 'camera', quantity: 1 }, { item_id: 'lens', quantity: 1 }]);
    await page.evaluate(() => window.e2e.answer(1, { status: 'requested' }));
    await second.getByRole('heading', { name: 'Request sent' }).waitFor();

    // Events went to the right element, each with its own steps.
    const { events } = await hostLog(page);
    const steps = (target) => events.filter((e) => e.target === target && e.type === 'step').map((e) => e.detail.step);
    assert.deepEqual(steps('first'), ['select', 'reason', 'review', 'outcome']);
    assert.deepEqual(steps('second'), ['select', 'reason', 'review', 'outcome']);
    await page.done();
  });

  test('the same choices in two widgets get different idempotency keys', async () => {
    const page = await h.open('/e2e/two.html');
    await waitForEvent(page, 'ready', {}, 'first');
    await waitForEvent(page, 'ready', {}, 'second');
    for (const id of ['#first', '#second']) await requestByClicks(page.locator(id));
    const [a, b] = await waitForRequests(page, 2);
    const { idempotency_key: keyA, assessed_at: atA, ...restA } = a.request;
    const { idempotency_key: keyB, assessed_at: atB, ...restB } = b.request;
    assert.deepEqual(restA, restB, 'the same request otherwise');
    assert.notEqual(keyA, keyB, 'two widgets (two customers’ tabs) never share a key');
    await page.done();
  });
});
