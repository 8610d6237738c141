// Internal notes in the team's workspace (issue 20) over real HTTP against a real `serve`:
// who may add them, how they read on the page and in the exports, the audit, erasure.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import {join} from 'node:path';
import {interest, parseCsv, run, submit} from './helpers.mjs';
import {addUser, csrfOf, get, HOSTILE, PASSWORD, post, signIn, workspace} from './team-support.mjs';

const STAMP = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d`;

test('notes: editors and admins add them, viewers read them (403 on POST); newest first with who and when; in both exports; audited without their text', async (t) => {
  const {dataDir, url} = await workspace(t);
  for (const [email, role] of [
    ['viola@example.org', 'viewer'],
    ['edda@example.org', 'editor'],
    ['ada@example.org', 'admin'],
  ]) {
    assert.equal((await addUser(dataDir, email, role)).status, 0);
  }
  assert.equal((await submit(url, interest({municipality: 'Notizstadt'}))).status, 200);
  const viewer = await signIn(url, 'viola@example.org', PASSWORD);
  const editor = await signIn(url, 'edda@example.org', PASSWORD);
  const admin = await signIn(url, 'ada@example.org', PASSWORD);
  const reference = /href="\/team\/interest\/([0-9A-F]{8})"/.exec(
    await (await get(url, '/team/interest', viewer)).text(),
  )[1];
  const path = `/team/interest/${reference}`;

  // a viewer sees that there are none yet, gets no form, and the server refuses the POST
  const empty = await (await get(url, path, viewer)).text();
  assert.match(empty, /<h2 id="notes">Interne Notizen<\/h2>/);
  assert.match(empty, /Noch keine Notizen\./);
  assert.ok(!empty.includes(`action="${path}/notes"`), 'no note form for a viewer');
  const refused = await post(url, `${path}/notes`, {csrf: csrfOf(empty), note: 'from a viewer'}, {cookie: viewer});
  assert.equal(refused.status, 403);
  assert.match(await refused.text(), /Ihre Rolle erlaubt das nicht/);

  // an editor: the form is there; forged and blank notes are refused
  const editorPage = await (await get(url, path, editor)).text();
  assert.match(
    editorPage,
    /<label for="note">Neue Notiz \(nur für das Team sichtbar\)<\/label><textarea id="note" name="note"/,
  );
  const csrf = csrfOf(editorPage);
  assert.equal((await post(url, `${path}/notes`, {note: 'no token'}, {cookie: editor})).status, 403);
  assert.equal(
    (
      await post(
        url,
        `${path}/notes`,
        {csrf, note: 'forged'},
        {cookie: editor, headers: {origin: 'https://evil.example'}},
      )
    ).status,
    403,
  );
  const blank = await post(url, `${path}/notes`, {csrf, note: '   '}, {cookie: editor});
  assert.equal(blank.status, 422);
  assert.match(await blank.text(), /Bitte schreiben Sie eine Notiz \(höchstens 5000 Zeichen\)/);
  const added = await post(url, `${path}/notes`, {csrf, note: `Angerufen.\r\n${HOSTILE}`}, {cookie: editor});
  assert.equal(added.status, 303);
  assert.equal(added.headers.get('location'), `${path}#notes`);
  const adminCsrf = csrfOf(await (await get(url, path, admin)).text());
  assert.equal(
    (await post(url, `${path}/notes`, {csrf: adminCsrf, note: 'Rückruf am Montag'}, {cookie: admin})).status,
    303,
  );
  assert.equal(
    (await post(url, `${path}/notes`, {csrf: csrfOf(empty), note: 'still not'}, {cookie: viewer})).status,
    403,
  );

  // everyone reads them: newest first, who and when (Berlin time), the text as text
  const read = await (await get(url, path, viewer)).text();
  assert.ok(!read.includes('<img'), 'no markup from a note');
  assert.ok(!read.includes('still not') && !read.includes('from a viewer'));
  const when = String.raw`<time datetime="[0-9T:.Z-]+">\d\d\.\d\d\.\d{4}, \d\d:\d\d<\/time>`;
  assert.match(
    read,
    new RegExp(
      `<li><p><strong>ada@example\\.org</strong>, ${when}</p><p style="white-space:pre-wrap">Rückruf am Montag</p></li>`,
    ),
  );
  assert.match(
    read,
    new RegExp(
      `<li><p><strong>edda@example\\.org</strong>, ${when}</p><p style="white-space:pre-wrap">Angerufen\\.\n&#60;img src=x onerror=alert\\(1\\)&#62;&#34;&#39;&#38;</p></li>`,
    ),
  );
  assert.ok(read.indexOf('Rückruf am Montag') < read.indexOf('Angerufen.'), 'newest first');

  // the exports: one notes column, each note "date who: text", newest first
  const [header, row] = parseCsv(await (await get(url, '/team/interest/export?format=csv', viewer)).text());
  const notes = row[header.indexOf('notes')];
  assert.match(
    notes,
    new RegExp(
      `^${STAMP} ada@example\\.org: Rückruf am Montag\n${STAMP} edda@example\\.org: Angerufen\\.\n${HOSTILE.replace(/[()]/g, '\\$&')}$`,
    ),
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await (await get(url, '/team/interest/export?format=xlsx', viewer)).arrayBuffer()));
  const sheet = book.worksheets[0];
  const cell = sheet.getRow(2).getCell(sheet.getRow(1).values.indexOf('notes'));
  assert.equal(cell.value, notes);
  assert.equal(cell.formula, undefined);

  // the audit: who added a note to which record, never the note
  const audit = (await run(['audit'], {dataDir})).stdout;
  const entries = audit
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .filter((a) => a.action === 'interest.note');
  assert.deepEqual(
    entries.map((a) => [a.account, a.object]),
    [
      ['edda@example.org', reference],
      ['ada@example.org', reference],
    ],
  );
  assert.ok(!audit.includes('Rückruf') && !audit.includes('Angerufen'));
});

test('notes go with their record: erased on the privacy page and by the erase command, others stay', async (t) => {
  const {dataDir, url} = await workspace(t);
  assert.equal((await addUser(dataDir, 'ada@example.org', 'admin')).status, 0);
  for (const email of ['page@example.org', 'command@example.org', 'stays@example.org']) {
    assert.equal((await submit(url, interest({email, municipality: email.split('@')[0]}))).status, 200);
  }
  const admin = await signIn(url, 'ada@example.org', PASSWORD);
  const list = await (await get(url, '/team/interest', admin)).text();
  const references = [...list.matchAll(/href="\/team\/interest\/([0-9A-F]{8})"/g)].map((m) => m[1]);
  assert.equal(references.length, 3);
  for (const reference of references) {
    const csrf = csrfOf(await (await get(url, `/team/interest/${reference}`, admin)).text());
    assert.equal(
      (await post(url, `/team/interest/${reference}/notes`, {csrf, note: `Notiz zu ${reference}`}, {cookie: admin}))
        .status,
      303,
    );
  }
  const looked = await (await get(url, '/team/privacy?email=page@example.org', admin)).text();
  assert.equal(
    (
      await post(
        url,
        '/team/privacy/erase',
        {csrf: csrfOf(looked), email: 'page@example.org', confirm: 'yes'},
        {cookie: admin},
      )
    ).status,
    200,
  );
  assert.equal((await run(['erase', 'command@example.org'], {dataDir})).status, 0);

  const [header, ...rows] = parseCsv(await (await get(url, '/team/interest/export?format=csv', admin)).text());
  assert.equal(rows.length, 1);
  assert.equal(rows[0][header.indexOf('email')], 'stays@example.org');
  const kept = rows[0][header.indexOf('reference')];
  assert.match(rows[0][header.indexOf('notes')], new RegExp(`ada@example\\.org: Notiz zu ${kept}$`));
  const db = new Database(join(dataDir, 'submissions.sqlite'), {readonly: true});
  t.after(() => db.close());
  assert.deepEqual(
    db.prepare('SELECT text FROM team_notes').all(),
    [{text: `Notiz zu ${kept}`}],
    'no note of an erased record is left',
  );
});
