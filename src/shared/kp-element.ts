/**
 * The base of every kp- element: it speaks the language of its nearest `lang`
 * (and follows changes live), renders `msg()` in that language, and reports
 * bad attributes through one helper.
 */
import {LitElement, type PropertyValues} from 'lit';
import {state} from 'lit/decorators.js';
import {inLocale, onLanguageChange, resolveLocale, type Locale} from './locale.js';
import {reportAttributeError} from './attribute-error.js';

export class KpElement extends LitElement {
  /** The language this element renders in: `de`, `en`, `fr`, `es` or `pt`. */
  @state() protected locale: Locale = 'de';
  private stopListening?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.locale = resolveLocale(this);
    this.stopListening = onLanguageChange(() => {
      this.locale = resolveLocale(this);
    });
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
