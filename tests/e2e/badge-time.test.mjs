// Issue 11, item 7: the badge's deadline. The store (Los Angeles) closes the window at the end
// of its day; for a customer in Tokyo that is 15:59 the next day, so the badge must give the
// time, not a bare date that reads as "until the end of April 1". In Los Angeles the end of the
// store's day is the end of the customer's: the date alone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SAMPLES, harness } from './helpers.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

const NAME = 'delivered-29-days-ago';

async function badge(timezoneId) {
  const page = await h.openReady(`/e2e/element.html?order=${NAME}&now=${encodeURIComponent(SAMPLES[NAME].now)}`, { context: { timezoneId } });
  const text = await page.locator('order-help li[data-item="blender"] .badge').textContent();
  await page.done();
  return text;
}

describe('the badge\'s deadline in the customer\'s zone', { concurrency: true }, () => {
  test('Tokyo: the store\'s end of day is 3:59 PM there, so the time is given', async () => {
    // Intl may put a narrow no-break space before PM; \s matches it.
    assert.match(await badge('Asia/Tokyo'), /^Return by April 1, 2025(,| at) 3:59\sPM$/);
  });

  test('Los Angeles: the end of the store\'s day is the customer\'s, so the date alone', async () => {
    assert.equal(await badge('America/Los_Angeles'), 'Return by March 31, 2025');
  });
});
