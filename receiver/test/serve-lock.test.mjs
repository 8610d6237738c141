// One `serve` per DATA_DIR: a second stops at once naming the folder, the
// commands work beside the first, and a SIGKILLed serve leaves no lock behind.
// Needs `npm run build -w receiver` first.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {interest, run, serve, stop, submit, tempDir} from './helpers.mjs';

/** `serve` on `dataDir` that is expected to stop: resolves with its message, fails the test if it listens. */
async function refused(dataDir) {
  const started = Date.now();
  const outcome = await serve({dataDir}).then(
    (served) => served,
    (error) => error,
  );
  if (!(outcome instanceof Error)) {
    await stop(outcome);
    assert.fail('a second serve started on the same DATA_DIR');
  }
  return {message: outcome.message, ms: Date.now() - started};
}

test('a second serve on one DATA_DIR stops at once with exit code 1 and one line naming the folder', async () => {
  const dataDir = tempDir();
  const first = await serve({dataDir});
  try {
    const second = await refused(dataDir);
    assert.match(second.message, /^serve exited with 1: klimapartner-receiver: DATA_DIR (\S+) is in use by another serve .*\n$/);
    assert.equal(/DATA_DIR (\S+) /.exec(second.message)[1], dataDir);
    assert.equal(second.message.trim().split('\n').length, 1, 'one line');
    assert.ok(second.ms < 5000, `stopped after ${second.ms} ms`);
    // the first is unharmed
    assert.equal((await fetch(`${first.url}/api/health`)).status, 200);
    assert.equal((await submit(first.url, interest({email: 'lock@example.org'}))).status, 200);
  } finally {
    assert.equal(await stop(first), 0);
  }
});

test('the commands work while serve runs: show, export, purge, backup, user list', async () => {
  const dataDir = tempDir();
  const served = await serve({dataDir});
  try {
    assert.equal((await submit(served.url, interest({email: 'beside@example.org'}))).status, 200);
    const shown = await run(['show', 'beside@example.org'], {dataDir});
    assert.equal(shown.status, 0, shown.stderr);
    assert.equal(JSON.parse(shown.stdout).submissions.length, 1);
    const exported = await run(['export', 'interest'], {dataDir});
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stdout, /beside@example\.org/);
    for (const args of [['purge'], ['backup', join(tempDir(), 'copy.sqlite')], ['user', 'list']]) {
      const done = await run(args, {dataDir});
      assert.equal(done.status, 0, `${args[0]}: ${done.stderr}`);
    }
    assert.equal((await fetch(`${served.url}/api/health`)).status, 200);
  } finally {
    assert.equal(await stop(served), 0);
  }
});

test('after a SIGKILL the lock is gone: the next serve starts; after a clean stop too', async () => {
  const dataDir = tempDir();
  const killed = await serve({dataDir});
  killed.child.kill('SIGKILL');
  assert.equal(await killed.exited, 'SIGKILL');
  const next = await serve({dataDir});
  assert.equal((await fetch(`${next.url}/api/health`)).status, 200);
  assert.match((await refused(dataDir)).message, /is in use by another serve/);
  assert.equal(await stop(next), 0);
  const again = await serve({dataDir});
  assert.equal((await fetch(`${again.url}/api/health`)).status, 200);
  assert.equal(await stop(again), 0);
});
