// An axe-core audit of every step (overview, step 1, 2, 3, the send error, each outcome, the
// error panel), on plain pages (axe is injected as a script, which a strict CSP would block):
// zero violations of serious or critical impact. Minor ones are printed as diagnostics.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ERRORS_PAGE_ALLOW, WCAG22AA, auditStep as auditAll, axeSeen, harness, waitForRequests } from './helpers.mjs';

/** Every rule of axe, then the rules tagged up to WCAG 2.2 AA alone (axe weighs some of them
 * differently when they run on their own). */
async function auditStep(page, step) {
  await auditAll(page, step);
  await auditAll(page, `${step} (WCAG 2.2 AA)`, { tags: WCAG22AA });
}
import { BUNDLE, chooseReason, continueTo, requestByClicks, selectItems, startFlow, submit } from './flow.mjs';

const h = harness();
before(h.setup);
after(async () => {
  await h.teardown();
  const ids = [...new Set(axeSeen.map((v) => `${v.id} (${v.impact})`))];
  console.log(`axe: ${axeSeen.length} minor violation(s) over all steps${ids.length ? `: ${ids.join(', ')}` : ''}`);
});

describe('accessibility (axe-core)', { concurrency: true }, () => {
  test('every step of the flow, a send error and the declined outcome (bundle order)', async () => {
    const page = await h.openReady('/e2e/element.html');
    await auditStep(page, 'overview');
    await startFlow(page);
    await auditStep(page, 'step 1');
    // Continue with nothing selected: the step's error.
    await page.locator('order-help').getByRole('button', { name: 'Continue' }).press('Enter');
    await page.locator('order-help').getByRole('alert').waitFor();
    await auditStep(page, 'step 1 with its error');
    await selectItems(page, [BUNDLE.titles.camera]);
    await continueTo(page, 'Step 2 of 3: Choose a reason');
    await chooseReason(page, 'other', 'Changed my mind.');
    await auditStep(page, 'step 2 (Other, with a comment)');
    await continueTo(page, 'Step 3 of 3: Review your request');
    await auditStep(page, 'step 3');
    await submit(page);
    await waitForRequests(page, 1);
    await auditStep(page, 'step 3 while sending');
    await page.evaluate(() => window.e2e.reject(0, 'HTTP 503'));
    await page.locator('order-help').getByRole('alert').waitFor();
    await auditStep(page, 'step 3 after a failed send');
    await page.keyboard.press('Enter');
    await waitForRequests(page, 2);
    await page.evaluate(() => window.e2e.answer(1, { status: 'declined', message: 'Already on its way.' }));
    await page.locator('order-help').getByRole('heading', { name: 'Cancellation declined' }).waitFor();
    await auditStep(page, 'outcome: declined');
    await page.done();
  });

  test('the cancelled and requested outcomes', async () => {
    for (const status of ['cancelled', 'requested']) {
      const page = await h.openReady(`/e2e/api.html?answer=${status}`);
      const w = page.locator('#widget');
      await requestByClicks(w);
      await w.getByRole('heading', { name: status === 'cancelled' ? 'Cancelled' : 'Request sent' }).waitFor();
      await auditStep(page, `outcome: ${status}`);
      await page.done();
    }
  });

  test('items that cannot be cancelled (several shipments), an urgent countdown, German', async () => {
    let page = await h.openReady('/e2e/element.html?order=multi-shipment&now=2025-03-20T12:00:00-07:00');
    await auditStep(page, 'overview (several shipments)');
    await page.locator('order-help').getByRole('button', { name: 'Cancel items' }).click();
    assert.ok((await page.locator('order-help input[type=checkbox]:disabled').count()) > 0, 'some items are disabled');
    await auditStep(page, 'step 1 with disabled items');
    await page.done();

    page = await h.openReady('/e2e/element.html?order=delivered-29-days-ago&now=2025-03-31T23:55:00-07:00');
    await page.locator('order-help .countdown.urgent').first().waitFor();
    await auditStep(page, 'overview with an urgent countdown');
    await page.done();

    page = await h.openReady('/e2e/element.html?order=german-customer&now=2025-03-28T10:00:00%2B01:00&locale=de-DE');
    await auditStep(page, 'overview in German');
    await page.done();
  });

  test('the error panels', async () => {
    const page = await h.open('/e2e/errors.html', { allow: ERRORS_PAGE_ALLOW });
    await page.waitForFunction(() => window.e2e.events.filter((e) => e.type === 'error').length >= 7);
    await auditStep(page, 'error panels');
    await page.done();
  });
});
