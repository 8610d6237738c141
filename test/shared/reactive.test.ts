import {expect} from '@open-wc/testing';
import {html} from 'lit-html';
import {ReactiveBase, css, type PropertyValues} from '../../src/shared/reactive.js';
import {captureConsole} from '../helpers.js';

class XProbe extends ReactiveBase {
  static override properties = {
    label: {},
    timeZone: {attribute: 'time-zone'},
    open: {type: Boolean},
    count: {state: true},
  };
  static override styles = [css`:host{display:block}`, [css`p{margin:0}`]];
  // Every attribute's property has an initializer: the first value set is its default.
  label: string | null = null;
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
  it('runs class field initializers through the accessors (useDefineForClassFields: false)', async () => {
    const el = document.createElement('x-probe') as XProbe;
    // An own data property would hide the prototype's accessor: no attribute, default or update would work.
    expect(Object.hasOwn(el, 'timeZone'), 'own property timeZone').to.equal(false);
    document.body.append(el);
    await el.updateComplete;
    expect(el.renderRoot.textContent).to.equal('|Europe/Berlin|false|0');
    el.timeZone = 'UTC';
    await el.updateComplete;
    expect(el.renderRoot.textContent).to.equal('|UTC|false|0');
    el.remove();
  });

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

  it('returns a property to its default when its attribute is removed or it is set to null or undefined', async () => {
    const el = document.createElement('x-probe') as XProbe;
    el.setAttribute('time-zone', 'UTC');
    document.body.append(el);
    expect(el.timeZone).to.equal('UTC');
    el.removeAttribute('time-zone');
    expect(el.timeZone).to.equal('Europe/Berlin');
    el.timeZone = 'UTC';
    (el as unknown as {timeZone: null}).timeZone = null;
    expect(el.timeZone).to.equal('Europe/Berlin');
    el.label = 'x';
    el.label = null;
    expect(el.label).to.equal(null);
    el.remove();
  });
});

describe('reactive base: styles or rendering that fail', () => {
  class XBadStyles extends ReactiveBase {
    static override get styles(): never {
      throw new Error('no styles today');
    }
  }
  class XBadRender extends ReactiveBase {
    static override properties = {broken: {type: Boolean}};
    broken = false;
    renders = 0;
    protected override render() {
      this.renders++;
      if (this.broken) throw new Error('cannot render this');
      return html`<p>rendered</p>`;
    }
  }
  customElements.define('x-bad-styles', XBadStyles);
  customElements.define('x-bad-render', XBadRender);

  let logged: ReturnType<typeof captureConsole>;
  const rejections: unknown[] = [];
  const onRejection = (e: PromiseRejectionEvent) => rejections.push(e.reason);
  beforeEach(() => {
    logged = captureConsole();
    rejections.length = 0;
    addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    logged.restore();
    removeEventListener('unhandledrejection', onRejection);
    document.querySelectorAll('.bad').forEach((e) => e.remove());
  });

  /** The element, with a fallback paragraph, on the page. */
  async function place<T extends HTMLElement>(markup: string): Promise<T> {
    const div = document.createElement('div');
    div.className = 'bad';
    div.innerHTML = markup;
    document.body.append(div);
    const el = div.firstElementChild as T & {updateComplete: Promise<boolean>};
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    return el;
  }
  const fallbackShown = (el: Element) => {
    const p = el.querySelector('p.fallback')!;
    return p.checkVisibility() && p.getBoundingClientRect().height > 0;
  };

  it('styles that throw: no shadow root, the fallback stays visible, one console error naming the tag and the cause', async () => {
    const el = await place<XBadStyles>('<x-bad-styles><p class="fallback">Fallback</p></x-bad-styles>');
    expect(el.shadowRoot).to.equal(null);
    expect(fallbackShown(el)).to.equal(true);
    el.remove();
    document.body.append(el); // connected again: no second message
    await new Promise((r) => setTimeout(r));
    expect(logged.errors).to.have.length(1);
    expect(logged.errors[0]).to.match(/<x-bad-styles> could not render.*no styles today/);
    expect(rejections).to.deep.equal([]);
  });

  it('a first render that throws: the fallback stays visible, one console error', async () => {
    const el = await place<XBadRender>('<x-bad-render broken><p class="fallback">Fallback</p></x-bad-render>');
    expect(fallbackShown(el)).to.equal(true);
    expect(logged.errors).to.have.length(1);
    expect(logged.errors[0]).to.match(/<x-bad-render> could not render.*cannot render this/);
    expect(rejections).to.deep.equal([]);
  });

  it('a later render that throws: the fallback comes back, one console error, no more renders', async () => {
    const el = await place<XBadRender>('<x-bad-render><p class="fallback">Fallback</p></x-bad-render>');
    expect(el.shadowRoot!.textContent).to.equal('rendered');
    expect(fallbackShown(el)).to.equal(false);
    el.broken = true;
    expect(await el.updateComplete).to.equal(false);
    expect(fallbackShown(el)).to.equal(true);
    const renders = el.renders;
    el.broken = false;
    el.broken = true;
    await el.updateComplete;
    expect(el.renders).to.equal(renders);
    expect(logged.errors).to.have.length(1);
    expect(rejections).to.deep.equal([]);
  });
});
