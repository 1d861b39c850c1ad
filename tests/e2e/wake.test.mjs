// The clock after the computer sleeps or the system time jumps (Playwright's clock: the system
// time moves without running timers, as in a sleep). Within about a second of the page becoming
// visible again, or of the wall clock jumping, verdicts, countdowns and the next change follow
// the real time, and a crossing is announced once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { harness, waitForEvent, waitForTimer } from './helpers.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

const at = (time) => new Date(time);
const UNTIL = 'March 31, 2025 at 11:59 PM PDT';
const HOUR = 3_600_000;

function texts(page) {
  return page.locator('order-help').evaluate((el) => {
    const root = el.shadowRoot;
    return {
      timer: root.querySelector('li[data-item="blender"] [role="timer"]')?.textContent.trim() ?? null,
      badge: root.querySelector('li[data-item="blender"] .badge')?.textContent.trim() ?? null,
      live: root.querySelector('[aria-live="polite"]').textContent.trim(),
    };
  });
}

/** What a sleeping laptop does to the page: hidden, then visible again. */
function setVisibility(page, state) {
  return page.evaluate((state) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** Counts the live region's changes (each announcement), from the start of the page. */
const COUNT_ANNOUNCEMENTS = () => {
  window.__announcements = [];
  const watch = () => {
    const region = document.querySelector('order-help')?.shadowRoot?.querySelector('[aria-live="polite"]');
    if (!region) return setTimeout(watch, 50);
    new MutationObserver(() => {
      const text = region.textContent.trim();
      if (text) window.__announcements.push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
    return undefined;
  };
  addEventListener('DOMContentLoaded', watch);
};

describe('the clock after sleep and system time jumps (page.clock)', { concurrency: true }, () => {
  test('slept 4 hours with 3 hours left: closed within 1 s of the page becoming visible, announced once', async () => {
    const start = at('2025-03-31T21:00:00-07:00');
    const page = await h.open('/e2e/element.html?order=delivered-29-days-ago&now=system', {
      clock: { time: start },
      initScripts: [COUNT_ANNOUNCEMENTS],
    });
    await waitForEvent(page, 'ready');
    assert.match((await texts(page)).timer, /^(3 hours|2 hours, 59 minutes) left to return/);
    // The lid closes: the page is hidden, timers stop (the paused clock runs none), the system
    // time moves on 4 hours; the lid opens.
    await setVisibility(page, 'hidden');
    await page.clock.pauseAt(start.getTime() + 2000);
    await page.clock.setSystemTime(start.getTime() + 4 * HOUR);
    await setVisibility(page, 'visible');
    await waitForTimer(page, /^Return window closed/, { timeout: 1000 });
    const now = await texts(page);
    assert.equal(now.timer, `Return window closed on ${UNTIL}`);
    assert.doesNotMatch(now.badge, /Return by/, `the badge no longer offers a return: ${now.badge}`);
    assert.equal(now.live, 'The return window for High-speed blender and Glass storage jars (set of 6) has closed.');
    await page.clock.resume();
    await page.waitForTimeout(1500);
    assert.deepEqual(await page.evaluate(() => window.__announcements), [now.live], 'announced once');
    await page.done();
  });

  test('the system time set 2 hours back: the remaining time grows within a second or so, and the window still closes at the deadline', async () => {
    const start = at('2025-03-31T21:00:00-07:00');
    const page = await h.openReady('/e2e/element.html?order=delivered-29-days-ago&now=system', { clock: { time: start } });
    assert.match((await texts(page)).timer, /^(3 hours|2 hours, 59 minutes) left to return/);
    // No visibility change here: the wall clock alone jumps.
    await page.clock.setSystemTime(start.getTime() - 2 * HOUR);
    await waitForTimer(page, /^(5 hours|4 hours, 59 minutes) left to return/, { timeout: 2000 });
    // The next change is still the deadline: a second before it, one second left; then closed.
    await page.clock.pauseAt(at('2025-03-31T23:59:59-07:00'));
    await waitForTimer(page, /^1 second left/);
    await page.clock.runFor(1000);
    await waitForTimer(page, /^Return window closed/, { timeout: 1000 });
    assert.equal((await texts(page)).timer, `Return window closed on ${UNTIL}`);
    await page.done();
  });
});
