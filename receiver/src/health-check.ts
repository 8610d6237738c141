/**
 * Whether the database takes a write, for `GET /api/health`: a successful
 * write is trusted for `ttlMs` (default 5 s), so that health checks cost at
 * most one write of their own every few seconds however often they come (each
 * write is a commit with fsync). A failing write is tried again at the next
 * check, so the service reads healthy as soon as it is.
 */
export const WRITABLE_TTL_MS = 5000;

/** Wraps `write` (throws when the database is not writable) so that it runs at most once per `ttlMs` while it succeeds. */
export function cachedWritable(write: () => void, clock: () => number, ttlMs = WRITABLE_TTL_MS): () => void {
  let okAt = -Infinity;
  return () => {
    const now = clock();
    if (now >= okAt && now - okAt < ttlMs) return;
    write();
    okAt = now;
  };
}
