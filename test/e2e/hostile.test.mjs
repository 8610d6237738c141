// Hostile values (support/payloads.mjs) in every attribute of every element and
// in every field of both forms: nothing runs (the host's `__pwn` trap, alert,
// dialogs, CSP violations), everything is shown and stored as text, no element
// breaks, no uncaught error.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {CSP} from './support/server.mjs';
import {visit} from './support/browser.mjs';
import {PAYLOADS} from './support/payloads.mjs';
import {ELEMENTS} from './support/elements.mjs';
import {TAGS, tag} from './support/fixtures.mjs';
import {openSuite, closeSuite} from './support/suite.mjs';

let host, browser;
before(async () => ({host, browser} = await openSuite()));
after(() => closeSuite(host, browser));

// Photos and privacy links made of hostile text are relative URLs on the page's own
// host; the browser notes their 404s on the console. That is the host's own 404, not ours.
const guardOptions = {expectConsole: [/^Failed to load resource: the server responded with a status of 404/]};

/**
 * In the page: anything inside our elements' shadow roots (or added to their
 * light DOM) that is markup from a payload, script, or a script URL.
 */
function dangerIn(root) {
  const found = [];
  const walk = (node) => {
    // Our own icons (kp-share) are <svg part="icon" aria-hidden="true"> with paths only; no payload makes one.
    const ownIcon = (el) =>
      el.localName === 'svg' && el.getAttribute('part') === 'icon' && [...el.querySelectorAll('*')].every((c) => c.localName === 'path');
    for (const el of node.querySelectorAll('*')) {
      const iconPart = ownIcon(el) || (el.localName === 'path' && ownIcon(el.parentElement));
      if (!iconPart && /^(script|iframe|object|embed|math|svg|h1|b|xmp|template|style|mglyph|table)$/.test(el.localName)) {
        found.push(`<${el.localName}>`);
      }
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`${el.localName}[${a.name}]`);
        if (/^(href|src|action|formaction|srcdoc)$/.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value.replace(/[\t\n\r]/g, ''))) {
          found.push(`${el.localName}[${a.name}=${a.value}]`);
        }
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  for (const el of root.querySelectorAll('kp-countdown, kp-contact-card, kp-newsletter-signup, kp-interest-form, kp-share')) {
    if (el.shadowRoot) walk(el.shadowRoot);
    const light = [...el.children].map((c) => c.localName + '.' + c.className).join();
    if (light !== 'p.fallback') found.push(`${el.localName} light DOM: ${light}`);
  }
  return found;
}

test('every payload in every attribute at once, written into the page markup (no CSP: a payload that ran would spring the trap)', async () => {
  const tags = TAGS;
  const body = PAYLOADS.map(([, value], i) => {
    const all = (t) => Object.fromEntries(ELEMENTS[t].attributes.filter((a) => a !== 'id').map((a) => [a, value]));
    return `<div class="payload-${i}">${tags.map((t) => tag(t, {}, all(t), 'Fallback')).join('')}</div>`;
  }).join('\n');
  const url = host.page('/hostile-markup', {body, csp: CSP.none});
  await visit(browser, host.origin, url, async (page) => {
    await page.waitForTimeout(500);
    const result = await page.evaluate(
      ([tags, dangerSrc]) => {
        const danger = new Function(`return (${dangerSrc})`)();
        const els = [...document.querySelectorAll(tags.join(','))];
        return {
          count: els.length,
          notUpgraded: els.filter((el) => !el.shadowRoot).map((el) => el.localName),
          danger: danger(document.querySelector('main')),
        };
      },
      [tags, dangerIn.toString()],
    );
    assert.equal(result.count, PAYLOADS.length * tags.length);
    assert.deepEqual(result.notUpgraded, []);
    assert.deepEqual(result.danger, []);
    // Nothing was sent: hostile `action` values are refused.
    assert.deepEqual(await host.submissions(), []);
  }, {guard: guardOptions, waitFor: tags});
});

for (const t of TAGS) {
  test(`${t}: each payload in each attribute, one at a time, under the strict CSP: shown as text, nothing runs, the element recovers`, async () => {
    const {valid, attributes, shownAsText} = ELEMENTS[t];
    const url = host.page(`/hostile-attributes/${t}`, {body: tag(t, valid, {}, 'Fallback'), csp: CSP.strict});
    await visit(browser, host.origin, url, async (page) => {
      const problems = await page.evaluate(
        async ([t, valid, attributes, shownAsText, payloads, dangerSrc]) => {
          const danger = new Function(`return (${dangerSrc})`)();
          const el = document.querySelector(t);
          const problems = [];
          const reset = async () => {
            for (const a of attributes) if (!(a in valid)) el.removeAttribute(a);
            for (const [a, v] of Object.entries(valid)) el.setAttribute(a, v);
            await el.updateComplete;
          };
          await reset();
          const normal = el.shadowRoot.textContent.replace(/\s+/g, ' ').trim();
          for (const attr of attributes) {
            for (const [name, value] of payloads) {
              try {
                el.setAttribute(attr, value);
                await el.updateComplete;
                await new Promise((r) => setTimeout(r));
              } catch (error) {
                problems.push(`${attr} = ${name}: threw ${error}`);
                continue;
              }
              const text = el.shadowRoot?.textContent ?? '';
              if (!el.shadowRoot || !el.shadowRoot.childNodes.length) problems.push(`${attr} = ${name}: empty shadow root`);
              if (shownAsText.includes(attr) && value.trim() && !text.includes(value.trim())) {
                problems.push(`${attr} = ${name}: not shown as text`);
              }
              for (const d of danger(document.body)) problems.push(`${attr} = ${name}: ${d}`);
              if (window.__pwned) problems.push(`${attr} = ${name}: RAN`);
            }
            await reset();
            const again = el.shadowRoot.textContent.replace(/\s+/g, ' ').trim();
            // The countdown's seconds move on ("2 Sekunden", then "1 Sekunde"): compare without them.
            const still = (text) => text.replace(/\d/g, '').replace(/Sekunden?/g, 'Sekunde');
            if (still(again) !== still(normal)) problems.push(`${attr}: did not recover: ${again.slice(0, 200)}`);
          }
          return problems;
        },
        [t, valid, attributes, shownAsText, PAYLOADS, dangerIn.toString()],
      );
      assert.deepEqual(problems, []);
      assert.deepEqual(await host.submissions(), []);
    }, {guard: guardOptions, waitFor: [t]});
  });
}
