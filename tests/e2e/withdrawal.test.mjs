// The withdrawal function (art. 11a of Directive 2011/83/EU) in the real bundle: by keyboard
// only (button → form → Confirm withdrawal → receipt) in English and German with focus on each
// step's heading; a double click sends one withdrawal; a timeout, then Try again with the same
// key and declaration time; a declaration confirmed 1 s before the deadline and answered after
// it is received; axe (WCAG 2.0–2.2 A/AA tags, target-size on) on every step in EN, DE, FR, ES;
// and every control of the withdrawal steps at least 24×24 px (WCAG 2.2, 2.5.8).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AXE, harness, hostLog, settle, tabTo, waitForEvent, waitForRequests } from './helpers.mjs';
import {
  LABELS, ORDER_ID, assertFocusOnHeading, confirm, isButton, openForm, withdrawByKeyboard, withdrawalPage as page_,
} from './flow.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

/** axe with the WCAG 2.0, 2.1 and 2.2 A and AA tags only (target-size is among them). */
async function auditWcag22(page, step) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  await settle(page);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
      rules: { 'target-size': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.html.slice(0, 120)) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `axe (WCAG 2.2 AA) at ${step}: serious or critical violations`);
  for (const v of violations) console.log(`axe at ${step}: ${v.id} (${v.impact}) ${v.nodes.join('; ')}`);
}

/** The controls of the widget smaller than 24×24 px (WCAG 2.2, 2.5.8 Target Size (Minimum)). */
function smallTargets(page) {
  return page.locator('order-help').evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('button, input, select, textarea, a[href]')]
      .map((c) => ({ c, r: c.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
      .map(({ c, r }) => `${c.localName}${c.id ? `#${c.id}` : ''} "${(c.textContent || c.value || '').trim().slice(0, 30)}" ${r.width}×${r.height}`));
}

describe('the withdrawal function', { concurrency: true }, () => {
  for (const locale of ['en-US', 'de-DE']) {
    test(`${locale}: by keyboard only, button → form → Confirm withdrawal → receipt, focus on each heading`, async () => {
      const l = LABELS[locale];
      const page = await h.open(page_(`&locale=${locale}`), { context: { locale, timezoneId: 'Europe/Berlin' } });
      await waitForEvent(page, 'ready', { order_id: ORDER_ID });
      // Visible without opening anything.
      const button = page.locator('order-help').getByRole('button', { name: l.button });
      assert.ok(await button.isVisible(), 'the button is visible on the overview');
      await withdrawByKeyboard(page, l);
      await page.evaluate(() => window.e2e.answer(0, { received_at: '2026-04-02T08:00:05Z', acknowledgement_to: 'jana.krueger@example.de' }));
      await assertFocusOnHeading(page, l.received);
      const outcome = await page.locator('order-help').getByRole('region', { name: l.received }).innerText();
      assert.match(outcome, /jana\.krueger@example\.de/);
      assert.match(outcome, locale === 'de-DE' ? /2\. April 2026 um 10:00/ : /April 2, 2026 at 10:00/);
      await tabTo(page, isButton(l.back), `"${l.back}"`);
      await page.keyboard.press('Enter');
      await assertFocusOnHeading(page, l.order);
      assert.equal(await page.locator('order-help').getByRole('button', { name: l.button }).count(), 0, 'no second withdrawal');
      const steps = (await hostLog(page)).events.filter((e) => e.type === 'withdrawal');
      assert.equal(steps.length, 1);
      await page.done();
    });
  }

  test('a double click on Confirm withdrawal sends one withdrawal', async () => {
    const page = await h.openReady(page_());
    const w = page.locator('order-help');
    await w.getByRole('button', { name: LABELS['en-US'].button }).click();
    await w.getByRole('button', { name: 'Confirm withdrawal' }).dblclick();
    await waitForRequests(page, 1);
    await page.waitForTimeout(300);
    assert.equal((await hostLog(page)).requests.length, 1, 'one withdrawal for a double click');
    await page.done();
  });

  test('no answer within the timeout: everything kept, the contact address, Try again with the same key and declared_at', async () => {
    const page = await h.openReady(page_('&timeout=300'));
    await openForm(page, LABELS['en-US']);
    await tabTo(page, (f) => f.tag === 'input' && f.type === 'text', 'the name field');
    await page.keyboard.press('End');
    await page.keyboard.type(' (Berlin)');
    await confirm(page, 'Confirm withdrawal');
    const alert = page.locator('order-help').getByRole('alert');
    await alert.waitFor({ timeout: 3000 });
    await waitForEvent(page, 'error', { code: 'request_timeout' });
    const text = await alert.innerText();
    assert.match(text, /didn't answer in time/);
    assert.match(text, /You can also withdraw by e-mail to widerruf@nordwind\.example/);
    assert.equal((await page.locator('order-help #withdraw-name').inputValue()), 'Jana Krüger (Berlin)', 'what was typed is kept');
    await page.evaluate(() => document.querySelector('order-help').setAttribute('timeout', '20000'));
    await confirm(page, 'Try again');
    const requests = await waitForRequests(page, 2);
    assert.equal(requests[1].request.idempotency_key, requests[0].request.idempotency_key);
    assert.equal(requests[1].request.declared_at, requests[0].request.declared_at);
    assert.equal(requests[1].request.customer.name, 'Jana Krüger (Berlin)');
    await page.evaluate(() => window.e2e.answer(1, { received_at: '2026-04-02T08:01:00Z' }));
    await assertFocusOnHeading(page, 'Withdrawal received');
    await page.done();
  });

  // Issue 23: the store's receipt for a declaration given up on after the timeout lands even
  // after the customer edited the form meanwhile: received, with focus on its heading.
  test('a receipt after the timeout lands after the name was edited', async () => {
    const page = await h.openReady(page_('&timeout=300'));
    await openForm(page, LABELS['en-US']);
    await confirm(page, 'Confirm withdrawal');
    await waitForEvent(page, 'error', { code: 'request_timeout' });
    await page.locator('order-help #withdraw-name').fill('Jana K.');
    await page.evaluate(() => window.e2e.answer(0, { received_at: '2026-04-02T08:00:05Z' }));
    await assertFocusOnHeading(page, 'Withdrawal received');
    assert.equal((await hostLog(page)).requests.length, 1, 'nothing sent again');
    await page.done();
  });

  test('confirmed 1 s before the deadline, answered after it: received (page clock)', async () => {
    const page = await h.open('/e2e/element.html?order=withdrawal-easter&policy=berlin-withdrawal&now=system', {
      context: { timezoneId: 'Europe/Berlin' },
      clock: { time: new Date('2026-04-07T23:59:30+02:00') },
    });
    await waitForEvent(page, 'ready');
    await openForm(page, LABELS['en-US']);
    await page.clock.pauseAt(new Date('2026-04-07T23:59:58+02:00'));
    await page.clock.runFor(1000);
    await confirm(page, 'Confirm withdrawal');
    const [{ request }] = await waitForRequests(page, 1);
    assert.equal(request.declared_at, '2026-04-07T21:59:59Z');
    // The period ends while the store works; it answers after the deadline.
    await page.clock.runFor(3000);
    await page.evaluate(() => window.e2e.answer(0, { received_at: '2026-04-07T22:00:02Z', acknowledgement_to: 'jana.krueger@example.de' }));
    await assertFocusOnHeading(page, 'Withdrawal received');
    await page.done();
  });

  // Issue 23, item 6: the store's answer is bounded like an order: its strings by the order's
  // limit (2,000 characters), its received_at from the order's placing to five minutes after the
  // widget's clock; else answer_malformed, naming the field.
  test('a 2 MB acknowledgement_to is left out (answer_malformed), the receipt stands and the widget keeps its size', async () => {
    const page = await h.openReady(page_());
    const w = page.locator('order-help');
    const before = await w.evaluate((el) => el.getBoundingClientRect().height);
    await w.getByRole('button', { name: LABELS['en-US'].button }).click();
    await w.getByRole('button', { name: 'Confirm withdrawal' }).click();
    await waitForRequests(page, 1);
    await page.evaluate(() => window.e2e.answer(0, { received_at: '2026-04-02T08:00:05Z', acknowledgement_to: `${'j'.repeat(2 * 1024 * 1024)}@example.de` }));
    await assertFocusOnHeading(page, 'Withdrawal received');
    await waitForEvent(page, 'error', { code: 'answer_malformed' });
    const error = (await hostLog(page)).events.find((e) => e.type === 'error').detail;
    assert.match(error.message, /acknowledgement_to: expected an e-mail address \(a string of at most 2000 characters\), found "j{40}…"/);
    const outcome = await w.getByRole('region', { name: 'Withdrawal received' }).innerText();
    assert.doesNotMatch(outcome, /jjjj/);
    const height = await w.evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(height < before + 1000, `the widget is ${height} px tall (was ${before})`);
    await page.done();
  });

  for (const [received, why] of [['1999-04-02T08:00:05Z', 'before the order was placed'], ['2026-04-02T08:06:00Z', 'six minutes ahead of the widget\'s clock']]) {
    test(`a received_at ${why} is answer_malformed naming the field: no receipt is shown, Try again and the contact address`, async () => {
      const page = await h.openReady(page_());
      const w = page.locator('order-help');
      await w.getByRole('button', { name: LABELS['en-US'].button }).click();
      await w.getByRole('button', { name: 'Confirm withdrawal' }).click();
      await waitForRequests(page, 1);
      await page.evaluate((at) => window.e2e.answer(0, { received_at: at }), received);
      await waitForEvent(page, 'error', { code: 'answer_malformed' });
      const error = (await hostLog(page)).events.find((e) => e.type === 'error').detail;
      assert.match(error.message, new RegExp(`received_at: expected an RFC 3339 instant .* from the order's placed_at to five minutes after the widget's clock, found "${received}"`));
      const alert = w.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /You can also withdraw by e-mail to widerruf@nordwind\.example/);
      assert.ok(await w.getByRole('button', { name: 'Try again' }).isVisible());
      assert.doesNotMatch(await w.innerText(), /1999|received your withdrawal/);
      await page.done();
    });
  }

  test('mount() with a customer pre-fills the form; one that is not {name, email} is reported (customer_invalid) and the form starts blank', async () => {
    const page = await h.open('/e2e/blank.html', { allow: [/^error: order-help: customer\.email: expected an e-mail address/] });
    const [easter, berlin] = await Promise.all(['orders/withdrawal-easter.json', 'policies/berlin-withdrawal.json']
      .map((file) => page.evaluate((file) => fetch(`/${file}`).then((r) => r.json()), file)));
    delete easter.customer;
    await page.evaluate(async ([order, policy]) => {
      const { mount } = await import('/embed.js');
      for (const [id, customer] of [['good', { name: 'Ali Demir', email: 'ali@example.de' }], ['bad', { name: 'Ali', email: 'Ali Demir' }]]) {
        const element = document.createElement('div');
        element.id = id;
        document.getElementById('slot').append(element);
        mount(element, { order, policy, customer, now: '2026-04-02T10:00:00+02:00', locale: 'en-US', onWithdraw: () => new Promise(() => {}) });
      }
    }, [easter, berlin]);
    await waitForEvent(page, 'error', { code: 'customer_invalid' }, 'bad');
    for (const [id, name, email] of [['good', 'Ali Demir', 'ali@example.de'], ['bad', '', '']]) {
      const w = page.locator(`#${id}`);
      await w.getByRole('button', { name: 'Withdraw from contract here' }).click();
      assert.equal(await w.locator('#withdraw-name').inputValue(), name, id);
      assert.equal(await w.locator('#withdraw-email').inputValue(), email, id);
    }
    const error = (await hostLog(page)).events.find((e) => e.type === 'error' && e.target === 'bad');
    assert.match(error.detail.message, /customer\.email: expected an e-mail address \(e\.g\. "name@example\.com"\), found "Ali Demir"/);
    await page.done();
  });

  for (const locale of ['en-US', 'de-DE', 'fr-FR', 'es-ES']) {
    test(`${locale}: axe (WCAG 2.2 AA tags) on every withdrawal step, and 24×24 px targets`, async () => {
      const l = LABELS[locale];
      const page = await h.openReady(page_(`&locale=${locale}&timeout=400`), { context: { locale } });
      const w = page.locator('order-help');
      await auditWcag22(page, `${locale} overview with the withdrawal button`);
      assert.deepEqual(await smallTargets(page), [], 'overview: targets of at least 24×24 px');
      await w.getByRole('button', { name: l.button }).click();
      await assertFocusOnHeading(page, l.form);
      await auditWcag22(page, `${locale} form`);
      assert.deepEqual(await smallTargets(page), [], 'form: targets of at least 24×24 px');
      if (!LABELS[locale].received) return page.done();
      // Problems next to their fields.
      await w.locator('#withdraw-email').fill('not an address');
      await w.getByRole('button', { name: l.confirm }).click();
      await w.locator('#withdraw-email-error').waitFor();
      await auditWcag22(page, `${locale} form with an error`);
      await w.locator('#withdraw-email').fill('jana@example.de');
      // A send that times out, then one that is received.
      await w.getByRole('button', { name: l.confirm }).click();
      await w.getByRole('alert').waitFor({ timeout: 3000 });
      await auditWcag22(page, `${locale} form after a failed send`);
      await page.evaluate(() => document.querySelector('order-help').setAttribute('timeout', '20000'));
      await w.getByRole('button', { name: l.tryAgain }).click();
      await waitForRequests(page, 2);
      await page.evaluate(() => window.e2e.answer(1, { received_at: '2026-04-02T08:01:00Z' }));
      await assertFocusOnHeading(page, l.received);
      await auditWcag22(page, `${locale} receipt`);
      assert.deepEqual(await smallTargets(page), [], 'receipt: targets of at least 24×24 px');
      await page.done();
    });
  }

  test('the whole widget under the WCAG 2.2 AA tags: the cancel flow\'s overview and step 1, a good on its way', async () => {
    let page = await h.openReady('/e2e/element.html');
    await auditWcag22(page, 'cancel overview');
    await page.locator('order-help').getByRole('button', { name: 'Cancel items' }).click();
    await auditWcag22(page, 'cancel step 1');
    await page.done();
    page = await h.openReady('/e2e/element.html?order=withdrawal-in-transit&policy=berlin-withdrawal&now=2026-04-01T10:00:00%2B02:00');
    const text = await page.locator('order-help .withdrawal').innerText();
    assert.match(text, /Until 14 days after delivery/);
    await auditWcag22(page, 'withdrawal with a good on its way');
    await page.done();
  });
});

