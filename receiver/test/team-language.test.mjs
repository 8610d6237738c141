// The team's workspace speaks German, and English where the browser's Accept-Language ranks
// English before German (issue 20); over real HTTP against a real `serve`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import {join} from 'node:path';
import {interest, submit} from './helpers.mjs';
import {addUser, csrfOf, get, PASSWORD, post, signIn, workspace} from './team-support.mjs';

test('the sign-in page: German by default, English where Accept-Language ranks English before German (q-values respected)', async (t) => {
  const {dataDir, url} = await workspace(t);
  assert.equal((await addUser(dataDir, 'viola@example.org', 'viewer')).status, 0);
  for (const [accept, lang] of [
    [undefined, 'de'],
    ['de-DE,de;q=0.9', 'de'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['en-US,en;q=0.9,de;q=0.8', 'en'],
    ['fr-FR, en;q=0.8, de;q=0.5', 'en'],
    ['fr-FR, de;q=0.8, en;q=0.5', 'de'],
    ['de;q=0.5, en;q=0.9', 'en'],
    ['en;q=0.4, de;q=0.6', 'de'],
    ['en;q=0, fr', 'de'],
    ['fr, es;q=0.9', 'de'],
    ['*, en;q=0.5', 'de'],
  ]) {
    const res = await get(url, '/team/', undefined, accept ? {'accept-language': accept} : {});
    const page = await res.text();
    assert.match(page, new RegExp(`^<!doctype html><html lang="${lang}">`), String(accept));
    assert.match(
      page,
      lang === 'en' ? /<label for="email">E-mail address<\/label>/ : /<label for="email">E-Mail-Adresse<\/label>/,
      String(accept),
    );
    assert.match(
      page,
      lang === 'en' ? /<button type="submit">Sign in<\/button>/ : /<button type="submit">Anmelden<\/button>/,
      String(accept),
    );
  }
});

test('signed in, the list, the filters, a record and its notes in English, with the form’s English labels', async (t) => {
  const {dataDir, url} = await workspace(t);
  assert.equal((await addUser(dataDir, 'edda@example.org', 'editor')).status, 0);
  assert.equal((await submit(url, interest({_locale: 'de'}))).status, 200);
  const db = new Database(join(dataDir, 'submissions.sqlite'));
  db.prepare("UPDATE submissions SET created_at = '2026-03-01T23:30:00.000Z'").run();
  db.close();
  const editor = await signIn(url, 'edda@example.org', PASSWORD);
  const en = {'accept-language': 'en-GB,en;q=0.9,de;q=0.5'};

  const list = await (await get(url, '/team/interest', editor, en)).text();
  assert.match(list, /^<!doctype html><html lang="en">/);
  assert.match(list, /<h1>Expressions of interest<\/h1>/);
  assert.match(list, /1 expression of interest ·/);
  assert.match(
    list,
    /<label for="country">Country<\/label><select id="country" name="country"><option value="" selected>All<\/option><option value="DE">Germany<\/option><\/select>/,
  );
  assert.match(list, /<label for="partnership">Status of the partnership<\/label>/);
  assert.match(list, /<option value="none">None yet<\/option>/);
  assert.match(list, /<label for="from">Received from<\/label>/);
  assert.match(list, /<td>2 Mar 2026, 00:30<\/td><td>New<\/td>/);
  const reference = /href="\/team\/interest\/([0-9A-F]{8})"/.exec(list)[1];

  const detail = await (await get(url, `/team/interest/${reference}`, editor, en)).text();
  assert.match(detail, /^<!doctype html><html lang="en">/);
  const cell = (label, value) =>
    assert.ok(
      detail.includes(`<tr><th scope="row">${label}</th><td style="white-space:pre-wrap">${value}</td></tr>`),
      `${label}: ${value}`,
    );
  cell('Reference', reference);
  cell('Received', '2 March 2026 at 00:30 (Berlin time)');
  cell('Language of the form', 'German (de)');
  cell('Name of the municipality', 'Musterstadt');
  cell('Type of municipality', 'City or town');
  cell('Country', 'Germany');
  cell('Federal state', 'Nordrhein-Westfalen');
  cell('Phone', '+49 23193696014');
  cell('Status of the partnership', 'First contacts');
  cell('Country of the partner municipality', 'Peru');
  cell('Preferred region', 'Latin America');
  cell('Working languages with the partner municipality', 'German, Spanish');
  cell('I would like to attend the information workshop', 'Yes');
  assert.match(detail, /<h2 id="notes">Internal notes<\/h2>/);
  assert.match(detail, /<button type="submit">Save note<\/button>/);

  assert.equal(
    (
      await post(
        url,
        `/team/interest/${reference}/notes`,
        {csrf: csrfOf(detail), note: 'Called back'},
        {cookie: editor},
      )
    ).status,
    303,
  );
  const german = await (await get(url, `/team/interest/${reference}`, editor)).text();
  assert.match(german, /^<!doctype html><html lang="de">/);
  assert.ok(
    german.includes('<tr><th scope="row">Art der Kommune</th><td style="white-space:pre-wrap">Stadt</td></tr>'),
  );
  assert.ok(
    german.includes(
      '<tr><th scope="row">Arbeitssprachen mit der Partnerkommune</th><td style="white-space:pre-wrap">Deutsch, Spanisch</td></tr>',
    ),
  );
  assert.match(german, /<h2 id="notes">Interne Notizen<\/h2>/);
  const blank = await post(
    url,
    `/team/interest/${reference}/notes`,
    {csrf: csrfOf(detail), note: ''},
    {cookie: editor, headers: en},
  );
  assert.equal(blank.status, 422);
  assert.match(await blank.text(), /Please write a note \(at most 5000 characters\)/);
});
