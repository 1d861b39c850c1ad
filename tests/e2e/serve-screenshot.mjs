// Proof that command 1 works (not a test; it needs `make serve` running): opens the page
// `trunk serve` serves on http://127.0.0.1:8080 in Debian's Chromium, waits until the widget's
// root is rendered in its shadow root, checks the page logged no error, and writes a full-page
// screenshot to docs/screenshots/00-make-serve.png.
//
//   make serve &   # then, once it says it is serving:
//   node tests/e2e/serve-screenshot.mjs [url]
import path from 'node:path';
import { chromium } from 'playwright-core';
import { LAUNCH } from './helpers.mjs';
import { ROOT } from './server.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const file = path.join(ROOT, 'docs/screenshots/00-make-serve.png');

const browser = await chromium.launch(LAUNCH);
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
const problems = [];
page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
page.on('pageerror', (error) => problems.push(error.message));
try {
  await page.goto(url);
  // Playwright's CSS locators pierce open shadow roots.
  const root = page.locator('order-help .root').first();
  await root.waitFor({ state: 'visible', timeout: 60_000 });
  const items = await page.locator('order-help li[data-item]').count();
  await page.screenshot({ path: file, fullPage: true });
  if (problems.length) throw new Error(`the page logged errors:\n${problems.join('\n')}`);
  console.log(`${url}: widget root rendered with ${items} items; wrote ${path.relative(ROOT, file)}`);
} finally {
  await browser.close();
}
