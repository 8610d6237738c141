/**
 * The documentation site (demo/docs/, served by `npm start`, built by `npm run docs:build`):
 * every page works under `script-src 'self'; style-src 'self'` (no inline script, style, style
 * attribute or event handler attribute) and loads nothing from another host; the example
 * themes use only documented custom properties and parts; each page renders its elements and
 * its reference.
 */
import {expect} from '@open-wc/testing';

const BASE = '/demo/docs/';

async function text(path: string): Promise<string> {
  const r = await fetch(path);
  expect(r.ok, `${path}: ${r.status}`).to.be.true;
  return r.text();
}

async function pages(): Promise<string[]> {
  const doc = new DOMParser().parseFromString(await text(`${BASE}index.html`), 'text/html');
  const names = [...doc.querySelectorAll('nav a[href$=".html"]')].map((a) => a.getAttribute('href')!);
  return [...new Set(names)].map((n) => BASE + n).concat('/demo/index.html');
}

async function manifestParts(): Promise<{parts: Map<string, Set<string>>; props: Set<string>}> {
  const m = await (await fetch('/dist/custom-elements.json')).json();
  const parts = new Map<string, Set<string>>();
  const props = new Set<string>();
  for (const mod of m.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.tagName) continue;
      parts.set(d.tagName, new Set((d.cssParts ?? []).map((p: {name: string}) => p.name)));
      for (const p of d.cssProperties ?? []) props.add(p.name);
    }
  }
  return {parts, props};
}

describe('documentation site', () => {
  it('has the element pages, themes and the snippet builder', async () => {
    const list = await pages();
    for (const name of ['countdown', 'contact-card', 'newsletter-signup', 'interest-form', 'share', 'themes', 'builder']) {
      expect(list).to.include(`${BASE}${name}.html`);
    }
  });

  it('every page: no inline script or style, no handler attributes, nothing from other hosts', async () => {
    const problems: string[] = [];
    for (const page of await pages()) {
      const doc = new DOMParser().parseFromString(await text(page), 'text/html');
      if (doc.querySelector('script:not([src])')) problems.push(`${page}: inline <script>`);
      if (doc.querySelector('style')) problems.push(`${page}: <style>`);
      for (const el of doc.querySelectorAll('*')) {
        for (const {name, value} of el.attributes) {
          if (name === 'style' || name.startsWith('on')) problems.push(`${page}: ${name}= on <${el.localName}>`);
          if (/^(src|href)$/.test(name) && /^(https?:)?\/\/|^javascript:/i.test(value.trim())) {
            if (el.localName !== 'a') problems.push(`${page}: <${el.localName} ${name}="${value}"> loads from another host`);
            else if (/^javascript:/i.test(value.trim())) problems.push(`${page}: javascript: link`);
          }
        }
      }
      for (const s of doc.querySelectorAll('script[src]')) {
        if (s.getAttribute('type') !== 'module') problems.push(`${page}: classic script ${s.getAttribute('src')}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  for (const theme of ['bund', 'kleinstadt']) {
    it(`themes/${theme}.css uses only documented --kp- properties and parts`, async () => {
      const {parts, props} = await manifestParts();
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

  it('each page renders its elements and its reference', async function () {
    this.timeout(30_000);
    const problems: string[] = [];
    for (const page of await pages()) {
      const frame = document.createElement('iframe');
      frame.style.width = '1200px';
      frame.style.height = '900px';
      const loaded = new Promise((r) => frame.addEventListener('load', r, {once: true}));
      frame.src = page;
      document.body.append(frame);
      await loaded;
      const doc = frame.contentDocument!;
      const win = frame.contentWindow as Window & typeof globalThis;
      await win.customElements.whenDefined('kp-countdown');
      if (doc.querySelector('[data-api]')) {
        for (let i = 0; i < 50 && doc.documentElement.dataset.reference !== 'ready'; i++) await new Promise((r) => setTimeout(r, 100));
        if (doc.documentElement.dataset.reference !== 'ready') problems.push(`${page}: reference not rendered`);
        for (const t of doc.querySelectorAll('[data-api]')) if (!t.querySelector('table')) problems.push(`${page}: no tables for ${t.getAttribute('data-api')}`);
      }
      await new Promise((r) => setTimeout(r, 300));
      for (const el of doc.querySelectorAll('*')) {
        if (el.localName.startsWith('kp-') && !el.shadowRoot?.childElementCount) problems.push(`${page}: <${el.localName}> empty`);
      }
      if (page.endsWith('builder.html')) {
        if (!doc.getElementById('html-out')!.textContent!.includes('<kp-countdown')) problems.push('builder: no HTML written');
        if (!doc.querySelector('#preview kp-countdown')?.shadowRoot?.childElementCount) problems.push('builder: no preview');
        if (doc.getElementById('problems')!.textContent) problems.push(`builder: ${doc.getElementById('problems')!.textContent}`);
      }
      frame.remove();
    }
    expect(problems).to.deep.equal([]);
  });
});
