// Keyboard only: every element used with Tab, Shift+Tab, Space, Enter and the
// arrow keys alone; focus always visible (a computed outline or box-shadow on
// the focused element inside the shadow root, despite the host's
// `:focus {outline: none !important}`); nothing traps focus.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {visit} from './support/browser.mjs';
import {countdown, contactCard, newsletter, interest, FORMS} from './support/fixtures.mjs';
import {focused, tabThrough, completeByKeyboard} from './support/keyboard.mjs';
import {VALID, waitForState} from './support/forms.mjs';
import {openSuite, closeSuite} from './support/suite.mjs';

let host, browser;
before(async () => ({host, browser} = await openSuite()));
after(() => closeSuite(host, browser));

const around = (inner) => `<p><a id="before" href="#x">Vorher</a></p>${inner}<p><a id="after" href="#y">Nachher</a></p>`;

test('kp-countdown: Tab reaches both buttons with a visible ring, Space pauses the seconds, Enter saves the .ics, Tab leaves', async () => {
  const url = host.page('/keyboard/countdown', {body: around(countdown())});
  await visit(browser, host.origin, url, async (page) => {
    await page.focus('#before');
    const {stops, after, trapped} = await tabThrough(page, 'kp-countdown');
    assert.equal(trapped, false);
    assert.equal(after.id, 'after', 'Tab goes on to the next link of the page');
    assert.equal(stops.length, 2, JSON.stringify(stops));
    for (const s of stops) assert.ok(s.visible, `focus visible on "${s.text}": ${s.outline} / ${s.boxShadow}`);
    // Back in with Shift+Tab, to the calendar button, then the pause button.
    await page.keyboard.press('Shift+Tab');
    assert.match((await focused(page)).text, /Kalender/);
    await page.keyboard.press('Shift+Tab');
    const pause = await focused(page);
    assert.match(pause.text, /Sekunden anhalten/);
    await page.keyboard.press('Space');
    const pressed = await page.locator('kp-countdown').evaluate((el) => ({
      pressed: el.shadowRoot.querySelector('[aria-pressed]').getAttribute('aria-pressed'),
      units: el.shadowRoot.querySelectorAll('[part=unit]').length,
    }));
    assert.deepEqual(pressed, {pressed: 'true', units: 3});
    assert.ok((await focused(page)).visible, 'focus stays on the button, visible');
    await page.keyboard.press('Tab');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    assert.match(file.suggestedFilename(), /\.ics$/);
    const ics = await readFile(await file.path(), 'utf8');
    assert.match(ics, /BEGIN:VCALENDAR[\s\S]*SUMMARY:Frist: Interessensbekundung[\s\S]*END:VCALENDAR/);
  });
});

test('kp-contact-card: Tab reaches the phone link, the e-mail link and the vCard button with a visible ring; Enter saves the .vcf; Tab leaves', async () => {
  const url = host.page('/keyboard/contact-card', {body: around(contactCard())});
  await visit(browser, host.origin, url, async (page) => {
    await page.focus('#before');
    const {stops, after, trapped} = await tabThrough(page, 'kp-contact-card');
    assert.equal(trapped, false);
    assert.equal(after.id, 'after');
    assert.deepEqual(stops.map((s) => s.tag), ['a', 'a', 'button']);
    for (const s of stops) assert.ok(s.visible, `focus visible on "${s.text}": ${s.outline} / ${s.boxShadow}`);
    await page.keyboard.press('Shift+Tab');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    assert.match(file.suggestedFilename(), /\.vcf$/);
    const vcf = await readFile(await file.path(), 'utf8');
    assert.match(vcf, /BEGIN:VCARD[\s\S]*FN:Dr\. Maria Beispiel[\s\S]*TEL[^\n]*\+4923193696014[\s\S]*END:VCARD/);
  }, {waitFor: ['kp-contact-card']});
});

const markup = {'kp-newsletter-signup': newsletter, 'kp-interest-form': interest};

for (const tag of FORMS) {
  test(`${tag}: completed and sent with the keyboard alone; focus visible at every stop; then Tab leaves`, async () => {
    await host.reset();
    const url = host.page(`/keyboard/${tag}`, {body: around(markup[tag]())});
    await visit(browser, host.origin, url, async (page) => {
      const stops = await completeByKeyboard(page, tag, VALID[tag]);
      const names = new Set(stops.map((s) => s.name).filter(Boolean));
      for (const [name] of VALID[tag]) assert.ok(names.has(name), `Tab reached ${name}`);
      await waitForState(page, tag, 'sent');
      const rows = await host.submissions();
      assert.equal(rows.length, 1);
      for (const [name, value] of VALID[tag]) {
        const stored = rows[0].data[name];
        if (name === 'phone') assert.equal(stored, String(value).replace(/\s/g, ''));
        else if (name === 'population') assert.equal(String(stored), String(value));
        else assert.deepEqual(stored, value, name);
      }
      // Focus is on the success message; Tab goes on to the page.
      const {trapped, after} = await tabThrough(page, tag);
      assert.equal(trapped, false);
      assert.equal(after.id, 'after');
    }, {waitFor: [tag]});
  });
}

test('kp-newsletter-signup: sent empty with Enter → the error summary takes focus; its link (Enter) leads to the field; corrected by keyboard', async () => {
  const tag = 'kp-newsletter-signup';
  await host.reset();
  const url = host.page('/keyboard/newsletter-errors', {body: around(newsletter())});
  await visit(browser, host.origin, url, async (page) => {
    await page.focus('#before');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).host, tag);
    await page.keyboard.press('Enter'); // submits the empty form from the e-mail field
    await page.waitForFunction((tag) => document.querySelector(tag).shadowRoot.activeElement?.classList.contains('summary'), tag);
    await page.keyboard.press('Tab');
    const link = await focused(page);
    assert.equal(link.tag, 'a');
    assert.ok(link.visible, 'the summary link shows focus');
    await page.keyboard.press('Enter');
    const field = await focused(page);
    assert.equal(field.tag, 'input');
    assert.ok(field.visible);
    await page.keyboard.type('erika@musterstadt.de');
    const stops = await completeByKeyboard(page, tag, [['consent', true]]);
    assert.ok(stops.some((s) => s.name === 'consent'));
    await waitForState(page, tag, 'sent');
    assert.equal((await host.submissions()).length, 1);
  }, {waitFor: [tag]});
});
