// The receiver's mail through a real SMTP server (smtp-server with STARTTLS or
// TLS, AUTH required, a private CA made here), read back with mailparser.
// The receiver runs as its own process so that NODE_EXTRA_CA_CERTS applies.
// Needs `npm run build -w receiver` first.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {startSmtp, withCa, SMTP_USER, SMTP_PASS} from './support/smtp.mjs';
import {run, serve, stop, tempDir} from './helpers.mjs';

const PUBLIC = 'https://forms.example.org';
const {cleanup, ca} = withCa();

/** `serve` with `env` on a new DATA_DIR; stopped after the test file. */
async function receiver(env) {
  const served = await serve({dataDir: tempDir(), env});
  cleanup.push(() => stop(served));
  return served;
}

function signUp(url, email, locale = 'de', extra = {}) {
  const id = randomUUID();
  return fetch(`${url}/api/submit`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'idempotency-key': id},
    body: JSON.stringify({_form: 'newsletter', _locale: locale, _submissionId: id, email, consent: true, ...extra}),
  });
}

const health = async (url) => (await fetch(`${url}/api/health`)).json();
const escape = (text) => text.replace(/[.?*+^$()[\]{}|\\]/g, '\\$&');

test('confirmation mail over STARTTLS with AUTH from the URL, CA from NODE_EXTRA_CA_CERTS: headers, both parts, links', async () => {
  const smtp = await startSmtp(ca());
  cleanup.push(() => smtp.close());
  const {url} = await receiver({
    SMTP_URL: `smtp://${encodeURIComponent(SMTP_USER)}:${encodeURIComponent(SMTP_PASS)}@localhost:${smtp.port}`,
    MAIL_FROM: 'Klimapartner <news@example.org>',
    PUBLIC_URL: PUBLIC,
    NODE_EXTRA_CA_CERTS: ca().caFile,
  });
  assert.equal((await signUp(url, 'Anne@Example.org', 'fr-CA')).status, 200);
  const [mail] = await smtp.waitFor(1);
  assert.equal(mail.tls, true, 'STARTTLS was used');
  assert.equal(mail.user, SMTP_USER);
  assert.equal(mail.envelope.from, 'news@example.org');
  assert.deepEqual(mail.envelope.to.map((a) => a.toLowerCase()), ['anne@example.org']);
  const m = mail.parsed;
  assert.deepEqual(m.from.value, [{name: 'Klimapartner', address: 'news@example.org'}]);
  assert.equal(m.to.text.toLowerCase(), 'anne@example.org');
  assert.equal(m.subject, 'Veuillez confirmer votre inscription à la newsletter');
  assert.equal(m.headers.get('content-language'), 'fr');
  assert.match(m.messageId, /^<[\w-]+@example\.org>$/);
  // the header as sent, unfolded (RFC 5322 lets long headers be folded at white space)
  const line = (name) => (m.headerLines.find((h) => h.key === name)?.line ?? '').replace(/\r?\n[ \t]+/g, ' ');
  const unsubscribe = /^List-Unsubscribe:\s*<(https:\/\/forms\.example\.org\/api\/unsubscribe\?token=[\w-]{43})>$/m.exec(line('list-unsubscribe'))?.[1];
  assert.ok(unsubscribe, line('list-unsubscribe'));
  assert.equal(line('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  const confirm = /https:\/\/forms\.example\.org\/api\/confirm\?token=[\w-]{43}/.exec(m.text)?.[0];
  assert.ok(confirm, m.text);
  assert.notEqual(new URL(confirm).searchParams.get('token'), new URL(unsubscribe).searchParams.get('token'), 'separate tokens');
  // plain text: French, both links
  assert.match(m.text, /^Bonjour,$/m);
  assert.match(m.text, new RegExp(`^${escape(confirm)}$`, 'm'));
  assert.match(m.text, new RegExp(`^${escape(unsubscribe)}$`, 'm'));
  // HTML: lang set, the same links as anchors, the button's text
  assert.match(m.html, /<html lang="fr">/);
  const hrefs = [...m.html.matchAll(/href="([^"]+)"/g)].map((h) => h[1].replaceAll('&#38;', '&'));
  assert.deepEqual([...new Set(hrefs)], [confirm, unsubscribe]);
  assert.match(m.html, />Confirmer l’inscription</);
  const state = await health(url);
  assert.equal(state.outbox.backlog, 0);
  assert.equal(state.outbox.oldestUnsent, null);
});

test('smtps:// with SMTP_USER/SMTP_PASS; without the private CA the mail waits in the outbox', async () => {
  const smtp = await startSmtp(ca(), {secure: true});
  cleanup.push(() => smtp.close());
  const env = {
    SMTP_URL: `smtps://localhost:${smtp.port}`,
    SMTP_USER,
    SMTP_PASS,
    MAIL_FROM: 'news@example.org',
    PUBLIC_URL: PUBLIC,
  };
  const dataDir = tempDir();
  const untrusting = await serve({dataDir, env});
  cleanup.push(() => stop(untrusting));
  assert.equal((await signUp(untrusting.url, 'ben@example.org')).status, 200);
  let state;
  for (let i = 0; i < 50 && !(state = await health(untrusting.url)).outbox.lastError; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(state.outbox.backlog, 1);
  assert.ok(Date.parse(state.outbox.oldestUnsent) <= Date.now());
  assert.equal(smtp.mails.length, 0, 'nothing delivered without trusting the certificate');
  assert.match(state.outbox.lastError, /certificate/);
  assert.equal(await stop(untrusting), 0);

  const trusting = await serve({dataDir, env: {...env, NODE_EXTRA_CA_CERTS: ca().caFile}});
  cleanup.push(() => stop(trusting));
  const [mail] = await smtp.waitFor(1); // due right after the start (the first try failed at once)
  assert.equal(mail.tls, true);
  assert.equal(mail.user, SMTP_USER);
  assert.equal(mail.parsed.subject, 'Bitte bestätigen Sie Ihre Anmeldung zum Newsletter');
  assert.equal((await health(trusting.url)).outbox.backlog, 0);
});

test('bad mail settings stop the start with one line naming the variable; SMTP_URL needs PUBLIC_URL', async () => {
  const cases = [
    [{SMTP_URL: 'http://mail.example.org'}, /^klimapartner-receiver: SMTP_URL="http:\/\/mail\.example\.org\/" is not valid: http: is neither smtp: nor smtps:$/],
    [{SMTP_URL: 'smtp://user:secret@mail.example.org?tls=yes'}, /^klimapartner-receiver: SMTP_URL="smtp:\/\/user:\*\*\*@mail\.example\.org\?tls=yes" is not valid: unknown parameter tls$/],
    [{SMTP_URL: 'smtp://mail.example.org'}, /^klimapartner-receiver: PUBLIC_URL is required with SMTP_URL/],
    [{SMTP_USER: 'me'}, /^klimapartner-receiver: SMTP_USER is set but SMTP_URL is not$/],
    [{MAIL_FROM: 'news at example.org'}, /^klimapartner-receiver: MAIL_FROM="news at example\.org" is not valid/],
    [{MAIL_FROM: 'a@example.org, b@example.org'}, /^klimapartner-receiver: MAIL_FROM=".*" is not valid: one address/],
    [{NOTIFY_TO: 'team@example.org, nobody'}, /^klimapartner-receiver: NOTIFY_TO=".*" is not valid: "nobody" is not a mail address$/],
    [{TRUST_PROXY: 'yes please'}, /^klimapartner-receiver: TRUST_PROXY="yes please" is not valid/],
    [{TRUST_PROXY: '10.0.0.0/33'}, /^klimapartner-receiver: TRUST_PROXY="10\.0\.0\.0\/33" is not valid/],
  ];
  for (const [env, message] of cases) {
    const result = await run(['serve'], {dataDir: tempDir(), env: {PORT: '0', PUBLIC_URL: '', ...env}});
    assert.equal(result.status, 1, `${JSON.stringify(env)}: ${result.stderr}`);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr.trim(), message);
    assert.doesNotMatch(result.stderr, /secret/, 'no password in the message');
  }
});
