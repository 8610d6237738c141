/**
 * The floor of the 50 countdowns (issue 23): a minimal Lit countdown, one
 * `setInterval` each, rendering `Xd HHh MMm SSs` every second. No visibility
 * handling, no words, no screen-reader text.
 */
import {LitElement, html} from 'lit';

const two = (n: number) => String(n).padStart(2, '0');

class KpFloorCountdown extends LitElement {
  static override properties = {deadline: {}, now: {state: true}};
  declare deadline: string;
  declare now: number;
  #timer?: ReturnType<typeof setInterval>;

  constructor() {
    super();
    this.now = Date.now();
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#timer = setInterval(() => (this.now = Date.now()), 1000);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  override render() {
    const s = Math.max(0, Math.floor((Date.parse(this.deadline) - this.now) / 1000));
    return html`<p>${Math.floor(s / 86400)}d ${two(Math.floor(s / 3600) % 24)}h ${two(Math.floor(s / 60) % 60)}m ${two(s % 60)}s</p>`;
  }
}

customElements.define('kp-floor-countdown', KpFloorCountdown);
