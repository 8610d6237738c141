/**
 * The consent history of an address, kept apart from its subscription row so
 * that a new sign-up of the same address (by anyone) neither resets nor
 * shortens it: every confirmation (table `consents`, written by
 * subscriptions.ts: time, IP address, user agent, text version, language) and
 * every withdrawal of a confirmed subscription (table `consent_withdrawals`:
 * time and how, `link` for the unsubscribe page's button, `one-click` for a
 * POST to the mail's List-Unsubscribe URL, RFC 8058). Withdrawing a sign-up
 * never confirmed is no withdrawal of consent and leaves no trace here.
 *
 * Entries are found by the address's key (addresses.ts `addressKey`), so
 * every spelling of an address shares one history.
 *
 * The history of an address goes `CONSENT_PROOF_DAYS` after its newest entry,
 * unless the address is subscribed (confirmed) now; `erase` removes it at once.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type {Subscription, Subscriptions} from './subscriptions.js';
import {addressKey} from './addresses.js';

export const DEFAULT_CONSENT_PROOF_DAYS = 1095;

export type Withdrawal = 'link' | 'one-click';

export type HistoryEntry =
  | {event: 'confirmed'; at: string; ip: string; userAgent: string | null; textVersion: string; locale: string}
  /** `via` is null for a withdrawal taken over from a database of an earlier receiver, which did not record how. */
  | {event: 'withdrawn'; at: string; via: Withdrawal | null};

const SCHEMA = `
CREATE TABLE IF NOT EXISTS consent_withdrawals (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  email_key TEXT,
  withdrawn_at TEXT NOT NULL,
  via TEXT CHECK (via IN ('link', 'one-click')),
  UNIQUE (email_key, withdrawn_at)
);`;

/**
 * Databases of earlier receivers kept a withdrawal only as the subscription's
 * `unsubscribed_at`, which a new sign-up cleared: it is copied over for every
 * unsubscribed address that had confirmed, once, when the table is created
 * (later an `unsubscribed_at` may be a withdrawn sign-up, which is no
 * withdrawal of consent). Two processes starting at once copy it once too.
 */
const TAKE_OVER = `
INSERT OR IGNORE INTO consent_withdrawals (email, email_key, withdrawn_at, via)
SELECT s.email, s.email_key, s.unsubscribed_at, NULL FROM newsletter_subscriptions s
WHERE s.status = 'unsubscribed' AND s.unsubscribed_at IS NOT NULL AND EXISTS (SELECT 1 FROM consents c WHERE c.email_key = s.email_key)`;

/** Addresses whose newest entry is older than the cutoff (?) and that are not subscribed now. */
const EXPIRED = `
SELECT email_key FROM (
  SELECT email_key, confirmed_at AS at FROM consents UNION ALL SELECT email_key, withdrawn_at FROM consent_withdrawals
) GROUP BY email_key HAVING max(at) < ?
EXCEPT SELECT email_key FROM newsletter_subscriptions WHERE status = 'confirmed'`;

export type ConsentHistory = ReturnType<typeof openConsentHistory>;

/** Opens the history's tables in `db` (after openSubscriptions) and takes over an earlier receiver's withdrawals. */
export function openConsentHistory(db: BetterSqlite3.Database, subscriptions: Subscriptions) {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'consent_withdrawals'").get()) {
    db.transaction(() => db.exec(SCHEMA + TAKE_OVER))();
  }
  const withdraw = db.prepare('INSERT OR IGNORE INTO consent_withdrawals (email, email_key, withdrawn_at, via) VALUES (?, ?, ?, ?)');
  const withdrawals = db.prepare<[string], {withdrawn_at: string; via: Withdrawal | null}>(
    'SELECT withdrawn_at, via FROM consent_withdrawals WHERE email_key = ? ORDER BY withdrawn_at, id',
  );
  const remove = {
    consents: db.prepare('DELETE FROM consents WHERE email_key = ?'),
    withdrawals: db.prepare('DELETE FROM consent_withdrawals WHERE email_key = ?'),
  };
  const removeExpired = {
    consents: db.prepare(`DELETE FROM consents WHERE email_key IN (${EXPIRED})`),
    withdrawals: db.prepare(`DELETE FROM consent_withdrawals WHERE email_key IN (${EXPIRED})`),
  };

  return {
    /** Unsubscribes by token and, when it withdraws a confirmed subscription, records how; one transaction. */
    unsubscribe: db.transaction((token: string, now: string, via: Withdrawal): Subscription | undefined => {
      const sub = subscriptions.unsubscribe(token, now);
      if (sub?.status === 'confirmed') withdraw.run(sub.email, sub.email_key, now, via);
      return sub;
    }),
    /** Every confirmation and withdrawal of `email`, oldest first. */
    of(email: string): HistoryEntry[] {
      const confirmed: HistoryEntry[] = subscriptions.consents(email).map((c) => ({
        event: 'confirmed', at: c.confirmed_at, ip: c.ip, userAgent: c.user_agent, textVersion: c.text_version, locale: c.locale,
      }));
      const withdrawn: HistoryEntry[] = withdrawals.all(addressKey(email)).map((w) => ({event: 'withdrawn', at: w.withdrawn_at, via: w.via}));
      return [...confirmed, ...withdrawn].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    },
    /** Removes the history of `email`; returns how many entries went. Run it in the caller's transaction. */
    erase: (email: string): number => {
      const key = addressKey(email);
      return remove.consents.run(key).changes + remove.withdrawals.run(key).changes;
    },
    /** Removes the histories whose newest entry is older than `cutoff` (ISO 8601) of addresses not subscribed now; returns how many entries went. */
    purge: (cutoff: string): number =>
      // only entries older than the cutoff go, so the first delete leaves the second the same addresses
      removeExpired.consents.run(cutoff).changes + removeExpired.withdrawals.run(cutoff).changes,
    /** Removes every withdrawal (test controls' reset; subscriptions.clear() removes the confirmations). */
    clear: (): void => void db.exec('DELETE FROM consent_withdrawals'),
  };
}
