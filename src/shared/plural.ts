/**
 * Counted texts in every language's plural forms. One message holds a form
 * per plural category of its language (CLDR, as `Intl.PluralRules` names
 * them), `category:text`, separated by `|`, with `#` for the number:
 *
 *   msg('other:Noch # Zeichen')                          (de: one form serves all)
 *   en: 'one:# character left|other:# characters left'
 *   fr: 'one:Encore # caractère|other:Encore # caractères'  (fr, pt: 0 and 1 are "one")
 *
 * `Intl.PluralRules(locale).select(n)` picks the form; `other` is the fallback
 * every message must have. scripts/check-translations.mjs checks the categories.
 */
const rules = new Map<string, Intl.PluralRules>();

export function plural(forms: string, n: number, locale: string): string {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  // 'one:# Zeichen' → ['one', '# Zeichen', ''] (split at the first colon only).
  const found: Record<string, string> = Object.fromEntries(forms.split('|').map((form) => form.split(/:(.*)/)));
  return (found[r.select(n)] ?? found.other).replace('#', n.toLocaleString(locale));
}
