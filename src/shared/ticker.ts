/**
 * One shared clock for every countdown and deadline on the page. It runs a
 * single timeout, aligned to the next whole second (or minute, when no one
 * needs seconds), or to the earliest deadline if that comes sooner. It sleeps
 * while the page is hidden and while no one is subscribed, and catches up at
 * once when the page is shown again.
 */
export interface TickSubscriber {
  /** Called with the current time on each tick. */
  tick(now: number): void;
  /** Whether this subscriber shows seconds right now (else minutes suffice). */
  readonly wantsSeconds: boolean;
  /** An instant at which this subscriber must be called (its deadline). */
  readonly wakeAt?: number;
}

const subscribers = new Set<TickSubscriber>();
let timer: ReturnType<typeof setTimeout> | undefined;
let listening = false;

function onVisibility() {
  if (document.hidden) stop();
  else run();
}

function stop() {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
}

function schedule() {
  stop();
  if (!subscribers.size || document.hidden) return;
  const now = Date.now();
  let step = 60_000;
  for (const s of subscribers) if (s.wantsSeconds) step = 1000;
  let next = now - (now % step) + step;
  for (const s of subscribers) if (s.wakeAt !== undefined && s.wakeAt > now && s.wakeAt < next) next = s.wakeAt;
  // Browsers cap timeouts at 2^31-1 ms; a few ms late keeps us past the boundary.
  timer = setTimeout(run, Math.min(next - now + 5, 2 ** 31 - 1));
}

function run() {
  timer = undefined;
  const now = Date.now();
  // A Set may lose members while iterated (a countdown that expires leaves): no copy needed.
  for (const s of subscribers) {
    try {
      s.tick(now);
    } catch (error) {
      // One broken subscriber never stops the others.
      console.error(error);
    }
  }
  schedule();
}

/** Starts ticks for `s`; returns the function that stops them. */
export function subscribe(s: TickSubscriber): () => void {
  subscribers.add(s);
  if (!listening) {
    document.addEventListener('visibilitychange', onVisibility);
    listening = true;
  }
  schedule();
  return () => {
    subscribers.delete(s);
    if (!subscribers.size) {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
      listening = false;
    }
  };
}

/** Re-plans the next tick after a subscriber changed `wantsSeconds` or `wakeAt`. */
export function reschedule(): void {
  if (subscribers.size) schedule();
}
