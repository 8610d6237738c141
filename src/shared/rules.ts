/**
 * Validation of one submitted flat record, shared by the widgets (in the
 * browser) and the reference receiver (in Node). It returns error CODES keyed
 * by field; the widgets turn codes into text, the receiver sends them as is.
 * An empty object means valid. Pure TypeScript: no DOM, no Node.
 *
 * What a value may look like (JSON and form-encoded bodies alike):
 * - text: a string; numbers and booleans count as their text; anything else
 *   (objects, arrays) counts as not given. Blank (only spaces) is not given.
 * - booleans (`consent`, `workshop`): `true`/`false` or the strings 'true'/'false'.
 * - `population`: a non-negative safe integer, as a number or a digit string.
 * - `languages`: an array of codes, or one string of codes separated by commas
 *   ('de,en'); a form-encoded body may also repeat the key, which the receiver
 *   reads as an array.
 * - lengths count code points, not UTF-16 units.
 */
import {COUNTRY_CODES, DE_STATES} from './regions.js';

export type ErrorCode = 'required' | 'email' | 'too-long' | 'choice' | 'integer' | 'phone' | 'country' | 'consent';
export type Errors = Record<string, ErrorCode>;

export const MAX_TEXT = 200;
export const MAX_MOTIVATION = 2000;
export const MAX_EMAIL = 254;

export const MUNICIPALITY_TYPES = ['city', 'municipality', 'district', 'other'] as const;
export const PARTNERSHIPS = ['existing', 'contacts', 'none'] as const;
export const PREFERRED_REGIONS = ['africa', 'latin-america', 'open'] as const;
export const LANGUAGES = ['de', 'en', 'fr', 'es', 'pt'] as const;
export const STATE_CODES: readonly string[] = Object.keys(DE_STATES);

/** The interest form's fields (the contract's keys), in the order the form shows them. */
export const INTEREST_FIELDS = [
  'municipality',
  'municipalityType',
  'country',
  'state',
  'population',
  'contactName',
  'department',
  'email',
  'phone',
  'partnership',
  'partnerMunicipality',
  'partnerCountry',
  'preferredRegion',
  'languages',
  'motivation',
  'workshop',
] as const;
/** The newsletter's fields (with the default name of the e-mail field). */
export const NEWSLETTER_FIELDS = ['email', 'name', 'consent'] as const;

/** E.164: a plus, a country code not starting with 0, 7 to 15 digits in all. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/** Length in code points (what a visitor counts as characters). */
export const textLength = (value: string): number => [...value].length;

/** One @, something before it, a dotted domain after it, no spaces, at most 254 characters. */
export function isEmail(value: string): boolean {
  // A bare address only: no display name (`a<b@c>`), comment (`(c)`), quoted local part, list (`,` `;`) or
  // route (`:`), so that the address checked is the one a mailer delivers to (issue 24).
  return textLength(value) <= MAX_EMAIL && /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/.test(value);
}

const oneOf = (list: readonly string[], value: string): boolean => list.includes(value);

/** The text of a value: strings as they are, numbers and booleans as text, anything else empty. */
function text(value: unknown): string {
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? String(value) : '';
}

/** A list of codes: an array, or a comma-separated string. */
function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(text) : text(value).split(',');
  return items.map((item) => item.trim()).filter(Boolean);
}

/** Collects the first error per field. */
function checker(data: Record<string, unknown>) {
  const errors: Errors = {};
  /** Blank and required → 'required'; given and not `ok` → `code`. */
  const check = (key: string, required: boolean, ok: (value: string) => boolean, code: ErrorCode) => {
    if (errors[key]) return;
    const value = text(data[key]);
    if (!value.trim()) {
      if (required) errors[key] = 'required';
    } else if (!ok(value)) {
      errors[key] = code;
    }
  };
  return {
    errors,
    check,
    text: (key: string, required: boolean, max = MAX_TEXT) =>
      check(key, required, (value) => textLength(value) <= max, 'too-long'),
    choice: (key: string, choices: readonly string[], required: boolean, code: ErrorCode = 'choice') =>
      check(key, required, (value) => oneOf(choices, value), code),
    email: (key: string) => {
      check(key, true, (value) => textLength(value) <= MAX_EMAIL, 'too-long');
      check(key, true, isEmail, 'email');
    },
  };
}

export interface NewsletterOptions {
  /** The name of the e-mail field (a provider may want `EMAIL`); default `email`. */
  emailField?: string;
  /** Whether `name` is checked (it is optional either way); default true. */
  withName?: boolean;
}

export function validateNewsletter(data: Record<string, unknown>, opts: NewsletterOptions = {}): Errors {
  const c = checker(data);
  c.email(opts.emailField ?? 'email');
  if (opts.withName !== false) c.text('name', false);
  if (text(data.consent) !== 'true') c.errors.consent = 'consent';
  return c.errors;
}

export function validateInterest(data: Record<string, unknown>): Errors {
  const c = checker(data);
  c.text('municipality', true);
  c.choice('municipalityType', MUNICIPALITY_TYPES, true);
  c.choice('country', COUNTRY_CODES, true, 'country');
  if (data.country === 'DE') c.choice('state', STATE_CODES, true);
  c.check('population', false, (value) => /^\d+$/.test(value) && Number.isSafeInteger(Number(value)), 'integer');
  c.text('contactName', true);
  c.text('department', false);
  c.email('email');
  c.check('phone', false, (value) => E164.test(value), 'phone');
  c.choice('partnership', PARTNERSHIPS, true);
  if (data.partnership === 'existing' || data.partnership === 'contacts') {
    c.text('partnerMunicipality', true);
    c.choice('partnerCountry', COUNTRY_CODES, true, 'country');
  }
  c.choice('preferredRegion', PREFERRED_REGIONS, false);
  const languages = list(data.languages);
  if (!languages.length) c.errors.languages = 'required';
  else if (!languages.every((code) => oneOf(LANGUAGES, code))) c.errors.languages = 'choice';
  c.text('motivation', true, MAX_MOTIVATION);
  c.choice('workshop', ['true', 'false'], false);
  return c.errors;
}
