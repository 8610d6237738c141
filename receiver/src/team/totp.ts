/**
 * The optional second factor of the workspace (issue 20): TOTP (RFC 6238,
 * SHA-1, 6 digits, 30 s, as every authenticator app does it) through otplib,
 * with ten one-time recovery codes.
 *
 * The secret is needed to verify a code. Without TEAM_TOTP_KEY it is kept in
 * clear in `team_totp`, so a backup of the database holds it too; with the
 * key (32 bytes) it is sealed with AES-256-GCM (`enc1:` + iv, tag and
 * ciphertext in base64url), and secrets still in clear are sealed at start.
 * Sealed secrets without the key stop the start. It is pending (no `enabled_at`)
 * until the person confirms it with a current code. A code is accepted one
 * step either side of now, and each time step only once: the last step used
 * is stored and no code of that step or an earlier one is taken again.
 * Recovery codes are random (50 bits each); only their SHA-256 is stored, and
 * a used one is deleted.
 */
import {createCipheriv, createDecipheriv, createHash, randomBytes, randomInt} from 'node:crypto';
import type Database from 'better-sqlite3';
import {generateSecret, generateURI, verifySync} from 'otplib';
import {accountKey} from './users.js';
import {ConfigError} from '../config.js';

export const RECOVERY_CODES = 10;
/** Seconds either side of now in which a code is still taken: one 30-second step. */
const TOLERANCE_S = 30;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
/** A recovery code as typed: case, spaces and hyphens do not matter. */
const normalise = (code: string) => code.toLowerCase().replace(/[\s-]+/g, '');
const looksLikeTotp = (code: string) => /^\d{6}$/.test(code.replace(/\s+/g, ''));

function recoveryCode(): string {
  const chars = Array.from({length: 10}, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** The secret in groups of four, as a person types it into an app. */
export const groupedSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

const SEALED = 'enc1:';

/** Seals and opens secrets with the key, or keeps them in clear without one. */
function sealer(key: Buffer | undefined) {
  return {
    seal(secret: string): string {
      if (!key) return secret;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return SEALED + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
    },
    open(stored: string): string {
      if (!stored.startsWith(SEALED)) return stored;
      if (!key) throw new ConfigError('TEAM_TOTP_KEY is not set, but the database holds TOTP keys sealed with it');
      const bytes = Buffer.from(stored.slice(SEALED.length), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

interface Row {
  secret: string;
  enabled_at: string | null;
  last_step: number | null;
}

/** With `key` (TEAM_TOTP_KEY) the secrets are sealed; throws a ConfigError when sealed ones cannot be opened. */
export function secondFactor(db: Database.Database, key?: Buffer) {
  const box = sealer(key);
  const stored = db.prepare<[], {email: string; secret: string; enabled_at: string | null}>('SELECT email, secret, enabled_at FROM team_totp').all();
  db.transaction(() => {
    for (const {email, secret, enabled_at} of stored) {
      let clear: string;
      try {
        clear = box.open(secret);
      } catch (error) {
        // a key still waiting for confirmation is simply made anew on the next visit of the setup
        if (!enabled_at) {
          db.prepare('DELETE FROM team_totp WHERE email = ?').run(email);
          continue;
        }
        if (error instanceof ConfigError) throw error;
        throw new ConfigError('TEAM_TOTP_KEY is not the key the TOTP keys in the database were sealed with');
      }
      if (key && !secret.startsWith(SEALED)) db.prepare('UPDATE team_totp SET secret = ? WHERE email = ?').run(box.seal(clear), email);
    }
  })();
  const row = (email: string): Row | undefined => {
    const found = db.prepare<[string], Row>('SELECT secret, enabled_at, last_step FROM team_totp WHERE email = ?').get(accountKey(email));
    return found && {...found, secret: box.open(found.secret)};
  };

  /** Checks a TOTP code against the row (past steps refused) and records its step; true when taken. */
  function takeTotp(email: string, found: Row, code: string, nowMs: number): boolean {
    if (!looksLikeTotp(code)) return false;
    const result = verifySync({
      secret: found.secret,
      token: code.replace(/\s+/g, ''),
      epoch: Math.floor(nowMs / 1000),
      epochTolerance: TOLERANCE_S,
      ...(found.last_step === null ? {} : {afterTimeStep: found.last_step}),
    });
    if (!result.valid || !('timeStep' in result)) return false;
    db.prepare('UPDATE team_totp SET last_step = ? WHERE email = ?').run(result.timeStep, accountKey(email));
    return true;
  }

  function newRecoveryCodes(email: string): string[] {
    const key = accountKey(email);
    const codes = Array.from({length: RECOVERY_CODES}, recoveryCode);
    db.prepare('DELETE FROM team_recovery_codes WHERE email = ?').run(key);
    const insert = db.prepare('INSERT INTO team_recovery_codes (code_hash, email) VALUES (?, ?)');
    for (const code of codes) insert.run(sha256(normalise(code)), key);
    return codes;
  }

  return {
    /** Whether the account has a confirmed second factor. */
    enabled: (email: string): boolean => !!row(email)?.enabled_at,
    enabledAt: (email: string): string | undefined => row(email)?.enabled_at ?? undefined,
    recoveryLeft: (email: string): number =>
      db.prepare<[string], {n: number}>('SELECT count(*) AS n FROM team_recovery_codes WHERE email = ?').get(accountKey(email))?.n ?? 0,

    /** The secret waiting for confirmation (made on first call), or undefined when TOTP is already on. */
    pending(email: string): string | undefined {
      const found = row(email);
      if (found?.enabled_at) return undefined;
      if (found) return found.secret;
      const secret = generateSecret();
      db.prepare('INSERT INTO team_totp (email, secret) VALUES (?, ?)').run(accountKey(email), box.seal(secret));
      return secret;
    },

    /** The `otpauth://` URI of a secret for an authenticator app. */
    uri: (email: string, secret: string, issuer: string): string => generateURI({issuer, label: accountKey(email), secret}),

    /** Turns the pending secret on if `code` is current; returns the new recovery codes (shown once), or undefined. */
    enable: (email: string, code: string, nowMs: number): string[] | undefined =>
      db.transaction(() => {
        const found = row(email);
        if (!found || found.enabled_at || !takeTotp(email, found, code, nowMs)) return undefined;
        db.prepare('UPDATE team_totp SET enabled_at = ? WHERE email = ?').run(new Date(nowMs).toISOString(), accountKey(email));
        return newRecoveryCodes(email);
      })(),

    /** Checks a code at sign-in or for a change: a current TOTP code, or an unused recovery code, which is used up. */
    check: (email: string, code: string, nowMs: number): 'totp' | 'recovery' | undefined =>
      db.transaction(() => {
        const found = row(email);
        if (!found?.enabled_at) return undefined;
        if (takeTotp(email, found, code, nowMs)) return 'totp';
        if (looksLikeTotp(code)) return undefined;
        const used = db.prepare('DELETE FROM team_recovery_codes WHERE code_hash = ? AND email = ?').run(sha256(normalise(code)), accountKey(email));
        return used.changes === 1 ? 'recovery' : undefined;
      })(),

    /** New recovery codes instead of the old ones (which stop working); call after `check`. */
    renewRecoveryCodes: (email: string): string[] => db.transaction(() => newRecoveryCodes(email))(),

    /** Removes the second factor and its recovery codes (turned off, or reset by an administrator). */
    remove(email: string): boolean {
      const key = accountKey(email);
      return db.transaction(() => {
        db.prepare('DELETE FROM team_recovery_codes WHERE email = ?').run(key);
        return db.prepare('DELETE FROM team_totp WHERE email = ?').run(key).changes === 1;
      })();
    },
  };
}

export type SecondFactor = ReturnType<typeof secondFactor>;
