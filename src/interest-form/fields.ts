/**
 * The interest form's fields (keys from the contract), their labels and
 * choices in the visitor's language, which of them are shown for the values
 * given, and the summary of what was sent. Call the text functions inside the
 * element's locale (render, or `t()`).
 */
import {msg} from '@lit/localize';
import {DE_STATES} from '../shared/regions.js';
import {INTEREST_FIELDS, LANGUAGES} from '../shared/rules.js';
import {parsePhone} from '../shared/phone.js';
import {countries, languageName} from './options.js';

export type Values = Record<string, unknown>;

/** Every key in the order the form shows it. */
export const KEYS = INTEREST_FIELDS;
export type Key = (typeof KEYS)[number];

/** Optional fields (their labels say so); the others are required whenever shown. */
export const OPTIONAL: readonly string[] = ['population', 'department', 'phone', 'preferredRegion', 'workshop'];

/** Whether `key` is shown (and so sent and checked) for `v`. */
export function shown(key: string, v: Values): boolean {
  if (key === 'state') return v.country === 'DE';
  if (key === 'partnerMunicipality' || key === 'partnerCountry') return v.partnership === 'existing' || v.partnership === 'contacts';
  if (key === 'preferredRegion') return v.partnership === 'none';
  return true;
}

export const labels = (): Record<Key, string> => ({
  municipality: msg('Name der Kommune'),
  municipalityType: msg('Art der Kommune'),
  country: msg('Land'),
  state: msg('Bundesland'),
  population: msg('Einwohnerzahl'),
  contactName: msg('Name'),
  department: msg('Amt oder Funktion'),
  email: msg('E-Mail-Adresse'),
  phone: msg('Telefon'),
  partnership: msg('Stand der Partnerschaft'),
  partnerMunicipality: msg('Name der Partnerkommune'),
  partnerCountry: msg('Land der Partnerkommune'),
  preferredRegion: msg('Bevorzugte Region'),
  languages: msg('Arbeitssprachen mit der Partnerkommune'),
  motivation: msg('Motivation'),
  workshop: msg('Ich möchte am Informationsworkshop teilnehmen'),
});

/** The choices of the radio groups as [value, label]. */
export const choices = (locale: string): Record<string, [string, string][]> => {
  const region = new Intl.DisplayNames(locale, {type: 'region'});
  return {
    municipalityType: [
      ['city', msg('Stadt')],
      ['municipality', msg('Gemeinde')],
      ['district', msg('Kreis')],
      ['other', msg('Andere')],
    ],
    partnership: [
      ['existing', msg('Partnerschaft besteht')],
      ['contacts', msg('Erste Kontakte')],
      ['none', msg('Noch keine')],
    ],
    // UN M.49 regions: their names come from Intl, like the countries'.
    preferredRegion: [
      ['africa', region.of('002')!],
      ['latin-america', region.of('419')!],
      ['open', msg('Noch offen')],
    ],
    languages: LANGUAGES.map((code) => [code, languageName(code, locale)]),
  };
};

/** A value as the visitor reads it: names for codes, the phone per DIN 5008, "Ja"/"Nein" for the checkbox. */
function display(key: string, data: Values, locale: string, list: Record<string, [string, string][]>): string {
  const value = data[key];
  const name = (options: [string, string][], code: unknown) => options.find((o) => o[0] === code)?.[1] ?? String(code);
  if (key === 'country' || key === 'partnerCountry') return name(countries(locale), value);
  if (key === 'state') return DE_STATES[String(value)] ?? String(value);
  // The phone as the contact card writes it (DIN 5008), national numbers read in the form's country.
  if (key === 'phone') return parsePhone(String(value), String(data.country))?.display ?? String(value);
  if (key === 'workshop') return value === true || value === 'true' ? msg('Ja') : msg('Nein');
  if (key === 'languages') return ([] as unknown[]).concat(value).map((code) => name(list.languages, code)).join(', ');
  return list[key] ? name(list[key], value) : String(value);
}

/** What was sent, as [label, text] in form order; fields not sent or left blank are left out. */
export function summary(data: Values, locale: string): [string, string][] {
  const names = labels();
  const list = choices(locale);
  return KEYS.filter((key) => data[key] !== undefined && data[key] !== '').map((key) => [
    names[key],
    display(key, data, locale, list),
  ]);
}
