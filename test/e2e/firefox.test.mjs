// A smaller pass in Debian's Firefox ESR, driven by puppeteer-core over
// WebDriver BiDi (playwright-core cannot drive Debian's Firefox): the CMS page
// with the strict CSP, Trusted Types and two copies; hostile attributes; the
// newsletter through a 503 with Retry-After; both forms by keyboard; no
// overflow at 320 px. Offline emulation is left out: Firefox's BiDi driver
// has no network conditions.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {startHost, CSP} from './support/server.mjs';
import {launchFirefox, ATTRIBUTE_REPORT, ARTIFACTS} from './support/browser.mjs';
import {TAGS, FORMS, allElements, newsletter, interest} from './support/fixtures.mjs';
import {hostileMarkup, shownElements, hostileFound, overflowFound} from './support/engine-pass.mjs';
import {VALID} from './support/forms.mjs';
import {completeByKeyboard} from './support/keyboard.mjs';
import {withoutKnown} from './support/known.mjs';

let host, browser;
before(async () => {
  host = await startHost();
  browser = await launchFirefox();
});
after(async () => {
  await browser?.close();
  await host?.close();
});

/** A fresh page (own browser context) watched like the Chromium guard does. */
async function firefoxPage(url, fn, {expectConsole = []} = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const seen = {pageErrors: [], consoleErrors: [], foreign: []};
  page.on('pageerror', (e) => seen.pageErrors.push(String(e?.message ?? e)));
  page.on('console', (m) => {
    const text = m.text();
    if (m.type() === 'error' && !ATTRIBUTE_REPORT.test(text) && !expectConsole.some((re) => re.test(text))) seen.consoleErrors.push(text);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(host.origin + '/') && !/^(data|blob|about):/.test(u)) seen.foreign.push(u);
  });
  try {
    await page.goto(url);
    await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), {}, TAGS);
    await fn(page);
    const state = await page.evaluate(() => ({
      violations: window.__host.violations,
      pwned: window.__pwned,
      local: localStorage.length,
      cookie: document.cookie,
    }));
    assert.deepEqual(seen.pageErrors, [], 'uncaught errors');
    assert.deepEqual(seen.consoleErrors, [], 'console errors');
    assert.deepEqual(seen.foreign, [], 'requests to other hosts');
    assert.deepEqual(state.violations, [], 'CSP violations');
    assert.equal(state.pwned, false);
    assert.equal(state.local, 0, 'localStorage');
    assert.equal(state.cookie, '', 'cookies');
    assert.deepEqual(await page.cookies(), [], 'cookies');
  } finally {
    await context.close();
  }
}

const waitForState = (page, tag, state) =>
  page.waitForFunction((t, s) => document.querySelector(t)?.sender?.state === s, {timeout: 15_000}, tag, state);

test('Firefox: strict CSP + Trusted Types, two copies, all five elements in the CMS page: all work, nothing violated', async () => {
  const url = host.page('/ff/all', {body: allElements(), copies: 2, csp: CSP.strict});
  await firefoxPage(url, async (page) => {
    await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), {}, TAGS);
    const els = await page.evaluate(shownElements, TAGS);
    assert.equal(els.length, TAGS.length + 1, 'every element, the contact card twice');
    for (const e of els) assert.ok(e.text > 10 && !e.fallback, JSON.stringify(e));
    const policies = await page.evaluate(() => (window.trustedTypes ? window.__host.policies : null));
    // Firefox ESR has Trusted Types from 146 on; where it has them, the same two policies.
    if (policies) assert.deepEqual(policies, ['lit-html', 'lit-html']);
  });
});

test('Firefox: every payload in every attribute (page markup, no CSP): nothing runs, every element upgrades', async () => {
  const body = hostileMarkup();
  const url = host.page('/ff/hostile', {body, csp: CSP.none});
  await firefoxPage(url, async (page) => {
    await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), {}, TAGS);
    await new Promise((r) => setTimeout(r, 500));
    const result = await page.evaluate(hostileFound, TAGS);
    assert.equal(result.upgraded, result.count);
    assert.deepEqual(result.bad, []);
  }, {expectConsole: [/404|NS_ERROR|Failed to load|image/i]});
});

test('Firefox: newsletter through a 503 with Retry-After → "trying again", then one record', async () => {
  await host.reset();
  await host.faults([{status: 503, retryAfter: 1}]);
  const url = host.page('/ff/newsletter', {body: newsletter()});
  await firefoxPage(url, async (page) => {
    const tag = 'kp-newsletter-signup';
    await page.waitForFunction((t) => customElements.get(t), {}, tag);
    await page.evaluate((t) => {
      const el = document.querySelector(t);
      el.sender.backoff = 200;
      window.__states = [];
      new MutationObserver(() => window.__states.push(el.sender.state)).observe(el.shadowRoot, {subtree: true, childList: true, attributes: true});
    }, tag);
    await page.locator(`${tag} >>> #f-email`).fill('erika@musterstadt.de');
    await page.locator(`${tag} >>> #f-consent`).click();
    await new Promise((r) => setTimeout(r, 400));
    await page.locator(`${tag} >>> form > button`).click();
    await waitForState(page, tag, 'sent');
    const states = await page.evaluate(() => window.__states);
    assert.ok(states.includes('retrying'), states.join());
    const rows = await host.submissions();
    assert.equal(rows.length, 1);
    assert.equal(Object.values(await host.requests())[0], 2);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'draft deleted');
  }, {expectConsole: [/503|Service Unavailable/]});
});

for (const tag of FORMS) {
  test(`Firefox: ${tag} completed and sent by keyboard alone, focus visible at every stop`, async () => {
    await host.reset();
    const markup = tag === 'kp-newsletter-signup' ? newsletter() : interest();
    const url = host.page(`/ff/keyboard/${tag}`, {body: `<p><a id="before" href="#x">Vorher</a></p>${markup}<p><a id="after" href="#y">Nachher</a></p>`});
    await firefoxPage(url, async (page) => {
      await page.waitForFunction((t) => customElements.get(t), {}, tag);
      await completeByKeyboard(page, tag, VALID[tag]);
      await waitForState(page, tag, 'sent');
      assert.equal((await host.submissions()).length, 1);
    });
  });
}

test('Firefox: at 320 px nothing overflows (German, French), screenshots saved', async (t) => {
  for (const lang of ['de', 'fr']) {
    const url = host.page(`/ff/layout/${lang}`, {lang, body: allElements()});
    await firefoxPage(url, async (page) => {
      await page.setViewport({width: 320, height: 800});
      await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), {}, TAGS);
      await new Promise((r) => setTimeout(r, 200));
      await page.screenshot({path: join(ARTIFACTS, `firefox-${lang}-320.png`), fullPage: true});
      const found = await page.evaluate(overflowFound);
      assert.deepEqual(withoutKnown(t, found), [], lang);
    });
  }
});
