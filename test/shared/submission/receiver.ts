/** The reference receiver's test controls (see receiver/src/test-controls.ts). */
import type {Fault} from '../../../receiver/src/test-controls.js';

declare global {
  interface Window {
    KP_RECEIVER: string;
  }
}

export const RECEIVER = (): string => window.KP_RECEIVER;
export const SUBMIT = (): string => `${RECEIVER()}/api/submit`;

async function call<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${RECEIVER()}/api/__test/${path}`, body === undefined ? {} : {method: 'POST', body: JSON.stringify(body)});
  return res.json() as Promise<T>;
}


export const reset = () => call('reset', {});
export const faults = (list: Fault[]) => call('faults', list);
export const submissions = () => call<{id: string; form: string; locale: string | null; data: Record<string, unknown>}[]>('submissions');
export const requests = () => call<Record<string, number>>('requests');
/** Requests in all (any key). */
export const requestCount = async () => Object.values(await requests()).reduce((a, b) => a + b, 0);
