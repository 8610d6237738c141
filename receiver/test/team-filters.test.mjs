// The list's filters in the team's workspace (issue 20) over real HTTP against a real `serve`:
// every filter of the contract as a form control, in the URL and the paging links, the export
// holding exactly what the list shows, values that do not exist refused with 400.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import {join} from 'node:path';
import {interest, parseCsv, submit} from './helpers.mjs';
import {addUser, get, PASSWORD, signIn, workspace} from './team-support.mjs';

const RECORDS = {
  // received 2026-03-01 23:30 in Berlin
  Aachen: [{country: 'DE', state: 'DE-NW', partnership: 'existing', workshop: true}, '2026-03-01T22:30:00.000Z'],
  // received 2026-03-02 00:30 in Berlin, the day before in UTC
  Bamberg: [
    {country: 'DE', state: 'DE-BY', partnership: 'none', preferredRegion: 'africa', workshop: false},
    '2026-03-01T23:30:00.000Z',
  ],
  Graz: [
    {country: 'AT', state: undefined, partnership: 'none', preferredRegion: 'latin-america', workshop: false},
    '2026-06-15T10:00:00.000Z',
  ],
  // received 2026-06-30 23:59 in Berlin (summer time)
  Dortmund: [{country: 'DE', state: 'DE-NW', partnership: 'contacts', workshop: false}, '2026-06-30T21:59:00.000Z'],
};

const municipalities = (html) => [...html.matchAll(/<\/a><\/td><td>([^<]*)<\/td>/g)].map((m) => m[1]).sort();

test('every filter of the contract narrows the list and the export alike; the form shows them with names', async (t) => {
  const {dataDir, url} = await workspace(t);
  assert.equal((await addUser(dataDir, 'viola@example.org', 'viewer')).status, 0);
  for (const [municipality, [fields]] of Object.entries(RECORDS)) {
    const res = await submit(url, interest({municipality, ...fields}));
    assert.equal(res.status, 200, await res.text());
  }
  const db = new Database(join(dataDir, 'submissions.sqlite'));
  for (const [municipality, [, at]] of Object.entries(RECORDS)) {
    db.prepare("UPDATE submissions SET created_at = ? WHERE json_extract(data, '$.municipality') = ?").run(
      at,
      municipality,
    );
  }
  db.close();
  const viewer = await signIn(url, 'viola@example.org', PASSWORD);

  for (const [query, expected] of [
    ['country=DE&state=DE-NW', ['Aachen', 'Dortmund']],
    ['country=AT', ['Graz']],
    ['partnership=none', ['Bamberg', 'Graz']],
    ['partnership=none&region=africa', ['Bamberg']],
    ['workshop=yes', ['Aachen']],
    ['country=DE&workshop=no', ['Bamberg', 'Dortmund']],
    ['from=2026-03-01&to=2026-03-01', ['Aachen']],
    ['from=2026-03-02&to=2026-06-30', ['Bamberg', 'Dortmund', 'Graz']],
    ['from=2026-06-16', ['Dortmund']],
    ['state=DE-BY&to=2026-03-02', ['Bamberg']],
    ['q=%27%20OR%201%3D1%20--', []],
  ]) {
    const res = await get(url, `/team/interest?${query}`, viewer);
    assert.equal(res.status, 200, query);
    const html = await res.text();
    assert.deepEqual(municipalities(html), expected, query);
    assert.match(html, new RegExp(`${expected.length} Interessenbekundung`), query);
    if (!query.startsWith('q='))
      assert.ok(
        html.includes(`href="/team/interest/export?${query.replaceAll('&', '&#38;')}&#38;format=csv"`),
        `${query}: the export link keeps the filter`,
      );
    const [header, ...rows] = parseCsv(
      await (await get(url, `/team/interest/export?${query}&format=csv`, viewer)).text(),
    );
    assert.deepEqual(
      rows.map((r) => r[header.indexOf('municipality')]).sort(),
      expected,
      `${query}: the export holds what the list shows`,
    );
  }

  // the form: every filter a control, the chosen values selected, names not codes
  const form = await (
    await get(
      url,
      '/team/interest?country=DE&state=DE-NW&partnership=existing&region=open&workshop=yes&from=2026-03-01&to=2026-06-30',
      viewer,
    )
  ).text();
  assert.match(
    form,
    /<label for="country">Land<\/label><select id="country" name="country"><option value="">Alle<\/option><option value="DE" selected>Deutschland<\/option><option value="AT">Österreich<\/option><\/select>/,
  );
  assert.match(form, /<label for="state">Bundesland<\/label><select id="state" name="state">/);
  assert.match(form, /<option value="DE-NW" selected>Nordrhein-Westfalen<\/option>/);
  assert.match(
    form,
    /<label for="partnership">Stand der Partnerschaft<\/label><select id="partnership" name="partnership"><option value="">Alle<\/option><option value="existing" selected>Partnerschaft besteht<\/option><option value="contacts">Erste Kontakte<\/option><option value="none">Noch keine<\/option><\/select>/,
  );
  assert.match(
    form,
    /<label for="region">Bevorzugte Region<\/label><select id="region" name="region"><option value="">Alle<\/option><option value="africa">Afrika<\/option><option value="latin-america">Lateinamerika<\/option><option value="open" selected>Noch offen<\/option><\/select>/,
  );
  assert.match(
    form,
    /<label for="workshop">Informationsworkshop<\/label><select id="workshop" name="workshop"><option value="">Alle<\/option><option value="yes" selected>Ja<\/option><option value="no">Nein<\/option><\/select>/,
  );
  assert.match(
    form,
    /<label for="from">Eingegangen ab<\/label><input id="from" name="from" type="date" value="2026-03-01">/,
  );
  assert.match(
    form,
    /<label for="to">Eingegangen bis<\/label><input id="to" name="to" type="date" value="2026-06-30">/,
  );
  assert.match(
    form,
    /href="\/team\/interest\/export\?country=DE&#38;state=DE-NW&#38;partnership=existing&#38;region=open&#38;workshop=yes&#38;from=2026-03-01&#38;to=2026-06-30&#38;format=xlsx"/,
  );
});

test('a filter value that does not exist is a 400 page that says which, for the list and the export', async (t) => {
  const {dataDir, url} = await workspace(t);
  assert.equal((await addUser(dataDir, 'viola@example.org', 'viewer')).status, 0);
  assert.equal((await submit(url, interest({municipality: 'Aachen'}))).status, 200);
  const viewer = await signIn(url, 'viola@example.org', PASSWORD);
  for (const [query, message] of [
    ['country=XX', /Der Filter „Land“ hat einen Wert, den es nicht gibt/],
    ['state=DE-XX', /Der Filter „Bundesland“ hat einen Wert/],
    ['partnership=maybe', /Der Filter „Stand der Partnerschaft“ hat einen Wert/],
    ['region=asia', /Der Filter „Bevorzugte Region“ hat einen Wert/],
    ['workshop=perhaps', /Der Filter „Informationsworkshop“ hat einen Wert/],
    ['status=done', /Der Filter „Status“ hat einen Wert/],
    ['from=2026-02-30', /„Eingegangen ab“ ist kein Datum/],
    [
      'from=2026-06-01&to=2026-05-01',
      /„Eingegangen bis“ ist kein Datum \(TT\.MM\.JJJJ\) oder liegt vor dem Anfang des Zeitraums/,
    ],
  ]) {
    const list = await get(url, `/team/interest?${query}`, viewer);
    assert.equal(list.status, 400, query);
    const html = await list.text();
    assert.match(html, message, query);
    assert.match(html, /<div class="error" role="alert"/);
    assert.ok(!html.includes('Aachen'), `${query}: no records on the error page`);
    const exported = await get(url, `/team/interest/export?${query}&format=csv`, viewer);
    assert.equal(exported.status, 400, query);
    assert.match(exported.headers.get('content-type'), /^text\/html/);
  }
  const english = await (await get(url, '/team/interest?country=XX', viewer, {'accept-language': 'en'})).text();
  assert.match(english, /The filter &#34;Country&#34; has a value that does not exist/);
});

test('the paging links keep the filter', async (t) => {
  const {dataDir, url} = await workspace(t);
  assert.equal((await addUser(dataDir, 'viola@example.org', 'viewer')).status, 0);
  for (let i = 1; i <= 51; i++)
    assert.equal(
      (await submit(url, interest({municipality: `Ort ${i}`, country: 'AT', state: undefined}))).status,
      200,
    );
  assert.equal((await submit(url, interest({municipality: 'Nicht in AT'}))).status, 200);
  const viewer = await signIn(url, 'viola@example.org', PASSWORD);
  const first = await (await get(url, '/team/interest?country=AT&workshop=yes', viewer)).text();
  assert.match(first, /51 Interessenbekundungen/);
  assert.match(
    first,
    /Seite 1 von 2 · <a href="\/team\/interest\?country=AT&#38;workshop=yes&#38;page=2">Nächste Seite<\/a>/,
  );
  const second = await (await get(url, '/team/interest?country=AT&workshop=yes&page=2', viewer)).text();
  assert.deepEqual(municipalities(second), ['Ort 1']);
  assert.match(
    second,
    /<a href="\/team\/interest\?country=AT&#38;workshop=yes&#38;page=1">Vorige Seite<\/a> · Seite 2 von 2/,
  );
});
