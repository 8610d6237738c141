/**
 * The countdown's floor (issue 23): one bare Lit element that writes one date
 * with `Intl.DateTimeFormat` (weekday, date, time, zone) in its first render,
 * the platform work the countdown cannot skip (its deadline in words). Built
 * like the real file (KP_ENTRY=bench/floor-dated.ts vite build).
 */
import {LitElement, css, html} from 'lit';
import {deadlineWords} from './floor-words.js';

class KpFloorDated extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: inherit;
    }
  `;

  override render() {
    const words = deadlineWords();
    return html`<p part="base">Frist: <time>${words}</time></p>`;
  }
}

customElements.define('kp-floor-dated', KpFloorDated);
