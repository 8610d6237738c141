// Tests of the reference receiver through real HTTP. Needs `npm run build -w receiver` first.
import {test, before, after, beforeEach} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execFileSync} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {startReceiver} from '../dist/receiver.js';
import {validInterest} from '../../test/node/fixtures.mjs';

const ORIGIN = 'https://www.example.org';
const RECEIVER = new URL('../dist/receiver.js', import.meta.url).pathname;
const dirs = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-receiver-'));
  dirs.push(dir);
  return dir;
};

let server; // the main receiver: test controls on, no practical rate limit
let dataDir;
before(async () => {
  dataDir = tempDir();
  server = await startReceiver({
    dataDir,
    port: 0,
    allowedOrigins: [ORIGIN],
    testControls: true,
    rateLimit: {max: 10_000, windowMs: 60_000},
  });
});
after(async () => {
  await server?.close();
  for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
});
beforeEach(async () => {
  assert.equal((await fetch(`${server.url}/api/__test/reset`, {method: 'POST'})).status, 200);
});

const newsletter = (extra = {}) => ({_form: 'newsletter', _locale: 'de', email: 'erika@example.org', consent: true, ...extra});
const interest = (extra = {}) => ({_form: 'interest', _locale: 'en', ...validInterest(), ...extra});

/** POSTs `body` as JSON with a fresh (or the given) Idempotency-Key. */
function submit(body, {key = randomUUID(), headers = {}, url = server.url} = {}) {
  return fetch(`${url}/api/submit`, {
    method: 'POST',
    headers: {'content-type': 'application/json', ...(key ? {'idempotency-key': key} : {}), ...headers},
    body: typeof body === 'string' ? body : JSON.stringify({_submissionId: key || undefined, ...body}),
  });
}
const getJson = async (path) => (await fetch(`${server.url}/api/__test/${path}`)).json();
const stored = () => getJson('submissions');
const faults = (list) =>
  fetch(`${server.url}/api/__test/faults`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(list)});

test('a valid interest record is stored and answered with id and reference', async () => {
  const key = randomUUID();
  const res = await submit(interest(), {key});
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), {ok: true, id: key, reference: key.slice(0, 8).toUpperCase()});
  assert.equal(res.headers.get('set-cookie'), null);
  const records = await stored();
  assert.equal(records.length, 1);
  assert.deepEqual(records[0], {id: key, form: 'interest', locale: 'en', data: validInterest()});
});

test('the same key twice, one after the other, gives one record and the same answer', async () => {
  const key = randomUUID();
  const first = await (await submit(interest(), {key})).json();
  const second = await submit(interest(), {key});
  assert.equal(second.status, 200);
  assert.deepEqual(await second.json(), first);
  assert.equal((await stored()).length, 1);
  assert.deepEqual(await getJson('requests'), {[key]: 2});
});

test('concurrent duplicates of one key give one record and one mail', async () => {
  const key = randomUUID();
  const answers = await Promise.all(Array.from({length: 12}, () => submit(newsletter(), {key})));
  assert.deepEqual(answers.map((r) => r.status), Array(12).fill(200));
  assert.equal((await stored()).length, 1);
  assert.equal((await getJson('outbox')).length, 1);
});

test('without the header, the body\'s _submissionId is the key', async () => {
  const id = randomUUID();
  for (let i = 0; i < 2; i++) {
    const res = await submit({...interest(), _submissionId: id}, {key: null});
    assert.deepEqual(await res.json(), {ok: true, id, reference: id.slice(0, 8).toUpperCase()});
  }
  assert.deepEqual((await stored()).map((r) => r.id), [id]);
});

test('a bad interest record gets 422 with a code per field', async () => {
  const res = await submit(
    interest({municipality: '', country: 'XX', population: '-5', email: 'nope', phone: '0231 1234', languages: ['xx'], motivation: 'x'.repeat(2001)}),
  );
  assert.equal(res.status, 422);
  assert.deepEqual(await res.json(), {
    errors: {
      municipality: 'required',
      country: 'country',
      population: 'integer',
      email: 'email',
      phone: 'phone',
      languages: 'choice',
      motivation: 'too-long',
    },
  });
  assert.deepEqual(await stored(), []);
});

test('a bad newsletter record gets 422 and no mail', async () => {
  const res = await submit(newsletter({email: 'a@b', consent: false}));
  assert.equal(res.status, 422);
  assert.deepEqual(await res.json(), {errors: {email: 'email', consent: 'consent'}});
  assert.deepEqual(await stored(), []);
  assert.deepEqual(await getJson('outbox'), []);
});

test('an unknown _form gets 422 {_form: choice}', async () => {
  for (const form of ['contact', undefined]) {
    const res = await submit({...newsletter(), _form: form});
    assert.equal(res.status, 422);
    assert.deepEqual(await res.json(), {errors: {_form: 'choice'}});
  }
});

test('malformed bodies get 400, other types 415', async () => {
  for (const body of ['{"email": ', '[1, 2]', 'null']) {
    const res = await submit(body);
    assert.equal(res.status, 400, body);
    assert.deepEqual(await res.json(), {errors: {_body: 'invalid'}});
  }
  const form = new FormData();
  form.set('_form', 'newsletter');
  const res = await fetch(`${server.url}/api/submit`, {method: 'POST', body: form});
  assert.equal(res.status, 415);
});

test('a filled _gotcha is answered 200 and nothing is stored', async () => {
  const res = await submit(newsletter({_gotcha: 'http://spam.example'}));
  assert.equal(res.status, 200);
  assert.equal((await res.json()).ok, true);
  assert.deepEqual(await stored(), []);
  assert.deepEqual(await getJson('outbox'), []);
});

test('markup in fields is stored verbatim; meta fields and fields not on the allow-list are not data', async () => {
  const markup = '<script>alert("x")</script> & <b>Stadt</b>';
  const res = await submit(interest({municipality: markup, motivation: `"${markup}"`, listId: '42', ip: '10.0.0.1', consent: true}));
  assert.equal(res.status, 200);
  const [record] = await stored();
  assert.equal(record.data.municipality, markup);
  assert.equal(record.data.motivation, `"${markup}"`);
  assert.equal(record.data.consent, true);
  assert.equal('listId' in record.data, false);
  assert.equal('ip' in record.data, false);
  assert.deepEqual(Object.keys(record.data).filter((k) => k.startsWith('_')), []);
});

test('extraFields (EXTRA_FIELDS) adds names to both forms\' allow-lists', async () => {
  const own = await startReceiver({dataDir: tempDir(), port: 0, testControls: true, extraFields: ['listId']});
  try {
    for (const body of [interest({listId: '42', other: 'x'}), newsletter({listId: '7', other: 'x'})]) {
      assert.equal((await submit(body, {url: own.url})).status, 200);
    }
    const records = await (await fetch(`${own.url}/api/__test/submissions`)).json();
    assert.deepEqual(records.map((r) => [r.data.listId, r.data.other]), [['42', undefined], ['7', undefined]]);
  } finally {
    await own.close();
  }
});

test('a form-encoded body works, with repeated and comma-separated languages', async () => {
  const fields = {...interest(), workshop: 'true', population: '52000', languages: undefined};
  const body = new URLSearchParams(Object.entries(fields).filter(([, v]) => v !== undefined));
  body.append('languages', 'de');
  body.append('languages', 'fr');
  const id = randomUUID();
  body.set('_submissionId', id);
  const res = await fetch(`${server.url}/api/submit`, {method: 'POST', body}); // no header, as no-cors sends it
  assert.equal(res.status, 200, await res.clone().text());
  const [record] = await stored();
  assert.equal(record.id, id);
  assert.deepEqual(record.data.languages, ['de', 'fr']);
  assert.equal(record.data.workshop, 'true');

  const single = new URLSearchParams({...Object.fromEntries(body), languages: 'de,en'});
  assert.equal((await fetch(`${server.url}/api/submit`, {method: 'POST', body: single, headers: {'idempotency-key': randomUUID()}})).status, 200);
});

test('text/plain is refused with 415 (the one type a foreign page may post unasked), nothing stored', async () => {
  const res = await submit(newsletter(), {headers: {'content-type': 'text/plain;charset=UTF-8'}});
  assert.equal(res.status, 415);
  assert.deepEqual(await stored(), []);
});

test('a body over maxBodyBytes gets 413 and is not stored', async () => {
  const res = await submit(interest({motivation: 'x'.repeat(70 * 1024)}));
  assert.equal(res.status, 413);
  assert.deepEqual(await stored(), []);
});

test('a streamed body without Content-Length is cut off at maxBodyBytes with 413', async () => {
  let sent = 0;
  const chunk = new TextEncoder().encode('x'.repeat(8192));
  const body = new ReadableStream({
    pull(controller) {
      if (sent >= 1 << 20) return controller.close(); // far more than the limit; the server stops reading before
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const res = await fetch(`${server.url}/api/submit`, {method: 'POST', body, duplex: 'half', headers: {'content-type': 'application/json'}});
  assert.equal(res.status, 413);
  assert.deepEqual(await stored(), []);
});

test('over the rate limit: 429 with Retry-After', async () => {
  const limited = await startReceiver({dataDir: tempDir(), port: 0, rateLimit: {max: 2, windowMs: 60_000}});
  try {
    const statuses = [];
    let last;
    for (let i = 0; i < 3; i++) {
      last = await submit(newsletter({email: `n${i}@example.org`}), {url: limited.url});
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [200, 200, 429]);
    const wait = Number(last.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
  } finally {
    await limited.close();
  }
});

test('CORS: an allowed origin is echoed, another gets no CORS headers', async () => {
  const allowed = await submit(newsletter(), {headers: {origin: ORIGIN}});
  assert.equal(allowed.headers.get('access-control-allow-origin'), ORIGIN);
  assert.match(allowed.headers.get('vary'), /Origin/);
  assert.match(allowed.headers.get('access-control-expose-headers'), /Retry-After/i);
  const other = await submit(newsletter({email: 'x@example.org'}), {headers: {origin: 'https://evil.example'}});
  assert.equal(other.headers.get('access-control-allow-origin'), null);
  assert.equal(other.headers.get('access-control-expose-headers'), null);
});

test('CORS preflight allows POST with content-type and idempotency-key for allowed origins only', async () => {
  const preflight = (origin) =>
    fetch(`${server.url}/api/submit`, {
      method: 'OPTIONS',
      headers: {origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key'},
    });
  const ok = await preflight(ORIGIN);
  assert.equal(ok.status, 204);
  assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
  assert.equal(ok.headers.get('access-control-allow-methods'), 'POST');
  assert.deepEqual(ok.headers.get('access-control-allow-headers').split(/,\s*/).sort(), ['content-type', 'idempotency-key']);
  const no = await preflight('https://evil.example');
  assert.equal(no.headers.get('access-control-allow-origin'), null);
  assert.equal(no.headers.get('access-control-allow-methods'), null);
});

test('CSV export: BOM, RFC 4180 quoting, formula guard', async () => {
  await submit(interest({municipality: 'Stadt, "Nord"', department: '=HYPERLINK("http://x")', motivation: 'Zeile 1\nZeile 2', contactName: '@Erika'}));
  await submit(newsletter({name: '+Erika'}));
  const run = (...args) => execFileSync(process.execPath, [RECEIVER, 'export', ...args], {env: {...process.env, DATA_DIR: dataDir}});
  const csv = run('interest').toString('utf8');
  assert.ok(csv.startsWith('\uFEFFreference;id;created_at;locale;municipality;'), csv.slice(0, 80));
  const [header, row, end] = csv.slice(1).split('\r\n'); // the cell's own line break is a bare \n
  assert.equal(end, '');
  assert.ok(header.split(';').includes('motivation'));
  assert.ok(row.includes(';"Stadt, ""Nord""";'), row);
  assert.ok(row.includes(`;"'=HYPERLINK(""http://x"")";`), row);
  assert.ok(row.includes(";'@Erika;"), row);
  assert.ok(row.includes(';"Zeile 1\nZeile 2";'), row);
  assert.ok(row.includes(';"de, es";'), row, 'a comma is quoted too: Excel with a comma list separator would split it');
  assert.ok(row.includes(';+4923193696014;'), row, 'a phone number is not guarded');

  const out = join(tempDir(), 'newsletter.csv');
  run('newsletter', '--out', out);
  const news = readFileSync(out, 'utf8');
  assert.match(news, /^\uFEFFreference;email;name;locale;status;/);
  assert.match(news, /;erika@example\.org;'\+Erika;de;pending;/);
});

test('test controls: faults, requests, stored but answer lost', async () => {
  await faults([{status: 503, retryAfter: 7}, {drop: true}, {afterStore: true, drop: true}, {errors: {email: 'Server says no'}}]);
  const key = randomUUID();
  const first = await submit(newsletter(), {key});
  assert.equal(first.status, 503);
  assert.equal(first.headers.get('retry-after'), '7');
  await assert.rejects(submit(newsletter(), {key}));
  assert.deepEqual(await stored(), []);
  await assert.rejects(submit(newsletter(), {key}));
  assert.equal((await stored()).length, 1, 'stored although the answer was lost');
  const fourth = await submit(newsletter(), {key});
  assert.equal(fourth.status, 422);
  assert.deepEqual(await fourth.json(), {errors: {email: 'Server says no'}});
  const fifth = await submit(newsletter(), {key});
  assert.equal(fifth.status, 200);
  assert.equal((await stored()).length, 1);
  assert.deepEqual(await getJson('requests'), {[key]: 5});
});

test('test controls: a hang delays the answer', async () => {
  await faults([{hangMs: 300}]);
  const start = Date.now();
  const res = await submit(newsletter());
  assert.equal(res.status, 200);
  assert.ok(Date.now() - start >= 280);
});

test('test-control endpoints get CORS for allowed origins', async () => {
  const res = await fetch(`${server.url}/api/__test/submissions`, {headers: {origin: ORIGIN}});
  assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
});

test('test controls are absent unless enabled', async () => {
  const plain = await startReceiver({dataDir: tempDir(), port: 0, allowedOrigins: [ORIGIN]});
  try {
    for (const [method, path] of [['GET', 'submissions'], ['POST', 'reset'], ['POST', 'faults'], ['GET', 'outbox'], ['GET', 'requests']]) {
      const res = await fetch(`${plain.url}/api/__test/${path}`, {method, ...(method === 'POST' ? {body: '[]'} : {})});
      assert.equal(res.status, 404, path);
    }
  } finally {
    await plain.close();
  }
});

test('wrong methods and other paths', async () => {
  assert.equal((await fetch(`${server.url}/api/submit`)).status, 405);
  assert.equal((await fetch(`${server.url}/api/other`)).status, 404);
  assert.equal((await fetch(`${server.url}/submit`, {method: 'POST', body: '{}'})).status, 404);
});
