// No mail lost and none twice: the SMTP server down for a while, greylisting,
// a refused recipient, and a restart of the receiver in between.
// Needs `npm run build -w receiver` first.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {startSmtp, withCa, SMTP_USER, SMTP_PASS} from './support/smtp.mjs';
import {serveLibrary} from './support/process.mjs';
import {stop, tempDir, validInterest} from './helpers.mjs';

const {cleanup, ca} = withCa();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function options(smtp, dataDir, extra = {}) {
  return {
    dataDir,
    port: 0,
    publicUrl: 'https://forms.example.org',
    smtp: {url: `smtp://localhost:${smtp.port}`, user: SMTP_USER, pass: SMTP_PASS},
    mailFrom: 'news@example.org',
    notifyTo: 'team@example.org, lead@example.org',
    retry: {firstMs: 300, maxMs: 1000},
    ...extra,
  };
}
async function start(opts) {
  const served = await serveLibrary(opts, {NODE_EXTRA_CA_CERTS: ca().caFile});
  cleanup.push(() => stop(served));
  return served;
}
function post(url, body) {
  const id = randomUUID();
  return fetch(`${url}/api/submit`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'idempotency-key': id},
    body: JSON.stringify({_submissionId: id, ...body}),
  });
}
const signUp = (url, email) => post(url, {_form: 'newsletter', _locale: 'en', email, consent: true});
const interest = (url) => post(url, {_form: 'interest', _locale: 'de', ...validInterest()});
const health = async (url) => (await (await fetch(`${url}/api/health`)).json()).outbox;
async function until(check, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(100);
  }
}
/** Each mail once: by Message-ID and by recipient. */
function once(mails) {
  const ids = mails.map((m) => m.parsed.messageId);
  assert.equal(new Set(ids).size, ids.length, 'no Message-ID twice');
  return mails.map((m) => [...m.envelope.to].sort().join(',')).sort();
}

test('SMTP down for a while, then up: every mail arrives, once', async () => {
  const smtp = await startSmtp(ca());
  cleanup.push(() => smtp.close());
  await smtp.stop();
  const {url} = await start(options(smtp, tempDir()));
  for (const n of [1, 2, 3, 4, 5]) assert.equal((await signUp(url, `n${n}@example.org`)).status, 200);
  assert.equal((await interest(url)).status, 200);
  await until(async () => (await health(url)).lastError);
  await sleep(1500); // several failed tries each
  const waiting = await health(url);
  assert.equal(waiting.backlog, 6);
  assert.ok(waiting.oldestUnsent);
  assert.equal(smtp.mails.length, 0);

  await smtp.start();
  await smtp.waitFor(6);
  await until(async () => (await health(url)).backlog === 0);
  await sleep(1500); // nothing more comes
  assert.deepEqual(once(smtp.mails), [
    'lead@example.org,team@example.org',
    'n1@example.org', 'n2@example.org', 'n3@example.org', 'n4@example.org', 'n5@example.org',
  ].sort());
});

test('greylisting (451) is retried; a refused recipient (550) is given up, the others arrive', async () => {
  const seen = new Map();
  const smtp = await startSmtp(ca(), {
    rcpt(address) {
      if (address === 'nobody@example.org') return {code: 550, message: 'No such user'};
      const n = (seen.get(address) ?? 0) + 1;
      seen.set(address, n);
      return n < 3 ? {code: 451, message: `<${address}>: Greylisted, try again later`} : undefined;
    },
  });
  cleanup.push(() => smtp.close());
  const {url} = await start(options(smtp, tempDir(), {notifyTo: undefined}));
  await signUp(url, 'grey@example.org');
  await signUp(url, 'nobody@example.org');
  // The server's answer quotes the address: the health page (public) and the log never show it.
  const quoted = await until(async () => (await health(url)).lastError);
  assert.doesNotMatch(quoted, /@example\.org/);
  assert.match(quoted, /Greylisted/);
  await smtp.waitFor(1);
  const state = await until(async () => {
    const h = await health(url);
    return h.backlog === 0 && h;
  });
  assert.equal(state.failed, 1);
  await sleep(1000);
  assert.deepEqual(once(smtp.mails), ['grey@example.org']);
  assert.equal(seen.get('grey@example.org'), 3);
});

test('a restart while SMTP is down: the mails arrive once after it, tried right after the start', async () => {
  const smtp = await startSmtp(ca());
  cleanup.push(() => smtp.close());
  await smtp.stop();
  const dataDir = tempDir();
  const first = await start(options(smtp, dataDir));
  for (const n of [1, 2, 3]) await signUp(first.url, `r${n}@example.org`);
  await interest(first.url);
  await until(async () => (await health(first.url)).lastError);
  assert.equal(await stop(first), 0);

  await smtp.start();
  // A long retry delay now: only the pass right after the start can send them in time.
  const second = await start(options(smtp, dataDir, {retry: {firstMs: 600_000}}));
  await smtp.waitFor(4, 5000);
  await until(async () => (await health(second.url)).backlog === 0);
  await sleep(1000);
  assert.equal(once(smtp.mails).length, 4);
});
