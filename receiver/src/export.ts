/**
 * The records for the programme team, as rows (`exportRows`), written as CSV
 * for German Excel and LibreOffice (`;`, UTF-8 with BOM, CRLF, RFC 4180
 * quoting, formula guard) or as XLSX (xlsx.ts). Only allowed fields are
 * stored, so only those can appear; extra fields (EXTRA_FIELDS) follow the
 * contract's, sorted.
 */
import type {Store} from './store.js';
import {referenceOf} from './reference.js';
import {openSubscriptions} from './subscriptions.js';
import {INTEREST_FIELDS} from '../../src/shared/rules.js';

export type ExportForm = 'interest' | 'newsletter';

/** Columns that hold text which looks like a number (leading zeros, `+`): XLSX writes them as text cells. */
export const TEXT_COLUMNS = new Set(['reference', 'id', 'phone', 'email', 'confirmed_ip']);

/** A header row, then one row per record. */
export function exportRows(store: Store, form: ExportForm): unknown[][] {
  if (form === 'newsletter') {
    const names = new Map(store.submissions('newsletter').map((s) => [s.id, s]));
    const subscriptions = openSubscriptions(store.db);
    const header = ['reference', 'email', 'name', 'locale', 'status', 'signed_up_at', 'confirmed_at', 'confirmed_ip', 'unsubscribed_at'];
    return [
      header,
      ...subscriptions.all().map((sub) => {
        const submission = sub.submission_id ? names.get(sub.submission_id) : undefined;
        const consent = subscriptions.consents(sub.email).at(-1); // the proof of the latest confirmation
        return [
          sub.submission_id && referenceOf(sub.submission_id), sub.email, submission?.data.name, submission?.locale,
          sub.status, sub.signed_up_at, sub.confirmed_at, consent?.ip, sub.unsubscribed_at,
        ];
      }),
    ];
  }
  const submissions = store.submissions('interest');
  const known: readonly string[] = [...INTEREST_FIELDS, 'consent'];
  const extra = [...new Set(submissions.flatMap((s) => Object.keys(s.data)))].filter((k) => !known.includes(k)).sort();
  const fields = [...INTEREST_FIELDS, ...extra];
  return [
    ['reference', 'id', 'created_at', 'locale', ...fields],
    ...submissions.map((s) => [referenceOf(s.id), s.id, s.created_at, s.locale, ...fields.map((f) => s.data[f])]),
  ];
}

/** A cell's text: arrays joined with `, `, nothing for null and undefined. */
export function cellText(value: unknown): string {
  return value === undefined || value === null ? ''
    : Array.isArray(value) ? value.join(', ')
    : typeof value === 'object' ? JSON.stringify(value)
    : String(value);
}

/** Numbers as Excel reads them (a phone number in E.164, -5, 3.5): not a formula, left as is. */
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with
 * = + - @, tab or CR, unless it is a plain number such as +4923193696014) gets
 * a leading `'`; cells with `;`, `,`, tabs, quotes or line breaks are quoted (an English-locale
 * spreadsheet splits on commas).
 */
export function csvCell(value: unknown): string {
  let text = cellText(value);
  if (/^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[";,\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: unknown[][]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(';') + '\r\n').join('');
}

export function exportCsv(store: Store, form: ExportForm): string {
  return toCsv(exportRows(store, form));
}
