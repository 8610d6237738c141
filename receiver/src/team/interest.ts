/**
 * The workspace's pages for the expressions of interest: the list with its
 * filters, the export of what the filter shows, one record with its status
 * and notes, and the editors' POSTs for status and notes. http.ts has checked
 * the session (and, for a POST, Origin and the CSRF token) before it calls in.
 */
import type {ServerResponse} from 'node:http';
import {escapeHtml as e} from '../http.js';
import {referenceOf} from '../reference.js';
import type {Store} from '../store.js';
import {exportRows, toCsv} from '../export.js';
import {rowsToXlsx} from '../xlsx.js';
import {choiceName, countryName, fieldLabel, interestLines, languageName, stateName, yesNo} from '../interest-lines.js';
import {COUNTRY_CODES} from '../../../src/shared/regions.js';
import {PARTNERSHIPS, PREFERRED_REGIONS, STATE_CODES} from '../../../src/shared/rules.js';
import {audit} from './audit.js';
import {filterQuery, matches, readFilter, type Filter} from './filter.js';
import {INTEREST_TEXTS} from './interest-texts.js';
import {MAX_NOTE, notes as openNotes, noteText, type Note} from './notes.js';
import {errorSummary, header, page, TEXTS, type Lang} from './pages.js';
import {isStatus, records, STATUSES} from './records.js';
import type {Session} from './sessions.js';
import {exportTime, longTime, shortTime} from '../berlin-time.js';

export interface InterestOptions {
  store: Store;
  now: () => Date;
  send: (res: ServerResponse, status: number, html: string) => void;
  redirect: (res: ServerResponse, location: string) => void;
}

/** Records per page of the list. */
export const PAGE_SIZE = 50;

/** Editors and admins change status and notes; viewers read. */
const canEdit = (s: Session) => s.role === 'editor' || s.role === 'admin';

/** A note in the export: `2026-12-08 01:02 anna@example.org: text` (Berlin time). */
const noteLine = (note: Note) => `${exportTime(note.at)} ${note.account}: ${note.text}`;

export function interestPages({store, now, send, redirect}: InterestOptions) {
  const db = store.db;
  const states = records(db);
  const notes = openNotes(db);
  const chrome = (lang: Lang, s: Session) => header(TEXTS[lang], s.email, s.csrf);

  function interestRows() {
    return store
      .submissions('interest')
      .map((row) => ({...row, reference: referenceOf(row.id), state: states.get(row.id)}))
      .reverse();
  }

  const forbidden = (res: ServerResponse, lang: Lang, s: Session) =>
    send(res, 403, page(lang, TEXTS[lang].forbidden, `<p>${e(TEXTS[lang].forbidden)}</p>`, chrome(lang, s)));
  const notFound = (res: ServerResponse, lang: Lang, s: Session) =>
    send(res, 404, page(lang, TEXTS[lang].notFound, '', chrome(lang, s)));

  /** The filter form: every filter of the contract, its current values selected. */
  function filterForm(lang: Lang, filter: Filter, countries: string[]): string {
    const t = TEXTS[lang];
    const n = INTEREST_TEXTS[lang];
    const select = (name: keyof Filter, label: string, options: [string, string][]) =>
      `<div><label for="${name}">${e(label)}</label><select id="${name}" name="${name}">` +
      [['', t.all] as [string, string], ...options]
        .map(
          ([value, text]) =>
            `<option value="${e(value)}"${value === filter[name] ? ' selected' : ''}>${e(text)}</option>`,
        )
        .join('') +
      '</select></div>';
    const day = (name: 'from' | 'to', label: string) =>
      `<div><label for="${name}">${e(label)}</label><input id="${name}" name="${name}" type="date" value="${e(filter[name])}"></div>`;
    const order = new Intl.Collator(lang).compare;
    const countryOptions = [...new Set([...countries, filter.country].filter((c) => COUNTRY_CODES.includes(c)))]
      .map((code): [string, string] => [code, countryName(code, lang)])
      .sort((a, b) => (a[0] === 'DE' ? -1 : b[0] === 'DE' ? 1 : order(a[1], b[1])));
    return (
      `<form method="get" action="/team/interest"><fieldset><legend>${e(n.filters)}</legend><div style="display:flex;flex-wrap:wrap;gap:0 1.5rem">` +
      `<div><label for="q">${e(t.search)}</label><input id="q" name="q" type="search" value="${e(filter.q)}"></div>` +
      select(
        'status',
        t.status,
        STATUSES.map((st) => [st, t.statuses[st]]),
      ) +
      select('country', fieldLabel('country', lang), countryOptions) +
      select(
        'state',
        fieldLabel('state', lang),
        STATE_CODES.map((code) => [code, stateName(code)]),
      ) +
      select(
        'partnership',
        fieldLabel('partnership', lang),
        PARTNERSHIPS.map((v) => [v, choiceName('partnership', v, lang)]),
      ) +
      select(
        'region',
        fieldLabel('preferredRegion', lang),
        PREFERRED_REGIONS.map((v) => [v, choiceName('preferredRegion', v, lang)]),
      ) +
      select('workshop', n.workshop, [
        ['yes', yesNo(true, lang)],
        ['no', yesNo(false, lang)],
      ]) +
      day('from', n.from) +
      day('to', n.to) +
      `</div><p><button type="submit">${e(t.filter)}</button></p></fieldset></form>`
    );
  }

  /** The 400 page for a filter value that is not allowed: what is wrong, and the form to choose again. */
  function badFilter(res: ServerResponse, lang: Lang, s: Session, filter: Filter, invalid: string[]): void {
    const n = INTEREST_TEXTS[lang];
    const label = (name: string) =>
      name === 'from' || name === 'to' || name === 'workshop'
        ? n[name]
        : name === 'status'
          ? TEXTS[lang].status
          : fieldLabel(name === 'region' ? 'preferredRegion' : name, lang);
    const messages = [...new Set(invalid)].map((name) =>
      name === 'from' || name === 'to' ? n.badDay(label(name)) : n.badChoice(label(name)),
    );
    const countries = interestRows().map((r) => String(r.data.country ?? ''));
    send(
      res,
      400,
      page(
        lang,
        TEXTS[lang].interest,
        errorSummary(TEXTS[lang], messages) + filterForm(lang, filter, countries),
        chrome(lang, s),
      ),
    );
  }

  function list(res: ServerResponse, lang: Lang, s: Session, params: URLSearchParams): void {
    const t = TEXTS[lang];
    const {filter, invalid} = readFilter(params);
    if (invalid.length) return badFilter(res, lang, s, filter, invalid);
    const every = interestRows();
    const all = every.filter((r) => matches(filter, {data: r.data, status: r.state.status, created_at: r.created_at}));
    const query = filterQuery(filter);
    const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
    const current = Math.min(pages, Math.max(1, Math.floor(Number(params.get('page')) || 1)));
    const rows = all.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
    const pageLink = (n: number, text: string) =>
      `<a href="/team/interest?${e(query ? query + '&' : '')}page=${n}">${e(text)}</a>`;
    const paging =
      pages > 1
        ? `<nav aria-label="${e(t.paging)}"><p>${current > 1 ? pageLink(current - 1, t.previous) + ' · ' : ''}${e(t.pageOf(current, pages))}${current < pages ? ' · ' + pageLink(current + 1, t.next) : ''}</p></nav>`
        : '';
    const body =
      filterForm(
        lang,
        filter,
        every.map((r) => String(r.data.country ?? '')),
      ) +
      `<p>${e(t.count(all.length))} · <a href="/team/interest/export?${e(query ? query + '&' : '')}format=xlsx">${e(t.exportXlsx)}</a> · <a href="/team/interest/export?${e(query ? query + '&' : '')}format=csv">${e(t.exportCsv)}</a></p>` +
      `<table><thead><tr><th scope="col">${e(t.reference)}</th><th scope="col">${e(t.municipality)}</th><th scope="col">${e(t.received)}</th><th scope="col">${e(t.status)}</th></tr></thead><tbody>` +
      rows
        .map(
          (r) =>
            `<tr><td><a href="/team/interest/${e(r.reference)}">${e(r.reference)}</a></td><td>${e(String(r.data.municipality ?? ''))}</td><td>${e(shortTime(r.created_at, lang))}</td><td>${e(t.statuses[r.state.status])}</td></tr>`,
        )
        .join('') +
      '</tbody></table>' +
      paging;
    send(res, 200, page(lang, t.interest, body, chrome(lang, s)));
  }

  /** The `export` command's rows and formula guard, only the records the filter shows, plus status and notes. */
  async function exportInterest(res: ServerResponse, lang: Lang, s: Session, params: URLSearchParams): Promise<void> {
    const format = params.get('format') === 'xlsx' ? 'xlsx' : 'csv';
    const {filter, invalid} = readFilter(params);
    if (invalid.length) return badFilter(res, lang, s, filter, invalid);
    const [head, ...rows] = exportRows(store, 'interest');
    const idColumn = head.indexOf('id');
    const received = new Map(store.submissions('interest').map((x) => [x.id, x]));
    const allNotes = notes.all();
    const chosen = rows
      .map((row) => String(row[idColumn]))
      .map((id, i) => ({id, row: rows[i], state: states.get(id), record: received.get(id)!}))
      .filter(({record, state}) =>
        matches(filter, {data: record.data, status: state.status, created_at: record.created_at}),
      )
      .map(({id, row, state}) => [
        ...row,
        state.status,
        state.updated_by,
        state.updated_at,
        (allNotes.get(id) ?? []).map(noteLine).join('\n'),
      ]);
    const table = [[...head, 'status', 'status_by', 'status_at', 'notes'], ...chosen];
    audit(db, now(), s.email, 'interest.export', `${format} ${filterQuery(filter) || '(all)'} rows=${chosen.length}`);
    const body = format === 'csv' ? Buffer.from(toCsv(table)) : await rowsToXlsx(table, 'interest');
    res.writeHead(200, {
      'Content-Type':
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="interest.${format}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
  }

  function notesSection(lang: Lang, s: Session, reference: string, id: string, draft = ''): string {
    const n = INTEREST_TEXTS[lang];
    const items = notes.of(id);
    const shown = items.length
      ? `<ol reversed>${items.map((note) => `<li><p><strong>${e(note.account)}</strong>, <time datetime="${e(note.at)}">${e(shortTime(note.at, lang))}</time></p><p style="white-space:pre-wrap">${e(note.text)}</p></li>`).join('')}</ol>`
      : `<p>${e(n.noNotes)}</p>`;
    const form = canEdit(s)
      ? `<form method="post" action="/team/interest/${e(reference)}/notes"><input type="hidden" name="csrf" value="${e(s.csrf)}"><label for="note">${e(n.newNote)}</label><textarea id="note" name="note" rows="4" cols="60" maxlength="${MAX_NOTE}" required>${e(draft)}</textarea><p><button type="submit">${e(n.addNote)}</button></p></form>`
      : '';
    return `<h2 id="notes">${e(n.notes)}</h2>${form}${shown}`;
  }

  function detail(
    res: ServerResponse,
    lang: Lang,
    s: Session,
    reference: string,
    message = '',
    status = 200,
    draft = '',
  ): void {
    const t = TEXTS[lang];
    const row = interestRows().find((r) => r.reference === reference);
    if (!row) return notFound(res, lang, s);
    audit(db, now(), s.email, 'interest.view', row.reference);
    const n = INTEREST_TEXTS[lang];
    const lines: [string, string][] = [
      [t.reference, row.reference],
      [t.received, longTime(row.created_at, lang)],
      ...(row.locale
        ? [[n.formLanguage, `${languageName(row.locale, lang)} (${row.locale})`] as [string, string]]
        : []),
      ...interestLines(row.data, lang),
    ];
    const fields = lines
      .map(
        ([label, value]) =>
          `<tr><th scope="row">${e(label)}</th><td style="white-space:pre-wrap">${e(value)}</td></tr>`,
      )
      .join('');
    const options = STATUSES.map(
      (st) => `<option value="${st}"${st === row.state.status ? ' selected' : ''}>${e(t.statuses[st])}</option>`,
    ).join('');
    const statusForm = canEdit(s)
      ? `<form method="post" action="/team/interest/${e(row.reference)}/status"><input type="hidden" name="csrf" value="${e(s.csrf)}"><input type="hidden" name="version" value="${row.state.version}"><label for="status">${e(t.status)}</label><select id="status" name="status">${options}</select> <button type="submit">${e(t.save)}</button></form>`
      : `<p>${e(t.status)}: ${e(t.statuses[row.state.status])}</p>`;
    const body =
      (message ? `<div class="error" role="alert"><p>${e(message)}</p></div>` : '') +
      `<table><tbody>${fields}</tbody></table>${statusForm}` +
      notesSection(lang, s, row.reference, row.id, draft);
    send(res, status, page(lang, `${t.interest}: ${row.reference}`, body, chrome(lang, s)));
  }

  function setStatus(res: ServerResponse, lang: Lang, s: Session, reference: string, fields: URLSearchParams): void {
    const t = TEXTS[lang];
    if (!canEdit(s)) return forbidden(res, lang, s);
    const row = interestRows().find((r) => r.reference === reference);
    const status = fields.get('status');
    const version = Number(fields.get('version'));
    if (!row) return notFound(res, lang, s);
    if (!isStatus(status) || !Number.isInteger(version)) return detail(res, lang, s, row.reference, t.expired, 422);
    if (!states.setStatus(row.id, status, version, s.email, now().toISOString()))
      return detail(res, lang, s, row.reference, t.conflict, 409);
    audit(db, now(), s.email, 'interest.status', `${row.reference} ${status}`);
    redirect(res, `/team/interest/${row.reference}`);
  }

  /** Adds a note; the audit keeps who added one to which record, not its text. */
  function addNote(res: ServerResponse, lang: Lang, s: Session, reference: string, fields: URLSearchParams): void {
    if (!canEdit(s)) return forbidden(res, lang, s);
    const row = interestRows().find((r) => r.reference === reference);
    if (!row) return notFound(res, lang, s);
    const text = noteText(fields.get('note'));
    if (!text)
      return detail(
        res,
        lang,
        s,
        row.reference,
        INTEREST_TEXTS[lang].noteInvalid(MAX_NOTE),
        422,
        (fields.get('note') ?? '').slice(0, MAX_NOTE * 2),
      );
    notes.add(row.id, s.email, now().toISOString(), text);
    audit(db, now(), s.email, 'interest.note', row.reference);
    redirect(res, `/team/interest/${row.reference}#notes`);
  }

  return {
    interestRows,
    /** GET `interest`, `interest/export`, `interest/REFERENCE`; false for other paths. */
    async get(res: ServerResponse, lang: Lang, s: Session, sub: string, params: URLSearchParams): Promise<boolean> {
      const match = /^interest\/([0-9A-F]{8})$/.exec(sub);
      if (sub === 'interest') list(res, lang, s, params);
      else if (sub === 'interest/export') await exportInterest(res, lang, s, params);
      else if (match) detail(res, lang, s, match[1]);
      else return false;
      return true;
    },
    /** POST `interest/REFERENCE/status` and `interest/REFERENCE/notes`; false for other paths. */
    post(res: ServerResponse, lang: Lang, s: Session, sub: string, fields: URLSearchParams): boolean {
      const match = /^interest\/([0-9A-F]{8})\/(status|notes)$/.exec(sub);
      if (!match) return false;
      if (match[2] === 'status') setStatus(res, lang, s, match[1], fields);
      else addNote(res, lang, s, match[1], fields);
      return true;
    },
  };
}
