/**
 * The embedded file defines its tags while the module runs (src/index.ts,
 * defineAll in src/shared/define.ts): elements already in the page are
 * upgraded and rendered in that same task, before the browser can paint, and
 * one tag that fails leaves the others defined.
 */
import {expect} from '@open-wc/testing';
import {defineAll} from '../../src/shared/define.js';
import {captureConsole} from '../helpers.js';

/** A new element class that renders `text` into its shadow root when connected. */
const element = (text: string) =>
  class extends HTMLElement {
    connectedCallback() {
      this.attachShadow({mode: 'open'}).textContent = text;
    }
  };

describe('defining the elements', () => {
  it('defines every tag in the task that runs the module and renders elements already in the page before the next frame', async () => {
    const host = document.createElement('div');
    host.innerHTML = '<kp-interest-form action="/api/submit" privacy-url="/datenschutz"></kp-interest-form><kp-countdown deadline="2030-01-01"></kp-countdown>';
    document.body.append(host);
    const tags = ['kp-countdown', 'kp-contact-card', 'kp-newsletter-signup', 'kp-interest-form', 'kp-share'];
    // At the first definition, look again in the next animation frame (before
    // the browser paints) and in the next task: everything must be there.
    const state = () => [
      ...tags.map((t) => `${t}:${customElements.get(t) ? 'defined' : 'undefined'}`),
      ...[...host.children].map((el) => `${el.localName}:${el.shadowRoot?.childNodes.length ? 'rendered' : 'empty'}`),
    ];
    let inFrame: string[] | undefined;
    let inTask: string[] | undefined;
    const define = customElements.define;
    customElements.define = function (...args: Parameters<typeof define>) {
      if (!inFrame) {
        inFrame = [];
        requestAnimationFrame(() => (inFrame = state()));
        setTimeout(() => (inTask = state()));
      }
      return define.apply(this, args);
    };
    try {
      const {defined, KpInterestForm} = await import('../../src/index.js');
      expect(customElements.get('kp-interest-form')).to.equal(KpInterestForm, 'defined when the module has run');
      await defined;
      await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => requestAnimationFrame(r));
      const all = [...tags.map((t) => `${t}:defined`), 'kp-interest-form:rendered', 'kp-countdown:rendered'];
      expect(inTask).to.deep.equal(all, 'in the next task');
      expect(inFrame).to.deep.equal(all, 'in the next frame');
    } finally {
      customElements.define = define;
      host.remove();
    }
  });

  it('leaves the other tags defined when one definition throws', async () => {
    const log = captureConsole();
    // The browser reads observedAttributes at define() (the class has an attributeChangedCallback): this one throws there.
    const broken = class extends HTMLElement {
      static get observedAttributes(): string[] {
        throw new Error('broken class');
      }
      attributeChangedCallback() {}
    };
    const n = Math.random().toString(36).slice(2, 8);
    const taken = `x-taken-${n}`;
    // Another library's element of that name, defined under a different class in between.
    customElements.define(taken, element('theirs'));
    const host = document.createElement('div');
    host.innerHTML = `<x-after-${n}></x-after-${n}>`;
    document.body.append(host);
    try {
      await defineAll([
        [`x-broken-${n}`, broken],
        [`x-after-${n}`, element('after')],
        ['not a valid name', element('never')],
        [taken, element('ours')],
        [`x-last-${n}`, element('last')],
      ]);
      expect(customElements.get(`x-broken-${n}`)).to.equal(undefined, 'the broken class stays undefined');
      expect(customElements.get(`x-after-${n}`)).not.to.equal(undefined);
      expect(customElements.get(`x-last-${n}`)).not.to.equal(undefined);
      expect(host.firstElementChild!.shadowRoot!.textContent).to.equal('after');
      expect(log.warnings.join('\n')).to.contain(`<x-broken-${n}> could not be defined`).and.to.contain('<not a valid name> could not be defined');
      expect(log.errors).to.deep.equal([]);
    } finally {
      log.restore();
      host.remove();
    }
  });
});
