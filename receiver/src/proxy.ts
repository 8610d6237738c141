/**
 * The visitor's address behind reverse proxies (`TRUST_PROXY`). Off by
 * default: then only the socket's peer counts, as forwarding headers can be
 * forged by anyone. With a hop count N, the last N hops (the peer and the
 * entries nearest to it) are the site's own proxies and the address before
 * them is the client's. With a list of proxy addresses (or CIDR ranges), hops
 * are walked from the peer leftwards while they are in that list.
 * `X-Forwarded-For` is read; a request without it is read from `Forwarded`.
 */
import type {IncomingMessage} from 'node:http';
import {BlockList, isIP} from 'node:net';

export type TrustProxy = {hops: number} | {list: BlockList; text: string} | undefined;

/** Parses `TRUST_PROXY`: empty/`false`/`off`/`0` → off, a whole number → hops, else addresses and CIDRs, comma-separated. Throws on anything else. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (!text || /^(false|off|no|0)$/i.test(text)) return undefined;
  if (/^\d+$/.test(text)) return {hops: Number(text)};
  const list = new BlockList();
  for (const entry of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [address, bits, more] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || more !== undefined || !/^\d+$/.test(bits ?? '0') || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`TRUST_PROXY: "${entry}" is neither a hop count nor an IP address or CIDR range`);
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return {list, text};
}

/** An address without brackets, port, or IPv4-in-IPv6 prefix; `Forwarded`'s quotes removed. */
export function plainAddress(value: string): string {
  let text = value.trim().replace(/^"(.*)"$/, '$1');
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracket) text = bracket[1];
  else if (/^[\d.]+:\d+$/.test(text)) text = text.replace(/:\d+$/, '');
  return text.replace(/^::ffff:(?=[\d.]+$)/i, '').toLowerCase();
}

/** The hops a request passed, client first and the socket's peer last. */
function hops(req: IncomingMessage): string[] {
  const peer = plainAddress(req.socket.remoteAddress ?? '');
  const xff = req.headers['x-forwarded-for'];
  let listed: string[] = [];
  if (xff !== undefined) {
    listed = ([] as string[]).concat(xff).join(',').split(',');
  } else if (req.headers.forwarded) {
    listed = req.headers.forwarded
      .split(',')
      .map((element) => /(?:^|;)\s*for\s*=\s*("[^"]*"|[^;,\s]*)/i.exec(element)?.[1] ?? 'unknown');
  }
  return [...listed.map(plainAddress).filter(Boolean), peer];
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return !!family && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** The client's address for `req` under `trust`. */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  const peer = plainAddress(req.socket.remoteAddress ?? '');
  if (!trust) return peer;
  const chain = hops(req);
  if ('hops' in trust) return chain[Math.max(0, chain.length - 1 - trust.hops)];
  let i = chain.length - 1;
  while (i > 0 && trusted(trust.list, chain[i])) i -= 1;
  return chain[i];
}
