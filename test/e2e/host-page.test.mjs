// Issue 6: the four elements inside a page not made for them. A municipal CMS
// page with a strict CSP and Trusted Types, its own fonts and careless global
// rules, two copies of the file, and its own custom element wrapping ours.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {CSP} from './support/server.mjs';
import {visit, guard} from './support/browser.mjs';
import {TAGS, allElements, countdown, contactCard} from './support/fixtures.mjs';
import {openSuite, closeSuite} from './support/suite.mjs';

let host, browser;
before(async () => ({host, browser} = await openSuite()));
after(() => closeSuite(host, browser));

/** What each of our elements on the page shows, and whether its fallback is hidden. */
const inspect = (page) =>
  page.evaluate((tags) => {
    return [...document.querySelectorAll(tags.join(','))].map((el) => ({
      tag: el.localName,
      upgraded: !!customElements.get(el.localName) && el.shadowRoot !== null,
      text: el.shadowRoot?.textContent.replace(/\s+/g, ' ').trim() ?? '',
      fallbackVisible: [...el.querySelectorAll('.fallback')].some((p) => p.checkVisibility()),
      height: el.getBoundingClientRect().height,
    }));
  }, TAGS);

test('strict CSP + Trusted Types, two copies, all five elements, host CSS and <x-card>: all work, nothing violated', async () => {
  const url = host.page('/klima/interessensbekundung', {body: allElements(), copies: 2, csp: CSP.strict});
  const before = host.cspReports.length;
  await visit(browser, host.origin, url, async (page, g) => {
    await page.waitForTimeout(300);
    const els = await inspect(page);
    assert.deepEqual([...new Set(els.map((e) => e.tag))].sort(), [...TAGS].sort(), 'every element is on the page');
    for (const e of els) {
      assert.ok(e.upgraded, `${e.tag} upgraded`);
      assert.ok(e.text.length > 10, `${e.tag} shows content: ${e.text}`);
      assert.equal(e.fallbackVisible, false, `${e.tag} hides its fallback once upgraded`);
      assert.ok(e.height > 20, `${e.tag} takes space`);
    }
    // Each copy of Lit made its policy, and nothing else asked for one.
    const policies = await page.evaluate(() => window.__host.policies);
    assert.deepEqual(policies, ['lit-html', 'lit-html']);
    // The same version twice: silent.
    assert.deepEqual(g.seen.warnings.filter((w) => /klimapartner/.test(w)), []);
    // The countdown inside the host's shadow DOM (slotted into <x-card>) is the upgraded one.
    const inCard = await page.evaluate(() => {
      const el = document.querySelector('x-card > kp-countdown');
      return {slotted: !!el.assignedSlot, parts: el.shadowRoot.querySelectorAll('[part=unit]').length};
    });
    assert.deepEqual(inCard, {slotted: true, parts: 4});
    // The English section speaks English.
    const en = await page.locator('#en-card').evaluate((el) => el.shadowRoot.textContent);
    assert.match(en, /Phone|Save contact|E-mail/i);
  }, {waitFor: TAGS});
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(host.cspReports.slice(before), [], 'no CSP report reached the server');
});

test('the CSP as the issue writes it (trusted-types lit-html) is enough for one copy', async () => {
  const url = host.page('/one-copy', {body: allElements(), copies: 1, csp: CSP.single});
  await visit(browser, host.origin, url, async (page) => {
    assert.deepEqual(await page.evaluate(() => window.__host.policies), ['lit-html']);
    for (const e of await inspect(page)) assert.ok(e.upgraded && e.text, e.tag);
  }, {waitFor: TAGS});
});

// Two copies under 'trusted-types lit-html' without 'allow-duplicates': see findings.test.mjs (no error).

test('a second copy of another version: one console.warn, the first copy keeps its elements', async () => {
  const url = host.page('/two-versions', {body: allElements(), copies: 2, otherVersion: true});
  await visit(browser, host.origin, url, async (page, g) => {
    await page.waitForTimeout(300);
    const warnings = g.seen.warnings.filter((w) => /klimapartner-widgets/.test(w));
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /0\.0\.1-old/);
    for (const e of await inspect(page)) assert.ok(e.upgraded && e.text, e.tag);
  }, {waitFor: TAGS});
});

test("the host's careless global CSS does not reach inside; the page's font does", async () => {
  const url = host.page('/careless-css', {body: allElements()});
  await visit(browser, host.origin, url, async (page) => {
    const styles = await page.evaluate(() => {
      const cd = document.querySelector('kp-countdown').shadowRoot;
      const card = document.querySelector('kp-contact-card')?.shadowRoot;
      const cs = (el) => el && getComputedStyle(el);
      const button = cs(cd.querySelector('button'));
      const link = cs(card?.querySelector('a[href^="mailto:"]'));
      const label = cs(cd.querySelector('[part=label]'));
      return {
        bodyFont: getComputedStyle(document.body).fontFamily,
        labelFont: label.fontFamily,
        buttonFont: button.fontFamily,
        buttonBorder: button.borderTopStyle,
        buttonTransform: button.textTransform,
        buttonWidth: button.width,
        linkColor: link?.color,
        pageLinkColor: getComputedStyle(document.querySelector('footer a')).color,
        photoBorder: cs(card?.querySelector('img'))?.borderTopWidth,
      };
    });
    assert.equal(styles.labelFont, styles.bodyFont, 'text inherits the page font');
    assert.equal(styles.buttonFont, styles.bodyFont, 'buttons inherit the page font (not the host rule for button)');
    assert.notEqual(styles.buttonBorder, 'dashed', 'host rule for button stays outside');
    assert.equal(styles.buttonTransform, 'none');
    assert.notEqual(styles.buttonWidth, '240px');
    assert.equal(styles.pageLinkColor, 'rgb(192, 0, 0)', 'the host rule works on its own links');
    if (styles.linkColor) assert.notEqual(styles.linkColor, 'rgb(192, 0, 0)', "a {color … !important} stays outside");
    if (styles.photoBorder) assert.equal(styles.photoBorder, '0px', 'img {border} stays outside');
  }, {waitFor: TAGS});
});

test('the page asks nothing of any other host; the widget file makes no request of its own', async () => {
  const url = host.page('/requests', {body: allElements(), copies: 2});
  await visit(browser, host.origin, url, async (page) => {
    const seen = [];
    page.on('request', (r) => seen.push(new URL(r.url()).pathname));
    await page.reload();
    await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), TAGS);
    await page.waitForTimeout(500);
    const own = seen.filter((p) => !/^\/(cms|fileadmin|typo3conf)\/|^\/requests$/.test(p));
    assert.deepEqual(own, [], 'only the page, its assets and the two copies are fetched');
  }, {waitFor: TAGS});
});

test('a deadline in the past on a foreign page: expired state, [expired] attribute, no error', async () => {
  const url = host.page('/expired', {body: countdown({deadline: '2022-03-31T23:59'}) + contactCard()});
  await visit(browser, host.origin, url, async (page) => {
    const state = await page.locator('kp-countdown').evaluate((el) => ({
      attr: el.hasAttribute('expired'),
      prop: el.expired,
      remaining: el.remaining,
      text: el.shadowRoot.textContent,
    }));
    assert.equal(state.attr, true);
    assert.equal(state.prop, true);
    assert.equal(state.remaining, 0);
    assert.match(state.text, /abgelaufen/);
  });
});

test('moving an element into and out of the host’s shadow DOM keeps it working', async () => {
  const url = host.page('/move', {body: `<x-card heading="Karte" id="card"></x-card><div id="spot">${countdown()}</div>`});
  await visit(browser, host.origin, url, async (page) => {
    const parts = await page.evaluate(async () => {
      const el = document.querySelector('kp-countdown');
      const card = document.getElementById('card');
      // Into the host element's own shadow root (not just slotted).
      card.shadowRoot.append(el);
      await new Promise((r) => setTimeout(r, 50));
      const inside = el.shadowRoot.querySelectorAll('[part=unit]').length;
      document.getElementById('spot').append(el);
      await new Promise((r) => setTimeout(r, 50));
      return [inside, el.shadowRoot.querySelectorAll('[part=unit]').length];
    });
    assert.deepEqual(parts, [4, 4]);
  });
});

test('without the file (not uploaded yet, or blocked), every tag shows its fallback text', async () => {
  const url = host.page('/no-script', {body: allElements(), copies: 0});
  const context = await browser.newContext();
  const page = await context.newPage();
  const g = guard(page, host.origin);
  await page.goto(url);
  await page.waitForLoadState('load');
  const shown = await page.evaluate((tags) =>
    [...document.querySelectorAll(tags.join(','))].map((el) => [el.localName, el.querySelector('.fallback')?.checkVisibility() ?? false]), TAGS);
  assert.equal(shown.length, TAGS.length + 1, 'every element, the contact card twice');
  for (const [tag, visible] of shown) assert.ok(visible, `${tag} shows its fallback`);
  await g.check();
  await context.close();
});
