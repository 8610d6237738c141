// The consent history (issue 24): every confirmation and withdrawal is kept
// apart from the subscription row, so a new sign-up of the same address (by
// anyone) neither resets nor shortens it; `show` gives `consent: null` while
// pending with the history beside it; `purge` keeps it CONSENT_PROOF_DAYS;
// `erase` removes it. The service runs on a clock 40 days back, `purge` and
// `show` are the bin on the same DATA_DIR. Needs `npm run build -w receiver` first.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {startReceiver} from '../dist/receiver.js';
import {newsletter, run, submit, tempDir} from './helpers.mjs';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const iso = (ms) => new Date(ms).toISOString();

/** A receiver on `clock.now`, with test controls (to read the outbox). */
async function receiver(dataDir, clock) {
  return startReceiver({dataDir, port: 0, testControls: true, now: () => clock.now, rateLimit: {max: 1000, windowMs: 60_000}});
}

/** The confirm and unsubscribe links of the newest mail to `email`. */
async function links(url, email) {
  const rows = await (await fetch(`${url}/api/__test/outbox`)).json();
  const mail = rows.filter((r) => r.recipient.toLowerCase() === email.toLowerCase()).at(-1);
  const find = (path) => new RegExp(`^(http://\\S+/api/${path}\\?token=[\\w-]+)$`, 'm').exec(mail.message.text)[1];
  return {confirm: find('confirm'), unsubscribe: find('unsubscribe')};
}

/** The page's button: POSTs the token in the body, as a browser does. */
const press = (link, headers = {}) =>
  fetch(link.replace(/\?.*/, ''), {method: 'POST', headers, body: new URLSearchParams({token: new URL(link).searchParams.get('token')})});
/** A mail provider's one-click unsubscribe (RFC 8058): POST to the List-Unsubscribe URL itself. */
const oneClick = (link) => fetch(link, {method: 'POST', body: new URLSearchParams({'List-Unsubscribe': 'One-Click'})});

async function show(dataDir, email, env = {}) {
  const result = await run(['show', email], {dataDir, env});
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}
async function purge(dataDir, env = {}) {
  const result = await run(['purge'], {dataDir, env});
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

test('a new sign-up neither resets nor shortens the history; show: consent null while pending; purge keeps it CONSENT_PROOF_DAYS', async () => {
  const dataDir = tempDir();
  const start = Date.now() - 40 * DAY;
  const clock = {now: start};
  const running = await receiver(dataDir, clock);
  const ua = 'Mozilla/5.0 (consent-history test)';
  // erika confirms and withdraws by one-click; bob withdraws with the page's button; carol stays subscribed
  for (const email of ['erika@example.org', 'bob@example.org', 'carol@example.org']) {
    assert.equal((await submit(running.url, newsletter({email, _locale: 'en'}))).status, 200);
  }
  clock.now += HOUR;
  for (const email of ['erika@example.org', 'bob@example.org', 'carol@example.org']) {
    assert.equal((await press((await links(running.url, email)).confirm, {'user-agent': ua})).status, 200);
  }
  clock.now += HOUR;
  assert.equal((await oneClick((await links(running.url, 'erika@example.org')).unsubscribe)).status, 200);
  assert.equal((await press((await links(running.url, 'bob@example.org')).unsubscribe)).status, 200);
  assert.equal((await oneClick((await links(running.url, 'erika@example.org')).unsubscribe)).status, 200, 'again: no second withdrawal');
  // someone signs erika up again (any visitor can type any address)
  clock.now += HOUR;
  assert.equal((await submit(running.url, newsletter({email: 'ERIKA@example.org'}))).status, 200);
  await running.close();

  const pending = (await show(dataDir, 'erika@example.org')).subscriptions;
  const textVersion = pending[0]?.consentHistory?.[0]?.textVersion;
  assert.match(String(textVersion), /^en-[0-9a-f]{12}$/);
  const history = [
    {event: 'confirmed', at: iso(start + HOUR), ip: '127.0.0.1', userAgent: ua, textVersion, locale: 'en'},
    {event: 'withdrawn', at: iso(start + 2 * HOUR), via: 'one-click'},
  ];
  assert.equal(pending.length, 1);
  assert.equal(pending[0].status, 'pending');
  assert.equal(pending[0].consent, null, 'no consent while pending');
  assert.deepEqual(pending[0].consentHistory, history, 'the earlier confirmation and its withdrawal stay beside it');
  assert.deepEqual((await show(dataDir, 'bob@example.org')).subscriptions[0].consentHistory.map((h) => h.via ?? h.event), ['confirmed', 'link']);

  // 40 days on: the pending sign-up (and bob's unsubscribed row) are past 30 days and go; the histories stay
  const first = await purge(dataDir);
  assert.equal(first.subscriptions, 2);
  assert.equal(first.consents, 0, 'the proofs outlive the subscription rows');
  const gone = (await show(dataDir, 'erika@example.org')).subscriptions;
  assert.deepEqual(gone.map(({status, signedUpAt, unsubscribedAt, consentHistory}) => ({status, signedUpAt, unsubscribedAt, consentHistory})), [
    {status: 'unsubscribed', signedUpAt: null, unsubscribedAt: iso(start + 2 * HOUR), consentHistory: history},
  ]);
  assert.equal(gone[0].consent.ip, '127.0.0.1', 'the withdrawn consent\'s proof');

  // CONSENT_PROOF_DAYS=39: erika's and bob's histories (newest entry 40 days old) go, carol's (subscribed) stays
  assert.equal((await purge(dataDir, {CONSENT_PROOF_DAYS: '41'})).consents, 0);
  assert.equal((await purge(dataDir, {CONSENT_PROOF_DAYS: '39'})).consents, 4);
  assert.deepEqual((await show(dataDir, 'erika@example.org')).subscriptions, []);
  assert.deepEqual((await show(dataDir, 'bob@example.org')).subscriptions, []);
  assert.equal((await purge(dataDir, {CONSENT_PROOF_DAYS: '1'})).consents, 0);
  assert.equal((await show(dataDir, 'carol@example.org')).subscriptions[0].consentHistory.length, 1);
});

test('erase removes the consent history with the subscription', async () => {
  const dataDir = tempDir();
  const clock = {now: Date.now() - DAY};
  const running = await receiver(dataDir, clock);
  const email = 'gone@example.org';
  assert.equal((await submit(running.url, newsletter({email}))).status, 200);
  await press((await links(running.url, email)).confirm);
  await oneClick((await links(running.url, email)).unsubscribe);
  clock.now += 2 * HOUR;
  assert.equal((await submit(running.url, newsletter({email}))).status, 200);
  await running.close();
  assert.equal((await show(dataDir, email)).subscriptions[0].consentHistory.length, 2);
  const erased = await run(['erase', email], {dataDir});
  assert.equal(erased.stdout.trim(), '7', 'two sign-ups, the subscription, two history entries, two mails');
  const db = new Database(join(dataDir, 'submissions.sqlite'), {readonly: true});
  try {
    for (const table of ['consents', 'consent_withdrawals', 'newsletter_subscriptions']) {
      assert.equal(db.prepare(`SELECT count(*) AS n FROM ${table}`).get().n, 0, table);
    }
  } finally {
    db.close();
  }
});

test('a database from before the history: its withdrawals are taken over at start, once, and a new sign-up keeps them', async () => {
  const dataDir = tempDir();
  const clock = {now: Date.now() - 10 * DAY};
  let running = await receiver(dataDir, clock);
  for (const email of ['old@example.org', 'never@example.org']) assert.equal((await submit(running.url, newsletter({email}))).status, 200);
  clock.now += HOUR;
  await press((await links(running.url, 'old@example.org')).confirm);
  await running.close();
  // as the receiver before this change left it: no withdrawals table, the withdrawal only in the subscription row
  const unsubscribedAt = iso(clock.now + HOUR);
  const db = new Database(join(dataDir, 'submissions.sqlite'));
  db.exec('DROP TABLE consent_withdrawals');
  db.prepare("UPDATE newsletter_subscriptions SET status = 'unsubscribed', unsubscribed_at = ?").run(unsubscribedAt);
  db.close();

  clock.now += 2 * HOUR;
  running = await receiver(dataDir, clock);
  await running.close();
  running = await receiver(dataDir, clock); // a second start copies nothing twice
  assert.equal((await submit(running.url, newsletter({email: 'old@example.org'}))).status, 200);
  const old = (await show(dataDir, 'old@example.org')).subscriptions[0];
  assert.equal(old.status, 'pending');
  // the new sign-up withdrawn before it was confirmed: no withdrawal of consent, not now, not at the next start
  assert.equal((await press((await links(running.url, 'old@example.org')).unsubscribe)).status, 200);
  await running.close();
  running = await receiver(dataDir, clock);
  await running.close();
  assert.deepEqual((await show(dataDir, 'old@example.org')).subscriptions[0].consentHistory, old.consentHistory);
  assert.deepEqual(old.consentHistory.map(({event, at, via}) => ({event, at: event === 'withdrawn' ? at : typeof at, via})), [
    {event: 'confirmed', at: 'string', via: undefined},
    {event: 'withdrawn', at: unsubscribedAt, via: null},
  ]);
  assert.deepEqual((await show(dataDir, 'never@example.org')).subscriptions[0].consentHistory, [], 'a sign-up never confirmed withdrew no consent');
});

test('CONSENT_PROOF_DAYS: a bad value stops serve and purge with a message naming it', async () => {
  const dataDir = tempDir();
  for (const value of ['banana', '-1', '0', '1.5', '36501']) {
    for (const command of ['serve', 'purge']) {
      const result = await run([command], {dataDir, env: {PORT: '0', CONSENT_PROOF_DAYS: value}});
      assert.equal(result.status, 1, `${command} ${value}: ${result.stderr}`);
      assert.equal(result.stderr, `klimapartner-receiver: CONSENT_PROOF_DAYS=${JSON.stringify(value)} is not valid: expected a whole number from 1 to 36500\n`);
    }
  }
});
