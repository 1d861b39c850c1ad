// The cancel, return and withdrawal flows, driven by the keyboard only (Tab, Space, Enter, arrow
// keys, typing), and the requests they must send: for the flow tests, the accessibility audit and
// the cross-engine subset (engines/, through webdriver.mjs's pages); and one quick click-through
// with the mouse.
import assert from 'node:assert/strict';
import { focused, pressUntil, tabTo, waitForRequests } from './helpers.mjs';

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

/** An idempotency key as the widget makes them. */
export const KEY = /^oh-[0-9a-f]{16}$/;

/** The request JSON the host must receive for `items` (ids) with `reason` and `comment`. */
function expectedRequest(items, reason, comment) {
  return {
    kind: 'cancel',
    order_id: BUNDLE.id,
    items: items.map((id) => ({ item_id: id, quantity: BUNDLE.quantities[id] })),
    reason,
    comment: comment ?? null,
    verdicts: items.map((id) => BUNDLE.verdicts[id]),
  };
}

/** Asserts `actual` is the cancel request of the bundle order for `items` with `reason` and `comment`. */
export function assertRequest(actual, items, reason, comment) {
  const { assessed_at: assessedAt, idempotency_key: key, ...rest } = actual;
  assert.deepEqual(rest, expectedRequest(items, reason, comment));
  assert.match(key, KEY, 'idempotency_key');
  // The widget's clock starts at `now` and runs on: assessed a moment after it.
  const skew = Date.parse(assessedAt) - Date.parse(BUNDLE.now);
  assert.ok(skew >= 0 && skew < 60_000, `assessed_at ${assessedAt} should be just after ${BUNDLE.now}`);
}

/** A predicate for `tabTo`: focus on the button `name`. */
export const isButton = (name) => (f) => f.tag === 'button' && f.text === name;

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

/** The return-multi-unit sample: four mugs, the widget at `page`. */
export const MULTI = {
  page: '/e2e/element.html?order=return-multi-unit&now=2025-03-20T12:00:00-07:00',
  id: '114-3307781-9921406',
  mugs: 'Stoneware mug, speckled white',
};

/** Asserts `request` is the return of 2 mugs, no longer needed (twoMugsToReview). */
export function assertReturnRequest(request) {
  const { assessed_at: at, idempotency_key: key, ...rest } = request;
  assert.deepEqual(rest, {
    kind: 'return',
    order_id: MULTI.id,
    items: [{ item_id: 'mugs', quantity: 2 }],
    verdicts: [{ item_id: 'mugs', return: 'allowed', code: 'within_window' }],
    reason: 'no_longer_needed',
    comment: null,
    lines: [{ item_id: 'mugs', quantity: 2, opened: null }],
  });
  assert.match(key, KEY);
  const skew = Date.parse(at) - Date.parse('2025-03-20T12:00:00-07:00');
  assert.ok(skew >= 0 && skew < 60_000, `assessed_at ${at}`);
}

/** Overview → review of 2 of the 4 mugs, no longer needed, by keyboard only. */
export async function twoMugsToReview(page) {
  await tabTo(page, isButton('Return items'), '"Return items"');
  await page.keyboard.press('Enter');
  await assertFocusOnHeading(page, 'Step 1 of 3: Select items to return');
  await tabTo(page, (f) => f.type === 'checkbox' && f.label.startsWith(MULTI.mugs), 'the mugs');
  await page.keyboard.press('Space');
  const count = await tabTo(page, (f) => f.type === 'number', 'how many mugs');
  assert.equal(count.value, '4', 'every returnable unit by default');
  assert.equal(count.label, 'How many to return (up to 4)');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await continueTo(page, 'Step 2 of 3: Tell us why');
  await chooseReason(page, 'no_longer_needed');
  await continueTo(page, 'Step 3 of 3: Review your return');
}

/** The withdrawal-easter sample (Berlin), and the instant the withdrawal pages assess at. */
export const ORDER_ID = '302-7730114-2026040';
export const NOW = '2026-04-02T10:00:00+02:00';
/** Its page with the Berlin withdrawal policy; `query` adds `&locale=…` and the like. */
export const withdrawalPage = (query = '') =>
  `/e2e/element.html?order=withdrawal-easter&policy=berlin-withdrawal&now=${encodeURIComponent(NOW)}${query}`;

/** Asserts `request` is the withdrawal from the whole withdrawal-easter order, declared just now. */
export function assertWithdrawalRequest(request) {
  const { assessed_at: assessedAt, declared_at: declaredAt, idempotency_key: key, ...rest } = request;
  assert.deepEqual(rest, {
    kind: 'withdrawal',
    order_id: ORDER_ID,
    items: [{ item_id: 'mantel', quantity: 1 }, { item_id: 'schal', quantity: 1 }],
    // The verdict the customer was shown, for each item withdrawn from.
    verdicts: [
      { item_id: 'mantel', withdrawal: 'allowed', code: 'within_period' },
      { item_id: 'schal', withdrawal: 'allowed', code: 'within_period' },
    ],
    reason: null,
    comment: null,
    customer: { name: 'Jana Krüger', email: 'jana.krueger@example.de' },
  });
  assert.match(key, KEY);
  const skew = Date.parse(declaredAt) - Date.parse(NOW);
  assert.ok(skew >= 0 && skew < 60_000, `declared_at ${declaredAt} is the widget's clock at the click`);
  assert.ok(Date.parse(assessedAt) <= Date.parse(declaredAt));
}

/** The withdrawal steps' labels per locale. */
export const LABELS = {
  'en-US': {
    button: 'Withdraw from contract here', form: 'Withdraw from the contract', confirm: 'Confirm withdrawal',
    received: 'Withdrawal received', back: 'Back to your order', order: `Order ${ORDER_ID}`, tryAgain: 'Try again',
  },
  'de-DE': {
    button: 'Vertrag widerrufen', form: 'Vertrag widerrufen', confirm: 'Widerruf bestätigen',
    received: 'Widerruf eingegangen', back: 'Zurück zur Bestellung', order: `Bestellung ${ORDER_ID}`, tryAgain: 'Erneut versuchen',
  },
  'fr-FR': { button: 'Renoncer au contrat ici', form: 'Se rétracter du contrat', confirm: 'Confirmer la rétractation' },
  'es-ES': { button: 'Desistir del contrato aquí', form: 'Desistir del contrato', confirm: 'Confirmar desistimiento' },
};

/** Tab to the withdrawal button and press Enter: the form, focus on its heading. */
export async function openForm(page, l) {
  await tabTo(page, isButton(l.button), `"${l.button}"`);
  await page.keyboard.press('Enter');
  await assertFocusOnHeading(page, l.form);
}

/** Tab to Confirm withdrawal (or Try again) and press Enter. */
export async function confirm(page, label) {
  await tabTo(page, isButton(label), `"${label}"`);
  await page.keyboard.press('Enter');
}

/**
 * From the overview, by keyboard (labels `l`): the form, its name field prefilled from the order,
 * Confirm withdrawal; asserts the withdrawal the host receives and returns it.
 */
export async function withdrawByKeyboard(page, l) {
  await openForm(page, l);
  // Only what identifies the contract and the consumer, prefilled from the order.
  const name = await tabTo(page, (f) => f.tag === 'input' && f.type === 'text', 'the name field');
  assert.equal(name.value, 'Jana Krüger');
  await confirm(page, l.confirm);
  const [{ request }] = await waitForRequests(page, 1);
  assertWithdrawalRequest(request);
  return request;
}
