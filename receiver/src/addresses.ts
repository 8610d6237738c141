/** Mail addresses from settings and forms, read with nodemailer's address parser. */
import {domainToASCII} from 'node:url';
import addressparser from 'nodemailer/lib/addressparser';

/** One address with an optional display name, as nodemailer takes it (JSON-safe). */
export interface Mailbox {
  name: string;
  address: string;
}

const SIMPLE = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** The mailboxes of a comma-separated list ("Team <a@b.org>, c@d.org"); throws naming `variable`. */
export function parseAddressList(value: string, variable: string): Mailbox[] {
  const parsed = addressparser(value, {flatten: true}) as Mailbox[];
  const bad = parsed.find((entry) => !SIMPLE.test(entry.address ?? ''));
  if (bad || !parsed.length) throw new Error(`${variable}: "${bad?.address || bad?.name || value}" is not a mail address`);
  return parsed.map(({name, address}) => ({name, address}));
}

/** `MAIL_FROM`: exactly one address, optionally with a name (`Klimapartner <news@example.org>`). */
export function parseMailFrom(value: string): Mailbox {
  const list = parseAddressList(value, 'MAIL_FROM');
  if (list.length !== 1) throw new Error('MAIL_FROM: one address, e.g. "Klimapartner <news@example.org>"');
  return list[0];
}

/** `NOTIFY_TO`: addresses separated by commas. */
export const parseNotifyTo = (value: string): Mailbox[] => parseAddressList(value, 'NOTIFY_TO');

/** The domain of a mailbox, for Message-IDs. */
export const domainOf = (mailbox: Mailbox): string => mailbox.address.split('@').pop()!.toLowerCase();

/**
 * The one key an address is compared by, everywhere the receiver keys on an address (mail limit,
 * subscription, consents, `show`, `erase`, retention, the team's privacy page). The address itself is
 * kept as typed (the mail goes there); only the key is normalised:
 * - the domain IDNA-normalised and lower-cased (`MÜNSTER.de` and `xn--mnster-3ya.de` are one), by the
 *   WHATWG URL rules (`url.domainToASCII`); a domain it refuses is only lower-cased;
 * - the local part compared case-insensitively with full Unicode case folding. JavaScript has no case
 *   fold: NFC, then upper case, then lower case, then NFC again, so that `ß` and `SS`, `Ä` and `ä`, `ﬀ`
 *   and `FF`, a precomposed and a combining `Ä` fold together. Locale-independent (no Turkish i rule).
 * Mail servers may treat case in the local part as significant (RFC 5321); none in use does, and one
 * mailbox counting as one is what the limits need.
 */
export function addressKey(email: string): string {
  const fold = (text: string) => text.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
  const at = email.lastIndexOf('@');
  if (at < 0) return fold(email);
  const domain = email.slice(at + 1);
  return `${fold(email.slice(0, at))}@${domainToASCII(domain) || domain.normalize('NFC').toLowerCase()}`;
}
