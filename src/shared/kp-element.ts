/**
 * The base of every kp- element: it speaks the language of its nearest `lang`
 * (and follows changes live), renders `msg()` in that language, and reports
 * bad attributes through one helper.
 */
import {LitElement, type PropertyValues} from 'lit';
import {state} from 'lit/decorators.js';
import {inLocale, onLanguageChange, resolveIntlLocale, resolveLocale, type Locale} from './locale.js';
import {reportAttributeError} from './attribute-error.js';

export class KpElement extends LitElement {
  /** The language this element renders in: `de`, `en`, `fr`, `es` or `pt`. */
  @state() protected locale: Locale = 'de';
  /** The locale for `Intl` formatting: the page's regional tag (`fr-CA`) or our default (`es-419`). */
  @state() protected intl = 'de-DE';
  private stopListening?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    const resolve = () => {
      this.locale = resolveLocale(this);
      this.intl = resolveIntlLocale(this);
    };
    resolve();
    this.stopListening = onLanguageChange(resolve);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
  }

  /** Renders with `msg()` answering in this element's language. */
  protected override update(changed: PropertyValues): void {
    inLocale(this.locale, () => super.update(changed));
  }

  /** Runs `fn` in this element's language (text built outside render). */
  protected t<T>(fn: () => T): T {
    return inLocale(this.locale, fn);
  }

  protected reportAttribute(attribute: string, why: string): void {
    reportAttributeError(this, attribute, this.getAttribute(attribute), why);
  }
}
