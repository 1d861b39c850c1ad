// Screenshots of the cancel flow in Firefox and WebKit, beside the Chromium ones (not a test):
// `node tests/e2e/engine-screenshots.mjs`, after `trunk build --release`. The bundle order on the
// e2e element page, driven by keyboard through WebDriver (webdriver.mjs) with flow.mjs's steps;
// writes docs/screenshots/{firefox,webkit}-0N-*.png (the names of the Chromium shots 01 to 05),
// each the browser's window (900 px wide) with the widget scrolled into view.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { settle, waitForEvent } from './helpers.mjs';
import { BUNDLE, assertFocusOnHeading, chooseReason, continueTo, selectItems, startFlow, submit } from './flow.mjs';
import { ROOT } from './server.mjs';
import { ENGINES, engine } from './webdriver.mjs';

const OUT = path.join(ROOT, 'docs/screenshots');

for (const name of Object.keys(ENGINES)) {
  const e = engine(name);
  await e.setup();
  try {
    const page = await e.open('/e2e/element.html?answer=requested');
    await waitForEvent(page, 'ready');
    const shot = async (file) => {
      // The whole window: WebKitGTK's element screenshot is off by the height of MiniBrowser's
      // tool bar (it cuts the widget's top and adds a black band).
      await page.evaluate(() => document.querySelector('order-help').scrollIntoView());
      await settle(page);
      const png = await e.driver.takeScreenshot();
      await writeFile(path.join(OUT, `${name}-${file}`), png, 'base64');
      console.log(`docs/screenshots/${name}-${file}`);
    };
    await shot('01-overview.png');
    await startFlow(page);
    await selectItems(page, [BUNDLE.titles.lens]);
    await shot('02-step1-select-items.png');
    await continueTo(page, 'Step 2 of 3: Choose a reason');
    await chooseReason(page, 'other', 'I ordered the kit twice by mistake.');
    await shot('03-step2-reason.png');
    await continueTo(page, 'Step 3 of 3: Review your request');
    await shot('04-step3-review.png');
    await submit(page);
    await assertFocusOnHeading(page, 'Request sent');
    await shot('05-outcome-requested.png');
    console.log(`(${await e.version()})`);
  } finally {
    await e.teardown();
  }
}
