/**
 * What our sources import from '@lit/localize' (`msg`, `str`), without the
 * rest of its index: the bundle's Vite configs alias the bare specifier here,
 * so lit-localize's unused runtime (its Deferred, its hash table) stays out.
 * Type checking and lit-localize extract still read the real package.
 */
export {msg} from '@lit/localize/init/install.js';
export {str} from '@lit/localize/internal/str-tag.js';
