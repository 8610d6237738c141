// Screenshots at 320, 768 and 1280 px and at 200 % zoom, in German and French,
// on the CMS page with its careless CSS (saved to test-artifacts/e2e/), and a
// check that nothing overflows its box: no element inside a shadow root is
// wider than its own box or sticks out of the element, at 320 px in every language.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {visit, ARTIFACTS} from './support/browser.mjs';
import {allElements, countdown, FORMS, TAGS} from './support/fixtures.mjs';
import {withoutKnown} from './support/known.mjs';
import {openSuite, closeSuite} from './support/suite.mjs';

let host, browser;
before(async () => ({host, browser} = await openSuite()));
after(() => closeSuite(host, browser));

const page = (lang) =>
  host.page(`/layout/${lang}`, {
    lang,
    title: lang === 'de' ? 'Klimapartnerschaften' : 'Partenariats climatiques',
    body: allElements() + countdown({label: 'Interessensbekundungsfristverlängerungsantragsformular', id: 'long-word'}),
  });

/** In the page: every place where shadow content is wider than its box or sticks out of its element. */
const overflows = () => {
  const found = [];
  const hidden = (el) => {
    const s = getComputedStyle(el);
    return s.clipPath.startsWith('inset(50%') || s.display === 'none' || el.closest('[aria-hidden=true].visually-hidden');
  };
  for (const host of document.querySelectorAll('kp-countdown, kp-contact-card, kp-newsletter-signup, kp-interest-form, kp-share')) {
    if (!host.shadowRoot) {
      found.push(`${host.localName}: not upgraded`);
      continue;
    }
    const box = host.getBoundingClientRect();
    const name = `${host.localName}${host.id ? '#' + host.id : ''}`;
    if (host.scrollWidth > host.clientWidth + 1) found.push(`${name}: scrollWidth ${host.scrollWidth} > ${host.clientWidth}`);
    if (box.right > document.documentElement.clientWidth + 1) found.push(`${name}: ends at ${box.right}px, beyond the viewport`);
    for (const el of host.shadowRoot.querySelectorAll('*')) {
      if (hidden(el) || el.getClientRects().length === 0) continue;
      const what = `${name} ${el.localName}${el.className ? '.' + String(el.className).split(' ')[0] : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}`;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) found.push(`${what}: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
      const r = el.getBoundingClientRect();
      if (r.right > box.right + 1 || r.left < box.left - 1) found.push(`${what}: ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
  }
  return found;
};

const submitForms = async (p) => {
  for (const form of FORMS) await p.locator(form).evaluate((el) => el.submit());
  await p.waitForTimeout(50);
};

for (const lang of ['de', 'fr']) {
  test(`screenshots ${lang} at 1280, 768 and 320 px; nothing overflows (also with the forms' errors shown)`, async (t) => {
    await visit(browser, host.origin, page(lang), async (p) => {
      await p.evaluate(() => document.fonts.ready);
      for (const width of [1280, 768, 320]) {
        await p.setViewportSize({width, height: 900});
        await p.waitForTimeout(100);
        await p.screenshot({path: join(ARTIFACTS, `page-${lang}-${width}.png`), fullPage: true});
        assert.deepEqual(withoutKnown(t, await p.evaluate(overflows)), [], `${width} px`);
      }
      // The invalid state of the forms (error summary, messages at the fields) at the narrowest width.
      await submitForms(p);
      await p.screenshot({path: join(ARTIFACTS, `page-${lang}-320-invalid.png`), fullPage: true});
      assert.deepEqual(withoutKnown(t, await p.evaluate(overflows)), [], '320 px, invalid state');
    }, {context: {viewport: {width: 1280, height: 900}}, waitFor: TAGS});
  });

  test(`screenshot ${lang} at 200 % zoom (a 1280 px window: 640 CSS px at device scale 2); nothing overflows`, async (t) => {
    await visit(browser, host.origin, page(lang), async (p) => {
      await p.evaluate(() => document.fonts.ready);
      await p.screenshot({path: join(ARTIFACTS, `page-${lang}-1280-zoom200.png`), fullPage: true});
      assert.deepEqual(withoutKnown(t, await p.evaluate(overflows)), []);
      await submitForms(p);
      await p.screenshot({path: join(ARTIFACTS, `page-${lang}-1280-zoom200-invalid.png`), fullPage: true});
      assert.deepEqual(withoutKnown(t, await p.evaluate(overflows)), [], 'invalid state');
    }, {context: {viewport: {width: 640, height: 450}, deviceScaleFactor: 2}, waitFor: TAGS});
  });
}

test('at 320 px nothing overflows in English, Spanish and Portuguese either', async (t) => {
  for (const lang of ['en', 'es', 'pt']) {
    await visit(browser, host.origin, page(lang), async (p) => {
      await submitForms(p);
      assert.deepEqual(withoutKnown(t, await p.evaluate(overflows)), [], lang);
    }, {context: {viewport: {width: 320, height: 800}}, waitFor: TAGS});
  }
});
