// Framework pages: a React 19 and a Vue 3 app (apps/, built with Vite once per
// run) render all four elements, setting their values as properties, listen to
// kp-submit, kp-success and kp-expired, and send both forms to the receiver.
// Checked: what the visitor sees, what the app heard (once each), what the
// receiver stored (once each). Chromium, under a strict CSP.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {visit} from './support/browser.mjs';
import {FUTURE, TAGS} from './support/fixtures.mjs';
import {fill, clickSubmit, waitForState} from './support/forms.mjs';
import {openSuite, closeSuite} from './support/suite.mjs';
import {buildApps} from './apps/build.mjs';

let host, browser, out;
before(async () => {
  out = mkdtempSync(join(tmpdir(), 'kp-apps-'));
  const apps = await buildApps(out);
  ({host, browser} = await openSuite());
  // Vue 3.5 asks for a Trusted Types policy of its own ('vue') for its static markup.
  const csp = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html vue 'allow-duplicates'";
  for (const [name, dir] of Object.entries(apps)) host.serve(`/apps/${name}/`, dir, {csp});
}, {timeout: 120_000});
after(async () => {
  await closeSuite(host, browser);
  if (out) rmSync(out, {recursive: true, force: true});
});

/** What the visitor sees of each element, and whether the values arrived as properties (no attribute written). */
const shown = (page) =>
  page.evaluate(() => {
    const text = (el) => el.shadowRoot?.textContent.replace(/\s+/g, ' ').trim() ?? '';
    const [countdown] = document.querySelectorAll('kp-countdown');
    const card = document.querySelector('kp-contact-card');
    const news = document.querySelector('kp-newsletter-signup');
    const form = document.querySelector('kp-interest-form');
    return {
      countdown: {label: countdown.shadowRoot.querySelector('[part=label]')?.textContent, units: countdown.shadowRoot.querySelectorAll('[part=unit]').length},
      card: text(card),
      cardPhone: card.shadowRoot.querySelector('a[href^="tel:"]')?.getAttribute('href'),
      newsName: !!news.shadowRoot.querySelector('[name=name]'),
      privacy: [news, form].map((el) => el.shadowRoot.querySelector('a[href$="/datenschutz"]') !== null),
      formOpen: !!form.shadowRoot.querySelector('[name=municipality]'),
      attributes: [card, news, form, countdown].flatMap((el) =>
        ['deadline', 'job-title', 'name', 'phone', 'with-name', 'action', 'privacy-url', 'label', 'time-zone'].filter((a) => el.hasAttribute(a)).map((a) => `${el.localName}[${a}]`)),
    };
  });

const logOf = (page) => page.locator('#log li').allTextContents();

for (const framework of ['react', 'vue']) {
  test(`${framework}: all four elements from properties; both forms sent once; kp-submit, kp-success, kp-expired heard once each`, {timeout: 120_000}, async () => {
    await host.reset();
    const url = `${host.origin}/apps/${framework}/?deadline=${FUTURE}&expiresIn=6000`;
    await visit(browser, host.origin, url, async (page) => {
      await page.waitForFunction(() => document.querySelector('kp-interest-form')?.shadowRoot?.querySelector('form'));
      const seen = await shown(page);
      assert.deepEqual(seen.attributes, [], 'values set as properties, not written as attributes');
      assert.deepEqual(seen.countdown, {label: 'Interessensbekundung', units: 4});
      for (const part of ['Dr. Maria Beispiel', 'Projektkoordination', 'LAG 21 NRW', '+49 231 936960-14', 'maria.beispiel@example.org']) {
        assert.ok(seen.card.includes(part), `contact card shows ${part}: ${seen.card}`);
      }
      assert.equal(seen.cardPhone, 'tel:+4923193696014');
      assert.equal(seen.newsName, true, 'withName: the name field is there');
      assert.deepEqual(seen.privacy, [true, true], 'privacyUrl linked in both forms');
      assert.equal(seen.formOpen, true, 'the interest form is open before its deadline');

      for (const tag of ['kp-newsletter-signup', 'kp-interest-form']) {
        await fill(page, tag);
        await clickSubmit(page, tag);
        const {text} = await waitForState(page, tag, 'sent');
        assert.ok(text.length > 10, `${tag} tells the visitor it is sent: ${text}`);
      }
      await page.waitForFunction(() => document.querySelectorAll('#log li').length >= 4);
      assert.equal(await page.locator('#thanks').textContent(), 'Danke! (interest)', 'the app showed its own thanks');

      // The second countdown reaches zero while the visitor watches.
      await page.waitForFunction(() => [...document.querySelectorAll('#log li')].some((li) => li.textContent.startsWith('kp-expired')), null, {timeout: 20_000});
      const expired = await page.locator('#expiring').evaluate((el) => ({expired: el.expired, text: el.shadowRoot.textContent}));
      assert.equal(expired.expired, true);
      assert.match(expired.text, /Die Frist „Gleich vorbei“ ist abgelaufen/);
      await page.waitForTimeout(300);
      assert.deepEqual((await logOf(page)).sort(), [
        'kp-expired kp-countdown',
        'kp-submit kp-interest-form interest',
        'kp-submit kp-newsletter-signup newsletter',
        'kp-success kp-interest-form interest',
        'kp-success kp-newsletter-signup newsletter',
      ]);
    }, {waitFor: TAGS});
    const rows = await host.submissions();
    assert.deepEqual(rows.map((r) => r.form).sort(), ['interest', 'newsletter'], 'one record per form');
    const byForm = Object.fromEntries(rows.map((r) => [r.form, r.data]));
    assert.equal(byForm.newsletter.email, 'erika@musterstadt.de');
    assert.equal(byForm.newsletter.name, 'Erika Mustermann');
    assert.equal(byForm.interest.municipality, 'Musterstadt');
    assert.equal(byForm.interest.partnerCountry, 'PE');
  });
}
