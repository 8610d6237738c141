/**
 * The programme team's mail about a new expression of interest, in German:
 * the reference, every field in the form's order with the form's label and
 * the value as the form shows it, then any extra fields by key. Replies go
 * to the municipality's contact.
 */
import {randomUUID} from 'node:crypto';
import {DE_STATES} from '../../src/shared/regions.js';
import {parsePhone} from '../../src/shared/phone.js';
import type {Message} from './outbox.js';
import {domainOf, type Mailbox} from './addresses.js';
import {htmlMail, para} from './mail-html.js';
import {escapeHtml} from './http.js';

/** The interest form's fields in its order, with its German labels (src/interest-form/fields.ts). */
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
];

const regions = new Intl.DisplayNames('de', {type: 'region'});
const languages = new Intl.DisplayNames('de', {type: 'language'});
const name = (names: Intl.DisplayNames, code: string) => {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
};

const CHOICES: Record<string, Record<string, string>> = {
  municipalityType: {city: 'Stadt', municipality: 'Gemeinde', district: 'Kreis', other: 'Andere'},
  partnership: {existing: 'Partnerschaft besteht', contacts: 'Erste Kontakte', none: 'Noch keine'},
  // UN M.49 regions, named by Intl as in the form
  preferredRegion: {africa: name(regions, '002'), 'latin-america': name(regions, '419'), open: 'Noch offen'},
};

/** A value as the form shows it: names for codes, the phone per DIN 5008, "Ja"/"Nein" for the checkbox. */
function shown(key: string, value: unknown, data: Record<string, unknown>): string {
  const list = ([] as unknown[]).concat(value).map(String);
  // As the form and the contact card write it (DIN 5008); national numbers read in the form's country.
  if (key === 'phone') return parsePhone(list[0], String(data.country))?.display ?? list[0];
  if (key === 'country' || key === 'partnerCountry') return name(regions, list[0]);
  if (key === 'state') return DE_STATES[list[0]] ?? list[0];
  if (key === 'workshop') return value === true || value === 'true' ? 'Ja' : 'Nein';
  if (key === 'languages') return list.map((code) => name(languages, code)).join(', ');
  return list.map((item) => CHOICES[key]?.[item] ?? item).join(', ');
}

/** [label, text] in the form's order; blank and missing fields left out; extra fields after, by key. */
export function interestLines(data: Record<string, unknown>): [string, string][] {
  const known = new Set(LABELS.map(([key]) => key));
  const filled = (key: string) => data[key] !== undefined && data[key] !== null && data[key] !== '';
  return [
    ...LABELS.filter(([key]) => filled(key)).map(([key, label]): [string, string] => [label, shown(key, data[key], data)]),
    ...Object.keys(data)
      .filter((key) => !known.has(key) && filled(key))
      .sort()
      .map((key): [string, string] => [key, shown(key, data[key], data)]),
  ];
}

export interface NotifyMail {
  to: Mailbox[];
  from: Mailbox;
  reference: string;
  data: Record<string, unknown>;
  /** The visitor's language (`_locale`), or null. */
  locale: string | null;
  /** ISO 8601: when it was received. */
  date: string;
}

export function notifyMail({to, from, reference, data, locale, date}: NotifyMail): Message {
  const received = new Intl.DateTimeFormat('de-DE', {dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin'}).format(new Date(date));
  const head: [string, string][] = [
    ['Referenz', reference],
    ['Eingegangen', `${received} Uhr (Berliner Zeit)`],
    ...(locale ? [['Sprache des Formulars', `${name(languages, locale)} (${locale})`] as [string, string]] : []),
  ];
  const lines = interestLines(data);
  const contact = typeof data.email === 'string' ? {name: String(data.contactName ?? ''), address: data.email} : undefined;
  const subject = `Neue Interessensbekundung: ${String(data.municipality ?? '').replace(/\s+/g, ' ').trim()} (${reference})`;
  const intro = 'eine neue Interessensbekundung ist eingegangen.';
  const reply = contact ? `Eine Antwort auf diese E-Mail geht an ${contact.name ? `${contact.name} <${contact.address}>` : contact.address}.` : '';
  const text = ['Guten Tag,', '', intro, '', ...head.map(([k, v]) => `${k}: ${v}`), '', ...lines.map(([k, v]) => `${k}: ${v}`), '', reply, ''].join('\n');
  const row = ([k, v]: [string, string]) =>
    `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:bold">${escapeHtml(k)}</th><td style="padding:4px 0;white-space:pre-wrap">${escapeHtml(v)}</td></tr>`;
  const table = (rows: [string, string][]) => `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${rows.map(row).join('')}</table>`;
  const html = htmlMail('de', subject, [para('Guten Tag,'), para(intro), table(head), table(lines), reply ? para(reply) : ''].join('\n'));
  return {
    from,
    to,
    ...(contact && {replyTo: contact}),
    subject,
    text,
    html,
    headers: {'Content-Language': 'de', 'Auto-Submitted': 'auto-generated'},
    messageId: `<${randomUUID()}@${domainOf(from)}>`,
    date,
  };
}
