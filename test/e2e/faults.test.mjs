// The fault matrix, for both forms, against the reference receiver at /api
// on the page's origin: 500, 503 with Retry-After, 429, a dropped connection,
// a hang past the timeout (also after the record was stored), 422, offline
// then online, a reload mid-typing, a double click, two tabs sending the same
// draft. For each: what the visitor sees, and the receiver's table: exactly
// one record, or a visible, recoverable state; nothing lost, nothing doubled.
import {test, describe, before, after, beforeEach} from 'node:test';
import assert from 'node:assert/strict';
import {startHost} from './support/server.mjs';
import {launchChromium, guard} from './support/browser.mjs';
import {FORMS, newsletter, interest} from './support/fixtures.mjs';
import {VALID, fill, quickFill, clickSubmit, submitButton, waitForState, tune, drafts, setField, recordStates, statesSeen} from './support/forms.mjs';

// One browser; each form gets its own CMS server and receiver (own table, own
// fault queue), so the two matrices run side by side (most of their time is
// spent waiting out Retry-After, backoff and hangs).
let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

const markup = {'kp-newsletter-signup': newsletter, 'kp-interest-form': interest};
const EMAIL = 'erika@musterstadt.de';

describe('fault matrix', {concurrency: 2}, () => {
  for (const tag of FORMS) describe(tag, {concurrency: 1}, () => matrix(tag));
});

function matrix(tag) {
let host;
before(async () => {
  host = await startHost();
});
after(() => host?.close());
beforeEach(() => host.reset());

/** Opens the form on a CMS page in a fresh context; `fn(page, ctx)`; then the guard's checks. */
async function withForm(tag, path, fn, {tuning} = {}) {
  const url = host.page(path, {body: `<p><a id="before" href="#x">Vorher</a></p>${markup[tag]()}`});
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const g = guard(page, host.origin);
    await page.goto(url);
    await page.waitForFunction((t) => customElements.get(t), tag);
    await tune(page, tag, tuning);
    await recordStates(page, tag);
    await fn(page, context, g);
    await g.check();
  } finally {
    await context.close();
  }
}

/** The receiver's table: exactly one record of this form, with the visitor's e-mail; how many requests it took. */
async function exactlyOne(tag) {
  const rows = await host.submissions();
  assert.equal(rows.length, 1, `exactly one record, got ${rows.length}: ${JSON.stringify(rows.map((r) => [r.id, r.form]))} requests ${JSON.stringify(await host.requests())}`);
  assert.equal(rows[0].form, tag === 'kp-newsletter-signup' ? 'newsletter' : 'interest');
  assert.equal(rows[0].data.email, EMAIL);
  const requests = await host.requests();
  assert.deepEqual(Object.keys(requests), [rows[0].id], 'every request carried the same submission id');
  return {row: rows[0], tries: requests[rows[0].id]};
}

/** Fills the form and sends it at once (no pause: the draft timer must not outlive the send). */
async function sendAndSee(page, tag) {
  await quickFill(page, tag);
  await clickSubmit(page, tag);
}

{
  test(`${tag}: plain send → one record, the visitor is told what happens next, the draft is gone`, async () => {
    await withForm(tag, `/f/${tag}/plain`, async (page) => {
      await fill(page, tag, undefined, {settle: 0}); // typed by the driver, sent at once
      await clickSubmit(page, tag);
      const s = await waitForState(page, tag, 'sent');
      assert.ok(s.text.length > 20, s.text);
      const {row, tries} = await exactlyOne(tag);
      assert.equal(tries, 1);
      assert.equal(row.locale, 'de');
      assert.deepEqual(await drafts(page), {}, 'the draft is deleted once sent');
      const focusedStatus = await page.locator(tag).evaluate((el) => el.shadowRoot.activeElement?.getAttribute('role'));
      assert.equal(focusedStatus, 'status', 'focus moves to the message');
    });
  });

  // `silent`: Chromium itself may resend a POST once when a kept-alive connection is dropped before
  // any answer, or answered 408 (the same request, the same Idempotency-Key); then the visitor
  // sees "sent" without a retry message, and the receiver counts one request more.
  const RETRY = /nicht geklappt|noch einmal/;
  for (const [name, faults, {silent = false} = {}] of [
    ['500', [{status: 500}]],
    ['502', [{status: 502}]],
    ['503 with Retry-After: 1', [{status: 503, retryAfter: 1}]],
    ['429 with Retry-After: 1', [{status: 429, retryAfter: 1}]],
    ['408', [{status: 408}], {silent: true}],
    ['a dropped connection', [{drop: true}], {silent: true}],
    ['a dropped connection, three times', [{drop: true}, {drop: true}, {drop: true}], {silent: true}],
    ['a hang past the timeout', [{hangMs: 1600}]],
    ['stored, then the connection dropped (answer lost)', [{afterStore: true, drop: true}], {silent: true}],
    ['stored, then a hang past the timeout (answer lost)', [{afterStore: true, hangMs: 1600}]],
    ['stored, then a 500', [{afterStore: true, status: 500}]],
  ]) {
    test(`${tag}: ${name} → ${silent ? 'sent' : '"trying again" shown, then sent'}; exactly one record`, async () => {
      await host.faults(faults);
      await withForm(tag, `/f/${tag}/${encodeURIComponent(name)}`, async (page) => {
        const started = Date.now();
        let firstPost = 0;
        page.on('request', (r) => void (r.method() === 'POST' && (firstPost ||= Date.now())));
        await sendAndSee(page, tag);
        const sent = await waitForState(page, tag, 'sent');
        const seen = await statesSeen(page);
        const states = seen.map((s) => s.state);
        const shown = states.join(' → ');
        assert.ok(states.includes('sending') && states.at(-1) === 'sent', shown);
        assert.ok(!states.includes('failed'), shown);
        const retrying = seen.filter((s) => s.state === 'retrying');
        if (!silent) assert.ok(retrying.length > 0, `the visitor is told it is trying again: ${shown}`);
        for (const r of retrying) assert.match(r.text, RETRY);
        assert.match(sent.text, /E-Mail|Angaben|erhalten|Dank/i);
        const {tries} = await exactlyOne(tag);
        if (silent) assert.ok(tries >= 2 && tries <= faults.length + 1, `tries: ${tries}`);
        else assert.equal(tries, faults.length + 1, 'one try per fault, then the one that worked');
        if (faults[0].retryAfter) assert.ok(Date.now() - started >= 950, 'Retry-After honoured');
        assert.deepEqual(await drafts(page), {});
        const hang = Math.max(0, ...faults.map((f) => f.hangMs ?? 0));
        if (hang) {
          // The abandoned request is still running on the server; when it ends, it must not add a record.
          await page.waitForTimeout(Math.max(0, firstPost + hang + 300 - Date.now()));
          await exactlyOne(tag);
        }
      });
    });
  }

  test(`${tag}: the receiver fails every try → a visible failure, data kept, "send again" works; one record`, async () => {
    await host.faults([{status: 500}, {status: 502}, {status: 503}, {status: 500}]);
    await withForm(tag, `/f/${tag}/failed`, async (page) => {
      await sendAndSee(page, tag);
      const failed = await waitForState(page, tag, 'failed');
      assert.match(failed.text, /fehlgeschlagen/);
      assert.deepEqual(await host.submissions(), []);
      // Nothing lost: the fields still hold what was typed, and so does the draft.
      assert.equal(await page.locator(`${tag} [name=email]`).inputValue(), EMAIL);
      assert.match(Object.values(await drafts(page)).join(), /erika@musterstadt\.de/);
      assert.match(await submitButton(page, tag).innerText(), /Erneut senden/);
      await clickSubmit(page, tag);
      await waitForState(page, tag, 'sent');
      const {tries} = await exactlyOne(tag);
      assert.equal(tries, 5, 'four failed tries and the one that worked, all under one id');
    });
  });

  test(`${tag}: 422 with field errors → messages at the fields, nothing stored; corrected, then one record`, async () => {
    await host.faults([{errors: {email: 'Diese Adresse nimmt keine Post an.'}}]);
    await withForm(tag, `/f/${tag}/422`, async (page) => {
      await sendAndSee(page, tag);
      await page.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('#e-email'), tag);
      const seen = await page.locator(tag).evaluate((el) => ({
        state: el.sender.state,
        error: el.shadowRoot.querySelector('#e-email').textContent,
        invalid: el.shadowRoot.querySelector('#f-email').getAttribute('aria-invalid'),
        summaryFocused: el.shadowRoot.activeElement?.classList.contains('summary'),
      }));
      assert.equal(seen.state, 'idle');
      assert.match(seen.error, /Diese Adresse nimmt keine Post an\./);
      assert.equal(seen.invalid, 'true');
      assert.equal(seen.summaryFocused, true);
      assert.deepEqual(await host.submissions(), []);
      await setField(page, tag, 'email', EMAIL);
      await page.waitForTimeout(400);
      await clickSubmit(page, tag);
      await waitForState(page, tag, 'sent');
      await exactlyOne(tag);
    });
  });

  test(`${tag}: offline → "you are offline" shown, nothing lost; back online → sent once`, async () => {
    await withForm(tag, `/f/${tag}/offline`, async (page, context) => {
      await quickFill(page, tag);
      await context.setOffline(true);
      await clickSubmit(page, tag);
      const offline = await waitForState(page, tag, 'offline');
      assert.match(offline.text, /offline/);
      await page.waitForTimeout(500);
      assert.deepEqual(await host.submissions(), []);
      await context.setOffline(false);
      await waitForState(page, tag, 'sent');
      await exactlyOne(tag);
    });
  });

  test(`${tag}: 503, then the browser goes offline while waiting to retry → "offline" shown; online → sent once`, async () => {
    await host.faults([{status: 503, retryAfter: 1}]);
    await withForm(tag, `/f/${tag}/offline-mid`, async (page, context) => {
      await sendAndSee(page, tag);
      await waitForState(page, tag, 'retrying');
      await context.setOffline(true);
      const offline = await waitForState(page, tag, 'offline');
      assert.match(offline.text, /offline/);
      await page.waitForTimeout(300);
      assert.deepEqual(await host.submissions(), []);
      await context.setOffline(false);
      await waitForState(page, tag, 'sent');
      const {tries} = await exactlyOne(tag);
      assert.equal(tries, 2);
    });
  });

  test(`${tag}: reload mid-typing → everything typed is back; sent once; draft deleted`, async () => {
    await withForm(tag, `/f/${tag}/reload`, async (page) => {
      await fill(page, tag);
      const stored = await drafts(page);
      assert.equal(Object.keys(stored).length, 1, 'one draft in sessionStorage');
      assert.match(Object.keys(stored)[0], new RegExp(`^kp-draft:${tag}:/f/${tag}/reload:`));
      await page.reload();
      await page.waitForFunction((t) => customElements.get(t), tag);
      for (const [name, value] of VALID[tag]) {
        const control = page.locator(`${tag} [name="${name}"]`).first();
        const type = await control.evaluate((el) => el.type);
        if (type === 'checkbox' || type === 'radio') {
          const checked = await page.locator(`${tag} [name="${name}"]:checked`).evaluateAll((els) => els.map((e) => e.value));
          const want = Array.isArray(value) ? value : value === true ? ['true'] : [String(value)];
          assert.deepEqual(checked.sort(), [...want].sort(), name);
        } else assert.equal(await control.inputValue(), String(value), name);
      }
      await clickSubmit(page, tag);
      await waitForState(page, tag, 'sent');
      await exactlyOne(tag);
      assert.deepEqual(await drafts(page), {});
    });
  });

  test(`${tag}: reload while a send is being retried → the draft keeps the submission id; sending again makes no second record`, async () => {
    await host.faults([{afterStore: true, drop: true}, {status: 503, retryAfter: 30}]);
    await withForm(tag, `/f/${tag}/reload-retry`, async (page) => {
      await sendAndSee(page, tag);
      await waitForState(page, tag, 'retrying');
      await page.waitForFunction((tag) => document.querySelector(tag).sender.state === 'retrying' && true, tag);
      await page.waitForTimeout(400);
      await page.reload();
      await page.waitForFunction((t) => customElements.get(t), tag);
      await clickSubmit(page, tag);
      await waitForState(page, tag, 'sent');
      const {tries} = await exactlyOne(tag);
      assert.equal(tries, 3, 'stored, answer lost; 503; then the same id again after the reload');
    });
  });

  test(`${tag}: double click (and a third click while sending) → one request, one record`, async () => {
    await host.faults([{hangMs: 700}]);
    await withForm(tag, `/f/${tag}/double`, async (page) => {
      await quickFill(page, tag);
      await submitButton(page, tag).dblclick();
      await page.waitForTimeout(100);
      const busy = await submitButton(page, tag).getAttribute('aria-disabled');
      assert.equal(busy, 'true', 'the button says it is busy');
      await clickSubmit(page, tag);
      await page.keyboard.press('Enter');
      await waitForState(page, tag, 'sent');
      const {tries} = await exactlyOne(tag);
      assert.equal(tries, 1);
    });
  });

  test(`${tag}: two tabs sending the same draft (tab duplicated after a failed try) → one record`, async () => {
    await host.faults([{status: 503, retryAfter: 30}]);
    await withForm(tag, `/f/${tag}/two-tabs`, async (page, context) => {
      await sendAndSee(page, tag);
      await waitForState(page, tag, 'retrying');
      await page.waitForTimeout(400);
      // The visitor opens the page again in a second tab (a copy of this tab's sessionStorage).
      const [second] = await Promise.all([context.waitForEvent('page'), page.evaluate(() => window.open(location.href))]);
      const g2 = guard(second, host.origin);
      await second.waitForFunction((t) => customElements.get(t), tag);
      assert.equal(await second.locator(`${tag} [name=email]`).inputValue(), EMAIL, 'the draft came along');
      await clickSubmit(second, tag);
      await waitForState(second, tag, 'sent');
      // The first tab, still waiting out Retry-After, sends too (visitor clicks again).
      await page.reload();
      await page.waitForFunction((t) => customElements.get(t), tag);
      if ((await page.locator(`${tag} [name=email]`).count()) > 0) {
        await clickSubmit(page, tag);
        await waitForState(page, tag, 'sent');
      }
      await exactlyOne(tag);
      await g2.check();
    });
  });
}
}
