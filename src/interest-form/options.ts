/**
 * The interest form's option lists in the visitor's language: countries (all
 * ISO 3166-1 codes, names from `Intl.DisplayNames`, sorted by `Intl.Collator`,
 * Germany first) and the working languages' names. No per-country data.
 */
import {COUNTRY_CODES} from '../shared/regions.js';

export type Option = [code: string, name: string];

const cache = new Map<string, Option[]>();

/** Every country as [code, name] in `locale`: Germany first, then by name. */
export function countries(locale: string): Option[] {
  let list = cache.get(locale);
  if (!list) {
    const names = new Intl.DisplayNames(locale, {type: 'region'});
    const order = new Intl.Collator(locale).compare;
    list = COUNTRY_CODES.map((code): Option => [code, names.of(code) ?? code]).sort((a, b) =>
      a[0] === 'DE' ? -1 : b[0] === 'DE' ? 1 : order(a[1], b[1]),
    );
    cache.set(locale, list);
  }
  return list;
}

/**
 * What a country select offers: every country once the visitor has reached
 * the form (`all`), before that only the chosen one (`code`, if any). The
 * full list (249 names from Intl, sorted) is the form's costliest part and is
 * needed only when someone opens the select, not for the form to appear.
 */
export function countryChoices(locale: string, code: unknown, all?: boolean): Option[] {
  return all ? countries(locale) : COUNTRY_CODES.includes(code as string) ? [[code as string, new Intl.DisplayNames(locale, {type: 'region'}).of(code as string)!]] : [];
}

/** A language's name in `locale`, capitalised ("Deutsch", "Alemán"). */
export function languageName(code: string, locale: string): string {
  const name = new Intl.DisplayNames(locale, {type: 'language'}).of(code) ?? code;
  return name[0].toLocaleUpperCase(locale) + name.slice(1);
}
