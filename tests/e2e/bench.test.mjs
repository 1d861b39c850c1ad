// What `make bench` relies on (benches/report-lib.mjs, and the marks static/embed.js sets for
// its startup breakdown), checked without a benchmark run.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cycleGrowth, preservedSection, requestedFiles } from '../../benches/report-lib.mjs';
import { harness, waitForEvent } from './helpers.mjs';
import { SUB_PATH } from './server.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

describe('bench', { concurrency: true }, () => {
  test('embed.js marks its startup phases in order, once each, on the README snippet page', async () => {
    const page = await h.open(`/e2e/sri.html?bundle=${SUB_PATH}`);
    await waitForEvent(page, 'ready', {}, 'widget');
    const marks = await page.evaluate(() => performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('order-help:')).map((m) => m.name));
    assert.deepEqual(marks, ['order-help:start', 'order-help:fetched', 'order-help:instantiated',
      'order-help:load', 'order-help:mount', 'order-help:mounted']);
    await page.done();
  });

  test('the bytes count only what the page requested from the bundle (the glue inside embed.js is not counted twice)', () => {
    const requested = { '/widget/embed.js': 3, '/widget/order-help_bg.wasm': 3, '/widget/locales/de.json': 3, '/baseline/main.js': 3 };
    assert.deepEqual(requestedFiles(requested, '/widget/'), ['embed.js', 'locales/de.json', 'order-help_bg.wasm']);
    assert.deepEqual(requestedFiles(requested, '/baseline/'), ['main.js']);
    assert.equal(requestedFiles(undefined, '/widget/'), null);
  });

  test('memory: one allocator step taken once is not a leak; growth that goes on is', () => {
    const page = 64 * 1024;
    const base = 1536 * 1024;
    const step = { 1: base, 10: base, 50: base, 100: base, 150: base + page, 300: base + page, 450: base + page, 600: base + page };
    assert.equal(cycleGrowth(step).leak, false);
    const leak = {};
    for (const c of [1, 10, 50, 100, 150, 200, 300, 400, 500, 600]) leak[c] = base + Math.floor((c * 650) / page) * page;
    const g = cycleGrowth(leak);
    assert.equal(g.leak, true);
    assert.equal(g.half, 300);
    assert.ok(g.per_cycle_bytes > 500 && g.per_cycle_bytes < 800, String(g.per_cycle_bytes));
  });

  test('the hand-written sections (Ledger, what we carry) survive a rewrite, up to the next heading', () => {
    const old = [
      '# Benchmarks', '', '## Budgets', '| a |', '',
      '## Ledger', '', '| change | commit |', '| --- | --- |', '| smaller serde | abc1234 |', '',
      '## Machine and toolchain', 'x', '',
      '## What we write by hand / what we carry', '', '### Carried', 'yew', '',
    ].join('\n');
    assert.equal(preservedSection(old, '## Ledger', 'DEFAULT'), '## Ledger\n\n| change | commit |\n| --- | --- |\n| smaller serde | abc1234 |');
    assert.equal(preservedSection(old, '## What we write by hand / what we carry', 'DEFAULT'), '## What we write by hand / what we carry\n\n### Carried\nyew');
    assert.equal(preservedSection('# Benchmarks\n', '## Ledger', 'DEFAULT'), 'DEFAULT');
    assert.equal(preservedSection('## Ledgers\n', '## Ledger', 'DEFAULT'), 'DEFAULT');
  });
});
