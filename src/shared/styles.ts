/**
 * Design tokens and base rules shared by every element. Tokens are read from
 * the page as `var(--kp-…, fallback)` into private `--_…` names, so a value
 * set on the page's `:root` always wins over our default. The build leaves CSS
 * as written (issue 23: no text-matching rewrites).
 * Compact on purpose: Lit keeps CSS text as written, and every byte ships.
 */
import {css} from './reactive.js';

export const baseStyles = css`
:host{--_accent:var(--kp-color-accent,#00528a);--_on-accent:var(--kp-color-on-accent,#fff);--_text:var(--kp-color-text,#1b1b1b);--_muted:var(--kp-color-muted,#505a5f);--_surface:var(--kp-color-surface,#fff);--_subtle:var(--kp-color-subtle,#f3f2f1);--_border:var(--kp-color-border,#6f777b);--_error:var(--kp-color-error,#b3261e);--_success:var(--kp-color-success,#00703c);--_focus:var(--kp-color-focus,#ffbf47);--_radius:var(--kp-radius,4px);--_space:var(--kp-space,1rem);display:block;box-sizing:border-box;font:inherit;color:var(--_text);line-height:1.5;text-align:start;letter-spacing:normal;text-transform:none;overflow-wrap:break-word}
:host([hidden]){display:none}
*,::before,::after{box-sizing:border-box}
a{color:var(--kp-color-link,var(--_accent))}
:is(a,button,input,select,textarea):focus-visible{outline:3px solid var(--_focus);outline-offset:0;box-shadow:0 0 0 5px var(--_text)}
button{font:inherit;cursor:pointer}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.button{display:inline-flex;align-items:center;gap:.4em;min-height:44px;padding:.5em 1em;border:2px solid var(--_accent);border-radius:var(--_radius);background:var(--_accent);color:var(--_on-accent);font-weight:600;text-decoration:none}
.secondary{background:var(--_surface);color:var(--_accent)}
.button[aria-disabled=true]{opacity:.6;cursor:not-allowed}
.actions{display:flex;flex-wrap:wrap;gap:.5em}
`;
