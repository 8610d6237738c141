/**
 * The workspace's audit trail: time, account, action, object (an account or a
 * reference), never the personal data itself. `klimapartner-receiver audit
 * [--since DATE]` prints it as JSON lines. Entries go `AUDIT_RETAIN_DAYS`
 * after they were written (retention.ts).
 */
import type Database from 'better-sqlite3';

/** Days an audit entry is kept (`AUDIT_RETAIN_DAYS`): two years, long enough to review what was done with a record after it went. */
export const DEFAULT_AUDIT_RETAIN_DAYS = 730;

export interface AuditEntry {
  at: string;
  account: string | null;
  action: string;
  object: string | null;
}

export function audit(db: Database.Database, now: Date, account: string | null, action: string, object: string | null = null): void {
  db.prepare('INSERT INTO team_audit (at, account, action, object) VALUES (?, ?, ?, ?)').run(now.toISOString(), account, action, object);
}

export function auditEntries(db: Database.Database, since?: string): AuditEntry[] {
  return db
    .prepare<[string], AuditEntry>('SELECT at, account, action, object FROM team_audit WHERE at >= ? ORDER BY id')
    .all(since ?? '');
}

/** Deletes the entries written before `cutoff` (an ISO time); returns how many went. */
export function purgeAudit(db: Database.Database, cutoff: string): number {
  return db.prepare('DELETE FROM team_audit WHERE at < ?').run(cutoff).changes;
}
