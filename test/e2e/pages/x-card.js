// The host's own custom element with shadow DOM, wrapping whatever is put in
// it (one of ours, in the suite). No innerHTML: the page requires Trusted Types.
class XCard extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({mode: 'open'});
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`:host{display:block;border:4px double #345;padding:8px 20px;background:#eef}
      ::slotted(*){margin:0} h3{margin:0 0 8px;font:bold 14px Verdana,sans-serif;color:#345}`);
    root.adoptedStyleSheets = [sheet];
    const title = document.createElement('h3');
    title.textContent = this.getAttribute('heading') ?? '';
    root.append(title, document.createElement('slot'));
  }
}
if (!customElements.get('x-card')) customElements.define('x-card', XCard);
