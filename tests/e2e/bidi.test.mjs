// Issue 11, item 5: strings of the order or the host are bidirectional isolates. A title with
// U+202E RIGHT-TO-LEFT OVERRIDE, or in Hebrew, in an English page, can only reorder itself:
// every text node holding one sits in a <bdi> (computed `unicode-bidi: isolate`) that holds
// that string and nothing of the widget's own sentence, on every step and in the live region;
// and the words after it in a sentence are still laid out left to right.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { harness, order } from './helpers.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

const RLO_TITLE = 'Invoice \u202efdp.exe';
const RLO_ID = '114-\u202e3308871';
const RLO_SELLER = 'Shop \u202eSTAF';
const RLO_MESSAGE = 'Declined \u202eby the seller';
const HEBREW = 'עדשה מצלמה';
const STRINGS = [RLO_TITLE, RLO_ID, RLO_SELLER, RLO_MESSAGE, HEBREW];
/** What marks a string of the order in a text node. */
const MARKERS = ['\u202e', 'עדשה'];

/** Mounts `order` into a new <div id=`id`> at `now`; requests are declined with RLO_MESSAGE. */
async function mountOrder(page, id, order, now) {
  await page.evaluate(async ({ id, order, now, message }) => {
    const { mount } = await import('/embed.js');
    const element = document.getElementById('slot').appendChild(Object.assign(document.createElement('div'), { id }));
    window.widgets = { ...window.widgets, [id]: mount(element, {
      order, now, locale: 'en-US',
      onRequestCancel: async () => ({ status: 'declined', message }),
    }) };
  }, { id, order, now, message: RLO_MESSAGE });
  await page.locator(`#${id}`).getByRole('heading', { level: 2 }).first().waitFor();
}

/**
 * Every place a marked string shows in the widget `id`: text nodes outside a <bdi> that is an
 * isolate holding exactly one of STRINGS, and attributes that hold one outside FSI … PDI.
 */
function leaks(page, id) {
  return page.evaluate(({ id, markers, strings }) => {
    const root = document.getElementById(id).shadowRoot;
    const found = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!markers.some((m) => node.data.includes(m))) continue;
      seen += 1;
      const isolate = node.parentElement.closest('bdi');
      const ok = isolate
        && getComputedStyle(isolate).unicodeBidi === 'isolate'
        && strings.includes(isolate.textContent);
      if (!ok) found.push(`text ${JSON.stringify(node.parentElement.outerHTML.slice(0, 160))}`);
    }
    for (const element of root.querySelectorAll('*')) {
      for (const { name, value } of element.attributes) {
        if (markers.some((m) => value.includes(m)) && !value.includes('\u2068')) {
          found.push(`attribute ${name}=${JSON.stringify(value)}`);
        }
      }
    }
    return { found, seen };
  }, { id, markers: MARKERS, strings: STRINGS });
}

/** Asserts the string(s) shown in widget `id` now are isolated, and that there were some. */
async function assertIsolated(page, id, where) {
  const { found, seen } = await leaks(page, id);
  assert.ok(seen > 0, `${where}: the test's strings should be on screen`);
  assert.deepEqual(found, [], `${where}: every string of the order must be an isolate of its own`);
}

/**
 * The horizontal positions of the first and last letters of `word`, found in a text node under
 * `selector` in widget `id`: left to right when the first is left of the last.
 */
function letters(page, id, selector, word) {
  return page.evaluate(({ id, selector, word }) => {
    const scope = document.getElementById(id).shadowRoot.querySelector(selector);
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(word);
      if (at < 0) continue;
      const x = (i) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        return { left: box.left, top: box.top };
      };
      return { first: x(at), last: x(at + word.length - 1) };
    }
    return null;
  }, { id, selector, word });
}

async function assertLeftToRight(page, id, selector, word) {
  const at = await letters(page, id, selector, word);
  assert.ok(at, `"${word}" should be in ${selector}`);
  assert.equal(at.first.top, at.last.top, `"${word}" on one line`);
  assert.ok(at.first.left < at.last.left, `"${word}" after the order's string must read left to right: ${JSON.stringify(at)}`);
}

describe('bidirectional isolation of the order\'s strings', { concurrency: true }, () => {
  test('a title, an id, a seller and a message with U+202E, and a Hebrew title: isolated on every step', async () => {
    const page = await h.open('/e2e/blank.html', { context: { viewport: { width: 1400, height: 900 } } });
    const bundle = order('bundle');
    bundle.id = RLO_ID;
    // The lens is the camera's bundle-mate that makes it a request: its title is in the
    // camera's "why" sentence, with the widget's words after it.
    bundle.items.find((i) => i.id === 'lens').title = RLO_TITLE;
    bundle.items.find((i) => i.id === 'camera').title = HEBREW;
    await mountOrder(page, 'bundle', bundle, '2025-03-20T10:00:00-07:00');
    const widget = page.locator('#bundle');
    await assertIsolated(page, 'bundle', 'overview');
    const heading = await widget.getByRole('heading', { level: 2 }).textContent();
    assert.equal(heading, `Order ${RLO_ID}`, 'no control character of the widget in the text');
    assert.match(await widget.locator('li[data-item="camera"] .why').textContent(), /bundle with “Invoice \u202efdp\.exe”, which is cancelled together/);
    await assertLeftToRight(page, 'bundle', 'li[data-item="camera"] .why', 'cancelled');
    // The Hebrew title reads right to left in its own box, in a left-to-right widget.
    const directions = await page.evaluate(() => {
      const root = document.getElementById('bundle').shadowRoot;
      const title = root.querySelector('li[data-item="camera"] .title');
      return { title: getComputedStyle(title).direction, item: getComputedStyle(title.parentElement).direction };
    });
    assert.deepEqual(directions, { title: 'rtl', item: 'ltr' });

    await widget.getByRole('button', { name: 'Cancel items' }).click();
    await widget.getByRole('checkbox', { name: new RegExp(`^${HEBREW}`) }).check();
    await assertIsolated(page, 'bundle', 'step 1');
    await widget.getByRole('button', { name: 'Continue' }).click();
    await widget.getByRole('button', { name: 'Continue' }).click();
    await widget.getByRole('heading', { name: 'Step 3 of 3: Review your request' }).waitFor();
    await assertIsolated(page, 'bundle', 'step 3');
    await widget.getByRole('button', { name: 'Request cancellation' }).click();
    await widget.getByRole('heading', { name: 'Cancellation declined' }).waitFor();
    await assertIsolated(page, 'bundle', 'the declined outcome');
    // "<title>: <what to do instead>": the words after the title still read left to right.
    await assertLeftToRight(page, 'bundle', 'section.outcome li:last-child', 'return');
    await page.done();
  });

  test('a seller\'s name inside the widget\'s sentence, and a title in the live region', async () => {
    const page = await h.open('/e2e/blank.html', { context: { viewport: { width: 1400, height: 900 } } });
    const marketplace = order('marketplace-after-grace');
    marketplace.seller.name = RLO_SELLER;
    await mountOrder(page, 'seller', marketplace, '2025-03-20T15:00:00-07:00');
    await assertIsolated(page, 'seller', 'marketplace overview');
    assert.match(await page.locator('#seller li .why').textContent(), /^The seller, Shop \u202eSTAF, must approve/);
    await assertLeftToRight(page, 'seller', 'li .why', 'approve');

    // Two seconds before "less than 10 minutes left" to return the blender: the announcement.
    const delivered = order('delivered-29-days-ago');
    delivered.items.find((i) => i.id === 'blender').title = RLO_TITLE;
    await mountOrder(page, 'live', delivered, '2025-03-31T23:49:58-07:00');
    const live = page.locator('#live [role="status"]');
    await page.waitForFunction(() => document.getElementById('live').shadowRoot.querySelector('[role="status"]').textContent !== '', null, { timeout: 5000 });
    assert.match(await live.textContent(), /^Less than 10 minutes left to return Invoice \u202efdp\.exe and Glass storage jars/);
    await assertIsolated(page, 'live', 'the live region');
    await page.done();
  });
});
