// How a WordPress page looks while the module loads: klimapartner-widgets.js
// answered late, so the page is painted with the elements not yet defined.
// Each element's height and min-height then (when the document is parsed) and
// after the upgrade, and Chromium's layout shift (the bench's probe).
import {clsProbe} from '../../../scripts/bench/browser.mjs';
import {sleep} from '../../e2e/support/browser.mjs';

const TAGS = ['kp-countdown', 'kp-contact-card', 'kp-newsletter-signup', 'kp-interest-form', 'kp-share'];

/** In the page: tag => {height, minHeight} of the first element of each tag. */
function heightProbe(tags) {
  window.__kpBoxes = () => Object.fromEntries(tags.map((t) => document.querySelector(t)).filter(Boolean)
    .map((e) => [e.localName, {height: e.getBoundingClientRect().height, minHeight: getComputedStyle(e).minHeight}]));
  document.addEventListener('readystatechange', () => {
    if (document.readyState === 'interactive') requestAnimationFrame(() => (window.__kpBefore ??= window.__kpBoxes()));
  });
}

/** {cls, entries, before, after} for `url` in `viewport`, the module held back `delay` ms. */
export async function whileLoading(browser, url, {viewport, delay = 1500}) {
  const context = await browser.newContext({viewport, timezoneId: 'Europe/Berlin', locale: 'en-US'});
  try {
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-06-01T10:00:00+02:00'));
    await page.addInitScript(clsProbe);
    await page.addInitScript(heightProbe, TAGS);
    await page.route(/\/klimapartner-widgets\.js(\?|$)/, async (route) => {
      await sleep(delay);
      await route.continue();
    });
    await page.goto(url);
    await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), TAGS, {timeout: 15_000 + delay});
    await sleep(1000);
    return await page.evaluate(() => ({cls: window.__kpCls.value, entries: window.__kpCls.entries,
      before: window.__kpBefore, after: window.__kpBoxes()}));
  } finally {
    await context.close();
  }
}
