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

/** The contract's limit on fields per body. */
export const MAX_FIELDS = 100;

/** Why a body was refused: not parseable, not UTF-8, too many fields, or not flat. */
export type BodyError = 'invalid' | 'encoding' | 'too-many-fields' | 'not-flat';

const utf8 = new TextDecoder('utf-8', {fatal: true});

/** Form-encoded fields; keys that repeat become arrays. Throws URIError on bytes that are no UTF-8. */
function formFields(text: string): Fields {
  // No prototype: a field named "constructor" or "__proto__" is a field like any other.
  const fields: Fields = Object.create(null);
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const at = pair.includes('=') ? pair.indexOf('=') : pair.length;
    const [key, value] = [pair.slice(0, at), pair.slice(at + 1)].map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    const before = fields[key];
    fields[key] = before === undefined ? value : ([] as unknown[]).concat(before, value);
  }
  return fields;
}

/** Values the contract allows: strings, numbers, booleans, arrays of strings. */
const flatValue = (value: unknown): boolean =>
  ['string', 'number', 'boolean'].includes(typeof value) ||
  (Array.isArray(value) && value.every((item) => typeof item === 'string'));

/**
 * The flat record of a body, or why it is refused.
 * JSON (also without a type) must be an object. Form-encoded keys that
 * repeat become arrays (`languages=de&languages=en`). Anything else
 * (`text/plain`, multipart) is `'unsupported'`. Bytes that are no UTF-8 are
 * refused, not replaced.
 */
export function parseBody(contentType: string | undefined, body: Buffer): Fields | BodyError | 'unsupported' {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const form = type === 'application/x-www-form-urlencoded';
  if (!form && type && type !== 'application/json') return 'unsupported';
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return 'encoding';
  }
  let fields: unknown;
  try {
    fields = form ? formFields(text) : JSON.parse(text);
  } catch (error) {
    return error instanceof URIError ? 'encoding' : 'invalid';
  }
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return 'invalid';
  const values = Object.values(fields);
  if (values.length > MAX_FIELDS) return 'too-many-fields';
  return values.every(flatValue) ? (fields as Fields) : 'not-flat';
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
