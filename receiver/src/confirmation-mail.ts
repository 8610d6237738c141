/**
 * The double opt-in mail in the visitor's language: plain text and HTML with
 * the confirm link (which opens a page with one button) and the unsubscribe
 * link, which is also the RFC 8058 one-click `List-Unsubscribe` target.
 */
import {randomUUID} from 'node:crypto';
import type {Message} from './outbox.js';
import {domainOf, type Mailbox} from './addresses.js';
import {texts, type Locale} from './texts.js';
import {htmlMail, para, urlLink} from './mail-html.js';
import {escapeHtml} from './http.js';

export interface ConfirmationMail {
  to: string;
  from: Mailbox;
  locale: Locale;
  confirmUrl: string;
  unsubscribeUrl: string;
  /** ISO 8601: the mail's Date, kept across retries. */
  date: string;
}

const BUTTON =
  'display:inline-block;padding:12px 20px;background:#005a8c;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold';

export function confirmationMail({to, from, locale, confirmUrl, unsubscribeUrl, date}: ConfirmationMail): Message {
  const t = texts(locale);
  const text = [t.hello, '', t.signedUp, '', t.pleaseConfirm, confirmUrl, '', t.notYou, '', '-- ', t.unsubscribeLead, unsubscribeUrl, ''].join('\n');
  const html = htmlMail(
    locale,
    t.subject,
    [
      para(t.hello),
      para(t.signedUp),
      para(t.pleaseConfirm),
      `<p><a href="${escapeHtml(confirmUrl)}" style="${BUTTON}">${escapeHtml(t.confirmButton)}</a></p>`,
      `<p style="font-size:14px;word-break:break-all">${urlLink(confirmUrl)}</p>`,
      para(t.notYou),
      `<hr style="border:0;border-top:1px solid #cccccc;margin:24px 0">`,
      `<p style="font-size:14px">${escapeHtml(t.unsubscribeLead)} ${urlLink(unsubscribeUrl)}</p>`,
    ].join('\n'),
  );
  return {
    from,
    to,
    subject: t.subject,
    text,
    html,
    headers: {
      'Content-Language': locale,
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    messageId: `<${randomUUID()}@${domainOf(from)}>`,
    date,
  };
}
