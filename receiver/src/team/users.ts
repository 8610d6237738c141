/**
 * The workspace's accounts (issue 20): added only by an administrator
 * (`klimapartner-receiver user add`), no self-registration. A new account gets
 * a one-time link (valid 24 h) to set its password; only the link's hash is stored.
 */
import {createHash, randomBytes} from 'node:crypto';
import type Database from 'better-sqlite3';
import {hashPassword, passwordProblem} from './passwords.js';
import {audit} from './audit.js';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

export const LINK_HOURS = 24;

export interface TeamUser {
  email: string;
  role: Role;
  has_password: boolean;
  /** Whether a second factor (TOTP) is on. */
  has_totp: boolean;
  created_at: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
/** Accounts are keyed by the address in lower case. */
export const accountKey = (email: string) => email.trim().toLowerCase();

export class UserError extends Error {}

export function users(db: Database.Database) {
  const find = (email: string) =>
    db.prepare<[string], {email: string; role: Role; password_hash: string | null; created_at: string}>('SELECT * FROM team_users WHERE email = ?').get(accountKey(email));

  return {
    find,
    /** Whether any account exists (the workspace is off without one). */
    any: (): boolean => db.prepare('SELECT 1 FROM team_users LIMIT 1').get() !== undefined,
    list: (): TeamUser[] =>
      db
        .prepare<[], {email: string; role: Role; password_hash: string | null; created_at: string; totp: number}>(
          'SELECT u.*, EXISTS (SELECT 1 FROM team_totp t WHERE t.email = u.email AND t.enabled_at IS NOT NULL) AS totp FROM team_users u ORDER BY u.email',
        )
        .all()
        .map(({password_hash, totp, ...user}) => ({...user, has_password: password_hash !== null, has_totp: totp === 1})),
    /** Adds an account; with a password it is set now, else returns a one-time token for the set-password link. */
    add(email: string, role: Role, now: Date, by: string, password?: string): {token?: string} {
      if (password !== undefined) {
        const problem = passwordProblem(password);
        if (problem) throw new UserError(problem);
      }
      const key = accountKey(email);
      return db.transaction(() => {
        if (find(key)) throw new UserError(`${key} already has an account`);
        db.prepare('INSERT INTO team_users (email, role, password_hash, created_at) VALUES (?, ?, ?, ?)').run(
          key,
          role,
          password === undefined ? null : hashPassword(password),
          now.toISOString(),
        );
        audit(db, now, by, 'user.add', `${key} (${role})`);
        if (password !== undefined) return {};
        const token = randomBytes(32).toString('base64url');
        db.prepare('INSERT INTO team_password_links (token_hash, email, expires_at) VALUES (?, ?, ?)').run(
          sha256(token),
          key,
          new Date(now.getTime() + LINK_HOURS * 3600_000).toISOString(),
        );
        return {token};
      })();
    },
    setRole(email: string, role: Role, now: Date, by: string): void {
      const key = accountKey(email);
      if (db.prepare('UPDATE team_users SET role = ? WHERE email = ?').run(role, key).changes === 0) throw new UserError(`${key} has no account`);
      audit(db, now, by, 'user.role', `${key} (${role})`);
    },
    /** Removes an account, its links and every session (signed out everywhere). */
    remove(email: string, now: Date, by: string): void {
      const key = accountKey(email);
      db.transaction(() => {
        db.prepare('DELETE FROM team_sessions WHERE email = ?').run(key);
        db.prepare('DELETE FROM team_password_links WHERE email = ?').run(key);
        if (db.prepare('DELETE FROM team_users WHERE email = ?').run(key).changes === 0) throw new UserError(`${key} has no account`);
        audit(db, now, by, 'user.remove', key);
      })();
    },
    /** Removes the second factor and its recovery codes and signs the person out everywhere (a lost phone); at the next sign-in the password alone does. */
    resetTotp(email: string, now: Date, by: string): void {
      const key = accountKey(email);
      db.transaction(() => {
        if (!find(key)) throw new UserError(`${key} has no account`);
        db.prepare('DELETE FROM team_sessions WHERE email = ?').run(key);
        db.prepare('DELETE FROM team_recovery_codes WHERE email = ?').run(key);
        if (db.prepare('DELETE FROM team_totp WHERE email = ? AND enabled_at IS NOT NULL').run(key).changes === 0) throw new UserError(`${key} has no second factor`);
        db.prepare('DELETE FROM team_totp WHERE email = ?').run(key);
        audit(db, now, by, 'totp.reset', key);
      })();
    },
    /** Sets the password through a one-time link; returns the account, or undefined for an unknown or expired link. */
    setPasswordByLink(token: string, password: string, now: Date): string | undefined {
      const problem = passwordProblem(password);
      if (problem) throw new UserError(problem);
      return db.transaction(() => {
        const link = db
          .prepare<[string], {email: string; expires_at: string}>('SELECT email, expires_at FROM team_password_links WHERE token_hash = ?')
          .get(sha256(token));
        if (!link || link.expires_at <= now.toISOString()) return undefined;
        db.prepare('DELETE FROM team_password_links WHERE email = ?').run(link.email);
        db.prepare('DELETE FROM team_sessions WHERE email = ?').run(link.email);
        db.prepare('UPDATE team_users SET password_hash = ? WHERE email = ?').run(hashPassword(password), link.email);
        audit(db, now, link.email, 'user.password', link.email);
        return link.email;
      })();
    },
  };
}
