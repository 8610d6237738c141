/**
 * Failed sign-ins, counted in memory per account and per client address:
 * after `max` failures within `windowMs` further attempts are refused until
 * the window has passed (the same answer whether the account exists or not).
 */
export function throttle(max: number, windowMs: number) {
  const failures = new Map<string, {start: number; count: number}>();
  const live = (key: string, now: number) => {
    const entry = failures.get(key);
    if (entry && now - entry.start >= windowMs) failures.delete(key);
    return failures.get(key);
  };
  return {
    blocked: (key: string, now: number): boolean => (live(key, now)?.count ?? 0) >= max,
    fail(key: string, now: number): void {
      if (failures.size > 10_000) for (const k of [...failures.keys()]) live(k, now);
      const entry = live(key, now);
      if (entry) entry.count += 1;
      else failures.set(key, {start: now, count: 1});
    },
    clear: (key: string) => failures.delete(key),
  };
}
