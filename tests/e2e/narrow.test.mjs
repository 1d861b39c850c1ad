// Phones and long words: every step of the flow (and of the withdrawal) at 320 and 360 px wide, in English and German,
// keeps everything inside the widget's box (labels stack above values, long words break); an
// order string as long as the engine allows (2,000 characters, src/engine/limits.rs) without a
// space is wrapped or shortened in the view and is still read whole by assistive technology.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertFits, harness, order, overflow, settle, waitForEvent, waitForRequests } from './helpers.mjs';
import { ROOT } from './server.mjs';

const catalogue = (lang) => JSON.parse(readFileSync(path.join(ROOT, 'locales', `${lang}.json`), 'utf8'));

const h = harness();
before(h.setup);
after(h.teardown);

const LABELS = {
  'en-US': { cancel: 'Cancel items', next: 'Continue', send: 'Request cancellation', refund: 'Estimated refund' },
  'de-DE': { cancel: 'Artikel stornieren', next: 'Weiter', send: 'Stornierung anfragen', refund: 'Voraussichtliche Erstattung' },
};

describe('phones: every step from 320 px, in English and German', { concurrency: true }, () => {
  for (const locale of ['en-US', 'de-DE']) {
    for (const width of [320, 360]) {
      test(`${locale} at ${width} px: overview, select, reason, review and outcome fit`, async () => {
        const page = await h.open(`/e2e/element.html?order=bundle&locale=${locale}&answer=cancelled`, {
          context: { viewport: { width, height: 640 }, locale },
        });
        const widget = page.locator('order-help');
        const l = LABELS[locale];
        await waitForEvent(page, 'ready');
        await assertFits(page, 'overview');
        await widget.getByRole('button', { name: l.cancel }).click();
        await widget.locator('input[type="checkbox"]:not([disabled])').first().check();
        await assertFits(page, 'step 1 (select)');
        await widget.getByRole('button', { name: l.next }).click();
        await widget.locator('input[type="radio"]').first().check();
        await assertFits(page, 'step 2 (reason)');
        await widget.getByRole('button', { name: l.next }).click();
        await widget.getByRole('button', { name: l.send }).waitFor();
        await assertFits(page, 'step 3 (review)');
        // The label sits above its value when two columns do not fit.
        const [label, value] = await Promise.all([
          widget.locator('dt', { hasText: l.refund }).boundingBox(),
          widget.locator('dt', { hasText: l.refund }).locator('xpath=following-sibling::dd[1]').boundingBox(),
        ]);
        assert.ok(value.y >= label.y + label.height - 1, `"${l.refund}" above its value: ${JSON.stringify({ label, value })}`);
        await widget.getByRole('button', { name: l.send }).click();
        await widget.locator('[part="outcome"]').waitFor();
        await assertFits(page, 'outcome');
        await page.done();
      });
    }
  }

  for (const [locale, lang] of [['en-US', 'en'], ['de-DE', 'de']]) {
    test(`${locale} at 320 px: the return steps fit (a quantity, "opened?", deductions, the label link)`, async () => {
      const t = catalogue(lang);
      const button = (w, key) => w.getByRole('button', { name: t[key], exact: true });
      for (const [sample, answer] of [['return-multi-unit', 'accepted'], ['return-opened-laptop', 'declined']]) {
        const page = await h.open(`/e2e/element.html?order=${sample}&now=2025-03-20T12:00:00-07:00&locale=${locale}`, {
          context: { viewport: { width: 320, height: 640 }, locale },
        });
        const w = page.locator('order-help');
        await waitForEvent(page, 'ready');
        await button(w, 'return_items').click();
        await w.getByRole('checkbox').first().check();
        await assertFits(page, `${sample}: return step 1`);
        await button(w, 'continue').click();
        await w.getByRole('radio').first().check();
        if (sample === 'return-opened-laptop') await w.getByRole('radio', { name: t.return_opened_yes }).check();
        await assertFits(page, `${sample}: return step 2`);
        await button(w, 'continue').click();
        await button(w, 'request_return').waitFor();
        await assertFits(page, `${sample}: return step 3`);
        await button(w, 'request_return').click();
        await waitForRequests(page, 1);
        await page.evaluate((answer) => window.e2e.answer(0, {
          status: answer, return_id: 'R-114-3307781-9921406-01',
          label_url: 'https://returns.example.com/labels/R-114-3307781-9921406-01.pdf',
        }), answer);
        await w.locator('[part="outcome"]').waitFor();
        await assertFits(page, `${sample}: return outcome (${answer})`);
        await page.done();
      }
    });
  }

  const WITHDRAWAL = {
    'en-US': { button: 'Withdraw from contract here', confirm: 'Confirm withdrawal' },
    'de-DE': { button: 'Vertrag widerrufen', confirm: 'Widerruf bestätigen' },
  };
  for (const locale of ['en-US', 'de-DE']) {
    test(`${locale} at 320 px: the withdrawal button, the form (with its errors) and the receipt fit`, async () => {
      const page = await h.open(
        `/e2e/element.html?order=withdrawal-easter&policy=berlin-withdrawal&now=2026-04-02T10:00:00%2B02:00&locale=${locale}`,
        { context: { viewport: { width: 320, height: 640 }, locale } },
      );
      const widget = page.locator('order-help');
      const l = WITHDRAWAL[locale];
      await waitForEvent(page, 'ready');
      await assertFits(page, 'overview with the withdrawal button');
      await widget.getByRole('button', { name: l.button }).click();
      await widget.locator('#withdraw-email').fill('jana.krueger');
      await widget.getByRole('button', { name: l.confirm }).click();
      await widget.locator('#withdraw-email-error').waitFor();
      await assertFits(page, 'the withdrawal form with an error');
      await widget.locator('#withdraw-email').fill('jana@example.de');
      await widget.getByRole('button', { name: l.confirm }).click();
      await page.waitForFunction(() => window.e2e.requests.length === 1);
      await page.evaluate(() => window.e2e.answer(0, { received_at: '2026-04-02T08:00:05Z', acknowledgement_to: 'jana@example.de' }));
      await widget.locator('[part="outcome"]').waitFor();
      await assertFits(page, 'the withdrawal receipt');
      await page.done();
    });
  }

  test('a title of 2,000 characters (the limit) without a space: wrapped or shortened, never wider than the widget, read whole', async () => {
    const title = 'x'.repeat(2_000);
    const long = order('bundle');
    long.items[2].title = title;
    const page = await h.open('/e2e/blank.html', { context: { viewport: { width: 320, height: 640 } } });
    await page.evaluate(async (long) => {
      const { mount } = await import('/embed.js');
      const element = document.createElement('div');
      element.id = 'long';
      document.getElementById('slot').append(element);
      window.longWidget = mount(element, { order: long, now: '2025-03-20T10:00:00-07:00', locale: 'en-US' });
    }, long);
    const widget = page.locator('#long');
    await widget.getByRole('button', { name: 'Cancel items' }).waitFor();
    assert.deepEqual(await overflow(page, '#long'), [], 'overview: nothing sticks out');
    const row = await widget.locator('li[data-item="card"]').boundingBox();
    assert.ok(row.height < 600, `the overview row is shortened, not ${Math.round(row.height)} px tall`);
    // Assistive technology gets the whole title: it is in the accessibility tree in full.
    const snapshot = await widget.locator('li[data-item="card"] .title').ariaSnapshot();
    assert.ok(snapshot.includes(title), `the accessibility tree holds all ${title.length} characters (snapshot: ${snapshot.length} characters)`);
    await widget.getByRole('button', { name: 'Cancel items' }).click();
    await widget.locator('input[type="checkbox"]:not([disabled])').first().waitFor();
    assert.deepEqual(await overflow(page, '#long'), [], 'step 1: nothing sticks out');
    await page.done();
  });
});
