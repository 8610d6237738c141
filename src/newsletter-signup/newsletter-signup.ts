import {html, nothing} from 'lit-html';
import {msg} from '@lit/localize';
import {KpForm} from '../shared/form/kp-form.js';
import {validateNewsletter} from '../shared/rules.js';
import type {Fields} from '../shared/submission/encode.js';

/**
 * A newsletter signup with double opt-in: e-mail, optionally a name, and an
 * unticked consent box that says what is consented to and links `privacy-url`.
 * Sent with the shared engine (retries, offline, drafts; see docs/forms.md,
 * "Sending and the newsletter"). Without `privacy-url` it reports a console error and
 * still works, its consent text then without the link.
 *
 * @tag kp-newsletter-signup
 * @summary Newsletter signup (double opt-in) for any receiver or provider form endpoint.
 *
 * @slot - Fallback content: shown until the element has upgraded, and instead of
 *   the form when `action` is refused (say whom to contact). Hidden
 *   `<input type="hidden" name value>` children are sent along (list ids).
 *
 * @csspart form - The form.
 * @csspart field - One field (label, hint, error, control).
 * @csspart label - A field's label (or a checkbox's text).
 * @csspart hint - A field's hint.
 * @csspart error - A field's error message.
 * @csspart error-summary - The box listing all errors, at the top.
 * @csspart button - The submit button.
 * @csspart status - Progress, failure and success messages.
 *
 * @cssproperty --kp-color-accent - Button and links.
 * @cssproperty --kp-color-error - Errors.
 * @cssproperty --kp-color-focus - Focus ring.
 * @cssproperty --kp-form-width - Maximum width of the form (default 40rem).
 *
 * @event kp-submit - Before sending; cancelable, `detail: {data, respondWith(promise)}`.
 * @event kp-success - Sent; `detail: {data, response}`.
 * @event kp-error - Failed for good or refused by the receiver; `detail: {error, data}`.
 */
export class KpNewsletterSignup extends KpForm {
  static override get properties() {
    return {
      emailField: {attribute: 'email-field'},
      withName: {type: Boolean, attribute: 'with-name'},
    };
  }
  /** The key of the e-mail field for a provider, e.g. `EMAIL`. */
  emailField = 'email';
  /** Also asks for a name (optional). */
  withName = false;

  protected kind = 'newsletter' as const;

  protected validate(data: Fields) {
    return validateNewsletter(data, {emailField: this.emailField || 'email', withName: this.withName});
  }

  protected override submitLabel() {
    return msg('Newsletter bestellen');
  }

  protected sentText(opaque: boolean) {
    return (
      (opaque
        ? msg('Vermutlich angekommen. Bitte prüfen Sie Ihr Postfach.')
        : msg('Fast geschafft! Wir haben Ihnen eine E-Mail geschickt.')) +
      ' ' +
      msg('Ihr Abonnement beginnt erst, wenn Sie den Link in der E-Mail anklicken.')
    );
  }

  protected fields() {
    return html`${this.field({name: this.emailField || 'email', label: msg('E-Mail-Adresse'), type: 'email', autocomplete: 'email'})}
    ${this.withName ? this.field({name: 'name', label: msg('Name'), autocomplete: 'name', optional: true}) : nothing}
    ${this.field({
      name: 'consent',
      type: 'checkbox',
      label: msg('Ich möchte den Newsletter per E-Mail erhalten und kann dies jederzeit widerrufen.'),
      hint: this.privacyLink(),
    })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kp-newsletter-signup': KpNewsletterSignup;
  }
}
