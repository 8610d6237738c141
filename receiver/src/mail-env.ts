/**
 * The receiver's options for mail, consent and proxies from the environment:
 * `SMTP_URL`, `SMTP_USER`, `SMTP_PASS`, `MAIL_FROM`, `NOTIFY_TO`,
 * `TRUST_PROXY`. Their values are checked where they are used
 * (createReceiver), so a bad one stops the start with a message naming it.
 */
import type {ReceiverOptions} from './receiver.js';

type Env = Record<string, string | undefined>;

export function mailEnv(env: Env): Pick<ReceiverOptions, 'smtp' | 'mailFrom' | 'notifyTo' | 'trustProxy'> {
  const set = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  const url = set('SMTP_URL');
  for (const name of ['SMTP_USER', 'SMTP_PASS']) {
    if (!url && set(name)) throw new Error(`${name}: set without SMTP_URL`);
  }
  return {
    smtp: url ? {url, user: env.SMTP_USER || undefined, pass: env.SMTP_PASS || undefined} : undefined,
    mailFrom: set('MAIL_FROM'),
    notifyTo: set('NOTIFY_TO'),
    trustProxy: set('TRUST_PROXY'),
  };
}
