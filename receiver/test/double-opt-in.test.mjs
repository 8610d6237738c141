// The double opt-in's states on a fixed clock, read from the outbox (no SMTP
// here; mail.test.mjs and consent.test.mjs send real mail): pages change
// nothing, the button confirms, the link expires after 7 days, a new sign-up
// starts over, a confirmed address gets no mail, pages speak the language.
// Needs `npm run build -w receiver` first.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {randomUUID} from 'node:crypto';
import Database from 'better-sqlite3';
import {startReceiver} from '../dist/receiver.js';

const START = Date.parse('2026-12-01T09:00:00Z');
let clock = START;
let server, dataDir, db;
before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kp-doi-'));
  server = await startReceiver({dataDir, port: 0, testControls: true, now: () => clock, rateLimit: {max: 1000, windowMs: 60_000}});
  db = new Database(join(dataDir, 'submissions.sqlite'), {readonly: true});
});
after(async () => {
  db?.close();
  await server?.close();
  rmSync(dataDir, {recursive: true, force: true});
});

const hours = (n) => (clock += n * 3_600_000);
const row = (email) => db.prepare('SELECT * FROM newsletter_subscriptions WHERE email = ?').get(email);
const consents = (email) => db.prepare('SELECT * FROM consents WHERE email = ?').all(email);
async function signUp(email, locale = 'de') {
  const id = randomUUID();
  const res = await fetch(`${server.url}/api/submit`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'idempotency-key': id},
    body: JSON.stringify({_form: 'newsletter', _locale: locale, _submissionId: id, email, consent: true}),
  });
  assert.equal(res.status, 200);
  return id;
}
/** The links of the newest mail to `email` in the outbox. */
async function links(email) {
  const rows = await (await fetch(`${server.url}/api/__test/outbox`)).json();
  const mail = rows.filter((r) => r.recipient.toLowerCase() === email.toLowerCase()).at(-1);
  const find = (path) => new RegExp(`^(http://\\S+/api/${path}\\?token=[\\w-]+)$`, 'm').exec(mail.message.text)[1];
  return {count: rows.filter((r) => r.recipient.toLowerCase() === email.toLowerCase()).length, confirm: find('confirm'), unsubscribe: find('unsubscribe')};
}
const press = (link) =>
  fetch(link.replace(/\?.*/, ''), {method: 'POST', body: new URLSearchParams({token: new URL(link).searchParams.get('token')})});
const page = async (res) => ({status: res.status, html: await res.text()});

test('the page changes nothing; the button confirms with time, address and text version', async () => {
  const email = 'erika@example.org';
  await signUp(email, 'en');
  const {confirm} = await links(email);
  const shown = await page(await fetch(confirm));
  assert.equal(shown.status, 200);
  assert.match(shown.html, /<html lang="en">/);
  assert.match(shown.html, /<form method="post" action="confirm">/);
  assert.equal(row(email).status, 'pending');
  assert.equal(row(email).confirm_token_hash.length, 64, 'stored as a SHA-256 hash');
  assert.ok(!JSON.stringify(row(email)).includes(new URL(confirm).searchParams.get('token')), 'never in plain');
  hours(1);
  const done = await page(await press(confirm));
  assert.equal(done.status, 200);
  assert.match(done.html, /Subscription confirmed/);
  const sub = row(email);
  assert.equal(sub.status, 'confirmed');
  assert.equal(sub.confirmed_at, new Date(clock).toISOString());
  assert.deepEqual(consents(email).map(({ip, locale, text_version}) => ({ip, locale, version: /^en-[0-9a-f]{12}$/.test(text_version)})), [
    {ip: '127.0.0.1', locale: 'en', version: true},
  ]);
  assert.match((await page(await fetch(confirm))).html, /Subscription confirmed/, 'the link again: confirmed, no button');
  assert.equal((await page(await press(confirm))).status, 200);
  assert.equal(consents(email).length, 1, 'no second proof for the same confirmation');
});

test('a confirm link expires after 7 days', async () => {
  const email = 'late@example.org';
  await signUp(email, 'fr');
  const {confirm} = await links(email);
  hours(7 * 24 + 1);
  const res = await page(await fetch(confirm));
  assert.equal(res.status, 410);
  assert.match(res.html, /<html lang="fr">[\s\S]*Lien expiré/);
  assert.equal((await press(confirm)).status, 410);
  assert.equal(row(email).status, 'pending');
});

test('a new sign-up after unsubscribing starts over with new links; the old ones are void; a confirmed address gets no mail', async () => {
  const email = 'again@example.org';
  await signUp(email);
  const first = await links(email);
  await press(first.confirm);
  assert.equal((await press(first.unsubscribe)).status, 200);
  assert.equal(row(email).status, 'unsubscribed');
  hours(2);
  await signUp(email.toUpperCase());
  const second = await links(email);
  assert.equal(second.count, 2);
  assert.equal(row(email).status, 'pending');
  assert.equal((await fetch(first.confirm)).status, 404, 'the old confirm link is void');
  assert.equal((await fetch(first.unsubscribe)).status, 404, 'the old unsubscribe link too');
  await press(second.confirm);
  assert.equal(consents(email).length, 2, 'both confirmations keep their proof');
  hours(2);
  await signUp(email);
  assert.equal((await links(email)).count, 2, 'confirmed: no mail');
});

test('pages: the language of the subscription, else of the browser; unknown tokens 404', async () => {
  for (const [lang, title] of [['pt', 'Link inválido'], ['es', 'Enlace no válido'], ['xx', 'Link ungültig']]) {
    const res = await page(await fetch(`${server.url}/api/confirm?token=nope`, {headers: {'accept-language': `${lang}-BR;q=0.9, ja;q=0.8`}}));
    assert.equal(res.status, 404);
    assert.match(res.html, new RegExp(`<title>${title}</title>`));
  }
  assert.equal((await fetch(`${server.url}/api/unsubscribe`)).status, 404);
  assert.equal((await fetch(`${server.url}/api/unsubscribe`, {method: 'POST', body: new URLSearchParams({token: 'nope'})})).status, 404);
  const email = 'lang@example.org';
  hours(2);
  await signUp(email, 'es-MX');
  const {unsubscribe} = await links(email);
  const res = await fetch(unsubscribe, {headers: {'accept-language': 'de'}});
  assert.match(await res.text(), /<html lang="es">[\s\S]*<button type="submit">Cancelar suscripción<\/button>/);
  assert.match(res.headers.get('content-security-policy'), /form-action 'self'/);
  assert.equal(res.headers.get('referrer-policy'), 'same-origin', 'no-referrer would make the button send Origin: null');
});

test('a database of the first receiver (one plain token per subscription) is taken over: old links still work, proofs kept', async () => {
  const old = mkdtempSync(join(tmpdir(), 'kp-doi-v1-'));
  const v1 = new Database(join(old, 'submissions.sqlite'));
  v1.exec(`CREATE TABLE newsletter_subscriptions (email TEXT PRIMARY KEY COLLATE NOCASE, status TEXT NOT NULL,
    token TEXT NOT NULL UNIQUE, confirm_token_created TEXT NOT NULL, confirmed_at TEXT, confirmed_ip TEXT,
    unsubscribed_at TEXT, submission_id TEXT)`);
  const at = new Date(clock - 3_600_000).toISOString();
  v1.prepare("INSERT INTO newsletter_subscriptions VALUES ('wait@example.org', 'pending', 'pending-token', ?, NULL, NULL, NULL, 's1')").run(at);
  v1.prepare("INSERT INTO newsletter_subscriptions VALUES ('done@example.org', 'confirmed', 'done-token', ?, ?, '192.0.2.4', NULL, 's2')").run(at, at);
  v1.close();
  const running = await startReceiver({dataDir: old, port: 0, now: () => clock});
  try {
    assert.match(await (await fetch(`${running.url}/api/confirm?token=pending-token`)).text(), /<button/);
    const confirmed = await fetch(`${running.url}/api/confirm`, {method: 'POST', body: new URLSearchParams({token: 'pending-token'})});
    assert.match(await confirmed.text(), /Anmeldung bestätigt/);
    const check = new Database(join(old, 'submissions.sqlite'), {readonly: true});
    try {
      assert.deepEqual(check.prepare('SELECT email, ip, text_version FROM consents ORDER BY id').all().map((r) => ({...r, text_version: r.text_version.slice(0, 3)})), [
        {email: 'done@example.org', ip: '192.0.2.4', text_version: 'v1'},
        {email: 'wait@example.org', ip: '127.0.0.1', text_version: 'de-'},
      ]);
      assert.equal(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE '%_v1'").get().n, 0);
    } finally {
      check.close();
    }
    const bye = await fetch(`${running.url}/api/unsubscribe`, {method: 'POST', body: new URLSearchParams({token: 'done-token'})});
    assert.match(await bye.text(), /Abmeldung bestätigt/, 'the one old token also unsubscribes');
  } finally {
    await running.close();
    rmSync(old, {recursive: true, force: true});
  }
});
