/**
 * The newsletter's double opt-in: a sign-up starts a subscription and writes
 * its confirmation mail to the outbox, both in the caller's transaction. An
 * address gets at most one confirmation mail an hour and three a day,
 * whatever is posted; a confirmed address gets none. The visitor is told
 * success either way, so an attacker learns nothing.
 */
import type {Outbox} from './outbox.js';
import type {Subscriptions} from './subscriptions.js';
import type {Mailbox} from './addresses.js';
import {confirmationMail} from './confirmation-mail.js';
import {localeOf} from './texts.js';

const HOUR = 3_600_000;
export const MAIL_LIMIT = {perHour: 1, perDay: 3};

export interface SignUp {
  email: string;
  locale: string | null;
  submissionId: string;
  /** Now, ISO 8601. */
  now: string;
  /** The links' base, e.g. `https://forms.example.org/api`. */
  base: string;
  from: Mailbox;
}

/** Whether `email` has had its share of confirmation mails at `now`. */
export function mailLimited(outbox: Outbox, email: string, now: string): boolean {
  const ago = (ms: number) => new Date(Date.parse(now) - ms).toISOString();
  return (
    outbox.countSince(email, 'confirm', ago(HOUR)) >= MAIL_LIMIT.perHour ||
    outbox.countSince(email, 'confirm', ago(24 * HOUR)) >= MAIL_LIMIT.perDay
  );
}

/** Starts the double opt-in for a new newsletter submission; returns whether a mail was written. Run it in the submission's transaction. */
export function signUp(subscriptions: Subscriptions, outbox: Outbox, {email, locale, submissionId, now, base, from}: SignUp): boolean {
  if (subscriptions.byEmail(email)?.status === 'confirmed' || mailLimited(outbox, email, now)) return false;
  const lang = localeOf(locale);
  const tokens = subscriptions.start(email, lang, submissionId, now);
  const link = (action: string, token: string) => `${base}/${action}?token=${encodeURIComponent(token)}`;
  const message = confirmationMail({
    to: email,
    from,
    locale: lang,
    confirmUrl: link('confirm', tokens.confirm),
    unsubscribeUrl: link('unsubscribe', tokens.unsubscribe),
    date: now,
  });
  return outbox.add('confirm', submissionId, email, message, now);
}
