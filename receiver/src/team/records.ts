/**
 * Status of each expression of interest in the workspace, with a version
 * number for optimistic concurrency: a change names the version it was made
 * on, and a stale one is refused (never a silent overwrite).
 */
import type Database from 'better-sqlite3';

export const STATUSES = ['new', 'reviewing', 'contacted', 'accepted', 'declined'] as const;
export type Status = (typeof STATUSES)[number];
export const isStatus = (value: unknown): value is Status => STATUSES.includes(value as Status);

export interface RecordState {
  status: Status;
  version: number;
  updated_by: string | null;
  updated_at: string | null;
}

export function records(db: Database.Database) {
  const get = (id: string): RecordState =>
    db.prepare<[string], RecordState>('SELECT status, version, updated_by, updated_at FROM team_records WHERE submission_id = ?').get(id) ?? {
      status: 'new',
      version: 0,
      updated_by: null,
      updated_at: null,
    };
  return {
    get,
    /** Sets the status if the record is still at `version`; returns false on a conflict. */
    setStatus(id: string, status: Status, version: number, by: string, now: string): boolean {
      return db.transaction(() => {
        if (get(id).version !== version) return false;
        db.prepare(
          `INSERT INTO team_records (submission_id, status, version, updated_by, updated_at) VALUES (?, ?, 1, ?, ?)
           ON CONFLICT(submission_id) DO UPDATE SET status = excluded.status, version = version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        ).run(id, status, by, now);
        return true;
      })();
    },
  };
}
