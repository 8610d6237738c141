/**
 * The countdown's floor (issue 23): one bare Lit element that writes one date
 * with `Intl.DateTimeFormat` (weekday, date, time, zone) in its first render,
 * the platform work the countdown cannot skip (its deadline in words). Built
 * like the real file (KP_ENTRY=bench/floor-dated.ts vite build).
 */
import {LitElement, css, html} from 'lit';

const DEADLINE = Date.parse('2030-03-31T23:59:59+02:00');

class KpFloorDated extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: inherit;
    }
  `;

  override render() {
    const words = new Intl.DateTimeFormat(document.documentElement.lang || 'de', {
      timeZone: 'Europe/Berlin',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'long',
    }).format(DEADLINE);
    return html`<p part="base">Frist: <time>${words}</time></p>`;
  }
}

customElements.define('kp-floor-dated', KpFloorDated);
