// The German reference tables (locales/custom-elements.de.json): every description the Custom
// Elements Manifest shows has a German text, so the German element pages never fall back to
// English in the middle of a table; and the German tables carry German headings.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {MANIFEST, localized, readDeclarations, readGerman, reference} from '../../scripts/site/reference.mjs';

test('every element of the manifest has its descriptions in German', {skip: !existsSync(MANIFEST) && `${MANIFEST} not built`}, () => {
  const german = readGerman();
  for (const [tag, d] of readDeclarations()) {
    const de = localized(d, 'de', german);
    assert.equal(de.tagName, tag);
    const html = reference(de, 'de');
    assert.match(html, /<h3>Attribute<\/h3>/, tag);
    // A text with words (not only `code`) is not the English one copied.
    for (const kind of ['attributes', 'events', 'cssParts', 'cssProperties']) {
      (d[kind] ?? []).forEach((x, i) => {
        if (/[a-z]{4}/i.test(x.description?.replace(/`[^`]*`/g, '') ?? '')) assert.notEqual(de[kind][i].description, x.description, `${tag} ${kind} ${x.name}`);
      });
    }
  }
});

test('a description missing from the German file fails the build with its name', () => {
  const d = {tagName: 'kp-x', summary: 'S', attributes: [{name: 'foo', description: 'Foo.'}]};
  assert.throws(() => localized(d, 'de', {'kp-x': {summary: 'Z'}}), /<kp-x> attributes "foo" has no German description/);
  assert.equal(localized(d, 'de', {'kp-x': {summary: 'Z', attributes: {foo: 'Fu.'}}}).attributes[0].description, 'Fu.');
  assert.equal(localized(d, 'en', {}), d);
});
