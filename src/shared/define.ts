/**
 * Guarded registration. Two copies (or two versions) of the file on one page
 * must not throw: the first definition of each tag wins, and a different
 * version is reported once with `console.warn`.
 */
declare const __KP_VERSION__: string;
export const VERSION: string = typeof __KP_VERSION__ === 'string' ? __KP_VERSION__ : 'dev';

const MARK = Symbol.for('klimapartner-widgets.version');
let warned = false;

type Registry = typeof globalThis & {[MARK]?: string};

export function define(tag: string, ctor: CustomElementConstructor): void {
  const g = globalThis as Registry;
  const first = (g[MARK] ??= VERSION);
  if (customElements.get(tag)) {
    if (first !== VERSION && !warned) {
      warned = true;
      console.warn(
        `klimapartner-widgets ${VERSION}: ${first} is already loaded and keeps its elements; load one copy only.`,
      );
    }
    return;
  }
  try {
    customElements.define(tag, ctor);
  } catch (error) {
    // Another library may have taken the name between get() and define().
    console.warn(`klimapartner-widgets: <${tag}> could not be defined:`, error);
  }
}

/** A promise that settles in a later task (a message to ourselves: no timer clamping, no fake timers). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const {port1, port2} = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(0);
  });
}

/**
 * Runs each step in a task of its own, in order. Upgrading an element and
 * rendering it first is the costly part of loading the file; one tag per task
 * keeps each task short, so a page with a form, countdowns and cards answers
 * input in between (Lighthouse's Total Blocking Time, INP). A tag stays
 * `:not(:defined)` until its turn, so the page's reserved space holds and
 * nothing shifts.
 */
export async function inTurns(steps: readonly (() => unknown)[]): Promise<void> {
  for (const step of steps) {
    await nextTask();
    step();
  }
}
