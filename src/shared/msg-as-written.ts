/**
 * `msg()` for sources as written, without the build's numbering (Web Test Runner
 * compiles src/ with esbuild only): lit-localize's own `msg()`, which our sources
 * import from '@lit/localize', is pointed at our message table. The build never
 * loads this file (src/shared/locale.ts calls it only when `__KP_MSG_IDS__` is
 * not defined, so the bundle drops it).
 *
 * PRIVATE API, the only use of one in src/: `_installMsgImplementation` from
 * '@lit/localize/init/install.js' (marked `@internal`, "Do not use this
 * function"). Why: every public set-up (`configureLocalization`, and the
 * undocumented `configureReentrantLocalization`) looks messages up by
 * lit-localize's 64-bit hash of the source text, which our table does not have
 * (it knows a message by its place and its German text), and
 * `configureLocalization` has one global, asynchronously loaded locale, where
 * ours is per element and chosen synchronously around each render. The
 * installer is what both set-ups call inside.
 *
 * If @lit/localize renames, moves or drops it, this import fails: the type check
 * (`tsc --noEmit`) and every browser test stop at loading. If it stops replacing
 * the live `msg` binding, or something else installs first (it throws when
 * called twice), `msg()` answers German in every language: test/shared/locale.test.ts
 * ("answers msg() as written (tests) …", "renders two elements in two languages …")
 * fails. The shipped files are not affected either way.
 */
import {_installMsgImplementation} from '@lit/localize/init/install.js';
import type {MsgFn, StrResult} from '@lit/localize';

/**
 * Answers every `msg()` with `lookup(text, values)`: `text` is the German
 * text, a str`` template's values written `{0}`, `{1}` …; where `lookup`
 * gives undefined (a text not in the table yet) the German text is filled in.
 */
export function answerMsgWith(lookup: (text: string, values: unknown[]) => string | undefined): void {
  _installMsgImplementation(((template: string | StrResult) => {
    const [strings, values] = typeof template === 'string' ? [[template], []] : [template.strings, template.values];
    const text = strings.reduce((a, s, i) => `${a}{${i - 1}}${s}`);
    return lookup(text, values) ?? strings.reduce((a, s, i) => a + values[i - 1] + s);
  }) as MsgFn);
}
