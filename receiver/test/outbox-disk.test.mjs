// A full disk while a mail is in flight: the SMTP server gets it once, the
// worker backs off instead of sending it again, /api/health says why, and the
// bookkeeping catches up once there is space again (no restart).
// DATA_DIR is a small tmpfs the test mounts (as root; skipped otherwise).
// Needs `npm run build -w receiver` first.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {closeSync, openSync, unlinkSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {randomUUID} from 'node:crypto';
import {startSmtp, withCa, SMTP_USER, SMTP_PASS} from './support/smtp.mjs';
import {serveLibrary} from './support/process.mjs';
import {run, stop, tempDir} from './helpers.mjs';

const {cleanup, ca} = withCa();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A 4 MiB tmpfs on a new folder, unmounted after the file's tests; undefined when it cannot be mounted. */
function mountTmpfs() {
  const dir = tempDir('kp-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', dir], {stdio: 'pipe'});
  } catch (error) {
    return {error: String(error.stderr || error.message).trim()};
  }
  cleanup.push(() => execFileSync('umount', ['-l', dir], {stdio: 'pipe'}));
  return {dir};
}

/** Writes zeros to `file` until the file system has not one byte left. */
function fill(file) {
  const fd = openSync(file, 'w');
  const zeros = Buffer.alloc(1 << 20);
  for (let size = zeros.length; size >= 1; ) {
    try {
      writeSync(fd, zeros, 0, size);
    } catch (error) {
      if (error.code !== 'ENOSPC') throw error;
      size >>= 1;
    }
  }
  closeSync(fd);
}

async function until(check, what, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const health = async (url) => {
  const res = await fetch(`${url}/api/health`);
  return {status: res.status, body: await res.json()};
};

const signUp = (url, email) => {
  const id = randomUUID();
  return fetch(`${url}/api/submit`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'idempotency-key': id},
    body: JSON.stringify({_form: 'newsletter', _locale: 'en', _submissionId: id, email, consent: true}),
  });
};
/** The outbox rows of `email` as `show` prints them, once `show` works. */
async function mailsOf(dataDir, email) {
  const out = await run(['show', email], {dataDir});
  return out.status === 0 ? JSON.parse(out.stdout).outbox : [];
}

test('disk full while a mail is in flight: sent once, the worker pauses as a whole, health 503 with the reason, then it catches up', async (t) => {
  const mounted = mountTmpfs();
  if (!mounted.dir) return t.skip(`needs a tmpfs as DATA_DIR (run as root): mount failed: ${mounted.error}`);
  const dataDir = mounted.dir;
  const filler = join(dataDir, 'filler');
  let filled = false;
  const smtp = await startSmtp(ca(), {
    rcpt() {
      // a mail is in flight: the receiver is between its send and the write that records it
      if (!filled) fill(filler);
      filled = true;
    },
  });
  cleanup.push(() => smtp.close());
  await smtp.stop(); // two mails wait in the outbox first
  const served = await serveLibrary(
    {
      dataDir,
      port: 0,
      publicUrl: 'https://forms.example.org',
      smtp: {url: `smtp://localhost:${smtp.port}`, user: SMTP_USER, pass: SMTP_PASS},
      mailFrom: 'news@example.org',
      retry: {firstMs: 300, maxMs: 1000},
      trustProxy: 1,
    },
    {NODE_EXTRA_CA_CERTS: ca().caFile},
  );
  cleanup.push(() => stop(served));
  for (const email of ['full@example.org', 'next@example.org']) assert.equal((await signUp(served.url, email)).status, 200);
  await until(async () => (await health(served.url)).body.outbox?.lastError, 'a failed try while SMTP is down');

  await smtp.start();
  await smtp.waitFor(1);
  assert.ok(filled, 'the disk was filled during the send');
  const [first] = smtp.mails;
  const down = await until(async () => {
    const h = await health(served.url);
    return h.status === 503 && h;
  }, 'health 503');
  await sleep(3000); // the worker before issue 24 sent the same mail every few hundred ms meanwhile
  assert.equal(smtp.mails.length, 1, `the mail the server took is not sent again, the other waits (${smtp.mails.length} mails)`);
  const complaints = served.stderr().split('\n').filter((line) => /full/i.test(line)).length;
  assert.ok(complaints <= 10, `the worker pauses as a whole, no loop (${complaints} log lines in 3 s)`);
  assert.equal(down.body.ok, false);
  assert.equal(down.body.database, 'not writable');
  assert.match(down.body.reason, /^SQLITE_FULL: database or disk is full$/);
  const stillDown = await health(served.url);
  assert.equal(stillDown.status, 503);
  assert.equal(stillDown.body.sentUnrecorded, 1, 'health counts the mail that went out but is not recorded yet');
  const far = await fetch(`${served.url}/api/health`, {headers: {'x-forwarded-for': '203.0.113.5'}});
  assert.equal(far.status, 503);
  assert.deepEqual(await far.json(), {ok: false}, 'a client that is not local reads no reason');

  unlinkSync(filler); // space again: no restart
  await until(async () => (await health(served.url)).status === 200, 'health 200 again');
  const firstTo = first.envelope.to[0].toLowerCase();
  const recorded = await until(async () => {
    const mails = await mailsOf(dataDir, firstTo);
    return mails.length === 1 && mails[0].sentAt && mails[0];
  }, 'the first mail recorded as sent');
  assert.ok(Date.parse(recorded.sentAt) <= Date.now());
  await smtp.waitFor(2);
  await until(async () => (await health(served.url)).body.outbox?.backlog === 0, 'the outbox empty');
  await sleep(1000); // nothing more comes
  const ids = smtp.mails.map((m) => m.parsed.messageId);
  assert.equal(new Set(ids).size, 2, 'two mails, each once');
  assert.deepEqual(smtp.mails.map((m) => m.envelope.to[0].toLowerCase()).sort(), ['full@example.org', 'next@example.org']);
  assert.equal(await stop(served), 0);
});
