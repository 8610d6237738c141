/**
 * The base of both forms: validate on submit (GOV.UK), error summary, then
 * `kp-submit` → the Sender → status (sending, retrying, offline, failed, sent),
 * drafts in sessionStorage, the honeypot, `action`/`mode`/`privacy-url` checks.
 *
 * Usage: a form adds only its fields, rules and texts:
 *
 *   class KpX extends KpForm {
 *     protected kind = 'newsletter' as const;
 *     protected validate(data: Fields) { return validateNewsletter(data); }
 *     protected fields() { return html`${field(this, {name: 'email', label: msg('E-Mail-Adresse'), type: 'email', autocomplete: 'email'})}`; }
 *     protected sentText(opaque: boolean) { return msg('…'); }
 *   }
 *
 * Optional overrides: `submitLabel()`, `message(name, code)` (field-specific texts).
 * Tests and hosts reach the engine as `el.sender` (`timeout`, `backoff`, `tries`, `state`).
 */
import {html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult} from 'lit';
import {msg} from '@lit/localize';
import {KpElement} from '../kp-element.js';
import {baseStyles} from '../styles.js';
import type {Errors} from '../rules.js';
import {Sender} from '../submission/sender.js';
import {checkAction} from '../submission/action.js';
import type {Fields, Mode} from '../submission/encode.js';
import {draftKey, dropDraft, loadDraft, saveDraft} from '../submission/draft.js';
import {errorMessage} from './messages.js';
import type {FieldHost} from './fields.js';
import {formStyles} from './form.styles.js';

const MODES = ['json', 'form', 'no-cors'];

export abstract class KpForm extends KpElement implements FieldHost {
  static override styles = [baseStyles, formStyles];
  static override properties: PropertyDeclarations = {
    action: {},
    mode: {},
    privacyUrl: {attribute: 'privacy-url'},
    draft: {},
    invalid: {state: true},
  };

  /** Where the form is sent: `https:`, a same-origin path (`/api/submit`), or `http://localhost`. */
  declare action?: string | null;
  /** `json` (default), `form` or `no-cors`. */
  mode = 'json';
  /** Link to the site's privacy notice (required). */
  declare privacyUrl?: string | null;
  /** `off`: keep no draft in sessionStorage. */
  declare draft?: string | null;

  /** The submission engine (its `timeout`, `backoff` and `tries` may be tuned). */
  readonly sender = new Sender(this, () => this.onSend());
  /** What the visitor entered, by field key. */
  values: Fields = {};
  labels: Record<string, string> = {};
  /** Field key → error code (or the receiver's text). */
  protected invalid: Record<string, string> = {};
  private focusNext = '';
  private timer?: ReturnType<typeof setTimeout>;
  private key = '';

  /** `_form` in the body. */
  protected abstract kind: 'newsletter' | 'interest';
  /** Error codes by field, from src/shared/rules.ts. */
  protected abstract validate(data: Fields): Errors;
  protected abstract fields(): unknown;
  /** The message once sent; `opaque`: the answer could not be read (`no-cors`). */
  protected abstract sentText(opaque: boolean): string;

  protected submitLabel(): string {
    return msg('Senden');
  }

  /** The text for `code` at `name`; override for field-specific texts. */
  protected message(_name: string, code: string): string {
    return errorMessage(code);
  }

  errorAt(name: string): string | undefined {
    const code = this.invalid[name];
    return code && this.message(name, code);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const draft = this.draft != 'off' && loadDraft((this.key = draftKey(this)));
    if (draft) {
      const {_submissionId, ...values} = draft;
      this.values = values;
      this.sender.id ??= _submissionId as string | undefined;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) this.save();
  }

  private save(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.draft != 'off') saveDraft(this.key, {...this.values, _submissionId: this.sender.id});
  }

  private onSend(): void {
    const {state, errors} = this.sender;
    if (errors) {
      this.invalid = errors;
      this.focusNext = '.summary';
    }
    if (state == 'sent') {
      clearTimeout(this.timer);
      dropDraft(this.key);
      this.focusNext = '[role=status]';
    } else this.save();
    this.requestUpdate();
  }

  private get url(): string | undefined {
    return checkAction(this.action);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((this.action != null && !this.url) || this.sender.state == 'unavailable') {
      this.reportAttribute('action', 'must be https:, a path (/…) or http://localhost; nothing is sent');
    }
    if (changed.has('mode') && !MODES.includes(this.mode)) this.reportAttribute('mode', 'is json, form or no-cors; json is used');
  }

  protected override updated(): void {
    if (this.focusNext) this.renderRoot.querySelector<HTMLElement>(this.focusNext)?.focus();
    this.focusNext = '';
  }

  /** Validates, then sends. Resolves when the send has ended; while one runs, does nothing more. */
  async submit(): Promise<void> {
    if (this.sender.busy) return;
    const values = {...this.values};
    this.invalid = this.validate(values);
    if (Object.keys(this.invalid).length) {
      this.focusNext = '.summary';
      return;
    }
    if (this.renderRoot.querySelector<HTMLInputElement>('#f-_gotcha')?.value) {
      // The honeypot is filled: a bot. Show success, send nothing.
      this.sender.state = 'sent';
      return this.onSend();
    }
    const hidden = [...this.querySelectorAll<HTMLInputElement>('input[type=hidden][name]')].map((i) => [i.name, i.value]);
    const mode = (MODES.includes(this.mode) ? this.mode : 'json') as Mode;
    await this.sender.send({...Object.fromEntries(hidden), ...values, _form: this.kind, _locale: this.locale}, this.url, mode);
  }

  private onInput(e: Event): void {
    const {name, type, value, checked} = e.target as HTMLInputElement;
    if (!name || name == '_gotcha') return;
    const old = this.values[name];
    this.values[name] =
      type != 'checkbox'
        ? value
        : value == 'true'
          ? checked
          : [...[old ?? []].flat().filter((v) => v != value), ...(checked ? [value] : [])];
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), 250);
    this.requestUpdate();
  }

  /** A link to `privacy-url`, or '' (and a console error) when it is missing or not http(s). */
  protected privacyLink(text: string): TemplateResult | '' {
    const url = this.privacyUrl;
    try {
      if (url && /^https?:$/.test(new URL(url, location.href).protocol)) return html`<a href=${url}>${text}</a>`;
    } catch {
      /* reported below */
    }
    this.reportAttribute('privacy-url', 'required: link to the privacy notice');
    return '';
  }

  protected override render() {
    const {state, busy, opaque} = this.sender;
    if ((this.action != null && !this.url) || state == 'unavailable') {
      return html`<p class="error" part="status">${msg('Das Formular kann gerade nicht gesendet werden.')}</p><slot><p>${msg('Bitte wenden Sie sich an die Betreiber dieser Website.')}</p></slot>`;
    }
    const status = {
      sending: msg('Wird gesendet …'),
      retrying: msg('Das Senden hat nicht geklappt. Wir versuchen es gleich noch einmal.'),
      offline: msg('Sie sind offline. Wir senden, sobald die Verbindung wieder steht.'),
      failed: msg('Das Senden ist fehlgeschlagen. Ihre Angaben bleiben erhalten.'),
      sent: this.sentText(opaque),
    }[state as string];
    const region = html`<div role="status" part="status" class="status ${state}" tabindex="-1">${status}</div>`;
    if (state == 'sent') return region;
    const body = this.fields();
    const errors = Object.keys(this.invalid);
    const jump = (e: Event) => {
      e.preventDefault();
      (this.renderRoot as ShadowRoot).getElementById((e.target as HTMLAnchorElement).dataset.f!)?.focus();
    };
    return html`<form novalidate part="form" @submit=${(e: Event) => (e.preventDefault(), this.submit())} @input=${this.onInput}>${errors.length
        ? html`<div class="summary" part="error-summary" role="alert" tabindex="-1"><h2>${msg('Es gibt ein Problem')}</h2><ul @click=${jump}>${errors.map((name) => html`<li><a href="#f-${name}" data-f="f-${name}">${this.labels[name] ? `${this.labels[name]}: ` : ''}${this.errorAt(name)}</a></li>`)}</ul></div>`
        : nothing}<div class="visually-hidden" aria-hidden="true"><label for="f-_gotcha">Leave empty</label><input id="f-_gotcha" name="_gotcha" tabindex="-1" autocomplete="off"></div>${body}<button class="button" part="button" aria-disabled=${busy ? 'true' : nothing}>${state == 'failed' ? msg('Erneut senden') : this.submitLabel()}</button></form>${region}`;
  }
}
