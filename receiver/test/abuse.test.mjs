// Limits that hold: the mail limit per address, rate limits per real client
// behind a real reverse proxy, Origin and content-type checks.
// Needs `npm run build -w receiver` first.
import {test, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {randomUUID} from 'node:crypto';
import {request, createServer} from 'node:http';
import {startReceiver} from '../dist/receiver.js';

const cleanup = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});
async function receiver(options = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-abuse-'));
  cleanup.push(() => rmSync(dataDir, {recursive: true, force: true}));
  const running = await startReceiver({dataDir, port: 0, testControls: true, ...options});
  cleanup.push(() => running.close());
  return running;
}
function post(url, body, headers = {}) {
  const id = randomUUID();
  return fetch(`${url}/api/submit`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'idempotency-key': id, ...headers},
    body: typeof body === 'string' ? body : JSON.stringify({_submissionId: id, ...body}),
  });
}
const newsletter = (email) => ({_form: 'newsletter', _locale: 'de', email, consent: true});
const outbox = async (url) => (await fetch(`${url}/api/__test/outbox`)).json();

test('20 sign-ups of one address in a minute: one mail; then at most one an hour and three a day', async () => {
  let clock = Date.parse('2026-12-01T09:00:00Z');
  const {url} = await receiver({now: () => clock, rateLimit: {max: 1000, windowMs: 60_000}});
  for (let i = 0; i < 20; i++) {
    const res = await post(url, newsletter(i % 2 ? 'Same@Example.org' : 'same@example.org'));
    assert.equal(res.status, 200, 'the visitor always reads success');
    clock += 3000;
  }
  assert.equal((await outbox(url)).length, 1);
  const mailsAfter = async (ms) => {
    clock += ms;
    await post(url, newsletter('same@example.org'));
    return (await outbox(url)).length;
  };
  assert.equal(await mailsAfter(58 * 60_000), 1, 'still within the hour of the first mail');
  assert.equal(await mailsAfter(3 * 60_000), 2, 'an hour later: the second');
  assert.equal(await mailsAfter(61 * 60_000), 3, 'the third');
  assert.equal(await mailsAfter(61 * 60_000), 3, 'no fourth within a day');
  assert.equal(await mailsAfter(21 * 3_600_000), 4, '24 hours after the first');
  assert.equal((await outbox(url)).filter((m) => m.recipient.toLowerCase() !== 'same@example.org').length, 0);
});

/** A reverse proxy as sites run one (nginx's `$proxy_add_x_forwarded_for`): appends its peer's address to X-Forwarded-For. */
async function startProxy(target) {
  const server = createServer((req, res) => {
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress.replace(/^::ffff:/, '')].filter(Boolean).join(', ');
    const upstream = request(`${target}${req.url}`, {method: req.method, headers: {...req.headers, 'x-forwarded-for': forwarded}}, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${server.address().port}`;
}

/** POSTs from the loopback address `from` (127.0.0.2 … are all this machine), with extra headers. */
function postFrom(from, url, body, headers = {}) {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/submit`, {method: 'POST', localAddress: from, headers: {'content-type': 'application/json', ...headers}}, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(text);
  });
}

test('200 requests through a trusted proxy from 20 clients: nobody under the limit gets 429, one over it does', async () => {
  const {url} = await receiver({trustProxy: '1', rateLimit: {max: 12, windowMs: 60_000}});
  const proxy = await startProxy(url);
  const clients = Array.from({length: 20}, (_, i) => `127.0.0.${i + 2}`);
  const statuses = await Promise.all(
    clients.flatMap((client) =>
      Array.from({length: 10}, (_, n) => postFrom(client, proxy, newsletter(`c${n}-${client}@example.org`), {'x-forwarded-for': '198.51.100.7'})),
    ),
  );
  assert.equal(statuses.length, 200);
  assert.deepEqual([...new Set(statuses)], [200], 'a forged X-Forwarded-For in front does not move anyone onto one address');
  const greedy = [];
  for (let n = 0; n < 13; n++) greedy.push(await postFrom('127.0.0.99', proxy, newsletter(`g${n}@example.org`)));
  assert.deepEqual(greedy, [...Array(12).fill(200), 429]);
  assert.equal(await postFrom('127.0.0.2', proxy, newsletter('still@example.org')), 200, 'the others are not locked out');
});

test('without TRUST_PROXY, forwarding headers are ignored: everyone behind the proxy is one client', async () => {
  const {url} = await receiver({rateLimit: {max: 3, windowMs: 60_000}});
  const proxy = await startProxy(url);
  const statuses = [];
  for (const n of [2, 3, 4, 5]) statuses.push(await postFrom(`127.0.0.${n}`, proxy, newsletter(`p${n}@example.org`)));
  assert.deepEqual(statuses, [200, 200, 200, 429]);
});

test('TRUST_PROXY as a list of addresses: hops are trusted only while they are in it', async () => {
  const {url} = await receiver({trustProxy: '127.0.0.1, 10.0.0.0/8', rateLimit: {max: 1, windowMs: 60_000}});
  // peer 127.0.0.1 and 10.1.2.3 trusted: the client is 192.0.2.1 (the forged entry before it is not read)
  const via = (chain) => postFrom('127.0.0.1', url, newsletter(`${randomUUID()}@example.org`), {'x-forwarded-for': chain});
  assert.equal(await via('203.0.113.9, 192.0.2.1, 10.1.2.3'), 200);
  assert.equal(await via('203.0.113.10, 192.0.2.1, 10.1.2.3'), 429, 'the same client');
  assert.equal(await via('192.0.2.2'), 200, 'another client');
  // Forwarded (RFC 7239) when there is no X-Forwarded-For
  assert.equal(await postFrom('127.0.0.1', url, newsletter('f@example.org'), {forwarded: 'for="[2001:db8::1]:4711";proto=https, for=10.9.9.9'}), 200);
  assert.equal(await postFrom('127.0.0.1', url, newsletter('g@example.org'), {forwarded: 'for="[2001:db8::1]"'}), 429);
  // a peer outside the list is the client itself, whatever it sends
  assert.equal(await postFrom('127.0.0.3', url, newsletter('h@example.org'), {'x-forwarded-for': '192.0.2.50'}), 200);
  assert.equal(await postFrom('127.0.0.3', url, newsletter('i@example.org'), {'x-forwarded-for': '192.0.2.51'}), 429);
});

test('Origin: own and allowed pass, others 403; no Origin passes; text/plain is 415', async () => {
  const allowed = 'https://www.example.org';
  const {url} = await receiver({allowedOrigins: [allowed], publicUrl: 'https://forms.example.org'});
  const own = new URL(url).origin;
  const status = async (headers, body = newsletter(`${randomUUID()}@example.org`)) => (await post(url, body, headers)).status;
  assert.equal(await status({origin: allowed}), 200);
  assert.equal(await status({origin: own}), 200);
  assert.equal(await status({origin: 'https://forms.example.org'}), 200);
  assert.equal(await status({}), 200);
  assert.equal(await status({origin: 'https://evil.example'}), 403);
  assert.equal(await status({origin: 'null'}), 403);
  assert.equal(await status({origin: 'https://www.example.org.evil.example'}), 403);
  assert.equal(await status({'content-type': 'text/plain;charset=UTF-8'}), 415);
  for (const path of ['confirm', 'unsubscribe']) {
    const res = await fetch(`${url}/api/${path}`, {method: 'POST', headers: {origin: 'https://evil.example'}, body: new URLSearchParams({token: 'x'})});
    assert.equal(res.status, 403, path);
    const plain = await fetch(`${url}/api/${path}`, {method: 'POST', headers: {'content-type': 'text/plain'}, body: 'token=x'});
    assert.equal(plain.status, 415, path);
  }
  assert.deepEqual(await outbox(url).then((rows) => rows.length), 4);
});

test('address variants that a mailer reads as the same victim are refused, not counted as new addresses', async () => {
  const {url} = await receiver({rateLimit: {max: 1000, windowMs: 60_000}});
  assert.equal((await post(url, newsletter('victim@example.org'))).status, 200);
  const variants = ['a<victim@example.org>', 'victim@example.org(c)', '"victim"@example.org', 'x,victim@example.org',
    'x;victim@example.org', 'Victim <victim@example.org>', '@route:victim@example.org', 'victim@[127.0.0.1]'];
  for (const email of variants) {
    const res = await post(url, newsletter(email));
    assert.equal(res.status, 422, email);
    assert.deepEqual((await res.json()).errors, {email: 'email'}, email);
  }
  assert.equal((await outbox(url)).length, 1, 'one mail to the victim');
});
