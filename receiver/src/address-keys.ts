/**
 * The upgrade that gives every stored address its key (addresses.ts `addressKey`): the columns
 * `newsletter_subscriptions.email_key`, `consents.email_key` and `outbox.recipient_key`. Versioned
 * (a row `address-key-1` in `schema_upgrades`) and idempotent: it runs once on a database written
 * by an older receiver, and again only if rows without a key turn up (an older receiver wrote to the
 * database after it). Nothing is dropped but duplicate subscriptions, see `survivor`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {isEmail} from '../../src/shared/rules.js';
import {addressKey} from './addresses.js';

export const ADDRESS_KEY_VERSION = 'address-key-1';

/** The key of an outbox recipient: a single address has one, the team's list of several none. */
export const recipientKey = (recipient: string): string | null => (isEmail(recipient) ? addressKey(recipient) : null);

const COLUMNS = [
  {table: 'newsletter_subscriptions', address: 'email', key: 'email_key', of: addressKey},
  {table: 'consents', address: 'email', key: 'email_key', of: addressKey},
  {table: 'consent_withdrawals', address: 'email', key: 'email_key', of: addressKey},
  {table: 'outbox', address: 'recipient', key: 'recipient_key', of: recipientKey},
];

interface Row {
  email: string;
  status: string;
  signed_up_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

/**
 * Which of several subscriptions of one key stays: a confirmed one over a pending or unsubscribed
 * one (the latest confirmation if several), unless one was unsubscribed after that confirmation
 * (the withdrawal is the later will); with none confirmed, the latest sign-up. The others' rows go
 * (their links then answer as unknown); every proof of consent stays (`consents`, now under the key).
 */
export function survivor(rows: Row[]): Row {
  const latest = (list: Row[], at: (row: Row) => string | null) => list.reduce((a, b) => ((at(b) ?? '') > (at(a) ?? '') ? b : a));
  const confirmed = rows.filter((row) => row.status === 'confirmed');
  if (!confirmed.length) return latest(rows, (row) => row.signed_up_at);
  const best = latest(confirmed, (row) => row.confirmed_at);
  const withdrawn = rows.filter((row) => row.status === 'unsubscribed' && (row.unsubscribed_at ?? '') > (best.confirmed_at ?? ''));
  return withdrawn.length ? latest(withdrawn, (row) => row.unsubscribed_at) : best;
}

const exists = (db: BetterSqlite3.Database, table: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
const hasColumn = (db: BetterSqlite3.Database, table: string, column: string) =>
  db.prepare<[string], {name: string}>('SELECT name FROM pragma_table_info(?)').all(table).some((c) => c.name === column);

/** Whether the upgrade is due: never done, or rows without a key. Reads only (commands run beside `serve`). */
function due(db: BetterSqlite3.Database): boolean {
  if (!exists(db, 'schema_upgrades') || !db.prepare('SELECT 1 FROM schema_upgrades WHERE name = ?').get(ADDRESS_KEY_VERSION)) return true;
  return COLUMNS.some(
    ({table, key}) =>
      exists(db, table) &&
      (!hasColumn(db, table, key) || (table !== 'outbox' && db.prepare(`SELECT 1 FROM ${table} WHERE ${key} IS NULL LIMIT 1`).get())),
  );
}

/** Adds the key columns where missing and fills every key anew; merges subscriptions that share one. */
export function upgradeAddressKeys(db: BetterSqlite3.Database): void {
  // The subscriptions of the first receiver are moved over by subscriptions.ts first, which then calls this again.
  const first = exists(db, 'newsletter_subscriptions') && hasColumn(db, 'newsletter_subscriptions', 'token');
  if (!first && !due(db)) return;
  // IMMEDIATE: a second process starting at the same time waits (busy_timeout), then finds nothing due.
  db.transaction(() => {
    if (!first && !due(db)) return;
    db.exec('CREATE TABLE IF NOT EXISTS schema_upgrades (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const {table, address, key, of} of COLUMNS) {
      if (!exists(db, table) || (first && table === 'newsletter_subscriptions')) continue;
      if (!hasColumn(db, table, key)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${key} TEXT`);
      if (table === 'newsletter_subscriptions') mergeSubscriptions(db);
      db.exec(`UPDATE ${table} SET ${key} = NULL`);
      const set = db.prepare(`UPDATE ${table} SET ${key} = ? WHERE rowid = ?`);
      // `AS`: for a table with an INTEGER PRIMARY KEY, SQLite names a bare `rowid` after that column
      for (const row of db.prepare<[], {row_id: number; address: string}>(`SELECT rowid AS row_id, ${address} AS address FROM ${table}`).all()) {
        set.run(of(row.address), row.row_id);
      }
    }
    if (!first) db.prepare('INSERT OR REPLACE INTO schema_upgrades (name, applied_at) VALUES (?, ?)').run(ADDRESS_KEY_VERSION, new Date().toISOString());
  }).immediate();
}

/** Deletes all but the survivor of each group of subscriptions whose addresses share a key. */
function mergeSubscriptions(db: BetterSqlite3.Database): void {
  const groups = new Map<string, (Row & {row_id: number})[]>();
  for (const row of db.prepare<[], Row & {row_id: number}>('SELECT rowid AS row_id, * FROM newsletter_subscriptions').all()) {
    const key = addressKey(row.email);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const remove = db.prepare('DELETE FROM newsletter_subscriptions WHERE rowid = ?');
  for (const rows of groups.values()) {
    if (rows.length < 2) continue;
    const kept = survivor(rows);
    for (const row of rows) if (row !== kept) remove.run(row.row_id);
  }
}
