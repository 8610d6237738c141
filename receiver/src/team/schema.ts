/**
 * The team workspace's tables (issue 20), created by the store's setup
 * (store.ts calls teamSchema, after the submissions table). The audit keeps
 * account, action and object (a reference), never a visitor's data; notes are
 * the team's own text about a record and go when the record goes (trigger).
 */
import type Database from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS team_users (
  email TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  password_hash TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS team_password_links (
  token_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL REFERENCES team_users(email) ON DELETE CASCADE,
  expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS team_totp (
  email TEXT PRIMARY KEY REFERENCES team_users(email) ON DELETE CASCADE,
  secret TEXT NOT NULL,
  enabled_at TEXT,
  last_step INTEGER
);
CREATE TABLE IF NOT EXISTS team_recovery_codes (
  code_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL REFERENCES team_users(email) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS team_sessions (
  id_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL REFERENCES team_users(email) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS team_records (
  submission_id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_by TEXT,
  updated_at TEXT
);
CREATE TABLE IF NOT EXISTS team_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  submission_id TEXT NOT NULL,
  at TEXT NOT NULL,
  account TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS team_notes_submission ON team_notes (submission_id);
-- A record that goes (erase, the privacy page, retention) takes its status and notes with it.
CREATE TRIGGER IF NOT EXISTS team_submission_gone AFTER DELETE ON submissions BEGIN
  DELETE FROM team_notes WHERE submission_id = old.id;
  DELETE FROM team_records WHERE submission_id = old.id;
END;
CREATE TABLE IF NOT EXISTS team_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  account TEXT,
  action TEXT NOT NULL,
  object TEXT
);`;

export function teamSchema(db: Database.Database): void {
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
}
