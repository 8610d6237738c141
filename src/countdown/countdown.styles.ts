import {css} from '../shared/reactive.js';

// Compact on purpose: Lit keeps CSS text as written, and every byte ships.
export const countdownStyles = css`
p{margin:.5em 0 0}
.label{margin:0 0 .25em;font-weight:600}
.digits,li{display:flex;flex-wrap:wrap;gap:.5em}
.digits{margin:0;padding:0;list-style:none}
.unit{display:flex;flex-direction:column;align-items:center;width:var(--kp-countdown-unit-width,5.5em);padding:.4em .25em;border-radius:var(--_radius);background:var(--kp-countdown-unit-background,var(--_accent));color:var(--kp-countdown-unit-color,var(--_on-accent))}
.number{font-size:var(--kp-countdown-number-size,2em);font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums}
.word{font-size:.85em}
[part=local-time]{color:var(--_muted);font-size:.9em}
.actions{margin-top:.75em}
.expired{margin:0;font-weight:600}
`;
