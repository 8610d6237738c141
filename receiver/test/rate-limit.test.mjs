// Rate limits (issue 24): an IPv6 client is its /64 and an IPv4-mapped address
// its IPv4 address, through the real receiver behind a trusted proxy; each
// request costs the same however many clients there are (the limiter itself,
// bundled from its source, as the service's bundle does not export it).
// Needs `npm run build -w receiver` first.
import {test, after} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {build} from 'esbuild';
import {startReceiver} from '../dist/receiver.js';
import {newsletter, submit, tempDir} from './helpers.mjs';

const cleanup = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});

test('behind TRUST_PROXY, addresses of one IPv6 /64 share one limit; ::ffff:192.0.2.7 is 192.0.2.7', async () => {
  const running = await startReceiver({dataDir: tempDir(), port: 0, trustProxy: '1', rateLimit: {max: 3, windowMs: 60_000}});
  cleanup.push(() => running.close());
  const from = async (address) => (await submit(running.url, newsletter({email: `${randomUUID()}@example.org`}), {headers: {'x-forwarded-for': address}})).status;
  const oneNetwork = ['2001:db8:1:2::1', '2001:DB8:1:2:ffff:ffff:ffff:fffe', '[2001:db8:1:2:abcd:ef01:2345:6789]:4711', '2001:0db8:0001:0002::99'];
  const statuses = [];
  for (const address of oneNetwork) statuses.push(await from(address));
  assert.deepEqual(statuses, [200, 200, 200, 429], 'rotating addresses within one /64');
  assert.equal(await from('2001:db8:1:3::1'), 200, 'the next /64 is another client');
  assert.equal(await from('2001:db8:1::1'), 200, '2001:db8:1:0::/64 too');

  const mapped = [];
  for (const address of ['192.0.2.7', '::ffff:192.0.2.7', '::FFFF:c000:207', '0:0:0:0:0:ffff:192.0.2.7']) mapped.push(await from(address));
  assert.deepEqual(mapped, [200, 200, 200, 429], 'IPv4 written as IPv4-mapped IPv6 is the same client');
  assert.equal(await from('192.0.2.8'), 200, 'its neighbour is not');
});

/** The limiter from receiver/src/rate-limit.ts, bundled for this test. */
async function limiterModule() {
  const {outputFiles} = await build({
    entryPoints: [new URL('../src/rate-limit.ts', import.meta.url).pathname],
    bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

/** Whether `run(0 … count-1)` finishes within `ms` (checked as it goes, so a slow limiter fails instead of hanging). */
function within(ms, count, run) {
  const started = performance.now();
  for (let n = 0; n < count; n++) {
    run(n);
    if (n % 500 === 0 && performance.now() - started > ms) return false;
  }
  return performance.now() - started <= ms;
}

test('a request costs the same with 50 000 clients in the window: 20 000 more hits within 1 s', async () => {
  const {rateLimiter} = await limiterModule();
  const limiter = rateLimiter({max: 5, windowMs: 60_000});
  const now = Date.parse('2026-12-01T09:00:00Z');
  const v4 = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  assert.ok(within(3000, 50_000, (n) => limiter.hit(v4(n), now + (n % 1000))), '50 000 clients within 3 s');
  assert.ok(within(1000, 20_000, (n) => limiter.hit(`2001:db8:${(n >> 8).toString(16)}:${(n & 255).toString(16)}::1`, now + 2000)),
    '20 000 more hits within 1 s');
  // the earlier clients still count within their window, and start over after it
  for (let i = 0; i < 4; i++) assert.equal(limiter.hit('10.0.0.1', now + 3000), 0);
  assert.ok(limiter.hit('10.0.0.1', now + 3000) > 0, 'the 6th hit in the window (one was in the fill) is over the limit');
  assert.equal(limiter.hit('10.0.0.1', now + 61_000), 0, 'a new window');
});

test('memory stays bounded under a flood of addresses: past its capacity the limiter forgets the oldest clients', async () => {
  const {rateLimiter} = await limiterModule();
  const limiter = rateLimiter({max: 1, windowMs: 60_000}, 1000);
  const now = Date.parse('2026-12-01T09:00:00Z');
  limiter.hit('192.0.2.1', now);
  assert.ok(limiter.hit('192.0.2.1', now) > 0);
  for (let n = 0; n < 1500; n++) limiter.hit(`2001:db8:${n.toString(16)}::1`, now);
  assert.ok(limiter.hit('192.0.2.1', now) > 0, 'still within the two maps');
  for (let n = 0; n < 2000; n++) limiter.hit(`2001:db9:${n.toString(16)}::1`, now);
  assert.equal(limiter.hit('192.0.2.1', now), 0, 'forgotten after two turnovers');
});
