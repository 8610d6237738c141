// The team workspace's accounts and audit as an operator runs them (issue 20):
// the built bin on a DATA_DIR. Needs `npm run build -w receiver`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import {join} from 'node:path';
import {run, tempDir} from './helpers.mjs';
import {runWithInput} from './team-support.mjs';

const lines = (text) => text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));

test('user add prints a one-time link for 24 h; --password-stdin stores only a scrypt hash; list, role, remove; audit as JSON lines', async () => {
  const dataDir = tempDir();
  const added = await run(['user', 'add', 'Anna@Example.org', '--role', 'editor'], {dataDir, env: {PUBLIC_URL: 'https://forms.example.org/'}});
  assert.equal(added.status, 0, added.stderr);
  const token = added.stdout.match(/https:\/\/forms\.example\.org\/team\/password\?token=([A-Za-z0-9_-]{43})\n$/)?.[1];
  assert.ok(token, added.stdout);
  assert.match(added.stdout, /^anna@example\.org \(editor\): set the password within 24 h at /);

  const password = 'correct horse battery';
  const scripted = await runWithInput(['user', 'add', 'ben@example.org', '--role', 'admin', '--password-stdin'], password + '\n', dataDir);
  assert.equal(scripted.status, 0, scripted.stderr);
  assert.equal(scripted.stdout, 'ben@example.org (admin): added\n');
  assert.ok(!scripted.stdout.includes(password) && !scripted.stderr.includes(password));

  const db = new Database(join(dataDir, 'submissions.sqlite'), {readonly: true});
  const rows = db.prepare('SELECT email, role, password_hash FROM team_users ORDER BY email').all();
  const links = db.prepare('SELECT token_hash, expires_at FROM team_password_links').all();
  db.close();
  assert.equal(rows[0].password_hash, null);
  assert.match(rows[1].password_hash, /^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  assert.ok(!rows[1].password_hash.includes(password));
  assert.equal(links.length, 1);
  assert.notEqual(links[0].token_hash, token, 'only the hash of the link is stored');
  const hours = (Date.parse(links[0].expires_at) - Date.now()) / 3600_000;
  assert.ok(hours > 23.9 && hours <= 24, String(hours));

  const list = await run(['user', 'list'], {dataDir});
  assert.deepEqual(
    lines(list.stdout).map(({email, role, has_password}) => ({email, role, has_password})),
    [
      {email: 'anna@example.org', role: 'editor', has_password: false},
      {email: 'ben@example.org', role: 'admin', has_password: true},
    ],
  );
  assert.equal((await run(['user', 'role', 'anna@example.org', 'viewer'], {dataDir})).status, 0);
  assert.equal(lines((await run(['user', 'list'], {dataDir})).stdout)[0].role, 'viewer');
  assert.equal((await run(['user', 'remove', 'ANNA@example.org'], {dataDir})).status, 0);
  assert.deepEqual(lines((await run(['user', 'list'], {dataDir})).stdout).map((user) => user.email), ['ben@example.org']);

  const auditRun = await run(['audit'], {dataDir});
  assert.equal(auditRun.status, 0, auditRun.stderr);
  const entries = lines(auditRun.stdout);
  assert.deepEqual(
    entries.map(({account, action, object}) => ({account, action, object})),
    [
      {account: 'cli', action: 'user.add', object: 'anna@example.org (editor)'},
      {account: 'cli', action: 'user.add', object: 'ben@example.org (admin)'},
      {account: 'cli', action: 'user.role', object: 'anna@example.org (viewer)'},
      {account: 'cli', action: 'user.remove', object: 'anna@example.org'},
    ],
  );
  assert.ok(entries.every((entry) => !Number.isNaN(Date.parse(entry.at))));
  assert.equal((await run(['audit', '--since', '2999-01-01'], {dataDir})).stdout, '');
  assert.equal(lines((await run(['audit', '--since', '2000-01-01'], {dataDir})).stdout).length, 4);
});

test('user and audit refuse bad arguments with one line and exit code 2; short passwords and duplicates are refused', async () => {
  const dataDir = tempDir();
  const cases = [
    ['user'],
    ['user', 'add', 'anna@example.org'],
    ['user', 'add', 'anna@example.org', '--role', 'owner'],
    ['user', 'add', 'not-an-address', '--role', 'viewer'],
    ['user', 'role', 'anna@example.org'],
    ['user', 'role', 'nobody@example.org', 'viewer'],
    ['user', 'remove', 'nobody@example.org'],
    ['user', 'list', 'extra'],
    ['audit', '--since', 'yesterday'],
    ['audit', 'extra'],
  ];
  for (const args of cases) {
    const result = await run(args, {dataDir});
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.equal(result.stdout, '', args.join(' '));
    assert.match(result.stderr, /^klimapartner-receiver: [^\n]+\n$/, args.join(' '));
  }
  const short = await runWithInput(['user', 'add', 'anna@example.org', '--role', 'viewer', '--password-stdin'], 'elevenchars', dataDir);
  assert.equal(short.status, 2);
  assert.match(short.stderr, /at least 12 characters/);
  assert.ok(!short.stderr.includes('elevenchars'));
  assert.equal((await run(['user', 'list'], {dataDir})).stdout, '');
  assert.equal((await run(['user', 'add', 'anna@example.org', '--role', 'viewer'], {dataDir})).status, 0);
  const twice = await run(['user', 'add', 'Anna@example.org', '--role', 'admin'], {dataDir});
  assert.equal(twice.status, 2);
  assert.match(twice.stderr, /already has an account/);
});
