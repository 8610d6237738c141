/**
 * Renders a documentation example (an html block as written, or a live example of a site page)
 * into this page with whatever definition of the elements the test file loaded: script
 * elements are dropped; relative URLs are read against `base` (the example's page); it reports the console errors and uncaught errors it caused.
 */
import {captureConsole} from '../helpers.js';

type Upgraded = HTMLElement & {updateComplete?: Promise<unknown>};

export async function renderExample(code: string, base?: string): Promise<{errors: string[]; host: HTMLElement}> {
  // Relative URLs in the example (a contact card's photo) as on the page it comes from.
  const baseElement = document.createElement('base');
  if (base) document.head.prepend(Object.assign(baseElement, {href: base}));
  const template = document.createElement('template');
  template.innerHTML = code;
  for (const s of template.content.querySelectorAll('script')) s.remove();
  const host = document.createElement('div');
  const capture = captureConsole();
  const onError = (e: ErrorEvent) => capture.errors.push(`uncaught: ${e.message}`);
  window.addEventListener('error', onError);
  try {
    host.append(template.content);
    document.body.append(host);
    for (const el of host.querySelectorAll<Upgraded>('*')) if (el.localName.startsWith('kp-')) await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    window.removeEventListener('error', onError);
    capture.restore();
    baseElement.remove();
  }
  return {errors: capture.errors, host};
}

/** What is wrong with a rendered example: kp- tags that are none of ours or rendered nothing. */
export function emptyElements(host: HTMLElement, where: string): string[] {
  const problems: string[] = [];
  for (const el of host.querySelectorAll('*')) {
    if (!el.localName.startsWith('kp-')) continue;
    if (!customElements.get(el.localName)) problems.push(`${where}: <${el.localName}> is no element of ours`);
    else if (!el.shadowRoot?.childElementCount) problems.push(`${where}: <${el.localName}> rendered nothing`);
  }
  return problems;
}
