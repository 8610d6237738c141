import {createHash} from 'node:crypto';

/** The first 8 hex digits of the id (a UUID), upper case; for other ids the first 8 of its SHA-256. */
export function referenceOf(id: string): string {
  const hex = /^[0-9a-f]{8}/i.exec(id)?.[0] ?? createHash('sha256').update(id).digest('hex');
  return hex.slice(0, 8).toUpperCase();
}
