// Fills translations into locales/*.xlf from a JSON file keyed by the German
// source text, placeholders written as {0}, {1}:
//   {"Die Frist „{0}“ ist abgelaufen.": {"en": "…", "fr": "…", "es": "…", "pt": "…"}}
// Usage: npx lit-localize extract && node scripts/translate.mjs my.json
// Prints the sources that still lack a target.
import {readFileSync} from 'node:fs';
import {TARGET_LOCALES, plain, readUnits, writeTargets} from './xliff.mjs';

const table = process.argv[2] ? JSON.parse(readFileSync(process.argv[2], 'utf8')) : {};
let missing = 0;
for (const locale of TARGET_LOCALES) {
  const targets = {};
  for (const {id, source, target} of readUnits(locale)) {
    const entry = table[plain(source).replace(/&quot;/g, '"').replace(/&amp;/g, '&')] ?? table[plain(source)];
    if (entry?.[locale] !== undefined) {
      targets[id] = entry[locale].replace(/&(?![a-z]+;|#)/g, '&amp;').replace(/</g, '&lt;');
    } else if (target === undefined) {
      missing++;
      console.log(`${locale}: ${plain(source)}`);
    }
  }
  writeTargets(locale, targets);
}
console.log(missing ? `${missing} translations missing` : 'all translated');
