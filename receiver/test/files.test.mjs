// Durability and file modes of the store, CSV cells an English-locale spreadsheet would split (issue 24).
// Needs `npm run build -w receiver` first.
import {test, after} from 'node:test';
import assert from 'node:assert/strict';
import {statSync} from 'node:fs';
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
