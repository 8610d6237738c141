// Health checks cost the database no write per request (issue 24): the
// writability check writes one row at most every 5 s, however often
// monitoring asks. Counted with SQLite's total_changes() on the receiver's own
// connection and read from the row it writes. Needs `npm run build -w receiver` first.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {startReceiver} from '../dist/receiver.js';
import {tempDir} from './helpers.mjs';

test('50 health requests write at most one row; after 5 s the next one checks again', async (t) => {
  let clock = Date.parse('2026-12-01T09:00:00Z');
  const running = await startReceiver({dataDir: tempDir(), port: 0, now: () => clock});
  t.after(() => running.close());
  const {db} = running.receiver;
  const changes = () => db.prepare('SELECT total_changes() AS n').get().n;
  const checkedAt = () => db.prepare('SELECT checked_at FROM health').get()?.checked_at;
  const before = changes();
  const statuses = [];
  for (let i = 0; i < 50; i++) {
    statuses.push((await fetch(`${running.url}/api/health`)).status);
    clock += 50; // 2.5 s in all
  }
  assert.deepEqual([...new Set(statuses)], [200]);
  assert.ok(changes() - before <= 1, `${changes() - before} rows written for 50 health checks`);
  const first = checkedAt();
  assert.ok(first, 'the check did write once');
  clock += 5000;
  await new Promise((resolve) => setTimeout(resolve, 5)); // the row's time is the real clock's
  assert.equal((await fetch(`${running.url}/api/health`)).status, 200);
  assert.equal(changes() - before, 2, 'checked again after 5 s');
  assert.notEqual(checkedAt(), first);
});
