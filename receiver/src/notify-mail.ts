/**
 * The programme team's mail about a new expression of interest, in German:
 * the reference, every field in the form's order with the form's label and
 * the value as the form shows it (interest-lines.ts), then any extra fields by key. Replies go
 * to the municipality's contact.
 */
import {randomUUID} from 'node:crypto';
import type {Message} from './outbox.js';
import {domainOf, type Mailbox} from './addresses.js';
import {htmlMail, para} from './mail-html.js';
import {escapeHtml} from './http.js';
import {interestLines, languageName} from './interest-lines.js';
import {longTime} from './berlin-time.js';

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
  const head: [string, string][] = [
    ['Referenz', reference],
    ['Eingegangen', longTime(date, 'de')],
    ...(locale ? [['Sprache des Formulars', `${languageName(locale, 'de')} (${locale})`] as [string, string]] : []),
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
