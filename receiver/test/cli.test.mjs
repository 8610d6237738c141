// The bin as an operator runs it: serve in a child process, the other commands
// against the same DATA_DIR while it serves. Needs `npm run build -w receiver`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {randomUUID} from 'node:crypto';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import {interest, newsletter, parseCsv, run, serve, stop, submit, tempDir, validInterest} from './helpers.mjs';

test('unknown commands and bad arguments: one line on stderr, exit code 2', async () => {
  const dataDir = tempDir();
  const cases = [
    ['frobnicate'],
    ['export'],
    ['export', 'contacts'],
    ['export', 'interest', '--format', 'pdf'],
    ['export', 'interest', '--out'],
    ['export', 'interest', '--colour', 'red'],
    ['backup'],
    ['backup', 'a', 'b'],
    ['show'],
    ['show', 'not-an-address'],
    ['erase', 'a@example.org', 'b@example.org'],
    ['purge', 'now'],
    ['serve', 'extra'],
  ];
  for (const args of cases) {
    const result = await run(args, {dataDir});
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.equal(result.stdout, '', args.join(' '));
    assert.match(result.stderr, /^klimapartner-receiver: [^\n]+\n$/, args.join(' '));
  }
  assert.match((await run(['frobnicate'], {dataDir})).stderr, /unknown command "frobnicate"/);
  assert.match((await run(['export', 'interest', '--format', 'pdf'], {dataDir})).stderr, /unknown format "pdf"/);
});

test('a bad configuration value stops serve with a message naming the variable', async () => {
  const dataDir = tempDir();
  const cases = {
    PORT: 'eighty',
    RETAIN_DAYS: '0',
    ALLOWED_ORIGINS: 'www.example.org',
    PUBLIC_URL: 'forms.example.org',
    INTEREST_DEADLINE: 'next Friday',
    INTEREST_TIME_ZONE: 'Europe/Atlantis',
    INTEREST_GRACE_MINUTES: '-1',
    EXTRA_FIELDS: 'list id',
    RATE_LIMIT: '0',
  };
  for (const [name, value] of Object.entries(cases)) {
    const result = await run(['serve'], {dataDir, env: {PORT: '0', [name]: value}});
    assert.equal(result.status, 1, `${name}=${value}: ${result.stderr}`);
    assert.ok(result.stderr.includes(`${name}=${JSON.stringify(value)}`), result.stderr);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  }
});

test('serve: submissions over HTTP; export, show, erase, backup and purge on DATA_DIR while it serves; one log line per request', async (t) => {
  const dataDir = tempDir();
  const served = await serve({dataDir, env: {RATE_LIMIT: '1000'}});
  t.after(() => stop(served));
  const key = randomUUID();
  assert.equal((await submit(served.url, interest({department: '=1+1', extra: 'dropped'}), {key})).status, 200);
  assert.equal((await submit(served.url, newsletter({email: 'Anna@Example.org', name: 'Anna'}))).status, 200);
  assert.equal((await submit(served.url, interest({email: 'anna@example.org', municipality: 'Zweitstadt'}))).status, 200);

  // CSV, read back as a spreadsheet reads it
  const csv = await run(['export', 'interest'], {dataDir});
  assert.equal(csv.status, 0, csv.stderr);
  assert.ok(csv.stdout.startsWith('\uFEFF'));
  const [header, first, second, ...rest] = parseCsv(csv.stdout);
  assert.deepEqual(rest, []);
  const cell = (row, name) => row[header.indexOf(name)];
  assert.equal(cell(first, 'reference'), key.slice(0, 8).toUpperCase());
  assert.equal(cell(first, 'phone'), '+4923193696014');
  assert.equal(cell(first, 'department'), "'=1+1");
  assert.equal(cell(first, 'languages'), 'de, es');
  assert.equal(cell(first, 'motivation'), validInterest().motivation);
  assert.equal(cell(second, 'municipality'), 'Zweitstadt');
  assert.ok(!header.includes('extra'));

  // XLSX, read back with another library than the writer
  const out = join(tempDir(), 'interest.xlsx');
  const xlsx = await run(['export', 'interest', '--format', 'xlsx', '--out', out], {dataDir});
  assert.equal(xlsx.status, 0, xlsx.stderr);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const sheet = book.worksheets[0];
  const names = sheet.getRow(1).values.slice(1);
  const col = (name) => names.indexOf(name) + 1;
  const row = sheet.getRow(2);
  assert.equal(row.getCell(col('phone')).value, '+4923193696014');
  assert.equal(row.getCell(col('phone')).numFmt, '@');
  assert.equal(row.getCell(col('reference')).value, key.slice(0, 8).toUpperCase());
  assert.equal(row.getCell(col('reference')).numFmt, '@');
  assert.equal(row.getCell(col('population')).value, 52000);
  assert.equal(row.getCell(col('department')).value, '=1+1', 'text, never a formula');
  assert.equal(row.getCell(col('department')).formula, undefined);
  assert.equal(sheet.rowCount, 3);
  assert.ok(!names.includes('extra'));

  const news = await run(['export', 'newsletter', '--format', 'xlsx'], {dataDir, encoding: 'buffer'});
  assert.equal(news.status, 0);
  assert.equal(news.stdout.subarray(0, 2).toString(), 'PK');

  // show: everything about one address, case-insensitive
  const shown = await run(['show', 'ANNA@example.org'], {dataDir});
  assert.equal(shown.status, 0, shown.stderr);
  const access = JSON.parse(shown.stdout);
  assert.deepEqual(access.submissions.map((s) => s.form).sort(), ['interest', 'newsletter']);
  assert.equal(access.subscriptions.length, 1);
  assert.equal(access.subscriptions[0].status, 'pending');
  assert.equal(access.subscriptions[0].locale, 'de');
  assert.equal(access.subscriptions[0].consent, null, 'no proof of consent before the confirmation');
  assert.deepEqual(access.outbox.map((m) => m.kind), ['confirm']);
  assert.equal(access.submissions.find((s) => s.form === 'newsletter').data.name, 'Anna');

  // backup while serving: a consistent database of its own
  const copy = join(tempDir(), 'backup.sqlite');
  const backup = await run(['backup', copy], {dataDir});
  assert.equal(backup.status, 0, backup.stderr);
  const db = new Database(copy, {readonly: true});
  assert.equal(db.prepare('SELECT count(*) AS n FROM submissions').get().n, 3);
  assert.equal(db.pragma('integrity_check', {simple: true}), 'ok');
  db.close();

  // erase: everywhere, outbox included; says how many records went
  const mails = () => {
    const outbox = new Database(join(dataDir, 'submissions.sqlite'), {readonly: true});
    try {
      return outbox.prepare('SELECT id FROM outbox').all();
    } finally {
      outbox.close();
    }
  };
  assert.equal(mails().length, 1);
  const erased = await run(['erase', 'anna@example.org'], {dataDir});
  assert.equal(erased.status, 0, erased.stderr);
  assert.equal(erased.stdout.trim(), '4', 'two submissions, one subscription, one mail');
  assert.deepEqual(JSON.parse((await run(['show', 'anna@example.org'], {dataDir})).stdout), {submissions: [], subscriptions: [], outbox: []});
  assert.deepEqual(mails(), []);
  assert.equal((await run(['erase', 'anna@example.org'], {dataDir})).stdout.trim(), '0');

  const purged = await run(['purge'], {dataDir});
  assert.equal(purged.status, 0, purged.stderr);
  assert.deepEqual(JSON.parse(purged.stdout), {subscriptions: 0, consents: 0, newsletter: 0, interest: 0, outbox: 0, audit: 0});

  // the service is still up and answers as before
  const health = await fetch(`${served.url}/api/health`).catch((error) => assert.fail(`${error.cause ?? error}\n${served.stderr()}`));
  assert.equal(health.status, 200);
  assert.equal((await submit(served.url, interest(), {key})).status, 200);

  assert.equal(await stop(served), 0);
  const log = served.lines.map((line) => JSON.parse(line));
  const posts = log.filter((entry) => entry.method === 'POST');
  assert.equal(posts.length, 4);
  for (const entry of log) {
    assert.deepEqual(Object.keys(entry), ['time', 'method', 'path', 'status', 'duration', 'reference']);
    assert.equal(typeof entry.duration, 'number');
  }
  assert.deepEqual(posts.map((e) => [e.path, e.status]), Array(4).fill(['/api/submit', 200]));
  assert.equal(posts[0].reference, key.slice(0, 8).toUpperCase());
  const text = served.lines.join('\n');
  for (const personal of ['anna', 'erika', 'Musterstadt', '127.0.0.1', '+49']) assert.ok(!text.toLowerCase().includes(personal.toLowerCase()), personal);
});

test('SIGTERM: a request in flight is answered and stored, then serve exits 0 and the database is closed cleanly', async () => {
  const dataDir = tempDir();
  const served = await serve({dataDir});
  const {port, hostname} = new URL(served.url);
  const key = randomUUID();
  const body = JSON.stringify({...interest(), _submissionId: key});
  const {request} = await import('node:http');
  const answer = new Promise((resolve, reject) => {
    const req = request({host: hostname, port, method: 'POST', path: '/api/submit', headers: {'content-type': 'application/json', 'content-length': Buffer.byteLength(body)}}, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c) => (text += c)).on('end', () => resolve({status: res.statusCode, text}));
    });
    req.on('error', reject);
    req.write(body.slice(0, 100)); // the request is in flight...
    setTimeout(() => {
      served.child.kill('SIGTERM'); // ...when the service is told to stop
      setTimeout(() => req.end(body.slice(100)), 300);
    }, 300);
  });
  const {status, text} = await answer;
  assert.equal(status, 200, text);
  assert.equal(await served.exited, 0);
  assert.ok(!existsSync(join(dataDir, 'submissions.sqlite-wal')) || readFileSync(join(dataDir, 'submissions.sqlite-wal')).length === 0, 'WAL checkpointed on close');
  const shown = JSON.parse((await run(['show', validInterest().email], {dataDir})).stdout);
  assert.deepEqual(shown.submissions.map((s) => s.id), [key]);
});
