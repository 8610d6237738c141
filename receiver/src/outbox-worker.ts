/**
 * Sends the outbox: every unsent mail right after the start, then whenever a mail is added, and when the
 * next retry is due. A failed mail is tried again after `firstMs`, then after
 * twice as long each time up to `maxMs`, until `giveUpMs` after it was
 * written; a recipient the server refuses for good (5xx to RCPT) is given up
 * at once. One mail at a time; `stop` waits for the one being sent.
 *
 * A mail the server accepted is never sent again: its acceptance is kept in
 * memory by Message-ID before the row is marked sent, so a write that fails
 * (disk full, read-only) leaves it known as sent, and only the write is tried
 * again. While the database takes no writes the worker pauses as a whole (1 s,
 * doubling up to a minute, between tries of what is behind), and `trouble()`
 * says why (for /api/health).
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

/** A database error as health and the log show it: `SQLITE_FULL: database or disk is full`. */
export function databaseErrorText(error: unknown): string {
  const code = (error as {code?: unknown}).code;
  const text = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !text.startsWith(code) ? `${code}: ${text}` : text;
}

export interface WorkerOptions {
  outbox: Outbox;
  transport: Pick<Transporter, 'sendMail' | 'close'>;
  now: () => number;
  policy?: Partial<RetryPolicy>;
  log?: (line: string) => void;
  /** A write that throws while the database takes none (store.checkWritable): tried before sending resumes. */
  probe?: () => void;
}

/** The database refused the worker's bookkeeping; sending waits. */
export interface WorkerTrouble {
  /** The last refusal, e.g. `SQLITE_FULL: database or disk is full`. */
  reason: string;
  /** Since when (ISO 8601). */
  since: string;
  /** Mails the server accepted that are not marked sent yet (a restart now would send them again). */
  sentUnrecorded: number;
}

export function startOutboxWorker({outbox, transport, now, policy: given, log = console.error, probe}: WorkerOptions) {
  const policy = {...RETRY, ...given};
  /** Longest sleep between two looks at the table (other processes may add or erase rows). */
  const idleMs = Math.min(60_000, policy.firstMs);
  /** The pause after the database refused a write: 1 s, doubling up to a minute (shorter with a shorter policy). */
  const firstPause = Math.max(50, Math.min(1000, policy.firstMs));
  const longestPause = Math.max(firstPause, Math.min(60_000, policy.maxMs));
  const pauseMs = (failures: number) => Math.min(longestPause, firstPause * 2 ** Math.min(20, failures - 1));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  /** Mails the server accepted whose row is not marked sent yet: Message-ID → row and when. */
  const accepted = new Map<string, {id: number; at: string}>();
  let trouble: {reason: string; since: string; failures: number} | undefined;
  const iso = (ms: number) => new Date(ms).toISOString();

  function troubled(error: unknown): void {
    const reason = databaseErrorText(error);
    if (!trouble) log(`receiver: outbox: paused, the database takes no writes: ${reason}`);
    trouble = {reason, since: trouble?.since ?? iso(now()), failures: (trouble?.failures ?? 0) + 1};
  }

  /** One write of the bookkeeping; false (and the worker paused) when the database refuses it. */
  function write(change: () => void): boolean {
    try {
      change();
      return true;
    } catch (error) {
      troubled(error);
      return false;
    }
  }

  /** Marks an accepted mail sent; it stays known as sent (never sent again) until that is written. */
  function record(messageId: string): boolean {
    const {id, at} = accepted.get(messageId)!;
    if (!write(() => outbox.sent(id, messageId, at))) return false;
    accepted.delete(messageId);
    return true;
  }

  /** Writes what is behind, then (after a refusal) the probe; whether sending may go on. */
  function catchUp(): boolean {
    for (const messageId of [...accepted.keys()]) {
      if (!record(messageId)) return false;
    }
    if (!trouble) return true;
    if (probe && !write(probe)) return false;
    log(`receiver: outbox: the database takes writes again (paused since ${trouble.since}), sending resumes`);
    trouble = undefined;
    return true;
  }

  /** Sends one mail; false when the others must wait too (the server cannot be reached, the database refuses writes). */
  async function deliver(row: OutboxRow): Promise<boolean> {
    let message: Message | null = null;
    try {
      message = JSON.parse(row.message ?? 'null') as Message | null;
    } catch {
      /* given up below */
    }
    if (!message?.messageId) return write(() => outbox.giveUp(row.id, 'no message', iso(now())));
    if (accepted.has(message.messageId)) return record(message.messageId); // sent already: only the bookkeeping is behind
    let info: {rejected?: unknown[]};
    try {
      info = (await transport.sendMail({...message, date: new Date(message.date)})) as {rejected?: unknown[]};
    } catch (error) {
      return failed(row, error);
    }
    accepted.set(message.messageId, {id: row.id, at: iso(now())});
    // a notice to several: the server took it for some of them
    if (info?.rejected?.length) log(`receiver: mail ${row.id} (${row.kind}) refused for ${info.rejected.length} of its recipients`);
    return record(message.messageId);
  }

  /** Books a failed try: again later, or given up; false when the others must wait too. */
  function failed(row: OutboxRow, error: unknown): boolean {
    const text = mailErrorText(error);
    const at = now();
    const expired = at - Date.parse(row.created_at) >= policy.giveUpMs;
    if (permanent(error) || expired) {
      if (!write(() => outbox.giveUp(row.id, text, iso(at)))) return false;
      log(`receiver: gave up mail ${row.id} (${row.kind}) after ${row.attempts + 1} tries: ${text}`);
    } else {
      const wait = retryDelay(row.attempts + 1, policy);
      if (!write(() => outbox.retry(row.id, text, iso(at + wait)))) return false;
      log(`receiver: mail ${row.id} (${row.kind}) not sent, next try in ${Math.round(wait / 1000)} s: ${text}`);
    }
    if (UNREACHABLE.has(String((error as {code?: string}).code))) {
      // Not this mail's fault: the rest waits one short delay instead of a connect timeout each.
      write(() => outbox.postpone(iso(at + policy.firstMs)));
      return false;
    }
    return true;
  }

  /** Right after the start: every unsent mail once, due or not (a restart often follows a mended setting). */
  async function first(): Promise<boolean> {
    for (const row of outbox.due('9999', Number.MAX_SAFE_INTEGER)) {
      if (stopped || !(await deliver(row))) return false;
    }
    return true;
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
    let wait = idleMs;
    if (!trouble) {
      try {
        const next = outbox.nextDue();
        if (next !== undefined) wait = Math.min(idleMs, Math.max(0, Date.parse(next) - now()));
      } catch (error) {
        troubled(error);
      }
    }
    if (trouble) wait = pauseMs(trouble.failures);
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
    const work = async () => {
      if (!catchUp()) return;
      if (start && !(await first())) return;
      await pass();
    };
    running = work()
      .catch((error: unknown) => {
        log(`receiver: outbox: ${error instanceof Error ? error.message : String(error)}`);
        troubled(error); // a read that failed: pause too, never a loop
      })
      .finally(() => {
        running = undefined;
        schedule();
      });
  }

  kick(true);
  return {
    kick: () => kick(),
    /** Why sending waits (the database refused the bookkeeping), or undefined. */
    trouble: (): WorkerTrouble | undefined =>
      trouble && {reason: trouble.reason, since: trouble.since, sentUnrecorded: accepted.size},
    /** Stops looking, waits for the mail being sent, writes what is behind if it can, closes the transport. */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
      catchUp();
      if (accepted.size) {
        log(`receiver: outbox: ${accepted.size} mails were sent but could not be marked sent (${trouble?.reason}); they go out again after a restart: ${[...accepted.keys()].join(' ')}`);
      }
      transport.close();
    },
  };
}
