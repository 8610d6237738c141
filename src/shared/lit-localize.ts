/**
 * What our sources import from '@lit/localize' in the build:
 * scripts/msg-ids.mjs points the bare specifier here and rewrites every
 * `msg('German text')` to `msg(n, ...values)`, answered by our numbered
 * lookup, so lit-localize's runtime (its Deferred, its hash table, its msg
 * installer) stays out. There is no `str`: the plugin turns each
 * msg(str`…`) into values and removes the import of `str`.
 * Type checking, tests and lit-localize extract read the real package.
 */
export {msgById as msg} from './locale.js';
