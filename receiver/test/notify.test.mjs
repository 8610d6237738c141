// NOTIFY_TO: one German mail per new expression of interest, over real SMTP,
// read back with mailparser: reference, the fields in the form's order with
// the form's own labels, Reply-To the contact; never twice for one submission.
// Needs `npm run build -w receiver` first.
import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {startSmtp, withCa, SMTP_USER, SMTP_PASS} from './support/smtp.mjs';
import {serve, stop, tempDir} from './helpers.mjs';
import {importTs, validInterest} from '../../test/node/fixtures.mjs';

const {cleanup, ca} = withCa();
let smtp, url;
before(async () => {
  smtp = await startSmtp(ca());
  cleanup.push(() => smtp.close());
  const served = await serve({
    dataDir: tempDir(),
    env: {
      SMTP_URL: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASS)}@localhost:${smtp.port}`,
      MAIL_FROM: 'Formulare <forms@example.org>',
      NOTIFY_TO: 'Team Klimapartnerschaften <team@example.org>, lead@example.org',
      EXTRA_FIELDS: 'listId',
      PUBLIC_URL: 'https://forms.example.org',
      NODE_EXTRA_CA_CERTS: ca().caFile,
    },
  });
  cleanup.push(() => stop(served));
  url = served.url;
});

const post = (id, body) =>
  fetch(`${url}/api/submit`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'idempotency-key': id},
    body: JSON.stringify({_submissionId: id, ...body}),
  });

test('one German mail per new expression of interest, fields as the form shows them, Reply-To the contact, never twice', async () => {
  const id = randomUUID();
  const data = {...validInterest(), motivation: 'Wir möchten lernen.\nUnd <b>teilen</b>.', listId: '42'};
  const answers = await Promise.all(Array.from({length: 5}, () => post(id, {_form: 'interest', _locale: 'en', ...data})));
  assert.deepEqual(answers.map((r) => r.status), Array(5).fill(200));
  assert.equal((await post(id, {_form: 'interest', _locale: 'en', ...data})).status, 200);
  const [mail] = await smtp.waitFor(1);
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(smtp.mails.length, 1, 'one mail for one submission');

  const reference = id.slice(0, 8).toUpperCase();
  const m = mail.parsed;
  assert.deepEqual(mail.envelope.to.sort(), ['lead@example.org', 'team@example.org']);
  assert.deepEqual(m.replyTo.value, [{name: 'Erika Mustermann', address: 'erika@musterstadt.de'}]);
  assert.equal(m.subject, `Neue Interessensbekundung: Musterstadt (${reference})`);
  assert.equal(m.headers.get('content-language'), 'de');
  assert.match(m.html, /<html lang="de">/);
  assert.match(m.text, new RegExp(`^Referenz: ${reference}$`, 'm'));
  assert.match(m.text, /^Sprache des Formulars: Englisch \(en\)$/m);

  // The widget's own summary (German) is the truth for labels, order and values.
  const {summary} = await importTs('src/interest-form/fields.ts');
  const expected = [...summary(data, 'de').map(([k, v]) => `${k}: ${v}`), 'listId: 42'];
  assert.ok(m.text.includes(`\n\n${expected.join('\n')}\n\n`), m.text);
  for (const [label, value] of summary(data, 'de')) {
    assert.ok(m.html.includes(`>${label.replace('&', '&#38;')}</th><td style="padding:4px 0;white-space:pre-wrap">${value.replaceAll('<', '&#60;').replaceAll('>', '&#62;')}</td>`), label);
  }
});

test('a newsletter sign-up tells the team nothing', async () => {
  const before = smtp.mails.length;
  await post(randomUUID(), {_form: 'newsletter', _locale: 'de', email: 'anna@example.org', consent: true});
  await smtp.waitFor(before + 1);
  await new Promise((r) => setTimeout(r, 1000));
  assert.deepEqual(smtp.mails.slice(before).map((m) => m.envelope.to), [['anna@example.org']]);
});
