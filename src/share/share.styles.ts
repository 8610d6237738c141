import {css} from '../shared/reactive.js';

// Compact on purpose: Lit keeps CSS text as written, and every byte ships.
// The Mastodon error, a live region that is always there, takes no room (no grid gap) while empty.
export const shareStyles = css`
svg{width:1.25em;fill:none;stroke:currentColor;stroke-width:1.5}
[open]{flex-basis:100%}
form{display:grid;grid-template-columns:minmax(0,1fr);gap:.5em;justify-items:start;margin-top:.5em}
form>*{max-width:100%}
.error:empty{position:absolute}
`;
