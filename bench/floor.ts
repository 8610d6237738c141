/**
 * The size floor: one trivial Lit element, bundled exactly like the real file
 * (KP_ENTRY=bench/floor.ts vite build). Whatever a widget costs beyond this is
 * the widget's own code, @lit/localize and the locales.
 */
import {LitElement, css, html} from 'lit';

class KpFloor extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: inherit;
    }
  `;
  static override properties = {name: {}};
  declare name: string;

  constructor() {
    super();
    this.name = 'Welt';
  }

  override render() {
    return html`<p part="base">Hallo ${this.name}</p>`;
  }
}

customElements.define('kp-floor', KpFloor);
