// Driving both forms as a visitor would (through their shadow roots), and
// what a complete, valid entry looks like for each.

export const VALID = {
  'kp-newsletter-signup': [
    ['email', 'erika@musterstadt.de'],
    ['name', 'Erika Mustermann'],
    ['consent', true],
  ],
  'kp-interest-form': [
    ['municipality', 'Musterstadt'],
    ['municipalityType', 'city'],
    ['country', 'DE'],
    ['state', 'DE-NW'],
    ['population', '52000'],
    ['contactName', 'Erika Mustermann'],
    ['department', 'Klimaschutz'],
    ['email', 'erika@musterstadt.de'],
    ['phone', '+49 231 93696014'],
    ['partnership', 'contacts'],
    ['partnerMunicipality', 'Villa El Salvador'],
    ['partnerCountry', 'PE'],
    ['languages', ['de', 'es']],
    ['motivation', 'Wir möchten voneinander lernen.'],
    ['workshop', true],
  ],
};

/** Free-text fields of each form (where any text may go, and comes back as text). */
export const TEXT_FIELDS = {
  'kp-newsletter-signup': ['name', 'email'],
  'kp-interest-form': ['municipality', 'contactName', 'department', 'partnerMunicipality', 'motivation', 'email', 'phone', 'population'],
};

/** Sets one field by its `name`, whatever control it is. */
export async function setField(page, tag, name, value) {
  const controls = page.locator(`${tag} [name="${name}"]`);
  await controls.first().waitFor({state: 'attached'});
  const {localName, type} = await controls.first().evaluate((el) => ({localName: el.localName, type: el.type}));
  // A visitor reaches a select before choosing (the country lists are filled from then on).
  if (localName === 'select') return controls.first().focus().then(() => controls.first().selectOption(String(value)));
  if (type === 'radio') return page.locator(`${tag} [name="${name}"][value="${value}"]`).check();
  if (type === 'checkbox' && Array.isArray(value)) {
    for (const v of value) await page.locator(`${tag} [name="${name}"][value="${v}"]`).check();
    return;
  }
  if (type === 'checkbox') return controls.first().setChecked(!!value);
  return controls.first().fill(String(value));
}

/**
 * Fills the form; then waits `settle` ms (default 400: the draft is saved 300 ms
 * after the last keystroke; see pending-failures.md for sending sooner).
 */
export async function fill(page, tag, entries = VALID[tag], {settle = 400} = {}) {
  for (const [name, value] of entries) await setField(page, tag, name, value);
  if (settle) await page.waitForTimeout(settle);
}

export const submitButton = (page, tag) => page.locator(`${tag} form > button`);
/** Clicks the submit button as a visitor can, even while it says it is busy (`aria-disabled`). */
export const clickSubmit = (page, tag, options = {}) => submitButton(page, tag).click({force: true, ...options});

/**
 * Records every state the form's engine shows, with the status text the visitor
 * reads (on each change of its shadow DOM), in `window.__states`.
 */
export const recordStates = (page, tag) =>
  page.locator(tag).evaluate((el) => {
    const states = (window.__states = []);
    const note = () => {
      const text = el.shadowRoot.querySelector('[role=status]')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
      const last = states.at(-1);
      if (!last || last.state !== el.sender.state || last.text !== text) states.push({state: el.sender.state, text});
    };
    note();
    new MutationObserver(note).observe(el.shadowRoot, {subtree: true, childList: true, attributes: true, characterData: true});
  });
export const statesSeen = (page) => page.evaluate(() => window.__states);

/** The form's status: its state (class) and text. */
export const status = (page, tag) =>
  page.locator(tag).evaluate((el) => {
    const s = el.shadowRoot.querySelector('[role=status]');
    const state = el.sender?.state;
    return {state, text: s?.textContent.replace(/\s+/g, ' ').trim() ?? ''};
  });

/** Waits until the form's sender is in `state` (e.g. 'sent'); returns the status. */
export async function waitForState(page, tag, state, timeout = 15_000) {
  await page.waitForFunction(([tag, state]) => document.querySelector(tag)?.sender?.state === state, [tag, state], {timeout});
  return status(page, tag);
}

/** Tunes the engine for a quick suite: shorter backoff and timeout (retry logic unchanged). */
export const tune = (page, tag, {backoff = 200, timeout = 1200, tries} = {}) =>
  page.locator(tag).evaluate((el, o) => {
    el.sender.backoff = o.backoff;
    el.sender.timeout = o.timeout;
    if (o.tries) el.sender.tries = o.tries;
  }, {backoff, timeout, tries});

/** The draft entries of sessionStorage. */
export const drafts = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)])));

/**
 * Fills the form from inside the page, as the browser does on typing (the
 * control's value, then a bubbling `input` event) but without the driver's
 * per-key round trips. For tests about sending, not about typing.
 */
export const quickFill = (page, tag, entries = VALID[tag]) =>
  page.locator(tag).evaluate(async (el, entries) => {
    for (const [key, v] of entries) {
      await el.updateComplete;
      const controls = [...el.shadowRoot.querySelectorAll(`[name="${key}"]`)];
      if (!controls.length) throw new Error(`${el.localName}: no field ${key}`);
      // As a visitor, it reaches the field first (a select lists every country from then on).
      controls[0].focus();
      await el.updateComplete;
      for (const c of controls) {
        if (c.type === 'radio') c.checked = c.value === v;
        else if (c.type === 'checkbox') c.checked = Array.isArray(v) ? v.includes(c.value) : !!v;
        else c.value = v;
        if (c.type !== 'radio' || c.checked) c.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
      }
    }
    await el.updateComplete;
  }, entries);
