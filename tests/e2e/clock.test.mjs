// The countdown in the real bundle, on the browser's (faked) clock: Playwright's page.clock
// drives Date and timers; the widget is given no `now`, so it reads the browser's time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { harness, waitForEvent, waitForTimer } from './helpers.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

const at = (time) => new Date(time);
const UNTIL = 'March 31, 2025 at 11:59 PM PDT';

function texts(page) {
  return page.locator('order-help').evaluate((el) => {
    const root = el.shadowRoot;
    const item = (id) => ({
      timer: root.querySelector(`li[data-item="${id}"] [role="timer"]`)?.textContent.trim() ?? null,
      badge: root.querySelector(`li[data-item="${id}"] .badge`)?.textContent.trim() ?? null,
    });
    return { blender: item('blender'), jars: item('jars'), live: root.querySelector('[aria-live="polite"]').textContent.trim() };
  });
}

describe("the return countdown on the browser's clock (page.clock)", { concurrency: true }, () => {
  test('delivered 29 days ago: "1 second left" at 23:59:59 PDT, "closed" at midnight, announced politely', async () => {
    const page = await h.open('/e2e/element.html?order=delivered-29-days-ago&now=system', {
      context: { timezoneId: 'America/Los_Angeles', locale: 'en-US' },
      clock: { time: at('2025-03-31T23:45:00-07:00') },
    });
    await waitForEvent(page, 'ready', { order_id: '114-8890412-5520019' });
    let now = await texts(page);
    assert.match(now.blender.timer, /^(15 minutes|14 minutes, \d+ seconds?) left to return/);
    assert.equal(now.live, '', 'nothing is announced on the first render');
    // Stop the clock a second before the window closes (the deadline, 23:59:59, is its last
    // second): crossing into the last ten minutes on the way is announced.
    await page.clock.pauseAt(at('2025-03-31T23:59:59-07:00'));
    await waitForTimer(page, /^1 second left/);
    now = await texts(page);
    assert.equal(now.blender.timer, `1 second left to return (until ${UNTIL})`);
    assert.equal(now.jars.timer, `1 second left to return (until ${UNTIL})`);
    assert.equal(now.live, 'Less than 10 minutes left to return High-speed blender and Glass storage jars (set of 6).');
    const badgeBefore = now.blender.badge;
    // One second on: midnight PDT, closed.
    await page.clock.runFor(1000);
    await waitForTimer(page, /^Return window closed/);
    now = await texts(page);
    assert.equal(now.blender.timer, `Return window closed on ${UNTIL}`);
    assert.equal(now.jars.timer, `Return window closed on ${UNTIL}`);
    assert.equal(now.live, 'The return window for High-speed blender and Glass storage jars (set of 6) has closed.');
    assert.notEqual(now.blender.badge, badgeBefore, `the badge changes too (was "${badgeBefore}")`);
    // And stays closed.
    await page.clock.fastForward('02:00:00');
    assert.equal((await texts(page)).blender.timer, `Return window closed on ${UNTIL}`);
    await page.done();
  });

  test('the last hour counts minutes and seconds; the last day hours and minutes', async () => {
    const page = await h.open('/e2e/element.html?order=delivered-29-days-ago&now=system', {
      context: { timezoneId: 'America/Los_Angeles', locale: 'en-US' },
      clock: { time: at('2025-03-31T12:00:00-07:00') },
    });
    await waitForEvent(page, 'ready');
    await page.clock.pauseAt(at('2025-03-31T12:00:30-07:00'));
    await page.clock.runFor(1000);
    assert.equal((await texts(page)).blender.timer, `11 hours, 59 minutes left to return (until ${UNTIL})`);
    await page.clock.fastForward('11:47:00');
    await page.clock.runFor(1000);
    const t = await texts(page);
    assert.match(t.blender.timer, /^12 minutes, \d+ seconds left to return/);
    assert.equal(t.live, 'Less than an hour left to return High-speed blender and Glass storage jars (set of 6).');
    await page.done();
  });
});

// Issue 25, item 6: the withdrawal countdown is announced at the return countdown's thresholds
// (under a day, an hour, ten minutes; closed), each once, with what it shows at the crossing.
describe("the withdrawal countdown on the browser's clock (page.clock)", () => {
  test('announced politely on crossing under a day, an hour and ten minutes, and at its end', async () => {
    const page = await h.open('/e2e/element.html?order=withdrawal-easter&policy=berlin-withdrawal&now=system', {
      context: { timezoneId: 'Europe/Berlin', locale: 'en-US' },
      clock: { time: at('2026-04-06T23:59:00+02:00') },
    });
    await waitForEvent(page, 'ready');
    const read = () => page.locator('order-help').evaluate((el) => ({
      timer: el.shadowRoot.querySelector('.withdrawal [role="timer"]')?.textContent.trim() ?? null,
      live: el.shadowRoot.querySelector('[aria-live="polite"]').textContent.trim(),
    }));
    let now = await read();
    assert.match(now.timer, /left to withdraw/);
    assert.equal(now.live, '', 'nothing is announced on the first render');
    const crossing = async (time, timer, live) => {
      await page.clock.pauseAt(at(time));
      await page.clock.runFor(1000);
      await page.waitForFunction(([timer, live]) => {
        const root = document.querySelector('order-help').shadowRoot;
        return new RegExp(timer).test(root.querySelector('.withdrawal [role="timer"]')?.textContent ?? '')
          && new RegExp(live).test(root.querySelector('[aria-live="polite"]').textContent.trim());
      }, [timer.source, live.source], { timeout: 10_000 }).catch(() => {});
      now = await read();
      assert.match(now.timer, timer, `at ${time}: ${JSON.stringify(now)}`);
      assert.match(now.live, live, `at ${time}: ${JSON.stringify(now)}`);
      return now.live;
    };
    const day = await crossing('2026-04-07T00:00:10+02:00', /^23 hours, 59 minutes left to withdraw/, /^23 hours, 59 minutes left to withdraw \(until April 7, 2026 at 11:59 PM GMT\+2\)\.$/);
    // Said once: the next minutes change the timer, not the live region.
    await page.clock.runFor(180_000);
    assert.equal((await read()).live, day, 'the live region keeps its sentence between thresholds');
    await crossing('2026-04-07T23:00:10+02:00', /^59 minutes, \d+ seconds left to withdraw/, /^59 minutes, \d+ seconds left to withdraw \(until .+\)\.$/);
    await crossing('2026-04-07T23:50:10+02:00', /^9 minutes, \d+ seconds left to withdraw/, /^9 minutes, \d+ seconds left to withdraw \(until .+\)\.$/);
    await page.clock.pauseAt(at('2026-04-08T00:00:05+02:00'));
    await page.clock.runFor(1000);
    await page.waitForFunction(() => /ended/.test(document.querySelector('order-help').shadowRoot.querySelector('[aria-live="polite"]').textContent));
    assert.match((await read()).live, /The withdrawal period ended on April 7, 2026 at 11:59 PM GMT\+2\.$/);
    await page.done();
  });
});
