// The service over HTTP (in-process startReceiver): the interest deadline,
// health, retention and what it does with bad input.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {connect} from 'node:net';
import {randomUUID} from 'node:crypto';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {startReceiver} from '../dist/receiver.js';
import {interest, newsletter, run, submit, tempDir} from './helpers.mjs';

const MINUTE = 60_000;
/** A local date-time in Berlin, `minutes` from now (as an operator writes INTEREST_DEADLINE). */
function berlinIn(minutes) {
  const parts = new Intl.DateTimeFormat('sv-SE', {timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'medium'})
    .format(Date.now() + minutes * MINUTE);
  return parts.replace(' ', 'T');
}

async function withReceiver(opts, body) {
  const dataDir = tempDir();
  const running = await startReceiver({dataDir, port: 0, ...opts});
  try {
    return await body(running, dataDir);
  } finally {
    await running.close();
  }
}

const count = (running) => running.receiver.db.prepare('SELECT count(*) AS n FROM submissions').get().n;

test('after INTEREST_DEADLINE and its grace: a new expression of interest gets 422 closed, a stored one is answered as stored', async () => {
  const key = randomUUID();
  // 10 minutes past the deadline, inside the 15 minutes' grace: still accepted
  await withReceiver({interestDeadline: berlinIn(-10)}, async (running, dataDir) => {
    assert.equal((await submit(running.url, interest(), {key})).status, 200);
    await running.close();
    // 20 minutes past (same data): closed for new ones, the stored one still answered 200
    await withReceiver({}, async () => {});
    const later = await startReceiver({dataDir, port: 0, interestDeadline: berlinIn(-20)});
    try {
      const fresh = await submit(later.url, interest());
      assert.equal(fresh.status, 422);
      assert.deepEqual(await fresh.json(), {errors: {_form: 'closed'}});
      const again = await submit(later.url, interest(), {key});
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json(), {ok: true, id: key, reference: key.slice(0, 8).toUpperCase()});
      assert.equal((await submit(later.url, newsletter())).status, 200, 'the newsletter has no deadline');
      assert.equal(count(later), 2);
    } finally {
      await later.close();
    }
  });
  // no grace: closed at the deadline itself; before it: open
  await withReceiver({interestDeadline: berlinIn(-1), graceMinutes: 0}, async (running) => {
    assert.equal((await submit(running.url, interest())).status, 422);
  });
  await withReceiver({interestDeadline: berlinIn(5), graceMinutes: 0}, async (running) => {
    assert.equal((await submit(running.url, interest())).status, 200);
  });
  // a date-only deadline is the end of that day, as in the widget
  const today = berlinIn(0).slice(0, 10);
  await withReceiver({interestDeadline: today, graceMinutes: 0}, async (running) => {
    assert.equal((await submit(running.url, interest())).status, 200);
  });
});

test('health: 200 with the outbox backlog while the database is writable, 503 when it is not', async () => {
  let later = 0; // a successful write is trusted for 5 s
  await withReceiver({now: () => Date.now() + later}, async (running) => {
    assert.equal((await submit(running.url, newsletter())).status, 200);
    const ok = await fetch(`${running.url}/api/health`);
    assert.equal(ok.status, 200);
    const {outbox, ...rest} = await ok.json();
    assert.deepEqual(rest, {ok: true, database: 'writable'});
    assert.deepEqual({...outbox, oldestUnsent: typeof outbox.oldestUnsent}, {backlog: 1, oldestUnsent: 'string', failed: 0, lastError: null});
    assert.ok(Math.abs(Date.parse(outbox.oldestUnsent) - Date.now()) < 10_000, 'no SMTP here: the mail waits');
    running.receiver.db.pragma('query_only = ON'); // as a read-only or full disk would
    later = 6000;
    const down = await fetch(`${running.url}/api/health`);
    assert.equal(down.status, 503);
    assert.equal((await down.json()).ok, false);
    running.receiver.db.pragma('query_only = OFF');
    assert.equal((await fetch(`${running.url}/api/health`)).status, 200);
    assert.equal((await fetch(`${running.url}/api/health`, {method: 'POST'})).status, 405);
  });
});

test('retention: purge removes unconfirmed sign-ups after 30 days, interest after RETAIN_DAYS, and their mails', async () => {
  const dataDir = tempDir();
  const running = await startReceiver({dataDir, port: 0});
  const keys = {oldInterest: randomUUID(), newInterest: randomUUID(), oldPending: randomUUID(), newPending: randomUUID(), oldConfirmed: randomUUID()};
  assert.equal((await submit(running.url, interest(), {key: keys.oldInterest})).status, 200);
  assert.equal((await submit(running.url, interest(), {key: keys.newInterest})).status, 200);
  for (const [name, email] of [['oldPending', 'old@example.org'], ['newPending', 'new@example.org'], ['oldConfirmed', 'kept@example.org']]) {
    assert.equal((await submit(running.url, newsletter({email}), {key: keys[name]})).status, 200);
  }
  await running.close();
  // Age the records as time would.
  const db = new Database(join(dataDir, 'submissions.sqlite'));
  const daysAgo = (days) => new Date(Date.now() - days * 86_400_000).toISOString();
  const age = (id, days) => db.prepare('UPDATE submissions SET created_at = ? WHERE id = ?').run(daysAgo(days), id);
  age(keys.oldInterest, 400);
  age(keys.newInterest, 300);
  age(keys.oldPending, 31);
  age(keys.oldConfirmed, 200);
  db.prepare('UPDATE newsletter_subscriptions SET signed_up_at = ? WHERE email = ?').run(daysAgo(31), 'old@example.org');
  db.prepare("UPDATE newsletter_subscriptions SET signed_up_at = ?, status = 'confirmed', confirmed_at = ? WHERE email = ?")
    .run(daysAgo(200), daysAgo(199), 'kept@example.org');
  db.close();

  const purged = await run(['purge'], {dataDir});
  assert.equal(purged.status, 0, purged.stderr);
  assert.deepEqual(JSON.parse(purged.stdout), {subscriptions: 1, consents: 0, newsletter: 1, interest: 1, outbox: 1, audit: 0});
  const check = new Database(join(dataDir, 'submissions.sqlite'), {readonly: true});
  assert.deepEqual(check.prepare('SELECT id FROM submissions ORDER BY rowid').all().map((r) => r.id), [keys.newInterest, keys.newPending, keys.oldConfirmed]);
  assert.deepEqual(check.prepare('SELECT email FROM newsletter_subscriptions ORDER BY rowid').all().map((r) => r.email), ['new@example.org', 'kept@example.org']);
  check.close();
  // RETAIN_DAYS shortens the interest's time
  const shorter = await run(['purge'], {dataDir, env: {RETAIN_DAYS: '200'}});
  assert.equal(JSON.parse(shorter.stdout).interest, 1);
  assert.equal((await run(['purge'], {dataDir, env: {RETAIN_DAYS: 'forever'}})).status, 1);
});

/** Sends raw bytes over TCP; resolves with the answer's text (or '' if the connection closed without one). */
function raw(url, bytes, {end = true} = {}) {
  const {hostname, port} = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('utf8').on('data', (c) => (text += c));
    socket.on('close', () => resolve(text));
    socket.on('error', () => resolve(text));
    socket.write(bytes);
    if (end) socket.end();
    else setTimeout(() => socket.destroy(), 200);
  });
}

test('bad input: a clear 4xx each, nothing stored, the service still up', async () => {
  await withReceiver({rateLimit: {max: 1000, windowMs: 60_000}}, async (running) => {
    const post = (body, type = 'application/json', headers = {}) =>
      fetch(`${running.url}/api/submit`, {method: 'POST', headers: {'content-type': type, ...headers}, body});
    const valid = JSON.stringify({...interest(), _submissionId: randomUUID()});
    const fields = (n) => Object.fromEntries(Array.from({length: n}, (_, i) => [`f${i}`, 'x']));
    const many = fields(10_000);
    const deep = '['.repeat(30_000) + ']'.repeat(30_000);
    const deepObject = JSON.stringify({...interest(), municipality: {a: {b: {c: {d: 'x'}}}}});
    const invalidUtf8 = Buffer.concat([Buffer.from(valid.slice(0, -2)), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const cases = [
      ['truncated JSON', () => post(valid.slice(0, valid.length / 2)), 400, {_body: 'invalid'}],
      ['oversized', () => post(JSON.stringify({...interest(), motivation: 'x'.repeat(70_000)})), 413, {_body: 'too-large'}],
      ['text/html', () => post(valid, 'text/html'), 415, {_body: 'unsupported'}],
      ['application/xml', () => post('<interest/>', 'application/xml'), 415, {_body: 'unsupported'}],
      ['invalid UTF-8 in JSON', () => post(invalidUtf8), 400, {_body: 'encoding'}],
      ['invalid UTF-8 form-encoded', () => post('_form=interest&municipality=%FF%FE', 'application/x-www-form-urlencoded'), 400, {_body: 'encoding'}],
      // 10,000 fields do not fit into 64 KiB; 101 do, and are still too many
      ['10,000 fields', () => post(JSON.stringify({...interest(), ...many})), 413, {_body: 'too-large'}],
      ['10,000 form fields', () => post(new URLSearchParams(many).toString(), 'application/x-www-form-urlencoded'), 413, {_body: 'too-large'}],
      ['101 fields', () => post(JSON.stringify({...interest(), ...fields(101 - Object.keys(interest()).length)})), 400, {_body: 'too-many-fields'}],
      ['101 form fields', () => post(new URLSearchParams(fields(101)).toString(), 'application/x-www-form-urlencoded'), 400, {_body: 'too-many-fields'}],
      ['deeply nested JSON', () => post(deep), 400, {_body: 'invalid'}],
      ['a nested object as a value', () => post(deepObject), 400, {_body: 'not-flat'}],
      ['null as a value', () => post(JSON.stringify({...interest(), department: null})), 400, {_body: 'not-flat'}],
      ['numbers in an array', () => post(JSON.stringify({...interest(), languages: [1, 2]})), 400, {_body: 'not-flat'}],
      ['unknown form', () => post(JSON.stringify({...interest(), _form: 'contact'})), 422, {_form: 'choice'}],
      ['no form', () => post(JSON.stringify(newsletter({_form: undefined}))), 422, {_form: 'choice'}],
      ['an overlong key', () => post(valid, 'application/json', {'idempotency-key': 'k'.repeat(201)}), 400, {_submissionId: 'invalid'}],
    ];
    for (const [name, send, status, errors] of cases) {
      const res = await send();
      assert.equal(res.status, status, name);
      assert.deepEqual(await res.json(), {errors}, name);
    }
    // A body cut off mid-way (the client goes away) and one longer than announced
    const head = (length) => `POST /api/submit HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
    assert.equal(await raw(running.url, head(valid.length) + valid.slice(0, 50), {end: false}), '');
    const cut = await raw(running.url, head(valid.length + 100) + valid);
    assert.ok(cut === '' || /^HTTP\/1\.1 4\d\d/.test(cut), cut);
    assert.match(await raw(running.url, 'POST /api/submit HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'), /^HTTP\/1\.1 400/);

    assert.equal(count(running), 0, 'nothing stored');
    assert.equal((await fetch(`${running.url}/api/health`)).status, 200);
    assert.equal((await post(valid)).status, 200, 'the service still takes good submissions');
    assert.equal(count(running), 1);

    // Field names that an object inherits are names like any other (dropped by the allow-list, not a 400)
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries({...interest(), _submissionId: randomUUID()})) {
      for (const one of [].concat(value)) form.append(key, String(one));
    }
    for (const key of ['constructor', 'toString', '__proto__']) form.append(key, 'x');
    const inherited = await post(form.toString(), 'application/x-www-form-urlencoded');
    assert.equal(inherited.status, 200, JSON.stringify(await inherited.clone().json()));
    assert.equal(count(running), 2);
  });
});
