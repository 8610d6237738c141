import {html, nothing} from 'lit-html';
import type {PropertyDeclarations, PropertyValues} from '../shared/reactive.js';
import {msg, str} from '@lit/localize';
import {KpElement} from '../shared/kp-element.js';
import {baseStyles} from '../shared/styles.js';
import {differsFromVisitor, formatDeadline, readDeadline, visitorZone, type Deadline} from '../shared/deadline.js';
import {subscribe, reschedule} from '../shared/ticker.js';
import {watchVisibility} from '../shared/visibility.js';
import {download, fileName} from '../shared/text-file.js';
import {remainingInWords, splitRemaining, unitParts, UNITS} from './remaining.js';
import {calendarFile} from './ics.js';
import {KpExpiredEvent} from './events.js';
import {countdownStyles} from './countdown.styles.js';

/**
 * Time left until a deadline, in the visitor's language, and the deadline
 * itself in words, with its time zone named.
 *
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
 * @event kp-expired - Once, when the countdown reaches zero while on the page.
 */
export class KpCountdown extends KpElement {
  static override styles = [baseStyles, countdownStyles];
  static override properties: PropertyDeclarations = {
    deadline: {},
    timeZone: {attribute: 'time-zone'},
    label: {},
    now: {state: true},
    paused: {state: true},
    announcement: {state: true},
  };

  /** The deadline: ISO 8601 with offset, a local date-time, or a date (= the end of that day). */
  deadline = '';
  /** IANA zone for a deadline without offset. */
  timeZone = 'Europe/Berlin';
  /** What ends, e.g. "Interessensbekundung". */
  label = '';

  private now = Date.now();
  private paused = false;
  /** Text for the live region; set only when the deadline passes while the page is open. */
  private announcement = '';

  private parsed?: Deadline;
  /** The deadline's texts, made once per deadline and language rather than every second. */
  // Stable handlers: a new function on every render would re-add the listeners each second.
  #togglePause = () => {
    this.paused = !this.paused;
    reschedule();
  };
  #save = () => this.save();
  private texts?: {key: string; deadline: string; iso: string; local?: string};
  private visible = true;
  private wasExpired?: boolean;
  private stopTicks?: () => void;
  private stopWatching?: () => void;

  /** Milliseconds left; never negative (0 also when the deadline cannot be read). */
  get remaining(): number {
    return this.parsed ? Math.max(0, this.parsed.instant - Date.now()) : 0;
  }

  /** Whether the deadline has passed. */
  get expired(): boolean {
    return !!this.parsed && !this.remaining;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatching = watchVisibility(this, (visible) => {
      if ((this.visible = visible)) this.now = Date.now();
      reschedule();
    });
    this.startTicks();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
    this.stopWatching!();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('deadline') || changed.has('timeZone')) {
      this.parsed = readDeadline(this);
      this.wasExpired = undefined;
      this.now = Date.now();
      if (this.isConnected) this.startTicks();
    }
    const expired = this.expired;
    this.toggleAttribute('expired', expired);
    if (this.wasExpired === false && expired) {
      this.announcement = this.t(() => this.expiredText());
      this.dispatchEvent(new KpExpiredEvent());
    }
    this.wasExpired = this.parsed ? expired : undefined;
  }

  private stop() {
    this.stopTicks?.();
    this.stopTicks = undefined;
  }

  private startTicks() {
    this.stop();
    if (!this.parsed || this.expired) return;
    const self = this;
    this.stopTicks = subscribe({
      tick(now) {
        if (self.visible || now >= self.parsed!.instant) self.now = now;
        if (self.expired) self.stop();
      },
      get wantsSeconds() {
        return self.visible && !self.paused;
      },
      get wakeAt() {
        return self.parsed?.instant;
      },
    });
  }

  private expiredText(): string {
    return this.label ? msg(str`Die Frist „${this.label}“ ist abgelaufen.`) : msg('Die Frist ist abgelaufen.');
  }

  private save() {
    const {instant, zone} = this.parsed!;
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

  private deadlineTexts() {
    const {instant, zone} = this.parsed!;
    const intl = this.intl;
    const key = `${instant} ${zone} ${intl} ${this.locale}`;
    if (this.texts?.key !== key) {
      this.texts = {
        key,
        deadline: formatDeadline(instant, zone, intl),
        iso: new Date(instant).toISOString(),
        local: differsFromVisitor(instant, zone)
          ? msg(str`Bei Ihnen: ${formatDeadline(instant, visitorZone(), intl)}`)
          : undefined,
      };
    }
    return this.texts;
  }

  protected override render() {
    if (!this.parsed) return html`<slot></slot>`;
    const {instant} = this.parsed;
    const {intl, label, paused} = this;
    const texts = this.deadlineTexts();
    const expired = this.expired;
    const split = splitRemaining(instant - this.now);
    const words = remainingInWords(split, intl) ?? msg('weniger als eine Minute');
    const button = (text: string, click: () => void, pressed?: boolean) =>
      html`<button class="button secondary" part="button" aria-pressed=${pressed ?? nothing} @click=${click}>${text}</button>`;
    // No white space between tags: Lit ships template text as written.
    return html`<div part="base">${
      expired
        ? html`<p class="expired" part="expired">${this.expiredText()}</p>`
        : html`<p class="label" part="label">${label || msg('Verbleibende Zeit')}</p><p class="visually-hidden">${
            label ? msg(str`${label}: noch ${words}.`) : msg(str`Noch ${words}.`)
          }</p><ul class="digits" part="digits" aria-hidden="true">${(paused ? UNITS.slice(0, 3) : UNITS).map((unit) => {
            const {number, word} = unitParts(split[unit], unit, intl);
            return html`<li class="unit" part="unit"><span class="number" part="number">${number}</span><span class="word" part="word">${word}</span></li>`;
          })}</ul>`
    }<p part="deadline">${msg('Ende der Frist:')} <time datetime=${texts.iso}>${texts.deadline}</time></p>${
      !expired && texts.local ? html`<p part="local-time">${texts.local}</p>` : nothing
    }${
      expired
        ? nothing
        : html`<div class="actions">${button(msg('Sekunden anhalten'), this.#togglePause, paused)}${button(msg('In den Kalender eintragen (.ics)'), this.#save)}</div>`
    }<div role="status" class="visually-hidden">${this.announcement}</div></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kp-countdown': KpCountdown;
  }
}
