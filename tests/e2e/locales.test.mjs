// Languages: a German page loads locales/de.json once and its first complete render is German
// (no English frame before it); French and Spanish render; a catalogue given inline makes no
// request; a missing or broken catalogue shows English and reports `locale_unavailable`; a
// language the build has no catalogue for (ja, pt-BR) is English throughout, its dates and
// numbers too (issue 25, item 3).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST } from './server.mjs';
import { harness, hostLog, waitForEvent } from './helpers.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

const NOW = '2025-03-20T10:00:00-07:00';
const catalogue = (lang) => JSON.parse(readFileSync(path.join(DIST, 'locales', `${lang}.json`), 'utf8'));

/** Records the text of every widget shadow root after each change, from page start. */
const FRAMES = () => {
  window.__frames = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const root = attach.call(this, init);
    const id = this.id;
    new MutationObserver(() => window.__frames.push({ id, text: root.textContent }))
      .observe(root, { subtree: true, childList: true, characterData: true });
    return root;
  };
};

/** Adds `<order-help>` elements for the bundle sample to the page, one per `[id, locale, inner]`. */
function addElements(page, elements) {
  return page.evaluate(([elements, now]) => {
    for (const [id, locale, inner] of elements) {
      const element = document.createElement('order-help');
      element.id = id;
      element.setAttribute('order-src', '/orders/bundle.json');
      element.setAttribute('now', now);
      element.setAttribute('locale', locale);
      element.innerHTML = `<a href="/orders/">See your order</a>${inner ?? ''}`;
      document.getElementById('slot').append(element);
    }
  }, [elements, NOW]);
}

const text = (page, id) => page.evaluate((id) => document.getElementById(id).shadowRoot?.textContent ?? '', id);
const localeRequests = (page) => page.requests.filter((url) => url.includes('/locales/'));

describe('languages', { concurrency: true }, () => {
  test('a German page loads de.json once and renders German from its first frame', async () => {
    const page = await h.open('/e2e/blank.html', { initScripts: [FRAMES] });
    await addElements(page, [['one', 'de-DE'], ['two', 'de-AT']]);
    await waitForEvent(page, 'ready', {}, 'one');
    await waitForEvent(page, 'ready', {}, 'two');
    assert.match(await text(page, 'one'), /Artikel stornieren/);
    assert.match(await text(page, 'two'), /Kann storniert werden/);
    const frames = await page.evaluate(() => window.__frames);
    assert.ok(frames.length > 0, 'the shadow roots were observed');
    for (const { id, text } of frames) {
      assert.doesNotMatch(text, /Cancel items|Can be cancelled|Not shipped yet/, `${id}: an English frame`);
    }
    assert.deepEqual(localeRequests(page).map((u) => new URL(u).pathname), ['/locales/de.json']);
    await page.done();
  });

  test('a German page asks for de.json while the wasm is still on its way, not once it has started', async () => {
    const page = await h.open(null);
    let asked = false;
    page.on('request', (request) => { if (request.url().endsWith('/locales/de.json')) asked = true; });
    let askedFirst = null;
    // The wasm is held back until the catalogue has been asked for (5 s at most): with the
    // catalogue fetched only after the wasm has started, it is never asked for meanwhile.
    await page.route('**/order-help_bg.wasm', async (route) => {
      for (const start = Date.now(); !asked && Date.now() - start < 5_000;) await new Promise((r) => setTimeout(r, 20));
      askedFirst = asked;
      await route.continue();
    });
    await page.route('**/e2e/element.html', async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, body: (await response.text()).replace('locale="en-US"', 'locale="de-DE"') });
    });
    await page.goto(h.server.url('/e2e/element.html'));
    await waitForEvent(page, 'ready', {}, 'widget');
    assert.equal(askedFirst, true, 'de.json was asked for before the wasm arrived');
    assert.match(await text(page, 'widget'), /Artikel stornieren/);
    assert.deepEqual(localeRequests(page).map((u) => new URL(u).pathname), ['/locales/de.json']);
    await page.done();
  });

  test('French and Spanish render in their language', async () => {
    const page = await h.open('/e2e/blank.html');
    await addElements(page, [['fr', 'fr-FR'], ['es', 'es-ES']]);
    await waitForEvent(page, 'ready', {}, 'fr');
    await waitForEvent(page, 'ready', {}, 'es');
    const fr = await text(page, 'fr');
    const es = await text(page, 'es');
    assert.match(fr, new RegExp(catalogue('fr').cancel_items));
    assert.match(fr, new RegExp(catalogue('fr').badge_cancel));
    assert.match(es, new RegExp(catalogue('es').cancel_items));
    assert.match(es, new RegExp(catalogue('es').badge_cancel));
    assert.doesNotMatch(fr + es, /Cancel items|Can be cancelled/);
    await page.done();
  });

  test('a catalogue given inline is used without a request', async () => {
    const page = await h.open('/e2e/blank.html', { initScripts: [FRAMES] });
    const inline = JSON.stringify({ ...catalogue('de'), cancel_items: 'Artikel jetzt stornieren' });
    await addElements(page, [['inline', 'de-CH', `<script type="application/json" data-locale="de">${inline}</script>`]]);
    await waitForEvent(page, 'ready', {}, 'inline');
    assert.match(await text(page, 'inline'), /Artikel jetzt stornieren/);
    assert.deepEqual(localeRequests(page), []);
    await page.done();
  });

  for (const [name, fulfil, cause] of [
    ['missing (404)', { status: 404, body: 'not found' }, /de\.json answered HTTP 404/],
    // The release build fetches each catalogue with its hash: one changed (broken) after the
    // build is refused before it is read (issue 23).
    ['broken', { status: 200, contentType: 'application/json', body: '{"badge_cancel": ' },
      /de\.json does not match the sha384 hash of the build: it was changed after the build/],
  ]) {
    test(`a ${name} catalogue: English, and locale_unavailable`, async () => {
      const allow = [/Failed to load resource/, /(Fetch API cannot load |Failed to find a valid digest in the 'integrity' attribute for resource ').*de\.json/, /order-help: the texts for "de" are unavailable/];
      const page = await h.open(null, { allow });
      await page.route('**/locales/de.json', (route) => route.fulfill(fulfil));
      await page.goto(h.server.url('/e2e/blank.html'));
      await addElements(page, [['fallback', 'de-DE']]);
      await waitForEvent(page, 'error', { code: 'locale_unavailable' }, 'fallback');
      await waitForEvent(page, 'ready', {}, 'fallback');
      assert.match(await text(page, 'fallback'), /Cancel items/);
      const errors = (await hostLog(page)).events.filter((e) => e.type === 'error');
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.match(errors[0].detail.message, cause);
      await page.done();
    });
  }

  test('a language without a catalogue (ja, pt-BR): English texts with English dates and numbers, and locale_unavailable', async () => {
    const allow = [/order-help: the texts for "(ja|pt)" are unavailable/, /Failed to load resource/];
    const page = await h.open('/e2e/blank.html', { allow });
    await page.evaluate((now) => {
      for (const locale of ['ja', 'pt-BR']) {
        const element = document.createElement('order-help');
        element.id = locale;
        element.setAttribute('order-src', '/orders/delivered-29-days-ago.json');
        element.setAttribute('now', now);
        element.setAttribute('locale', locale);
        document.getElementById('slot').append(element);
      }
    }, NOW);
    for (const id of ['ja', 'pt-BR']) {
      await waitForEvent(page, 'error', { code: 'locale_unavailable' }, id);
      await waitForEvent(page, 'ready', {}, id);
    }
    // Every month and weekday name of each language, as Intl writes them.
    const names = await page.evaluate(() => {
      const of = (locale) => {
        const all = [];
        for (let m = 0; m < 12; m += 1) {
          const date = new Date(Date.UTC(2025, m, 15));
          for (const month of ['long', 'short']) all.push(new Intl.DateTimeFormat(locale, { month }).format(date));
          all.push(new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(date));
        }
        return [...new Set(all)].filter((n) => n.length > 2);
      };
      return { pt: of('pt-BR'), en: of('en') };
    });
    for (const id of ['ja', 'pt-BR']) {
      const shown = await text(page, id);
      assert.match(shown, /Return items/, `${id}: English texts`);
      assert.ok(names.en.some((n) => shown.includes(n)), `${id}: a date in English: ${shown}`);
      assert.doesNotMatch(shown, /[\u3040-\u30ff\u4e00-\u9fff]/, `${id}: no Japanese (年, 月, 日) in ${shown}`);
      const portuguese = names.pt.filter((n) => !names.en.includes(n) && shown.toLowerCase().includes(n.toLowerCase()));
      assert.deepEqual(portuguese, [], `${id}: no Portuguese month or weekday`);
      assert.doesNotMatch(shown, /US\$|\d,\d\d\b/, `${id}: prices as English writes them`);
      assert.match(shown, /\$\d+\.\d\d/, `${id}: a price as English writes it`);
      const lang = await page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('[part="root"]').lang, id);
      assert.equal(lang, 'en', `${id}: the widget says it is English`);
    }
    await page.done();
  });
});
