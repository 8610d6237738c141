/**
 * The base of every kp- element: it speaks the language of its nearest `lang`
 * (and follows changes live), renders `msg()` in that language, and reports
 * bad attributes through one helper.
 */
import {ReactiveBase, type PropertyDeclarations, type PropertyValues} from './reactive.js';
import {inLocale, onLanguageChange, resolveIntlLocale, resolveLocale, type Locale} from './locale.js';
import {reportAttributeError} from './attribute-error.js';

export class KpElement extends ReactiveBase {
  // Declared without decorators: each decorator call ships in the bundle.
  static override get properties(): PropertyDeclarations {
    return {locale: {state: true}, intl: {state: true}};
  }

  /** The language this element renders in: `de`, `en`, `fr`, `es` or `pt`. */
  protected locale: Locale = 'de';
  /** The locale for `Intl` formatting: the page's regional tag (`fr-CA`) or our default (`es-419`). */
  protected intl = 'de-DE';
  #stop?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    const resolve = () => {
      this.locale = resolveLocale(this);
      this.intl = resolveIntlLocale(this);
    };
    resolve();
    this.#stop = onLanguageChange(this, resolve);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
  }

  /** Renders with `msg()` answering in this element's language. */
  protected override update(changed: PropertyValues): void {
    this.t(() => super.update(changed));
  }

  /** Runs `fn` in this element's language (text built outside render). */
  protected t<T>(fn: () => T): T {
    return inLocale(this.locale, fn);
  }

  /** One console error for a bad value of `attribute` (set as attribute or property); `value` empty: missing. */
  protected reportAttribute(attribute: string, value: unknown, why: string): void {
    reportAttributeError(this, attribute, value === null || value === undefined || value === '' ? null : String(value), why);
  }
}
