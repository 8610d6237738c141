/**
 * Confirmation mails for the newsletter's double opt-in: each one is written
 * as an `.eml` file into `<dataDir>/outbox/` and, if SMTP is configured, also
 * sent with a minimal plain SMTP dialogue (no TLS, no auth: meant for a local
 * relay). Sending errors are logged, never thrown.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {connect} from 'node:net';
import {randomUUID} from 'node:crypto';

export interface SmtpOptions {
  host: string;
  port: number;
  from: string;
}

export interface OutboxMail {
  file: string;
  /** The submission id the mail belongs to (as written into the file name). */
  submission: string;
  to: string;
  subject: string;
  /** The whole message as written (headers and body). */
  raw: string;
}

const DEFAULT_FROM = 'Kommunale Klimapartnerschaften <noreply@localhost>';
const SUBJECT = 'Bitte bestätigen Sie Ihre Anmeldung / Please confirm your subscription';

const encodeWord = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
const decodeWords = (text: string) =>
  text.replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

/** The confirmation message, CRLF line endings. `to` is a validated address (no spaces, no line breaks). */
export function confirmationMail(to: string, confirmUrl: string, unsubscribeUrl: string, from = DEFAULT_FROM): string {
  const domain = from.replace(/.*@/, '').replace(/>.*/, '') || 'localhost';
  const headers = [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${encodeWord(SUBJECT)}`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    `List-Unsubscribe: <${unsubscribeUrl}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  const body = [
    'Guten Tag,',
    '',
    'Sie haben sich für den Newsletter der Kommunalen Klimapartnerschaften angemeldet.',
    'Bitte bestätigen Sie Ihre Anmeldung mit diesem Link:',
    '',
    confirmUrl,
    '',
    'Wenn Sie sich nicht angemeldet haben, müssen Sie nichts tun: ohne Bestätigung',
    'erhalten Sie keinen Newsletter.',
    '',
    '---',
    '',
    'Hello,',
    '',
    'you signed up for the newsletter of the Municipal Climate Partnerships.',
    'Please confirm your subscription with this link:',
    '',
    confirmUrl,
    '',
    'If you did not sign up, there is nothing to do: without confirmation you',
    'will not receive the newsletter.',
    '',
    'Abmelden / Unsubscribe:',
    unsubscribeUrl,
  ];
  return [...headers, '', ...body, ''].join('\r\n');
}

/** A submission id as it appears in outbox file names. */
const fileId = (id: string) => id.replace(/[^\w-]/g, '_');

export function outbox(dataDir: string) {
  const dir = join(dataDir, 'outbox');
  function list(): OutboxMail[] {
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((name) => name.endsWith('.eml')).sort();
    } catch {
      return [];
    }
    return files.map((file) => {
      const raw = readFileSync(join(dir, file), 'utf8');
      const header = (name: string) =>
        decodeWords(raw.split('\r\n\r\n')[0].match(new RegExp(`^${name}: (.*)$`, 'mi'))?.[1] ?? '');
      const submission = /^\d{4}-\d\d-\d\dT[\d-]+Z-(.+)\.eml$/.exec(file)?.[1] ?? '';
      return {file, submission, to: header('To'), subject: header('Subject'), raw};
    });
  }
  return {
    dir,
    write(id: string, raw: string): string {
      mkdirSync(dir, {recursive: true});
      const file = `${new Date().toISOString().replace(/[:.]/g, '-')}-${fileId(id)}.eml`;
      writeFileSync(join(dir, file), raw);
      return file;
    },
    list,
    /** Deletes the mails `test` picks; returns how many. */
    removeWhere(test: (mail: OutboxMail) => boolean): number {
      const gone = list().filter(test);
      for (const mail of gone) rmSync(join(dir, mail.file), {force: true});
      return gone.length;
    },
    fileId,
    clear: () => rmSync(dir, {recursive: true, force: true}),
  };
}

/** Sends `raw` to `to` over plain SMTP. Resolves when the server accepted it; rejects on any error. */
export function sendSmtp(smtp: SmtpOptions, to: string, raw: string, timeoutMs = 15_000): Promise<void> {
  const sender = smtp.from.match(/<([^>]+)>/)?.[1] ?? smtp.from;
  const data = raw.replace(/^\./gm, '..') + '\r\n.';
  // Each command with the reply code class it expects; the first entry answers the greeting.
  const steps: [string | undefined, string][] = [
    [undefined, '2'],
    ['EHLO localhost', '2'],
    [`MAIL FROM:<${sender}>`, '2'],
    [`RCPT TO:<${to}>`, '2'],
    ['DATA', '3'],
    [data, '2'],
    ['QUIT', '2'],
  ];
  return new Promise((resolve, reject) => {
    const socket = connect(smtp.port, smtp.host);
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('SMTP timeout')));
    socket.setEncoding('utf8');
    let buffer = '';
    let step = 0;
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (line[3] === '-') continue; // a multi-line reply goes on
        if (line[0] !== steps[step][1]) return socket.destroy(new Error(`SMTP: ${line}`));
        step += 1;
        if (step === steps.length) return void socket.end(resolve);
        socket.write(steps[step][0] + '\r\n');
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('SMTP connection closed early')));
  });
}
