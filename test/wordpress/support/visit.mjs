// A visitor on a WordPress page with widgets, in Chromium: what every page of
// the WordPress tests must show.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {DIST} from '../../e2e/support/server.mjs';
import {guard} from '../../e2e/support/browser.mjs';
import {VALID, clickSubmit, fill, waitForState} from '../../e2e/support/forms.mjs';

/** What the administrator set on the settings page (and the by-hand tags write themselves). */
export const SETTINGS = {action: '/api/submit', privacy_url: '/datenschutz/', lang: 'de', deadline: '2027-03-31'};
const FORMS = ['kp-newsletter-signup', 'kp-interest-form'];

/**
 * Opens `url` and checks: the module is loaded as a module; every element is
 * there once, upgraded, with its fallback text (`texts`: tag => text) inside it
 * and not shown; the attributes (`label` of the countdown, `langs`: tags with
 * their own lang, else SETTINGS.lang; the forms' receiver and privacy page);
 * both forms sent to the receiver behind the site's /api and stored once; no
 * console error, no request to another host. `inParagraph`: the tags were
 * written by hand in the classic editor, one a line, so wpautop's paragraph
 * around them is expected. `deadline`: the countdown's (default the settings');
 * `attributes`: tag => attribute => value (undefined: absent) besides.
 */
export async function checkPage({browser, site, receiver}, {id, url, texts, label, langs = {}, inParagraph = false,
  deadline = SETTINGS.deadline, attributes = {}}) {
  const context = await browser.newContext({timezoneId: 'Europe/Berlin', locale: 'en-US'});
  try {
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-06-01T10:00:00+02:00'));
    const g = guard(page, site.origin);
    const html = await (await page.goto(url)).text();
    assert.match(html, /<script type="module" src="[^"]*\/klimapartner-widgets\.js/, 'the module is loaded as a module');
    assert.equal(html.includes('id="klimapartner-widgets-js-module"'), site.hasScriptModules,
      `WordPress ${site.version}: wp_enqueue_script_module printed the tag (6.5+), else the fallback`);
    const tags = Object.keys(texts);
    // The tags the built file defines (kp-share only once it is built); it defines them one after another.
    const built = readFileSync(DIST, 'utf8');
    const defined = tags.filter((t) => new RegExp(`[\`'"]${t}[\`'"]`).test(built));
    assert.ok(defined.length >= 4, `the build defines ${defined}`);
    await page.waitForFunction((all) => all.every((t) => customElements.get(t)), defined, {timeout: 15_000});

    const found = await page.evaluate(({tags, texts}) => {
      const visible = document.body.innerText;
      return tags.map((tag) => {
        const all = document.querySelectorAll(tag);
        const el = all[0];
        return {tag, count: all.length, parent: el?.parentElement.localName, upgraded: !!el?.shadowRoot?.childNodes.length,
          shadow: el?.shadowRoot?.textContent ?? '',
          inside: !!el?.textContent.includes(texts[tag]), visible: visible.includes(texts[tag]),
          attrs: el ? Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])) : {}};
      });
    }, {tags, texts});

    for (const f of found) {
      assert.equal(f.count, 1, `${f.tag}: one element`);
      assert.ok(f.inside, `${f.tag}: its fallback text is inside it`);
      if (!inParagraph) assert.notEqual(f.parent, 'p', `${f.tag}: not inside a paragraph of wpautop's`);
      if (!defined.includes(f.tag)) continue;
      assert.ok(f.upgraded, `${f.tag}: upgraded, with shadow content`);
      assert.equal(f.visible, false, `${f.tag}: its fallback text is not shown after the upgrade`);
      assert.equal(f.attrs.lang, langs[f.tag] ?? SETTINGS.lang, `${f.tag}: its own lang, else the settings' default`);
    }
    const attrs = Object.fromEntries(found.map((f) => [f.tag, f.attrs]));
    assert.equal(attrs['kp-countdown'].label, label, 'the label arrives escaped and intact');
    assert.equal(attrs['kp-countdown'].deadline, deadline);
    for (const [tag, expected] of Object.entries(attributes)) {
      for (const [name, value] of Object.entries(expected)) assert.equal(attrs[tag][name], value, `${tag} ${name}`);
    }
    const newsletter = found.find((f) => f.tag === 'kp-newsletter-signup').shadow;
    assert.ok(newsletter.includes(langs['kp-newsletter-signup'] === 'en' ? 'Subscribe to the newsletter' : 'Newsletter bestellen'),
      `the newsletter form speaks its lang on an en-US site: ${newsletter.slice(0, 200)}`);
    for (const tag of FORMS) {
      assert.equal(attrs[tag].action, SETTINGS.action, `${tag}: the administrator's receiver`);
      assert.equal(attrs[tag]['privacy-url'], SETTINGS.privacy_url);
    }

    for (const tag of FORMS) {
      const email = `${id}.${tag}@musterstadt.invalid`;
      const entries = VALID[tag].filter(([k]) => k !== 'name' || 'with-name' in attrs[tag]);
      await fill(page, tag, entries.map(([k, v]) => [k, k === 'email' ? email : v]), {settle: 0});
      await clickSubmit(page, tag);
      await waitForState(page, tag, 'sent', 20_000);
      const stored = (await receiver.submissions()).filter((s) => s.data.email === email);
      assert.equal(stored.length, 1, `${tag}: stored once at the receiver behind ${site.origin}/api`);
    }
    await g.check();
  } finally {
    await context.close();
  }
}
