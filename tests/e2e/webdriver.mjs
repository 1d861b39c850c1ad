// Firefox and WebKit for the cross-engine e2e subset (tests/e2e/engines/), through W3C WebDriver
// with selenium-webdriver (Playwright's own Firefox and WebKit builds cannot be downloaded here):
// Debian's firefox-esr with geckodriver, and WebKitGTK's WebKitWebDriver and MiniBrowser (the
// engine family of Safari) on an X display of their own (Xvfb). A page here answers the few
// calls of Playwright's Page that flow.mjs and helpers.mjs make (evaluate, waitForFunction,
// keyboard.press/type), so the keyboard flows are the Chromium suite's own code.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { Builder, Key } from 'selenium-webdriver';
import remote from 'selenium-webdriver/remote/index.js';
import { startServer } from './server.mjs';

/** The time zone every engine runs in (the store's, as in the Chromium suite). */
export const TIME_ZONE = 'America/Los_Angeles';

/** MiniBrowser, WebKitGTK's browser for automation (`/usr/lib/<triplet>/webkit2gtk-4.1/`). */
function miniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  for (const dir of readdirSync('/usr/lib')) {
    const file = `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`;
    if (existsSync(file)) return file;
  }
  throw new Error('no MiniBrowser in /usr/lib/*/webkit2gtk-4.1/: install webkit2gtk-driver (scripts/setup.sh test)');
}

/** How to start each engine: its driver, whether it needs a display, its capabilities. */
export const ENGINES = {
  firefox: {
    driver: () => process.env.GECKODRIVER ?? 'geckodriver',
    display: false,
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        args: ['-headless'],
        // No update checks, telemetry or other traffic off this machine.
        prefs: { 'app.update.disabledForTesting': true, 'datareporting.policy.dataSubmissionEnabled': false },
      },
    }),
  },
  webkit: {
    driver: () => process.env.WEBKITWEBDRIVER ?? 'WebKitWebDriver',
    display: true,
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
    }),
  },
};

/** Starts Xvfb on a free display; resolves to `{ display, stop() }`. */
async function startXvfb() {
  // -displayfd: Xvfb picks the display and writes its number once it accepts clients.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await new Promise((resolve, reject) => {
    let text = '';
    xvfb.once('error', (e) => reject(new Error(`Xvfb cannot start (${e.message}): install xvfb (scripts/setup.sh test)`)));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before opening a display`)));
    xvfb.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
  });
  return { display, stop: () => xvfb.kill() };
}

/** Playwright's key names (as flow.mjs presses them) in WebDriver's key codes. */
const KEYS = {
  Tab: Key.TAB, Enter: Key.ENTER, Space: ' ', Shift: Key.SHIFT, Control: Key.CONTROL,
  ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, End: Key.END, Home: Key.HOME, Backspace: Key.BACK_SPACE,
};
const key = (name) => KEYS[name] ?? (name.length === 1 ? name : assert.fail(`no WebDriver key for "${name}"`));

/** `fn` (a function, as Playwright takes it) applied to `arg` in the page: the script WebDriver runs. */
const call = (fn) => `return (${fn})(arguments[0]);`;

/**
 * One engine for a test file: its driver, one browser session, and the static server. `before`/
 * `after` hooks call `setup()`/`teardown()`; `open(path)` loads a test page in that session.
 */
export function engine(name = process.env.E2E_ENGINE) {
  const spec = ENGINES[name];
  if (!spec) throw new Error(`E2E_ENGINE must be one of ${Object.keys(ENGINES).join(', ')}, not ${JSON.stringify(name)}`);
  const e = {
    name,
    driver: null,
    server: null,
    stops: [],
    async setup() {
      const env = { ...process.env, TZ: TIME_ZONE };
      if (spec.display) {
        const xvfb = await startXvfb();
        e.stops.push(xvfb.stop);
        env.DISPLAY = xvfb.display;
      }
      const service = new remote.DriverService.Builder(spec.driver()).setLoopback(true).setEnvironment(env).build();
      e.stops.unshift(() => service.kill());
      const [url, server] = await Promise.all([service.start(), startServer()]);
      e.server = server;
      e.driver = await new Builder().usingServer(url).withCapabilities(spec.capabilities()).build();
      await e.driver.manage().setTimeouts({ script: 30_000 });
      await e.driver.manage().window().setRect({ width: 900, height: 900 }).catch(() => {});
    },
    async teardown() {
      await e.driver?.quit();
      await e.server?.close();
      for (const stop of e.stops) await stop();
    },
    /** The browser's name and version, as its driver reports them. */
    async version() {
      const caps = await e.driver.getCapabilities();
      return `${caps.getBrowserName()} ${caps.getBrowserVersion()}`;
    },
    /** Loads `path` of the test server in the session: a Playwright-like page (see above). */
    async open(path) {
      const driver = e.driver;
      await driver.get(e.server.url(path));
      const page = {
        evaluate: (fn, arg) => driver.executeScript(call(fn), arg),
        async waitForFunction(fn, arg, { timeout = 10_000 } = {}) {
          return driver.wait(() => driver.executeScript(call(fn), arg), timeout, `waitForFunction: ${String(fn).slice(0, 120)}`);
        },
        keyboard: {
          /** "Tab", "Shift+Tab", "Control+A": modifiers held down, then the key. */
          async press(combination) {
            const keys = combination.split('+').map(key);
            let actions = driver.actions();
            for (const k of keys) actions = actions.keyDown(k);
            for (const k of keys.reverse()) actions = actions.keyUp(k);
            await actions.perform();
          },
          type: (text) => driver.actions().sendKeys(text).perform(),
        },
        /** Asserts no uncaught error, unhandled rejection or CSP violation (pages/host.js records them). */
        async done() {
          const problems = await page.evaluate(() => window.e2e?.problems ?? []);
          assert.deepEqual(problems, [], `the page must run without uncaught errors or CSP violations in ${name}`);
        },
      };
      return page;
    },
  };
  return e;
}
