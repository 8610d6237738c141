/**
 * The receiver's configuration from the environment, read in one place.
 * Every variable is checked at start: a bad value throws a ConfigError whose
 * message names the variable, and `serve` stops with it. docs/receiver.md has
 * the table of all variables.
 */
import {resolve} from 'node:path';
import {checkTimeZone, DEFAULT_TIME_ZONE, parseDeadline} from '../../src/shared/time.js';
import type {ReceiverOptions} from './receiver.js';
import {shownSmtpUrl, transportOptions} from './mail-config.js';
import {parseMailFrom, parseNotifyTo} from './addresses.js';
import {parseTrustProxy} from './proxy.js';
import type {OidcSettings} from './team/oidc.js';
import {DEFAULT_CONSENT_PROOF_DAYS} from './consent-history.js';
import {DEFAULT_AUDIT_RETAIN_DAYS} from './team/audit.js';

export class ConfigError extends Error {}

export type Env = Record<string, string | undefined>;

/** The options `serve` starts with; port and host are always set. */
export type ServeConfig = ReceiverOptions & {port: number; host: string};

const bad = (name: string, value: string, expected: string) =>
  new ConfigError(`${name}=${JSON.stringify(value)} is not valid: expected ${expected}`);

/** A whole number in [min, max], or `fallback` when unset or empty. */
function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || +value < min || +value > max) throw bad(name, value, `a whole number from ${min} to ${max}`);
  return +value;
}

/** `1`/`true` or `0`/`false` (any case), or `fallback` when unset or empty. */
function flag(env: Env, name: string, fallback: boolean): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value) return fallback;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw bad(name, env[name]!.trim(), '1, true, 0 or false');
}

/** `TEAM_TOTP_KEY`: 32 bytes as 64 hex digits or base64; the message never shows the value. */
function totpKey(env: Env): string | undefined {
  const value = env.TEAM_TOTP_KEY?.trim();
  if (!value) return undefined;
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(value) ? Buffer.from(value, 'base64') : undefined;
  if (bytes?.length !== 32) throw new ConfigError('TEAM_TOTP_KEY is not valid: expected 32 bytes as 64 hex digits (openssl rand -hex 32) or in base64');
  return bytes.toString('hex');
}

function list(env: Env, name: string): string[] {
  return (env[name] ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

function origins(env: Env): string[] {
  return list(env, 'ALLOWED_ORIGINS').map((origin) => {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      /* reported below */
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin) {
      throw bad('ALLOWED_ORIGINS', origin, 'comma-separated origins like https://www.example.org (no path, no trailing slash)');
    }
    return origin;
  });
}

function publicUrl(env: Env): string | undefined {
  const value = env.PUBLIC_URL?.trim();
  if (!value) return undefined;
  try {
    if (/^https?:$/.test(new URL(value).protocol)) return value.replace(/\/+$/, '');
  } catch {
    /* reported below */
  }
  throw bad('PUBLIC_URL', value, 'an http(s) URL like https://forms.example.org');
}

/** Field names a site adds with hidden inputs: letters, digits, `_` and `-`, not starting with `_`. */
function extraFields(env: Env): string[] {
  return list(env, 'EXTRA_FIELDS').map((name) => {
    if (!/^[A-Za-z][\w-]{0,63}$/.test(name)) throw bad('EXTRA_FIELDS', name, 'comma-separated field names (letters, digits, _ and -)');
    return name;
  });
}

function deadline(env: Env): Pick<ReceiverOptions, 'interestDeadline' | 'interestTimeZone'> {
  const zoneValue = env.INTEREST_TIME_ZONE?.trim() || DEFAULT_TIME_ZONE;
  const zone = checkTimeZone(zoneValue);
  if (!zone) throw bad('INTEREST_TIME_ZONE', zoneValue, 'an IANA time zone like Europe/Berlin');
  const value = env.INTEREST_DEADLINE?.trim();
  if (!value) return {interestTimeZone: zone};
  if (parseDeadline(value, zone) === undefined) {
    throw bad('INTEREST_DEADLINE', value, 'a date (2027-03-31), a local date-time (2027-03-31T23:59) or ISO 8601 with offset');
  }
  return {interestDeadline: value, interestTimeZone: zone};
}

/** Runs a parser of `name`'s value; its error (which starts with the variable's name) becomes a ConfigError. */
function checked<T>(name: string, shown: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const why = (error as Error).message.replace(new RegExp(`^${name}: `), '');
    throw new ConfigError(`${name}=${JSON.stringify(shown)} is not valid: ${why}`);
  }
}

/** `SMTP_URL`, `SMTP_USER`, `SMTP_PASS`, `MAIL_FROM`, `NOTIFY_TO`, `TRUST_PROXY` (mail-config.ts, addresses.ts, proxy.ts). */
function mail(env: Env, publicUrl: string | undefined): Pick<ReceiverOptions, 'smtp' | 'mailFrom' | 'notifyTo' | 'trustProxy'> {
  const set = (name: string) => env[name]?.trim() || undefined;
  const url = set('SMTP_URL');
  for (const name of ['SMTP_USER', 'SMTP_PASS']) {
    if (!url && set(name)) throw new ConfigError(`${name} is set but SMTP_URL is not`);
  }
  const smtp = url ? {url, user: env.SMTP_USER || undefined, pass: env.SMTP_PASS || undefined} : undefined;
  if (smtp) checked('SMTP_URL', shownSmtpUrl(smtp.url), () => transportOptions(smtp));
  if (smtp && !publicUrl) throw new ConfigError('PUBLIC_URL is required with SMTP_URL: the links in the mails point there');
  const mailFrom = set('MAIL_FROM');
  if (mailFrom) checked('MAIL_FROM', mailFrom, () => parseMailFrom(mailFrom));
  const notifyTo = set('NOTIFY_TO');
  if (notifyTo) checked('NOTIFY_TO', notifyTo, () => parseNotifyTo(notifyTo));
  const trustProxy = set('TRUST_PROXY');
  if (trustProxy) checked('TRUST_PROXY', trustProxy, () => parseTrustProxy(trustProxy));
  return {smtp, mailFrom, notifyTo, trustProxy};
}

/** `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET`: all three or none; the issuer https (http only on this machine, for tests). */
function oidc(env: Env, publicUrl: string | undefined): OidcSettings | undefined {
  const names = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const [issuer, clientId, clientSecret] = names.map((name) => env[name]?.trim() || undefined);
  if (!issuer && !clientId && !clientSecret) return undefined;
  const missing = names.filter((name) => !env[name]?.trim());
  if (missing.length) throw new ConfigError(`${missing.join(' and ')} must be set too: sign-in through the identity provider needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET`);
  let url: URL | undefined;
  try {
    url = new URL(issuer!);
  } catch {
    /* reported below */
  }
  const local = url && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && local)) || url.search || url.hash || url.username) {
    throw bad('OIDC_ISSUER', issuer!, "the identity provider's https URL like https://login.example.org/realms/team (http only for localhost)");
  }
  if (!publicUrl) throw new ConfigError('PUBLIC_URL is required with OIDC_ISSUER: the identity provider sends the browser back to PUBLIC_URL/team/oidc/callback');
  return {issuer: issuer!, clientId: clientId!, clientSecret: clientSecret!};
}

/** Reads the whole configuration; throws a ConfigError naming the first bad variable. */
export function readConfig(env: Env = process.env): ServeConfig {
  return {
    port: integer(env, 'PORT', 8787, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: dataDir(env),
    allowedOrigins: origins(env),
    publicUrl: publicUrl(env),
    retainDays: integer(env, 'RETAIN_DAYS', 365, 1, 36500),
    consentProofDays: integer(env, 'CONSENT_PROOF_DAYS', DEFAULT_CONSENT_PROOF_DAYS, 1, 36500),
    auditRetainDays: integer(env, 'AUDIT_RETAIN_DAYS', DEFAULT_AUDIT_RETAIN_DAYS, 1, 36500),
    extraFields: extraFields(env),
    ...deadline(env),
    graceMinutes: integer(env, 'INTEREST_GRACE_MINUTES', 15, 0, 10080),
    rateLimit: {max: integer(env, 'RATE_LIMIT', 30, 1, 1_000_000), windowMs: 60_000},
    ...mail(env, publicUrl(env)),
    oidc: oidc(env, publicUrl(env)),
    teamRequireTotp: flag(env, 'TEAM_REQUIRE_TOTP', false),
    teamTotpKey: totpKey(env),
  };
}

/** `DATA_DIR` (default `./data`), absolute; the one variable the other commands need. */
export function dataDir(env: Env = process.env): string {
  return resolve(env.DATA_DIR?.trim() || 'data');
}
