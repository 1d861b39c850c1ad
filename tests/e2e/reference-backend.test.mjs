// The trust boundary, end to end: the real widget on a help page served by the reference back
// end (examples/reference-backend/server.mjs), whose handlers POST each request to that server,
// which verifies it with the Node package against its own copy of the order at its own receipt
// time. An honest cancellation is accepted; a cancellation rewritten by a page script to name a
// delivered item, and a return rewritten to ask for more units than are left, are rejected by
// the server and shown by the widget as declined, with the customer's choices still there; an
// honest withdrawal is acknowledged, and one whose declaration time was rewritten is refused
// (HTTP 422: Try again and the store's contact address). The server answers a refusal with its
// code and values, and the widget writes its sentence in the page's language: a German page
// shows the refusal of a tampered return in German.
//
// The package: $ORDER_HELP_ENGINE_DIR if set, else the tarball of `make node-package`
// (target/node-package/, built by the node-package stage of `make test`; built here if absent),
// installed into a temporary folder as a store's back end would.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { LAUNCH, harness } from './helpers.mjs';
import { assertFocusOnHeading, requestByClicks } from './flow.mjs';
import { loadEngine, startReferenceBackend } from '../../examples/reference-backend/server.mjs';
import { installEngine } from './reference.mjs';

const MULTI = { id: '114-7765120-0043318', sleeve: /^Laptop sleeve/, laptop: 'laptop' };
const MUGS = { id: '114-3307781-9921406', title: /^Stoneware mug/ };
const EASTER = { id: '302-7730114-2026040', contact: 'widerruf@nordwind.example' };
const STOVE = { id: '114-9930418-2257610', title: /^Compact camping stove/ };

/** A language's catalogue (locales/<lang>.json). */
const texts = (lang) => JSON.parse(readFileSync(new URL(`../../locales/${lang}.json`, import.meta.url), 'utf8'));

/** The sentence of `verify`'s `code` in `lang`, its plural form for the count. */
function refusal(lang, code, values) {
  const entry = texts(lang)[`verify.${code}`];
  if (typeof entry === 'string') return entry;
  return entry[new Intl.PluralRules(lang).select(values.quantity ?? values.requested)] ?? entry.other;
}

/** `text` shows `template`: its fixed words in order, each number it names filled in. */
function assertShows(text, template, values) {
  let at = 0;
  for (const part of template.split(/\{[a-z_]+\}/)) {
    const words = part.trim();
    if (words === '') continue;
    const found = text.indexOf(words, at);
    assert.ok(found >= at, `${JSON.stringify(words)} of ${JSON.stringify(template)} in ${JSON.stringify(text)}`);
    at = found + words.length;
  }
  for (const name of template.match(/\{[a-z_]+\}/g) ?? []) {
    const value = values[name.slice(1, -1)];
    if (typeof value === 'number') assert.ok(text.includes(String(value)), `${name} = ${value} in ${text}`);
  }
}

/**
 * The store's refusal is shown as its answer, with none of the words of `error_rejected` ("the
 * store reported an error (…)", `t`: the language's catalogue) around it.
 */
function assertNoErrorReport(text, t) {
  for (const part of t.error_rejected.split('{detail}').map((p) => p.replace(/[().]/g, '').trim()).filter(Boolean)) {
    assert.ok(!text.includes(part), `${JSON.stringify(part)} (error_rejected) not in ${JSON.stringify(text)}`);
  }
}

const h = harness();
let engine;
before(async () => {
  engine = installEngine();
  // The harness's browser and page checks, against the reference back end instead of the static server.
  [h.browser, h.server] = await Promise.all([
    chromium.launch(LAUNCH),
    startReferenceBackend({ engine: loadEngine(engine.dir), database: ':memory:' }),
  ]);
});
after(async () => {
  await h.teardown();
  if (engine?.made) rmSync(engine.dir, { recursive: true, force: true });
});

/** What the server verified for order `id`, from entry `from` of its log on. */
async function verified(id, count, from) {
  for (let i = 0; i < 100 && h.server.log.filter((e) => e.request.order_id === id).length < from + count; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return h.server.log.filter((e) => e.request.order_id === id).slice(from, from + count);
}
const logged = (id) => h.server.log.filter((e) => e.request.order_id === id).length;

/** A page script of an attacker (or a broken extension): rewrites each request of `type` before the page's handler sees it. */
function tamper(type, rewrite) {
  return [
    ([type, source]) => {
      // eslint-disable-next-line no-new-func
      const change = new Function('request', source);
      window.addEventListener(type, (event) => change(event.detail.request), { capture: true });
    },
    [type, rewrite],
  ];
}

async function open(query, { initScripts = [], ...options } = {}) {
  const page = await h.open(null, options);
  for (const [script, arg] of initScripts) await page.addInitScript(script, arg);
  await page.goto(h.server.url(`/help?${query}`));
  return page;
}

const widget = (page) => page.locator('order-help');

/**
 * Opens the return-multi-unit sample in `locale` with a page script that rewrites every return
 * request to 5 units, asks to return 2 mugs through the steps (`t`: the language's catalogue)
 * and waits for the declined outcome: `{ page, w, entry }` (what the server logged).
 */
async function tamperedReturn(locale, t) {
  const from = logged(MUGS.id);
  const page = await open(`order=return-multi-unit&locale=${locale}`, {
    initScripts: [
      tamper('order-help-return-request', 'for (const line of [...request.items, ...request.lines]) line.quantity = 5;'),
    ],
  });
  const w = widget(page);
  await w.getByRole('button', { name: t.return_items }).click();
  await w.getByRole('checkbox', { name: MUGS.title }).check();
  await w.getByRole('spinbutton').fill('2');
  await w.getByRole('button', { name: t.continue }).click();
  await w.getByRole('radio').first().check();
  await w.getByRole('button', { name: t.continue }).click();
  await w.getByRole('button', { name: t.request_return }).click();
  await assertFocusOnHeading(page, t.return_outcome_declined);
  const [entry] = await verified(MUGS.id, 1, from);
  assert.deepEqual(entry.request.items, [{ item_id: 'mugs', quantity: 5 }], 'the server got the tampered request');
  return { page, w, entry };
}

/**
 * Opens the withdrawal-easter sample in `locale` and `timezoneId` with a page script that moves
 * every withdrawal's declaration time an hour back, withdraws and confirms (`t`: the language's
 * catalogue) and waits for the refusal's alert: `{ page, w, entry, text }` (what the server
 * logged, the alert's text).
 */
async function tamperedWithdrawal(locale, timezoneId, t) {
  const from = logged(EASTER.id);
  const page = await open(`order=withdrawal-easter&locale=${locale}`, {
    context: { timezoneId },
    initScripts: [
      tamper('order-help-withdrawal', 'request.declared_at = new Date(Date.parse(request.declared_at) - 3600e3).toISOString();'),
    ],
    // The 422 of /api/requests, which Chromium logs.
    allow: [/status of 422 \(Unprocessable Entity\) \(http:\/\/127\.0\.0\.1:\d+\/api\/requests:/],
  });
  const w = widget(page);
  await w.getByRole('button', { name: t.withdraw_button }).click();
  await w.getByRole('button', { name: t.withdraw_confirm }).click();
  const alert = w.getByRole('alert');
  await alert.waitFor();
  const [entry] = await verified(EASTER.id, 1, from);
  assert.equal(entry.verification.code, 'declaration_delayed');
  return { page, w, entry, text: await alert.innerText() };
}

// One at a time, in this order: the server's log is read in order, and an accepted request
// changes its order of record (a declined one first, then the honest one).
describe('the reference back end verifies what the widget sends', () => {
  test('a cancellation rewritten to name a delivered item is declined, and the customer\'s choice stays', async () => {
    const from = logged(MULTI.id);
    const page = await open('order=multi-shipment', {
      initScripts: [tamper('order-help-cancel-request', `request.items = [{ item_id: '${MULTI.laptop}', quantity: 1 }];`)],
    });
    await requestByClicks(widget(page), MULTI.sleeve);
    await assertFocusOnHeading(page, 'Cancellation declined');
    const [entry] = await verified(MULTI.id, 1, from);
    assert.deepEqual(entry.request.items, [{ item_id: 'laptop', quantity: 1 }], 'the server got the tampered request');
    assert.equal(entry.verification.accepted, false);
    assert.equal(entry.verification.items[0].code, 'not_cancellable_now');
    assert.equal(entry.verification.items[0].verdict_code, 'delivered');
    assert.equal(entry.answer.status, 'declined');
    const outcome = widget(page).getByRole('region', { name: 'Cancellation declined' });
    const text = await outcome.innerText();
    // The server's sentence, as the widget shows a store's message.
    assert.ok(text.includes(entry.verification.items[0].message), `the server's sentence is shown: ${text}`);
    assert.match(text, /it can no longer be cancelled\. It has been delivered/);
    assert.doesNotMatch(text, /\(delivered\)|not_cancellable_now/, 'no engine code is shown');
    // The customer's own choice (the sleeve) is what the outcome is about, with what to do instead.
    const fallbacks = await outcome.locator('li').allInnerTexts();
    assert.equal(fallbacks.length, 1, JSON.stringify(fallbacks));
    assert.match(fallbacks[0], /^Laptop sleeve: \S/);
    // Back to the order: nothing was cancelled, and the sleeve can still be cancelled.
    await widget(page).getByRole('button', { name: 'Back to your order' }).click();
    await assertFocusOnHeading(page, `Order ${MULTI.id}`);
    assert.doesNotMatch(await widget(page).locator('li[data-item="sleeve"]').innerText(), /Cancelled|Cancellation requested/);
    await widget(page).getByRole('button', { name: 'Cancel items' }).click();
    assert.equal(await widget(page).getByRole('checkbox', { name: MULTI.sleeve }).isEnabled(), true, 'the sleeve is still offered');
    await page.done();
  });

  test('an honest cancellation is accepted: "Cancelled", with the store\'s number; a reload shows it cancelled', async () => {
    const from = logged(MULTI.id);
    const page = await open('order=multi-shipment');
    await requestByClicks(widget(page), MULTI.sleeve);
    await assertFocusOnHeading(page, 'Cancelled');
    const [entry] = await verified(MULTI.id, 1, from);
    assert.deepEqual(entry.request.items, [{ item_id: 'sleeve', quantity: 1 }]);
    assert.equal(entry.verification.accepted, true);
    assert.equal(entry.answer.status, 'cancelled');
    assert.match(entry.answer.cancellation_id, /^C-\d+$/);
    const outcome = await widget(page).getByRole('region', { name: 'Cancelled' }).innerText();
    assert.ok(outcome.includes(`Your cancellation number: ${entry.answer.cancellation_id}`), outcome);
    // The order of record moved the sleeve to a cancelled shipment: a reload says so.
    await page.reload();
    await widget(page).locator('li[data-item="sleeve"] .badge').filter({ hasText: 'Cancelled' }).waitFor();
    await page.done();
  });

  test('a cancellation pending the seller\'s approval: "Request sent" with its number, and after a reload not offered again', async () => {
    const from = logged(STOVE.id);
    const page = await open('order=marketplace-after-grace');
    await requestByClicks(widget(page), STOVE.title);
    await assertFocusOnHeading(page, 'Request sent');
    const [entry] = await verified(STOVE.id, 1, from);
    assert.equal(entry.answer.status, 'requested');
    const number = entry.answer.cancellation_id;
    assert.equal(h.server.order(STOVE.id).items[0].cancellation_id, number, 'the order of record keeps it');
    await page.reload();
    const stove = widget(page).locator('li[data-item="stove"]');
    await stove.locator('.badge').filter({ hasText: 'Cancellation requested' }).waitFor();
    assert.match(await stove.innerText(), new RegExp(`Cancellation requested on .*\\(number ${number}\\)`));
    assert.equal(await widget(page).getByRole('button', { name: 'Cancel items' }).count(), 0, 'not offered again');
    await page.done();
  });

  test('a return rewritten to ask for more units than are left is declined, and the items stay returnable', async () => {
    const { page, w, entry } = await tamperedReturn('en-US', texts('en'));
    assert.equal(entry.verification.items[0].code, 'quantity_exceeds_returnable');
    assert.equal(entry.verification.items[0].values.returnable, 4);
    const text = await w.getByRole('region', { name: 'Return declined' }).innerText();
    assert.ok(text.includes(entry.verification.items[0].message), `the server's sentence is shown: ${text}`);
    await w.getByRole('button', { name: 'Back to your order' }).click();
    await assertFocusOnHeading(page, `Order ${MUGS.id}`);
    assert.doesNotMatch(await w.locator('li[data-item="mugs"]').innerText(), /Return requested/);
    assert.equal(await w.getByRole('button', { name: 'Return items' }).count(), 1, '"Return items" is still offered');
    await page.done();
  });

  test('a German page shows the server\'s refusal of a tampered return in German', async () => {
    const { page, w, entry } = await tamperedReturn('de-DE', texts('de'));
    const { code, values, message } = entry.verification.items[0];
    assert.equal(code, 'quantity_exceeds_returnable');
    assert.deepEqual(entry.answer, { status: 'declined', code, values }, 'the server answers the code and its values');
    const text = await w.getByRole('region', { name: 'Rücksendung abgelehnt' }).innerText();
    assertShows(text, refusal('de', code, values), values);
    assert.match(text, /Nicht angenommen: 5 Stück angefragt/);
    assert.ok(!text.includes(message) && !/Not accepted|requested|returned/.test(text), `no English: ${text}`);
    await page.done();
  });

  test('a withdrawal whose declaration time was rewritten an hour back is refused: Try again and the contact address', async () => {
    const { page, w, entry, text } = await tamperedWithdrawal('en-US', 'Europe/Berlin', texts('en'));
    assert.equal(entry.status, 422);
    // The server's refusal, written by the widget from its code and values.
    assertShows(text, refusal('en', 'declaration_delayed', entry.verification.values), entry.verification.values);
    assertNoErrorReport(text, texts('en'));
    // Each instant as the store's clock reads it, and said so, as `verify`'s English says it.
    assert.equal(text.match(/\(store time\)/g)?.length, 2, `declared_at and received_at in store time: ${text}`);
    assert.ok(text.includes(EASTER.contact), `the contact address is shown: ${text}`);
    assert.equal(await w.getByRole('button', { name: 'Try again' }).count(), 1);
    await page.done();
  });

  test('a German customer in another time zone sees the refused withdrawal\'s times as the store\'s clock reads them (Zeit des Shops)', async () => {
    // The store is in Berlin; the customer's browser in Los Angeles, nine hours behind.
    const { page, entry, text } = await tamperedWithdrawal('de-DE', 'America/Los_Angeles', texts('de'));
    assert.match(entry.verification.values.declared_at, /\+0[12]:00$/, 'verify writes the instant with the store\'s offset');
    // The Node package's sentence (node/src/render.rs: the store's wall clock from the value's
    // own offset) is the one the widget shows, word for word, in a browser nine hours away.
    const { message } = loadEngine(engine.dir).renderVerification(entry.verification, 'de-DE');
    assert.match(message, /Zeit des Shops/);
    assert.ok(text.includes(message), `${JSON.stringify(message)} in ${JSON.stringify(text)}`);
    assertNoErrorReport(text, texts('de'));
    await page.done();
  });

  test('an honest withdrawal is acknowledged with the server\'s receipt time', async () => {
    const from = logged(EASTER.id);
    const page = await open('order=withdrawal-easter&locale=en-US', { context: { timezoneId: 'Europe/Berlin' } });
    const w = widget(page);
    await w.getByRole('button', { name: 'Withdraw from contract here' }).click();
    await w.getByRole('button', { name: 'Confirm withdrawal' }).click();
    await assertFocusOnHeading(page, 'Withdrawal received');
    const [entry] = await verified(EASTER.id, 1, from);
    assert.equal(entry.verification.accepted, true);
    assert.equal(entry.answer.received_at, entry.verification.received_at);
    assert.equal(entry.answer.acknowledgement_to, 'jana.krueger@example.de');
    assert.match(await w.getByRole('region', { name: 'Withdrawal received' }).innerText(), /jana\.krueger@example\.de/);
    // A reload: the order of record has it; each item says so, and the function is gone.
    await page.reload();
    for (const id of ['mantel', 'schal']) {
      const item = w.locator(`li[data-item="${id}"]`);
      await item.locator('.badge').filter({ hasText: 'Withdrawal received' }).waitFor();
      assert.match(await item.innerText(), /Withdrawal received on .*send it back within 14 days/s);
    }
    assert.equal(await w.getByRole('button', { name: 'Withdraw from contract here' }).count(), 0);
    await page.done();
  });
});
