// `npm run bench:receiver`: the installed-style service (the built bin, serve,
// a fresh DATA_DIR) under load: 5,000 submissions from 100 concurrent clients,
// a fifth repeated with the same Idempotency-Key, each client behind its own
// X-Forwarded-For address. Prints throughput, p50/p99 latency and the records
// against the expected count; exits 1 if one was lost or doubled.
//
//   node receiver/bench/run.mjs [--total=5000] [--clients=100]
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {load, percentile, plan, storedIds, tally} from './load.mjs';
import {serve, stop} from '../test/helpers.mjs';

const option = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const total = option('total', 5000);
const clients = option('clients', 100);

const dataDir = mkdtempSync(join(tmpdir(), 'kp-bench-'));
// TRUST_PROXY (issue 13) makes the rate limit count per forwarded client; until
// then every request counts for 127.0.0.1, so the limit is raised above the total.
const served = await serve({dataDir, env: {TRUST_PROXY: '1', RATE_LIMIT: String(Math.max(1000, total * 2))}});
try {
  const {jobs, unique, repeats} = plan(total);
  const result = await load({url: served.url, jobs, clients});
  const counts = tally(result.answered, storedIds(dataDir), unique);
  const rows = [
    ['submissions sent', `${jobs.length} (${unique} unique, ${repeats} repeated keys), ${clients} clients`],
    ['requests incl. retries', `${result.latencies.length} (${result.failures} failed connections)`],
    ['throughput', `${Math.round((result.latencies.length / result.ms) * 1000)} requests/s over ${(result.ms / 1000).toFixed(1)} s`],
    ['latency p50 / p99', `${percentile(result.latencies, 50).toFixed(1)} ms / ${percentile(result.latencies, 99).toFixed(1)} ms`],
    ['answered 200', `${counts.ok} of ${unique} keys`],
    ['records stored', `${counts.records} (expected ${unique})`],
    ['lost / doubled', `${counts.lost} / ${counts.doubled}`],
  ];
  for (const [name, value] of rows) console.log(`${name.padEnd(24)} ${value}`);
  process.exitCode = counts.lost || counts.doubled || counts.records !== unique ? 1 : 0;
} finally {
  await stop(served);
  rmSync(dataDir, {recursive: true, force: true});
}
