/**
 * SQLite storage (better-sqlite3, WAL) in `<dataDir>/submissions.sqlite`.
 * Submissions carry no IP address (data minimisation); the only address kept
 * is the one that confirmed a newsletter subscription, as proof of consent
 * (subscriptions.ts). The outbox is in the same database (outbox.ts).
 */
import {chmodSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {teamSchema} from './team/schema.js';

export interface StoredSubmission {
  id: string;
  form: string;
  locale: string | null;
  data: Record<string, unknown>;
  created_at: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS submissions (
  id TEXT PRIMARY KEY,
  form TEXT NOT NULL,
  locale TEXT,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL);`;

export type Store = ReturnType<typeof openStore>;

/** Creates `dataDir` if missing; 0700 whatever the umask, also for a folder made before. */
export function makeDataDir(dataDir: string): void {
  mkdirSync(dataDir, {recursive: true, mode: 0o700});
  chmodSync(dataDir, 0o700);
}

export function openStore(dataDir: string) {
  makeDataDir(dataDir);
  const file = join(dataDir, 'submissions.sqlite');
  const db = new Database(file);
  chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // a 2xx only for what survives a power loss
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  teamSchema(db);

  const insert = db.prepare(
    'INSERT INTO submissions (id, form, locale, data, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
  );
  const exists = db.prepare<[string], {id: string}>('SELECT id FROM submissions WHERE id = ?');
  const touch = db.prepare('INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at');

  return {
    db,
    /** Stores a submission once per id (at `now`, ISO 8601); returns whether it was new. Call it in a transaction with its mails. */
    add: (id: string, form: string, locale: string | null, data: Record<string, unknown>, now: string): boolean =>
      insert.run(id, form, locale, JSON.stringify(data), now).changes > 0,
    /** Whether a submission with this id is stored. */
    has: (id: string): boolean => exists.get(id) !== undefined,
    /** Writes one row (throws when the database is not writable). */
    checkWritable(): void {
      touch.run(new Date().toISOString());
    },
    submissions(form?: string): StoredSubmission[] {
      const rows = db
        .prepare<unknown[], Omit<StoredSubmission, 'data'> & {data: string}>(
          `SELECT * FROM submissions ${form ? 'WHERE form = ?' : ''} ORDER BY rowid`,
        )
        .all(...(form ? [form] : []));
      return rows.map((row) => ({...row, data: JSON.parse(row.data) as Record<string, unknown>}));
    },
    clear(): void {
      db.exec('DELETE FROM submissions');
    },
    close: () => db.close(),
  };
}
