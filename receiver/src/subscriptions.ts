/**
 * Newsletter subscriptions (double opt-in) and the proof of each consent, in
 * the receiver's database. Each subscription has two tokens, stored only as
 * hashes: one confirms (valid 7 days), one unsubscribes (valid as long as the
 * subscription). Every confirmation adds a row to `consents`: time, the
 * visitor's address and user agent, the version and language of the consent
 * text they confirmed.
 *
 * An address is stored as typed (the mail goes there) and found by its key
 * (addresses.ts `addressKey`): one subscription per key, and the proofs of
 * every spelling of it belong to it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {hashToken, newToken} from './tokens.js';
import {addressKey} from './addresses.js';
import {upgradeAddressKeys} from './address-keys.js';

export const CONFIRM_VALID_MS = 7 * 86_400_000;

export type Status = 'pending' | 'confirmed' | 'unsubscribed';

export interface Subscription {
  email: string;
  email_key: string;
  status: Status;
  locale: string | null;
  submission_id: string | null;
  signed_up_at: string;
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  unsubscribe_token_hash: string | null;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

export interface Consent {
  email: string;
  submission_id: string | null;
  confirmed_at: string;
  ip: string;
  user_agent: string | null;
  text_version: string;
  locale: string;
}

export type ConsentProof = Pick<Consent, 'ip' | 'user_agent' | 'text_version' | 'locale'>;

/** What a confirm link stands for now. */
export type ConfirmState = 'pending' | 'confirmed' | 'expired' | 'withdrawn' | 'unknown';

const TABLES = `
CREATE TABLE IF NOT EXISTS newsletter_subscriptions (
  email TEXT PRIMARY KEY COLLATE NOCASE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
  locale TEXT,
  submission_id TEXT,
  signed_up_at TEXT NOT NULL,
  confirm_token_hash TEXT UNIQUE,
  confirm_expires_at TEXT,
  unsubscribe_token_hash TEXT UNIQUE,
  confirmed_at TEXT,
  unsubscribed_at TEXT,
  email_key TEXT
);
CREATE TABLE IF NOT EXISTS consents (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL COLLATE NOCASE,
  submission_id TEXT,
  confirmed_at TEXT NOT NULL,
  ip TEXT NOT NULL,
  user_agent TEXT,
  text_version TEXT NOT NULL,
  locale TEXT NOT NULL,
  email_key TEXT
);
CREATE INDEX IF NOT EXISTS consents_email ON consents (email);`;
/** After upgradeAddressKeys: a database of an older receiver has no key columns before it. */
const INDEXES = `
CREATE UNIQUE INDEX IF NOT EXISTS newsletter_subscriptions_key ON newsletter_subscriptions (email_key);
CREATE INDEX IF NOT EXISTS consents_key ON consents (email_key);`;

/** Tables of the first receiver (one plain token for both links) are moved over once: the old links keep working. */
function migrate(db: BetterSqlite3.Database): void {
  const columns = db.prepare<[], {name: string}>("SELECT name FROM pragma_table_info('newsletter_subscriptions')").all();
  if (!columns.some((c) => c.name === 'token')) return;
  db.transaction(() => {
    db.exec('ALTER TABLE newsletter_subscriptions RENAME TO newsletter_subscriptions_v1');
    db.exec(TABLES);
    const old = db.prepare('SELECT * FROM newsletter_subscriptions_v1').all() as Record<string, string | null>[];
    const insert = db.prepare(`INSERT INTO newsletter_subscriptions
      (email, status, submission_id, signed_up_at, confirm_token_hash, confirm_expires_at, unsubscribe_token_hash, confirmed_at, unsubscribed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const consent = db.prepare(
      "INSERT INTO consents (email, submission_id, confirmed_at, ip, text_version, locale) VALUES (?, ?, ?, ?, 'v1', 'de')",
    );
    for (const row of old) {
      const hash = hashToken(String(row.token));
      const expires = new Date(Date.parse(String(row.confirm_token_created)) + CONFIRM_VALID_MS).toISOString();
      insert.run(row.email, row.status, row.submission_id, row.confirm_token_created, hash, expires, hash, row.confirmed_at, row.unsubscribed_at);
      if (row.confirmed_at) consent.run(row.email, row.submission_id, row.confirmed_at, row.confirmed_ip ?? '');
    }
    db.exec('DROP TABLE newsletter_subscriptions_v1');
  })();
}

export type Subscriptions = ReturnType<typeof openSubscriptions>;

export function openSubscriptions(db: BetterSqlite3.Database) {
  migrate(db);
  db.exec(TABLES);
  upgradeAddressKeys(db);
  db.exec(INDEXES);
  const byKey = db.prepare<[string], Subscription>('SELECT * FROM newsletter_subscriptions WHERE email_key = ?');
  const byConfirm = db.prepare<[string], Subscription>('SELECT * FROM newsletter_subscriptions WHERE confirm_token_hash = ?');
  const byUnsubscribe = db.prepare<[string], Subscription>('SELECT * FROM newsletter_subscriptions WHERE unsubscribe_token_hash = ?');
  const start = db.prepare(`
    INSERT INTO newsletter_subscriptions
      (email, email_key, status, locale, submission_id, signed_up_at, confirm_token_hash, confirm_expires_at, unsubscribe_token_hash)
    VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?)
    ON CONFLICT (email_key) DO UPDATE SET email = excluded.email, status = 'pending', locale = excluded.locale,
      submission_id = excluded.submission_id, signed_up_at = excluded.signed_up_at,
      confirm_token_hash = excluded.confirm_token_hash, confirm_expires_at = excluded.confirm_expires_at,
      unsubscribe_token_hash = excluded.unsubscribe_token_hash, confirmed_at = NULL, unsubscribed_at = NULL`);
  const confirm = db.prepare("UPDATE newsletter_subscriptions SET status = 'confirmed', confirmed_at = ? WHERE email_key = ? AND status = 'pending'");
  const addConsent = db.prepare(
    'INSERT INTO consents (email, email_key, submission_id, confirmed_at, ip, user_agent, text_version, locale) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const unsubscribe = db.prepare(
    "UPDATE newsletter_subscriptions SET status = 'unsubscribed', unsubscribed_at = ? WHERE email_key = ? AND status <> 'unsubscribed'",
  );

  function confirmState(sub: Subscription | undefined, now: string): ConfirmState {
    if (!sub) return 'unknown';
    if (sub.status === 'confirmed') return 'confirmed';
    if (sub.status === 'unsubscribed') return 'withdrawn';
    return sub.confirm_expires_at && now > sub.confirm_expires_at ? 'expired' : 'pending';
  }

  return {
    /** The subscription of `email`, however it is spelt (its key). */
    byEmail: (email: string) => byKey.get(addressKey(email)),
    /**
     * Starts (or starts over) the double opt-in of `email` with new tokens and
     * returns them for the mail. Call inside the transaction that stores the
     * submission, after checking the mail limit; not for a confirmed address.
     * The subscription of another spelling of it is taken over, as `email`.
     */
    start(email: string, locale: string, submissionId: string, now: string): {confirm: string; unsubscribe: string} {
      const tokens = {confirm: newToken(), unsubscribe: newToken()};
      const expires = new Date(Date.parse(now) + CONFIRM_VALID_MS).toISOString();
      start.run(email, addressKey(email), locale, submissionId, now, hashToken(tokens.confirm), expires, hashToken(tokens.unsubscribe));
      return tokens;
    },
    /** What the confirm link `token` stands for at `now`, and its subscription; changes nothing. */
    peekConfirm(token: string, now: string): {state: ConfirmState; sub?: Subscription} {
      const sub = token ? byConfirm.get(hashToken(token)) : undefined;
      return {state: confirmState(sub, now), sub};
    },
    /** Confirms a pending, unexpired subscription and stores the proof; returns the state after it ('confirmed' if it was). */
    confirm: db.transaction((token: string, proof: ConsentProof, now: string): {state: ConfirmState; sub?: Subscription} => {
      const sub = token ? byConfirm.get(hashToken(token)) : undefined;
      const state = confirmState(sub, now);
      if (state !== 'pending' || !sub) return {state, sub};
      confirm.run(now, sub.email_key);
      addConsent.run(sub.email, sub.email_key, sub.submission_id, now, proof.ip, proof.user_agent, proof.text_version, proof.locale);
      return {state: 'confirmed', sub};
    }),
    /** The subscription of the unsubscribe link `token`; changes nothing. */
    peekUnsubscribe: (token: string): Subscription | undefined => (token ? byUnsubscribe.get(hashToken(token)) : undefined),
    /** Unsubscribes (a pending sign-up is withdrawn); returns the subscription, or undefined for an unknown token. */
    unsubscribe(token: string, now: string): Subscription | undefined {
      const sub = token ? byUnsubscribe.get(hashToken(token)) : undefined;
      if (sub) unsubscribe.run(now, sub.email_key);
      return sub;
    },
    /** Every confirmation of `email` in any spelling, oldest first. */
    consents: (email: string): Consent[] =>
      db
        .prepare<[string], Consent>('SELECT email, submission_id, confirmed_at, ip, user_agent, text_version, locale FROM consents WHERE email_key = ? ORDER BY id')
        .all(addressKey(email)),
    all: (): Subscription[] => db.prepare<[], Subscription>('SELECT * FROM newsletter_subscriptions ORDER BY rowid').all(),
    clear(): void {
      db.exec('DELETE FROM consents; DELETE FROM newsletter_subscriptions;');
    },
  };
}
