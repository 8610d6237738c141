// The team's workspace (issue 20) as the team sees it: Debian's Chromium against a real `serve`.
// Sign-in by keyboard only, list, filter, open, status and note as an editor; then axe-core (no
// violations) and nothing wider than 320 px on every page, in German and in English.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {launchChromium} from '../../test/e2e/support/browser.mjs';
import {interest, serve, stop, submit, tempDir} from './helpers.mjs';
import {addUser, PASSWORD} from './team-support.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TIMEOUT = {timeout: 90_000};
let served;
let browser;
let reference;

before(async () => {
  const dataDir = tempDir();
  served = await serve({dataDir, env: {RATE_LIMIT: '1000'}});
  for (const [email, role] of [['edda@example.org', 'editor'], ['ada@example.org', 'admin']]) {
    assert.equal((await addUser(dataDir, email, role)).status, 0);
  }
  assert.equal((await submit(served.url, interest({municipality: 'Bielefeld'}))).status, 200);
  assert.equal((await submit(served.url, interest({municipality: 'Münster', email: 'muenster@example.org'}))).status, 200);
  browser = await launchChromium();
}, {timeout: 60_000});

after(async () => {
  await browser?.close();
  if (served) await stop(served);
}, {timeout: 30_000});

/** A fresh context in `locale`; the page sends that language first. */
async function open(locale, options = {}) {
  const context = await browser.newContext({locale, extraHTTPHeaders: {'accept-language': `${locale},en;q=0.5`}, ...options});
  context.setDefaultTimeout(15_000);
  return {context, page: await context.newPage()};
}

/** Signs in through the form, by keyboard only: Tab to each field, type, Enter. */
async function signInByKeyboard(page, email, password = PASSWORD) {
  await page.goto(served.url + '/team/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'email', 'Tab reaches the e-mail field first');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
  await page.keyboard.type(password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

const heading = (page) => page.locator('h1').innerText();

test('an editor signs in by keyboard, filters the list, opens a record, sets its status and adds a note', TIMEOUT, async () => {
  const {context, page} = await open('de');
  try {
    const cspViolations = [];
    page.on('console', (m) => /Content Security Policy/.test(m.text()) && cspViolations.push(m.text()));
    await signInByKeyboard(page, 'edda@example.org');
    assert.equal(new URL(page.url()).pathname, '/team/');
    assert.equal(await heading(page), 'Arbeitsbereich des Programmteams');
    assert.match(await page.locator('main').innerText(), /2 Interessenbekundungen/);

    await page.getByRole('link', {name: '2 Interessenbekundungen'}).click();
    assert.equal(await heading(page), 'Interessenbekundungen');
    await page.getByLabel('Suche (Kommune, Kontakt, E-Mail)').fill('Bielefeld');
    await page.getByRole('button', {name: 'Filtern'}).click();
    assert.equal(new URL(page.url()).searchParams.get('q'), 'Bielefeld', 'the filter is in the URL');
    assert.match(await page.locator('main').innerText(), /1 Interessenbekundung\b/);
    const rows = page.locator('tbody tr');
    assert.equal(await rows.count(), 1);
    assert.match(await rows.innerText(), /Bielefeld/);

    await rows.getByRole('link').click();
    reference = new URL(page.url()).pathname.split('/').pop();
    assert.equal(await heading(page), `Interessenbekundungen: ${reference}`);
    await page.getByLabel('Status', {exact: true}).selectOption({label: 'Kontaktiert'});
    await page.getByRole('button', {name: 'Status speichern'}).click();
    assert.equal(await page.getByLabel('Status', {exact: true}).inputValue(), 'contacted', 'the status stays set after the reload');
    await page.getByLabel('Neue Notiz (nur für das Team sichtbar)').fill('Rückruf am Montag vereinbart.');
    await page.getByRole('button', {name: 'Notiz speichern'}).click();
    const notes = await page.locator('ol').innerText();
    assert.match(notes, /edda@example\.org/);
    assert.match(notes, /Rückruf am Montag vereinbart\./);

    // The status filter finds it, and only it.
    await page.goto(served.url + '/team/interest');
    await page.getByLabel('Status', {exact: true}).selectOption({label: 'Kontaktiert'});
    await page.getByRole('button', {name: 'Filtern'}).click();
    assert.equal(new URL(page.url()).searchParams.get('status'), 'contacted');
    assert.equal(await rows.count(), 1);
    assert.match(await rows.innerText(), new RegExp(`${reference}.*Bielefeld.*Kontaktiert`, 's'));
    await page.goBack();
    assert.equal(await rows.count(), 2, 'the back button brings the unfiltered list back');
    assert.deepEqual(cspViolations, [], 'the strict CSP blocks nothing the pages use');
  } finally {
    await context.close();
  }
});

/** axe's violations on the page as one line each, or []. */
async function axeViolations(page) {
  await page.addScriptTag({content: AXE});
  const result = await page.evaluate(() => window.axe.run(document, {resultTypes: ['violations']}));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Checks the page as it is now: axe at a desktop width, then nothing wider than 320 px. */
async function checkPage(page, name, problems) {
  await page.setViewportSize({width: 1280, height: 800});
  for (const v of await axeViolations(page)) problems.push(`${name}: axe: ${v}`);
  await page.setViewportSize({width: 320, height: 640});
  const width = await page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1);
    return {scroll: root.scrollWidth, client: root.clientWidth, wide: wide.slice(0, 5).map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''))};
  });
  if (width.scroll > width.client + 1) problems.push(`${name}: ${width.scroll} px wide at 320 px (${width.wide.join(', ')})`);
}

for (const locale of ['de', 'en']) {
  test(`every page of the workspace has no axe violations and fits 320 px (${locale})`, TIMEOUT, async () => {
    assert.ok(reference, 'the editor test ran first and opened a record');
    // axe-core is injected as a script, which the pages' CSP (default-src 'none') rightly refuses.
    const {context, page} = await open(locale, {bypassCSP: true});
    const problems = [];
    try {
      await page.goto(served.url + '/team/');
      await checkPage(page, 'sign-in', problems);
      await page.locator('#email').fill('ada@example.org');
      await page.locator('#password').fill('not the password');
      await Promise.all([page.waitForNavigation(), page.locator('#password').press('Enter')]);
      assert.equal(await page.getByRole('alert').count(), 1, 'the wrong password is reported');
      await checkPage(page, 'sign-in with an error', problems);

      await signInByKeyboard(page, 'ada@example.org');
      const pages = [
        ['overview', '/team/'],
        ['list', '/team/interest'],
        ['filtered list', '/team/interest?status=contacted'],
        ['list with a bad filter', '/team/interest?status=lost&from=yesterday', 400],
        ['detail', `/team/interest/${reference}`],
        ['privacy', '/team/privacy'],
        ['privacy with a look-up', '/team/privacy?email=muenster%40example.org'],
        ['audit', '/team/audit'],
        ['security (TOTP setup)', '/team/security'],
      ];
      for (const [name, path, status = 200] of pages) {
        const res = await page.goto(served.url + path);
        assert.equal(res.status(), status, `${name}: ${path}`);
        assert.equal(await page.locator('html').getAttribute('lang'), locale, name);
        await checkPage(page, name, problems);
      }
      await page.locator('#code').fill('00000');
      const [wrong] = await Promise.all([page.waitForNavigation(), page.locator('#code').press('Enter')]);
      assert.equal(wrong.status(), 422, 'a wrong code is refused');
      await checkPage(page, 'security with a wrong code', problems);
      assert.deepEqual(problems, [], `found:\n${problems.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}
