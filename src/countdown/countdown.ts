import {html, nothing} from 'lit-html';
import type {PropertyDeclarations, PropertyValues} from '../shared/reactive.js';
import {msg, str} from '@lit/localize';
import {KpElement} from '../shared/kp-element.js';
import {baseStyles} from '../shared/styles.js';
import {differsFromVisitor, formatDeadline, readDeadline, type Deadline} from '../shared/deadline.js';
import {subscribe, reschedule} from '../shared/ticker.js';
import {watchVisibility} from '../shared/visibility.js';
import {download, fileName} from '../shared/text-file.js';
import {remainingInWords, splitRemaining, unitText, wordsIn, type Words} from './remaining.js';
import {calendarFile} from './ics.js';
import {KpExpiredEvent} from './events.js';
import {countdownStyles} from './countdown.styles.js';

/**
 * Time left until a deadline, in the visitor's language, and the deadline
 * itself in words, with its time zone named.
 *
 * @tag kp-countdown
 * @summary Countdown to a deadline (default zone Europe/Berlin).
 *
 * @slot - Fallback content, shown until the element has upgraded and whenever
 *   `deadline` or `time-zone` cannot be read.
 *
 * @csspart base - The whole countdown.
 * @csspart label - What ends (the `label`).
 * @csspart digits - The row of days, hours, minutes, seconds.
 * @csspart unit - One box of the row.
 * @csspart number - The number in a box.
 * @csspart word - The word under a number ("Tage").
 * @csspart deadline - The deadline in words.
 * @csspart local-time - The deadline in the visitor's own zone, where that differs.
 * @csspart expired - The message shown once the deadline has passed.
 * @csspart button - Both buttons (pause seconds, calendar file).
 *
 * @cssproperty --kp-color-accent - Box background and link colour.
 * @cssproperty --kp-countdown-unit-background - Box background (default: accent).
 * @cssproperty --kp-countdown-unit-color - Box text colour.
 * @cssproperty --kp-countdown-number-size - Size of the numbers (default 2em).
 * @cssproperty --kp-countdown-unit-width - Width of each box (default 5.5em; fixed, so nothing shifts).
 *
 * @event kp-expired - Once, when the countdown reaches zero while on the page, after its expiry message shows.
 */
export class KpCountdown extends KpElement {
  static override get styles() {
    return [baseStyles, countdownStyles];
  }
  static override get properties(): PropertyDeclarations {
    return {
      deadline: {},
      timeZone: {attribute: 'time-zone'},
      label: {},
      paused: {state: true},
      announcement: {state: true},
    };
  }

  /** The deadline: ISO 8601 with offset, a local date-time, or a date (= the end of that day). */
  deadline = '';
  /** IANA zone for a deadline without offset. */
  timeZone = 'Europe/Berlin';
  /** What ends, e.g. "Interessensbekundung". */
  label = '';

  /**
   * The time the digits show. Not a reactive property: most seconds only the
   * seconds' number (and perhaps its word) change, and the clock writes just
   * those two text nodes; an update (lit-html, the sentence for screen
   * readers) comes only when the whole minutes left change.
   */
  #now = Date.now();
  /** Whole minutes left at the last update (-1: none shown). */
  #minutes = -1;
  /** Number and word of each unit: text nodes the template places once and the clock rewrites. */
  #texts = Array.from({length: 8}, () => new Text());
  #words?: Words;
  /** Whether the visitor's clock differs from the deadline's zone (read once per deadline). */
  #local?: boolean;
  private paused = false;
  /** Text for the live region; set only when the deadline passes while the page is open. */
  private announcement = '';

  #parsed?: Deadline;
  /** Days, hours, minutes and seconds left at `#now`, for the sentence (set in willUpdate). */
  #split: number[] = [];
  #visible = true;
  #wasExpired?: boolean;
  /** The deadline passed in this update: `kp-expired` follows once the message is on the page. */
  #justExpired = false;
  #stopTicks?: () => void;
  #stopWatching?: () => void;

  /** Milliseconds left; never negative (0 also when the deadline cannot be read). */
  get remaining(): number {
    return this.#parsed ? Math.max(0, this.#parsed.instant - Date.now()) : 0;
  }

  /** Whether the deadline has passed. */
  get expired(): boolean {
    return !!this.#parsed && !this.remaining;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopWatching = watchVisibility(this, (visible) => {
      if ((this.#visible = visible) && this.#parsed) this.#at(Date.now());
      reschedule();
    });
    this.#startTicks();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
    this.#stopWatching!();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('deadline') || changed.has('timeZone')) {
      const parsed = (this.#parsed = readDeadline(this, this.deadline, this.timeZone));
      this.#local = parsed && differsFromVisitor(parsed.instant, parsed.zone);
      this.#wasExpired = undefined;
      this.#now = Date.now();
      if (this.isConnected) this.#startTicks();
    }
    const expired = this.expired;
    this.toggleAttribute('expired', expired);
    this.#justExpired = this.#wasExpired === false && expired;
    if (this.#justExpired) this.announcement = this.t(() => this.#expiredText());
    this.#wasExpired = this.#parsed ? expired : undefined;
    if (this.#parsed && !expired) {
      // The clock's text nodes and what #at compares with; render only reads them.
      const left = this.#parsed.instant - this.#now;
      this.#split = splitRemaining(left);
      this.#words = wordsIn(this.intl);
      this.#split.forEach((value, unit) => this.#show(unit, value));
      this.#minutes = Math.floor(left / 60_000);
    }
  }

  /** `kp-expired` after the update that shows the expiry, so a listener finds the message on the page. */
  protected override updated(): void {
    if (!this.#justExpired) return;
    this.#justExpired = false;
    this.dispatchEvent(new KpExpiredEvent());
  }

  #stop() {
    this.#stopTicks?.();
    this.#stopTicks = undefined;
  }

  #startTicks() {
    this.#stop();
    if (!this.#parsed || this.expired) return;
    // The subscriber's getters run with `this` bound to the subscriber, so they reach the element by a name.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    this.#stopTicks = subscribe({
      tick(now) {
        const end = now >= self.#parsed!.instant;
        if (self.#visible || end) self.#at(now);
        if (end) self.#stop();
      },
      get wantsSeconds() {
        return self.#visible && !self.paused;
      },
      get wakeAt() {
        return self.#parsed?.instant;
      },
    });
  }

  /** Shows the time left at `now`: the seconds at once, anything more through an update. */
  #at(now: number) {
    this.#now = now;
    const left = this.#parsed!.instant - now;
    if (left > 0 && Math.floor(left / 60_000) === this.#minutes) this.#show(3, Math.floor(left / 1000) % 60);
    else this.requestUpdate();
  }

  /** Writes the number and word of `unit` where they changed. */
  #show(unit: number, value: number) {
    const texts = unitText(this.#words!, unit, value);
    for (let i = 0; i < 2; i++) {
      const node = this.#texts[2 * unit + i];
      if (node.data !== texts[i]) node.data = texts[i];
    }
  }

  #expiredText(): string {
    return this.label ? msg(str`Die Frist „${this.label}“ ist abgelaufen.`) : msg('Die Frist ist abgelaufen.');
  }

  // Handlers are methods (lit-html calls them on the element): the same function on every render.
  #togglePause() {
    this.paused = !this.paused;
    this.#now = Date.now();
    reschedule();
  }

  /** Downloads the deadline as a calendar file (.ics). */
  #downloadIcs() {
    const {instant, zone} = this.#parsed!;
    const label = this.label;
    const text = this.t(() =>
      calendarFile({
        instant,
        summary: label ? msg(str`Frist: ${label}`) : msg('Frist'),
        description: formatDeadline(instant, zone, this.intl),
        url: location.href,
        uidSeed: label,
      }),
    );
    download(text, fileName(label, 'ics', 'frist'), 'text/calendar', this);
  }

  protected override render() {
    if (!this.#parsed) return html`<slot></slot>`;
    const {instant, zone} = this.#parsed;
    const {intl, label, paused} = this;
    const expired = this.expired;
    let sentence = '';
    if (!expired) {
      const words = remainingInWords(this.#split, this.#words!) ?? msg('weniger als eine Minute');
      sentence = label ? msg(str`${label}: noch ${words}.`) : msg(str`Noch ${words}.`);
    }
    const button = (text: string, click: () => void, pressed?: boolean) =>
      html`<button class="button secondary" part="button" aria-pressed=${pressed ?? nothing} @click=${click}>${text}</button>`;
    // The text nodes stay the same from update to update, so lit-html leaves them alone.
    // Boxes in pairs (days and hours, minutes and seconds): the row breaks
    // between the pairs, 2 × 2, never three and one.
    const unit = (i: number) =>
      html`<span class="unit" part="unit"><span class="number" part="number">${this.#texts[2 * i]}</span><span class="word" part="word">${this.#texts[2 * i + 1]}</span></span>`;
    // No white space between tags: Lit ships template text as written.
    return html`<div part="base">${
      expired
        ? html`<p class="expired" part="expired">${this.#expiredText()}</p>`
        : html`<p class="label" part="label">${label || msg('Verbleibende Zeit')}</p><p class="visually-hidden">${sentence}</p><ul class="digits" part="digits" aria-hidden="true"><li>${unit(0)}${unit(1)}</li><li>${unit(2)}${
            paused ? nothing : unit(3)
          }</li></ul>`
    }<p part="deadline">${msg('Ende der Frist:')} <time datetime=${new Date(instant).toISOString()}>${formatDeadline(instant, zone, intl)}</time></p>${
      // The visitor's own time (zone undefined) where it differs; formatDeadline keeps what it wrote.
      !expired && this.#local
        ? html`<p part="local-time">${msg(str`Bei Ihnen: ${formatDeadline(instant, undefined, intl)}`)}</p>`
        : nothing
    }${
      expired
        ? nothing
        : html`<div class="actions">${button(msg('Sekunden anhalten'), this.#togglePause, paused)}${button(msg('In den Kalender eintragen (.ics)'), this.#downloadIcs)}</div>`
    }<div role="status" class="visually-hidden">${this.announcement}</div></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kp-countdown': KpCountdown;
  }
}
