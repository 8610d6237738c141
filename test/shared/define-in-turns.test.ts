/**
 * The embedded file defines its tags one per task after it runs (src/index.ts,
 * inTurns in src/shared/define.ts): no task holds more than one tag's upgrade
 * and first render, and `defined` says when all are there.
 */
import {expect} from '@open-wc/testing';

describe('defining the elements in turns', () => {
  it('defines one tag per task, top-of-page elements first, and resolves `defined` after the last', async () => {
    // Which task each tag is defined in: the message event being dispatched
    // (inTurns runs each step from a message's handler and its microtasks, with
    // `window.event` set). Counting tasks with a message loop of our own would
    // depend on how an engine orders messages across channels, which WebKit does not keep.
    const seen: [string, Event | undefined][] = [];
    const define = customElements.define;
    customElements.define = function (tag: string, ...rest: [CustomElementConstructor, ElementDefinitionOptions?]) {
      seen.push([tag, window.event]);
      return define.call(this, tag, ...rest);
    };
    try {
      const {defined, KpInterestForm} = await import('../../src/index.js');
      expect(customElements.get('kp-interest-form')).to.equal(undefined, 'not yet when the module has run');
      await defined;
      expect(customElements.get('kp-interest-form')).to.equal(KpInterestForm);
    } finally {
      customElements.define = define;
    }
    expect(seen.map(([tag]) => tag)).to.deep.equal(['kp-countdown', 'kp-contact-card', 'kp-newsletter-signup', 'kp-interest-form']);
    const tasks = seen.map(([, event]) => event);
    for (const [i, event] of tasks.entries()) {
      expect(event, `${seen[i][0]} defined from a message task`).to.be.instanceOf(MessageEvent);
      expect(tasks.indexOf(event), `${seen[i][0]} in a task of its own`).to.equal(i);
    }
  });
});
