/**
 * The receiver's configuration from the environment, read in one place.
 * Every variable is checked at start: a bad value throws a ConfigError whose
 * message names the variable, and `serve` stops with it. docs/receiver.md has
 * the table of all variables.
 */
import {resolve} from 'node:path';
import {checkTimeZone, DEFAULT_TIME_ZONE, parseDeadline} from '../../src/shared/time.js';
import type {ReceiverOptions} from './receiver.js';

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

/** Reads the whole configuration; throws a ConfigError naming the first bad variable. */
export function readConfig(env: Env = process.env): ServeConfig {
  const smtpHost = env.SMTP_HOST?.trim();
  return {
    port: integer(env, 'PORT', 8787, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: dataDir(env),
    allowedOrigins: origins(env),
    publicUrl: publicUrl(env),
    retainDays: integer(env, 'RETAIN_DAYS', 365, 1, 36500),
    extraFields: extraFields(env),
    ...deadline(env),
    graceMinutes: integer(env, 'INTEREST_GRACE_MINUTES', 15, 0, 10080),
    rateLimit: {max: integer(env, 'RATE_LIMIT', 30, 1, 1_000_000), windowMs: 60_000},
    smtp: smtpHost
      ? {host: smtpHost, port: integer(env, 'SMTP_PORT', 25, 1, 65535), from: env.SMTP_FROM || 'noreply@localhost'}
      : undefined,
  };
}

/** `DATA_DIR` (default `./data`), absolute; the one variable the other commands need. */
export function dataDir(env: Env = process.env): string {
  return resolve(env.DATA_DIR?.trim() || 'data');
}
