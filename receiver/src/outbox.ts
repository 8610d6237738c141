/**
 * The outbox: every mail the receiver sends is a row of the table `outbox`
 * in the receiver's database, added in the same transaction as the record it
 * belongs to, so a stored record never lacks its mail and a mail never lacks
 * its record. The worker (outbox-worker.ts) sends what is due. A mail's
 * message is JSON (nodemailer's message options); it is cleared once sent, as
 * it holds the plain confirm and unsubscribe tokens. Rows stay as the log the
 * per-address mail limit counts, by the recipient's key (addresses.ts
 * `addressKey`); `recipient` is the address as typed, where the mail goes.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {addressKey, type Mailbox} from './addresses.js';
import {recipientKey, upgradeAddressKeys} from './address-keys.js';

/** A message as nodemailer takes it, JSON-safe; `messageId` and `date` stay the same across retries. */
export interface Message {
  from: Mailbox;
  to: string | Mailbox[];
  replyTo?: Mailbox;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
  date: string;
}

export type MailKind = 'confirm' | 'notify';

export interface OutboxRow {
  id: number;
  kind: MailKind;
  submission_id: string | null;
  recipient: string;
  /** The key of a single recipient; null for the team's list of several. */
  recipient_key: string | null;
  message: string | null;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  given_up_at: string | null;
}

export interface OutboxStats {
  /** Mails not sent yet and not given up. */
  backlog: number;
  /** When the oldest of them was written (ISO 8601), or null. */
  oldestUnsent: string | null;
  /** Mails given up (after the retry period, or refused by the server for good). */
  failed: number;
  /** The latest error of a mail still waiting, or null. */
  lastError: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  submission_id TEXT,
  recipient TEXT NOT NULL COLLATE NOCASE,
  message TEXT,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  sent_at TEXT,
  given_up_at TEXT,
  recipient_key TEXT,
  UNIQUE (kind, submission_id)
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND given_up_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_recipient ON outbox (recipient, kind, created_at);`;
/** After upgradeAddressKeys: an older receiver's outbox has no key column before it. */
const KEY_INDEX = 'CREATE INDEX IF NOT EXISTS outbox_recipient_key ON outbox (recipient_key, kind, created_at)';

const UNSENT = 'sent_at IS NULL AND given_up_at IS NULL';

export type Outbox = ReturnType<typeof openOutbox>;

export function openOutbox(db: BetterSqlite3.Database) {
  db.exec(SCHEMA);
  upgradeAddressKeys(db);
  db.exec(KEY_INDEX);
  const insert = db.prepare(
    `INSERT INTO outbox (kind, submission_id, recipient, recipient_key, message, created_at, next_attempt_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, submission_id) DO NOTHING`,
  );
  const since = db.prepare<[string, string, string], {n: number}>(
    'SELECT count(*) AS n FROM outbox WHERE recipient_key = ? AND kind = ? AND created_at > ?',
  );
  const due = db.prepare<[string, number], OutboxRow>(
    `SELECT * FROM outbox WHERE ${UNSENT} AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
  );
  const next = db.prepare<[], {at: string | null}>(`SELECT min(next_attempt_at) AS at FROM outbox WHERE ${UNSENT}`);
  const sent = db.prepare(
    `UPDATE outbox SET sent_at = ?, message = NULL, attempts = attempts + 1, last_error = NULL
     WHERE id = ? AND sent_at IS NULL AND json_extract(message, '$.messageId') = ?`,
  );
  const retry = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?');
  const postpone = db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE ${UNSENT} AND next_attempt_at < ?`);
  const giveUp = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, given_up_at = ?, message = NULL WHERE id = ?');
  const stats = db.prepare<[], OutboxStats>(
    `SELECT count(*) FILTER (WHERE ${UNSENT}) AS backlog,
            min(created_at) FILTER (WHERE ${UNSENT}) AS oldestUnsent,
            count(*) FILTER (WHERE given_up_at IS NOT NULL) AS failed,
            (SELECT last_error FROM outbox WHERE ${UNSENT} AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1) AS lastError
     FROM outbox`,
  );

  return {
    /** Adds a mail for `submissionId` (once per kind: a second add of the same is ignored); returns whether it was new. */
    add(kind: MailKind, submissionId: string, recipient: string, message: Message, now: string): boolean {
      return insert.run(kind, submissionId, recipient, recipientKey(recipient), JSON.stringify(message), now, now).changes > 0;
    },
    /** How many mails of `kind` went (or wait to go) to `recipient`, however spelt, since `after` (ISO 8601). */
    countSince: (recipient: string, kind: MailKind, after: string): number => since.get(addressKey(recipient), kind, after)!.n,
    /** The unsent mails due at `now`, oldest due first. */
    due: (now: string, limit = 50): OutboxRow[] => due.all(now, limit),
    /** When the next unsent mail is due, or undefined. */
    nextDue: (): string | undefined => next.get()?.at ?? undefined,
    /** Marks mail `id` sent at `at`, if it is still the unsent mail with this Message-ID. */
    sent(id: number, messageId: string, at: string): void {
      sent.run(at, id, messageId);
    },
    retry(id: number, error: string, at: string): void {
      retry.run(error.slice(0, 500), at, id);
    },
    /** Every unsent mail due before `at` waits until `at` (the server is unreachable). */
    postpone(at: string): void {
      postpone.run(at, at);
    },
    giveUp(id: number, error: string, now: string): void {
      giveUp.run(error.slice(0, 500), now, id);
    },
    stats: (): OutboxStats => stats.get()!,
    /** The mails to `recipient` in any spelling (alone: the team's notices to several are not theirs), oldest first. */
    forRecipient: (recipient: string): OutboxRow[] =>
      db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE recipient_key = ? ORDER BY id').all(addressKey(recipient)),
    /** Deletes the mails to `recipient` in any spelling; returns how many. */
    removeRecipient: (recipient: string): number =>
      db.prepare('DELETE FROM outbox WHERE recipient_key = ?').run(addressKey(recipient)).changes,
    /** Deletes the mails whose submission is gone; returns how many. */
    removeOrphans: (): number =>
      db.prepare('DELETE FROM outbox WHERE submission_id IS NOT NULL AND submission_id NOT IN (SELECT id FROM submissions)').run().changes,
    /** Every row, oldest first (test controls). */
    list: (): OutboxRow[] => db.prepare<[], OutboxRow>('SELECT * FROM outbox ORDER BY id').all(),
    clear(): void {
      db.exec('DELETE FROM outbox');
    },
  };
}
