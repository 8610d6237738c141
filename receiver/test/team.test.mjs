// The team's workspace over real HTTP against a real `serve` (issue 20), as the
// team and as an attacker use it. Needs `npm run build -w receiver`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import {join} from 'node:path';
import {interest, newsletter, parseCsv, run, submit} from './helpers.mjs';
import {addUser, csrfOf, get, HOSTILE, PASSWORD, post, signIn, workspace} from './team-support.mjs';

test('without an account the workspace is off and says so', async (t) => {
  const {url} = await workspace(t);
  const res = await get(url, '/team/');
  assert.equal(res.status, 503);
  assert.match(await res.text(), /Der Arbeitsbereich ist ausgeschaltet/);
  const en = await get(url, '/team/', undefined, {'accept-language': 'en-GB,de;q=0.5'});
  assert.match(await en.text(), /The workspace is off/);
});

test('sign-in, roles checked on the server, CSRF and Origin, conflicts, sign-out, audit', async (t) => {
  const {dataDir, url} = await workspace(t);
  for (const [email, role] of [['viola@example.org', 'viewer'], ['edda@example.org', 'editor'], ['ada@example.org', 'admin']]) {
    assert.equal((await addUser(dataDir, email, role)).status, 0);
  }
  assert.equal((await submit(url, interest({municipality: HOSTILE}))).status, 200);

  // without a session: the sign-in form, redirects, refusals; no record shown
  const form = await get(url, '/team/');
  assert.equal(form.status, 200);
  assert.equal(form.headers.get('cache-control'), 'no-store');
  assert.match(form.headers.get('content-security-policy'), /default-src 'none'.*frame-ancestors 'none'/);
  assert.doesNotMatch(form.headers.get('content-security-policy'), /script-src/);
  assert.match(await form.text(), /<label for="email">E-Mail-Adresse<\/label>/);
  const anonymous = await get(url, '/team/interest');
  assert.equal(anonymous.status, 303);
  assert.equal(anonymous.headers.get('location'), '/team/');

  // wrong password and unknown account get the same answer; no Origin is refused
  const wrong = await post(url, '/team/sign-in', {email: 'viola@example.org', password: 'not the password'});
  const unknown = await post(url, '/team/sign-in', {email: 'nobody@example.org', password: 'not the password'});
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.equal((await wrong.text()).replace('viola@example.org', 'X'), (await unknown.text()).replace('nobody@example.org', 'X'));
  assert.equal((await post(url, '/team/sign-in', {email: 'viola@example.org', password: PASSWORD}, {headers: {origin: 'https://evil.example'}})).status, 403);

  // the session cookie
  const signedIn = await post(url, '/team/sign-in', {email: 'Viola@Example.org', password: PASSWORD});
  assert.equal(signedIn.status, 303);
  const setCookie = signedIn.headers.get('set-cookie');
  assert.match(setCookie, /^kp-team=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
  const viewer = setCookie.split(';')[0];
  const again = await signIn(url, 'viola@example.org', PASSWORD);
  assert.notEqual(again, viewer, 'a new session id at every sign-in');

  // the list shows the hostile payload as text
  const listRes = await get(url, '/team/interest', viewer);
  assert.equal(listRes.status, 200);
  const list = await listRes.text();
  assert.ok(!list.includes('<img'), 'no markup from a visitor');
  assert.ok(list.includes('&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#38;'));
  assert.match(list, /1 Interessenbekundung ·/);
  const reference = /href="\/team\/interest\/([0-9A-F]{8})"/.exec(list)[1];

  // a viewer reads, but may not change the status: 403 from the server even with a valid token
  const viewerPage = await (await get(url, `/team/interest/${reference}`, viewer)).text();
  assert.ok(!viewerPage.includes('<img'));
  assert.ok(!viewerPage.includes(`action="/team/interest/${reference}/status"`), 'no status form for a viewer');
  const viewerCsrf = csrfOf(viewerPage);
  const refused = await post(url, `/team/interest/${reference}/status`, {csrf: viewerCsrf, version: '0', status: 'contacted'}, {cookie: viewer});
  assert.equal(refused.status, 403);
  assert.match(await refused.text(), /Ihre Rolle erlaubt das nicht/);

  // an editor: forged requests are refused, a stale version is a conflict
  const editor = await signIn(url, 'edda@example.org', PASSWORD);
  const admin = await signIn(url, 'ada@example.org', PASSWORD);
  const editorCsrf = csrfOf(await (await get(url, `/team/interest/${reference}`, editor)).text());
  const adminCsrf = csrfOf(await (await get(url, `/team/interest/${reference}`, admin)).text());
  const change = (cookie, csrf, status, extra = {}) => post(url, `/team/interest/${reference}/status`, {csrf, version: '0', status}, {cookie, ...extra});
  assert.equal((await change(editor, undefined, 'contacted')).status, 403, 'no CSRF token');
  assert.equal((await change(editor, adminCsrf, 'contacted')).status, 403, "another session's token");
  assert.equal((await change(editor, editorCsrf, 'contacted', {headers: {origin: 'https://evil.example'}})).status, 403, 'foreign Origin');
  assert.equal((await change(editor, editorCsrf, 'contacted', {headers: {'content-type': 'text/plain'}})).status, 415);
  const changed = await change(editor, editorCsrf, 'contacted');
  assert.equal(changed.status, 303);
  const stale = await change(admin, adminCsrf, 'declined');
  assert.equal(stale.status, 409);
  assert.match(await stale.text(), /Jemand anderes hat diesen Datensatz inzwischen geändert/);
  const after = await (await get(url, `/team/interest/${reference}`, viewer)).text();
  assert.match(after, /Status: Kontaktiert/);

  // the audit page: admins only
  assert.equal((await get(url, '/team/audit', viewer)).status, 403);
  assert.equal((await get(url, '/team/audit', editor)).status, 403);
  const auditPage = await get(url, '/team/audit', admin);
  assert.equal(auditPage.status, 200);
  const auditHtml = await auditPage.text();
  assert.match(auditHtml, /<th scope="col">Aktion<\/th>/);
  assert.ok(auditHtml.includes(`<td>interest.status</td><td>${reference} contacted</td>`));

  // sign-out ends the session: the old cookie no longer works
  const editorPage = await (await get(url, '/team/', editor)).text();
  assert.equal((await post(url, '/team/sign-out', {csrf: csrfOf(editorPage)}, {cookie: editor})).status, 303);
  assert.equal((await get(url, '/team/interest', editor)).status, 303);
  // user remove signs a person out everywhere
  assert.equal((await run(['user', 'remove', 'ada@example.org'], {dataDir})).status, 0);
  assert.equal((await get(url, '/team/interest', admin)).status, 303);

  const audit = await run(['audit'], {dataDir});
  const entries = audit.stdout.trim().split('\n').map((line) => JSON.parse(line));
  const actions = entries.map(({account, action, object}) => [account, action, object]);
  for (const expected of [
    ['viola@example.org', 'sign-in.failed', null],
    ['nobody@example.org', 'sign-in.failed', null],
    ['viola@example.org', 'sign-in', null],
    ['viola@example.org', 'interest.view', reference],
    ['edda@example.org', 'interest.status', `${reference} contacted`],
    ['edda@example.org', 'sign-out', null],
    ['cli', 'user.remove', 'ada@example.org'],
  ]) {
    assert.ok(actions.some((a) => JSON.stringify(a) === JSON.stringify(expected)), JSON.stringify(expected));
  }
  assert.ok(!audit.stdout.includes('onerror') && !audit.stdout.includes(PASSWORD), 'no personal data, no password in the audit');
});

test('failed sign-ins are throttled per account, even with the right password afterwards', async (t) => {
  const {dataDir, url} = await workspace(t);
  assert.equal((await addUser(dataDir, 'anna@example.org', 'viewer')).status, 0);
  for (let i = 0; i < 10; i++) assert.equal((await post(url, '/team/sign-in', {email: 'anna@example.org', password: `wrong ${i}`})).status, 401);
  const blocked = await post(url, '/team/sign-in', {email: 'anna@example.org', password: PASSWORD});
  assert.equal(blocked.status, 429);
  assert.equal(blocked.headers.get('set-cookie'), null);
  assert.match(await blocked.text(), /Zu viele fehlgeschlagene Anmeldungen/);
});

test('failed sign-ins are throttled per client, an IPv6 client by its /64 (addresses rotated within it count as one)', async (t) => {
  const {dataDir, url} = await workspace(t, {TRUST_PROXY: '1'});
  assert.equal((await addUser(dataDir, 'anna@example.org', 'viewer')).status, 0);
  const from = (n) => ({headers: {'x-forwarded-for': `2001:db8:5:7:${n.toString(16)}::1`}});
  // 30 failures, each from another address of one /64 and for another account
  for (let i = 0; i < 30; i++) {
    assert.equal((await post(url, '/team/sign-in', {email: `nobody${i}@example.org`, password: 'wrong'}, from(i))).status, 401);
  }
  const blocked = await post(url, '/team/sign-in', {email: 'anna@example.org', password: PASSWORD}, from(999));
  assert.equal(blocked.status, 429, 'the 31st try from that /64 is refused, even with the right password');
  const elsewhere = await post(url, '/team/sign-in', {email: 'anna@example.org', password: PASSWORD}, {headers: {'x-forwarded-for': '2001:db8:5:8::1'}});
  assert.equal(elsewhere.status, 303, 'the next /64 is another client');
});

test('the one-time link sets a password once; behind https the cookie is __Host- and Secure', async (t) => {
  const {dataDir, url} = await workspace(t, {PUBLIC_URL: 'https://forms.example.org'});
  const added = await run(['user', 'add', 'neu@example.org', '--role', 'editor'], {dataDir, env: {PUBLIC_URL: 'https://forms.example.org'}});
  const token = /token=([A-Za-z0-9_-]+)/.exec(added.stdout)[1];
  const formPage = await (await get(url, `/team/password?token=${token}`)).text();
  assert.match(formPage, /<label for="password">Neues Passwort/);
  assert.equal((await post(url, '/team/password', {token, password: 'too short'})).status, 422);
  assert.equal((await post(url, '/team/password', {token, password: PASSWORD})).status, 200);
  assert.equal((await post(url, '/team/password', {token, password: 'another long password'})).status, 400, 'the link works once');
  const res = await post(url, '/team/sign-in', {email: 'neu@example.org', password: PASSWORD});
  assert.equal(res.status, 303);
  assert.match(res.headers.get('set-cookie'), /^__Host-kp-team=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
});

test('filters in the URL; the export holds exactly what the filter shows, with status, the formula guard and no live markup', async (t) => {
  const {dataDir, url} = await workspace(t);
  assert.equal((await addUser(dataDir, 'edda@example.org', 'editor')).status, 0);
  assert.equal((await submit(url, interest({municipality: 'Aachen', department: '=1+1'}))).status, 200);
  assert.equal((await submit(url, interest({municipality: HOSTILE}))).status, 200);
  assert.equal((await submit(url, interest({municipality: 'Bonn'}))).status, 200);
  const editor = await signIn(url, 'edda@example.org', PASSWORD);

  const all = await (await get(url, '/team/interest', editor)).text();
  assert.match(all, /3 Interessenbekundungen/);
  const references = [...all.matchAll(/href="\/team\/interest\/([0-9A-F]{8})"/g)].map((m) => m[1]);
  assert.equal(references.length, 3);
  assert.ok(all.indexOf('Bonn') < all.indexOf('Aachen'), 'newest first');
  const aachen = references[2];
  const csrf = csrfOf(await (await get(url, `/team/interest/${aachen}`, editor)).text());
  assert.equal((await post(url, `/team/interest/${aachen}/status`, {csrf, version: '0', status: 'accepted'}, {cookie: editor})).status, 303);

  const filtered = await (await get(url, '/team/interest?q=aach&status=accepted', editor)).text();
  assert.match(filtered, /1 Interessenbekundung ·/);
  assert.match(filtered, /value="aach"/);
  assert.match(filtered, /href="\/team\/interest\/export\?q=aach&#38;status=accepted&#38;format=csv"/);
  assert.match(await (await get(url, '/team/interest?status=declined', editor)).text(), /0 Interessenbekundungen/);

  const csvRes = await get(url, '/team/interest/export?q=aach&status=accepted&format=csv', editor);
  assert.equal(csvRes.status, 200);
  assert.match(csvRes.headers.get('content-type'), /^text\/csv/);
  const [header, row, ...rest] = parseCsv(await csvRes.text());
  assert.deepEqual(rest, []);
  assert.deepEqual(header.slice(-4), ['status', 'status_by', 'status_at', 'notes']);
  assert.equal(row[header.indexOf('reference')], aachen);
  assert.equal(row[header.indexOf('municipality')], 'Aachen');
  assert.equal(row[header.indexOf('department')], "'=1+1");
  assert.equal(row[header.indexOf('status')], 'accepted');
  assert.equal(row[header.indexOf('status_by')], 'edda@example.org');

  const xlsxRes = await get(url, '/team/interest/export?format=xlsx', editor);
  assert.equal(xlsxRes.status, 200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await xlsxRes.arrayBuffer()));
  const sheet = book.worksheets[0];
  assert.equal(sheet.rowCount, 4);
  const names = sheet.getRow(1).values;
  const cells = [2, 3, 4].map((n) => sheet.getRow(n).getCell(names.indexOf('municipality')).value);
  assert.deepEqual(cells.sort(), ['Aachen', 'Bonn', HOSTILE].sort());
  const aachenRow = [2, 3, 4].map((n) => sheet.getRow(n)).find((r) => r.getCell(names.indexOf('municipality')).value === 'Aachen');
  assert.equal(aachenRow.getCell(names.indexOf('status')).value, 'accepted');
  assert.equal(aachenRow.getCell(names.indexOf('department')).value, '=1+1', 'a text cell, not a formula');
  assert.equal(aachenRow.getCell(names.indexOf('department')).formula, undefined);

  assert.equal((await get(url, '/team/interest/export?format=csv')).status, 303, 'no export without a session');
  const audit = (await run(['audit'], {dataDir})).stdout;
  assert.match(audit, /"action":"interest\.export","object":"csv q=aach&status=accepted rows=1"/);
  assert.match(audit, /"action":"interest\.export","object":"xlsx \(all\) rows=3"/);
  assert.ok(!audit.includes('Aachen'));
});

test('newsletter: counts per status for every role; the export holds only confirmed addresses, with consent time and language', async (t) => {
  const {dataDir, url} = await workspace(t);
  assert.equal((await addUser(dataDir, 'viola@example.org', 'viewer')).status, 0);
  assert.equal((await submit(url, newsletter({email: 'eins@example.org', _locale: 'en'}))).status, 200);
  assert.equal((await submit(url, newsletter({email: 'zwei@example.org'}))).status, 200);
  const db = new Database(join(dataDir, 'submissions.sqlite'));
  db.prepare("UPDATE newsletter_subscriptions SET status = 'confirmed', confirmed_at = '2027-01-02T03:04:05.000Z' WHERE email = 'eins@example.org'").run();
  db.close();
  const viewer = await signIn(url, 'viola@example.org', PASSWORD);
  const overview = await (await get(url, '/team/newsletter', viewer)).text();
  assert.match(overview, /<li>Noch nicht bestätigt: 1<\/li><li>Bestätigt: 1<\/li><li>Abgemeldet: 0<\/li>/);
  const [header, row, ...rest] = parseCsv(await (await get(url, '/team/newsletter/export?format=csv', viewer)).text());
  assert.deepEqual(rest, []);
  assert.equal(row[header.indexOf('email')], 'eins@example.org');
  assert.equal(row[header.indexOf('confirmed_at')], '2027-01-02T03:04:05.000Z');
  assert.equal(row[header.indexOf('locale')], 'en');
  assert.equal((await get(url, '/team/newsletter')).status, 303);
  assert.match((await run(['audit'], {dataDir})).stdout, /"action":"newsletter\.export","object":"csv confirmed rows=1"/);
});

test('privacy (admin only): look up an address, erase it after confirming; the audit holds no address', async (t) => {
  const {dataDir, url} = await workspace(t);
  assert.equal((await addUser(dataDir, 'ada@example.org', 'admin')).status, 0);
  assert.equal((await addUser(dataDir, 'edda@example.org', 'editor')).status, 0);
  assert.equal((await submit(url, interest({email: 'gone@example.org', municipality: 'Löschstadt'}))).status, 200);
  assert.equal((await submit(url, interest({email: 'stays@example.org', municipality: 'Bleibstadt'}))).status, 200);
  const editor = await signIn(url, 'edda@example.org', PASSWORD);
  const admin = await signIn(url, 'ada@example.org', PASSWORD);
  assert.equal((await get(url, '/team/privacy?email=gone@example.org', editor)).status, 403);
  const editorCsrf = csrfOf(await (await get(url, '/team/', editor)).text());
  assert.equal((await post(url, '/team/privacy/erase', {csrf: editorCsrf, email: 'gone@example.org', confirm: 'yes'}, {cookie: editor})).status, 403);

  const looked = await (await get(url, '/team/privacy?email=GONE@example.org', admin)).text();
  assert.ok(looked.includes('Löschstadt') && !looked.includes('Bleibstadt'));
  const csrf = csrfOf(looked);
  assert.equal((await post(url, '/team/privacy/erase', {csrf, email: 'gone@example.org'}, {cookie: admin})).status, 422, 'not confirmed');
  const erased = await post(url, '/team/privacy/erase', {csrf, email: 'gone@example.org', confirm: 'yes'}, {cookie: admin});
  assert.equal(erased.status, 200);
  assert.match(await erased.text(), /Gelöscht: [1-9]\d* Datens/);
  const list = await (await get(url, '/team/interest', admin)).text();
  assert.ok(!list.includes('Löschstadt') && list.includes('Bleibstadt'));
  const audit = (await run(['audit'], {dataDir})).stdout;
  assert.match(audit, /"action":"privacy\.erase","object":"sha256:[0-9a-f]{16} records=\d+"/);
  assert.ok(!audit.includes('gone@example.org'));
});

test('the list is paged by 50, newest first, with the page in the URL', async (t) => {
  const {dataDir, url} = await workspace(t);
  assert.equal((await addUser(dataDir, 'viola@example.org', 'viewer')).status, 0);
  for (let i = 1; i <= 52; i++) assert.equal((await submit(url, interest({municipality: `Ort ${i}`}))).status, 200);
  const viewer = await signIn(url, 'viola@example.org', PASSWORD);
  const first = await (await get(url, '/team/interest', viewer)).text();
  assert.match(first, /52 Interessenbekundungen/);
  assert.equal([...first.matchAll(/<tr><td>/g)].length, 50);
  assert.ok(first.includes('<td>Ort 52</td>') && !first.includes('<td>Ort 2</td>'));
  assert.match(first, /Seite 1 von 2 · <a href="\/team\/interest\?page=2">Nächste Seite<\/a>/);
  const second = await (await get(url, '/team/interest?page=2', viewer)).text();
  assert.equal([...second.matchAll(/<tr><td>/g)].length, 2);
  assert.ok(second.includes('<td>Ort 1</td>') && second.includes('<td>Ort 2</td>'));
});
