/**
 * Server-side sessions of the workspace: the cookie holds a random id, the
 * database only its SHA-256 with the account, a CSRF token (synchroniser
 * token), the time of sign-in and of the last request. A session ends after
 * 30 minutes without a request and at the latest 8 hours after sign-in; a new
 * id is made at every sign-in; `user remove` and sign-out delete it.
 */
import {createHash, randomBytes} from 'node:crypto';
import type Database from 'better-sqlite3';
import type {Role} from './users.js';

export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 8 * 3600_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

export interface Session {
  email: string;
  role: Role;
  csrf: string;
}

export function sessions(db: Database.Database) {
  return {
    /** A new session for the account; returns the id for the cookie. */
    start(email: string, now: number): {id: string; csrf: string} {
      const id = randomBytes(32).toString('base64url');
      const csrf = randomBytes(32).toString('base64url');
      const at = new Date(now).toISOString();
      db.prepare('INSERT INTO team_sessions (id_hash, email, csrf, created_at, seen_at) VALUES (?, ?, ?, ?, ?)').run(sha256(id), email, csrf, at, at);
      return {id, csrf};
    },
    /** The live session for the cookie's id (and marks it seen), or undefined; ends an expired one. */
    get(id: string | undefined, now: number): Session | undefined {
      if (!id) return undefined;
      const row = db
        .prepare<[string], {email: string; role: Role; csrf: string; created_at: string; seen_at: string}>(
          'SELECT s.email, u.role, s.csrf, s.created_at, s.seen_at FROM team_sessions s JOIN team_users u ON u.email = s.email WHERE s.id_hash = ?',
        )
        .get(sha256(id));
      if (!row) return undefined;
      if (now - Date.parse(row.seen_at) > IDLE_MS || now - Date.parse(row.created_at) > ABSOLUTE_MS) {
        db.prepare('DELETE FROM team_sessions WHERE id_hash = ?').run(sha256(id));
        return undefined;
      }
      db.prepare('UPDATE team_sessions SET seen_at = ? WHERE id_hash = ?').run(new Date(now).toISOString(), sha256(id));
      return {email: row.email, role: row.role, csrf: row.csrf};
    },
    end(id: string): void {
      db.prepare('DELETE FROM team_sessions WHERE id_hash = ?').run(sha256(id));
    },
    /** Ends every other session of the account (after a change of its second factor). */
    endOthers(email: string, keepId: string): void {
      db.prepare('DELETE FROM team_sessions WHERE email = ? AND id_hash <> ?').run(email, sha256(keepId));
    },
  };
}
