// The documentation site in German (the default, build/docs/ served at /demo/docs/) and English
// (build/docs/en/ at /demo/docs/en/), as `npm run build:docs` wrote it: every page exists in both,
// says its language in <html lang>, speaks it in its headings, and links to the same page in the
// other language (with hreflang and lang on the link), and that page links back.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {SITE_OUT} from '../../scripts/site/paths.mjs';

const read = (file) => readFileSync(join(SITE_OUT, file), 'utf8');
const lang = (html) => html.match(/<html\b[^>]*\blang="([^"]*)"/)?.[1];
/** The language switch's links: [{href, hreflang, lang}]. */
const switchLinks = (html) =>
  [...(html.match(/<nav class="language-switch"[\s\S]*?<\/nav>/)?.[0] ?? '').matchAll(/<a\b([^>]*)>/g)].map(([, attrs]) =>
    Object.fromEntries([...attrs.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])),
  );
const headings = (html, level) => [...html.matchAll(new RegExp(`<h${level}\\b[^>]*>([\\s\\S]*?)</h${level}>`, 'g'))].map((m) => m[1].replace(/<[^>]*>/g, '').trim());
const pagesOf = (dir) => readdirSync(join(SITE_OUT, dir)).filter((f) => f.endsWith('.html')).sort();
const guideNames = readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));

test('the site is built', () => {
  assert.ok(existsSync(join(SITE_OUT, 'index.html')), `${SITE_OUT}/index.html is missing: run \`npm run build:docs\` first`);
});

test('every page exists in German and in English, and <html lang> says which', () => {
  const german = pagesOf('.');
  assert.deepEqual(pagesOf('en'), german);
  for (const name of ['index', 'countdown', 'builder', 'themes', 'search', ...guideNames]) assert.ok(german.includes(`${name}.html`), `${name}.html`);
  for (const f of german) {
    assert.equal(lang(read(f)), 'de', f);
    assert.equal(lang(read(`en/${f}`)), 'en', `en/${f}`);
  }
});

test('every German guide in docs/de/ has its English original', () => {
  if (!existsSync('docs/de')) return;
  for (const f of readdirSync('docs/de').filter((x) => x.endsWith('.md'))) assert.ok(guideNames.includes(f.slice(0, -3)), `docs/de/${f} without docs/${f}`);
});

test('German pages speak German: the layout, the reference tables and the German guides', () => {
  const start = read('index.html');
  assert.match(start, /Zum Inhalt springen/);
  assert.ok(headings(start, 2).includes('In drei Schritten'), headings(start, 2).join(' | '));
  const countdown = read('countdown.html');
  assert.deepEqual(headings(countdown, 3).filter((h) => /^(Attribute|Ereignisse)/.test(h)), ['Attribute', 'Ereignisse (Events)']);
  assert.ok(headings(countdown, 2).includes('Referenz'));
  assert.ok(headings(read('en/countdown.html'), 3).includes('Attributes'));
  for (const name of guideNames.filter((g) => existsSync(`docs/de/${g}.md`))) {
    const title = readFileSync(`docs/de/${name}.md`, 'utf8').match(/^# +(.+)$/m)[1].replace(/`/g, '');
    assert.equal(headings(read(`${name}.html`), 1)[0].replace(/&lt;/g, '<').replace(/&gt;/g, '>'), title, `${name}.html`);
    assert.doesNotMatch(read(`${name}.html`), /<main id="content" lang="en">/, `${name}.html is German`);
  }
});

test('a guide not yet in German shows the English text, marked as English, under a German note', () => {
  for (const name of guideNames.filter((g) => !existsSync(`docs/de/${g}.md`))) {
    const html = read(`${name}.html`);
    assert.match(html, /<main id="content" lang="en">/, name);
    assert.match(html, /Diese Anleitung gibt es bisher nur auf Englisch/, name);
  }
});

test('the language switch of every page links to the same page in the other language, and back', () => {
  for (const f of pagesOf('.')) {
    const [toEnglish, ...more] = switchLinks(read(f));
    assert.equal(more.length, 0, f);
    assert.deepEqual(toEnglish, {href: `en/${f}`, hreflang: 'en', lang: 'en'}, f);
    const back = switchLinks(read(`en/${f}`));
    assert.deepEqual(back, [{href: `../${f}`, hreflang: 'de', lang: 'de'}], `en/${f}`);
  }
});

test('each language has its own search index, linking to its own pages', () => {
  const de = JSON.parse(read('search.json'));
  const en = JSON.parse(read('en/search.json'));
  assert.ok(de.some((e) => e.heading === 'In drei Schritten'));
  assert.ok(!en.some((e) => e.heading === 'In drei Schritten'));
  for (const e of [...de, ...en]) assert.ok(!e.url.includes('/'), e.url);
});
