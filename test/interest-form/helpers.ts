/** Helpers for the interest form's tests: a fresh form, typing into fields, sending. */
import {fixture, html} from '@open-wc/testing';
import '../../src/interest-form/define.js';
import type {KpInterestForm} from '../../src/interest-form/interest-form.js';
import {requests, reset, submissions, SUBMIT} from '../shared/submission/receiver.js';
import sinon from 'sinon';
import {until} from '../helpers.js';

export type Form = KpInterestForm;

/** A form in a `<div lang>` with `attrs` (action and privacy-url preset), upgraded and rendered. */
export async function make(attrs = '', lang = 'de'): Promise<Form> {
  const wrap = await fixture<HTMLDivElement>(
    html`<div
      lang=${lang}
      .innerHTML=${`<kp-interest-form action="${SUBMIT()}" privacy-url="/datenschutz" ${attrs}><p>Fallback</p></kp-interest-form>`}
    ></div>`,
  );
  const el = wrap.querySelector('kp-interest-form')!;
  el.addEventListener('kp-submit', (e) => ids.add(e.detail.data._submissionId as string));
  el.sender.backoff = 20;
  el.sender.timeout = 2000;
  await el.updateComplete;
  return el;
}

/*
 * Chromium and Firefox run at the same time against one receiver, so a test
 * looks only at the submissions its own forms made (by submission id).
 */
const ids = new Set<string>();
/** Before each test of these files: no ids, no draft, a receiver without records or faults. */
beforeEach(async () => {
  ids.clear();
  sessionStorage.clear();
  await reset();
});

/** The records this test's forms stored. */
export const records = async () => (await submissions()).filter((r) => ids.has(r.id));
/** The submit requests this test's forms made. */
export const tries = async () =>
  Object.entries(await requests()).reduce((n, [id, count]) => n + (ids.has(id) ? count : 0), 0);
/** Whether any form of this test fired kp-submit (that is, tried to send). */
export const submitted = () => ids.size > 0;

export const control = (el: Form, name: string, i = 0) =>
  el.shadowRoot!.getElementById(i ? `f-${name}-${i}` : `f-${name}`) as HTMLInputElement;

/**
 * Sets fields as a visitor would (input events): text by value, radios and
 * checkboxes by value(s). Fields not shown (state outside Germany…) are skipped.
 */
export async function fill(el: Form, values: Record<string, string | string[] | boolean>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    await el.updateComplete;
    const root = el.shadowRoot!;
    const boxes = [...root.querySelectorAll<HTMLInputElement>(`input[name="${name}"][type=radio],input[name="${name}"][type=checkbox]`)];
    if (boxes.length) {
      for (const box of boxes) {
        const want = typeof value === 'boolean' ? value : [value].flat().includes(box.value);
        if (box.checked !== want) box.click();
      }
      continue;
    }
    const c = root.querySelector<HTMLInputElement>(`[name="${name}"]`);
    if (!c) continue;
    // A visitor reaches a control before choosing (a select lists every country from then on).
    c.focus();
    await el.updateComplete;
    c.value = String(value);
    c.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  }
  await el.updateComplete;
}

/** A complete, valid expression of interest. */
export const VALID = {
  municipality: 'Dortmund',
  municipalityType: 'city',
  country: 'DE',
  state: 'DE-NW',
  population: '588.250',
  contactName: 'Dr. Maria Beispiel',
  department: 'Agenda-21-Büro',
  email: 'maria.beispiel@example.org',
  phone: '0231 936960-14',
  partnership: 'existing',
  partnerMunicipality: 'Kumasi',
  partnerCountry: 'GH',
  languages: ['de', 'en'],
  motivation: 'Wir möchten gemeinsam ein Handlungsprogramm erarbeiten.',
  workshop: true,
};

/** Clicks the submit button and waits until the send has ended. */
export async function send(el: Form): Promise<void> {
  (el.shadowRoot!.querySelector('form > button') as HTMLButtonElement).click();
  await el.updateComplete;
  await until(() => !el.sender.busy, 8000, 'the send to end');
  await el.updateComplete;
}

export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Clicks "Speichern (.txt)" and returns the file the visitor gets: its name and text. */
export async function savedFile(el: Form): Promise<{name: string; text: string}> {
  let blob: Blob | undefined;
  let name = '';
  const url = sinon.stub(URL, 'createObjectURL').callsFake((b) => ((blob = b as Blob), 'blob:test'));
  const click = sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (this: HTMLAnchorElement) {
    name = this.download;
  });
  try {
    const save = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent!.includes('.txt'))!;
    save.click();
  } finally {
    url.restore();
    click.restore();
  }
  return {name, text: await blob!.text()};
}
