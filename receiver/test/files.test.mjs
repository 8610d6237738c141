// Durability and file modes of the store, backups and exports, CSV cells an English-locale spreadsheet would split (issue 24).
// Needs `npm run build -w receiver` first.
import {test, after} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, statSync, writeFileSync} from 'node:fs';
import Database from 'better-sqlite3';
import {join} from 'node:path';
import {startReceiver} from '../dist/receiver.js';
import {interest, parseCsv, run, submit, tempDir} from './helpers.mjs';

const cleanup = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});

test('DATA_DIR is 0700 and the database 0600 whatever the umask; synchronous = FULL', async () => {
  const dataDir = join(tempDir(), 'data');
  const before = process.umask(0);
  let running;
  try {
    running = await startReceiver({dataDir, port: 0});
  } finally {
    process.umask(before);
  }
  cleanup.push(() => running.close());
  assert.equal(statSync(dataDir).mode & 0o777, 0o700);
  assert.equal(statSync(join(dataDir, 'submissions.sqlite')).mode & 0o777, 0o600);
  assert.equal(running.receiver.db.pragma('synchronous', {simple: true}), 2, 'FULL');
});

test('CSV cells with a comma or a tab are quoted', async () => {
  const dataDir = tempDir();
  const running = await startReceiver({dataDir, port: 0});
  cleanup.push(() => running.close());
  const res = await submit(running.url, interest({municipality: 'Musterstadt, Kreis', motivation: 'a\tb =1+1'}));
  assert.equal(res.status, 200);
  const {stdout} = await run(['export', 'interest'], {dataDir});
  assert.match(stdout, /"Musterstadt, Kreis"/);
  assert.match(stdout, /"a\tb =1\+1"/);
  assert.ok(parseCsv(stdout).some((row) => row.includes('Musterstadt, Kreis')), 'read back as typed');
});

test('backup and export --out files are 0600 with umask 022, also over an existing 0644 file', async () => {
  const dataDir = tempDir();
  const running = await startReceiver({dataDir, port: 0});
  cleanup.push(() => running.close());
  assert.equal((await submit(running.url, interest())).status, 200);
  const out = tempDir();
  const existing = join(out, 'existing.csv');
  writeFileSync(existing, 'old', {mode: 0o644});
  const before = process.umask(0o022); // the commands run as children, which inherit it
  try {
    for (const args of [['backup', join(out, 'backup.sqlite')], ['export', 'interest', '--out', join(out, 'interest.csv')],
      ['export', 'newsletter', '--out', join(out, 'news.xlsx')], ['export', 'interest', '--out', existing]]) {
      const result = await run(args, {dataDir});
      assert.equal(result.status, 0, result.stderr);
      const file = args.at(-1);
      assert.equal((statSync(file).mode & 0o777).toString(8), '600', args.join(' '));
    }
  } finally {
    process.umask(before);
  }
  assert.ok(readFileSync(existing, 'utf8').includes('Musterstadt'), 'written over');
  const copy = new Database(join(out, 'backup.sqlite'), {readonly: true});
  assert.equal(copy.prepare('SELECT count(*) AS n FROM submissions').get().n, 1);
  copy.close();
});
