/**
 * CSV export for spreadsheets: UTF-8 with BOM (so Excel reads the umlauts),
 * comma-separated, RFC 4180 quoting, CRLF line ends, and cells that start like
 * a formula (= + - @, tab, CR) prefixed with `'` against formula injection.
 */
import type {Store} from './store.js';
import {referenceOf} from './receiver.js';
import {openSubscriptions} from './subscriptions.js';

/** The interest form's fields in the order of the contract; other fields follow, sorted. */
const INTEREST_FIELDS = [
  'municipality', 'municipalityType', 'country', 'state', 'population', 'contactName', 'department',
  'email', 'phone', 'partnership', 'partnerMunicipality', 'partnerCountry', 'preferredRegion',
  'languages', 'motivation', 'workshop',
];

export function csvCell(value: unknown): string {
  let text =
    value === undefined || value === null ? ''
    : Array.isArray(value) ? value.join(', ')
    : typeof value === 'object' ? JSON.stringify(value)
    : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: unknown[][]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

export type ExportForm = 'interest' | 'newsletter';

export function exportCsv(store: Store, form: ExportForm): string {
  if (form === 'newsletter') {
    const names = new Map(store.submissions('newsletter').map((s) => [s.id, s]));
    const subscriptions = openSubscriptions(store.db);
    const header = ['reference', 'email', 'name', 'locale', 'status', 'signed_up_at', 'confirmed_at', 'confirmed_ip', 'unsubscribed_at'];
    return toCsv([
      header,
      ...subscriptions.all().map((sub) => {
        const submission = sub.submission_id ? names.get(sub.submission_id) : undefined;
        const consent = subscriptions.consents(sub.email).at(-1);
        return [
          sub.submission_id && referenceOf(sub.submission_id), sub.email, submission?.data.name, submission?.locale,
          sub.status, sub.signed_up_at, sub.confirmed_at, consent?.ip, sub.unsubscribed_at,
        ];
      }),
    ]);
  }
  const submissions = store.submissions('interest');
  const extra = [...new Set(submissions.flatMap((s) => Object.keys(s.data)))].filter((k) => !INTEREST_FIELDS.includes(k)).sort();
  const fields = [...INTEREST_FIELDS, ...extra];
  return toCsv([
    ['reference', 'id', 'created_at', 'locale', ...fields],
    ...submissions.map((s) => [referenceOf(s.id), s.id, s.created_at, s.locale, ...fields.map((f) => s.data[f])]),
  ]);
}
