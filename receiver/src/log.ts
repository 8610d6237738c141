/**
 * One JSON line per request on stdout: time, method, path (without the query:
 * it may hold a token), status, duration in ms and, for a submission, its
 * reference. No addresses, no bodies, no personal data.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';

const references = new WeakMap<ServerResponse, string>();

/** Marks the answer as belonging to the submission with this reference (for its log line). */
export function noteReference(res: ServerResponse, reference: string): void {
  references.set(res, reference);
}

export type LogLine = (line: string) => void;

/** Writes the request's line once it is answered (or its connection closed). */
export function logRequest(req: IncomingMessage, res: ServerResponse, write: LogLine): void {
  const start = process.hrtime.bigint();
  const time = new Date().toISOString();
  res.once('close', () => {
    const entry = {
      time,
      method: req.method,
      path: (req.url ?? '/').split('?')[0].slice(0, 200),
      status: res.headersSent ? res.statusCode : 0,
      duration: Math.round(Number(process.hrtime.bigint() - start) / 1e4) / 100,
      reference: references.get(res) ?? null,
    };
    write(JSON.stringify(entry));
  });
}
