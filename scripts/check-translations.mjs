// Fails when a target locale lacks a translation, keeps the German text, misses a
// counted text's plural forms (src/shared/plural.ts), or
// drops or invents a placeholder. Run after `lit-localize extract` (the build
// does that), so a new msg() without translations fails the tests.
import {TARGET_LOCALES, plain, readUnits} from './xliff.mjs';

// Texts that are the same in some languages by nature.
const SAME_OK = new Set(['E-Mail', 'Frist', '{0}', 'Online', 'Total', 'Motivation', 'optional', 'Brasil']);
// Counted texts (src/shared/plural.ts): "one:# Zeichen|other:# Zeichen", the categories
// those of Intl.PluralRules for the language, `other` among them, `#` in each form.
const PLURAL = /^(zero|one|two|few|many|other):/;
function pluralProblem(text, locale) {
  const known = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const forms = plain(text).split('|').map((f) => [f.slice(0, f.indexOf(':')), f.slice(f.indexOf(':') + 1)]);
  const bad = forms.filter(([c, t]) => !known.includes(c) || !t.includes('#')).map(([c]) => c);
  if (bad.length || !forms.some(([c]) => c === 'other'))
    return `plural forms must be ${known.join('/')} (with "other"), each with "#"; wrong: ${bad.join(', ') || 'no "other"'}`;
}
const problems = [];
for (const locale of TARGET_LOCALES) {
  for (const {id, source, target} of readUnits(locale)) {
    const where = `${locale}.xlf ${id} "${plain(source)}"`;
    if (target === undefined || target.trim() === '') problems.push(`${where}: no translation`);
    else {
      const placeholders = (s) => [...plain(s).matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
      if (placeholders(source) !== placeholders(target)) problems.push(`${where}: placeholders differ`);
      const wrong = PLURAL.test(source) ? (pluralProblem(source, 'de') ?? pluralProblem(target, locale)) : undefined;
      if (wrong) problems.push(`${where}: ${wrong}`);
      if (plain(target) === plain(source) && !SAME_OK.has(plain(source)) && !/^[\s\W\d{}]*$/.test(plain(source)))
        problems.push(`${where}: target is the German text`);
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} translation problem(s). Fill them with scripts/translate.mjs (see docs/architecture.md, Translations).`);
  process.exit(1);
}
console.log(`translations: ${TARGET_LOCALES.length} locales complete`);
