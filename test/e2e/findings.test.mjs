// Bugs this suite found in the elements, each fixed since; these tests keep them fixed:
// box-sizing under a careless host, a stale busy button after failing, two tabs from one
// fresh draft; and what two copies under a strict Trusted Types policy need.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {startHost, CSP} from './support/server.mjs';
import {launchChromium, visit} from './support/browser.mjs';
import {TAGS, allElements, newsletter, interest} from './support/fixtures.mjs';
import {quickFill, clickSubmit, submitButton, tune, waitForState} from './support/forms.mjs';

let host, browser;
before(async () => {
  host = await startHost();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await host?.close();
});

const markup = {'kp-newsletter-signup': newsletter, 'kp-interest-form': interest};

// 1. Layout under a host's `* {box-sizing: content-box}` (test/e2e/pages/cms.css).
for (const tag of Object.keys(markup)) {
  test(`${tag}: under the host's * {box-sizing: content-box}, no input is wider than the form at 320 px`, async () => {
    const url = host.page(`/findings/box-sizing/${tag}`, {body: markup[tag]()});
    await visit(browser, host.origin, url, async (page) => {
      const found = await page.locator(tag).evaluate((el) => {
        const box = el.getBoundingClientRect();
        return [...el.shadowRoot.querySelectorAll('input:not([type=checkbox]):not([type=radio]), select, textarea')]
          .filter((c) => c.getClientRects().length && !c.closest('[aria-hidden=true]'))
          .filter((c) => c.getBoundingClientRect().right > box.right + 1)
          .map((c) => `${c.name}: ends at ${Math.round(c.getBoundingClientRect().right)} px, the form at ${Math.round(box.right)} px (box-sizing ${getComputedStyle(c).boxSizing})`);
      });
      assert.deepEqual(found, []);
    }, {context: {viewport: {width: 320, height: 800}}, waitFor: [tag]});
  });
}

// 2. After every try failed, the "send again" button still says it is busy.
for (const tag of Object.keys(markup)) {
  test(`${tag}: once every try has failed, "Erneut senden" is not marked busy (no aria-disabled, no spinner)`, async () => {
    await host.reset();
    await host.faults([{status: 500}, {status: 500}, {status: 500}, {status: 500}]);
    const url = host.page(`/findings/busy/${tag}`, {body: markup[tag]()});
    await visit(browser, host.origin, url, async (page) => {
      await tune(page, tag);
      await quickFill(page, tag);
      await clickSubmit(page, tag);
      await waitForState(page, tag, 'failed');
      await page.waitForTimeout(300);
      assert.match(await submitButton(page, tag).innerText(), /Erneut senden/);
      assert.equal(await submitButton(page, tag).getAttribute('aria-disabled'), null);
    }, {waitFor: [tag]});
  });
}

// 3. Two tabs from one draft that was never sent: two records.
for (const tag of Object.keys(markup)) {
  test(`${tag}: two tabs from one fresh draft (tab duplicated before any send), both sent → one record`, async () => {
    await host.reset();
    const url = host.page(`/findings/two-tabs/${tag}`, {body: markup[tag]()});
    await visit(browser, host.origin, url, async (page, g, context) => {
      await quickFill(page, tag);
      await page.waitForTimeout(400); // the draft is saved 300 ms after the last input
      const [second] = await Promise.all([context.waitForEvent('page'), page.evaluate(() => window.open(location.href))]);
      await second.waitForFunction((t) => customElements.get(t), tag);
      assert.equal(await second.locator(`${tag} [name=email]`).inputValue(), 'erika@musterstadt.de', 'the draft came along');
      await clickSubmit(second, tag);
      await waitForState(second, tag, 'sent');
      await clickSubmit(page, tag);
      await waitForState(page, tag, 'sent');
      const rows = await host.submissions();
      assert.equal(rows.length, 1, `records: ${rows.length}`);
    }, {waitFor: [tag]});
  });
}

// 4. Two copies of the file under Trusted Types: each copy's lit-html asks for its policy "lit-html"
// (lit-html as published, no build patch), so a page that may load two copies needs
// 'allow-duplicates' (docs/embedding.md). With it: no error, no violation, every tag works.
// Without it the second copy's module fails to load (the browser refuses the duplicate name),
// and the first copy still runs every element.
async function twoCopies(csp) {
  const before = host.cspReports.length;
  const url = host.page(`/findings/two-copies/${csp === CSP.strict ? 'allow' : 'deny'}`, {body: allElements(), copies: 2, csp});
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), TAGS);
  await page.waitForTimeout(300);
  const shown = await page.evaluate((tags) => tags.every((t) => [...document.querySelectorAll(t)].every((el) => el.shadowRoot?.textContent.trim())), TAGS);
  const violations = await page.evaluate(() => window.__host.violations.map((v) => v.directive));
  await context.close();
  await new Promise((r) => setTimeout(r, 200));
  return {errors, shown, violations, reports: host.cspReports.length - before};
}

test("two copies with 'trusted-types lit-html 'allow-duplicates'': no error, no violation, every element shows", async () => {
  assert.deepEqual(await twoCopies(CSP.strict), {errors: [], shown: true, violations: [], reports: 0});
});

test("two copies with 'trusted-types lit-html' alone: the second copy is refused, the first runs every element", async () => {
  const {errors, shown, violations} = await twoCopies(CSP.single);
  assert.equal(shown, true);
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /lit-html/);
  assert.deepEqual(violations, ['trusted-types']);
});
