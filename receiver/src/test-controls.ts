/**
 * Endpoints for tests only (`testControls: true`, never on by default):
 * queued faults for the next submit requests, counters, and views of what
 * was stored and mailed.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {readBody, sendJson} from './http.js';

/** One fault, used up by one submit request. */
export interface Fault {
  /** Answer with this status (and `{errors}` or `{error: 'fault'}`) instead of handling the request. */
  status?: number;
  /** Seconds for a `Retry-After` header (the status defaults to 503). */
  retryAfter?: number;
  /** Wait this long first, then go on as the rest of the fault says (or answer normally). */
  hangMs?: number;
  /** Destroy the socket without an answer. */
  drop?: boolean;
  /** Answer `{errors}` (the status defaults to 422). */
  errors?: Record<string, string>;
  /** Store the record first, then hang / drop / fail: "stored, but the answer was lost". */
  afterStore?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Plays `fault` on `res`; resolves true when it answered or dropped, false when the request goes on normally. */
export async function playFault(fault: Fault, res: ServerResponse): Promise<boolean> {
  if (fault.hangMs) await sleep(fault.hangMs);
  if (fault.drop) {
    res.socket?.destroy();
    return true;
  }
  const status = fault.status ?? (fault.errors ? 422 : fault.retryAfter !== undefined ? 503 : undefined);
  if (status === undefined) return false;
  const headers: Record<string, string> = fault.retryAfter !== undefined ? {'Retry-After': String(fault.retryAfter)} : {};
  sendJson(res, status, fault.errors ? {errors: fault.errors} : {error: 'fault'}, headers);
  return true;
}

export interface TestControlDeps {
  submissions(): {id: string; form: string; locale: string | null; data: unknown}[];
  outbox(): unknown[];
  /** Clears the tables, the outbox and the rate limits. */
  reset(): void;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => unknown;

export function testControls(deps: TestControlDeps) {
  let faults: Fault[] = [];
  let requests: Record<string, number> = {};
  const routes: Record<string, Route> = {
    'POST faults': async (req, res) => {
      const body = await readBody(req, 1 << 20);
      let queued: unknown;
      try {
        queued = JSON.parse(body?.toString('utf8') ?? '');
      } catch {
        /* answered below */
      }
      if (!Array.isArray(queued)) return sendJson(res, 400, {errors: {_body: 'invalid'}});
      faults.push(...(queued as Fault[]));
      sendJson(res, 200, {ok: true, queued: faults.length});
    },
    'GET submissions': (_req, res) =>
      sendJson(res, 200, deps.submissions().map(({id, form, locale, data}) => ({id, form, locale, data}))),
    'GET requests': (_req, res) => sendJson(res, 200, requests),
    'GET outbox': (_req, res) => sendJson(res, 200, deps.outbox()),
    'POST reset': (_req, res) => {
      faults = [];
      requests = {};
      deps.reset();
      sendJson(res, 200, {ok: true});
    },
  };
  return {
    nextFault: (): Fault | undefined => faults.shift(),
    countRequest(key: string): void {
      requests[key] = (requests[key] ?? 0) + 1;
    },
    /** The endpoints by `METHOD route`, route being the path after `{basePath}/__test/`. */
    routes,
  };
}
