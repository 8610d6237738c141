// The WordPress plugin in a real WordPress (Debian's package): installed from
// the built zip through the admin's upload form, configured on its settings
// page, used by an administrator, an editor and an author in the block and
// the classic editor, and looked at by a visitor in Chromium.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {prepareMachine, startWordPress} from './support/site.mjs';
import {startTestReceiver} from './support/receiver.mjs';
import {addUser, installWordPress, saveSettings, shownSettings, uploadPlugin} from './support/admin.mjs';
import {blockPost, classicPost, fallbacks, HOSTILE_ACTION, LABEL} from './content.mjs';
import {guard, launchChromium} from '../e2e/support/browser.mjs';
import {VALID, clickSubmit, fill, waitForState} from '../e2e/support/forms.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const ZIP = join(root, 'dist/wordpress/klimapartner-widgets.zip');
const SETTINGS = {action: '/api/submit', privacy_url: '/datenschutz/', lang: 'de', deadline: '2027-03-31'};
const FORMS = ['kp-newsletter-signup', 'kp-interest-form'];

let skip = prepareMachine();
if (!skip && !existsSync(ZIP)) skip = 'no dist/wordpress/klimapartner-widgets.zip: run npm run build first';
if (skip) console.log(`# WordPress test skipped: ${skip}`);

describe('WordPress plugin in a real WordPress', {skip, timeout: 300_000}, () => {
  let receiver, site, admin, browser;
  const sessions = {};
  const pages = [];

  before(async () => {
    receiver = await startTestReceiver();
    site = await startWordPress({receiverPort: receiver.port});
    admin = await installWordPress(site.origin);
    sessions.administrator = admin;
    browser = await launchChromium();
  }, {timeout: 120_000});

  after(async () => {
    await browser?.close();
    const debug = site?.debugLog() ?? '';
    await site?.close();
    await receiver?.close();
    assert.equal(debug.match(/klimapartner/gi)?.join('\n') ?? '', '', `PHP notices from the plugin:\n${debug}`);
  });

  test('the zip installs through Plugins → Add New → Upload Plugin and activates', {timeout: 60_000}, async () => {
    await uploadPlugin(admin, ZIP);
    const plugins = await admin.rest('/wp/v2/plugins');
    const ours = plugins.find((p) => p.plugin === 'klimapartner-widgets/klimapartner-widgets');
    assert.equal(ours?.status, 'active');
  });

  test('the settings page saves the four settings, refuses a bad receiver and a request without nonce', {timeout: 60_000}, async () => {
    const saved = await saveSettings(admin, SETTINGS);
    assert.equal(saved.status, 302, 'options.php redirects back after saving');
    assert.deepEqual((await shownSettings(admin)).shown, SETTINGS);

    const refused = await saveSettings(admin, {...SETTINGS, action: 'javascript:alert(1)'});
    assert.equal(refused.status, 302);
    assert.equal((await shownSettings(admin)).shown.action, SETTINGS.action, 'a javascript: receiver is not stored');
    const told = await admin.html(refused.headers.get('location'));
    assert.match(told, /Not saved: (“|&#8220;)javascript:alert\(1\)/, 'and the page it returns to says why');

    const forged = await saveSettings(admin, {...SETTINGS, action: 'https://evil.example/x'}, {nonce: false});
    assert.notEqual(forged.status, 302, 'options.php refuses a request without nonce');
    assert.equal((await shownSettings(admin)).shown.action, SETTINGS.action);

    const value = await site.sql("SELECT option_value FROM wp_options WHERE option_name = 'klimapartner_widgets'");
    for (const v of Object.values(SETTINGS)) assert.ok(value.includes(`"${v}"`), `option holds ${v}: ${value}`);
  });

  test('an editor and an author write posts in the block and the classic editor (REST, with kses)', {timeout: 60_000}, async () => {
    sessions.editor = await addUser(admin, 'editor1', 'editor');
    sessions.author = await addUser(admin, 'author1', 'author');
    for (const [role, session] of Object.entries(sessions)) {
      for (const [format, write] of [['block', blockPost], ['classic', classicPost]]) {
        const id = `${role}-${format}`;
        const post = await session.rest('/wp/v2/posts', {method: 'POST',
          body: {title: `Widgets ${id}`, content: write(id, {hostile: role === 'author'}), status: 'publish'}});
        pages.push({role, format, id, url: post.link, raw: post.content.raw});
      }
    }
    const author = pages.filter((p) => p.role === 'author');
    for (const p of author) {
      assert.ok(p.raw.includes('<kp-interest-form'), `kses keeps the author's tag (${p.id})`);
      assert.ok(p.raw.includes('job-title="Projektkoordination"'), `and its documented attributes (${p.id})`);
      assert.ok(!/<kp-interest-form[^>]*evil\.example/.test(p.raw), `but strips the author's action (${p.id})`);
    }
  });

  for (const role of ['administrator', 'editor', 'author']) {
    for (const format of ['block', 'classic']) {
      test(`a visitor sees ${role}'s ${format}-editor page: every widget, no fallback outside, both forms sent once`,
        {timeout: 60_000}, async () => {
          const page = pages.find((p) => p.role === role && p.format === format);
          assert.ok(page, 'the post was written');
          await visitPage({...page, langs: format === 'classic' ? {'kp-newsletter-signup': 'en'} : {}});
        });
    }
  }

  test("an author's post made of the block patterns shows every widget with the settings' defaults", {timeout: 60_000},
    async () => {
      const patterns = (await sessions.author.rest('/wp/v2/block-patterns/patterns'))
        .filter((p) => p.name.startsWith('klimapartner-widgets/'));
      assert.equal(patterns.length, 5, 'five patterns offered to an author');
      const content = patterns.map((p) => p.content).join('\n\n');
      const texts = Object.fromEntries([...content.matchAll(/\[(kp_[a-z_]+)[^\]]*\]([^[]+)\[\/\1\]/g)]
        .map(([, code, text]) => [code.replaceAll('_', '-'), text]));
      const post = await sessions.author.rest('/wp/v2/posts', {method: 'POST',
        body: {title: 'Widgets patterns', content, status: 'publish'}});
      await visitPage({id: 'patterns', url: post.link, texts, label: 'Interessensbekundung'});
    });

  test('a page without widgets does not load the module', {timeout: 30_000}, async () => {
    const html = await (await fetch(`${site.origin}/?p=1`)).text();
    assert.match(html, /Hello world!/);
    assert.doesNotMatch(html, /klimapartner-widgets\.js/);
  });

  test('deleting the plugin removes its option (uninstall.php)', {timeout: 60_000}, async () => {
    const slug = 'klimapartner-widgets/klimapartner-widgets';
    await admin.rest(`/wp/v2/plugins/${slug}`, {method: 'POST', body: {status: 'inactive'}});
    await admin.rest(`/wp/v2/plugins/${slug}`, {method: 'DELETE'});
    const left = await site.sql("SELECT COUNT(*) FROM wp_options WHERE option_name = 'klimapartner_widgets'");
    assert.equal(left.trim().split('\n').at(-1), '0');
  });

  /**
   * Opens a page as a visitor and checks every widget on it. `texts`: each tag's
   * fallback text; `langs`: tags written with their own lang (default: the setting's).
   */
  async function visitPage({id, url, texts = fallbacks(id), label = LABEL, langs = {}}) {
    const context = await browser.newContext({timezoneId: 'Europe/Berlin', locale: 'en-US'});
    try {
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date('2026-06-01T10:00:00+02:00'));
      const g = guard(page, site.origin);
      const html = await (await page.goto(url)).text();
      assert.match(html, /<script type="module" src="[^"]*klimapartner-widgets\/assets\/klimapartner-widgets\.js/,
        'the module is loaded as a module');
      const tags = Object.keys(texts);
      await page.waitForFunction(() => ['kp-countdown', 'kp-contact-card', 'kp-newsletter-signup', 'kp-interest-form']
        .every((t) => customElements.get(t)), null, {timeout: 15_000});
      const defined = await page.evaluate((all) => all.filter((t) => customElements.get(t)), tags);

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
        assert.notEqual(f.parent, 'p', `${f.tag}: not inside a paragraph of wpautop's`);
        if (!defined.includes(f.tag)) continue;
        assert.ok(f.upgraded, `${f.tag}: upgraded, with shadow content`);
        assert.equal(f.visible, false, `${f.tag}: its fallback text is not shown after the upgrade`);
        assert.equal(f.attrs.lang, langs[f.tag] ?? SETTINGS.lang, `${f.tag}: its own lang, else the settings' default`);
      }
      const attrs = Object.fromEntries(found.map((f) => [f.tag, f.attrs]));
      assert.equal(attrs['kp-countdown'].label, label, 'the label arrives escaped and intact');
      assert.equal(attrs['kp-countdown'].deadline, '2027-03-31');
      const newsletter = found.find((f) => f.tag === 'kp-newsletter-signup').shadow;
      assert.ok(newsletter.includes(langs['kp-newsletter-signup'] === 'en' ? 'Subscribe to the newsletter' : 'Newsletter bestellen'),
        `the newsletter form speaks its lang on an en-US site: ${newsletter.slice(0, 200)}`);
      for (const tag of FORMS) {
        assert.equal(attrs[tag].action, SETTINGS.action, `${tag}: the administrator's receiver, not ${HOSTILE_ACTION}`);
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
});
