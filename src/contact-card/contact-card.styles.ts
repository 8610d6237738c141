import {css} from '../shared/reactive.js';

// Compact on purpose: Lit keeps CSS text as written, and every byte ships.
export const contactCardStyles = css`
.card{display:flex;flex-wrap:wrap;align-items:flex-start;gap:.5em var(--_space);height:100%;padding:var(--kp-contact-padding,var(--_space));border:var(--kp-contact-border,1px solid var(--_border));border-radius:var(--_radius);background:var(--kp-contact-background,var(--_surface))}
.photo{flex:none;width:var(--kp-contact-photo-size,5rem);height:var(--kp-contact-photo-size,5rem);object-fit:cover;border-radius:var(--kp-contact-photo-radius,50%)}
.text{flex:1 1 12rem;min-width:0}
p,dl,dd{margin:0}
.name{font-weight:700;font-size:1.125em}
.job-title,.organisation,dt{color:var(--_muted)}
dl{margin-block:.5em .75em}
dl div{display:flex;flex-wrap:wrap;column-gap:.5em}
dt{min-width:4.5em}
.phone{white-space:nowrap}
.email{overflow-wrap:anywhere}
`;
