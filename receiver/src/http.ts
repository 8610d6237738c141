/**
 * HTTP plumbing of the receiver: reading a body within a size limit, parsing
 * JSON and form-encoded bodies, CORS, answers and the client address.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';

export type Fields = Record<string, unknown>;

/** Reads the whole body, or `undefined` as soon as it passes `max` bytes (then stops reading). */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length']) > max) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The flat record of a body, or `undefined` when it is malformed.
 * JSON (also without a type) must be an object. Form-encoded keys that repeat
 * become arrays (`languages=de&languages=en`). Anything else (`text/plain`,
 * multipart) is `'unsupported'`.
 */
export function parseBody(contentType: string | undefined, body: Buffer): Fields | undefined | 'unsupported' {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const text = body.toString('utf8');
  if (type === 'application/x-www-form-urlencoded') {
    const fields: Fields = {};
    for (const [key, value] of new URLSearchParams(text)) {
      const before = fields[key];
      fields[key] = before === undefined ? value : ([] as unknown[]).concat(before, value);
    }
    return fields;
  }
  if (type && type !== 'application/json') return 'unsupported';
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Fields) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CORS for an allowed origin (exact match): echoes it and lets the browser read
 * `Retry-After`. Other origins get no CORS headers. Returns whether it was allowed.
 */
export function cors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): boolean {
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (!origin || !allowed.includes(origin)) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  return true;
}

/** The answer to a preflight: 204, with the allowed methods and headers if the origin is allowed. */
export function preflight(req: IncomingMessage, res: ServerResponse, allowed: readonly string[], methods: string): void {
  if (cors(req, res, allowed)) {
    res.setHeader('Access-Control-Allow-Methods', methods);
    res.setHeader('Access-Control-Allow-Headers', 'content-type, idempotency-key');
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.writeHead(204).end();
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store'});
  res.end(JSON.stringify(body));
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` with the page's own POST
    'Referrer-Policy': 'same-origin',
  });
  res.end(html);
}

/** `http://host:port` of the socket the request came in on. */
export function localUrl(req: IncomingMessage): string {
  const host = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return `http://${host.includes(':') ? `[${host}]` : host}:${req.socket.localPort}`;
}

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
