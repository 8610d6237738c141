// Known failures: bugs this suite found in the elements, not yet fixed in src/.
// The committed tests leave exactly these findings out (and say so in their
// output); test/e2e/pending-failures.md describes each, with the failing test.
// Remove an entry once its fix lands: the suite then checks it again.
export const KNOWN = [
  {
    id: 'form-box-sizing',
    // The page's `* {box-sizing: content-box}` matches the host element and beats `:host {box-sizing: border-box}`;
    // inside, `* {box-sizing: inherit}` passes content-box on, so `width: 100%` inputs plus padding and border
    // are 18 px wider than the form (src/shared/styles.ts with src/shared/form/form.styles.ts).
    match: /^kp-(newsletter-signup|interest-form)\b.*(scrollWidth (\d+) > (clientWidth )?\d+|(input|select|textarea)\b.*outside)/,
  },
];

/** Splits findings into new ones and known ones; reports the known ones as diagnostics of `t`. */
export function withoutKnown(t, findings) {
  const known = findings.filter((f) => KNOWN.some((k) => k.match.test(f)));
  if (known.length) t.diagnostic(`known failures (test/e2e/pending-failures.md): ${known.length}, e.g. ${known[0]}`);
  return findings.filter((f) => !known.includes(f));
}
