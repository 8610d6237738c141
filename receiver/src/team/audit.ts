/**
 * The workspace's audit trail: time, account, action, object (an account or a
 * reference), never the personal data itself. `klimapartner-receiver audit
 * [--since DATE]` prints it as JSON lines.
 */
import type Database from 'better-sqlite3';

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
