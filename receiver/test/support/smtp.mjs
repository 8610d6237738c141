// A real SMTP server for the receiver's tests (smtp-server): STARTTLS and AUTH
// required, its certificate from a private CA made here with the openssl CLI.
// Every mail is read back with mailparser. `stop()` and `start()` take the
// server off and on again on the same port (connection refused in between).
import {after, before} from 'node:test';
import {SMTPServer} from 'smtp-server';
import {simpleParser} from 'mailparser';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export const SMTP_USER = 'receiver';
export const SMTP_PASS = 'pa:ss w@rd';

/** A CA and a server certificate for localhost/127.0.0.1 signed by it, in a new directory. */
export function makeCa() {
  const dir = mkdtempSync(join(tmpdir(), 'kp-ca-'));
  const run = (...args) => execFileSync('openssl', args, {cwd: dir, stdio: 'pipe'});
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=KP Test CA');
  run('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf');
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    key: readFileSync(join(dir, 'server.key')),
    cert: readFileSync(join(dir, 'server.pem')),
    remove: () => rmSync(dir, {recursive: true, force: true}),
  };
}

/**
 * For a test file: a CA made before its tests (`ca()`), and `cleanup`, a list of
 * steps (servers to stop, …) run in reverse after them, the CA's removal last.
 */
export function withCa() {
  let made;
  const cleanup = [];
  before(() => {
    made = makeCa();
    cleanup.push(made.remove);
  });
  after(async () => {
    for (const step of cleanup.reverse()) await step();
  });
  return {cleanup, ca: () => made};
}

/**
 * Starts the server. `secure: true` is TLS from the start (smtps), else STARTTLS.
 * `rcpt(address, session)` may return an SMTP error for a recipient ({code, message}).
 * Each received mail: {parsed, raw, envelope, user, tls}.
 */
export async function startSmtp(ca, {secure = false, rcpt} = {}) {
  const mails = [];
  const waiters = [];
  let server;
  let port = 0;
  const make = () =>
    new SMTPServer({
      secure,
      key: ca.key,
      cert: ca.cert,
      logger: false,
      closeTimeout: 500,
      authMethods: ['PLAIN', 'LOGIN'],
      onAuth(auth, session, callback) {
        if (!session.secure) return callback(new Error('TLS first'));
        const ok = auth.username === SMTP_USER && auth.password === SMTP_PASS;
        callback(ok ? null : Object.assign(new Error('Invalid credentials'), {responseCode: 535}), ok ? {user: auth.username} : undefined);
      },
      onMailFrom(_address, session, callback) {
        // smtp-server requires AUTH by default; TLS is checked here as well
        callback(session.secure ? null : Object.assign(new Error('Must issue a STARTTLS command first'), {responseCode: 530}));
      },
      onRcptTo(address, session, callback) {
        const refusal = rcpt?.(address.address, session);
        callback(refusal ? Object.assign(new Error(refusal.message), {responseCode: refusal.code}) : null);
      },
      onData(stream, session, callback) {
        const chunks = [];
        stream.on('data', (chunk) => chunks.push(chunk));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks);
          mails.push({
            raw: raw.toString('utf8'),
            parsed: await simpleParser(raw),
            envelope: {from: session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address)},
            user: session.user,
            tls: !!session.secure,
          });
          for (const waiter of waiters.splice(0)) waiter();
          callback();
        });
      },
    });
  const errors = [];
  const listen = async () => {
    server = make();
    server.on('error', (error) => errors.push(error)); // a client that gives up on the certificate, for one
    await new Promise((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    port = server.server.address().port;
  };
  await listen();
  return {
    get port() {
      return port;
    },
    mails,
    /** Errors the server saw (TLS handshakes that failed, …). */
    errors,
    /** Resolves once `count` mails are in, or rejects after `ms`. */
    async waitFor(count, ms = 10_000) {
      const end = Date.now() + ms;
      while (mails.length < count) {
        if (Date.now() > end) throw new Error(`${mails.length} of ${count} mails after ${ms} ms`);
        await new Promise((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return mails;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
    start: listen,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
