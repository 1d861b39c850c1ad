// Parcels as trackers report them (issue 21), in the real bundle: the demo's Dutch order (a DPD
// parcel waiting at a parcel shop, a PostNL parcel out for delivery) under the Amsterdam policy,
// in English and German: one "Track package" link per parcel, named after it, to its tracking
// page; where and until when the DPD parcel waits; not collecting is not a withdrawal; axe on
// the overview. And the demo menu offers the sample.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditStep, harness } from './helpers.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

const NOW = '2026-05-06T10:00:00+02:00';
const page_ = (locale) =>
  `/e2e/element.html?order=dutch-pickup-point&policy=amsterdam-withdrawal&now=${encodeURIComponent(NOW)}&locale=${locale}`;
const DPD = 'https://tracking.dpd.example/parcel/05212345678901';
const POSTNL = 'https://jouw.postnl.example/track-and-trace/3SNWZ0001234567-NL-3511AB';

const LABELS = {
  'en-GB': {
    track: 'Track package',
    dpd: 'Track package: “Wollen plaid, zeegroen” and “Sierkussen van linnen, zand” (DPD)',
    postnl: 'Track package: “Stoneware mokken, set van 4” (PostNL)',
    lines: ['Waiting for you at: DPD Pickup Parcelshop Tabakszaak De Hoek, Oudegracht 112, Utrecht', 'Collect by 12 May 2026',
      'Decline or leave uncollected', 'It is out for delivery with PostNL: you can refuse it by telling the driver at the door'],
    notWithdrawal: 'Not collecting it does not withdraw you from the contract',
  },
  'de-DE': {
    track: 'Sendung verfolgen',
    dpd: 'Sendung verfolgen: „Wollen plaid, zeegroen“ und „Sierkussen van linnen, zand“ (DPD)',
    postnl: 'Sendung verfolgen: „Stoneware mokken, set van 4“ (PostNL)',
    lines: ['Liegt für Sie bereit bei: DPD Pickup Parcelshop Tabakszaak De Hoek, Oudegracht 112, Utrecht', 'Abholen bis 12. Mai 2026',
      'Ablehnen oder nicht abholen', 'Der Artikel ist mit PostNL in der Zustellung: Sie können die Annahme verweigern'],
    notWithdrawal: 'Wenn Sie die Sendung nicht abholen, ist das kein Widerruf des Vertrags',
  },
};

describe('parcels: the Dutch pickup-point sample', { concurrency: true }, () => {
  for (const [locale, l] of Object.entries(LABELS)) {
    test(`${locale}: a Track package link per parcel, where it waits, not a withdrawal; axe`, async () => {
      const page = await h.openReady(page_(locale), { context: { locale, timezoneId: 'Europe/Amsterdam' } });
      const w = page.locator('order-help');
      // Each link's accessible name names its parcel; two parcels, two links (three items).
      const links = w.getByRole('link', { name: new RegExp(`^${l.track}`) });
      assert.equal(await links.count(), 2);
      assert.equal(await w.getByRole('link', { name: l.dpd, exact: true }).getAttribute('href'), DPD);
      assert.equal(await w.getByRole('link', { name: l.postnl, exact: true }).getAttribute('href'), POSTNL);
      for (const link of await links.all()) assert.equal((await link.textContent()).trim(), l.track);
      const text = await w.evaluate((el) => el.shadowRoot.textContent);
      for (const line of l.lines) assert.ok(text.includes(line), `${locale}: ${line} in ${text}`);
      assert.ok(text.includes(l.notWithdrawal), `${locale}: ${text}`);
      assert.doesNotMatch(text, /\bthe the\b|von dem/i);
      await auditStep(page, `the Dutch sample (${locale})`);
      await page.done();
    });
  }

  test('the demo menu offers it, in English with day-month dates', async () => {
    const page = await h.open('/index.html?order=dutch-pickup-point&delay=0');
    const w = page.locator('order-help');
    await w.getByRole('link', { name: /^Track package: .*\(PostNL\)$/ }).waitFor();
    const chosen = await page.locator('#sample').evaluate((s) => s.options[s.selectedIndex].text);
    assert.equal(chosen, 'Dutch customer: a DPD parcel shop and a PostNL van');
    assert.equal(await page.locator('#locale').inputValue(), 'en-GB');
    await page.done();
  });
});
