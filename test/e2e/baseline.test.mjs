// The browser baseline's lower edge (docs/browsers.md): WPE WebKit 2.38 from
// Debian (about Safari 16.0: no static blocks, no constructable style sheets)
// runs the file; and an engine without constructable style sheets, simulated
// in Chromium, gets <style> elements instead, or, where the page's CSP
// refuses them, keeps every element's fallback content with one console error.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {CSP} from './support/server.mjs';
import {openSuite, closeSuite} from './support/suite.mjs';
import {guard} from './support/browser.mjs';
import {TAGS, countdown, contactCard, newsletter, interest} from './support/fixtures.mjs';
import {openWebDriver, inPage, waitInPage, checkClean, clickIn} from './support/webdriver.mjs';
import {WPE} from '../../scripts/webkit.mjs';

let host, browser;
// The four without the host's <x-card>: that one needs constructable style sheets itself.
const allElements = () => [countdown(), contactCard(), newsletter(), interest()].map((el) => `<section>${el}</section>`).join('\n');
before(async () => ({host, browser} = await openSuite()));
after(() => closeSuite(host, browser));

/** In the page: for each of our elements, whether it shows its own content, styled, or its fallback. */
const states = (tags) =>
  [...document.querySelectorAll(tags.join(','))].map((el) => {
    const fallback = el.querySelector('.fallback');
    const box = fallback?.getBoundingClientRect();
    return {
      tag: el.localName,
      text: el.shadowRoot?.textContent.replace(/\s+/g, ' ').trim().length ?? 0,
      // `:host{display:block}` of the base styles (no page CSS here: unstyled, a custom element is inline).
      styled: getComputedStyle(el).display === 'block',
      fallbackVisible: !!box && box.width > 0 && box.height > 0,
    };
  });
const RUNS = {text: true, styled: true, fallbackVisible: false};
const FALLS_BACK = {text: false, styled: false, fallbackVisible: true};
const summary = (s) => ({text: s.text > 10, styled: s.styled, fallbackVisible: s.fallbackVisible});

/** Ways an engine may lack constructable style sheets, each simulated in Chromium before any script runs. */
const WITHOUT = {
  'no adoptedStyleSheets, no replaceSync': () => {
    delete CSSStyleSheet.prototype.replaceSync;
    delete CSSStyleSheet.prototype.replace;
    delete Document.prototype.adoptedStyleSheets;
    delete ShadowRoot.prototype.adoptedStyleSheets;
  },
  'adoptedStyleSheets but no replaceSync': () => {
    delete CSSStyleSheet.prototype.replaceSync;
    delete CSSStyleSheet.prototype.replace;
  },
};

/** A Chromium page under `simulate`; `fn(page, errors)` with the console errors seen. */
async function withoutConstructable(simulate, url, fn) {
  const context = await browser.newContext();
  await context.addInitScript(simulate);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(`uncaught: ${e}`));
    await page.goto(url);
    await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), TAGS);
    await page.waitForTimeout(200);
    await fn(page, errors);
  } finally {
    await context.close();
  }
}

for (const [how, simulate] of Object.entries(WITHOUT)) {
  test(`${how}, no CSP: every element runs, styled through <style> elements`, async () => {
    const url = host.page('/baseline/no-constructable', {body: allElements(), csp: CSP.none});
    await withoutConstructable(simulate, url, async (page, errors) => {
      const g = guard(page, host.origin);
      assert.equal(await page.evaluate(() => typeof CSSStyleSheet.prototype.replaceSync), 'undefined', 'simulated');
      for (const s of await page.evaluate(states, TAGS)) assert.deepEqual(summary(s), RUNS, s.tag);
      const styleElements = await page.evaluate(() => document.querySelector('kp-countdown').shadowRoot.querySelectorAll('style').length);
      assert.ok(styleElements > 0, '<style> in the shadow root');
      assert.deepEqual(errors, []);
      await g.check();
    });
  });

  test(`${how}, strict CSP: every fallback stays visible, one console error says why`, async () => {
    const url = host.page('/baseline/no-constructable-csp', {body: allElements(), csp: CSP.strict});
    await withoutConstructable(simulate, url, async (page, errors) => {
      for (const s of await page.evaluate(states, TAGS)) assert.deepEqual(summary(s), FALLS_BACK, s.tag);
      const ours = errors.filter((e) => !/Content Security Policy/.test(e));
      assert.equal(ours.length, 1, ours.join('\n'));
      assert.match(ours[0], /^<kp-[a-z-]+>: CSP style-src refused its styles/);
      const violations = await page.evaluate(() => window.__host.violations.map((v) => v.directive));
      assert.ok(violations.length > 0 && violations.every((d) => /^style-src/.test(d)), violations.join());
    });
  });
}

test('WPE WebKit 2.38 (about Safari 16.0): the file runs, all four elements shown and styled, a form sends', {timeout: 90_000}, async () => {
  const wpe = await openWebDriver(WPE);
  try {
    assert.match(wpe.version, /^2\.38/);
    await host.reset();
    const body = allElements() + `<section>${newsletter({id: 'second'})}</section>`;
    // No constructable style sheets there: the page must allow inline styles (docs/browsers.md).
    const csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'";
    await wpe.browser.url(host.page('/baseline/wpe', {body, csp}));
    await waitInPage(wpe.browser, (tags) => tags.every((t) => customElements.get(t)), [TAGS], {what: 'all four defined'});
    await new Promise((r) => setTimeout(r, 300));
    for (const s of await inPage(wpe.browser, states, TAGS)) assert.deepEqual(summary(s), RUNS, s.tag);
    // The newsletter form sends (values set as typing would, then a click on its submit button).
    await inPage(wpe.browser, async () => {
      const el = document.querySelector('kp-newsletter-signup');
      const set = (name, value) => {
        const c = el.shadowRoot.querySelector(`[name="${name}"]`);
        if (c.type === 'checkbox') c.checked = value;
        else c.value = value;
        c.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
      };
      set('email', 'erika@musterstadt.de');
      set('name', 'Erika Mustermann');
      set('consent', true);
      await el.updateComplete;
    });
    await clickIn(wpe.browser, 'kp-newsletter-signup', 'form > button');
    await waitInPage(wpe.browser, () => document.querySelector('kp-newsletter-signup').sender.state === 'sent', [], {what: 'sent'});
    const rows = await host.submissions();
    assert.equal(rows.length, 1);
    await checkClean(wpe.browser);
  } finally {
    await wpe.close();
  }
});

test('WPE WebKit 2.38 under the strict CSP (inline styles refused): every fallback stays visible, one console error', {timeout: 90_000}, async () => {
  const wpe = await openWebDriver(WPE);
  try {
    await wpe.browser.url(host.page('/baseline/wpe-strict', {body: allElements(), csp: CSP.strict}));
    await waitInPage(wpe.browser, (tags) => tags.every((t) => customElements.get(t)), [TAGS], {what: 'all four defined'});
    await new Promise((r) => setTimeout(r, 300));
    for (const s of await inPage(wpe.browser, states, TAGS)) assert.deepEqual(summary(s), FALLS_BACK, s.tag);
    const {errors, violations} = await inPage(wpe.browser, () => ({
      errors: window.__host.errors,
      violations: window.__host.violations.map((v) => v.directive),
    }));
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /CSP style-src refused its styles/);
    assert.ok(violations.every((d) => /^style-src/.test(d)), violations.join());
  } finally {
    await wpe.close();
  }
});
