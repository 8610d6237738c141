/**
 * The receiver's mail as a whole: the outbox in the receiver's database, the
 * sender (MAIL_FROM), the team's addresses (NOTIFY_TO) and, with SMTP, the
 * worker that sends. Without SMTP, mails stay in the outbox (development,
 * tests) and nothing is sent.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {openOutbox} from './outbox.js';
import {startOutboxWorker, type RetryPolicy} from './outbox-worker.js';
import {createSmtpTransport, type SmtpSettings} from './mail-config.js';
import {parseMailFrom, parseNotifyTo, type Mailbox} from './addresses.js';

export interface MailOptions {
  /** `SMTP_URL` and, optionally, `SMTP_USER`/`SMTP_PASS`. Without it nothing is sent. */
  smtp?: SmtpSettings;
  /** `MAIL_FROM`; default `noreply@` the host of `publicUrl`. */
  mailFrom?: string;
  /** `NOTIFY_TO`: told of every new expression of interest. */
  notifyTo?: string | string[];
  /** `PUBLIC_URL`: required with `smtp` (the links in the mails). */
  publicUrl?: string;
  /** The outbox's retry timing; default within 30 s, doubling up to an hour, for three days. */
  retry?: Partial<RetryPolicy>;
}

/** `checkWritable`: a write that throws while the database takes none (the worker's probe after a refusal). */
export function setUpMail(db: BetterSqlite3.Database, opts: MailOptions, now: () => number, checkWritable?: () => void) {
  if (opts.smtp && !opts.publicUrl) throw new Error('PUBLIC_URL: required with SMTP_URL, for the links in the mails');
  const host = opts.publicUrl ? new URL(opts.publicUrl).hostname : 'localhost';
  const from: Mailbox = opts.mailFrom ? parseMailFrom(opts.mailFrom) : {name: '', address: `noreply@${host}`};
  const notifyTo: Mailbox[] = ([] as string[])
    .concat(opts.notifyTo ?? [])
    .filter((list) => list.trim())
    .flatMap(parseNotifyTo);
  const outbox = openOutbox(db);
  const worker = opts.smtp
    ? startOutboxWorker({outbox, transport: createSmtpTransport(opts.smtp), now, policy: opts.retry, probe: checkWritable})
    : undefined;
  return {outbox, from, notifyTo, worker};
}
