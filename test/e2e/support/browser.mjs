// Browsers for the suite: Debian's Chromium through playwright-core, and
// Debian's Firefox ESR through puppeteer-core (WebDriver BiDi). Every page is
// opened through `guard()`, which records what must never happen on a host
// page: uncaught errors, console errors (except our documented attribute
// reports), CSP violations, requests to any other host, cookies, localStorage.
import assert from 'node:assert/strict';
import {CHROMIUM_FLAGS as BASE_FLAGS, CHROMIUM_PATH} from '../../../scripts/chromium.mjs';
import {mkdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {TAGS} from './fixtures.mjs';

export const ARTIFACTS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../test-artifacts/e2e');
mkdirSync(ARTIFACTS, {recursive: true});

export const CHROMIUM_FLAGS = [
  ...BASE_FLAGS,
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  // Nothing may leave the machine even if something tried: only 127.0.0.1 resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export async function launchChromium() {
  const {chromium} = await import('playwright-core');
  return chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS,
    env: {...process.env, TZ: 'Europe/Berlin'}});
}

export async function launchFirefox() {
  const {default: puppeteer} = await import('puppeteer-core');
  return puppeteer.launch({browser: 'firefox', executablePath: process.env.KP_FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true, env: {...process.env, TZ: 'Europe/Berlin'}});
}

/** Our own, documented report of a bad attribute value (see src/shared/attribute-error.ts). */
export const ATTRIBUTE_REPORT = /^<kp-[a-z-]+>: attribute "[a-z-]+" /;

/**
 * Watches one playwright page (all of its frames). `expectConsole` lists
 * extra console errors a test provokes on purpose (RegExps).
 */
export function guard(page, origin, {expectConsole = []} = {}) {
  const seen = {pageErrors: [], consoleErrors: [], foreign: [], dialogs: [], warnings: []};
  page.on('pageerror', (error) => seen.pageErrors.push(String(error?.stack ?? error)));
  page.on('console', (m) => {
    const text = m.text();
    if (m.type() === 'warning') seen.warnings.push(text);
    if (m.type() !== 'error') return;
    if (ATTRIBUTE_REPORT.test(text) || expectConsole.some((re) => re.test(text))) return;
    // Failed loads of our own fault-injected submit requests are the browser's note, not a page error.
    if (/^Failed to load resource/.test(text) && /\/api\/submit|favicon/.test(m.location()?.url ?? '')) return;
    seen.consoleErrors.push(text);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin + '/') && !/^(data|blob|about):/.test(url)) seen.foreign.push(url);
  });
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return {
    seen,
    /** Asserts the page stayed clean: call at the end of every test. */
    async check({allowWarnings = true} = {}) {
      let host = {violations: [], pwned: []};
      let storage = {local: 0, pwned: false};
      if (!page.isClosed()) {
        host = await page.evaluate(() => window.__host ?? {violations: [], pwned: []}).catch(() => host);
        storage = await page.evaluate(() => ({local: localStorage.length, pwned: window.__pwned === true})).catch(() => storage);
      }
      const cookies = await page.context().cookies();
      assert.deepEqual(seen.pageErrors, [], 'uncaught errors');
      assert.deepEqual(seen.consoleErrors, [], 'console errors');
      assert.deepEqual(host.violations, [], 'CSP violations (securitypolicyviolation)');
      assert.deepEqual(seen.foreign, [], 'requests to other hosts');
      assert.deepEqual(seen.dialogs, [], 'dialogs opened (a payload ran)');
      assert.equal(storage.pwned, false, `a hostile value ran: ${host.pwned}`);
      assert.deepEqual(host.pwned, [], 'a hostile value ran');
      assert.deepEqual(cookies, [], 'cookies');
      assert.equal(storage.local, 0, 'entries in localStorage');
      if (!allowWarnings) assert.deepEqual(seen.warnings, [], 'console warnings');
    },
  };
}

/** A fresh context and guarded page; `fn(page, g)` runs, then the guard checks and the context closes. */
export async function visit(browser, origin, url, fn, {context: options = {}, guard: guardOptions, waitFor} = {}) {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    const g = guard(page, origin, guardOptions);
    await page.goto(url);
    await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), waitFor ?? TAGS);
    await fn(page, g, context);
    await g.check();
  } finally {
    await context.close();
  }
}

/** Text of an element's shadow root (as a visitor sees it, roughly). */
export const shadowText = (page, selector) =>
  page.locator(selector).evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export {join};
