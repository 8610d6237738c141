/**
 * A fixed-window request limit per client, kept in memory. A client is its
 * IPv4 address, or the /64 of its IPv6 address (one subscriber's network:
 * rotating addresses within it are one client); an IPv4-mapped IPv6 address
 * (`::ffff:192.0.2.7`) is the IPv4 address.
 *
 * Each request costs O(1), however many clients: windows live in two maps, a
 * young and an old one; once per window the old one is dropped whole and the
 * young one becomes old (a window seen again moves back to the young one), so
 * a window is kept for at least `windowMs` after its last request and at most
 * two windows' clients are in memory. At `capacity` clients in the young map
 * it turns over early, which bounds memory under a flood of addresses.
 */
import {isIP} from 'node:net';

export interface RateLimit {
  max: number;
  windowMs: number;
}

interface Window {
  start: number;
  count: number;
}

/** The eight 16-bit groups of a valid IPv6 address (zone, embedded IPv4 and `::` resolved). */
function groups(address: string): number[] {
  let text = address.replace(/%.*$/, '');
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const [head, tail] = text.split('::');
  if (tail === undefined) return parse(head);
  const front = parse(head);
  const back = parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** The key a client's address is counted under: IPv4 as is, IPv6 as its /64, an IPv4-mapped IPv6 address as IPv4. */
export function clientKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const g = groups(address);
  if (g.slice(0, 5).every((n) => n === 0) && g[5] === 0xffff) return [g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255].join('.');
  return `${g.slice(0, 4).map((n) => n.toString(16)).join(':')}::/64`;
}

export function rateLimiter({max, windowMs}: RateLimit, capacity = 100_000) {
  let young = new Map<string, Window>();
  let old = new Map<string, Window>();
  let turnedAt = -Infinity;
  return {
    /** Counts one request of the client at `address`; returns the seconds to wait when it is over the limit, else 0. */
    hit(address: string, now = Date.now()): number {
      if (now - turnedAt >= windowMs || young.size >= capacity) {
        old = young;
        young = new Map();
        turnedAt = now;
      }
      const key = clientKey(address);
      let w = young.get(key);
      if (!w && (w = old.get(key))) {
        old.delete(key);
        young.set(key, w);
      }
      if (!w || now - w.start >= windowMs) young.set(key, (w = {start: now, count: 0}));
      w.count += 1;
      return w.count > max ? Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) : 0;
    },
    clear(): void {
      young = new Map();
      old = new Map();
    },
  };
}
