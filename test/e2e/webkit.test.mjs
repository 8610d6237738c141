// A pass in WebKit, the engine of every iPhone browser: Debian's WebKitGTK
// through WebKitWebDriver (support/webdriver.mjs). The CMS page with the
// strict CSP, Trusted Types and two copies; hostile attributes; both forms
// completed and sent by keyboard; nothing overflows at 320 px.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {startHost, CSP} from './support/server.mjs';
import {ARTIFACTS} from './support/browser.mjs';
import {PAYLOADS} from './support/payloads.mjs';
import {TAGS, FORMS, allElements, newsletter, interest} from './support/fixtures.mjs';
import {hostileMarkup, shownElements, hostileFound, overflowFound} from './support/engine-pass.mjs';
import {VALID} from './support/forms.mjs';
import {completeByKeyboard} from './support/keyboard.mjs';
import {withoutKnown} from './support/known.mjs';
import {openWebDriver, inPage, waitInPage, checkClean, asPage} from './support/webdriver.mjs';

/** No test here may hang the suite (a driver that stops answering). */
const TIMEOUT = 120_000;
let host, webkit;
before(async () => {
  host = await startHost();
  webkit = await openWebDriver();
}, {timeout: 60_000});
after(async () => {
  await webkit?.close();
  await host?.close();
});

/** Opens `url` in WebKit, waits for all four tags, runs `fn`, then checks the page stayed clean. */
async function webkitPage(url, fn, options) {
  await webkit.browser.url(url);
  await waitInPage(webkit.browser, (tags) => tags.every((t) => customElements.get(t)), [TAGS], {what: 'all four defined'});
  await fn(webkit.browser);
  await checkClean(webkit.browser, options);
  await inPage(webkit.browser, () => sessionStorage.clear());
}

const waitForSent = (browser, tag) =>
  waitInPage(browser, (t) => document.querySelector(t)?.sender?.state === 'sent', [tag], {what: `${tag} sent`});

test('WebKit: strict CSP + Trusted Types, two copies, all five elements in the CMS page: all work, nothing violated', {timeout: TIMEOUT}, async () => {
  const url = host.page('/webkit/all', {body: allElements(), copies: 2, csp: CSP.strict});
  await webkitPage(url, async (browser) => {
    await new Promise((r) => setTimeout(r, 300));
    const els = await inPage(browser, shownElements, TAGS);
    assert.equal(els.length, TAGS.length + 1, 'every element, the contact card twice');
    for (const e of els) assert.ok(e.text > 10 && !e.fallback, JSON.stringify(e));
    const policies = await inPage(browser, () => (window.trustedTypes ? window.__host.policies : null));
    if (policies) assert.deepEqual(policies, ['lit-html', 'lit-html']);
  });
});

test('WebKit: every payload in every attribute (page markup, no CSP): nothing runs, every element upgrades', {timeout: TIMEOUT}, async () => {
  const body = hostileMarkup();
  const url = host.page('/webkit/hostile', {body, csp: CSP.none});
  await webkitPage(url, async (browser) => {
    await new Promise((r) => setTimeout(r, 500));
    const result = await inPage(browser, hostileFound, TAGS);
    assert.equal(result.count, PAYLOADS.length * TAGS.length);
    assert.equal(result.upgraded, result.count);
    assert.deepEqual(result.bad, []);
    assert.deepEqual(await host.submissions(), [], 'nothing sent');
  });
});

for (const tag of FORMS) {
  test(`WebKit: ${tag} completed and sent by keyboard alone, focus visible at every stop`, {timeout: TIMEOUT}, async () => {
    await host.reset();
    const markup = tag === 'kp-newsletter-signup' ? newsletter() : interest();
    const url = host.page(`/webkit/keyboard/${tag}`, {body: `<p><a id="before" href="#x">Vorher</a></p>${markup}<p><a id="after" href="#y">Nachher</a></p>`});
    await webkitPage(url, async (browser) => {
      await completeByKeyboard(asPage(browser), tag, VALID[tag]);
      await waitForSent(browser, tag);
      const rows = await host.submissions();
      assert.equal(rows.length, 1);
    });
  });
}

test('WebKit: at 320 px nothing overflows (German, French), screenshots saved', {timeout: TIMEOUT}, async (t) => {
  const {browser} = webkit;
  // MiniBrowser's window is at least 447 px wide: the CMS page runs in a 320 px frame (its own viewport, media queries included).
  for (const lang of ['de', 'fr']) {
    const inner = host.page(`/webkit/layout/${lang}`, {lang, body: allElements()});
    await browser.url(host.page(`/webkit/layout-frame/${lang}`, {csp: CSP.none,
      html: `<!doctype html><body style="margin:0"><iframe src="${inner}" style="width:320px;height:2400px;border:0"></iframe>`}));
    const frame = await browser.$('iframe');
    await browser.switchToFrame({'element-6066-11e4-a52e-4f735466cecf': frame.elementId});
    try {
      await waitInPage(browser, (tags) => tags.every((t) => customElements.get(t)), [TAGS], {what: 'all four defined'});
      assert.equal(await inPage(browser, () => document.documentElement.clientWidth), 320, 'a 320 px viewport');
      await new Promise((r) => setTimeout(r, 200));
      const found = await inPage(browser, overflowFound);
      assert.deepEqual(withoutKnown(t, found), [], lang);
      await checkClean(browser);
    } finally {
      await browser.switchToFrame(null);
    }
    await frame.saveScreenshot(join(ARTIFACTS, `webkit-${lang}-320.png`));
  }
});
