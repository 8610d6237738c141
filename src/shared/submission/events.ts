/**
 * The events of both forms (all bubble and cross shadow roots):
 * `kp-submit` (cancelable; a host may `preventDefault()` and `detail.respondWith(promise)`),
 * `kp-success` and `kp-error`. Usage: `form.addEventListener('kp-success', (e) => e.detail.response)`.
 */
import type {Fields} from './encode.js';

/** An event of ours: `detail` as given; bubbles and crosses shadow roots. */
export class KpEvent<D> extends Event {
  constructor(
    type: string,
    readonly detail: D,
    cancelable = false,
  ) {
    super(type, {bubbles: true, composed: true, cancelable});
  }
}

export interface SubmitDetail {
  /** What will be sent: the fields plus `_form`, `_locale`, `_submissionId` and hidden inputs. */
  data: Fields;
  /** After `preventDefault()`: the widget shows success or failure from this promise. */
  respondWith(promise: Promise<unknown>): void;
}

/** Before anything is sent. Cancelable. */
export class KpSubmitEvent extends KpEvent<SubmitDetail> {
  constructor(detail: SubmitDetail) {
    super('kp-submit', detail, true);
  }
}

/** Once sent. `response`: the receiver's JSON answer, the host's promise value, or `null` (no-cors: unreadable). */
export class KpSuccessEvent extends KpEvent<{data: Fields; response: unknown}> {
  constructor(data: Fields, response: unknown) {
    super('kp-success', {data, response});
  }
}

/**
 * When sending failed for good, or the receiver rejected fields. `error`: the
 * network error (`TypeError`, `AbortError` on timeout), the host promise's
 * rejection, or `{status, errors}` for an HTTP answer.
 */
export class KpErrorEvent extends KpEvent<{error: unknown; data: Fields}> {
  constructor(error: unknown, data: Fields) {
    super('kp-error', {error, data});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kp-submit': KpSubmitEvent;
    'kp-success': KpSuccessEvent;
    'kp-error': KpErrorEvent;
  }
}
