// The audit trail's retention (issue 20): `purge`, serve's purge at start and
// its daily one (on a mocked interval and a moved clock) delete audit entries
// older than AUDIT_RETAIN_DAYS (default 730) and nothing else; a bad value
// stops the start. Entries are written by the bin's `user add` and aged in the
// database as time would. Needs `npm run build -w receiver` first.
import {mock, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {startReceiver} from '../dist/receiver.js';
import {run, serve, stop, tempDir} from './helpers.mjs';
import {addUser} from './team-support.mjs';

const DAY = 86_400_000;

/** A DATA_DIR with one account per entry of `ages` (days), its `user.add` entry written that long ago. */
async function auditedDir(ages) {
  const dataDir = tempDir();
  const emails = ages.map((days) => `age-${days}@example.org`);
  for (const email of emails) assert.equal((await addUser(dataDir, email, 'viewer')).status, 0);
  const db = new Database(join(dataDir, 'submissions.sqlite'));
  ages.forEach((days, i) =>
    db.prepare("UPDATE team_audit SET at = ? WHERE action = 'user.add' AND object LIKE ?").run(new Date(Date.now() - days * DAY).toISOString(), `${emails[i]}%`),
  );
  db.close();
  return {dataDir, emails};
}

async function bin(args, dataDir, env = {}) {
  const result = await run(args, {dataDir, env});
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}
const auditedAccounts = async (dataDir) =>
  (await bin(['audit'], dataDir))
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((entry) => entry.action === 'user.add')
    .map((entry) => entry.object.split(' ')[0]);
const accounts = async (dataDir) => (await bin(['user', 'list'], dataDir)).match(/age-\d+@example\.org/g).sort();

test('purge: audit entries older than AUDIT_RETAIN_DAYS (default 730) go and are counted, recent ones and the accounts stay', async () => {
  const {dataDir, emails} = await auditedDir([731, 729, 100, 0]);
  const purged = JSON.parse(await bin(['purge'], dataDir));
  assert.deepEqual(purged, {subscriptions: 0, consents: 0, newsletter: 0, interest: 0, outbox: 0, audit: 1});
  assert.deepEqual(await auditedAccounts(dataDir), emails.slice(1));
  assert.deepEqual(await accounts(dataDir), [...emails].sort(), 'the accounts the entries document stay');
  // a shorter time takes the next one; again, nothing is left to purge
  assert.equal(JSON.parse(await bin(['purge'], dataDir, {AUDIT_RETAIN_DAYS: '365'})).audit, 1);
  assert.equal(JSON.parse(await bin(['purge'], dataDir, {AUDIT_RETAIN_DAYS: '365'})).audit, 0);
  assert.deepEqual(await auditedAccounts(dataDir), emails.slice(2));
});

test('serve: its purge at start applies AUDIT_RETAIN_DAYS', async () => {
  const {dataDir, emails} = await auditedDir([150, 50]);
  const served = await serve({dataDir, env: {PORT: '0', AUDIT_RETAIN_DAYS: '100'}});
  try {
    assert.equal((await fetch(`${served.url}/api/health`)).status, 200);
    assert.deepEqual(await auditedAccounts(dataDir), emails.slice(1));
  } finally {
    await stop(served);
  }
  assert.deepEqual(await accounts(dataDir), [...emails].sort());
});

test('the daily purge takes an entry once it is older than AUDIT_RETAIN_DAYS', async (t) => {
  const {dataDir, emails} = await auditedDir([0]);
  mock.timers.enable({apis: ['setInterval']});
  t.after(() => mock.timers.reset());
  const clock = {now: Date.now() + 729 * DAY};
  const running = await startReceiver({dataDir, port: 0, now: () => clock.now});
  try {
    assert.deepEqual(await auditedAccounts(dataDir), emails, 'at start the entry is 729 days old');
    clock.now += 2 * DAY;
    mock.timers.tick(DAY);
    assert.deepEqual(await auditedAccounts(dataDir), [], 'a day later it is 731 days old');
  } finally {
    await running.close();
  }
  assert.deepEqual(await accounts(dataDir), emails);
});

test('AUDIT_RETAIN_DAYS: a bad value stops serve and purge with a message naming it', async () => {
  const dataDir = tempDir();
  for (const value of ['banana', '0', '-1', '1.5', '36501']) {
    for (const command of ['serve', 'purge']) {
      const result = await run([command], {dataDir, env: {PORT: '0', AUDIT_RETAIN_DAYS: value}});
      assert.equal(result.status, 1, `${command} ${value}: ${result.stderr}`);
      assert.equal(result.stderr, `klimapartner-receiver: AUDIT_RETAIN_DAYS=${JSON.stringify(value)} is not valid: expected a whole number from 1 to 36500\n`);
    }
  }
});
