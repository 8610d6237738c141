// What the smaller passes in other engines (firefox.test.mjs, webkit.test.mjs)
// check alike: the page markup they load, and functions that run in the page
// (passed to the driver's evaluate, so they take plain arguments only).
import {PAYLOADS} from './payloads.mjs';
import {ELEMENTS} from './elements.mjs';
import {TAGS, tag} from './fixtures.mjs';

/** Every payload in every attribute of every element (not `id`), one row of four per payload. */
export const hostileMarkup = () =>
  PAYLOADS.map(([, value]) =>
    TAGS.map((t) => tag(t, {}, Object.fromEntries(ELEMENTS[t].attributes.filter((a) => a !== 'id').map((a) => [a, value])), 'x')).join(''),
  ).join('\n');

/** In the page: each element's shadow text length and whether its fallback still shows. */
export const shownElements = (tags) =>
  [...document.querySelectorAll(tags.join(','))].map((el) => ({
    tag: el.localName,
    text: el.shadowRoot?.textContent.trim().length ?? 0,
    fallback: [...el.querySelectorAll('.fallback')].some((p) => p.getClientRects().length > 0),
  }));

/** In the page: how many elements, how many upgraded, and any markup or handler from a payload in their shadow roots. */
export const hostileFound = (tags) => {
  const els = [...document.querySelectorAll(tags.join(','))];
  const bad = [];
  for (const el of els) {
    for (const n of el.shadowRoot?.querySelectorAll('*') ?? []) {
      // Ours: the contact card's photo, kp-share's icons (<svg part="icon"> holding paths only).
      const ours = n.getAttribute('part') === 'photo' || (n.localName === 'svg' && n.getAttribute('part') === 'icon' && [...n.children].every((c) => c.localName === 'path'));
      if (/^(script|iframe|svg|img|math|h1|b)$/.test(n.localName) && !ours) bad.push(n.localName);
      for (const a of n.attributes) if (/^on/i.test(a.name)) bad.push(a.name);
    }
  }
  return {count: els.length, upgraded: els.filter((el) => el.shadowRoot).length, bad};
};

/** In the page: every place where an element or its shadow content sticks out of its box or the viewport. */
export const overflowFound = () => {
  const out = [];
  for (const host of document.querySelectorAll('kp-countdown, kp-contact-card, kp-newsletter-signup, kp-interest-form, kp-share')) {
    const box = host.getBoundingClientRect();
    if (host.scrollWidth > host.clientWidth + 1) out.push(`${host.localName}: scrollWidth ${host.scrollWidth} > ${host.clientWidth}`);
    if (box.right > document.documentElement.clientWidth + 1) out.push(`${host.localName}: ends at ${box.right}px, beyond the viewport`);
    for (const el of host.shadowRoot.querySelectorAll('*')) {
      const s = getComputedStyle(el);
      if (s.clipPath.startsWith('inset(50%') || el.getClientRects().length === 0) continue;
      const r = el.getBoundingClientRect();
      if (r.right > box.right + 1) out.push(`${host.localName} ${el.localName}: ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
  }
  return out;
};
