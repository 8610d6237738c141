/**
 * Which language an element speaks, and our own `msg()` runtime for
 * @lit/localize, reentrant so that two elements on one page speak two languages.
 *
 * An element's language is its nearest `lang` attribute: its own, then its
 * ancestors' (across shadow roots), ending at `<html lang>`. A host may call
 * `setLocale()` to choose the language for elements that have no `lang` of
 * their own or on an ancestor below `<html>`; `<html lang>` comes after it.
 * Unknown languages fall back to German.
 *
 * Not lit-localize's runtime API: `configureLocalization` keeps one locale for
 * the whole page, switched asynchronously, and `@localized()`,
 * `updateWhenLocaleChanges` and LOCALE_STATUS_EVENT follow that one; here each
 * element follows its own `lang` (`onLanguageChange`) and renders synchronously
 * in it. `setLocale`/`getLocale` below are ours, shaped like lit-localize's.
 */
import {answerMsgWith} from './msg-as-written.js';
import {packed, SEP, sourceLocale, targetLocales} from '../generated/locales.js';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];
export const LOCALES: readonly Locale[] = [sourceLocale, ...targetLocales];
export const DEFAULT_LOCALE: Locale = sourceLocale;

/** The locale `msg()` renders in right now; set around each element's render. */
let rendering: Locale = DEFAULT_LOCALE;
/** The host's choice through `setLocale()`, if any. */
let hostTag: string | undefined;

/** Each locale's texts in message order, unpacked on first use (`packed` holds each message's texts in the order of LOCALES). */
const tables: Partial<Record<Locale, string[]>> = {};
const table = (locale: Locale) =>
  (tables[locale] ??= packed.split(SEP).filter((_, i) => i % LOCALES.length === LOCALES.indexOf(locale)));

/**
 * Our own `msg()` (lit-localize's reentrant runtime would ship a 64-bit hash
 * and 17-character ids), as the build calls it: message `n` of the table (see
 * scripts/msg-ids.mjs, which numbers our sources' `msg('…')` calls) in the
 * locale being rendered, `{0}` … filled with the str`` template's values.
 * Sources import it as `msg` from '@lit/localize' (src/shared/lit-localize.ts).
 */
export const msgById = (n: number, ...values: unknown[]): string =>
  table(rendering)[n].replace(/\{(\d+)\}/g, (_, i) => values[i] as string);

// Replaced by `true` in the build, where every msg() is numbered (scripts/msg-ids.mjs).
declare const __KP_MSG_IDS__: boolean;
if (typeof __KP_MSG_IDS__ === 'undefined') {
  // Sources as written (Web Test Runner, no build step): lit-localize's msg()
  // with the German text finds it in the table's German column and answers
  // through msgById, as the build's numbered call would. A text not in the
  // table yet (new, not extracted) stays German; the build fails on it.
  answerMsgWith((text, values) => {
    const n = table(DEFAULT_LOCALE).indexOf(text);
    return n < 0 ? undefined : msgById(n, ...values);
  });
}

/** Maps any BCP 47 tag (`fr-CA`, `PT-br`, `de_DE`) to one of ours, or undefined. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : undefined;
}

/** The nearest `lang` of `el`, crossing shadow roots upwards; `<html lang>` is handled apart. */
function nearestLang(el: Element): string | undefined {
  const html = el.ownerDocument.documentElement;
  for (let node: Element | null = el; node && node !== html; ) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
  }
  return undefined;
}

/** The language tag that decides for `el`: its nearest `lang`, the host's choice, or `<html lang>`. */
function decidingTag(el: Element): string | undefined {
  return nearestLang(el) ?? hostTag ?? el.ownerDocument.documentElement.lang;
}

/** The language `el` should speak now. */
export function resolveLocale(el: Element): Locale {
  return matchLocale(decidingTag(el)) ?? DEFAULT_LOCALE;
}

/** Regional defaults for `Intl` when a page names only the language: Latin American Spanish, Brazilian Portuguese. */
const REGIONS: Record<Locale, string> = {de: 'de-DE', en: 'en-GB', fr: 'fr-FR', es: 'es-419', pt: 'pt-BR'};

/**
 * The locale for `Intl` (dates, numbers, country names): the page's own tag
 * where it names a region of our language (`fr-CA`, `es-MX`), else our
 * regional default for that language.
 */
export function resolveIntlLocale(el: Element): string {
  const locale = resolveLocale(el);
  const tag = decidingTag(el);
  if (tag && matchLocale(tag) === locale && /[-_]/.test(tag)) {
    try {
      return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
    } catch {
      // not a well-formed tag: fall through to the default
    }
  }
  return REGIONS[locale];
}

/** Runs `fn` with `msg()` answering in `locale` (for text built outside render). */
export function inLocale<T>(locale: Locale, fn: () => T): T {
  const previous = rendering;
  rendering = locale;
  try {
    return fn();
  } finally {
    rendering = previous;
  }
}

type Listener = () => void;
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

const LANG: MutationObserverInit = {attributes: true, attributeFilter: ['lang'], subtree: true};

/**
 * Calls `listener` whenever a `lang` attribute that may decide for `el`
 * changes, or the host calls `setLocale`. One MutationObserver on the document
 * serves every element; it does not see into shadow roots, so an element
 * inside one (or several) also watches each shadow root above it. Returns the
 * function that stops it all.
 */
export function onLanguageChange(el: Element, listener: Listener): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(notify);
    observer.observe(document.documentElement, LANG);
  }
  let own: MutationObserver | undefined;
  for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    (own ??= new MutationObserver(listener)).observe(root, LANG);
  }
  return () => {
    own?.disconnect();
    listeners.delete(listener);
    if (!listeners.size) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

function notify() {
  for (const listener of listeners) listener();
}

/**
 * Sets the language of every element that has no `lang` of its own or on an
 * ancestor below `<html>`. Accepts any tag (`fr-CA` → `fr`); unknown → `de`;
 * `null` returns to `<html lang>`. Async like @lit/localize's runtime API.
 */
export async function setLocale(tag: string | null): Promise<void> {
  hostTag = tag === null ? undefined : matchLocale(tag) ? tag : DEFAULT_LOCALE;
  notify();
}

/** The language chosen by `setLocale`, else that of `<html lang>`, else `de`. */
export function getLocale(): Locale {
  return matchLocale(hostTag ?? document.documentElement.lang) ?? DEFAULT_LOCALE;
}
