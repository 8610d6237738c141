import {expect} from '@open-wc/testing';
import {html} from 'lit-html';
import {ReactiveBase, css, type PropertyValues} from '../../src/shared/reactive.js';

class XProbe extends ReactiveBase {
  static override properties = {
    label: {},
    timeZone: {attribute: 'time-zone'},
    open: {type: Boolean},
    count: {state: true},
  };
  static override styles = [css`:host{display:block}`, [css`p{margin:0}`]];
  declare label: string | null;
  timeZone = 'Europe/Berlin';
  open = false;
  count = 0;
  renders = 0;
  seen: PropertyValues[] = [];
  protected override willUpdate(changed: PropertyValues) {
    this.seen.push(new Map(changed));
  }
  protected override render() {
    this.renders++;
    return html`<p>${this.label}|${this.timeZone}|${this.open}|${this.count}</p>`;
  }
  protected override updated() {
    if (this.count === 1) this.count = 2; // a change in updated() asks for one more update
  }
}
customElements.define('x-probe', XProbe);

describe('reactive base', () => {
  it('observes declared attributes only, by their names', () => {
    expect(XProbe.observedAttributes).to.have.members(['label', 'time-zone', 'open']);
  });

  it('maps attributes to properties (Boolean by presence) and renders once per batch', async () => {
    const el = document.createElement('x-probe') as XProbe;
    el.setAttribute('label', 'a');
    el.setAttribute('time-zone', 'UTC');
    el.toggleAttribute('open', true);
    document.body.append(el);
    await el.updateComplete;
    expect(el.renderRoot.textContent).to.equal('a|UTC|true|0');
    expect(el.renders).to.equal(1);
    el.removeAttribute('open');
    el.label = 'b';
    await el.updateComplete;
    expect(el.renderRoot.textContent).to.equal('b|UTC|false|0');
    expect(el.renders).to.equal(2);
    expect([...el.seen[1].keys()]).to.have.members(['open', 'label']);
    expect(el.seen[1].get('label')).to.equal('a', 'previous value');
    el.remove();
  });

  it('waits in updateComplete for updates asked for in updated()', async () => {
    const el = document.createElement('x-probe') as XProbe;
    document.body.append(el);
    await el.updateComplete;
    el.count = 1;
    expect(await el.updateComplete).to.equal(true);
    expect(el.renderRoot.textContent).to.equal('|Europe/Berlin|false|2');
    el.remove();
  });

  it('keeps a property set before the element upgraded', async () => {
    const el = document.createElement('x-probe-late') as XProbe;
    (el as unknown as {label: string}).label = 'early';
    document.body.append(el);
    customElements.define('x-probe-late', class extends XProbe {});
    await (el as XProbe).updateComplete;
    expect(el.label).to.equal('early');
    expect(el.renderRoot.textContent).to.contain('early|');
    el.remove();
  });

  it('adopts its styles (nested arrays too) into an open shadow root, one sheet per style', async () => {
    const a = document.createElement('x-probe') as XProbe;
    const b = document.createElement('x-probe') as XProbe;
    document.body.append(a, b);
    await a.updateComplete;
    expect(a.shadowRoot).to.equal(a.renderRoot);
    expect(a.renderRoot.adoptedStyleSheets.length).to.equal(2);
    expect(a.renderRoot.adoptedStyleSheets[0]).to.equal(b.renderRoot.adoptedStyleSheets[0]);
    expect(getComputedStyle(a.renderRoot.querySelector('p')!).marginTop).to.equal('0px');
    a.remove();
    b.remove();
  });
});
