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
