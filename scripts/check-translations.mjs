// Fails when a target locale lacks a translation, keeps the German text, or
// drops or invents a placeholder. Run after `lit-localize extract` (the build
// does that), so a new msg() without translations fails the tests.
import {TARGET_LOCALES, plain, readUnits} from './xliff.mjs';

// Texts that are the same in some languages by nature.
const SAME_OK = new Set(['E-Mail', 'Frist', '{0}', 'Online', 'Total', 'Motivation', 'optional', 'Brasil']);
const problems = [];
for (const locale of TARGET_LOCALES) {
  for (const {id, source, target} of readUnits(locale)) {
    const where = `${locale}.xlf ${id} "${plain(source)}"`;
    if (target === undefined || target.trim() === '') problems.push(`${where}: no translation`);
    else {
      const placeholders = (s) => [...plain(s).matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
      if (placeholders(source) !== placeholders(target)) problems.push(`${where}: placeholders differ`);
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
