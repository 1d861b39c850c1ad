// The cancel flow, driven by the keyboard only (Tab, Space, Enter, arrow keys, typing), for
// the flow tests and the accessibility audit; and one quick click-through with the mouse.
import assert from 'node:assert/strict';
import { focused, pressUntil, tabTo } from './helpers.mjs';

export const BUNDLE = {
  id: '114-3308871-6612009',
  now: '2025-03-20T10:00:00-07:00',
  titles: { camera: 'Mirrorless camera body', lens: '35 mm f/1.8 lens', card: '128 GB memory card' },
  verdicts: {
    camera: { item_id: 'camera', cancel: 'request', code: 'bundle_requires_request' },
    lens: { item_id: 'lens', cancel: 'request', code: 'staged_for_shipping' },
    card: { item_id: 'card', cancel: 'allowed', code: 'not_in_shipping_process' },
  },
  quantities: { camera: 1, lens: 1, card: 2 },
};

const isButton = (name) => (f) => f.tag === 'button' && f.text === name;

/** Asserts keyboard focus is on the heading `text` (inside a widget). */
export async function assertFocusOnHeading(page, text, tags = ['h2', 'h3']) {
  // Focus moves after the render that follows the action.
  await page.waitForFunction(
    ([text, tags]) => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return tags.includes(el?.localName) && el.textContent.trim() === text;
    },
    [text, tags],
    { timeout: 3000 },
  ).catch(async () => {
    assert.fail(`focus should be on the heading "${text}", but is on ${JSON.stringify(await focused(page))}`);
  });
}

/** Tab to "Cancel items" and press Enter: step 1 with focus on its heading. */
export async function startFlow(page, labels = {}) {
  await tabTo(page, isButton(labels.cancelItems ?? 'Cancel items'), '"Cancel items"');
  await page.keyboard.press('Enter');
  await assertFocusOnHeading(page, labels.step1 ?? 'Step 1 of 3: Select items');
}

/** Step 1: Tab through the checkboxes, Space on the ones to select. Ends on step 2's heading. */
export async function selectItems(page, titles) {
  for (const title of titles) {
    const box = await tabTo(page, (f) => f.type === 'checkbox' && f.label.startsWith(title), `the checkbox of "${title}"`);
    // Choosing one item of a bundle checks the others itself.
    if (!box.checked) await page.keyboard.press('Space');
    assert.equal((await focused(page)).checked, true, `"${title}" should be checked after Space`);
  }
}

/** Tab to Continue, press Enter, and expect focus on `heading`. */
export async function continueTo(page, heading) {
  await tabTo(page, isButton('Continue'), '"Continue"');
  await page.keyboard.press('Enter');
  await assertFocusOnHeading(page, heading);
}

/** Step 2: Tab into the radio group and move with ArrowDown to `reason`; type `comment`. */
export async function chooseReason(page, reason, comment) {
  const first = await tabTo(page, (f) => f.type === 'radio', 'the reasons');
  if (first.value === reason) await page.keyboard.press('Space');
  else await pressUntil(page, 'ArrowDown', (f) => f.value === reason, `the reason "${reason}"`);
  assert.equal((await focused(page)).checked, true, `the reason "${reason}" should be checked`);
  if (comment !== undefined) {
    await tabTo(page, (f) => f.tag === 'textarea', 'the comment field');
    await page.keyboard.type(comment);
  }
}

/** Tab to the review's send button ("Request cancellation") and press Enter. */
export async function submit(page, label = 'Request cancellation') {
  await tabTo(page, isButton(label), `"${label}"`);
  await page.keyboard.press('Enter');
}

/** From the overview to the review step of the bundle order, by keyboard. */
export async function toReview(page, { titles, reason, comment }) {
  await startFlow(page);
  await selectItems(page, titles);
  await continueTo(page, 'Step 2 of 3: Choose a reason');
  await chooseReason(page, reason, comment);
  await continueTo(page, 'Step 3 of 3: Review your request');
}

/**
 * By clicks in `widget` (a locator): Cancel items, tick `item`, Continue twice (the default
 * reason), Request cancellation.
 */
export async function requestByClicks(widget, item = /^128 GB memory card/) {
  await widget.getByRole('button', { name: 'Cancel items' }).click();
  await widget.getByRole('checkbox', { name: item }).check();
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByRole('button', { name: 'Request cancellation' }).click();
}
