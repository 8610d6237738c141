/**
 * Sends the outbox: every unsent mail right after the start, then whenever a mail is added, and when the
 * next retry is due. A failed mail is tried again after `firstMs`, then after
 * twice as long each time up to `maxMs`, until `giveUpMs` after it was
 * written; a recipient the server refuses for good (5xx to RCPT) is given up
 * at once. One mail at a time; `stop` waits for the one being sent.
 */
import type {Transporter} from 'nodemailer';
import type {Message, Outbox, OutboxRow} from './outbox.js';

export interface RetryPolicy {
  /** The first retry's delay (default 30 s: "within a minute at first"). */
  firstMs: number;
  /** The longest delay between two tries (default one hour). */
  maxMs: number;
  /** How long after it was written a mail is tried (default three days; at least 24 hours). */
  giveUpMs: number;
}

export const RETRY: RetryPolicy = {firstMs: 30_000, maxMs: 3_600_000, giveUpMs: 3 * 86_400_000};

/** The delay before try number `attempts + 1`, after `attempts` failed tries (≥ 1). */
export function retryDelay(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.maxMs, policy.firstMs * 2 ** Math.min(30, Math.max(0, attempts - 1)));
}

/** Errors of the connection, not of one mail: the server is down, unreachable or refuses our login. */
const UNREACHABLE = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'EAUTH', 'ETLS', 'ECONNREFUSED']);

/**
 * An error as the log and `last_error` (shown by /api/health) keep it: without the addresses a server
 * may quote in its answer ("<jane@example.org>: Recipient address rejected").
 */
export function mailErrorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '…@…');
}

/** Whether the server refused the recipient for good (a 5xx answer to the envelope). */
function permanent(error: unknown): boolean {
  const e = error as {code?: string; responseCode?: number};
  return e.code === 'EENVELOPE' && (e.responseCode ?? 0) >= 500;
}

export interface WorkerOptions {
  outbox: Outbox;
  transport: Pick<Transporter, 'sendMail' | 'close'>;
  now: () => number;
  policy?: Partial<RetryPolicy>;
  log?: (line: string) => void;
}

export function startOutboxWorker({outbox, transport, now, policy: given, log = console.error}: WorkerOptions) {
  const policy = {...RETRY, ...given};
  /** Longest sleep between two looks at the table (other processes may add or erase rows). */
  const idleMs = Math.min(60_000, policy.firstMs);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const iso = (ms: number) => new Date(ms).toISOString();

  /** Sends one mail; false when the server cannot be reached (then the others wait too: one try per pass). */
  async function deliver(row: OutboxRow): Promise<boolean> {
    const message = JSON.parse(row.message ?? 'null') as Message | null;
    if (!message) {
      outbox.giveUp(row.id, 'no message', iso(now()));
      return true;
    }
    try {
      const info = (await transport.sendMail({...message, date: new Date(message.date)})) as {rejected?: unknown[]};
      outbox.sent(row.id, iso(now()));
      // a notice to several: the server took it for some of them
      if (info?.rejected?.length) log(`receiver: mail ${row.id} (${row.kind}) refused for ${info.rejected.length} of its recipients`);
    } catch (error) {
      const text = mailErrorText(error);
      const at = now();
      const expired = at - Date.parse(row.created_at) >= policy.giveUpMs;
      if (permanent(error) || expired) {
        outbox.giveUp(row.id, text, iso(at));
        log(`receiver: gave up mail ${row.id} (${row.kind}) after ${row.attempts + 1} tries: ${text}`);
      } else {
        const wait = retryDelay(row.attempts + 1, policy);
        outbox.retry(row.id, text, iso(at + wait));
        log(`receiver: mail ${row.id} (${row.kind}) not sent, next try in ${Math.round(wait / 1000)} s: ${text}`);
      }
      if (UNREACHABLE.has(String((error as {code?: string}).code))) {
        // Not this mail's fault: the rest waits one short delay instead of a connect timeout each.
        outbox.postpone(iso(at + policy.firstMs));
        return false;
      }
    }
    return true;
  }

  /** Right after the start: every unsent mail once, due or not (a restart often follows a mended setting). */
  async function first(): Promise<void> {
    for (const row of outbox.due('9999', Number.MAX_SAFE_INTEGER)) {
      if (stopped || !(await deliver(row))) return;
    }
  }

  async function pass(): Promise<void> {
    do {
      again = false;
      for (let rows = outbox.due(iso(now())); rows.length && !stopped; rows = outbox.due(iso(now()))) {
        for (const row of rows) {
          if (stopped || !(await deliver(row))) return;
        }
      }
    } while (again && !stopped);
  }

  function schedule(): void {
    if (stopped) return;
    clearTimeout(timer);
    const next = outbox.nextDue();
    const wait = next === undefined ? idleMs : Math.min(idleMs, Math.max(0, Date.parse(next) - now()));
    timer = setTimeout(() => kick(), wait);
    timer.unref();
  }

  /** Looks for due mail now (or right after the pass that is running). */
  function kick(start = false): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (start ? first().then(pass) : pass())
      .catch((error: unknown) => log(`receiver: outbox: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = undefined;
        schedule();
      });
  }

  kick(true);
  return {
    kick: () => kick(),
    /** Stops looking, waits for the mail being sent, closes the transport. */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}
