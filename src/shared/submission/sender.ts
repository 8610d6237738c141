/**
 * The submission engine shared by both forms; no UI. Usage:
 *
 *   const sender = new Sender(element, () => element.requestUpdate());
 *   sender.timeout = 15_000;            // per try; also `backoff` (ms) and `tries`
 *   await sender.send({...fields, _form: 'newsletter', _locale: 'de'}, checkAction(action), 'json');
 *   sender.state;                       // idle | sending | retrying | offline | failed | sent | unavailable
 *
 * One submission has one id (`_submissionId` and `Idempotency-Key`) across every
 * retry; set `sender.id` to resume one (e.g. from a draft). `send` while a send
 * runs returns the same promise, so double clicks send once. It fires
 * `kp-submit` on `target` first: a host that cancels it and calls
 * `respondWith(promise)` replaces the request. Without a host and without an
 * action the state becomes `unavailable` and nothing is sent.
 * Network errors, timeouts, 408, 429 and 5xx are retried (honouring
 * `Retry-After`, else exponential backoff with jitter) up to `tries` times;
 * offline, it waits for the `online` event (only while attached: `attach(false)`). An answer `{errors: {field: …}}`
 * (400/422) ends in `idle` with `errors` set; anything else that fails ends in `failed` (send again to retry).
 */
import {encode, type Fields, type Mode} from './encode.js';
import {backoff, retryAfter, sleep} from './retry.js';
import {KpErrorEvent, KpSubmitEvent, KpSuccessEvent} from './events.js';

export type SendState = 'idle' | 'sending' | 'retrying' | 'offline' | 'failed' | 'sent' | 'unavailable';

/** A random UUID; plain http pages (no `crypto.randomUUID`) get a random id of another shape. */
export const uuid = (): string => crypto.randomUUID?.() ?? Math.random().toString(36).slice(2) + Date.now().toString(36);

export class Sender {
  state: SendState = 'idle';
  /** The current submission's id; cleared once sent. */
  id?: string;
  /** Field errors from the receiver or the host (field → code or text). */
  errors?: Record<string, string>;
  /** The answer could not be read (`no-cors`): probably sent. */
  opaque = false;
  /** Milliseconds per try before it is aborted. */
  timeout = 15_000;
  /** Milliseconds before the first retry; doubles each time. */
  backoff = 1000;
  /** Tries in all before `failed`. */
  tries = 4;
  #running?: Promise<void>;
  /** Ends the wait for the network, while offline. */
  #online?: () => void;
  #attached = true;
  #wake = () => this.#online?.();
  #target: EventTarget;
  #changed: () => void;

  constructor(target: EventTarget, changed: () => void = () => {}) {
    this.#target = target;
    this.#changed = changed;
  }

  /**
   * The element left (`false`) or came back to (`true`) the page. The `online`
   * listener lives only while a send waits for the network and the element is
   * on the page; back on the page and online, the send goes on at once.
   */
  attach(on: boolean): void {
    this.#attached = on;
    this.#listen();
    if (on && navigator.onLine) this.#wake();
  }

  #listen() {
    (this.#attached && this.#online ? addEventListener : removeEventListener)('online', this.#wake);
  }

  /** Whether a send is running (sending, retrying or waiting to be online). */
  get busy(): boolean {
    return !!this.#running;
  }

  send(fields: Fields, action?: string, mode: Mode = 'json'): Promise<void> {
    return (this.#running ??= this.#run(fields, action, mode).finally(() => {
      this.#running = undefined;
      this.#changed(); // no longer busy: the button is usable again
    }));
  }

  #set(state: SendState) {
    this.state = state;
    this.#changed();
  }

  async #run(fields: Fields, action: string | undefined, mode: Mode): Promise<void> {
    const id = (this.id ??= uuid());
    const data = {...fields, _submissionId: id};
    let hosted: Promise<unknown> | undefined;
    this.errors = undefined;
    this.opaque = false;
    this.#set('sending');
    if (!this.#target.dispatchEvent(new KpSubmitEvent({data, respondWith: (p) => void (hosted = p)}))) {
      if (!hosted) return this.#set('idle');
      try {
        return this.#done(data, await hosted);
      } catch (error) {
        return this.#fail(error, data);
      }
    }
    if (!action) return this.#set('unavailable');
    for (let n = 0; ; ) {
      if (!navigator.onLine) {
        this.#set('offline');
        await new Promise<void>((resolve) => {
          this.#online = resolve;
          this.#listen();
        });
        this.#online = undefined;
        this.#listen();
      }
      this.#set(n ? 'retrying' : 'sending');
      let error: unknown;
      let wait: number | undefined;
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), this.timeout);
      try {
        const res = await fetch(action, {
          method: 'POST',
          mode: mode === 'no-cors' ? mode : 'cors',
          headers: {'Idempotency-Key': id, ...(mode === 'json' && {'Content-Type': 'application/json'})},
          body: encode(data, mode),
          signal: abort.signal,
        });
        if (res.type === 'opaque') {
          this.opaque = true;
          return this.#done(data, null);
        }
        const body = await res.json().catch(() => null);
        const status = res.status;
        if (res.ok) return this.#done(data, body);
        error = {status, errors: body?.errors};
        if (status !== 408 && status !== 429 && status < 500) return this.#fail(error, data);
        wait = retryAfter(res.headers.get('Retry-After'));
      } catch (thrown) {
        error = thrown;
      } finally {
        clearTimeout(timer);
      }
      if (!navigator.onLine) continue;
      if (++n >= this.tries || (wait ??= backoff(n - 1, this.backoff)) > 60_000) return this.#fail(error, data);
      this.#set('retrying');
      await sleep(wait);
    }
  }

  #done(data: Fields, response: unknown) {
    this.id = undefined;
    this.#set('sent');
    this.#target.dispatchEvent(new KpSuccessEvent(data, response));
  }

  #fail(error: unknown, data: Fields) {
    // Errors at fields the visitor can correct; `_…` keys (`_rate`, `_body`) are not theirs.
    const fields = Object.entries((error as {errors?: object})?.errors ?? {}).filter(([key]) => key[0] !== '_');
    this.errors = fields.length ? Object.fromEntries(fields) : undefined;
    this.#set(this.errors ? 'idle' : 'failed');
    this.#target.dispatchEvent(new KpErrorEvent(error, data));
  }
}
