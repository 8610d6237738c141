// Sign-in to the team's workspace through the organisation's identity provider
// (issue 20): a real OpenID provider (oidc-provider) in the test, a real `serve`,
// and a browser's part played over HTTP with a cookie jar. Needs `npm run build -w receiver`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import Database from 'better-sqlite3';
import {join} from 'node:path';
import Provider from 'oidc-provider';
import {run, serve, stop, tempDir} from './helpers.mjs';
import {runWithInput} from './team-support.mjs';

const CLIENT_ID = 'klimapartner-team';
const CLIENT_SECRET = 'the client secret of the receiver';

/** A port nobody listens on now (the issuer and PUBLIC_URL must name theirs before they start). */
function freePort() {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    }),
  );
}

/**
 * The identity provider: one client (the receiver), any login; the login is the account's e-mail address.
 * The address comes at UserInfo, or with `idTokenClaims` in the ID token (as Keycloak and Entra ID give it).
 */
async function identityProvider(t, redirectUri, idTokenClaims) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], token_endpoint_auth_method: 'client_secret_post'}],
    claims: {openid: ['sub'], email: ['email', 'email_verified']},
    cookies: {keys: ['a cookie key for the test provider']},
    conformIdTokenClaims: !idTokenClaims,
    findAccount: (ctx, id) => ({
      accountId: id,
      claims: () => ({sub: id, email: id.replace(/^unverified:/, ''), email_verified: !id.startsWith('unverified:')}),
    }),
  });
  const server = createServer(provider.callback());
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return issuer;
}

/** A browser's cookies: per host and path, as Set-Cookie says (a past Max-Age or Expires removes one). */
function browser() {
  const jar = new Map();
  const cookieFor = (url) =>
    [...jar.values()]
      .filter((c) => c.host === url.hostname && (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : c.path + '/')))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  const keep = (url, res) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const at = pair.indexOf('=');
      const cookie = {name: pair.slice(0, at), value: pair.slice(at + 1), host: url.hostname, path: '/'};
      let gone = false;
      for (const attribute of attributes) {
        const [key, value = ''] = attribute.split('=');
        if (/^path$/i.test(key)) cookie.path = value;
        if (/^max-age$/i.test(key) && Number(value) <= 0) gone = true;
        if (/^expires$/i.test(key) && Date.parse(value) < Date.now()) gone = true;
      }
      const key = `${cookie.host} ${cookie.path} ${cookie.name}`;
      if (gone) jar.delete(key);
      else jar.set(key, cookie);
    }
  };
  /** One request, no redirect followed; keeps the cookies it sets. */
  async function request(href, {method = 'GET', form, origin} = {}) {
    const url = new URL(href);
    const headers = {'accept-language': 'de'};
    const cookie = cookieFor(url);
    if (cookie) headers.cookie = cookie;
    if (form) Object.assign(headers, {'content-type': 'application/x-www-form-urlencoded', origin: origin ?? url.origin});
    const res = await fetch(url, {method, headers, redirect: 'manual', body: form ? new URLSearchParams(form).toString() : undefined});
    keep(url, res);
    return {url, res, text: await res.text()};
  }
  /** Follows redirects (and a page's meta refresh) as a browser does; resolves with the last answer. */
  async function go(href, options) {
    let answer = await request(href, options);
    for (let hops = 0; hops < 20; hops++) {
      const location = answer.res.headers.get('location');
      const refresh = /<meta http-equiv="refresh" content="0;url=([^"]+)">/.exec(answer.text)?.[1];
      if (answer.res.status >= 300 && answer.res.status < 400 && location) answer = await request(new URL(location, answer.url).href);
      else if (refresh) answer = await request(new URL(refresh, answer.url).href);
      else return answer;
    }
    throw new Error('too many redirects');
  }
  return {go, request, cookies: () => [...jar.values()]};
}

/** The first form of a page: its action and its fields (hidden ones with their values). */
function formOf(answer) {
  const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(answer.text);
  assert.ok(form, `a form in ${answer.url}: ${answer.text.slice(0, 500)}`);
  const fields = {};
  for (const input of form[2].matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (name) fields[name] = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
  }
  return {action: new URL(form[1].replace(/&amp;/g, '&'), answer.url).href, fields};
}

/** Signs in at the identity provider's login and consent pages, from the receiver's button on. */
async function signInThroughProvider(browse, receiverUrl, login) {
  const signInPage = await browse.go(`${receiverUrl}/team/`);
  const button = /<a class="button" href="([^"]+)">Mit dem Konto der Organisation anmelden<\/a>/.exec(signInPage.text);
  assert.ok(button, 'the button on the sign-in page');
  let answer = await browse.go(new URL(button[1], receiverUrl).href);
  for (let step = 0; step < 3 && answer.url.origin !== receiverUrl; step++) {
    const {action, fields} = formOf(answer);
    if (fields.prompt === 'login') Object.assign(fields, {login, password: 'anything'});
    answer = await browse.go(action, {method: 'POST', form: fields});
  }
  return answer;
}

async function setUp(t, {oidc = true, idTokenClaims = false} = {}) {
  const dataDir = tempDir();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const issuer = await identityProvider(t, `${url}/team/oidc/callback`, idTokenClaims);
  const env = {PORT: String(port), PUBLIC_URL: url, ...(oidc ? {OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET} : {})};
  const served = await serve({dataDir, env});
  t.after(() => stop(served));
  assert.equal((await run(['user', 'add', 'ada@example.org', '--role', 'admin'], {dataDir})).status, 0, 'added without a password');
  return {dataDir, url, issuer};
}

const auditOf = (dataDir) => {
  const db = new Database(join(dataDir, 'submissions.sqlite'), {readonly: true});
  try {
    return db.prepare('SELECT account, action, object FROM team_audit ORDER BY id').all();
  } finally {
    db.close();
  }
};

test('a person added with `user add` signs in through the identity provider and gets the same session as with a password', async (t) => {
  const {dataDir, url, issuer} = await setUp(t);
  const browse = browser();
  const answer = await signInThroughProvider(browse, url, 'Ada@Example.org');
  assert.equal(answer.url.href, `${url}/team/`);
  assert.equal(answer.res.status, 200);
  assert.match(answer.text, /Angemeldet als ada@example\.org/);
  assert.match(answer.text, /0 Interessenbekundungen/, 'the overview');
  const session = browse.cookies().find((c) => c.name === 'kp-team');
  assert.match(session.value, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(browse.cookies().find((c) => c.name === 'kp-team-oidc'), undefined, 'the flow cookie is gone');
  // the role stays ours: an admin page opens
  assert.equal((await browse.go(`${url}/team/audit`)).res.status, 200);
  assert.deepEqual(
    auditOf(dataDir).filter((r) => r.action.startsWith('sign-in')),
    [{account: 'ada@example.org', action: 'sign-in.oidc', object: issuer}],
  );
  // signing out ends it as it ends a password session
  const overview = await browse.go(`${url}/team/`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(overview.text)[1];
  await browse.go(`${url}/team/sign-out`, {method: 'POST', form: {csrf}});
  assert.equal((await browse.request(`${url}/team/interest`)).res.status, 303);
});

test('an address nobody added, an unverified address, a tampered state and a cancel at the provider are refused with the same neutral page, and audited', async (t) => {
  const {dataDir, url, issuer} = await setUp(t, {idTokenClaims: true});

  const unknown = await signInThroughProvider(browser(), url, 'mallory@example.org');
  assert.equal(unknown.url.pathname, '/team/oidc/callback');
  assert.equal(unknown.res.status, 403);
  assert.match(unknown.text, /Mit diesem Konto der Organisation ist keine Anmeldung im Arbeitsbereich möglich/);
  assert.doesNotMatch(unknown.text, /mallory/);

  const unverified = await signInThroughProvider(browser(), url, 'unverified:ada@example.org');
  assert.equal(unverified.res.status, 403);
  assert.equal(unverified.text, unknown.text, 'the same answer');

  // the provider's answer comes back with another state: refused, and the flow is used up
  const browse = browser();
  const start = await browse.request(`${url}/team/oidc`);
  assert.equal(start.res.status, 303);
  assert.match(start.res.headers.get('set-cookie'), /^kp-team-oidc=[A-Za-z0-9_-]{43}; Path=\/team\/oidc; HttpOnly; SameSite=Lax; Max-Age=600$/);
  const authorize = new URL(start.res.headers.get('location'));
  assert.equal(authorize.origin, issuer);
  assert.equal(authorize.searchParams.get('redirect_uri'), `${url}/team/oidc/callback`);
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(authorize.searchParams.get('scope'), 'openid email');
  assert.ok(authorize.searchParams.get('nonce'));
  authorize.searchParams.set('state', 'tampered-' + authorize.searchParams.get('state'));
  let answer = await browse.go(authorize.href);
  for (let step = 0; step < 3 && answer.url.origin !== url; step++) {
    const {action, fields} = formOf(answer);
    if (fields.prompt === 'login') Object.assign(fields, {login: 'ada@example.org', password: 'anything'});
    answer = await browse.go(action, {method: 'POST', form: fields});
  }
  assert.equal(answer.url.pathname, '/team/oidc/callback');
  assert.equal(answer.res.status, 403);
  assert.equal(answer.text, unknown.text);
  assert.equal(browse.cookies().find((c) => c.name === 'kp-team'), undefined, 'no session');
  assert.equal((await browse.request(`${url}/team/interest`)).res.status, 303);

  // a callback without a started flow (another browser, or once more) is refused too
  const replay = await browser().request(answer.url.href);
  assert.equal(replay.res.status, 403);

  // the person cancels at the provider: it answers with an error, refused likewise
  const cancelling = browser();
  const login = await cancelling.go(`${url}/team/oidc`);
  const cancel = /<a href="([^"]+)">\[ Cancel \]<\/a>/.exec(login.text);
  assert.ok(cancel, 'the provider offers to cancel');
  const cancelled = await cancelling.go(new URL(cancel[1].replace(/&amp;/g, '&'), login.url).href);
  assert.equal(cancelled.url.pathname, '/team/oidc/callback');
  assert.equal(cancelled.url.searchParams.get('error'), 'access_denied');
  assert.equal(cancelled.text, unknown.text);

  assert.deepEqual(
    auditOf(dataDir).filter((r) => r.action.startsWith('sign-in')),
    [
      {account: 'mallory@example.org', action: 'sign-in.oidc-refused', object: `${issuer} unknown-account`},
      {account: 'ada@example.org', action: 'sign-in.oidc-refused', object: `${issuer} email-unverified`},
      {account: null, action: 'sign-in.oidc-refused', object: `${issuer} state-mismatch`},
      {account: null, action: 'sign-in.oidc-refused', object: `${issuer} no-flow`},
      {account: null, action: 'sign-in.oidc-refused', object: `${issuer} provider-error:access_denied`},
    ],
  );
});

test('without OIDC_* the sign-in page has no such button and /team/oidc is like any path without a session; the password sign-in works beside it', async (t) => {
  const {url} = await setUp(t, {oidc: false});
  const page = await browser().go(`${url}/team/`);
  assert.doesNotMatch(page.text, /Konto der Organisation/);
  assert.equal((await browser().request(`${url}/team/oidc`)).res.status, 303, 'like any path without a session');

  const withOidc = await setUp(t);
  assert.equal((await runWithInput(['user', 'add', 'edda@example.org', '--role', 'editor', '--password-stdin'], 'a long enough password', withOidc.dataDir)).status, 0);
  const browse = browser();
  const signInPage = await browse.go(`${withOidc.url}/team/`);
  assert.match(signInPage.text, /<a class="button" href="\/team\/oidc">Mit dem Konto der Organisation anmelden<\/a>/);
  const signedIn = await browse.go(`${withOidc.url}/team/sign-in`, {method: 'POST', form: {email: 'edda@example.org', password: 'a long enough password'}});
  assert.match(signedIn.text, /Angemeldet als edda@example\.org/);
});

test('bad OIDC settings stop the start with one line naming the variable', async () => {
  const cases = [
    [{OIDC_ISSUER: 'https://login.example.org/realms/team'}, /^klimapartner-receiver: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set too/],
    [{OIDC_CLIENT_SECRET: 'secret'}, /^klimapartner-receiver: OIDC_ISSUER and OIDC_CLIENT_ID must be set too/],
    [{OIDC_ISSUER: 'http://login.example.org/realms/team', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'secret'}, /^klimapartner-receiver: OIDC_ISSUER="http:\/\/login\.example\.org\/realms\/team" is not valid: expected the identity provider's https URL/],
    [{OIDC_ISSUER: 'login.example.org', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'secret'}, /^klimapartner-receiver: OIDC_ISSUER="login\.example\.org" is not valid/],
    [{OIDC_ISSUER: 'https://login.example.org', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'secret', PUBLIC_URL: ''}, /^klimapartner-receiver: PUBLIC_URL is required with OIDC_ISSUER/],
  ];
  for (const [env, message] of cases) {
    const result = await run(['serve'], {dataDir: tempDir(), env: {PORT: '0', PUBLIC_URL: 'https://forms.example.org', ...env}});
    assert.equal(result.status, 1, `${JSON.stringify(env)}: ${result.stderr}`);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr.trim(), message);
    assert.doesNotMatch(result.stderr, /secret/, 'no secret in the message');
  }
});

test('behind https the flow cookie is __Secure- and Secure; a provider that cannot be reached does not stop the start', async (t) => {
  const publicUrl = 'https://forms.example.org';
  const issuer = await identityProvider(t, `${publicUrl}/team/oidc/callback`);
  const served = await serve({dataDir: tempDir(), env: {PUBLIC_URL: publicUrl, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET}});
  t.after(() => stop(served));
  const start = await fetch(`${served.url}/team/oidc`, {redirect: 'manual'});
  assert.equal(start.status, 303);
  assert.match(start.headers.get('set-cookie'), /^__Secure-kp-team-oidc=[A-Za-z0-9_-]{43}; Path=\/team\/oidc; HttpOnly; SameSite=Lax; Secure; Max-Age=600$/);
  assert.equal(new URL(start.headers.get('location')).searchParams.get('redirect_uri'), `${publicUrl}/team/oidc/callback`);

  const nobody = `http://127.0.0.1:${await freePort()}`;
  const down = await serve({dataDir: tempDir(), env: {PUBLIC_URL: publicUrl, OIDC_ISSUER: nobody, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET}});
  t.after(() => stop(down));
  const unreachable = await fetch(`${down.url}/team/oidc`, {redirect: 'manual', headers: {'accept-language': 'en'}});
  assert.equal(unreachable.status, 502);
  assert.match(await unreachable.text(), /The organisation&#39;s sign-in service cannot be reached right now/);
});
