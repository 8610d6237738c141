/**
 * The mail settings from the environment: `SMTP_URL` (`smtp://` with
 * STARTTLS required, `smtps://` with TLS from the start; user and password in
 * the URL, or `SMTP_USER`/`SMTP_PASS`, which win). A relay without TLS is `smtp://host:25/?starttls=off`. The
 * server's certificate is always checked; a private CA comes from Node's
 * `NODE_EXTRA_CA_CERTS`. Each parser throws an Error naming the variable.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export interface SmtpSettings {
  /** `smtp://…` or `smtps://…`. */
  url: string;
  user?: string;
  pass?: string;
}

/** nodemailer's transport options for `settings`; throws naming SMTP_URL. */
export function transportOptions(settings: SmtpSettings): SMTPTransport.Options {
  let url: URL;
  try {
    url = new URL(settings.url);
  } catch {
    throw new Error('SMTP_URL: not a URL (smtp://host:587 or smtps://host:465)');
  }
  const secure = url.protocol === 'smtps:';
  if (!secure && url.protocol !== 'smtp:') throw new Error(`SMTP_URL: ${url.protocol} is neither smtp: nor smtps:`);
  if (!url.hostname) throw new Error('SMTP_URL: no host');
  const starttls = url.searchParams.get('starttls') ?? 'required';
  if (!['required', 'off'].includes(starttls)) throw new Error(`SMTP_URL: starttls=${starttls}: required (default) or off`);
  for (const key of url.searchParams.keys()) if (key !== 'starttls') throw new Error(`SMTP_URL: unknown parameter ${key}`);
  const user = settings.user ?? (url.username ? decodeURIComponent(url.username) : undefined);
  const pass = settings.pass ?? (url.password ? decodeURIComponent(url.password) : undefined);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && starttls === 'required',
    ignoreTLS: !secure && starttls === 'off',
    auth: user !== undefined ? {user, pass: pass ?? ''} : undefined,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  };
}

export const createSmtpTransport = (settings: SmtpSettings) => nodemailer.createTransport(transportOptions(settings));

/** `SMTP_URL` with the password left out, for logs. */
export function shownSmtpUrl(url: string): string {
  try {
    const shown = new URL(url);
    if (shown.password) shown.password = '***';
    return shown.href;
  } catch {
    return '(invalid)';
  }
}
