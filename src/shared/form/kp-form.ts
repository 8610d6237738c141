/**
 * The base of both forms: validate on submit (GOV.UK), error summary, then
 * `kp-submit` → the Sender → status (sending, retrying, offline, failed, sent),
 * drafts in sessionStorage (./draft-controller.ts), the honeypot,
 * `action`/`mode`/`privacy-url` checks, and the one field renderer
 * (`this.field()`, drawing with ./render.ts).
 *
 * Usage: a form adds only its fields, rules and texts:
 *
 *   class KpX extends KpForm {
 *     protected kind = 'newsletter' as const;
 *     protected validate(data: Fields) { return validateNewsletter(data); }
 *     protected fields() { return this.field({name: 'email', label: msg('E-Mail-Adresse'), type: 'email', autocomplete: 'email'}); }
 *     protected sentText(opaque: boolean) { return msg('…'); }
 *   }
 *
 * Optional overrides: `submitLabel()`, `data()` (what is checked and sent).
 * Tests and hosts reach the engine as `el.sender` (`timeout`, `backoff`, `tries`, `state`).
 *
 * Fields and the error summary are drawn by the pure renderers of ./render.ts
 * (the GOV.UK way, described there).
 */
import {html, nothing, type TemplateResult} from 'lit-html';
import type {PropertyDeclarations, PropertyValues} from '../reactive.js';
import {msg} from '@lit/localize';
import {KpElement} from '../kp-element.js';
import {baseStyles} from '../styles.js';
import type {Errors} from '../rules.js';
import {Sender} from '../submission/sender.js';
import {checkAction} from '../submission/action.js';
import type {Fields, Mode} from '../submission/encode.js';
import {httpUrl} from '../url.js';
import {errorMessage} from './messages.js';
import {formStyles} from './form.styles.js';
import {DraftController} from './draft-controller.js';
import {renderErrorSummary, renderField, type Field, type Options} from './render.js';

export type {Field} from './render.js';

const MODES = ['json', 'form', 'no-cors'];

export abstract class KpForm extends KpElement {
  static override get styles() {
    return [baseStyles, formStyles];
  }
  static override get properties(): PropertyDeclarations {
    return {
      action: {},
      mode: {},
      privacyUrl: {attribute: 'privacy-url'},
      draft: {},
      invalid: {state: true},
    };
  }

  /** Where the form is sent: `https:`, a same-origin path (`/api/submit`), or `http://localhost`. */
  action?: string = undefined;
  /** `json` (default), `form` or `no-cors`. */
  mode = 'json';
  /** Link to the site's privacy notice (required). */
  privacyUrl?: string = undefined;
  /** `off`: keep no draft in sessionStorage. */
  draft?: string = undefined;

  /** The submission engine (its `timeout`, `backoff` and `tries` may be tuned). */
  readonly sender = new Sender(this, () => this.#onSend());
  /** What the visitor entered, by field key. */
  values: Fields = {};
  /** Field key → error code (or the receiver's text). */
  protected invalid: Record<string, string> = {};
  /** Field key → the summary's line ("E-Mail-Adresse: Bitte …") of the fields this render drew (new for each update). */
  #lines: Record<string, string> = {};
  #focus = '';
  /** The draft in sessionStorage (./draft-controller.ts). */
  readonly #draftController = new DraftController(this);

  /** `_form` in the body. */
  protected abstract kind: 'newsletter' | 'interest';
  /** Error codes by field, from src/shared/rules.ts. */
  protected abstract validate(data: Fields): Errors;
  protected abstract fields(): unknown;
  /** The message once sent; `opaque`: the answer could not be read (`no-cors`). */
  protected abstract sentText(opaque: boolean): string;

  /** What is checked and sent (a form may trim, convert, or leave out hidden fields). */
  protected data(): Fields {
    return {...this.values};
  }

  protected submitLabel(): string {
    return msg('Senden');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.sender.attach(true);
    this.#draftController.hostConnected();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sender.attach(false);
    this.#draftController.hostDisconnected();
  }

  #onSend(): void {
    const {state, errors} = this.sender;
    if (errors) {
      this.invalid = errors;
      this.#focus = '.summary';
    }
    if (state === 'sent') {
      this.#draftController.drop();
      this.#focus = '[role=status]';
    } else this.#draftController.save();
    this.requestUpdate();
  }

  /** The checked action, or undefined (refused or missing). */
  #url(): string | undefined {
    return checkAction(this.action);
  }

  /** Whether the form refuses to send: a bad `action`, or none and no host took the submission. */
  #refused(): boolean {
    return (this.action !== undefined && !this.#url()) || this.sender.state === 'unavailable';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The summary lists the lines this render's fields give, none kept from an earlier render.
    this.#lines = {};
    if (this.#refused()) this.reportAttribute('action', this.action, 'must be https:, a path (/…) or http://localhost; nothing is sent');
    if (changed.has('mode') && !MODES.includes(this.mode)) this.reportAttribute('mode', this.mode, 'is json, form or no-cors; json is used');
  }

  protected override updated(): void {
    if (this.#focus) this.renderRoot.querySelector<HTMLElement>(this.#focus)?.focus();
    this.#focus = '';
  }

  /** Validates, then sends. Resolves when the send has ended; while one runs, does nothing more. */
  async submit(): Promise<void> {
    if (this.sender.busy) return;
    const values = this.data();
    this.invalid = this.validate(values);
    if (Object.keys(this.invalid).length) {
      this.#focus = '.summary';
      return;
    }
    if (this.renderRoot.querySelector<HTMLInputElement>('[name=_gotcha]')?.value) {
      // The honeypot is filled: a bot. Show success, send nothing.
      this.sender.state = 'sent';
      return this.#onSend();
    }
    const hidden = [...this.querySelectorAll<HTMLInputElement>('input[type=hidden][name]')].map((i) => [i.name, i.value]);
    const mode = (MODES.includes(this.mode) ? this.mode : 'json') as Mode;
    await this.sender.send({...Object.fromEntries(hidden), ...values, _form: this.kind, _locale: this.locale}, this.#url(), mode);
  }

  // Handlers are methods (lit-html calls them on the element): the same function on every render.
  #onSubmit(e: Event): void {
    e.preventDefault();
    this.submit();
  }

  /** A link of the error summary focuses its field. */
  #jump(e: Event): void {
    e.preventDefault();
    this.renderRoot.getElementById((e.target as Element).getAttribute('href')?.slice(1) ?? '')?.focus();
  }

  #onInput(e: Event): void {
    const {name, type, value, checked} = e.target as HTMLInputElement;
    if (!name || name === '_gotcha') return;
    const old = this.values[name];
    this.values[name] =
      type !== 'checkbox'
        ? value
        : value === 'true'
          ? checked
          : [...[old ?? []].flat().filter((v) => v !== value), ...(checked ? [value] : [])];
    this.#draftController.saveSoon();
    this.requestUpdate();
  }

  /** A link to `privacy-url`, or '' (and a console error) when it is missing or not http(s). */
  protected privacyLink(): TemplateResult | '' {
    const url = this.privacyUrl;
    if (url && httpUrl(url)) return html`<a href=${url}>${msg('Datenschutzerklärung')}</a>`;
    this.reportAttribute('privacy-url', url, 'required: link to the privacy notice');
    return '';
  }

  /** A select's options, per field: the list they show and the fragment lit was given. */
  #lists: Record<string, [Options, DocumentFragment, Node | null]> = {};

  /**
   * A select's `<option>`s as DOM nodes, made once per list (the country lists
   * have 249 entries; as a lit template per option they were the form's
   * slowest part to render, and every keystroke compared them again). Lit
   * inserts the fragment once and skips it while it is the same object; the
   * select's `.value` binding follows later changes of the value. A select
   * that left the form (a hidden field) takes its options with it, so a new
   * one gets new nodes.
   */
  #optionNodes = (name: string, options: Options, value: string): DocumentFragment => {
    const [list, nodes, first] = this.#lists[name] ?? [];
    const same = list?.length === options.length && list.every(([v, t], i) => v === options[i][0] && t === options[i][1]);
    if (nodes && same && (first?.parentNode === nodes || first?.isConnected)) return nodes;
    const fresh = document.createDocumentFragment();
    for (const [v, t] of options) fresh.append(new Option(t, v, v === value, v === value));
    this.#lists[name] = [options, fresh, fresh.firstChild];
    return fresh;
  };

  /** One field: label, hint, error and its control(s) (./render.ts). */
  protected field(f: Field): TemplateResult {
    const {name} = f;
    const [template, line] = renderField(f, this.values[name], this.invalid[name], this.#optionNodes);
    if (line) this.#lines[name] = line;
    return template;
  }

  protected override render() {
    const {state, busy, opaque} = this.sender;
    if (this.#refused()) {
      return html`<p class="error" part="status">${msg('Das Formular kann gerade nicht gesendet werden. Bitte wenden Sie sich an die Betreiber der Website.')}</p><slot></slot>`;
    }
    const status = {
      sending: msg('Wird gesendet …'),
      retrying: msg('Das hat nicht geklappt. Wir versuchen es gleich erneut.'),
      offline: msg('Sie sind offline. Wir senden, sobald die Verbindung wieder steht.'),
      failed: msg('Das Senden ist fehlgeschlagen. Ihre Angaben bleiben erhalten.'),
      sent: this.sentText(opaque),
    }[state as string];
    const region = html`<div role="status" part="status" class="status ${state}" tabindex="-1">${status}</div>`;
    if (state === 'sent') return region;
    const body = this.fields();
    const lines = Object.entries(this.invalid).map(([name, code]) => [name, this.#lines[name] ?? errorMessage(code)] as const);
    return html`<form novalidate part="form" @submit=${this.#onSubmit} @input=${this.#onInput}>${renderErrorSummary(lines, this.#jump)}<label class="visually-hidden" aria-hidden="true">Leave empty<input name="_gotcha" tabindex="-1" autocomplete="off"></label>${body}<button class="button" part="button" aria-disabled=${busy ? 'true' : nothing}>${state === 'failed' ? msg('Erneut senden') : this.submitLabel()}</button></form>${region}`;
  }
}
