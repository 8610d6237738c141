/** A fixed-window request limit per client address, kept in memory. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export function rateLimiter({max, windowMs}: RateLimit) {
  const windows = new Map<string, {start: number; count: number}>();
  return {
    /** Counts one request; returns the seconds to wait when it is over the limit, else 0. */
    hit(client: string, now = Date.now()): number {
      if (windows.size > 10_000) {
        for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key);
      }
      let w = windows.get(client);
      if (!w || now - w.start >= windowMs) windows.set(client, (w = {start: now, count: 0}));
      w.count += 1;
      return w.count > max ? Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) : 0;
    },
    clear: () => windows.clear(),
  };
}
