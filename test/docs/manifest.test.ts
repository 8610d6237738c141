/**
 * The Custom Elements Manifest (dist/custom-elements.json, `npm run manifest`) says what the
 * elements really are: every tag the bundle defines is in it, and its attributes are exactly
 * the ones the browser observes. A public attribute without JSDoc-visible declaration, or a
 * manifest entry that no longer exists, fails here.
 */
import {expect} from '@open-wc/testing';
import {defined} from '../../src/index.js';

before(() => defined);

interface Attribute {
  name: string;
  description?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Attribute[];
  events?: {name: string; description?: string}[];
  cssParts?: {name: string; description?: string}[];
  cssProperties?: {name: string; description?: string}[];
  slots?: {name: string; description?: string}[];
}
interface Manifest {
  modules: {path: string; declarations?: Declaration[]; exports?: {kind: string; name: string}[]}[];
}

const TAGS = ['kp-countdown', 'kp-contact-card', 'kp-newsletter-signup', 'kp-interest-form', 'kp-share'];

async function manifest(): Promise<Manifest> {
  const response = await fetch('/dist/custom-elements.json');
  expect(response.ok, 'dist/custom-elements.json exists (npm run manifest)').to.equal(true);
  return response.json();
}

function elements(m: Manifest): Map<string, Declaration> {
  const map = new Map<string, Declaration>();
  for (const mod of m.modules) for (const d of mod.declarations ?? []) if (d.tagName) map.set(d.tagName, d);
  return map;
}

describe('custom-elements.json', () => {
  it('names every element the bundle defines, and no other', async () => {
    const byTag = elements(await manifest());
    expect([...byTag.keys()].sort()).to.deep.equal([...TAGS].sort());
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.not.equal(undefined);
  });

  for (const tag of TAGS) {
    it(`<${tag}>: attributes are exactly the observed ones, each described`, async () => {
      const d = elements(await manifest()).get(tag)!;
      const observed = [...((customElements.get(tag) as unknown as {observedAttributes: string[]}).observedAttributes ?? [])];
      const documented = (d.attributes ?? []).map((a) => a.name);
      const missing = observed.filter((a) => !documented.includes(a));
      const stale = documented.filter((a) => !observed.includes(a));
      expect(missing, `observed by <${tag}> but missing from the manifest`).to.deep.equal([]);
      expect(stale, `in the manifest but not observed by <${tag}>`).to.deep.equal([]);
      for (const a of d.attributes ?? []) expect(a.description, `${tag} [${a.name}] description`).to.be.a('string').and.not.equal('');
    });

    it(`<${tag}>: slots, parts and custom properties are described`, async () => {
      const d = elements(await manifest()).get(tag)!;
      expect(d.slots ?? [], 'a fallback slot').to.have.length.greaterThan(0);
      expect(d.cssParts ?? [], 'parts').to.have.length.greaterThan(0);
      for (const list of [d.slots, d.cssParts, d.cssProperties, d.events]) {
        for (const x of list ?? []) expect(x.description, `${tag} ${x.name}`).to.be.a('string').and.not.equal('');
      }
      for (const p of d.cssProperties ?? []) expect(p.name).to.match(/^--kp-[a-z0-9-]+$/);
    });
  }

  it('every part a rendered element exposes is documented', async () => {
    const byTag = elements(await manifest());
    const host = document.createElement('div');
    host.innerHTML = `
      <kp-countdown deadline="2099-03-31" label="Frist"></kp-countdown>
      <kp-contact-card name="Dr. Maria Beispiel" job-title="Koordination" organisation="LAG 21 NRW"
        phone="0231 936960-14" email="maria@example.org" photo="/demo/docs/img/person.svg"></kp-contact-card>
      <kp-newsletter-signup action="/api/submit" privacy-url="/datenschutz" with-name draft="off"></kp-newsletter-signup>
      <kp-interest-form action="/api/submit" privacy-url="/datenschutz" deadline="2099-03-31" consent-required draft="off"></kp-interest-form>
      <kp-share networks="mastodon x"></kp-share>`;
    document.body.append(host);
    try {
      for (const el of host.children) {
        await (el as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
        const parts = new Set<string>();
        for (const p of el.shadowRoot!.querySelectorAll('[part]')) for (const n of p.getAttribute('part')!.split(/\s+/)) parts.add(n);
        const documented = (byTag.get(el.localName)!.cssParts ?? []).map((p) => p.name);
        const undocumented = [...parts].filter((p) => p && !documented.includes(p));
        expect(undocumented, `<${el.localName}> parts missing from its @csspart list`).to.deep.equal([]);
      }
    } finally {
      host.remove();
    }
  });
});
