/**
 * The workspace's HTML: German first, English when the browser asks for it
 * first. Everything from a visitor or an account goes through escapeHtml.
 * No script, no external host; the CSP is set where the page is sent (http.ts).
 */
import {escapeHtml as e} from '../http.js';
import type {Status} from './records.js';

export type Lang = 'de' | 'en';

/**
 * German, unless the browser's Accept-Language ranks English before German:
 * by q-value (then by order), the first of its languages that is German or
 * English decides; `*`, no header or neither language means German.
 */
export function language(acceptLanguage: string | undefined): Lang {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
      return {primary: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(q.slice(2)) ? Number(q.slice(2)) : 0};
    })
    .filter((entry) => entry.primary && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.find((entry) => ['de', 'en', '*'].includes(entry.primary))?.primary === 'en' ? 'en' : 'de';
}

export const TEXTS = {
  de: {
    title: 'Arbeitsbereich des Programmteams',
    off: 'Der Arbeitsbereich ist ausgeschaltet: Es gibt noch kein Konto. Die IT legt Konten mit „klimapartner-receiver user add“ an.',
    signIn: 'Anmelden',
    signOut: 'Abmelden',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    failed: 'E-Mail-Adresse, Passwort oder Code stimmen nicht.',
    code: 'Code aus der Authenticator-App oder Wiederherstellungscode (nur mit zweitem Faktor)',
    security: 'Zweiter Faktor',
    throttled: 'Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es in 15 Minuten wieder.',
    errorSummary: 'Es gibt ein Problem',
    signedInAs: 'Angemeldet als',
    interest: 'Interessenbekundungen',
    count: (n: number) => `${n} ${n === 1 ? 'Interessenbekundung' : 'Interessenbekundungen'}`,
    reference: 'Referenz',
    municipality: 'Kommune',
    received: 'Eingegangen',
    status: 'Status',
    save: 'Status speichern',
    paging: 'Seiten',
    previous: 'Vorige Seite',
    next: 'Nächste Seite',
    pageOf: (n: number, of: number) => `Seite ${n} von ${of}`,
    privacy: 'Datenschutz: Auskunft und Löschung',
    lookUp: 'Nachschlagen',
    erase: 'Endgültig löschen',
    eraseConfirm: 'Ja, alle Daten zu dieser Adresse endgültig löschen.',
    erased: (n: number) => `Gelöscht: ${n} ${n === 1 ? 'Datensatz' : 'Datensätze'} zu dieser Adresse (Einsendungen mit ihrem Status und ihren Notizen, Newsletter-Anmeldung, Mails im Postausgang).`,
    newsletter: 'Newsletter',
    newsletterStatus: {pending: 'Noch nicht bestätigt', confirmed: 'Bestätigt', unsubscribed: 'Abgemeldet'},
    audit: 'Protokoll',
    time: 'Zeit',
    account: 'Konto',
    action: 'Aktion',
    object: 'Objekt',
    search: 'Suche (Kommune, Kontakt, E-Mail)',
    all: 'Alle',
    filter: 'Filtern',
    exportXlsx: 'Als Excel-Datei (XLSX) exportieren',
    exportCsv: 'Als CSV exportieren',
    conflict: 'Jemand anderes hat diesen Datensatz inzwischen geändert. Ihre Änderung wurde nicht gespeichert; bitte prüfen Sie den aktuellen Stand.',
    forbidden: 'Ihre Rolle erlaubt das nicht.',
    expired: 'Ihre Sitzung ist abgelaufen oder das Formular ist veraltet. Bitte laden Sie die Seite neu.',
    notFound: 'Nicht gefunden.',
    setPassword: 'Passwort festlegen',
    newPassword: 'Neues Passwort (mindestens 12 Zeichen)',
    passwordShort: 'Das Passwort braucht mindestens 12 Zeichen.',
    linkInvalid: 'Dieser Link ist ungültig oder abgelaufen. Bitte bitten Sie die IT um einen neuen.',
    passwordSet: 'Ihr Passwort ist gesetzt. Sie können sich jetzt anmelden.',
    statuses: {new: 'Neu', reviewing: 'In Prüfung', contacted: 'Kontaktiert', accepted: 'Aufgenommen', declined: 'Abgesagt'} as Record<Status, string>,
  },
  en: {
    title: "Programme team's workspace",
    off: 'The workspace is off: no account exists yet. IT adds accounts with "klimapartner-receiver user add".',
    signIn: 'Sign in',
    signOut: 'Sign out',
    email: 'E-mail address',
    password: 'Password',
    failed: 'The e-mail address, the password or the code is not right.',
    code: 'Code from the authenticator app or recovery code (only with a second factor)',
    security: 'Second factor',
    throttled: 'Too many failed sign-ins. Please try again in 15 minutes.',
    errorSummary: 'There is a problem',
    signedInAs: 'Signed in as',
    interest: 'Expressions of interest',
    count: (n: number) => `${n} ${n === 1 ? 'expression' : 'expressions'} of interest`,
    reference: 'Reference',
    municipality: 'Municipality',
    received: 'Received',
    status: 'Status',
    save: 'Save status',
    paging: 'Pages',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: (n: number, of: number) => `Page ${n} of ${of}`,
    privacy: 'Data protection: access and erasure',
    lookUp: 'Look up',
    erase: 'Erase for good',
    eraseConfirm: 'Yes, erase all data about this address for good.',
    erased: (n: number) => `Erased: ${n} ${n === 1 ? 'record' : 'records'} about this address (submissions with their status and notes, newsletter subscription, mails in the outbox).`,
    newsletter: 'Newsletter',
    newsletterStatus: {pending: 'Not yet confirmed', confirmed: 'Confirmed', unsubscribed: 'Unsubscribed'},
    audit: 'Audit trail',
    time: 'Time',
    account: 'Account',
    action: 'Action',
    object: 'Object',
    search: 'Search (municipality, contact, e-mail)',
    all: 'All',
    filter: 'Filter',
    exportXlsx: 'Export as Excel file (XLSX)',
    exportCsv: 'Export as CSV',
    conflict: 'Someone else has changed this record in the meantime. Your change was not saved; please check the current state.',
    forbidden: 'Your role does not allow this.',
    expired: 'Your session has expired or the form is out of date. Please reload the page.',
    notFound: 'Not found.',
    setPassword: 'Set your password',
    newPassword: 'New password (at least 12 characters)',
    passwordShort: 'The password needs at least 12 characters.',
    linkInvalid: 'This link is not valid or has expired. Please ask IT for a new one.',
    passwordSet: 'Your password is set. You can sign in now.',
    statuses: {new: 'New', reviewing: 'Reviewing', contacted: 'Contacted', accepted: 'Accepted', declined: 'Declined'} as Record<Status, string>,
  },
};
export type Texts = (typeof TEXTS)['de'];

const STYLE =
  'body{font:1rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem}' +
  'a,button,input,select,textarea{font:inherit}input,select,textarea{max-width:100%;box-sizing:border-box}:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}' +
  'table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #999;padding:.4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}pre{white-space:pre-wrap;overflow-wrap:anywhere}' +
  '.error{border:3px solid #a51d2d;padding:.5rem 1rem}label{display:block;margin-top:.75rem}' +
  'header{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;align-items:center}' +
  'code{overflow-wrap:anywhere}h1,h2{overflow-wrap:break-word;hyphens:auto}.error-text{color:#a51d2d;font-weight:bold;margin:.25rem 0}a.button{display:inline-block;border:2px solid currentColor;border-radius:.25rem;padding:.25rem .75rem}';

/** A whole page; `body` is HTML made with escapeHtml. */
export function page(lang: Lang, heading: string, body: string, header = ''): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(heading)} – ${e(TEXTS[lang].title)}</title><style>${STYLE}</style></head><body>${header}<main><h1>${e(heading)}</h1>${body}</main></body></html>`;
}

export function errorSummary(t: Texts, messages: string[]): string {
  if (!messages.length) return '';
  return `<div class="error" role="alert" tabindex="-1"><h2>${e(t.errorSummary)}</h2><ul>${messages.map((m) => `<li>${e(m)}</li>`).join('')}</ul></div>`;
}

export function signInForm(t: Texts, errors: string[] = [], email = ''): string {
  return (
    errorSummary(t, errors) +
    `<form method="post" action="/team/sign-in"><label for="email">${e(t.email)}</label><input id="email" name="email" type="email" autocomplete="username" required value="${e(email)}">` +
    `<label for="password">${e(t.password)}</label><input id="password" name="password" type="password" autocomplete="current-password" required>` +
    `<label for="code">${e(t.code)}</label><input id="code" name="code" type="text" autocomplete="one-time-code" spellcheck="false">` +
    `<p><button type="submit">${e(t.signIn)}</button></p></form>`
  );
}

export function header(t: Texts, email: string, csrf: string): string {
  return `<header><nav aria-label="${e(t.title)}"><a href="/team/">${e(t.title)}</a> · <a href="/team/interest">${e(t.interest)}</a> · <a href="/team/newsletter">${e(t.newsletter)}</a> · <a href="/team/security">${e(t.security)}</a></nav><form method="post" action="/team/sign-out"><input type="hidden" name="csrf" value="${e(csrf)}">${e(t.signedInAs)} ${e(email)} <button type="submit">${e(t.signOut)}</button></form></header>`;
}
