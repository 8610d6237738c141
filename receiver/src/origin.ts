/**
 * Whether a browser's cross-site POST may go on. Requests without `Origin`
 * (servers, mail providers' one-click unsubscribe, curl) pass; a browser's
 * `Origin` must be the receiver's own (its `Host`, or `PUBLIC_URL`'s origin)
 * or one of `ALLOWED_ORIGINS`. `Origin: null` (sandboxed frames, privacy modes) is foreign.
 */
import type {IncomingMessage} from 'node:http';

export function originAllowed(req: IncomingMessage, allowed: readonly string[], publicUrl?: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  if (publicUrl && origin === new URL(publicUrl).origin) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === req.headers.host?.toLowerCase();
}

/** Why a POST is refused before its body is read, or undefined: a foreign browser (403), `text/plain` (415, the one type a foreign page may send without asking). */
export function postRefusal(
  req: IncomingMessage,
  allowed: readonly string[],
  publicUrl?: string,
): {status: number; errors: Record<string, string>} | undefined {
  if (!originAllowed(req, allowed, publicUrl)) return {status: 403, errors: {_origin: 'forbidden'}};
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/plain') return {status: 415, errors: {_body: 'unsupported'}};
  return undefined;
}
