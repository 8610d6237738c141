// A smaller `npm run bench:receiver` (0 lost, 0 doubled), and the crash test:
// serve killed with SIGKILL under load, restarted on the same DATA_DIR.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {load, plan, storedIds, tally} from '../bench/load.mjs';
import {serve, stop, tempDir} from './helpers.mjs';

const env = {TRUST_PROXY: '1', RATE_LIMIT: '100000'};

test('load: 600 submissions from 30 clients, a fifth repeated: none lost, none doubled', async () => {
  const dataDir = tempDir();
  const served = await serve({dataDir, env});
  try {
    const {jobs, unique} = plan(600);
    const result = await load({url: served.url, jobs, clients: 30});
    assert.deepEqual(tally(result.answered, storedIds(dataDir), unique), {ok: unique, records: unique, lost: 0, doubled: 0});
  } finally {
    assert.equal(await stop(served), 0);
  }
});

test('crash: SIGKILL during load, restart: every submission answered 200 is stored exactly once', async () => {
  const dataDir = tempDir();
  const first = await serve({dataDir, env});
  const {jobs, unique} = plan(1500);
  // killed once a fifth has been answered: the rest is in flight or not yet sent
  const kill = (ok) => ok === Math.round(unique / 5) && first.child.kill('SIGKILL');
  const sending = load({url: first.url, jobs, clients: 30, retry: false, timeoutMs: 5000, onOk: kill});
  assert.equal(await first.exited, 'SIGKILL');
  const before = await sending;
  const answeredOk = [...before.answered].filter(([, s]) => s.includes(200)).length;
  assert.ok(answeredOk > 0 && answeredOk < unique, `killed mid-way (${answeredOk} of ${unique} answered)`);

  const second = await serve({dataDir, env});
  try {
    const stored = storedIds(dataDir);
    const counts = tally(before.answered, stored, unique);
    assert.equal(counts.lost, 0, 'every 200 is stored');
    assert.equal(counts.doubled, 0);
    // The widgets send again what was not answered; afterwards each key is stored once.
    const missing = jobs.filter((job, i) => jobs.indexOf(job) === i && !before.answered.get(job.key)?.includes(200));
    const after = await load({url: second.url, jobs: missing, clients: 30});
    assert.equal([...after.answered.values()].filter((s) => s.includes(200)).length, missing.length);
    assert.deepEqual(tally(new Map([...before.answered, ...after.answered]), storedIds(dataDir), unique), {ok: unique, records: unique, lost: 0, doubled: 0});
  } finally {
    assert.equal(await stop(second), 0);
  }
});
