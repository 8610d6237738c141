/**
 * `PropertyValues<this>` knows the element's property names and types: a
 * misspelt name does not compile, and `get` gives the property's own type.
 * The type half of this test is `npx tsc --noEmit -p tsconfig.json` (part of
 * `npm test`): if the typing regresses, the `@ts-expect-error` lines below are
 * unused and tsc fails on them; the browser half checks the values are the
 * previous ones.
 */
import {expect} from '@open-wc/testing';
import {ReactiveBase, type PropertyValues} from '../../src/shared/reactive.js';

class XTyped extends ReactiveBase {
  static override properties = {label: {}, count: {state: true}};
  label = 'a';
  count = 0;
  seen: [boolean, string | undefined, number | undefined][] = [];
  protected override willUpdate(changed: PropertyValues<this>) {
    // A typed map: the previous label is a string, the previous count a number.
    const label: string | undefined = changed.get('label');
    const count: number | undefined = changed.get('count');
    this.seen.push([changed.has('label'), label, count]);
    // @ts-expect-error: no property 'lable' (a typo) on the element
    changed.has('lable');
    // @ts-expect-error: no property 'typo' on the element
    changed.get('typo');
  }
}
customElements.define('x-typed', XTyped);

describe('PropertyValues<this>', () => {
  it("gives each changed property's previous value under its own name", async () => {
    const el = document.createElement('x-typed') as XTyped;
    document.body.append(el);
    await el.updateComplete;
    el.label = 'b';
    el.count = 1;
    await el.updateComplete;
    expect(el.seen[el.seen.length - 1]).to.deep.equal([true, 'a', 0]);
    el.remove();
  });
});
