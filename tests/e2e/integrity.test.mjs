// Subresource Integrity of the release bundle (scripts/integrity.mjs, the Trunk post-build hook):
// the glue is inside embed.js, so the page's `<script integrity>` covers all the script there is;
// embed.js fetches the wasm with its sha384 hash. A tampered copy of either file (one byte
// flipped, same size, as on a compromised CDN) is refused: the fallback content stays, and a
// tampered wasm is reported as `wasm_unavailable`.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { harness, hostLog, waitForEvent } from './helpers.mjs';
import { DIST, ROOT, SUB_PATH } from './server.mjs';

const h = harness();
before(h.setup);
after(h.teardown);

const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(path.join(DIST, file))).digest('base64')}`;

/** Chromium's console errors for a file whose hash does not match (a <script>, a fetch()). */
const DIGEST_MISMATCH = /^error: (Failed to find a valid digest in the 'integrity' attribute for resource '|Fetch API cannot load ).*\/tampered-(wasm|embed)\//;

describe('integrity', { concurrency: true }, () => {
  test('dist/integrity.json holds the sha384 hashes of embed.js and the wasm, and embed.js carries the glue and the wasm hash', () => {
    const hashes = JSON.parse(readFileSync(path.join(DIST, 'integrity.json'), 'utf8'));
    assert.deepEqual(hashes, { 'embed.js': sri('embed.js'), 'order-help_bg.wasm': sri('order-help_bg.wasm') });
    const embed = readFileSync(path.join(DIST, 'embed.js'), 'utf8');
    assert.ok(!/from '\.\/order-help\.js'/.test(embed), 'embed.js no longer imports the glue');
    assert.ok(embed.includes(`"${hashes['order-help_bg.wasm']}"`), 'embed.js fetches the wasm with its hash');
    // Every catalogue it may fetch, each with its own hash (English's for a store's refusal).
    for (const lang of ['de', 'en', 'es', 'fr', 'it', 'nl', 'pl', 'sv']) {
      assert.ok(embed.includes(`${lang}:"${sri(`locales/${lang}.json`)}"`) || embed.includes(`"${lang}":"${sri(`locales/${lang}.json`)}"`),
        `embed.js fetches locales/${lang}.json with its hash`);
    }
  });

  test('a tampered catalogue (locales/de.json) is refused: locale_unavailable naming the hash, English texts, never the changed ones', async () => {
    const cause = /tampered-locale\/locales\/de\.json does not match the sha384 hash of the build: it was changed after the build/;
    const page = await h.open('/e2e/tampered-locale.html', {
      allow: [/^error: (Fetch API cannot load |Failed to find a valid digest in the 'integrity' attribute for resource ').*\/tampered-locale\/locales\/de\.json/,
        /order-help: the texts for "de" are unavailable/],
    });
    await waitForEvent(page, 'error', { code: 'locale_unavailable' }, 'widget');
    await waitForEvent(page, 'ready', {}, 'widget');
    const errors = (await hostLog(page)).events.filter((e) => e.type === 'error');
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0].detail.message, cause);
    const widget = page.locator('order-help');
    await widget.getByRole('button', { name: 'Withdraw from contract here' }).waitFor();
    assert.equal(await widget.getByText(/0900|€\/min/).count(), 0, 'the tampered text is not shown');
    await page.done();
  });

  test('the served embed.js is minified (scripts/minify.mjs): none of the source comments, well under the source and glue', () => {
    const served = readFileSync(path.join(DIST, 'embed.js'), 'utf8');
    const source = readFileSync(path.join(ROOT, 'static', 'embed.js'), 'utf8');
    const comments = source.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('// ') && l.length > 30);
    assert.ok(comments.length > 10, 'static/embed.js has comments to look for');
    const kept = comments.filter((c) => served.includes(c));
    assert.deepEqual(kept, [], 'no source comment is served');
    const glue = readFileSync(path.join(DIST, 'order-help.js'), 'utf8');
    assert.ok(served.length < 0.6 * (source.length + glue.length), `served ${served.length} bytes, source ${source.length} + glue ${glue.length}`);
  });

  test("the README's snippet (<script type=module integrity crossorigin>) loads the widget from a sub-path, under the strict CSP, without fetching the glue", async () => {
    const page = await h.open(`/e2e/sri.html?bundle=${SUB_PATH}`);
    await waitForEvent(page, 'ready', {}, 'widget');
    const asked = page.requests.map((url) => new URL(url).pathname);
    assert.ok(asked.includes(`${SUB_PATH}order-help_bg.wasm`), asked.join(', '));
    assert.ok(!asked.some((p) => p.endsWith('/order-help.js')), `the glue is not a request of its own: ${asked.join(', ')}`);
    await page.done();
  });

  test('a tampered wasm (one byte flipped) is refused: wasm_unavailable, and the fallback content stays', async () => {
    const cause = /tampered-wasm\/order-help_bg\.wasm does not match the sha384 hash of the build: it was changed after the build/;
    const page = await h.open('/e2e/tampered-wasm.html', {
      allow: [DIGEST_MISMATCH, new RegExp(`^error: order-help: WebAssembly cannot start: .*${cause.source}`)],
    });
    await waitForEvent(page, 'error', { code: 'wasm_unavailable' }, 'widget');
    const errors = (await hostLog(page)).events.filter((e) => e.type === 'error');
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0].detail.message, cause);
    assert.ok(await page.locator('order-help .fallback').isVisible(), 'the fallback stays visible');
    assert.equal(await page.locator('order-help').evaluate((el) => el.shadowRoot?.childElementCount ?? 0), 0, 'no widget rendered');
    await page.done();
  });

  test('a tampered embed.js (one byte flipped, so the glue is covered too) does not run: the fallback content stays', async () => {
    const page = await h.open(`/e2e/sri.html?bundle=/tampered-embed/`, { allow: [DIGEST_MISMATCH] });
    await page.waitForFunction(() => document.readyState === 'complete');
    // The browser refused the script: <order-help> is never defined, nothing of the bundle ran.
    assert.equal(await page.evaluate(() => customElements.get('order-help') === undefined), true);
    assert.ok(await page.locator('order-help .fallback').isVisible(), 'the fallback stays visible');
    const asked = page.requests.map((url) => new URL(url).pathname);
    assert.ok(!asked.some((p) => p.endsWith('.wasm')), `no wasm was fetched: ${asked.join(', ')}`);
    await page.done();
  });
});
