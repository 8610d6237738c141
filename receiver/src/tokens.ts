/** Link tokens: 256 random bits for the mail, only their SHA-256 in the database. */
import {createHash, randomBytes} from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
