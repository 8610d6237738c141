// Keyboard only: every element used with Tab, Shift+Tab, Space, Enter and the
// arrow keys alone; focus always visible (a computed outline or box-shadow on
// the focused element inside the shadow root, despite the host's
// `:focus {outline: none !important}`); nothing traps focus.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {startHost} from './support/server.mjs';
import {launchChromium, visit} from './support/browser.mjs';
import {countdown, contactCard, definedTags} from './support/fixtures.mjs';
import {focused, tabThrough} from './support/keyboard.mjs';

let host, browser, defined;
before(async () => {
  host = await startHost();
  browser = await launchChromium();
  defined = await definedTags(browser, host);
});
after(async () => {
  await browser?.close();
  await host?.close();
});

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

test('kp-contact-card: Tab reaches the phone link, the e-mail link and the vCard button with a visible ring; Enter saves the .vcf; Tab leaves', async (t) => {
  if (!defined.has('kp-contact-card')) return t.skip('not in the build yet');
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
