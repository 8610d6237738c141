// Markup and helpers shared by the e2e tests: the five elements as a CMS
// editor would paste them. The built file defines every one of them; a test
// that finds one missing fails (no skip for "not in the build yet").

export const TAGS = ['kp-countdown', 'kp-contact-card', 'kp-newsletter-signup', 'kp-interest-form', 'kp-share'];
export const FORMS = ['kp-newsletter-signup', 'kp-interest-form'];

/** A deadline about a year ahead (a date: the end of that day in Europe/Berlin). */
export const FUTURE = new Date(Date.now() + 400 * 864e5).toISOString().slice(0, 10);

const esc = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
/** `<tag a="…">fallback</tag>` from defaults overridden by `attrs` (null drops one, true writes it bare). */
export function tag(name, defaults, attrs = {}, fallback = '') {
  const all = {...defaults, ...attrs};
  const list = Object.entries(all)
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? k : `${k}="${esc(v)}"`));
  return `<${name} ${list.join(' ')}><p class="fallback">${fallback}</p></${name}>`;
}
export const countdown = (attrs) =>
  tag('kp-countdown', {deadline: FUTURE, label: 'Interessensbekundung'}, attrs, `Frist: ${FUTURE}`);
export const contactCard = (attrs) =>
  tag('kp-contact-card', {name: 'Dr. Maria Beispiel', 'job-title': 'Projektkoordination', organisation: 'LAG 21 NRW',
    phone: '0231 936960-14', email: 'maria.beispiel@example.org', photo: '/cms/photo.svg'}, attrs, 'Dr. Maria Beispiel');
export const newsletter = (attrs) =>
  tag('kp-newsletter-signup', {action: '/api/submit', 'privacy-url': '/datenschutz', 'with-name': true}, attrs,
    'Newsletter per E-Mail an newsletter@example.org');
export const interest = (attrs) =>
  tag('kp-interest-form', {action: '/api/submit', 'privacy-url': '/datenschutz', deadline: FUTURE}, attrs,
    'Interesse per E-Mail an klima@example.org');
export const share = (attrs) =>
  tag('kp-share', {url: 'https://example.org/klimapartnerschaften', title: 'Kommunale Klimapartnerschaften', networks: 'linkedin mastodon'}, attrs,
    'Teilen: https://example.org/klimapartnerschaften');

/** All five, as a CMS page would hold them: one wrapped in the host's own <x-card>, one in an English section. */
export const allElements = () => `
  <section class="ce-text"><h2>Frist</h2>
    <x-card heading="Bis wann?">${countdown()}</x-card>
  </section>
  <section class="ce-contacts"><h2>Ansprechpersonen</h2>${contactCard()}
    <div lang="en">${contactCard({name: 'Jonas Müller', id: 'en-card'})}</div>
  </section>
  <section class="ce-newsletter"><h2>Newsletter</h2>${newsletter()}</section>
  <section class="ce-form"><h2>Interessensbekundung</h2>${interest()}</section>
  <section class="ce-share"><h2>Teilen</h2>${share()}</section>`;
