// Every step of every flow in each language added by issue 25 (Dutch, Italian, Polish,
// Swedish), one table: the cancel flow (overview → select → reason → review → cancelled, and a
// declined request with what to do instead: refuse at the door), refusing (a parcel on its way),
// the return flow (select with a quantity → reason → review → accepted) and the withdrawal
// (button → form → receipt). At each step, on a 320 px wide screen: axe with the WCAG 2.0–2.2
// A/AA tags and best practices finds nothing in the widget, nothing sticks out of it and the
// page does not scroll sideways, and no English text of the widget is left. Every label is the
// language's catalogue's (locales/<lang>.json), none written here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST } from './server.mjs';
import { WCAG22AA, assertFits, axeViolations, harness, waitForEvent, waitForRequests } from './helpers.mjs';
import { withdrawalPage } from './flow.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

const catalogue = (lang) => JSON.parse(readFileSync(path.join(DIST, 'locales', `${lang}.json`), 'utf8'));
const english = catalogue('en');

/** The locales of the languages issue 25 added. */
const LOCALES = [['nl-NL', 'nl'], ['it-IT', 'it'], ['pl-PL', 'pl'], ['sv-SE', 'sv']];

/** The widget's English texts of a few words or more that a page in another language must not show. */
const ENGLISH = ['cancel_items', 'return_items', 'continue', 'back', 'request_cancellation', 'request_return',
  'back_to_order', 'withdraw_button', 'withdraw_confirm', 'review_refund', 'outcome_fallback']
  .map((key) => english[key]);

/** axe's violations inside the widget (the test page around it is not the widget's). */
async function widgetViolations(page) {
  const all = await axeViolations(page, WCAG22AA);
  return all
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => String(n.target[0]).includes('order-help')) }))
    .filter((v) => v.nodes.length > 0);
}

/** One step: axe finds nothing in the widget, it fits 320 px, and no English text of ours shows. */
async function check(page, lang, step) {
  const where = `${lang}: ${step}`;
  const violations = await widgetViolations(page);
  assert.deepEqual(violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.html.slice(0, 100)).join('; ')}`), [],
    `axe (WCAG 2.2 AA + best practice) at ${where}`);
  await assertFits(page, where);
  const text = await page.locator('order-help').evaluate((el) => el.shadowRoot.textContent);
  const left = ENGLISH.filter((words) => text.includes(words));
  assert.deepEqual(left, [], `${where}: English left`);
}

const open = (url, locale) => h.open(url, { context: { viewport: { width: 320, height: 640 }, locale, timezoneId: 'Europe/Berlin' } });
const button = (page, text) => page.locator('order-help').getByRole('button', { name: text, exact: true });

describe('every step of every flow in Dutch, Italian, Polish and Swedish, at 320 px, axe-clean', { concurrency: 2 }, () => {
  for (const [locale, lang] of LOCALES) {
    const t = catalogue(lang);
    test(`${locale}: cancel (every step, cancelled) and a declined cancellation with what to do instead`, async () => {
      for (const answer of ['cancelled', 'declined']) {
        const page = await open(`/e2e/element.html?order=bundle&locale=${locale}&answer=${answer}`, locale);
        const w = page.locator('order-help');
        await waitForEvent(page, 'ready');
        if (answer === 'cancelled') await check(page, lang, 'cancel: overview');
        await button(page, t.cancel_items).click();
        await w.locator('input[type="checkbox"]:not([disabled])').last().check();
        if (answer === 'cancelled') await check(page, lang, 'cancel: step 1 (select)');
        await button(page, t.continue).click();
        await w.locator('input[type="radio"]').first().check();
        if (answer === 'cancelled') await check(page, lang, 'cancel: step 2 (reason)');
        await button(page, t.continue).click();
        await button(page, t.request_cancellation).waitFor();
        if (answer === 'cancelled') await check(page, lang, 'cancel: step 3 (review)');
        await button(page, t.request_cancellation).click();
        const heading = answer === 'cancelled' ? t.outcome_cancelled : t.outcome_declined;
        await w.getByRole('region', { name: heading }).waitFor();
        await check(page, lang, `cancel: outcome (${answer})`);
        if (answer === 'declined') assert.match(await w.locator('[part="outcome"]').innerText(), new RegExp(t.outcome_fallback));
        await page.done();
      }
    });

    test(`${locale}: refusing a parcel on its way (the overview says how)`, async () => {
      const page = await open(`/e2e/element.html?order=ups-in-transit&locale=${locale}`, locale);
      await waitForEvent(page, 'ready');
      const text = await page.locator('order-help').evaluate((el) => el.shadowRoot.textContent);
      assert.ok(text.includes(t.badge_refuse_at_door), `${lang}: "${t.badge_refuse_at_door}" shown`);
      await check(page, lang, 'refuse: overview');
      await page.done();
    });

    test(`${locale}: return (select with a quantity, reason, review, accepted)`, async () => {
      const page = await open(`/e2e/element.html?order=return-multi-unit&now=2025-03-20T12:00:00-07:00&locale=${locale}&answer=accepted`, locale);
      const w = page.locator('order-help');
      await waitForEvent(page, 'ready');
      await button(page, t.return_items).click();
      await w.locator('input[type="checkbox"]:not([disabled])').first().check();
      await check(page, lang, 'return: step 1 (select)');
      await button(page, t.continue).click();
      await w.locator('input[type="radio"]').first().check();
      await check(page, lang, 'return: step 2 (reason)');
      await button(page, t.continue).click();
      await button(page, t.request_return).waitFor();
      await check(page, lang, 'return: step 3 (review)');
      await button(page, t.request_return).click();
      await w.getByRole('region', { name: t.return_outcome_accepted }).waitFor();
      await check(page, lang, 'return: outcome (accepted)');
      await page.done();
    });

    test(`${locale}: withdrawal (the law's button, the form, the receipt)`, async () => {
      const page = await open(withdrawalPage(`&locale=${locale}`), locale);
      const w = page.locator('order-help');
      await waitForEvent(page, 'ready');
      await check(page, lang, 'withdrawal: overview with the button');
      await button(page, t.withdraw_button).click();
      await button(page, t.withdraw_confirm).waitFor();
      await check(page, lang, 'withdrawal: the form');
      await button(page, t.withdraw_confirm).click();
      await waitForRequests(page, 1);
      await page.evaluate(() => window.e2e.answer(0, { received_at: '2026-04-02T08:00:05Z', acknowledgement_to: 'jana.krueger@example.de' }));
      await w.getByRole('region', { name: t.withdraw_outcome_heading }).waitFor();
      await check(page, lang, 'withdrawal: the receipt');
      await page.done();
    });
  }
});
