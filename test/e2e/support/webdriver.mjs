// WebKit in the end-to-end suite: a WebDriver session (webdriverio, classic
// protocol) on WebKitGTK or WPE WebKit (scripts/webkit.mjs), and what its
// driver needs done differently: clicks inside shadow roots as pointer
// actions at the element's centre, typing one character per key action.
// The page's own script (pages/host.js) records console errors, uncaught
// errors and CSP violations: WebDriver classic cannot read the console.
import assert from 'node:assert/strict';
import {remote} from 'webdriverio';
import {startDriver, WEBKIT} from '../../../scripts/webkit.mjs';
import {ATTRIBUTE_REPORT} from './browser.mjs';

/** Starts the driver (time zone Europe/Berlin, as the Chromium suite) and one session. */
export async function openWebDriver(engine = WEBKIT) {
  const driver = await startDriver(engine, {env: {TZ: 'Europe/Berlin'}});
  try {
    const browser = await remote(driver.options);
    await browser.setTimeout({script: 20_000, pageLoad: 20_000});
    return {
      browser,
      version: browser.capabilities.browserVersion,
      async close() {
        await browser.deleteSession().catch(() => {});
        driver.stop();
      },
    };
  } catch (error) {
    driver.stop();
    throw error;
  }
}

/** Runs `fn` (a function of the page, with `args`) and returns its result; waits for a returned promise. */
export const inPage = (browser, fn, ...args) =>
  browser.executeAsync(
    `const done = arguments[arguments.length - 1];
     Promise.resolve((${fn})(...Array.prototype.slice.call(arguments, 0, -1))).then(
       (v) => done({v}), (e) => done({e: String(e && e.stack || e)}));`,
    ...args,
  ).then((r) => {
    if (r.e) throw new Error(r.e);
    return r.v;
  });

/** Waits until `fn` (in the page) returns something truthy. */
export async function waitInPage(browser, fn, args = [], {timeout = 15_000, what = String(fn)} = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await inPage(browser, fn, ...args);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Clicks the centre of `tag`'s shadow element at `selector` with pointer actions (element click is refused there). */
export async function clickIn(browser, tag, selector) {
  const {x, y} = await inPage(browser, (t, s) => {
    const el = document.querySelector(t).shadowRoot.querySelector(s);
    el.scrollIntoView({block: 'center'});
    const r = el.getBoundingClientRect();
    return {x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2)};
  }, tag, selector);
  await browser.performActions([{type: 'pointer', id: 'mouse', parameters: {pointerType: 'mouse'}, actions: [
    {type: 'pointerMove', duration: 0, origin: 'viewport', x, y},
    {type: 'pointerDown', button: 0},
    {type: 'pointerUp', button: 0},
  ]}]);
  await browser.releaseActions();
}

/** Presses keys one at a time (the driver drops a key-down for a key still held). */
export async function press(browser, ...keys) {
  for (const key of keys) await browser.keys([key]);
}
export const typeText = (browser, text) => press(browser, ...[...text]);

/** What must never happen on a host page (as support/browser.mjs's guard checks), read from the page. */
export async function checkClean(browser, {expectErrors = []} = {}) {
  const seen = await inPage(browser, () => ({
    errors: window.__host.errors,
    violations: window.__host.violations.map((v) => v.directive),
    pwned: window.__pwned,
    local: localStorage.length,
    cookie: document.cookie,
  }));
  assert.deepEqual(seen.errors.filter((e) => !ATTRIBUTE_REPORT.test(e) && !expectErrors.some((re) => re.test(e))), [], 'console or uncaught errors');
  assert.deepEqual(seen.violations, [], 'CSP violations');
  assert.equal(seen.pwned, false, 'a hostile value ran');
  assert.equal(seen.local, 0, 'localStorage');
  assert.equal(seen.cookie, '', 'cookies');
}

/**
 * The part of a playwright page that support/keyboard.mjs uses (focus, keys,
 * evaluate), over WebDriver: completeByKeyboard runs unchanged in WebKit.
 */
export const asPage = (browser) => ({
  focus: (selector) => inPage(browser, (s) => document.querySelector(s).focus(), selector),
  evaluate: (fn, arg) => inPage(browser, fn, arg),
  keyboard: {press: (key) => press(browser, key), type: (text) => typeText(browser, text)},
});
