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

/** A tag and its class, for `defineAll`. */
export type Definition = readonly [tag: string, ctor: CustomElementConstructor];

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
    // Another library took the name between get() and define(), or the class
    // itself is broken: this tag stays undefined, the others are not affected.
    console.warn(`klimapartner-widgets: <${tag}> could not be defined:`, error);
  }
}

/**
 * Defines every tag of the list at once, in the task that runs the module:
 * elements already in the page upgrade right away and render before the
 * first paint, so nothing below them moves. Each definition stands alone: a
 * tag that cannot be defined, or an element whose upgrade throws (the browser
 * reports that and carries on), leaves the other tags defined.
 */
export function defineAll(list: readonly Definition[]): Promise<void> {
  for (const [tag, ctor] of list) define(tag, ctor);
  return Promise.resolve();
}
