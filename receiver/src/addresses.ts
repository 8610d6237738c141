/** Mail addresses from settings and forms, read with nodemailer's address parser. */
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
