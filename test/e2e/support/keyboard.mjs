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

/** What the focused control inside a form holds (through shadow roots). */
const control = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    const options = el.localName === 'select' ? [...el.options].map((o) => [o.value, o.text]) : undefined;
    return {name: el.getAttribute('name'), type: el.type, value: el.value, checked: el.checked, tag: el.localName, options};
  });

/**
 * Completes a form with the keyboard alone: Tab from before it, typing into
 * text fields, arrow keys in radio groups and selects, Space on checkboxes,
 * Enter on the submit button. Every stop must show a focus ring. Returns the stops.
 */
export async function completeByKeyboard(page, tag, valid, {beforeSelector = '#before'} = {}) {
  const want = new Map(valid);
  const stops = [];
  // Playwright names the key "Space"; puppeteer (the Firefox driver) " ".
  const SPACE = typeof page.context === 'function' ? 'Space' : ' ';
  await page.focus(beforeSelector);
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.host !== tag) throw new Error(`focus left ${tag} before the submit button, at ${JSON.stringify(f)}`);
    const c = await control(page);
    stops.push({...f, name: c?.name});
    if (!f.visible) throw new Error(`focus not visible on ${JSON.stringify(f)}`);
    if (c.tag === 'button' && c.type === 'submit') {
      await page.keyboard.press('Enter');
      return stops;
    }
    if (!c.name || !want.has(c.name)) continue; // links, and fields we leave as they are
    const value = want.get(c.name);
    if (c.tag === 'select') {
      const target = c.options.findIndex(([v]) => v === value);
      const now = c.options.findIndex(([v]) => v === c.value);
      if (target < 0) throw new Error(`${c.name}: no option ${value}`);
      const key = target > now ? 'ArrowDown' : 'ArrowUp';
      for (let n = Math.abs(target - now); n > 0; n--) await page.keyboard.press(key);
    } else if (c.type === 'radio') {
      for (let n = 0; n < 8 && (await control(page)).value !== value; n++) await page.keyboard.press('ArrowDown');
      const now = await control(page);
      if (!now.checked) await page.keyboard.press(SPACE);
    } else if (c.type === 'checkbox') {
      const wanted = Array.isArray(value) ? value.includes(c.value) : !!value;
      if (wanted !== c.checked) await page.keyboard.press(SPACE);
    } else {
      await page.keyboard.type(String(value));
    }
  }
  throw new Error('never reached the submit button');
}
