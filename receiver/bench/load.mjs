// Load for the receiver (used by `npm run bench:receiver` and the test suite):
// `total` submissions from `clients` concurrent clients, each client with its
// own address in X-Forwarded-For (as behind a trusted proxy), a share of them
// repeated with the same Idempotency-Key, as a widget's retry would. 429, 503
// and lost connections are retried with the same key, like the widget does.
import {randomUUID} from 'node:crypto';
import Database from 'better-sqlite3';
import {join} from 'node:path';
import {validInterest} from '../../test/node/fixtures.mjs';

/** The submissions in sending order: unique ones, and repeats of earlier keys mixed in. */
export function plan(total, repeatShare = 0.2) {
  const repeats = Math.round(total * repeatShare);
  const unique = Array.from({length: total - repeats}, (_, i) => ({key: randomUUID(), i}));
  const jobs = [...unique];
  for (let r = 0; r < repeats; r++) {
    const original = unique[Math.floor((r / repeats) * unique.length)];
    // after its first send, at times while that one is still in flight
    jobs.splice(Math.min(jobs.length, jobs.indexOf(original) + 1 + (r % 7) * 13), 0, original);
  }
  return {jobs, unique: unique.length, repeats};
}

const bodyOf = ({key, i}) =>
  JSON.stringify({...validInterest(), municipality: `Gemeinde ${i}`, _form: 'interest', _locale: 'de', _submissionId: key});

/**
 * Sends the plan to `${url}/api/submit`; resolves with the answers per key,
 * every attempt's latency in ms, and the wall time. `onOk` (called with the
 * count of 200 answers so far) and `retry: false` serve the crash test.
 */
export async function load({url, jobs, clients = 100, retry = true, timeoutMs = 30_000, onOk = () => {}}) {
  let ok = 0;
  const answered = new Map(); // key → statuses of its sends, in order
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  async function client(c) {
    const forwarded = `198.51.${Math.floor(c / 250)}.${(c % 250) + 1}`;
    while (next < jobs.length) {
      const job = jobs[next++];
      for (let attempt = 0; ; attempt++) {
        const t0 = performance.now();
        let status = 0;
        try {
          const res = await fetch(`${url}/api/submit`, {
            method: 'POST',
            headers: {'content-type': 'application/json', 'idempotency-key': job.key, 'x-forwarded-for': forwarded},
            body: bodyOf(job),
            signal: AbortSignal.timeout(timeoutMs),
          });
          status = res.status;
          await res.arrayBuffer();
        } catch {
          failures += 1;
        }
        latencies.push(performance.now() - t0);
        if (!answered.has(job.key)) answered.set(job.key, []);
        answered.get(job.key).push(status);
        if (status === 200) onOk(++ok);
        if (status === 200 || !retry || attempt >= 5 || (status >= 400 && status < 500 && status !== 429 && status !== 408)) break;
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }
  await Promise.all(Array.from({length: clients}, (_, c) => client(c)));
  return {answered, latencies, failures, ms: performance.now() - started};
}

/** The stored ids with how often each occurs (the primary key makes > 1 impossible; counted anyway). */
export function storedIds(dataDir) {
  const db = new Database(join(dataDir, 'submissions.sqlite'), {readonly: true});
  try {
    return new Map(db.prepare('SELECT id, count(*) AS n FROM submissions GROUP BY id').all().map((r) => [r.id, r.n]));
  } finally {
    db.close();
  }
}

/** Lost: answered 200 but not stored. Doubled: stored more than once, or more records than unique keys. */
export function tally(answered, stored, unique) {
  const ok = [...answered].filter(([, statuses]) => statuses.includes(200)).map(([key]) => key);
  const lost = ok.filter((key) => !stored.has(key)).length;
  const records = [...stored.values()].reduce((a, b) => a + b, 0);
  const doubled = [...stored.values()].filter((n) => n > 1).length + Math.max(0, records - unique);
  return {ok: ok.length, records, lost, doubled};
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
