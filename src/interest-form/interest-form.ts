import {html, nothing} from 'lit-html';
import type {PropertyValues} from '../shared/reactive.js';
import {msg, str} from '@lit/localize';
import {KpForm} from '../shared/form/kp-form.js';
import type {Field} from '../shared/form/kp-form.js';
import type {Fields} from '../shared/submission/encode.js';
import {MAX_MOTIVATION, textLength, validateInterest, type Errors} from '../shared/rules.js';
import {DE_STATES} from '../shared/regions.js';
import {formatDeadline, readDeadline, type Deadline} from '../shared/deadline.js';
import {subscribe} from '../shared/ticker.js';
import {toE164} from '../shared/phone.js';
import {plural} from '../shared/plural.js';
import {download, fileName} from '../shared/text-file.js';
import {countryChoices} from './options.js';
import {choices, KEYS, labels, OPTIONAL, shown, summary} from './fields.js';
import {interestStyles} from './interest-form.styles.js';

/** The print button's handler: one function for every render (print() needs window as `this`). */
const printPage = () => print();
/** Controls that cannot be read-only: once closed they are disabled (text fields stay read-only, so copyable). */
const CHOICES = new Set(['checkbox', 'radio', 'select-one', 'select-multiple']);

/**
 * The non-binding expression of interest of a municipality: the municipality,
 * a contact person, the state of a partnership, working languages, motivation
 * and the information workshop. Validated the GOV.UK way and sent with the
 * shared engine (retries, offline wait, draft in sessionStorage); closes at
 * `deadline`, keeping what the visitor typed readable, printable and savable.
 *
 * @tag kp-interest-form
 * @summary Expression of interest for the programme, open until a deadline.
 *
 * @slot - Fallback content: shown until the element has upgraded, and instead of
 *   the form when `action` is refused (say how else to apply). Hidden
 *   `<input type="hidden" name value>` children are sent along.
 *
 * @csspart form - The form.
 * @csspart group - A fieldset (municipality, contact person, partnership).
 * @csspart legend - A fieldset's legend.
 * @csspart field - One field (label, hint, error, control).
 * @csspart label - A field's label (or a checkbox's text).
 * @csspart hint - A field's hint (the motivation's characters left).
 * @csspart error - A field's error message.
 * @csspart error-summary - The box listing all errors, at the top.
 * @csspart deadline - Until when the form is open, or when it closed.
 * @csspart closed - The message that the deadline has passed.
 * @csspart button - The submit, print and save buttons.
 * @csspart status - Progress, failure and success messages.
 * @csspart summary - The list of what was sent (or typed, once closed).
 *
 * @cssproperty --kp-color-accent - Buttons and links.
 * @cssproperty --kp-color-error - Errors.
 * @cssproperty --kp-color-focus - Focus ring.
 * @cssproperty --kp-form-width - Maximum width of the form (default 40rem).
 *
 * @event kp-submit - Before sending; cancelable, `detail: {data, respondWith(promise)}`.
 * @event kp-success - Sent; `detail: {data, response}`.
 * @event kp-error - Failed for good or refused by the receiver; `detail: {error, data}`.
 */
export class KpInterestForm extends KpForm {
  static override get styles() {
    return [...KpForm.styles, interestStyles];
  }
  static override get properties() {
    return {
      deadline: {},
      timeZone: {attribute: 'time-zone'},
      consentRequired: {type: Boolean, attribute: 'consent-required'},
      closed: {state: true},
      said: {state: true},
    };
  }

  /** After this instant the form accepts nothing (ISO 8601; a date means the end of that day). None: always open. */
  deadline?: string = undefined;
  /** IANA zone for a `deadline` without offset. */
  timeZone = 'Europe/Berlin';
  /** Adds a consent box the visitor must tick. */
  consentRequired = false;

  /** Whether the deadline has passed (also the attribute `closed`). */
  closed = false;
  /** The polite live region: the motivation's characters left (after a pause), or the closing (once). */
  protected said = '';
  /** What was sent, for the success view. */
  #sent?: Fields;
  #deadline?: Deadline;
  #stop?: () => void;
  #pause?: ReturnType<typeof setTimeout>;
  /** Whether the selects list every country: from the visitor's first focus or press in the form on. */
  #all?: boolean;

  protected kind = 'interest' as const;

  constructor() {
    super();
    this.addEventListener('kp-success', (e) => (this.#sent = this.#typed(e.detail.data)));
    // Before a select opens (a press, Tab, or a field focused for the browser's
    // autofill), the lists are filled; the update runs before the default action.
    const all = () => this.#all || ((this.#all = true), this.requestUpdate());
    this.addEventListener('focusin', all);
    this.addEventListener('pointerdown', all);
    // The receiver closed the call (422 {errors: {_form: 'closed'}}): as at the deadline.
    this.addEventListener('kp-error', (e) => (e.detail.error as {errors?: Record<string, string>})?.errors?._form === 'closed' && this.#close());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.values.country ??= 'DE';
    this.#watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
    clearTimeout(this.#pause);
  }

  /** The fields as checked and sent: shown ones only, trimmed, blanks left out, phone as E.164, population as a number. */
  protected override data(): Fields {
    const v = this.values;
    const out: Fields = {workshop: false};
    for (const key of [...KEYS, 'consent']) {
      let x = v[key];
      if (typeof x === 'string') x = x.trim();
      if (x === null || x === undefined || x === '' || !shown(key, v)) continue;
      if (key === 'phone') x = toE164(x as string, v.country as string) ?? x;
      const digits = String(x).replace(/[\s.,'’]/g, '');
      if (key === 'population' && /^\d+$/.test(digits)) x = +digits;
      out[key] = x;
    }
    return out;
  }

  /**
   * `data` (as sent: phone in E.164) for the summary: the phone as the visitor
   * wrote it, which the summary shows per DIN 5008 with the writer's area-code gap.
   */
  #typed(data: Fields): Fields {
    return data.phone ? {...data, phone: this.values.phone} : data;
  }

  protected validate(data: Fields): Errors {
    const errors = validateInterest(data);
    if (this.consentRequired && data.consent !== true) errors.consent = 'consent';
    return errors;
  }

  override submit(): Promise<void> {
    return this.closed ? Promise.resolve() : super.submit();
  }

  protected sentText(): string {
    return msg('Vielen Dank! Ihre Interessensbekundung ist eingegangen.');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('deadline') || changed.has('timeZone')) {
      this.#deadline = this.deadline ? readDeadline(this, this.deadline, this.timeZone) : undefined;
      this.closed = !!this.#deadline && Date.now() >= this.#deadline.instant;
      this.#watch();
    }
    this.toggleAttribute('closed', this.closed);
  }

  protected override updated(changed?: PropertyValues<this>): void {
    super.updated();
    // Once closed, what was typed stays readable and copyable: text fields read-only,
    // choices (checkbox, radio, select-one) disabled. While open, nothing to do on each keystroke.
    if (!this.closed && !changed?.has('closed')) return;
    for (const c of this.renderRoot.querySelectorAll<HTMLInputElement>('form input,form select,form textarea')) {
      c[CHOICES.has(c.type) ? 'disabled' : 'readOnly'] = this.closed;
    }
  }

  /** Wakes up at the deadline (the shared ticker, minutes only). */
  #watch() {
    this.#stop?.();
    this.#stop = undefined;
    const instant = this.#deadline?.instant;
    if (instant === undefined || this.closed || !this.isConnected) return;
    this.#stop = subscribe({
      wantsSeconds: false,
      wakeAt: instant,
      tick: (now) => {
        if (now < instant) return;
        this.#stop?.();
        this.#close();
      },
    });
  }

  /** Closes the form and tells the visitor once. */
  #close() {
    this.closed = true;
    this.said = this.t(() => `${msg('Die Frist ist abgelaufen.')} ${msg('Sie können Ihre Eingaben drucken oder speichern.')}`);
  }

  /** "Ende der Frist: …", or nothing without a deadline. */
  #line() {
    const d = this.#deadline;
    return d
      ? html`<p part="deadline">${msg('Ende der Frist:')} <time datetime=${new Date(d.instant).toISOString()}>${formatDeadline(d.instant, d.zone, this.intl)}</time></p>`
      : nothing;
  }

  /** "Referenz: 1A2B3C4D": the start of the submission id. */
  #reference(data: Fields) {
    return msg(str`Referenz: ${String(data._submissionId).slice(0, 8).toUpperCase()}`);
  }

  /** What the print and save buttons keep, and its heading: what was sent, or once closed what was typed. */
  #kept(): [Fields, string] {
    const data = this.#sent;
    if (this.sender.state === 'sent' && data) return [data, `${this.sentText()} ${this.#reference(data)}`];
    return [this.#typed(this.data()), msg('Die Frist ist abgelaufen.')];
  }

  /** The print and save (.txt) buttons. */
  #actions() {
    return html`<div class="actions"><button type="button" class="button secondary" part="button" @click=${printPage}>${msg('Drucken')}</button><button type="button" class="button secondary" part="button" @click=${this.#downloadText}>${msg('Speichern (.txt)')}</button></div>`;
  }

  /** Downloads what the buttons keep (#kept) as a .txt file. */
  #downloadText() {
    const [text, head] = this.t(() => {
      const [data, head] = this.#kept();
      return [[head, '', ...summary(data, this.intl).map(([k, v]) => `${k}: ${v}`), ''].join('\n'), head];
    });
    download(
      text,
      fileName(head, 'txt', 'interesse'),
      'text/plain',
      this,
    );
  }

  /** The motivation's characters left reach the live region after a pause in typing. */
  #onMotivationInput() {
    clearTimeout(this.#pause);
    this.#pause = setTimeout(() => (this.said = this.t(() => this.#count())), 1000);
  }

  /** "Noch 1.234 Zeichen" or "12 Zeichen zu viel". */
  #count() {
    const n = MAX_MOTIVATION - textLength(String(this.values.motivation ?? ''));
    return plural(n < 0 ? msg('other:# Zeichen zu viel') : msg('other:Noch # Zeichen'), Math.abs(n), this.intl);
  }

  protected override render() {
    const data = this.#sent;
    const closed = html`<p class="closed" part="closed">${msg('Die Frist ist abgelaufen.')}</p>`;
    if (this.sender.state === 'sent' && data) {
      return html`<div role="status" part="status" class="status sent" tabindex="-1"><p><strong>${this.sentText()}</strong></p><p>${this.#reference(data)}</p></div><dl part="summary">${summary(data, this.intl).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>${this.#actions()}`;
    }
    // Closed before anything was typed (the default country aside): only the notice.
    const typed = Object.entries(this.values).some(([k, v]) => k !== 'country' && String(v) !== '' && v !== false);
    return this.closed && !typed && !this.sender.busy ? html`${closed}${this.#line()}` : super.render();
  }

  protected fields() {
    const v = this.values;
    const locale = this.intl;
    const label = labels();
    const list = choices(locale);
    const f = (name: (typeof KEYS)[number], more: Partial<Field> = {}) =>
      shown(name, v) ? this.field({name, label: label[name], optional: OPTIONAL.includes(name), options: list[name], ...more}) : nothing;
    const group = (legend: string, content: unknown) =>
      html`<fieldset class="group" part="group"><legend part="legend">${legend}</legend>${content}</fieldset>`;
    const pick = [['', msg('Bitte wählen')] as const];
    const over = textLength(String(v.motivation ?? '')) > MAX_MOTIVATION;
    return html`${this.closed ? html`<p class="closed" part="closed">${msg('Die Frist ist abgelaufen.')}</p>` : nothing}${this.#line()}
      ${group(
        msg('Kommune'),
        html`${f('municipality', {autocomplete: 'organization'})}
        ${f('municipalityType', {type: 'radios'})}
        ${f('country', {type: 'select', autocomplete: 'country', options: countryChoices(locale, v.country, this.#all)})}
        ${f('state', {type: 'select', autocomplete: 'address-level1', options: [...pick, ...Object.entries(DE_STATES)]})}
        ${f('population', {inputmode: 'numeric'})}`,
      )}
      ${group(
        msg('Ansprechperson'),
        html`${f('contactName', {autocomplete: 'name'})}
        ${f('department', {autocomplete: 'organization-title'})}
        ${f('email', {type: 'email', autocomplete: 'email'})}
        ${f('phone', {type: 'tel', autocomplete: 'tel'})}`,
      )}
      ${group(
        msg('Partnerschaft'),
        html`${f('partnership', {type: 'radios'})} ${f('partnerMunicipality')}
        ${f('partnerCountry', {type: 'select', options: [...pick, ...countryChoices(locale, v.partnerCountry, this.#all).filter((c) => c[0] !== 'DE')]})}
        ${f('preferredRegion', {type: 'radios'})}`,
      )}
      ${f('languages', {type: 'checkboxes'})}
      <div @input=${this.#onMotivationInput}>
        ${f('motivation', {type: 'textarea', hint: html`<span class=${over ? 'error' : ''}>${this.#count()}</span>`})}
      </div>
      <p class="visually-hidden" aria-live="polite">${this.said}</p>
      ${f('workshop', {type: 'checkbox'})}
      ${this.consentRequired
        ? this.field({name: 'consent', type: 'checkbox', label: msg('Ich bin mit der Verarbeitung meiner Angaben einverstanden.')})
        : nothing}
      <p>${msg('Wie wir Ihre Angaben verwenden:')} ${this.privacyLink()}</p>
      ${this.closed ? this.#actions() : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kp-interest-form': KpInterestForm;
  }
}
