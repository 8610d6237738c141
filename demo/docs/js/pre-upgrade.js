// The pre-upgrade CSS the snippet builder writes: until the file has loaded, each element
// holds the height it will have, so nothing below it moves when it renders. Heights in rem
// as rendered with the default styles on a plain page at 16 px (measured by `npm run bench`,
// which judges this same CSS): [wide, narrow] for pages wider and narrower than 30em.
// Margins: a rendered element keeps its content's margins inside its box, except the
// interest form, whose first line (the deadline) lets its top margin reach out of the box,
// as a fallback paragraph's does. So the other elements' boxes are `flow-root` and their
// fallback's own block margins 0 (a paragraph with its margins is taller than the share
// buttons' row); the interest form's box stays `block`.
// No DOM here: the benchmark (scripts/bench/host.mjs) imports it too.
export const PRE_UPGRADE = {
  'kp-countdown': ['13.32rem', '24.2rem'], // one row of four boxes / 2 × 2
  'kp-contact-card': ['13.81rem', '13.81rem'],
  'kp-newsletter-signup': ['14.25rem', '15.75rem'],
  'kp-interest-form': ['113.25rem', '117.75rem'], // with a deadline, before any choice
  'kp-share': ['2.75rem', '12.5rem'], // the buttons in a row / one under another
};
export const NARROW = '30em';
const BLOCK = ['kp-interest-form'];

/** The rules for `tags`: a min-height each while `:not(:defined)`, the narrow heights in one media query. */
export function preUpgradeRules(tags) {
  const out = tags.map((t) => `${t}:not(:defined) { display: ${BLOCK.includes(t) ? 'block' : 'flow-root'}; min-height: ${PRE_UPGRADE[t][0]}; }`);
  const inside = tags.filter((t) => !BLOCK.includes(t));
  if (inside.length) out.push(`:is(${inside.join(', ')}):not(:defined) > * { margin-block: 0; }`);
  const narrow = tags.filter((t) => PRE_UPGRADE[t][1] !== PRE_UPGRADE[t][0]);
  if (narrow.length) {
    out.push(`@media (max-width: ${NARROW}) {`, ...narrow.map((t) => `  ${t}:not(:defined) { min-height: ${PRE_UPGRADE[t][1]}; }`), '}');
  }
  return out;
}
