/**
 * Failed sign-ins, counted in memory per account and per client (the caller
 * passes `clientKey()` of the address: IPv6 by its /64, as the submit limit
 * does): after `max` failures within `windowMs` further attempts are refused
 * until the window has passed (the same answer whether the account exists or
 * not).
 *
 * O(1) per call however many keys, with bounded memory, the way rate-limit.ts
 * keeps its windows: a young and an old map; once per window (or at
 * `capacity` keys) the old map is dropped whole and the young one becomes old.
 * A key seen again moves back to the young map, so its failures are kept for
 * at least `windowMs`.
 */
interface Failures {
  start: number;
  count: number;
}

export function throttle(max: number, windowMs: number, capacity = 100_000) {
  let young = new Map<string, Failures>();
  let old = new Map<string, Failures>();
  let turnedAt = -Infinity;
  const turn = (now: number) => {
    if (now - turnedAt < windowMs && young.size < capacity) return;
    old = young;
    young = new Map();
    turnedAt = now;
  };
  /** The key's failures of the current window, if any. */
  const live = (key: string, now: number): Failures | undefined => {
    let entry = young.get(key);
    if (!entry && (entry = old.get(key))) {
      old.delete(key);
      young.set(key, entry);
    }
    if (entry && now - entry.start >= windowMs) {
      young.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    blocked: (key: string, now: number): boolean => (live(key, now)?.count ?? 0) >= max,
    fail(key: string, now: number): void {
      turn(now);
      const entry = live(key, now);
      if (entry) entry.count += 1;
      else young.set(key, {start: now, count: 1});
    },
    clear(key: string): void {
      young.delete(key);
      old.delete(key);
    },
  };
}
