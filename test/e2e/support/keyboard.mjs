// Keyboard helpers: where focus is (through shadow roots) and whether it is visible.

/** The focused element, followed through shadow roots, with what a sighted keyboard user sees of it. */
export const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    let host = null;
    while (el?.shadowRoot?.activeElement) {
      host ??= el;
      el = el.shadowRoot.activeElement;
    }
    if (!el || el === document.body) return {host: null, tag: 'body'};
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');
    return {
      host: host?.localName ?? null,
      tag: el.localName,
      id: el.id,
      name: el.getAttribute('name'),
      type: el.getAttribute('type'),
      text: (el.textContent || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 80),
      visible: ring,
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      boxShadow: s.boxShadow,
    };
  });

/**
 * Presses Tab until focus leaves `tag` (or `max` presses); returns every stop inside it.
 * Fails (returns `trapped: true`) if focus never leaves.
 */
export async function tabThrough(page, tag, max = 60) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.host !== tag) return {stops, after: f, trapped: false};
    stops.push(f);
  }
  return {stops, trapped: true};
}

/** Tabs forward until `match(focusInfo)` is true; returns the focus info (or throws after `max`). */
export async function tabTo(page, match, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (match(f)) return f;
  }
  throw new Error('never reached by Tab');
}
