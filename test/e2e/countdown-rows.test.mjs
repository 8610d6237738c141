// The countdown's four boxes read as one row, or as a deliberate 2 × 2 (days
// and hours over minutes and seconds), at every viewport width from 240 to
// 420 px, in German, French and Portuguese: never three boxes and one left
// alone. And they stay where they are while the clock ticks.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {visit} from './support/browser.mjs';
import {countdown} from './support/fixtures.mjs';
import {openSuite, closeSuite} from './support/suite.mjs';

let host, browser;
before(async () => ({host, browser} = await openSuite()));
after(() => closeSuite(host, browser));

const LANGS = ['de', 'fr', 'pt'];
const WIDTHS = Array.from({length: 19}, (_, i) => 240 + i * 10);

const page = () =>
  host.page('/countdown-rows', {
    body: LANGS.map((lang) => `<div lang="${lang}">${countdown({id: `cd-${lang}`, label: 'Frist'})}</div>`).join('\n'),
  });

/** In the page: each countdown's boxes per row (top to bottom), and boxes outside the element. */
const rows = () =>
  [...document.querySelectorAll('kp-countdown')].map((el) => {
    const box = el.getBoundingClientRect();
    const units = [...el.shadowRoot.querySelectorAll('[part=unit]')].map((u) => u.getBoundingClientRect());
    const tops = [...new Set(units.map((r) => Math.round(r.top)))].sort((a, b) => a - b);
    return {
      id: el.id,
      rows: tops.map((t) => units.filter((r) => Math.round(r.top) === t).length),
      outside: units.filter((r) => r.left < box.left - 1 || r.right > box.right + 1).length,
      words: [...el.shadowRoot.querySelectorAll('[part=word]')].map((w) => w.textContent),
    };
  });

test('the four boxes: one row or 2 × 2 at every width from 240 to 420 px, in de, fr and pt; the boxes stay put while ticking', async () => {
  await visit(browser, host.origin, page(), async (p) => {
    await p.evaluate(() => document.fonts.ready);
    const seen = new Set();
    for (const width of WIDTHS) {
      await p.setViewportSize({width, height: 900});
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      for (const cd of await p.evaluate(rows)) {
        const shape = cd.rows.join('+');
        seen.add(shape);
        assert.ok(shape === '4' || shape === '2+2', `${width} px, ${cd.id} (${cd.words.join(' ')}): rows ${shape}`);
        assert.equal(cd.outside, 0, `${width} px, ${cd.id}: a box sticks out of the element`);
      }
    }
    // Both shapes occur across these widths (the test would not notice a layout that never wraps).
    assert.deepEqual([...seen].sort(), ['2+2', '4']);

    // Two and a half seconds of ticking at a width where the boxes are 2 × 2: the boxes do not move,
    // and the page's layout shift stays far below anything a visitor notices. (Not exactly 0: a number
    // centred in its box that changes its count of digits, 10 → 9, or its word, "Sekunden" →
    // "Sekunde", moves its own start by a few pixels, and Chromium counts that: about 0.00002.)
    await p.setViewportSize({width: 340, height: 900});
    // The resize's own relayout is not what is measured (it can take a while on a busy machine).
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await p.waitForTimeout(1000);
    const boxes = () =>
      [...document.querySelectorAll('kp-countdown')].flatMap((el) =>
        [...el.shadowRoot.querySelectorAll('[part=unit]')].map((u) => {
          const r = u.getBoundingClientRect();
          return [r.x, r.y, r.width, r.height].map(Math.round).join(',');
        }),
      );
    const before = await p.evaluate(boxes);
    const shift = await p.evaluate(
      () =>
        new Promise((resolve) => {
          let sum = 0;
          new PerformanceObserver((list) => list.getEntries().forEach((e) => (sum += e.value))).observe({type: 'layout-shift'});
          setTimeout(() => resolve(sum), 2500);
        }),
    );
    assert.deepEqual(await p.evaluate(boxes), before, 'the boxes moved while the seconds ticked');
    assert.ok(shift < 0.001, `layout shift while the seconds tick: ${shift}`);
  }, {context: {viewport: {width: 420, height: 900}}, waitFor: ['kp-countdown']});
});
