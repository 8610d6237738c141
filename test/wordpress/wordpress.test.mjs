// The WordPress plugin in a real WordPress (Debian's package): installed from
// the built zip through the admin's upload form, configured on its settings
// page, used by an administrator, an editor and an author in the block and
// the classic editor, and looked at by a visitor in Chromium.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync, readdirSync, renameSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {prepareMachine} from './support/site.mjs';
import {closeWorld, openWorld} from './support/world.mjs';
import {SETTINGS_PAGE, addUser, saveSettings, setSiteLanguage, shownSettings, uploadPlugin} from './support/admin.mjs';
import {BLOCK_DEADLINE, blockPost, blocksPost, classicPost, fallbacks, LABEL} from './content.mjs';
import {SETTINGS, checkPage} from './support/visit.mjs';
import {whileLoading} from './support/layout-shift.mjs';
import {canvas, editorPage, insertBlock, newPost, openSettings, publish} from './support/editor.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const ZIP = join(root, 'dist/wordpress/klimapartner-widgets.zip');

let skip = prepareMachine();
if (!skip && !existsSync(ZIP)) skip = 'no dist/wordpress/klimapartner-widgets.zip: run npm run build first';
if (skip) console.log(`# WordPress test skipped: ${skip}`);

describe('WordPress plugin in a real WordPress', {skip, timeout: 300_000}, () => {
  const world = {};
  const sessions = {};
  const pages = [];
  let admin, site;

  before(async () => {
    await openWorld(world);
    ({admin, site} = world);
    sessions.administrator = admin;
  }, {timeout: 120_000});

  after(() => closeWorld(world));

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

    const refused = await saveSettings(admin, {...SETTINGS, action: 'javascript:alert(1)//<b>x</b>'});
    assert.equal(refused.status, 302);
    assert.equal((await shownSettings(admin)).shown.action, SETTINGS.action, 'a javascript: receiver is not stored');
    const told = await admin.html(refused.headers.get('location'));
    assert.match(told, /Not saved: (“|&#8220;)javascript:alert\(1\)\/\/&lt;b&gt;x&lt;\/b&gt;/, 'and the page it returns to says why, escaped');

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
          await checkPage(world, {...page, texts: fallbacks(page.id), label: LABEL, langs: format === 'classic' ? {'kp-newsletter-signup': 'en'} : {}});
        });
    }
  }

  test('an author inserts each of the five blocks through the REST API: the post keeps the block comments, the page shows the elements with their attributes',
    {timeout: 60_000}, async () => {
      const types = await sessions.author.rest('/wp/v2/block-types/klimapartner');
      assert.deepEqual(types.map((t) => [t.name, t.api_version]).sort(), ['contact-card', 'countdown', 'interest-form',
        'newsletter-signup', 'share'].map((n) => [`klimapartner/${n}`, 3]), `WordPress ${site.version} registers the five blocks`);
      const id = 'author-blocks';
      const post = await sessions.author.rest('/wp/v2/posts', {method: 'POST',
        body: {title: 'Widgets as blocks', content: blocksPost(id, {hostile: true}), status: 'publish'}});
      assert.equal((post.content.raw.match(/<!-- wp:klimapartner\/[a-z-]+ \{/g) ?? []).length, 5, 'five block comments stored');
      assert.doesNotMatch(post.content.raw, /<kp-/, 'and no markup: the blocks are dynamic');
      await checkPage(world, {id, url: post.link, texts: fallbacks(id), label: LABEL, deadline: BLOCK_DEADLINE, attributes: {
        'kp-countdown': {class: 'kp-frist'},
        'kp-contact-card': {'job-title': 'Projektkoordination', phone: '0231 936960-14', photo: undefined},
        'kp-newsletter-signup': {'with-name': ''},
        'kp-interest-form': {draft: 'off'},
        'kp-share': {networks: 'mastodon linkedin', title: 'Klimapartnerschaften'},
      }});
      const html = await (await fetch(post.link)).text();
      assert.match(html, /<kp-countdown[^>]*><strong>Frist author-blocks: 31\. März 2027<\/strong><\/kp-countdown>/,
        'the RichText fallback is the element\'s children');
      pages.push({role: 'author', format: 'blocks', id, url: post.link});
    });

  test('a page with the blocks has the pre-upgrade CSS of its elements once, in the head; with the module answered late, each element holds its reserved height',
    {timeout: 90_000}, async (t) => {
      const {url} = pages.find((p) => p.format === 'blocks') ?? assert.fail('the blocks post was written');
      const html = await (await fetch(url)).text();
      const head = html.slice(0, html.indexOf('</head>'));
      const tags = ['kp-countdown', 'kp-contact-card', 'kp-newsletter-signup', 'kp-interest-form', 'kp-share'];
      for (const tag of tags) {
        const rule = new RegExp(`(^|\\n)${tag}:not\\(:defined\\) \\{ display: [a-z-]+; min-height: [0-9.]+rem; \\}`, 'g');
        assert.equal((html.match(rule) ?? []).length, 1, `${tag}: its pre-upgrade rule once on the page`);
        assert.equal((head.match(rule) ?? []).length, 1, `${tag}: in the head`);
      }
      for (const viewport of [{width: 1280, height: 3000}, {width: 390, height: 3000}]) {
        const seen = await whileLoading(world.browser, url, {viewport});
        for (const tag of tags) {
          const {height, minHeight} = seen.before[tag];
          assert.ok(parseFloat(minHeight) > 0 && Math.abs(height - parseFloat(minHeight)) < 0.5,
            `${viewport.width} px: ${tag} holds its reserved height before the upgrade (${height} px, min-height ${minHeight})`);
          assert.equal(seen.after[tag].minHeight, '0px', `${tag}: the rule no longer applies once defined`);
        }
        // Not yet < 0.01: the heights are measured on a plain page at 16 px; this theme's text is larger.
        t.diagnostic(`${viewport.width} px: CLS ${seen.cls.toFixed(4)}; heights before/after: ${tags.map((tag) =>
          `${tag} ${seen.before[tag].height.toFixed(1)}/${seen.after[tag].height.toFixed(1)}`).join(', ')}`);
      }
    });

  test('in a classic theme (Twenty Twenty-One, the content rendered after the head) the page with the blocks has the pre-upgrade CSS once, in the head',
    {timeout: 60_000}, async (t) => {
      const {url} = pages.find((p) => p.format === 'blocks') ?? assert.fail('the blocks post was written');
      const theme = (name) => site.sql(`UPDATE wp_options SET option_value = '${name}' WHERE option_name IN ('template', 'stylesheet')`);
      await theme('twentytwentyone');
      try {
        const html = await (await fetch(url)).text();
        assert.match(html, /twentytwentyone/, 'the classic theme is active');
        const head = html.slice(0, html.indexOf('</head>'));
        for (const tag of ['kp-countdown', 'kp-contact-card', 'kp-newsletter-signup', 'kp-interest-form', 'kp-share']) {
          const rule = new RegExp(`(^|\\n)${tag}:not\\(:defined\\) \\{`, 'g');
          assert.equal((html.match(rule) ?? []).length, 1, `${tag}: its pre-upgrade rule once on the page`);
          assert.equal((head.match(rule) ?? []).length, 1, `${tag}: in the head`);
        }
        const seen = await whileLoading(world.browser, url, {viewport: {width: 1280, height: 3000}});
        t.diagnostic(`Twenty Twenty-One, 1280 px: CLS ${seen.cls.toFixed(4)}`);
      } finally {
        await theme('twentytwentythree');
      }
    });

  test('in the block editor an author inserts a countdown, sets its deadline with the date picker and its fallback, and a share block (network toggles, URL notice); the published page shows them',
    {timeout: 180_000}, async () => {
      const {page, context, errors, reports} = await editorPage(world, sessions.author);
      try {
        await newPost(page, site.origin);
        await insertBlock(page, 'Countdown');
        const frame = await canvas(page);
        console.log(`# WordPress ${site.version}: the editor's canvas is ${frame === page.mainFrame() ? 'the page' : 'an iframe'}`);
        const countdown = frame.locator('kp-countdown');
        await countdown.waitFor({timeout: 20_000});
        await frame.waitForFunction(() => document.querySelector('kp-countdown')?.shadowRoot?.textContent.trim(), null, {timeout: 20_000});
        assert.equal(await countdown.getAttribute('deadline'), SETTINGS.deadline, 'the real element, with the settings\' deadline until the block has its own');

        await openSettings(page);
        const text = page.getByLabel('Deadline', {exact: true});
        await text.fill('2027-06-30T18:00');
        await page.getByLabel('Year', {exact: true}).fill('2028');
        await page.keyboard.press('Tab');
        await frame.waitForFunction(() => document.querySelector('kp-countdown')?.getAttribute('deadline') === '2028-06-30T18:00',
          null, {timeout: 10_000}).catch(async () => {
          assert.fail(`the picker set the deadline: ${await countdown.getAttribute('deadline')} (field ${await text.inputValue()})`);
        });
        await frame.locator('.kp-block-fallback [contenteditable="true"]').click();
        await page.keyboard.type('Frist: 30. Juni 2028');

        await insertBlock(page, 'Share buttons');
        await frame.locator('kp-share').waitFor({timeout: 20_000});
        await openSettings(page);
        await page.getByLabel('mastodon', {exact: true}).check();
        await page.getByLabel('bluesky', {exact: true}).check();
        await page.getByLabel('Address to share (URL)').fill('javascript:alert(1)');
        const notice = page.locator('.components-notice__content', {hasText: 'The element ignores this address'});
        await notice.waitFor({timeout: 5_000});
        await page.getByLabel('Address to share (URL)').fill('/klimapartnerschaften/');
        await notice.waitFor({state: 'detached', timeout: 5_000});
        assert.equal(await frame.locator('kp-share').getAttribute('networks'), 'mastodon bluesky');

        const link = await publish(page);
        const html = await (await fetch(link)).text();
        assert.match(html, /<kp-countdown deadline="2028-06-30T18:00" lang="de">Frist: 30\. Juni 2028<\/kp-countdown>/);
        assert.match(html, /<kp-share url="\/klimapartnerschaften\/" networks="mastodon bluesky" lang="de">/);
        assert.deepEqual(errors, [], 'no error of ours in the editor');
        assert.ok(reports.some((r) => r.startsWith('<kp-share>: attribute "url" "javascript:alert(1)"')),
          `the element in the editor refused the address the notice named: ${reports}`);
      } catch (error) {
        await page.screenshot({path: join(root, 'test-artifacts/wordpress-editor.png')});
        throw error;
      } finally {
        await context.close();
      }
    });

  test("an author's post made of the block patterns shows every widget with the settings' defaults", {timeout: 60_000},
    async () => {
      const patterns = (await sessions.author.rest('/wp/v2/block-patterns/patterns'))
        .filter((p) => p.name.startsWith('klimapartner-widgets/'));
      assert.equal(patterns.length, 5, 'five patterns offered to an author');
      const content = patterns.map((p) => p.content).join('\n\n');
      const blocks = [...content.matchAll(/<!-- wp:klimapartner\/([a-z-]+) (\{.*?\}) \/-->/g)];
      assert.equal(blocks.length, 5, `the patterns are the blocks: ${content}`);
      const texts = Object.fromEntries(blocks.map(([, name, json]) => [`kp-${name}`, JSON.parse(json).fallback]));
      const post = await sessions.author.rest('/wp/v2/posts', {method: 'POST',
        body: {title: 'Widgets patterns', content, status: 'publish'}});
      await checkPage(world, {id: 'patterns', url: post.link, texts, label: 'Interessensbekundung'});
    });

  test('on a German site the settings page, its notices, the plugin list and the patterns speak German ("du", and "Sie" in de_DE_formal), from the plugin\'s own .mo',
    {timeout: 60_000}, async () => {
      const languages = join(site.docroot, 'wp-content/languages');
      assert.ok(!existsSync(join(languages, 'de_DE.mo')), "Debian's WordPress has no German language pack of its own");
      const mo = join(site.docroot, 'wp-content/plugins/klimapartner-widgets/languages');
      try {
        setSiteLanguage(site, 'de_DE');
        const page = await admin.html(SETTINGS_PAGE);
        for (const text of ['Empfänger-URL der Formulare', 'Datenschutzerklärung (URL)', 'Standardsprache', 'Standardfrist',
          'Sprache der Website', 'Nur Administratoren legen das fest', 'wähle de.', 'value="Änderungen speichern"']) {
          assert.ok(page.includes(text), `the settings page says ${text}`);
        }
        assert.doesNotMatch(page, /Receiver URL|Default deadline|Save Changes/);

        const refused = await saveSettings(admin, {...SETTINGS, action: 'http://evil.example/x', deadline: 'Ende März'});
        assert.equal(refused.status, 302);
        const told = await admin.html(refused.headers.get('location'));
        assert.match(told, /Nicht gespeichert: „http:\/\/evil\.example\/x“ ist weder ein Pfad auf dieser Website \(\/…\) noch eine https:-Adresse\./);
        assert.match(told, /Nicht gespeichert: „Ende März“ ist kein Datum wie 2027-03-31 oder 2027-03-31T23:59\./);
        assert.deepEqual((await shownSettings(admin)).shown, SETTINGS, 'and nothing of it was stored');

        assert.match(await admin.html('/wp-admin/plugins.php'), /Countdown, Kontaktkarte, Newsletter-Anmeldung/);
        const titles = (await admin.rest('/wp/v2/block-patterns/patterns'))
          .filter((p) => p.name.startsWith('klimapartner-widgets/')).map((p) => p.title).sort();
        assert.deepEqual(titles, ['Countdown bis zur Frist', 'Formular zur Interessensbekundung', 'Kontaktkarte',
          'Newsletter-Anmeldung', 'Teilen-Buttons']);

        const types = await admin.rest('/wp/v2/block-types/klimapartner');
        assert.deepEqual(types.map((t) => t.title).sort(), ['Countdown', 'Formular zur Interessensbekundung', 'Kontaktkarte',
          'Newsletter-Anmeldung', 'Teilen-Buttons'], 'the blocks\' titles (block.json)');
        const editor = await admin.html('/wp-admin/post-new.php');
        const script = /<script[^>]*id=["']klimapartner-widgets-blocks-js-translations["'][^>]*>([\s\S]*?)<\/script>/.exec(editor)?.[1] ?? '';
        for (const text of ['"Frist"', '"Text f\\u00fcr Besucher ohne JavaScript:"', '"Einstellungen des Elements"']) {
          assert.ok(script.includes(text) || script.includes(JSON.parse(text)), `the editor script gets its German: ${text} in ${script.slice(0, 300)}`);
        }

        const german = await editorPage(world, admin);
        try {
          await newPost(german.page, site.origin);
          await insertBlock(german.page, 'Kontaktkarte');
          await openSettings(german.page);
          for (const text of ['Einstellungen des Elements', 'Funktion', 'Foto (URL)']) {
            await german.page.getByText(text, {exact: true}).first().waitFor({timeout: 10_000});
          }
          await (await canvas(german.page)).getByText('Text für Besucher ohne JavaScript:').waitFor({timeout: 10_000});
          assert.deepEqual(german.errors, []);
        } finally {
          await german.context.close();
        }

        setSiteLanguage(site, 'de_DE_formal');
        const formal = await admin.html(SETTINGS_PAGE);
        assert.ok(formal.includes('wählen Sie de.') && formal.includes('Empfänger-URL der Formulare'), 'de_DE_formal says "Sie"');

        // Without the plugin's .mo the same German site is English: the German above is the plugin's own.
        setSiteLanguage(site, 'de_DE');
        const files = readdirSync(mo).filter((f) => f.endsWith('.mo'));
        assert.deepEqual(files.sort(), ['klimapartner-widgets-de_DE.mo', 'klimapartner-widgets-de_DE_formal.mo']);
        for (const f of files) renameSync(join(mo, f), join(mo, `${f}.off`));
        try {
          assert.match(await admin.html(SETTINGS_PAGE), /Receiver URL of the forms/);
        } finally {
          for (const f of files) renameSync(join(mo, `${f}.off`), join(mo, f));
        }
      } finally {
        setSiteLanguage(site, '');
      }
    });

  test('a WordPress that says it is older than the blocks need (version.php set to 6.0): no blocks, a notice naming 6.1, the patterns as Shortcode blocks that still show every widget',
    {timeout: 60_000}, async () => {
      const file = join(site.docroot, 'wp-includes/version.php');
      const original = readFileSync(file, 'utf8');
      const NOTICE = /Klimapartner-Widgets: the blocks need WordPress 6\.1 or later \(this site runs 6\.0\)\. The shortcodes and patterns work as before\./;
      // Apache's PHP workers may run the cached version.php for a while (opcache): ask until the dashboard says it.
      const dashboard = async (shown) => {
        for (let i = 0; i < 40; i++) {
          const html = await admin.html('/wp-admin/index.php');
          if (NOTICE.test(html) === shown) return html;
          await new Promise((r) => setTimeout(r, 500));
        }
        assert.fail(`the dashboard ${shown ? 'never showed' : 'kept'} the notice`);
      };
      writeFileSync(file, original.replace(/\$wp_version = '[^']+'/, "$wp_version = '6.0'"));
      try {
        await dashboard(true);
        assert.deepEqual(await admin.rest('/wp/v2/block-types/klimapartner'), [], 'no blocks registered');
        const patterns = (await sessions.author.rest('/wp/v2/block-patterns/patterns'))
          .filter((p) => p.name.startsWith('klimapartner-widgets/'));
        const content = patterns.map((p) => p.content).join('\n\n');
        assert.equal((content.match(/<!-- wp:shortcode -->/g) ?? []).length, 5, `five Shortcode blocks: ${content}`);
        assert.doesNotMatch(content, /wp:klimapartner\//);
        const texts = Object.fromEntries([...content.matchAll(/\[(kp_[a-z_]+)[^\]]*\]([^[]+)\[\/\1\]/g)]
          .map(([, code, text]) => [code.replaceAll('_', '-'), text]));
        const post = await sessions.author.rest('/wp/v2/posts', {method: 'POST',
          body: {title: 'Widgets patterns before 6.1', content, status: 'publish'}});
        await checkPage(world, {id: 'patterns-old', url: post.link, texts, label: 'Interessensbekundung'});
      } finally {
        writeFileSync(file, original);
      }
      await dashboard(false);
    });

  test('a page without widgets does not load the module', {timeout: 30_000}, async () => {
    const html = await (await fetch(`${site.origin}/?p=1`)).text();
    assert.match(html, /Hello world!/);
    assert.doesNotMatch(html, /klimapartner-widgets\.js/);
    assert.doesNotMatch(html, /:not\(:defined\)|klimapartner-widgets-pre-upgrade/, 'nor print the pre-upgrade CSS');
  });

  test('deleting the plugin removes its option (uninstall.php)', {timeout: 60_000}, async () => {
    const slug = 'klimapartner-widgets/klimapartner-widgets';
    await admin.rest(`/wp/v2/plugins/${slug}`, {method: 'POST', body: {status: 'inactive'}});
    await admin.rest(`/wp/v2/plugins/${slug}`, {method: 'DELETE'});
    const left = await site.sql("SELECT COUNT(*) FROM wp_options WHERE option_name = 'klimapartner_widgets'");
    assert.equal(left.trim().split('\n').at(-1), '0');
  });


});
