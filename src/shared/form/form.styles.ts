/** Styles of both forms (fields, error summary, status); used by KpForm after baseStyles. Compact on purpose: every byte ships. */
import {css} from '../reactive.js';

export const formStyles = css`
form{max-width:var(--kp-form-width,40rem)}
.field,.group{margin:0 0 var(--_space);padding:0;border:0;min-width:0}
.invalid{border-inline-start:5px solid var(--_error);padding-inline-start:.75em}
label,legend{display:block;font-weight:600;padding:0}
.optional,.check label{font-weight:400}
.hint{color:var(--_muted)}
.error{color:var(--_error);font-weight:700;margin:.25em 0}
input,select,textarea{font:inherit;color:inherit;background:var(--_surface);border:2px solid var(--_border);border-radius:0}
input:not([type=checkbox],[type=radio]),select,textarea{display:block;width:100%;min-height:44px;margin-top:.25em;padding:.4em}
[aria-invalid=true]{border-color:var(--_error)}
.check{display:flex;gap:.5em;align-items:flex-start;margin:.5em 0}
.check input{flex:none;width:1.5em;height:1.5em;margin:0;accent-color:var(--_accent)}
.summary{border:4px solid var(--_error);padding:var(--_space);margin-bottom:var(--_space)}
.summary h2{margin:0;font-size:1.25em}
.summary a{color:var(--_error);font-weight:700}
[aria-disabled=true]::after{content:'';width:1em;height:1em;border:3px solid;border-inline-end-color:transparent;border-radius:50%;animation:s 1s linear infinite}
@keyframes s{to{transform:rotate(1turn)}}
@media (prefers-reduced-motion:reduce){*{animation:none!important}}
.status:not(:empty){margin-top:var(--_space);padding:var(--_space);background:var(--_subtle);border-inline-start:5px solid var(--_accent)}
.sent{border-color:var(--_success)!important}
.failed{border-color:var(--_error)!important}
`;
