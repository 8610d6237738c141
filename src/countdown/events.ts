/** Fired once when a countdown reaches zero. Bubbles and crosses shadow roots. */
export class KpExpiredEvent extends Event {
  constructor() {
    super('kp-expired', {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kp-expired': KpExpiredEvent;
  }
}
