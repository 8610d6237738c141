/** Shared test helpers: console capture, fixed clocks, shadow-DOM queries. */
import sinon from 'sinon';

export interface ConsoleCapture {
  errors: string[];
  warnings: string[];
  restore(): void;
}

/** Records console.error/console.warn calls (as text) until restore(). */
export function captureConsole(): ConsoleCapture {
  const errors: string[] = [];
  const warnings: string[] = [];
  const error = console.error;
  const warn = console.warn;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  return {
    errors,
    warnings,
    restore() {
      console.error = error;
      console.warn = warn;
    },
  };
}

/** Fixes Date and timers at `iso` (an instant with offset). */
export function fixClock(iso: string): sinon.SinonFakeTimers {
  return sinon.useFakeTimers({now: Date.parse(iso), toFake: ['Date', 'setTimeout', 'clearTimeout']});
}

/** The text a visitor reads in an element's shadow root (collapsed white space). */
export function shadowText(el: Element, selector?: string): string {
  const root = el.shadowRoot!;
  const node = selector ? root.querySelector(selector) : root;
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function $(el: Element, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${el.localName}: no ${selector} in shadow root`);
  return found;
}

/** Waits until `check` is true (polling animation frames), or fails after `ms`. */
export async function until(check: () => boolean, ms = 3000, what = 'condition'): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
