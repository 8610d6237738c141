/**
 * Every documented attribute has a property of the same meaning, both ways, as
 * frameworks use them (React 19, Vue and Angular set properties): the list of
 * attributes is the Custom Elements Manifest's (dist/custom-elements.json), so a
 * new attribute without a sample value here fails. For each element:
 * - attributes → properties, and the property's default is the manifest's;
 * - properties set from script after definition, and on an un-upgraded element
 *   (connected or not) that is upgraded afterwards, render exactly what the
 *   attributes render;
 * - removing each attribute, one by one, returns its property to the default and
 *   renders what an element without that attribute renders; so does setting the
 *   property to null or undefined;
 * and never an exception, at any step.
 */
import {expect} from '@open-wc/testing';
import type sinon from 'sinon';
import {defined} from '../../src/index.js';
import {captureConsole, fixClock, type ConsoleCapture} from '../helpers.js';

interface Attribute {
  name: string;
  fieldName: string;
  default?: string;
  type?: {text: string};
}

/** A value for every documented attribute ('' for a Boolean attribute: present). */
const SAMPLES: Record<string, Record<string, string>> = {
  'kp-countdown': {deadline: '2030-01-01', 'time-zone': 'America/Sao_Paulo', label: 'Interessensbekundung'},
  'kp-contact-card': {
    name: 'Dr. Maria Beispiel',
    'job-title': 'Projektkoordination',
    organisation: 'LAG 21 NRW',
    phone: '0231 936960-14',
    email: 'maria.beispiel@example.org',
    photo: '/demo/docs/img/person.svg',
  },
  'kp-newsletter-signup': {
    action: '/api/submit',
    mode: 'form',
    'privacy-url': '/datenschutz',
    draft: 'off',
    'email-field': 'EMAIL',
    'with-name': '',
  },
  'kp-interest-form': {
    action: '/api/submit',
    mode: 'form',
    'privacy-url': '/datenschutz',
    draft: 'off',
    deadline: '2030-01-01T12:00',
    'time-zone': 'America/Sao_Paulo',
    'consent-required': '',
  },
  'kp-share': {url: 'https://example.org/klimapartnerschaften', title: 'Kommunale Klimapartnerschaften', networks: 'linkedin mastodon'},
};

/** The manifest's default (source text such as `'json'`, `false`, `undefined`) as a value. */
function parseDefault(text: string | undefined): unknown {
  if (text === undefined || text === 'undefined') return undefined;
  if (text === 'true' || text === 'false') return text === 'true';
  const quoted = /^(['"`])(.*)\1$/.exec(text);
  if (quoted) return quoted[2];
  throw new Error(`cannot read the manifest default ${text}`);
}

let manifest: Map<string, Attribute[]>;
let clock: sinon.SinonFakeTimers;
let logged: ConsoleCapture;
const thrown: string[] = [];
const onError = (e: ErrorEvent) => thrown.push(String(e.error ?? e.message));
const onRejection = (e: PromiseRejectionEvent) => thrown.push(String(e.reason));

before(async () => {
  await defined;
  const m = await (await fetch('/dist/custom-elements.json')).json();
  manifest = new Map();
  for (const mod of m.modules) for (const d of mod.declarations ?? []) if (d.tagName) manifest.set(d.tagName, d.attributes ?? []);
});
beforeEach(() => {
  clock = fixClock('2026-11-30T10:00:00Z');
  logged = captureConsole();
  thrown.length = 0;
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
});
afterEach(() => {
  clock.restore();
  logged.restore();
  removeEventListener('error', onError);
  removeEventListener('unhandledrejection', onRejection);
  document.querySelectorAll('.props-host').forEach((h) => h.remove());
});

type El = HTMLElement & {updateComplete: Promise<boolean>} & Record<string, unknown>;

function host(): HTMLElement {
  const div = document.createElement('div');
  div.className = 'props-host';
  document.body.append(div);
  return div;
}

/** The property value an attribute value stands for. */
const asProperty = (a: Attribute, value: string) => (a.type?.text === 'boolean' ? true : value);

/** What the element renders (its shadow DOM as HTML), once it has settled. */
async function rendered(el: El): Promise<string> {
  await el.updateComplete;
  await el.updateComplete;
  return el.shadowRoot!.innerHTML;
}

/** An element of `tag` made from markup with `attributes`: the reference for a state. */
async function fromMarkup(tag: string, attributes: Record<string, string>): Promise<string> {
  const wrap = host();
  const el = document.createElement(tag) as El;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  wrap.append(el);
  const html = await rendered(el);
  wrap.remove();
  return html;
}

function noExceptions() {
  expect(thrown, 'uncaught errors').to.deep.equal([]);
  expect(logged.errors.filter((e) => /could not render/.test(e)), 'render failures').to.deep.equal([]);
}

let upgrades = 0;

describe('the samples', () => {
  it('cover every element of the manifest', () => {
    expect([...manifest.keys()].sort()).to.deep.equal(Object.keys(SAMPLES).sort());
  });
});

for (const tag of Object.keys(SAMPLES)) {
  describe(`<${tag}> properties and attributes`, () => {
    const attributes = () => manifest.get(tag)!;
    const sample = SAMPLES[tag];

    it('has a sample here for every documented attribute (from the manifest), and the manifest’s defaults', async () => {
      expect(attributes().map((a) => a.name).sort()).to.deep.equal(Object.keys(sample).sort());
      const el = document.createElement(tag) as El;
      for (const a of attributes()) expect(el[a.fieldName], `${a.fieldName} default`).to.equal(parseDefault(a.default));
      expect(el.constructor as unknown as {observedAttributes: string[]}).to.have.property('observedAttributes').that.has.members(Object.keys(sample));
    });

    it('attributes set the properties; properties set after definition render the same', async () => {
      const reference = await fromMarkup(tag, sample);
      const wrap = host();
      const byAttr = document.createElement(tag) as El;
      for (const [name, value] of Object.entries(sample)) byAttr.setAttribute(name, value);
      const byProp = document.createElement(tag) as El;
      for (const a of attributes()) byProp[a.fieldName] = asProperty(a, sample[a.name]);
      wrap.append(byAttr, byProp);
      for (const a of attributes()) {
        expect(byAttr[a.fieldName], a.name).to.equal(asProperty(a, sample[a.name]));
        expect(byProp.hasAttribute(a.name), `${a.fieldName} is not reflected`).to.equal(false);
      }
      expect(await rendered(byAttr)).to.equal(reference);
      expect(await rendered(byProp)).to.equal(reference);
      // Changing a property later updates the element, as changing the attribute does.
      for (const a of attributes()) {
        byProp[a.fieldName] = parseDefault(a.default);
        byProp[a.fieldName] = asProperty(a, sample[a.name]);
      }
      expect(await rendered(byProp)).to.equal(reference);
      noExceptions();
    });

    for (const connected of [true, false]) {
      it(`properties set before definition (element ${connected ? 'on' : 'off'} the page), then upgraded, render the same`, async () => {
        const reference = await fromMarkup(tag, sample);
        // A tag of its own, defined only after the properties were set (the first tag is taken).
        const name = `${tag}-late-${++upgrades}`;
        const wrap = host();
        const el = document.createElement(name) as El;
        if (connected) wrap.append(el);
        for (const a of attributes()) el[a.fieldName] = asProperty(a, sample[a.name]);
        customElements.define(name, class extends (customElements.get(tag) as CustomElementConstructor) {});
        if (!connected) wrap.append(el);
        expect(el.constructor).to.not.equal(HTMLElement, 'upgraded');
        for (const a of attributes()) expect(el[a.fieldName], a.fieldName).to.equal(asProperty(a, sample[a.name]));
        expect((await rendered(el)).replaceAll(name, tag)).to.equal(reference);
        noExceptions();
      });
    }

    it('removing each attribute, one by one, returns its property to the default and shows that state', async () => {
      const wrap = host();
      const el = document.createElement(tag) as El;
      for (const [name, value] of Object.entries(sample)) el.setAttribute(name, value);
      wrap.append(el);
      await rendered(el);
      const left = {...sample};
      for (const a of attributes()) {
        el.removeAttribute(a.name);
        delete left[a.name];
        expect(el[a.fieldName], `${a.fieldName} after removing ${a.name}`).to.equal(parseDefault(a.default));
        expect(await rendered(el), `after removing ${a.name}`).to.equal(await fromMarkup(tag, left));
        // And back: the attribute again, then the property cleared as a framework does.
        el.setAttribute(a.name, sample[a.name]);
        expect(el[a.fieldName]).to.equal(asProperty(a, sample[a.name]));
        for (const cleared of [null, undefined]) {
          el[a.fieldName] = cleared;
          expect(el[a.fieldName], `${a.fieldName} = ${cleared}`).to.equal(parseDefault(a.default));
        }
        el.removeAttribute(a.name);
        expect(await rendered(el), `after clearing ${a.fieldName}`).to.equal(await fromMarkup(tag, left));
      }
      noExceptions();
    });
  });
}
