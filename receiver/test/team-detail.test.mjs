// One expression of interest in the team's workspace (issue 20) over real HTTP against a real
// `serve`: every field as the form labelled it and shows it, the reference, the time received.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import {join} from 'node:path';
import {importTs} from '../../test/node/fixtures.mjs';
import {interest, submit} from './helpers.mjs';
import {addUser, get, PASSWORD, signIn, workspace} from './team-support.mjs';

const html = (text) => text.replaceAll('&', '&#38;').replaceAll('<', '&#60;').replaceAll('>', '&#62;');
const row = (label, value) =>
  `<tr><th scope="row">${html(label)}</th><td style="white-space:pre-wrap">${html(value)}</td></tr>`;

test('the detail page shows every field with the form’s own label and value, the reference and the time received in Berlin', async (t) => {
  const {dataDir, url} = await workspace(t, {EXTRA_FIELDS: 'listId'});
  assert.equal((await addUser(dataDir, 'viola@example.org', 'viewer')).status, 0);
  const data = {...interest({consent: true, listId: '42'}), _locale: 'en'};
  assert.equal((await submit(url, data)).status, 200);
  const db = new Database(join(dataDir, 'submissions.sqlite'));
  db.prepare("UPDATE submissions SET created_at = '2026-03-01T23:30:00.000Z'").run();
  db.close();
  const viewer = await signIn(url, 'viola@example.org', PASSWORD);
  const list = await (await get(url, '/team/interest', viewer)).text();
  assert.match(list, /<td>02\.03\.2026, 00:30<\/td>/, 'the list: Berlin time, German format');
  const reference = /href="\/team\/interest\/([0-9A-F]{8})"/.exec(list)[1];
  const page = await (await get(url, `/team/interest/${reference}`, viewer)).text();

  assert.ok(page.includes(row('Referenz', reference)));
  assert.ok(page.includes(row('Eingegangen', '2. März 2026 um 00:30 Uhr (Berliner Zeit)')));
  assert.ok(page.includes(row('Sprache des Formulars', 'Englisch (en)')));
  // The widget's own summary (German) is the truth for labels, order and values.
  const {summary} = await importTs('src/interest-form/fields.ts');
  const expected = summary(data, 'de');
  assert.ok(
    expected.some(([label, value]) => label === 'Telefon' && value === '+49 23193696014'),
    'the phone per DIN 5008 (from E.164 without an area-code gap)',
  );
  assert.ok(
    expected.some(([, value]) => value === 'Nordrhein-Westfalen') && expected.some(([, value]) => value === 'Peru'),
  );
  const shown = [
    ...page.matchAll(/<tr><th scope="row">[^<]*<\/th><td style="white-space:pre-wrap">[^<]*<\/td><\/tr>/g),
  ].map((m) => m[0]);
  assert.deepEqual(
    shown.slice(3, 3 + expected.length),
    expected.map(([label, value]) => row(label, value)),
    'every field, in the form’s order',
  );
  assert.deepEqual(shown.slice(3 + expected.length), [
    row('Ich bin mit der Verarbeitung meiner Angaben einverstanden.', 'Ja'),
    row('listId', '42'),
  ]);
  assert.ok(!page.includes('>municipality<') && !page.includes('>DE-NW<'), 'no keys or codes');
});
