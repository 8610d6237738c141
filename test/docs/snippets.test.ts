/**
 * Every ```html block in README.md and in the docs/*.md it links to is rendered into the
 * page with the elements defined (src/index.ts; script tags of the snippet are dropped):
 * no console error, and every kp- element upgraded and rendered (its shadow root has
 * content). A block marked ```html bad shows a mistake on purpose: exactly one
 * console.error then.
 */
import {expect} from '@open-wc/testing';
import {defined} from '../../src/index.js';
import {emptyElements, renderExample} from './render.js';

before(() => defined);

interface Snippet {
  file: string;
  line: number;
  bad: boolean;
  code: string;
}

/** README.md and every docs/*.md reachable from it by relative links. */
async function documents(): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const queue = ['README.md'];
  while (queue.length) {
    const file = queue.shift()!;
    if (texts.has(file)) continue;
    const response = await fetch(`/${file}`);
    if (!response.ok) throw new Error(`${file}: ${response.status} (linked but missing?)`);
    const text = await response.text();
    texts.set(file, text);
    for (const [, link] of text.matchAll(/\]\((?:\.\/)?((?:docs\/)?[\w.-]+\.md)(?:#[\w-]*)?\)/g)) {
      const path = file.startsWith('docs/') && !link.startsWith('docs/') ? `docs/${link}` : link;
      if (/^(README|docs\/[\w.-]+)\.md$/.test(path)) queue.push(path.replace(/^docs\/\.\.\//, ''));
    }
  }
  return texts;
}

function snippets(file: string, text: string): Snippet[] {
  const out: Snippet[] = [];
  for (const m of text.matchAll(/^```html([^\n]*)\n([\s\S]*?)^```\s*$/gm)) {
    out.push({file, line: text.slice(0, m.index).split('\n').length, bad: /\bbad\b/.test(m[1]), code: m[2]});
  }
  return out;
}

describe('snippets in README.md and docs/*.md', () => {
  const all: Snippet[] = [];
  before(async () => {
    for (const [file, text] of await documents()) all.push(...snippets(file, text));
  });
  afterEach(() => sessionStorage.clear());

  it('there are snippets, in the README and in the guides', () => {
    expect(all.filter((s) => s.file === 'README.md')).to.not.have.length(0);
    expect(all.filter((s) => s.file.startsWith('docs/'))).to.not.have.length(0);
  });

  it('each renders: every kp- element upgraded with content; no console error (bad: exactly one)', async () => {
    const failures: string[] = [];
    for (const s of all) {
      const where = `${s.file}:${s.line}`;
      const {errors, host} = await renderExample(s.code);
      try {
        const expected = s.bad ? 1 : 0;
        if (errors.length !== expected) failures.push(`${where}: ${errors.length} console errors, expected ${expected}: ${errors.join(' | ')}`);
        failures.push(...emptyElements(host, where));
      } finally {
        host.remove();
      }
    }
    expect(failures).to.deep.equal([]);
  });
});
