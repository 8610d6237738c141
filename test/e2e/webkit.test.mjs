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
import {ELEMENTS} from './support/elements.mjs';
import {TAGS, FORMS, allFour, tag as markupOf, newsletter, interest} from './support/fixtures.mjs';
import {VALID} from './support/forms.mjs';
import {completeByKeyboard} from './support/keyboard.mjs';
import {withoutKnown} from './support/known.mjs';
import {openWebDriver, inPage, waitInPage, checkClean, asPage} from './support/webdriver.mjs';

let host, webkit;
before(async () => {
  host = await startHost();
  webkit = await openWebDriver();
});
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

test('WebKit: strict CSP + Trusted Types, two copies, all four elements in the CMS page: all work, nothing violated', async () => {
  const url = host.page('/webkit/all', {body: allFour(), copies: 2, csp: CSP.strict});
  await webkitPage(url, async (browser) => {
    await new Promise((r) => setTimeout(r, 300));
    const els = await inPage(browser, (tags) =>
      [...document.querySelectorAll(tags.join(','))].map((el) => ({
        tag: el.localName,
        text: el.shadowRoot?.textContent.trim().length ?? 0,
        fallback: [...el.querySelectorAll('.fallback')].some((p) => p.getClientRects().length > 0),
      })), TAGS);
    assert.equal(els.length, 5);
    for (const e of els) assert.ok(e.text > 10 && !e.fallback, JSON.stringify(e));
    const policies = await inPage(browser, () => (window.trustedTypes ? window.__host.policies : null));
    if (policies) assert.deepEqual(policies, ['lit-html', 'lit-html']);
  });
});

test('WebKit: every payload in every attribute (page markup, no CSP): nothing runs, every element upgrades', async () => {
  const body = PAYLOADS.map(([, value]) =>
    TAGS.map((t) => markupOf(t, {}, Object.fromEntries(ELEMENTS[t].attributes.filter((a) => a !== 'id').map((a) => [a, value])), 'x')).join(''),
  ).join('\n');
  const url = host.page('/webkit/hostile', {body, csp: CSP.none});
  await webkitPage(url, async (browser) => {
    await new Promise((r) => setTimeout(r, 500));
    const result = await inPage(browser, (tags) => {
      const els = [...document.querySelectorAll(tags.join(','))];
      const bad = [];
      for (const el of els) {
        for (const n of el.shadowRoot?.querySelectorAll('*') ?? []) {
          if (/^(script|iframe|svg|img|math|h1|b)$/.test(n.localName) && n.getAttribute('part') !== 'photo') bad.push(n.localName);
          for (const a of n.attributes) if (/^on/i.test(a.name)) bad.push(a.name);
        }
      }
      return {count: els.length, upgraded: els.filter((el) => el.shadowRoot).length, bad};
    }, TAGS);
    assert.equal(result.count, PAYLOADS.length * TAGS.length);
    assert.equal(result.upgraded, result.count);
    assert.deepEqual(result.bad, []);
    assert.deepEqual(await host.submissions(), [], 'nothing sent');
  });
});

for (const tag of FORMS) {
  test(`WebKit: ${tag} completed and sent by keyboard alone, focus visible at every stop`, async () => {
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

test('WebKit: at 320 px nothing overflows (German, French), screenshots saved', async (t) => {
  const {browser} = webkit;
  // MiniBrowser's window is at least 447 px wide: the CMS page runs in a 320 px frame (its own viewport, media queries included).
  for (const lang of ['de', 'fr']) {
    const inner = host.page(`/webkit/layout/${lang}`, {lang, body: allFour()});
    await browser.url(host.page(`/webkit/layout-frame/${lang}`, {csp: CSP.none,
      html: `<!doctype html><body style="margin:0"><iframe src="${inner}" style="width:320px;height:2400px;border:0"></iframe>`}));
    const frame = await browser.$('iframe');
    await browser.switchToFrame({'element-6066-11e4-a52e-4f735466cecf': frame.elementId});
    try {
      await waitInPage(browser, (tags) => tags.every((t) => customElements.get(t)), [TAGS], {what: 'all four defined'});
      assert.equal(await inPage(browser, () => document.documentElement.clientWidth), 320, 'a 320 px viewport');
      await new Promise((r) => setTimeout(r, 200));
      const found = await inPage(browser, () => {
        const out = [];
        for (const host of document.querySelectorAll('kp-countdown, kp-contact-card, kp-newsletter-signup, kp-interest-form')) {
          const box = host.getBoundingClientRect();
          if (host.scrollWidth > host.clientWidth + 1) out.push(`${host.localName}: scrollWidth ${host.scrollWidth} > ${host.clientWidth}`);
          if (box.right > document.documentElement.clientWidth + 1) out.push(`${host.localName}: ends at ${box.right}px, beyond the viewport`);
          for (const el of host.shadowRoot.querySelectorAll('*')) {
            const s = getComputedStyle(el);
            if (s.clipPath.startsWith('inset(50%') || el.getClientRects().length === 0) continue;
            const r = el.getBoundingClientRect();
            if (r.right > box.right + 1) out.push(`${host.localName} ${el.localName}: ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`);
          }
        }
        return out;
      });
      assert.deepEqual(withoutKnown(t, found), [], lang);
      await checkClean(browser);
    } finally {
      await browser.switchToFrame(null);
    }
    await frame.saveScreenshot(join(ARTIFACTS, `webkit-${lang}-320.png`));
  }
});
