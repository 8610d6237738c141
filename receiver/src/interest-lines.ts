/**
 * The interest form's fields as the form labels and shows them, for the
 * team's notice mail (German) and the workspace (German or English): labels
 * in the form's order, names for codes (countries and languages from Intl,
 * German states from src/shared/regions.ts), the phone per DIN 5008
 * (src/shared/phone.ts). The German texts are the form's own
 * (src/interest-form/fields.ts); the English ones are looked up in the
 * widgets' translation file, locales/en.xlf, so they stay the form's too.
 */
import EN_XLF from '../../locales/en.xlf';
import {DE_STATES} from '../../src/shared/regions.js';
import {parsePhone} from '../../src/shared/phone.js';

export type Lang = 'de' | 'en';

/** The interest form's fields in its order, with its German labels (src/interest-form/fields.ts, interest-form.ts for consent). */
const LABELS: [string, string][] = [
  ['municipality', 'Name der Kommune'],
  ['municipalityType', 'Art der Kommune'],
  ['country', 'Land'],
  ['state', 'Bundesland'],
  ['population', 'Einwohnerzahl'],
  ['contactName', 'Name'],
  ['department', 'Amt oder Funktion'],
  ['email', 'E-Mail-Adresse'],
  ['phone', 'Telefon'],
  ['partnership', 'Stand der Partnerschaft'],
  ['partnerMunicipality', 'Name der Partnerkommune'],
  ['partnerCountry', 'Land der Partnerkommune'],
  ['preferredRegion', 'Bevorzugte Region'],
  ['languages', 'Arbeitssprachen mit der Partnerkommune'],
  ['motivation', 'Motivation'],
  ['workshop', 'Ich möchte am Informationsworkshop teilnehmen'],
  ['consent', 'Ich bin mit der Verarbeitung meiner Angaben einverstanden.'],
];
const LABEL = new Map(LABELS);

/** The radio groups' choices with the form's German texts; `preferredRegion`'s regions are named by Intl. */
const CHOICES: Record<string, Record<string, string>> = {
  municipalityType: {city: 'Stadt', municipality: 'Gemeinde', district: 'Kreis', other: 'Andere'},
  partnership: {existing: 'Partnerschaft besteht', contacts: 'Erste Kontakte', none: 'Noch keine'},
  preferredRegion: {open: 'Noch offen'},
};
/** UN M.49 codes of the preferred regions, named by Intl as in the form. */
const M49: Record<string, string> = {africa: '002', 'latin-america': '419'};

const decode = (xml: string) =>
  xml.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, name: string) => ({lt: '<', gt: '>', quot: '"', apos: "'", amp: '&'})[name]!,
  );
/** German source → English target, for the units without placeholders. */
const ENGLISH = new Map(
  [...EN_XLF.matchAll(/<source>([^<]*)<\/source>\s*<target>([^<]*)<\/target>/g)].map(([, source, target]) => [
    decode(source),
    decode(target),
  ]),
);

/** A German text of the form in `lang`. */
export const translate = (german: string, lang: Lang): string =>
  lang === 'de' ? german : (ENGLISH.get(german) ?? german);

const displayNames = (lang: Lang, type: 'region' | 'language') => new Intl.DisplayNames(lang, {type});
const NAMES = {
  de: {region: displayNames('de', 'region'), language: displayNames('de', 'language')},
  en: {region: displayNames('en', 'region'), language: displayNames('en', 'language')},
};
function name(lang: Lang, type: 'region' | 'language', code: string): string {
  try {
    return NAMES[lang][type].of(code) ?? code;
  } catch {
    return code;
  }
}

/** A field's label as the form writes it, or the key for a field the form does not have. */
export const fieldLabel = (key: string, lang: Lang): string =>
  LABEL.has(key) ? translate(LABEL.get(key)!, lang) : key;

/** A country's name (ISO 3166-1 alpha-2). */
export const countryName = (code: string, lang: Lang): string => name(lang, 'region', code);

/** A German state's name (ISO 3166-2:DE); proper names, the same in every language. */
export const stateName = (code: string): string => DE_STATES[code] ?? code;

/** The text of a choice of `key` (municipalityType, partnership, preferredRegion) as the form shows it. */
export function choiceName(key: string, value: string, lang: Lang): string {
  if (key === 'preferredRegion' && M49[value]) return name(lang, 'region', M49[value]);
  const german = CHOICES[key]?.[value];
  return german ? translate(german, lang) : value;
}

/** "Ja"/"Nein" as the form's summary writes a checkbox. */
export const yesNo = (yes: boolean, lang: Lang): string => translate(yes ? 'Ja' : 'Nein', lang);

/** A value as the form shows it: names for codes, the phone per DIN 5008, yes or no for a checkbox. */
function shown(key: string, value: unknown, data: Record<string, unknown>, lang: Lang): string {
  const list = ([] as unknown[]).concat(value).map(String);
  // As the form and the contact card write it (DIN 5008); national numbers read in the form's country.
  if (key === 'phone') return parsePhone(list[0], String(data.country))?.display ?? list[0];
  if (key === 'country' || key === 'partnerCountry') return countryName(list[0], lang);
  if (key === 'state') return stateName(list[0]);
  if (key === 'workshop' || key === 'consent') return yesNo(value === true || value === 'true', lang);
  if (key === 'languages') return list.map((code) => name(lang, 'language', code)).join(', ');
  return list.map((item) => choiceName(key, item, lang)).join(', ');
}

/** [label, text] in the form's order; blank and missing fields left out; extra fields after, by key. */
export function interestLines(data: Record<string, unknown>, lang: Lang = 'de'): [string, string][] {
  const filled = (key: string) => data[key] !== undefined && data[key] !== null && data[key] !== '';
  return [
    ...LABELS.filter(([key]) => filled(key)).map(([key]): [string, string] => [
      fieldLabel(key, lang),
      shown(key, data[key], data, lang),
    ]),
    ...Object.keys(data)
      .filter((key) => !LABEL.has(key) && filled(key))
      .sort()
      .map((key): [string, string] => [key, shown(key, data[key], data, lang)]),
  ];
}

/** A language's name (`en` → Englisch), for the form's language. */
export const languageName = (code: string, lang: Lang): string => name(lang, 'language', code);
