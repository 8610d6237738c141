/**
 * When to try again. Usage: `await sleep(retryAfter(res.headers.get('Retry-After')) ?? backoff(n, base))`.
 */

/** `Retry-After` (seconds or an HTTP date) in milliseconds; `undefined` when absent or unreadable. */
export function retryAfter(header: string | null): number | undefined {
  if (!header?.trim()) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? +header * 1000 : Date.parse(header) - Date.now();
  return ms >= 0 ? ms : ms < 0 ? 0 : undefined;
}

/** Exponential backoff with jitter: between half and all of `base · 2^n`. */
export const backoff = (n: number, base: number): number => base * 2 ** n * (0.5 + Math.random() / 2);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
