// Screenshots of the widget for the docs (not a test): `node tests/e2e/screenshots.mjs`, after
// `trunk build --release`. Serves dist/ on 127.0.0.1, drives the demo page (and, for what the
// demo cannot show, the e2e test pages) in Debian's Chromium, and writes element screenshots
// of <order-help> at 2× into docs/screenshots/.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ERRORS_PAGE_ALLOW, LAUNCH } from './helpers.mjs';
import { ROOT, startServer } from './server.mjs';

const OUT = path.join(ROOT, 'docs/screenshots');

const server = await startServer();
const browser = await chromium.launch(LAUNCH);
const context = await browser.newContext({
  deviceScaleFactor: 2,
  viewport: { width: 820, height: 1000 },
  timezoneId: 'America/Los_Angeles',
  locale: 'en-US',
  // No fade-in half way through a shot.
  reducedMotion: 'reduce',
});
const problems = [];
const written = [];

/**
 * A new page at `url` in `within` (a browser context); console errors not matching `allow` (as in
 * helpers.mjs) are problems.
 */
async function open(url, { allow = [], within = context } = {}) {
  const page = await within.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const line = `${msg.type()}: ${msg.text()} (${msg.location().url}:${msg.location().lineNumber})`;
    if (!allow.some((re) => re.test(line))) problems.push(`${url}: ${line}`);
  });
  page.on('pageerror', (error) => problems.push(`${url}: ${error.message}`));
  await page.goto(server.url(url));
  return page;
}

async function shot(page, name, selector = 'order-help') {
  const widget = page.locator(selector);
  // Let focus rings and the last render settle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const file = path.join(OUT, name);
  await widget.screenshot({ path: file, animations: 'disabled' });
  written.push(path.relative(ROOT, file));
}

/** The demo page with a sample order (file name without .json). */
async function demo(order, { answer = 'requested', delay = 0 } = {}) {
  const page = await open(`/index.html?order=${order}&answer=${answer}&delay=${delay}`);
  await page.locator('order-help').getByRole('heading', { name: /^(Order|Bestellung) / }).waitFor();
  return page;
}

try {
  await mkdir(OUT, { recursive: true });
  const w = (page) => page.locator('order-help');
  /** From step 1 with items chosen: Continue twice (the default reason), Request cancellation. */
  const sendWithDefaultReason = async (page) => {
    await w(page).getByRole('button', { name: 'Continue' }).click();
    await w(page).getByRole('button', { name: 'Continue' }).click();
    await w(page).getByRole('button', { name: 'Request cancellation' }).click();
  };

  // The bundle: overview, the three steps, the outcome.
  let page = await demo('bundle', { answer: 'requested' });
  await shot(page, '01-overview.png');
  await w(page).getByRole('button', { name: 'Cancel items' }).click();
  await w(page).getByRole('checkbox', { name: /^35 mm f\/1\.8 lens/ }).check();
  await w(page).getByRole('checkbox', { name: /^Mirrorless camera body/, checked: true }).waitFor();
  await shot(page, '02-step1-select-items.png');
  await w(page).getByRole('button', { name: 'Continue' }).click();
  await w(page).getByRole('radio', { name: 'Other' }).check();
  await w(page).getByRole('textbox').fill('I ordered the kit twice by mistake.');
  await shot(page, '03-step2-reason.png');
  await w(page).getByRole('button', { name: 'Continue' }).click();
  await w(page).getByRole('heading', { name: 'Step 3 of 3: Review your request' }).waitFor();
  await shot(page, '04-step3-review.png');
  await w(page).getByRole('button', { name: 'Request cancellation' }).click();
  await w(page).getByRole('heading', { name: 'Request sent' }).waitFor();
  await shot(page, '05-outcome-requested.png');
  await page.close();

  // Several shipments, declined: what to do instead for each item.
  page = await demo('multi-shipment', { answer: 'declined' });
  await w(page).getByRole('button', { name: 'Cancel items' }).click();
  await shot(page, '06-step1-items-that-cannot-be-cancelled.png');
  for (const box of await w(page).locator('input[type=checkbox]:not(:disabled)').all()) await box.check();
  await sendWithDefaultReason(page);
  await w(page).getByRole('heading', { name: 'Cancellation declined' }).waitFor();
  await shot(page, '07-outcome-declined-fallbacks.png');
  await page.close();

  // The countdown in its last hour (the demo has no ?now=: the test page takes one).
  page = await open('/e2e/element.html?order=delivered-29-days-ago&now=2025-03-31T23:12:00-07:00');
  await w(page).locator('.countdown.urgent').first().waitFor();
  await shot(page, '08-countdown-last-hour.png');
  await page.close();

  // German (the Berlin sample sets de-DE and its policy).
  page = await demo('german-customer');
  await w(page).getByRole('heading', { name: /^Bestellung / }).waitFor();
  await shot(page, '09-german.png');
  await page.close();

  // A send that fails: the error with "Try again".
  page = await demo('not-shipped', { answer: 'fail' });
  await w(page).getByRole('button', { name: 'Cancel items' }).click();
  await w(page).locator('input[type=checkbox]:not(:disabled)').first().check();
  await sendWithDefaultReason(page);
  await w(page).getByRole('button', { name: 'Try again' }).waitFor();
  await shot(page, '10-send-failed.png');
  await page.close();

  // The return flow, in English and German: a quantity, the reason, the review with its
  // deductions and countdown, the accepted outcome with its label link (the e2e page, which
  // takes ?locale= and lets the script answer as the store).
  for (const [lang, locale, n] of [['en', 'en-US', 12], ['de', 'de-DE', 17]]) {
    const t = JSON.parse(await readFile(path.join(ROOT, 'locales', `${lang}.json`), 'utf8'));
    const button = (page, key) => w(page).getByRole('button', { name: t[key], exact: true });
    const name = (i, what) => `${String(n + i).padStart(2, '0')}-return-${what}-${lang}.png`;
    page = await open(`/e2e/element.html?order=return-multi-unit&now=2025-03-20T12:00:00-07:00&locale=${locale}`);
    await button(page, 'return_items').click();
    await w(page).getByRole('checkbox').first().check();
    await w(page).getByRole('spinbutton').fill('2');
    await w(page).getByRole('spinbutton').press('Tab');
    await shot(page, name(0, 'step1-select-items'));
    await page.close();
    page = await open(`/e2e/element.html?order=return-opened-laptop&now=2025-03-20T12:00:00-07:00&locale=${locale}`);
    await button(page, 'return_items').click();
    await w(page).getByRole('checkbox').first().check();
    await button(page, 'continue').click();
    await w(page).getByRole('radio').first().check();
    await w(page).getByRole('radio', { name: t.return_opened_yes }).check();
    await shot(page, name(1, 'step2-reason-opened'));
    await button(page, 'continue').click();
    await button(page, 'request_return').waitFor();
    await shot(page, name(2, 'step3-review'));
    await button(page, 'request_return').click();
    await page.waitForFunction(() => window.e2e.requests.length === 1);
    await page.evaluate(() => window.e2e.answer(0, {
      status: 'accepted', return_id: 'R-7215-01', label_url: 'https://returns.example.com/labels/R-7215-01.pdf',
      instructions: 'Pack the items in their original box and drop them at any UPS store within 14 days.',
    }));
    await w(page).getByRole('heading', { name: t.return_outcome_accepted }).waitFor();
    await shot(page, name(3, 'outcome-accepted'));
    await button(page, 'back_to_order').click();
    await w(page).getByText(t.badge_return_requested).first().waitFor();
    await shot(page, name(4, 'overview-return-requested'));
    await page.close();
  }

  // The error panel for an order that cannot be loaded.
  page = await open('/e2e/errors.html', { allow: ERRORS_PAGE_ALLOW });
  await page.locator('#not-found').getByRole('alert').waitFor();
  await shot(page, '11-error-panel.png', '#not-found');
  await page.close();

  // The withdrawal function (a Berlin store's order, the last day moved past Easter), in English
  // on the test page (the store's answer given by hand) and in German on the demo page (whose
  // pretend store answers), in the store's zone.
  const berlin = await browser.newContext({
    deviceScaleFactor: 2, viewport: { width: 820, height: 1000 }, timezoneId: 'Europe/Berlin', locale: 'en-GB', reducedMotion: 'reduce',
  });
  const openIn = (url) => open(url, { within: berlin });
  for (const [lang, l] of [
    ['en', { button: 'Withdraw from contract here', confirm: 'Confirm withdrawal', received: 'Withdrawal received', tryAgain: 'Try again' }],
    ['de', { button: 'Vertrag widerrufen', confirm: 'Widerruf bestätigen', received: 'Widerruf eingegangen', tryAgain: 'Erneut versuchen' }],
  ]) {
    const byHand = lang === 'en';
    page = byHand
      ? await openIn('/e2e/element.html?order=withdrawal-easter&policy=berlin-withdrawal&now=2026-04-02T10:00:00%2B02:00&locale=en-GB')
      : await openIn('/index.html?order=withdrawal-easter&answer=fail&delay=0');
    await w(page).getByRole('button', { name: l.button }).waitFor();
    await shot(page, `22-withdrawal-button-${lang}.png`);
    await w(page).getByRole('button', { name: l.button }).click();
    await shot(page, `23-withdrawal-form-${lang}.png`);
    await w(page).locator('#withdraw-name').fill('');
    await w(page).locator('#withdraw-email').fill('jana.krueger');
    await w(page).getByRole('button', { name: l.confirm }).click();
    await w(page).locator('#withdraw-email-error').waitFor();
    await shot(page, `24-withdrawal-form-errors-${lang}.png`);
    await w(page).locator('#withdraw-name').fill('Jana Krüger');
    await w(page).locator('#withdraw-email').fill('jana.krueger@example.de');
    await w(page).getByRole('button', { name: l.confirm }).click();
    if (byHand) {
      await page.waitForFunction(() => window.e2e.requests.length === 1);
      await page.evaluate(() => window.e2e.reject(0, 'HTTP 503'));
    }
    await w(page).getByRole('button', { name: l.tryAgain }).waitFor();
    await shot(page, `25-withdrawal-send-failed-${lang}.png`);
    if (byHand) {
      await w(page).getByRole('button', { name: l.tryAgain }).click();
      await page.waitForFunction(() => window.e2e.requests.length === 2);
      await page.evaluate(() => window.e2e.answer(1, { received_at: '2026-04-02T08:00:12Z', acknowledgement_to: 'jana.krueger@example.de' }));
    } else {
      // The demo store answers now.
      await page.locator('#answer').selectOption('auto');
      await w(page).getByRole('button', { name: l.tryAgain }).click();
    }
    await w(page).getByRole('heading', { name: l.received }).waitFor();
    await shot(page, `26-withdrawal-received-${lang}.png`);
    await page.close();
  }
  await berlin.close();

  // Parcels as trackers report them (issue 21): the Dutch sample, a DPD parcel at a parcel shop
  // and a PostNL parcel out for delivery, each with its Track package link, in the store's zone.
  const amsterdam = await browser.newContext({
    deviceScaleFactor: 2, viewport: { width: 820, height: 1000 }, timezoneId: 'Europe/Amsterdam', locale: 'en-GB', reducedMotion: 'reduce',
  });
  for (const [lang, locale, track] of [['en', 'en-GB', 'Track package'], ['de', 'de-DE', 'Sendung verfolgen']]) {
    page = await open(
      `/e2e/element.html?order=dutch-pickup-point&policy=amsterdam-withdrawal&now=2026-05-06T10:00:00%2B02:00&locale=${locale}`,
      { within: amsterdam },
    );
    await w(page).getByRole('link', { name: new RegExp(`^${track}: .*\\(PostNL\\)$`) }).waitFor();
    await shot(page, `27-parcels-pickup-point-${lang}.png`);
    await page.close();
  }
  await amsterdam.close();
} finally {
  await browser.close();
  await server.close();
}

for (const file of written) console.log(`wrote ${file}`);
if (problems.length) {
  console.error(`console errors:\n${problems.join('\n')}`);
  process.exitCode = 1;
}
