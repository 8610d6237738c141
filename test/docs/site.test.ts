/**
 * The documentation site as built by Eleventy (`npm run build`, build/docs/) and served at
 * /demo/docs/ in German and /demo/docs/en/ in English (by `npm start`; here by the test server,
 * see web-test-runner.config.mjs), in both languages:
 * - every page in the navigation carries the strict CSP and keeps to it (no inline script,
 *   style, style attribute or handler attribute) and loads nothing from another host;
 * - every link, script, stylesheet and image resolves, and every #anchor exists;
 * - it can be read without JavaScript: each element page has its summary, its examples' code
 *   and its reference tables in the HTML, generated from dist/custom-elements.json;
 * - each guide the README links is a page, with its html blocks as live examples;
 * - every live example, rendered by the built file (dist/), upgrades and logs no console error
 *   (`bad` examples: exactly one); in the page itself every element renders;
 * - the example themes use only documented custom properties and parts;
 * - the search finds a section by words from a guide and from an element's reference, each
 *   language in its own pages only.
 */
import {expect} from '@open-wc/testing';
import {emptyElements, renderExample} from './render.js';

const BASE = '/demo/docs/';
/** Each language's folder: German is the default. */
const LANGUAGES = {de: BASE, en: `${BASE}en/`};
/** The reference tables' headings the tests look for, by language. */
const HEADINGS = {de: {attributes: 'Attribute', parts: 'Teile (::part)'}, en: {attributes: 'Attributes', parts: 'Parts (::part)'}};
const DEMO = '/demo/index.html';

interface Declaration {
  tagName?: string;
  attributes?: {name: string}[];
  cssParts?: {name: string}[];
  cssProperties?: {name: string}[];
}

async function text(path: string): Promise<string> {
  const r = await fetch(path);
  expect(r.ok, `${path}: ${r.status}`).to.equal(true);
  return r.text();
}

const parsed = new Map<string, Document>();
async function page(path: string): Promise<Document> {
  if (!parsed.has(path)) parsed.set(path, new DOMParser().parseFromString(await text(path), 'text/html'));
  return parsed.get(path)!;
}

/** One language's pages (all languages' without `base`), from its start page's navigation and search form. */
async function pages(base?: string): Promise<string[]> {
  if (!base) return (await Promise.all(Object.values(LANGUAGES).map((b) => pages(b)))).flat();
  const doc = await page(`${base}index.html`);
  const names = [
    ...[...doc.querySelectorAll('nav.site-nav a[href$=".html"]')].map((a) => a.getAttribute('href')!),
    ...[...doc.querySelectorAll('form[role="search"]')].map((f) => f.getAttribute('action')!),
  ];
  expect(names.every((n) => !n.includes('/')), 'all pages of a language are in one folder').to.equal(true);
  return [...new Set(names)].map((n) => base + n);
}

async function declarations(): Promise<Map<string, Declaration>> {
  const m = await (await fetch('/dist/custom-elements.json')).json();
  const byTag = new Map<string, Declaration>();
  for (const mod of m.modules) for (const d of mod.declarations ?? []) if (d.tagName) byTag.set(d.tagName, d);
  return byTag;
}

/** The guides the README links (docs/x.md), by name. */
async function readmeGuides(): Promise<string[]> {
  const readme = await text('/README.md');
  return [...new Set([...readme.matchAll(/\]\(docs\/([\w-]+)\.md(?:#[\w-]*)?\)/g)].map((m) => m[1]))];
}

describe('documentation site', () => {
  before(async function () {
    this.timeout(20_000);
    const mod = await import(/* @vite-ignore */ '/dist/klimapartner-widgets.js' as string);
    await mod.defined;
  });
  afterEach(() => sessionStorage.clear());

  it('has the element pages, themes, the snippet builder and every guide the README links, in each language', async () => {
    const guides = await readmeGuides();
    expect(guides).to.include.members(['embedding', 'styling', 'events', 'receiver']);
    for (const base of Object.values(LANGUAGES)) {
      const list = await pages(base);
      for (const name of ['countdown', 'contact-card', 'newsletter-signup', 'interest-form', 'share', 'themes', 'builder']) {
        expect(list).to.include(`${base}${name}.html`);
      }
      for (const g of guides) expect(list, `docs/${g}.md as a page`).to.include(`${base}${g}.html`);
    }
  });

  it('every page: the strict CSP, no inline script or style, no handler attributes, nothing from other hosts', async () => {
    const problems: string[] = [];
    for (const path of [...(await pages()), DEMO]) {
      const doc = await page(path);
      if (path !== DEMO) {
        const csp = doc.querySelector('head > meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
        if (!/default-src 'self'/.test(csp) || /unsafe|script-src|style-src/.test(csp)) problems.push(`${path}: CSP "${csp}"`);
        if (doc.head.firstElementChild?.nextElementSibling?.getAttribute('http-equiv') !== 'Content-Security-Policy') {
          problems.push(`${path}: the CSP is not right after the charset`);
        }
      }
      if (doc.querySelector('script:not([src])')) problems.push(`${path}: inline <script>`);
      if (doc.querySelector('style')) problems.push(`${path}: <style>`);
      for (const el of doc.querySelectorAll('*')) {
        for (const {name, value} of el.attributes) {
          if (name === 'style' || name.startsWith('on')) problems.push(`${path}: ${name}= on <${el.localName}>`);
          if (/^(src|href)$/.test(name) && /^(https?:)?\/\/|^javascript:/i.test(value.trim())) {
            if (el.localName !== 'a') problems.push(`${path}: <${el.localName} ${name}="${value}"> loads from another host`);
            else if (/^javascript:/i.test(value.trim())) problems.push(`${path}: javascript: link`);
          }
        }
      }
      for (const s of doc.querySelectorAll('script[src]')) {
        if (s.getAttribute('type') !== 'module') problems.push(`${path}: classic script ${s.getAttribute('src')}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('every link, script, stylesheet and image of every page resolves, and every #anchor exists', async function () {
    this.timeout(30_000);
    const problems: string[] = [];
    const checked = new Map<string, boolean>();
    for (const path of await pages()) {
      const doc = await page(path);
      for (const el of doc.querySelectorAll('[href], [src]')) {
        const ref = el.getAttribute('href') ?? el.getAttribute('src')!;
        if (/^[a-z][\w+.-]*:/i.test(ref) || ref.startsWith('//')) continue; // https:, mailto:, tel: (not fetched: no other host)
        const url = new URL(ref, location.origin + path);
        if (url.origin !== location.origin) continue;
        const target = url.pathname + (url.pathname.endsWith('/') ? 'index.html' : '');
        if (!checked.has(target)) checked.set(target, (await fetch(target)).ok);
        if (!checked.get(target)) {
          problems.push(`${path}: ${ref} does not resolve`);
          continue;
        }
        if (url.hash && target.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!(await page(target)).getElementById(id)) problems.push(`${path}: ${ref}: no id "${id}" in ${target}`);
        }
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('readable without JavaScript: each element page has its summary, its examples as code and its reference from the manifest', async () => {
    const byTag = await declarations();
    const problems: string[] = [];
    for (const path of await pages()) {
      const doc = await page(path);
      const api = doc.querySelector('[data-api]');
      if (!api) continue;
      const tag = api.getAttribute('data-api')!;
      const d = byTag.get(tag);
      if (!d) {
        problems.push(`${path}: <${tag}> is not in the manifest`);
        continue;
      }
      if (doc.querySelector('h1')?.textContent !== `<${tag}>`) problems.push(`${path}: heading`);
      if (!doc.querySelector('.lead')?.textContent?.trim()) problems.push(`${path}: no summary`);
      const examples = doc.querySelectorAll('.example');
      if (!examples.length) problems.push(`${path}: no examples`);
      for (const ex of examples) if (!ex.querySelector(':scope > pre code')?.textContent?.includes(`<${tag}`)) problems.push(`${path}: an example without its code`);
      const tables = [...api.querySelectorAll('section')];
      const words = HEADINGS[doc.documentElement.lang as keyof typeof HEADINGS];
      const attributes = tables.find((s) => s.querySelector('h3')?.textContent === words.attributes);
      const names = [...(attributes?.querySelectorAll('tbody td:first-child') ?? [])].map((td) => td.textContent);
      expect(names, `${path}: the attributes table`).to.deep.equal((d.attributes ?? []).map((a) => a.name));
      const parts = tables.find((s) => s.querySelector('h3')?.textContent === words.parts);
      expect([...(parts?.querySelectorAll('tbody td:first-child') ?? [])].map((td) => td.textContent), `${path}: the parts table`).to.deep.equal(
        (d.cssParts ?? []).map((p) => p.name),
      );
    }
    expect(problems).to.deep.equal([]);
  });

  it('every guide the README links shows its html blocks as live examples (German: docs/de/, or the English text)', async () => {
    for (const g of await readmeGuides()) {
      for (const [lang, base] of Object.entries(LANGUAGES)) {
        const german = lang === 'de' ? await fetch(`/docs/de/${g}.md`) : null;
        const file = german?.ok ? `docs/de/${g}.md` : `docs/${g}.md`;
        const source = await text(`/${file}`);
        const blocks = [...source.matchAll(/^```html[^\n]*\n/gm)].length;
        const doc = await page(`${base}${g}.html`);
        expect(doc.querySelectorAll('.example > .live').length, `${file}: ${blocks} html blocks`).to.equal(blocks);
        expect(doc.querySelector('h1'), `${file}: a heading`).to.not.equal(null);
      }
    }
  });

  it('every live example, rendered by the built file: upgraded, no console error (bad: exactly one)', async function () {
    this.timeout(30_000);
    const failures: string[] = [];
    let count = 0;
    for (const path of await pages()) {
      const doc = await page(path);
      for (const [i, example] of [...doc.querySelectorAll('.example')].entries()) {
        const live = example.querySelector(':scope > .live');
        if (!live) continue;
        count++;
        const where = `${path} example ${i + 1}`;
        const {errors, host} = await renderExample(live.innerHTML, path);
        try {
          const expected = example.hasAttribute('data-bad') ? 1 : 0;
          if (errors.length !== expected) failures.push(`${where}: ${errors.length} console errors, expected ${expected}: ${errors.join(' | ')}`);
          failures.push(...emptyElements(host, where));
        } finally {
          host.remove();
        }
      }
    }
    expect(count, 'live examples').to.be.greaterThan(10);
    expect(failures).to.deep.equal([]);
  });

  for (const theme of ['bund', 'kleinstadt']) {
    it(`themes/${theme}.css uses only documented --kp- properties and parts`, async () => {
      const byTag = await declarations();
      const parts = new Map([...byTag].map(([tag, d]) => [tag, new Set((d.cssParts ?? []).map((p) => p.name))]));
      const props = new Set([...byTag.values()].flatMap((d) => (d.cssProperties ?? []).map((p) => p.name)));
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(await text(`/demo/themes/${theme}.css`));
      const problems: string[] = [];
      for (const rule of sheet.cssRules) {
        if (!(rule instanceof CSSStyleRule)) {
          problems.push(`not a style rule: ${rule.cssText}`);
          continue;
        }
        for (const selector of rule.selectorText.split(',').map((s) => s.trim())) {
          const m = selector.match(/^(kp-[a-z-]+)(?:::part\(([a-z-]+)\))?$/);
          if (!m || !parts.has(m[1])) problems.push(`selector ${selector}`);
          else if (m[2] && !parts.get(m[1])!.has(m[2])) problems.push(`${m[1]} has no part ${m[2]}`);
        }
        const isPart = rule.selectorText.includes('::part(');
        for (const name of rule.style) {
          if (name.startsWith('--')) {
            if (!props.has(name)) problems.push(`undocumented ${name}`);
          } else if (!isPart) problems.push(`${rule.selectorText} sets ${name} on the host (use a --kp- property)`);
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it('the search finds sections of guides and references, with links to their anchors', async function () {
    this.timeout(20_000);
    const results = async (query: string, base = LANGUAGES.en): Promise<string[]> => {
      const frame = document.createElement('iframe');
      const loaded = new Promise((r) => frame.addEventListener('load', r, {once: true}));
      frame.src = `${base}search.html?q=${encodeURIComponent(query)}`;
      document.body.append(frame);
      await loaded;
      const doc = frame.contentDocument!;
      for (let i = 0; i < 100 && !doc.getElementById('search-status')!.textContent; i++) await new Promise((r) => setTimeout(r, 50));
      const hrefs = [...doc.querySelectorAll('#search-results a')].map((a) => a.getAttribute('href')!);
      frame.remove();
      return hrefs;
    };
    const protocol = await results('Idempotency-Key retry');
    expect(protocol.some((h) => /^(receiver|forms)\.html#[\w-]+$/.test(h)), protocol.join(' ')).to.equal(true);
    expect(await results('email-field')).to.include('newsletter-signup.html#reference');
    expect(await results('no such word anywhere')).to.deep.equal([]);
    // German: its own index, German words, German pages (relative to the German search page).
    const german = await results('Bestätigungsmail', LANGUAGES.de);
    expect(german.some((h) => h.startsWith('newsletter-signup.html#')), german.join(' ')).to.equal(true);
    expect(await results('Bestätigungsmail')).to.deep.equal([]);
    expect(await results('email-field', LANGUAGES.de)).to.include('newsletter-signup.html#reference');
    expect(await results('Feldschlüssel', LANGUAGES.de)).to.not.deep.equal([]);
  });

  it('the snippet builder in German and English writes the same tags and CSS, and speaks the page\'s language', async function () {
    this.timeout(30_000);
    const open = async (path: string, change?: (doc: Document) => void) => {
      const frame = document.createElement('iframe');
      const loaded = new Promise((r) => frame.addEventListener('load', r, {once: true}));
      frame.src = path;
      document.body.append(frame);
      await loaded;
      const doc = frame.contentDocument!;
      const out = () => `${doc.getElementById('html-out')!.textContent}|${doc.getElementById('css-out')!.textContent}`;
      for (let i = 0; i < 100 && !out().includes('<kp-countdown'); i++) await new Promise((r) => setTimeout(r, 50));
      if (change) {
        change(doc);
        const before = out();
        for (let i = 0; i < 100 && out() === before; i++) await new Promise((r) => setTimeout(r, 50));
      }
      const result = {out: out(), lang: doc.documentElement.lang, legend: doc.querySelector('legend')!.textContent, problems: doc.getElementById('problems')!.textContent};
      frame.remove();
      return result;
    };
    // A changed form too: another language for the widgets, the share element, and an accent too light for
    // white text (the page's own note about it in the page's language).
    const change = (doc: Document) => {
      (doc.getElementById('b-lang') as HTMLSelectElement).value = 'fr';
      (doc.querySelector('[name="share"]') as HTMLInputElement).checked = true;
      (doc.getElementById('b-accent') as HTMLInputElement).value = '#ffdd00';
      doc.getElementById('builder')!.dispatchEvent(new Event('change'));
    };
    for (const edit of [undefined, change]) {
      const [de, en] = [await open(`${LANGUAGES.de}builder.html`, edit), await open(`${LANGUAGES.en}builder.html`, edit)];
      expect(de.out).to.include('<kp-countdown');
      expect(de.out).to.equal(en.out);
      expect([de.lang, de.legend, en.lang, en.legend]).to.deep.equal(['de', 'Datei und Sprache', 'en', 'File and language']);
      if (edit) {
        expect(de.out).to.include('lang="fr"').and.include('--kp-color-accent: #ffdd00');
        expect(de.problems).to.match(/^Akzentfarbe und ihr Text haben einen Kontrast von \d,\d:1/);
        expect(en.problems).to.match(/^Accent and its text have a contrast of \d\.\d:1/);
      }
    }
  });

  it('each page, opened as a visitor would (under its CSP), renders every element; the builder writes and previews', async function () {
    this.timeout(60_000);
    const problems: string[] = [];
    for (const path of [...(await pages()), DEMO]) {
      const frame = document.createElement('iframe');
      frame.style.width = '1200px';
      frame.style.height = '900px';
      const loaded = new Promise((r) => frame.addEventListener('load', r, {once: true}));
      frame.src = path;
      document.body.append(frame);
      await loaded;
      const doc = frame.contentDocument!;
      const win = frame.contentWindow as Window & typeof globalThis;
      const tags = [...new Set([...doc.querySelectorAll('*')].map((el) => el.localName).filter((n) => n.startsWith('kp-')))];
      await Promise.all(tags.map((t) => win.customElements.whenDefined(t)));
      await new Promise((r) => setTimeout(r, 300));
      for (const el of doc.querySelectorAll('*')) {
        if (el.localName.startsWith('kp-') && !el.shadowRoot?.childElementCount) problems.push(`${path}: <${el.localName}> empty`);
      }
      if (path.endsWith('builder.html')) {
        if (!doc.getElementById('html-out')!.textContent!.includes('<kp-countdown')) problems.push('builder: no HTML written');
        if (!doc.querySelector('#preview kp-countdown')?.shadowRoot?.childElementCount) problems.push('builder: no preview');
        if (doc.getElementById('problems')!.textContent) problems.push(`builder: ${doc.getElementById('problems')!.textContent}`);
      }
      if (path.endsWith('themes.html')) {
        (doc.querySelector('[data-theme="bund"]') as HTMLButtonElement).click();
        for (let i = 0; i < 50 && !doc.getElementById('theme-source')!.textContent!.includes('kp-'); i++) await new Promise((r) => setTimeout(r, 50));
        if (!doc.getElementById('theme-source')!.textContent!.includes('kp-')) problems.push('themes: the theme source is not shown');
      }
      frame.remove();
    }
    expect(problems).to.deep.equal([]);
  });
});
