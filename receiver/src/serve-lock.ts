/**
 * One `serve` per DATA_DIR (SQLite): two would each send every mail. The
 * receiver holds `<dataDir>/serve.lock`, a database of its own in which it
 * keeps a transaction begun with BEGIN EXCLUSIVE open for as long as it runs.
 * That is the operating system's lock (a POSIX record lock), released when the
 * process ends however it ends (SIGKILL, a crash), so a stale lock never blocks
 * the next start, unlike a pid file. The commands never take it.
 */
import {chmodSync} from 'node:fs';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {makeDataDir} from './store.js';

/** Another receiver holds the lock on this DATA_DIR. */
export class DataDirInUse extends Error {}

/** Takes the lock on `dataDir` (created if missing), or throws DataDirInUse at once. */
export function lockDataDir(dataDir: string): {release(): void} {
  makeDataDir(dataDir);
  const file = join(dataDir, 'serve.lock');
  const db = new Database(file, {timeout: 0});
  try {
    chmodSync(file, 0o600);
    db.pragma('journal_mode = MEMORY'); // the lock is the point: no journal file next to it
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as {code?: string}).code !== 'SQLITE_BUSY') throw error;
    throw new DataDirInUse(`DATA_DIR ${dataDir} is in use by another serve (it holds ${file}); one serve per DATA_DIR`);
  }
  return {
    release(): void {
      if (!db.open) return;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}
