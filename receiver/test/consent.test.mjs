// Double opt-in against link scanners: the links of a real mail (real SMTP,
// read back with mailparser) are opened by a "scanner" (GET and HEAD on every
// link) and nothing changes; a real browser (Chromium) opens the confirm link
// and presses the button; the mail provider's one-click unsubscribe (RFC 8058)
// is a plain POST without a browser. Needs `npm run build -w receiver` first.
import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {randomUUID} from 'node:crypto';
import Database from 'better-sqlite3';
import {startSmtp, withCa, SMTP_USER, SMTP_PASS} from './support/smtp.mjs';
import {freePort} from './support/process.mjs';
import {serve, stop, tempDir} from './helpers.mjs';
import {CHROMIUM_FLAGS, CHROMIUM_PATH} from '../../scripts/chromium.mjs';

const {cleanup, ca} = withCa();
let smtp, url, dataDir, db;
before(async () => {
  smtp = await startSmtp(ca());
  cleanup.push(() => smtp.close());
  dataDir = tempDir();
  const port = await freePort();
  const served = await serve({
    dataDir,
    env: {
      PORT: String(port),
      SMTP_URL: `smtp://localhost:${smtp.port}`,
      SMTP_USER,
      SMTP_PASS,
      MAIL_FROM: 'news@example.org',
      NODE_EXTRA_CA_CERTS: ca().caFile,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
  });
  cleanup.push(() => stop(served));
  url = served.url;
  db = new Database(join(dataDir, 'submissions.sqlite'), {readonly: true});
  cleanup.push(() => db.close());
});

const subscription = (email) => db.prepare('SELECT * FROM newsletter_subscriptions WHERE email = ?').get(email);
const consents = (email) => db.prepare('SELECT * FROM consents WHERE email = ?').all(email);

async function signUpAndRead(email, locale) {
  const id = randomUUID();
  const res = await fetch(`${url}/api/submit`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'idempotency-key': id},
    body: JSON.stringify({_form: 'newsletter', _locale: locale, _submissionId: id, email, consent: true}),
  });
  assert.equal(res.status, 200);
  const before = smtp.mails.length;
  const mails = await smtp.waitFor(before + 1);
  const mail = mails.find((m) => m.envelope.to[0] === email).parsed;
  const links = new Set([
    ...mail.text.match(/https?:\/\/\S+/g),
    ...[...mail.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll('&#38;', '&')),
    /<([^>]+)>/.exec(mail.headers.get('list-unsubscribe')?.url ?? mail.headerLines.find((h) => h.key === 'list-unsubscribe').line)[1],
  ]);
  const confirm = [...links].find((l) => l.includes('/api/confirm?'));
  const unsubscribe = [...links].find((l) => l.includes('/api/unsubscribe?'));
  return {links: [...links], confirm, unsubscribe};
}

/** What mail security scanners do: open every link, with GET and HEAD, following redirects. */
async function scan(links) {
  for (const link of links) {
    for (const method of ['HEAD', 'GET']) {
      const res = await fetch(link, {method, headers: {'user-agent': 'LinkScanner/1.0'}});
      await res.arrayBuffer();
      assert.ok([200, 404, 410].includes(res.status), `${method} ${link}: ${res.status}`);
    }
  }
}

test('a scanner opening every link changes nothing; the visitor\'s click and button confirm, with proof', async () => {
  const email = 'scanned@example.org';
  const {links, confirm, unsubscribe} = await signUpAndRead(email, 'es');
  assert.ok(confirm && unsubscribe, links.join('\n'));
  await scan(links);
  assert.equal(subscription(email).status, 'pending');
  assert.deepEqual(consents(email), []);

  const {chromium} = await import('playwright-core');
  const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, timeout: 30_000});
  try {
    const page = await browser.newPage({locale: 'en-US'});
    await page.goto(confirm);
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal(await page.title(), 'Confirmar suscripción');
    const buttons = page.getByRole('button');
    assert.equal(await buttons.count(), 1);
    assert.equal(subscription(email).status, 'pending', 'the page alone confirms nothing');
    await Promise.all([page.waitForURL(/\/api\/confirm$/), buttons.click()]);
    assert.equal(await page.title(), 'Suscripción confirmada');
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const sub = subscription(email);
    assert.equal(sub.status, 'confirmed');
    const [proof] = consents(email);
    assert.equal(proof.ip, '127.0.0.1');
    assert.equal(proof.user_agent, userAgent);
    assert.equal(proof.locale, 'es');
    assert.match(proof.text_version, /^es-[0-9a-f]{12}$/);
    assert.equal(proof.confirmed_at, sub.confirmed_at);
  } finally {
    await browser.close();
  }
  await scan(links); // after the confirmation, scanning still changes nothing
  assert.equal(subscription(email).status, 'confirmed');
  assert.equal(consents(email).length, 1);
});

test('one-click unsubscribe (RFC 8058) by a plain POST to the List-Unsubscribe URL, also before confirming', async () => {
  const email = 'oneclick@example.org';
  const {unsubscribe, confirm} = await signUpAndRead(email, 'pt');
  const form = new FormData(); // the RFC allows multipart/form-data as well as form-urlencoded
  form.set('List-Unsubscribe', 'One-Click');
  const res = await fetch(unsubscribe, {method: 'POST', body: form});
  assert.equal(res.status, 200);
  assert.match(await res.text(), /<html lang="pt">[\s\S]*Inscrição cancelada/);
  assert.equal(subscription(email).status, 'unsubscribed');
  // the confirm link is void now: its page says so and its button is gone
  const page = await (await fetch(confirm)).text();
  assert.match(page, /Inscrição retirada/);
  assert.doesNotMatch(page, /<button/);
  const again = await fetch(confirm.replace(/\?.*/, ''), {method: 'POST', body: new URLSearchParams({token: new URL(confirm).searchParams.get('token')})});
  assert.equal(again.status, 200);
  assert.equal(subscription(email).status, 'unsubscribed');
  assert.deepEqual(consents(email), []);
});

test('an unsubscribe link opened by GET shows one button and changes nothing', async () => {
  const email = 'keep@example.org';
  const {unsubscribe} = await signUpAndRead(email, 'de');
  const res = await fetch(unsubscribe);
  const html = await res.text();
  assert.equal(res.status, 200);
  assert.equal(html.match(/<button/g).length, 1);
  assert.match(html, /<form method="post" action="unsubscribe">/);
  assert.equal(subscription(email).status, 'pending');
  const posted = await fetch(`${url}/api/unsubscribe`, {method: 'POST', body: new URLSearchParams({token: new URL(unsubscribe).searchParams.get('token')})});
  assert.equal(posted.status, 200);
  assert.equal(subscription(email).status, 'unsubscribed');
});
