// One address is one address (issue 24): spellings that reach one mailbox (case, ß/SS, a composed or
// combining umlaut, an IDN domain in Unicode or punycode) share the mail limit and the subscription,
// and `show`/`erase` (bin and team workspace) find them all; a database of an older receiver gets
// its keys at start. Needs `npm run build -w receiver` first.
import {test, after} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {startReceiver} from '../dist/receiver.js';
import {interest, run, serve, stop, submit, tempDir} from './helpers.mjs';
import {get, post, runWithInput, signIn, csrfOf} from './team-support.mjs';
import {CHROMIUM_FLAGS, CHROMIUM_PATH} from '../../scripts/chromium.mjs';

const START = Date.parse('2026-12-01T09:00:00Z');
const HOUR = 3_600_000;
const closing = [];
after(async () => {
  for (const close of closing.reverse()) await close();
});

/** A receiver on a clock of its own: {url, dataDir, clock: {now}, db (read-only), outbox(), restart()}. */
async function receiver(dataDir = tempDir('kp-addr-')) {
  const clock = {now: START};
  const start = () => startReceiver({dataDir, port: 0, testControls: true, now: () => clock.now, rateLimit: {max: 1000, windowMs: 60_000}});
  const it = {dataDir, clock, running: await start()};
  closing.push(() => it.running.close());
  it.url = it.running.url;
  it.sql = (query, ...args) => {
    const db = new Database(join(dataDir, 'submissions.sqlite'), {readonly: true});
    try {
      return db.prepare(query).all(...args);
    } finally {
      db.close();
    }
  };
  it.outbox = async () => (await fetch(`${it.running.url}/api/__test/outbox`)).json();
  it.restart = async () => {
    await it.running.close();
    it.running = await start();
    closing.push(() => it.running.close());
    it.url = it.running.url;
  };
  return it;
}
const newsletter = (email) => ({_form: 'newsletter', _locale: 'de', email, consent: true});
async function signUp(url, email) {
  const res = await submit(url, newsletter(email));
  assert.equal(res.status, 200, email);
}
/** Presses the button of the newest confirmation mail to `email` (as typed). */
async function confirmNewest(it, email) {
  const mail = (await it.outbox()).filter((m) => m.recipient === email).at(-1);
  const token = /confirm\?token=([\w-]+)/.exec(mail.message.text)[1];
  const res = await fetch(`${it.url}/api/confirm`, {method: 'POST', body: new URLSearchParams({token})});
  assert.match(await res.text(), /Anmeldung bestätigt/);
}
const cli = async (dataDir, ...args) => {
  const result = await run(args, {dataDir});
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
};

const SPELLINGS = [
  ['Anna@Example.ORG', 'anna@example.org', 'ANNA@EXAMPLE.ORG'],
  ['straße@example.org', 'STRASSE@example.org', 'Strasse@Example.org'],
  ['jörg@münster.de', 'JÖRG@xn--mnster-3ya.de', 'jo\u0308rg@MÜNSTER.de'],
];

test('spellings of one address share the mail limit and make one subscription; the mail goes to what was typed', async () => {
  const it = await receiver();
  for (const spellings of SPELLINGS) {
    for (const email of spellings) await signUp(it.url, email);
  }
  const mails = await it.outbox();
  assert.deepEqual(mails.map((m) => [m.recipient, m.message.to]), SPELLINGS.map(([first]) => [first, first]), 'one mail each, to the first spelling');
  assert.deepEqual(it.sql('SELECT email FROM newsletter_subscriptions ORDER BY rowid').map((r) => r.email), SPELLINGS.map(([first]) => first));

  // An hour later, another spelling: the second mail of the hour's limit, to what was typed now; still one subscription.
  it.clock.now += HOUR + 1000;
  await signUp(it.url, 'STRASSE@example.org');
  assert.deepEqual((await it.outbox()).slice(3).map((m) => m.message.to), ['STRASSE@example.org']);
  await confirmNewest(it, 'STRASSE@example.org');
  assert.deepEqual(it.sql("SELECT email, status FROM newsletter_subscriptions WHERE email LIKE 'str%'"), [{email: 'STRASSE@example.org', status: 'confirmed'}]);
  // A confirmed address gets no mail, whatever the spelling.
  it.clock.now += 2 * HOUR;
  await signUp(it.url, 'straße@EXAMPLE.org');
  assert.equal((await it.outbox()).length, 4);
});

test('show and erase with any spelling find every record of all of them, interest submissions included; others stay', async () => {
  const it = await receiver();
  await signUp(it.url, 'ÄNNE@MÜNSTER.de');
  assert.equal((await submit(it.url, interest({email: 'änne@xn--mnster-3ya.de', municipality: 'Erststadt'}))).status, 200);
  assert.equal((await submit(it.url, interest({email: 'A\u0308nne@münster.DE', municipality: 'Zweitstadt'}))).status, 200);
  assert.equal((await submit(it.url, interest({email: 'anne@münster.de', municipality: 'Andere'}))).status, 200);
  it.clock.now += HOUR + 1000;
  await signUp(it.url, 'änne@münster.de');
  await confirmNewest(it, 'änne@münster.de');

  const shown = JSON.parse(await cli(it.dataDir, 'show', 'Änne@XN--MNSTER-3YA.DE'));
  assert.deepEqual(shown.submissions.map((s) => s.data.municipality ?? s.data.email), ['ÄNNE@MÜNSTER.de', 'Erststadt', 'Zweitstadt', 'änne@münster.de']);
  assert.deepEqual(shown.subscriptions.map((s) => [s.email, s.status, s.consents.length]), [['änne@münster.de', 'confirmed', 1]]);
  assert.equal(shown.outbox.length, 2, 'both confirmation mails');

  assert.equal((await cli(it.dataDir, 'erase', 'a\u0308nne@münster.de')).trim(), '8', '4 submissions, 1 subscription, 1 proof, 2 mails');
  assert.deepEqual(JSON.parse(await cli(it.dataDir, 'show', 'ÄNNE@MÜNSTER.de')), {submissions: [], subscriptions: [], outbox: []});
  assert.deepEqual(it.sql('SELECT count(*) AS n FROM consents'), [{n: 0}]);
  assert.deepEqual(JSON.parse(await cli(it.dataDir, 'show', 'anne@münster.de')).submissions.map((s) => s.data.municipality), ['Andere']);
});

test('a new spelling after unsubscribing keeps the earlier proofs: show lists them and purge leaves them', async () => {
  const it = await receiver();
  await signUp(it.url, 'Jörg@example.org');
  await confirmNewest(it, 'Jörg@example.org');
  const mail = (await it.outbox())[0];
  const unsubscribe = /unsubscribe\?token=([\w-]+)/.exec(mail.message.text)[1];
  await (await fetch(`${it.url}/api/unsubscribe`, {method: 'POST', body: new URLSearchParams({token: unsubscribe})})).text();
  it.clock.now += HOUR + 1000;
  await signUp(it.url, 'JÖRG@example.org');
  assert.deepEqual(JSON.parse(await cli(it.dataDir, 'purge')).consents, 0);
  const [sub] = JSON.parse(await cli(it.dataDir, 'show', 'jörg@example.org')).subscriptions;
  assert.equal(sub.email, 'JÖRG@example.org');
  assert.equal(sub.status, 'pending');
  assert.equal(sub.consents.length, 1, 'the proof of the first confirmation');
});

test("the team's privacy page finds and erases every spelling; the audit names both look-ups by one hash", async (t) => {
  const dataDir = tempDir('kp-addr-team-');
  const served = await serve({dataDir, env: {RATE_LIMIT: '1000'}});
  t.after(() => stop(served));
  const {url} = served;
  assert.equal((await runWithInput(['user', 'add', 'ada@example.org', '--role', 'admin', '--password-stdin'], 'a long enough password', dataDir)).status, 0);
  assert.equal((await submit(url, interest({email: 'GROSS@münster.de', municipality: 'Großstadt'}))).status, 200);
  assert.equal((await submit(url, interest({email: 'groß@xn--mnster-3ya.de', municipality: 'Kleinstadt'}))).status, 200);
  const admin = await signIn(url, 'ada@example.org', 'a long enough password');
  const looked = await (await get(url, `/team/privacy?email=${encodeURIComponent('gross@MÜNSTER.de')}`, admin)).text();
  assert.ok(looked.includes('Großstadt') && looked.includes('Kleinstadt'));
  const erased = await post(url, '/team/privacy/erase', {csrf: csrfOf(looked), email: 'Groß@münster.de', confirm: 'yes'}, {cookie: admin});
  assert.match(await erased.text(), /Gelöscht: 2 Datens/);
  const list = await (await get(url, '/team/interest', admin)).text();
  assert.ok(!list.includes('Großstadt') && !list.includes('Kleinstadt'));
  const objects = (await run(['audit'], {dataDir})).stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line))
    .filter((entry) => entry.action.startsWith('privacy.')).map((entry) => entry.object.split(' ')[0]);
  assert.equal(objects.length, 2);
  assert.equal(objects[0], objects[1]);
});

test('a database of the receiver before keys: filled at start, duplicate subscriptions merged, proofs kept; twice is once', async () => {
  const it = await receiver();
  await signUp(it.url, 'Ökö@example.org');
  await confirmNewest(it, 'Ökö@example.org');
  await signUp(it.url, 'mia@münster.de');
  await signUp(it.url, 'jürgen@example.org');
  await it.running.close();
  // What today's receiver made of other spellings: rows of their own (with their own mails and proofs).
  const db = new Database(join(it.dataDir, 'submissions.sqlite'));
  const at = new Date(START + 60_000).toISOString();
  db.prepare(`INSERT INTO newsletter_subscriptions (email, status, signed_up_at, confirm_token_hash, confirm_expires_at, unsubscribe_token_hash)
    VALUES ('ÖKÖ@example.org', 'pending', ?, 'h1', ?, 'h2')`).run(at, at);
  db.prepare(`INSERT INTO newsletter_subscriptions (email, status, signed_up_at, confirmed_at, confirm_token_hash, unsubscribe_token_hash)
    VALUES ('MIA@xn--mnster-3ya.de', 'confirmed', ?, ?, 'h3', 'h4')`).run(at, at);
  const later = new Date(START + 120_000).toISOString();
  db.prepare(`INSERT INTO newsletter_subscriptions (email, status, signed_up_at, confirmed_at, unsubscribed_at)
    VALUES ('LÜSE@example.org', 'confirmed', ?, ?, NULL), ('lüse@EXAMPLE.org', 'unsubscribed', ?, ?, ?)`).run(at, later, at, at, new Date(START + 180_000).toISOString());
  db.prepare(`INSERT INTO consents (email, confirmed_at, ip, text_version, locale) VALUES ('MIA@xn--mnster-3ya.de', ?, '192.0.2.7', 'de-x', 'de')`).run(at);
  db.prepare(`INSERT INTO submissions VALUES ('old-mail', 'newsletter', 'de', '{"email":"ÖKÖ@EXAMPLE.ORG","consent":true}', ?)`).run(at);
  db.prepare(`INSERT INTO outbox (kind, submission_id, recipient, message, created_at, next_attempt_at)
    VALUES ('confirm', 'old-mail', 'ÖKÖ@EXAMPLE.ORG', NULL, ?, ?)`).run(at, at);
  // …and without the key columns, indexes and upgrade record.
  db.exec(`DROP INDEX newsletter_subscriptions_key; DROP INDEX consents_key; DROP INDEX outbox_recipient_key; DROP TABLE schema_upgrades;
    ALTER TABLE newsletter_subscriptions DROP COLUMN email_key; ALTER TABLE consents DROP COLUMN email_key; ALTER TABLE outbox DROP COLUMN recipient_key;`);
  db.close();

  await it.restart();
  const subs = () => it.sql('SELECT email, email_key, status FROM newsletter_subscriptions ORDER BY email_key');
  assert.deepEqual(subs(), [
    {email: 'jürgen@example.org', email_key: 'jürgen@example.org', status: 'pending'},
    {email: 'lüse@EXAMPLE.org', email_key: 'lüse@example.org', status: 'unsubscribed'},
    {email: 'MIA@xn--mnster-3ya.de', email_key: 'mia@xn--mnster-3ya.de', status: 'confirmed'},
    {email: 'Ökö@example.org', email_key: 'ökö@example.org', status: 'confirmed'},
  ], 'confirmed over pending; a withdrawal after the confirmation over it');
  assert.deepEqual(it.sql('SELECT email_key FROM consents ORDER BY id').map((r) => r.email_key), ['ökö@example.org', 'mia@xn--mnster-3ya.de']);
  assert.deepEqual(it.sql('SELECT recipient_key FROM outbox ORDER BY id').map((r) => r.recipient_key),
    ['ökö@example.org', 'mia@xn--mnster-3ya.de', 'jürgen@example.org', 'ökö@example.org']);
  const [applied] = it.sql('SELECT * FROM schema_upgrades');
  assert.equal(applied.name, 'address-key-1');

  // The limit counts the old mails: another spelling within the hour gets none; a confirmed one none at all.
  await signUp(it.url, 'JÜRGEN@Example.org');
  await signUp(it.url, 'Mia@MÜNSTER.DE');
  assert.equal((await it.outbox()).length, 4);
  assert.deepEqual(JSON.parse(await cli(it.dataDir, 'show', 'mia@münster.de')).subscriptions.map((s) => s.consents.length), [1]);

  await it.restart();
  assert.deepEqual(it.sql('SELECT * FROM schema_upgrades'), [applied], 'not run again');
  assert.equal(subs().length, 4);
});

test('in a browser, the privacy page looks up an address with an umlaut before the @ (type="email" would refuse it)', async (t) => {
  const dataDir = tempDir('kp-addr-browser-');
  const served = await serve({dataDir, env: {RATE_LIMIT: '1000'}});
  t.after(() => stop(served));
  assert.equal((await runWithInput(['user', 'add', 'ada@example.org', '--role', 'admin', '--password-stdin'], 'a long enough password', dataDir)).status, 0);
  assert.equal((await submit(served.url, interest({email: 'Ärger@xn--mnster-3ya.de', municipality: 'Ärgerstadt'}))).status, 200);
  const [name, value] = (await signIn(served.url, 'ada@example.org', 'a long enough password')).split(/=(.*)/s);
  const {chromium} = await import('playwright-core');
  const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, timeout: 30_000});
  t.after(() => browser.close());
  const context = await browser.newContext();
  await context.addCookies([{name, value, url: served.url}]);
  const page = await context.newPage();
  await page.goto(`${served.url}/team/privacy`);
  assert.match(page.url(), /\/team\/privacy$/, 'signed in');
  await page.getByLabel(/e-mail/i).fill('ärger@münster.de', {timeout: 5000});
  await Promise.all([page.waitForURL(/email=/, {timeout: 5000}), page.getByRole('button', {name: /Nachschlagen|Look up/}).click({timeout: 5000})]);
  assert.match(await page.textContent('body'), /Ärgerstadt/);
});
