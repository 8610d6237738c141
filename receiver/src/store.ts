/**
 * SQLite storage (better-sqlite3, WAL) in `<dataDir>/submissions.sqlite`.
 * Submissions carry no IP address (data minimisation); the only address kept
 * is the one that confirmed a newsletter subscription, as proof of consent.
 */
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {randomBytes} from 'node:crypto';
import Database from 'better-sqlite3';

export interface StoredSubmission {
  id: string;
  form: string;
  locale: string | null;
  data: Record<string, unknown>;
  created_at: string;
}

export interface Subscription {
  email: string;
  status: 'pending' | 'confirmed' | 'unsubscribed';
  token: string;
  confirm_token_created: string;
  confirmed_at: string | null;
  confirmed_ip: string | null;
  unsubscribed_at: string | null;
  submission_id: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS submissions (
  id TEXT PRIMARY KEY,
  form TEXT NOT NULL,
  locale TEXT,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS newsletter_subscriptions (
  email TEXT PRIMARY KEY COLLATE NOCASE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
  token TEXT NOT NULL UNIQUE,
  confirm_token_created TEXT NOT NULL,
  confirmed_at TEXT,
  confirmed_ip TEXT,
  unsubscribed_at TEXT,
  submission_id TEXT
);
CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL);`;

export type Store = ReturnType<typeof openStore>;

export function openStore(dataDir: string) {
  mkdirSync(dataDir, {recursive: true});
  const db = new Database(join(dataDir, 'submissions.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const insert = db.prepare(
    'INSERT INTO submissions (id, form, locale, data, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
  );
  // A new sign-up of a known address starts over unless it is confirmed already.
  const subscribe = db.prepare(`
    INSERT INTO newsletter_subscriptions (email, status, token, confirm_token_created, submission_id)
    VALUES (?, 'pending', ?, ?, ?)
    ON CONFLICT(email) DO UPDATE SET status = 'pending', token = excluded.token,
      confirm_token_created = excluded.confirm_token_created, submission_id = excluded.submission_id,
      confirmed_at = NULL, confirmed_ip = NULL, unsubscribed_at = NULL
    WHERE status <> 'confirmed'`);
  const byToken = db.prepare<[string], Subscription>('SELECT * FROM newsletter_subscriptions WHERE token = ?');
  const confirm = db.prepare(
    "UPDATE newsletter_subscriptions SET status = 'confirmed', confirmed_at = ?, confirmed_ip = ? WHERE token = ? AND status = 'pending'",
  );
  const unsubscribe = db.prepare(
    "UPDATE newsletter_subscriptions SET status = 'unsubscribed', unsubscribed_at = ? WHERE token = ? AND status <> 'unsubscribed'",
  );
  const now = () => new Date().toISOString();
  const exists = db.prepare<[string], {id: string}>('SELECT id FROM submissions WHERE id = ?');
  const touch = db.prepare('INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at');

  return {
    db,
    /**
     * Stores a submission once per id; a newsletter submission also starts a
     * subscription. Returns whether it was new, and the token of a subscription
     * that needs a confirmation mail.
     */
    add: db.transaction(
      (id: string, form: string, locale: string | null, data: Record<string, unknown>, email?: string) => {
        const created = now();
        if (insert.run(id, form, locale, JSON.stringify(data), created).changes === 0) return {created: false};
        if (email === undefined) return {created: true};
        const token = randomBytes(24).toString('base64url');
        const started = subscribe.run(email, token, created, id).changes > 0;
        return {created: true, token: started ? token : undefined};
      },
    ),
    /** Whether a submission with this id is stored. */
    has: (id: string): boolean => exists.get(id) !== undefined,
    /** Writes one row (throws when the database is not writable). */
    checkWritable(): void {
      touch.run(now());
    },
    subscription: (token: string) => byToken.get(token),
    /** Marks the subscription confirmed (once) with time and address; returns it, or undefined for an unknown token. */
    confirm(token: string, ip: string): Subscription | undefined {
      confirm.run(now(), ip, token);
      return byToken.get(token);
    },
    unsubscribe(token: string): Subscription | undefined {
      unsubscribe.run(now(), token);
      return byToken.get(token);
    },
    submissions(form?: string): StoredSubmission[] {
      const rows = db
        .prepare<unknown[], Omit<StoredSubmission, 'data'> & {data: string}>(
          `SELECT * FROM submissions ${form ? 'WHERE form = ?' : ''} ORDER BY rowid`,
        )
        .all(...(form ? [form] : []));
      return rows.map((row) => ({...row, data: JSON.parse(row.data) as Record<string, unknown>}));
    },
    subscriptions: (): Subscription[] =>
      db.prepare<[], Subscription>('SELECT * FROM newsletter_subscriptions ORDER BY rowid').all(),
    clear(): void {
      db.exec('DELETE FROM newsletter_subscriptions; DELETE FROM submissions;');
    },
    close: () => db.close(),
  };
}
