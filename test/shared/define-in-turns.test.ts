/**
 * The embedded file defines its tags one per task after it runs (src/index.ts,
 * inTurns in src/shared/define.ts): no task holds more than one tag's upgrade
 * and first render, and `defined` says when all are there.
 */
import {expect} from '@open-wc/testing';

describe('defining the elements in turns', () => {
  it('defines one tag per task, top-of-page elements first, and resolves `defined` after the last', async () => {
    // Count tasks with a message loop (the same kind of task inTurns waits for).
    let tasks = 0;
    let counting = true;
    const {port1, port2} = new MessageChannel();
    port1.onmessage = () => {
      tasks++;
      if (counting) port2.postMessage(0);
    };
    port2.postMessage(0);
    const seen: [string, number][] = [];
    const define = customElements.define;
    customElements.define = function (tag: string, ...rest: [CustomElementConstructor, ElementDefinitionOptions?]) {
      seen.push([tag, tasks]);
      return define.call(this, tag, ...rest);
    };
    try {
      const {defined, KpInterestForm} = await import('../../src/index.js');
      expect(customElements.get('kp-interest-form')).to.equal(undefined, 'not yet when the module has run');
      await defined;
      expect(customElements.get('kp-interest-form')).to.equal(KpInterestForm);
    } finally {
      customElements.define = define;
      counting = false;
      port1.close();
    }
    expect(seen.map(([tag]) => tag)).to.deep.equal(['kp-countdown', 'kp-contact-card', 'kp-newsletter-signup', 'kp-interest-form', 'kp-share']);
    const when = seen.map(([, task]) => task);
    for (let i = 1; i < when.length; i++) expect(when[i]).to.be.above(when[i - 1], `${seen[i][0]} in a later task`);
  });
});
