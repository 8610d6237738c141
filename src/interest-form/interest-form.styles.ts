import {css} from '../shared/reactive.js';

/** What the interest form adds to the form kit's styles. Compact: every byte ships. */
export const interestStyles = css`
.group>legend{font-size:1.2em;margin-bottom:.5em}
.closed{font-weight:700}
.actions{margin:var(--_space) 0}
:host([closed]) form>.button,:host([closed]) .failed{display:none}
[readonly]{background:var(--_subtle)}
dt{font-weight:600}
dd{margin:0 0 .5em;white-space:pre-wrap}
@media print{.actions,form>.button{display:none}}
`;
