// The workspace's optional second factor (TOTP with recovery codes, issue 20)
// over real HTTP against a real `serve`, as a person sets it up with an
// authenticator app: the codes are computed with otplib from the secret the
// page shows (the QR code scanned with qr's decoder), at the real time. Needs `npm run build -w receiver`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import {join} from 'node:path';
import {generateSync} from 'otplib';
import decodeQR from 'qr/decode.js';
import {interest, run, serve, stop, submit, tempDir} from './helpers.mjs';
import {csrfOf, get, post, runWithInput, signIn} from './team-support.mjs';

const PASSWORD = 'a long enough password';
const EMAIL = 'anna@example.org';

async function workspace(t, env = {}) {
  const dataDir = tempDir();
  const served = await serve({dataDir, env: {RATE_LIMIT: '1000', ...env}});
  t.after(() => stop(served));
  assert.equal((await runWithInput(['user', 'add', EMAIL, '--role', 'editor', '--password-stdin'], PASSWORD, dataDir)).status, 0);
  return {dataDir, url: served.url};
}

/** The code an app shows `offset` seconds from now (one step later: 30). */
const codeAt = (secret, offset = 0) => generateSync({secret, epoch: Math.floor(Date.now() / 1000) + offset});
/** A six-digit code that is none of the window's around now. */
const wrongCode = (secret) => {
  const near = new Set([-30, 0, 30, 60].map((offset) => codeAt(secret, offset)));
  for (let n = 0; ; n++) if (!near.has(String(n).padStart(6, '0'))) return String(n).padStart(6, '0');
};

/** What a phone's camera reads from the page's QR code: the SVG's unit squares painted black on white, then decoded. */
function scanQr(svg) {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)[1]);
  const dark = new Set();
  let x = 0;
  let y = 0;
  for (const [, move, dx, dy] of /<path d="([^"]+)"/.exec(svg)[1].matchAll(/([Mm])(-?\d+) (-?\d+)h1v1[Hh]-?\d+Z/g)) {
    [x, y] = move === 'M' ? [+dx, +dy] : [x + +dx, y + +dy];
    dark.add(`${x},${y}`);
  }
  const scale = 6;
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let py = 0; py < width; py++) {
    for (let px = 0; px < width; px++) {
      if (dark.has(`${Math.floor(px / scale)},${Math.floor(py / scale)}`)) data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  return decodeQR({width, height: width, data});
}

/** Reads the setup page as a person does: the key in groups and the otpauth URI. */
async function setupPage(url, cookie) {
  const res = await get(url, '/team/security', cookie);
  assert.equal(res.status, 200);
  const html = await res.text();
  const grouped = /<code id="secret">([A-Z2-7 ]+)<\/code>/.exec(html)?.[1];
  assert.ok(grouped, 'the key is shown as text');
  assert.match(grouped, /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/, 'in groups of four');
  const uri = /<code id="otpauth">([^<]+)<\/code>/.exec(html)?.[1].replaceAll('&#38;', '&');
  return {html, secret: grouped.replaceAll(' ', ''), uri, csrf: csrfOf(html)};
}

async function enable(url, cookie) {
  const {secret, csrf} = await setupPage(url, cookie);
  const res = await post(url, '/team/security/enable', {csrf, code: codeAt(secret)}, {cookie});
  assert.equal(res.status, 200);
  const html = await res.text();
  const codes = [...html.matchAll(/<li><code>([a-z0-9]{5}-[a-z0-9]{5})<\/code><\/li>/g)].map((m) => m[1]);
  return {secret, codes, html};
}

const signInWith = (url, fields) => post(url, '/team/sign-in', {email: EMAIL, password: PASSWORD, ...fields});

function auditOf(dataDir) {
  const db = new Database(join(dataDir, 'submissions.sqlite'), {readonly: true});
  try {
    return db.prepare('SELECT account, action, object FROM team_audit ORDER BY id').all();
  } finally {
    db.close();
  }
}

test('setting up: the key as a QR code, as text and as otpauth URI, on only after a current code, recovery codes shown once and stored hashed', async (t) => {
  const {dataDir, url} = await workspace(t);
  const cookie = await signIn(url, EMAIL, PASSWORD);
  const other = await signIn(url, EMAIL, PASSWORD);
  const home = await (await get(url, '/team/', cookie)).text();
  assert.match(home, /<a href="\/team\/security">Zweiter Faktor<\/a>/);

  const first = await setupPage(url, cookie);
  assert.match(first.html, /Authenticator-App/);
  const uri = new URL(first.uri);
  assert.equal(uri.protocol, 'otpauth:');
  assert.equal(uri.host, 'totp');
  assert.equal(decodeURIComponent(uri.pathname), `/Klimapartner:${EMAIL}`);
  assert.equal(uri.searchParams.get('secret'), first.secret);
  assert.equal(uri.searchParams.get('issuer'), 'Klimapartner');
  assert.ok(first.secret.length >= 32, 'at least 160 bits');
  const svg = /<svg role="img" aria-label="QR-Code zum Einrichten der Authenticator-App"[^]*?<\/svg>/.exec(first.html)?.[0];
  assert.ok(svg, 'a QR code with a name');
  assert.equal(scanQr(svg), first.uri, 'the QR code holds the same otpauth URI');
  assert.equal((await setupPage(url, cookie)).secret, first.secret, 'a reload shows the same pending key');

  // not on yet: the password alone still signs in
  assert.equal((await signInWith(url, {})).status, 303);
  const refused = await post(url, '/team/security/enable', {csrf: first.csrf, code: wrongCode(first.secret)}, {cookie});
  assert.equal(refused.status, 422);
  const refusedHtml = await refused.text();
  assert.match(refusedHtml, /<div class="error" role="alert"><h2>Es gibt ein Problem<\/h2><ul><li><a href="#code">Der Code stimmt nicht/);
  assert.match(refusedHtml, /<p id="code-error"[^>]*>Der Code stimmt nicht[^<]*<\/p><input id="code" name="code"[^>]* aria-invalid="true" aria-describedby="code-error">/);
  assert.equal((await signInWith(url, {})).status, 303, 'a wrong confirmation turns nothing on');
  assert.equal((await post(url, '/team/security/enable', {csrf: first.csrf, code: codeAt(first.secret)})).status, 403, 'not without the session');

  const {codes, html} = await enable(url, cookie);
  assert.match(html, /Der zweite Faktor ist eingeschaltet/);
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  const after = await (await get(url, '/team/security', cookie)).text();
  assert.match(after, /Noch 10 ungenutzte Wiederherstellungscodes/);
  assert.ok(codes.every((code) => !after.includes(code)), 'the codes are shown only once');
  assert.ok(!after.includes(first.secret), 'nor is the key shown again');
  const twice = await post(url, '/team/security/enable', {csrf: first.csrf, code: codeAt(first.secret, 30)}, {cookie});
  assert.equal(twice.status, 303, 'the form sent twice changes nothing');
  assert.equal(twice.headers.get('location'), '/team/security');
  assert.equal((await get(url, '/team/interest', cookie)).status, 200, 'the session that turned it on goes on');
  assert.equal((await get(url, '/team/interest', other)).status, 303, 'other sessions of the account end');

  const db = new Database(join(dataDir, 'submissions.sqlite'), {readonly: true});
  const stored = db.prepare('SELECT code_hash FROM team_recovery_codes').all().map((r) => r.code_hash);
  const totp = db.prepare('SELECT secret, enabled_at FROM team_totp WHERE email = ?').get(EMAIL);
  db.close();
  assert.equal(stored.length, 10);
  assert.ok(stored.every((hash) => codes.every((code) => !hash.includes(code.replace('-', '')))), 'only hashes of the codes');
  assert.equal(totp.secret, first.secret, 'the key itself is kept (needed to verify)');
  assert.ok(!Number.isNaN(Date.parse(totp.enabled_at)));

  const list = (await run(['user', 'list'], {dataDir})).stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(list[0].has_totp, true);
  assert.ok(auditOf(dataDir).some((e) => e.account === EMAIL && e.action === 'totp.enable'));
  assert.ok(auditOf(dataDir).some((e) => e.account === EMAIL && e.action === 'totp.failed' && e.object === 'enable'));
});

test('signing in with TOTP: no code or a wrong one is refused with the neutral answer, a current code once, a recovery code once', async (t) => {
  const {dataDir, url} = await workspace(t);
  const {secret, codes} = await enable(url, await signIn(url, EMAIL, PASSWORD));

  const wrongPassword = await signInWith(url, {password: 'not the password'});
  const noCode = await signInWith(url, {});
  const badCode = await signInWith(url, {code: wrongCode(secret)});
  for (const res of [wrongPassword, noCode, badCode]) {
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('set-cookie'), null);
  }
  const neutral = await wrongPassword.text();
  assert.match(neutral, /E-Mail-Adresse, Passwort oder Code stimmen nicht/);
  assert.equal(await noCode.text(), neutral, 'the same answer without a code');
  assert.equal(await badCode.text(), neutral, 'the same answer for a wrong code');
  assert.match(neutral, /<label for="code">/);

  // the code that turned it on is used; the app's next one (within the window) signs in, once
  assert.equal((await signInWith(url, {code: codeAt(secret)})).status, 401, 'the code used for the set-up is not taken again');
  const next = codeAt(secret, 30);
  const signedIn = await signInWith(url, {code: next});
  assert.equal(signedIn.status, 303);
  assert.equal(signedIn.headers.get('location'), '/team/');
  const cookie = signedIn.headers.get('set-cookie').split(';')[0];
  assert.equal((await get(url, '/team/interest', cookie)).status, 200);
  const replay = await signInWith(url, {code: next});
  assert.equal(replay.status, 401, 'a replayed code is refused');
  assert.equal(await replay.text(), neutral);
  assert.equal((await signInWith(url, {code: codeAt(secret, -30)})).status, 401, 'nor an earlier step');

  // recovery codes: each once, however it is typed
  assert.equal((await signInWith(url, {code: codes[0]})).status, 303);
  assert.equal((await signInWith(url, {code: codes[0]})).status, 401, 'a recovery code works once');
  assert.equal((await signInWith(url, {code: ` ${codes[1].toUpperCase().replace('-', ' ')} `})).status, 303);
  assert.equal((await signInWith(url, {password: 'not the password', code: codes[2]})).status, 401, 'a recovery code does not replace the password');
  assert.equal((await signInWith(url, {code: codes[2]})).status, 303, 'and is not used up by a wrong password');
  const securityPage = await (await get(url, '/team/security', cookie)).text();
  assert.match(securityPage, /Noch 7 ungenutzte Wiederherstellungscodes/);

  const entries = auditOf(dataDir);
  assert.equal(entries.filter((e) => e.action === 'sign-in.recovery-code').map((e) => e.object).join(','), '9 left,8 left,7 left');
  assert.ok(entries.filter((e) => e.account === EMAIL && e.action === 'sign-in.code-failed').length >= 4, 'failed codes are audited');
  assert.ok(entries.every((e) => !String(e.object).includes(codes[0]) && !String(e.object).includes(secret)), 'no code, no key in the audit');
});

test('wrong codes are throttled like wrong passwords: after 10 even the right code is refused', async (t) => {
  const {url} = await workspace(t);
  const {secret} = await enable(url, await signIn(url, EMAIL, PASSWORD));
  const bad = wrongCode(secret);
  for (let i = 0; i < 10; i++) assert.equal((await signInWith(url, {code: bad})).status, 401);
  const blocked = await signInWith(url, {code: codeAt(secret, 30)});
  assert.equal(blocked.status, 429);
  assert.equal(blocked.headers.get('set-cookie'), null);
});

test('turning it off needs a current code; new recovery codes replace the old ones', async (t) => {
  const {dataDir, url} = await workspace(t);
  const cookie = await signIn(url, EMAIL, PASSWORD);
  const {secret, codes} = await enable(url, cookie);
  const csrf = csrfOf(await (await get(url, '/team/security', cookie)).text());

  assert.equal((await post(url, '/team/security/recovery-codes', {csrf, code: wrongCode(secret)}, {cookie})).status, 422);
  const renewed = await post(url, '/team/security/recovery-codes', {csrf, code: codeAt(secret, 30)}, {cookie});
  assert.equal(renewed.status, 200);
  const fresh = [...(await renewed.text()).matchAll(/<li><code>([a-z0-9]{5}-[a-z0-9]{5})<\/code><\/li>/g)].map((m) => m[1]);
  assert.equal(fresh.length, 10);
  assert.equal((await signInWith(url, {code: codes[0]})).status, 401, 'an old recovery code no longer works');

  const wrong = await post(url, '/team/security/disable', {csrf, code: wrongCode(secret)}, {cookie});
  assert.equal(wrong.status, 422);
  assert.equal((await signInWith(url, {})).status, 401, 'still on');
  const off = await post(url, '/team/security/disable', {csrf, code: fresh[0]}, {cookie});
  assert.equal(off.status, 200);
  assert.match(await off.text(), /Der zweite Faktor ist ausgeschaltet/);
  assert.equal((await signInWith(url, {})).status, 303, 'the password alone signs in again');
  const actions = auditOf(dataDir).map((e) => e.action);
  for (const action of ['totp.recovery-codes', 'totp.recovery-code', 'totp.disable']) assert.ok(actions.includes(action), action);
});

test('TEAM_REQUIRE_TOTP=1: a person without it is taken to the set-up and reaches nothing else; it cannot be turned off; user totp-reset', async (t) => {
  const {dataDir, url} = await workspace(t, {TEAM_REQUIRE_TOTP: '1'});
  assert.equal((await submit(url, interest())).status, 200);
  const signedIn = await signInWith(url, {});
  assert.equal(signedIn.status, 303);
  assert.equal(signedIn.headers.get('location'), '/team/security');
  const cookie = signedIn.headers.get('set-cookie').split(';')[0];

  for (const path of ['/team/', '/team/interest', '/team/interest/export?format=csv', '/team/newsletter', '/team/audit']) {
    const res = await get(url, path, cookie);
    assert.equal(res.status, 303, path);
    assert.equal(res.headers.get('location'), '/team/security', path);
    assert.ok(!(await res.text()).includes('Musterstadt'), path);
  }
  const {html, csrf, secret} = await setupPage(url, cookie);
  assert.match(html, /ein zweiter Faktor vorgeschrieben/);
  const status = await post(url, '/team/interest/00000000/status', {csrf, version: '0', status: 'accepted'}, {cookie});
  assert.equal(status.status, 303);
  assert.equal(status.headers.get('location'), '/team/security');

  assert.equal((await post(url, '/team/security/enable', {csrf, code: codeAt(secret)}, {cookie})).status, 200);
  assert.equal((await get(url, '/team/interest', cookie)).status, 200, 'with the second factor, the workspace opens');
  const security = await (await get(url, '/team/security', cookie)).text();
  assert.ok(!security.includes('action="/team/security/disable"'), 'no form to turn it off');
  assert.match(security, /kann nicht ausgeschaltet werden/);
  assert.equal((await post(url, '/team/security/disable', {csrf, code: codeAt(secret, 30)}, {cookie})).status, 403);
  assert.equal((await signInWith(url, {})).status, 401, 'still on');

  // a lost phone: the administrator resets it; the person is signed out and sets it up again
  const reset = await run(['user', 'totp-reset', EMAIL], {dataDir});
  assert.equal(reset.status, 0, reset.stderr);
  assert.match(reset.stdout, /second factor removed/);
  assert.equal((await get(url, '/team/security', cookie)).headers.get('location'), '/team/', 'signed out');
  const again = await signInWith(url, {});
  assert.equal(again.headers.get('location'), '/team/security');
  assert.equal((await run(['user', 'totp-reset', EMAIL], {dataDir})).status, 2, 'nothing to reset');
  for (const args of [['user', 'totp-reset'], ['user', 'totp-reset', 'nobody@example.org'], ['user', 'totp-reset', 'not-an-address']]) {
    const refused = await run(args, {dataDir});
    assert.equal(refused.status, 2, args.join(' '));
    assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
  }
  assert.ok(auditOf(dataDir).some((e) => e.account === 'cli' && e.action === 'totp.reset' && e.object === EMAIL));
});

test('TEAM_REQUIRE_TOTP takes 0, 1, true or false; anything else stops the start naming it', async () => {
  const result = await run(['serve'], {dataDir: tempDir(), env: {PORT: '0', TEAM_REQUIRE_TOTP: 'yes'}});
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr.trim(), /^klimapartner-receiver: TEAM_REQUIRE_TOTP="yes" is not valid: expected 1, true, 0 or false$/);
});

test('with TEAM_TOTP_KEY the keys are sealed in the database (also those stored before); without that key the start stops', async (t) => {
  const dataDir = tempDir();
  assert.equal((await runWithInput(['user', 'add', EMAIL, '--role', 'editor', '--password-stdin'], PASSWORD, dataDir)).status, 0);
  assert.equal((await runWithInput(['user', 'add', 'ben@example.org', '--role', 'viewer', '--password-stdin'], PASSWORD, dataDir)).status, 0);
  const secretsInDb = () => {
    const db = new Database(join(dataDir, 'submissions.sqlite'), {readonly: true});
    try {
      return Object.fromEntries(db.prepare('SELECT email, secret FROM team_totp').all().map((r) => [r.email, r.secret]));
    } finally {
      db.close();
    }
  };
  const before = await serve({dataDir});
  const {secret} = await enable(before.url, await signIn(before.url, EMAIL, PASSWORD));
  await stop(before);
  assert.equal(secretsInDb()[EMAIL], secret, 'in clear without a key');

  const KEY = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
  const served = await serve({dataDir, env: {TEAM_TOTP_KEY: KEY}});
  t.after(() => stop(served));
  const sealed = secretsInDb()[EMAIL];
  assert.match(sealed, /^enc1:[A-Za-z0-9_-]+$/, 'sealed at start');
  assert.ok(!sealed.includes(secret));
  assert.equal((await post(served.url, '/team/sign-in', {email: EMAIL, password: PASSWORD, code: codeAt(secret, 30)})).status, 303, 'and still checked');
  const ben = await signIn(served.url, 'ben@example.org', PASSWORD);
  const {secret: bensSecret} = await setupPage(served.url, ben);
  assert.match(secretsInDb()['ben@example.org'], /^enc1:/, 'a new key is sealed too');
  assert.ok(!secretsInDb()['ben@example.org'].includes(bensSecret));
  await stop(served);

  for (const [env, message] of [
    [{}, /^klimapartner-receiver: TEAM_TOTP_KEY is not set, but the database holds TOTP keys sealed with it$/],
    [{TEAM_TOTP_KEY: 'b'.repeat(64)}, /^klimapartner-receiver: TEAM_TOTP_KEY is not the key the TOTP keys in the database were sealed with$/],
    [{TEAM_TOTP_KEY: 'secret-but-short'}, /^klimapartner-receiver: TEAM_TOTP_KEY is not valid: expected 32 bytes as 64 hex digits/],
  ]) {
    const result = await run(['serve'], {dataDir, env: {PORT: '0', ...env}});
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr.trim(), message);
    assert.ok(!result.stderr.includes('secret-but-short') && !result.stderr.includes('b'.repeat(64)), 'the key is never printed');
  }
});
