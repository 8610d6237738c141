// Each element's reference (attributes, properties and methods, events, slots, parts, custom
// properties) as HTML tables, read at build time from the Custom Elements Manifest
// (dist/custom-elements.json, `npm run manifest`), so the site never says more or less than
// the JSDoc in src/ and needs no JavaScript to be read. The manifest stays English (editors and
// tools read it); the German pages take each description from locales/custom-elements.de.json
// (by tag, then by kind and name: {"kp-x": {"summary", "description", "attributes": {name: text},
// "members", "events", "slots" ("" for the default slot), "cssParts", "cssProperties"}}; under "*"
// the texts shared by several elements, used where the element has no text of its own), and
// test/node/reference-de.test.mjs checks that it has every description the manifest has.
import {readFileSync} from 'node:fs';

export const MANIFEST = 'dist/custom-elements.json';
export const GERMAN = 'locales/custom-elements.de.json';

/** The reference's kinds of entries, in the manifest's field names. */
export const KINDS = ['attributes', 'members', 'events', 'slots', 'cssParts', 'cssProperties'];

/** The German descriptions (see above). */
export function readGerman(file = GERMAN) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A declaration with its descriptions in German, or unchanged for 'en'. A description missing
 * from the German file fails the build (the test names it first). */
export function localized(d, lang, german) {
  if (lang === 'en') return d;
  const de = german[d.tagName];
  if (!de) throw new Error(`${GERMAN}: no entry for <${d.tagName}>.`);
  const pick = (kind, name, text) => {
    if (!text) return text;
    const t = de[kind]?.[name] ?? german['*']?.[kind]?.[name];
    if (!t) throw new Error(`${GERMAN}: <${d.tagName}> ${kind} "${name}" has no German description.`);
    return t;
  };
  const copy = {...d, summary: d.summary && de.summary, description: d.description && de.description};
  if ((d.summary && !de.summary) || (d.description && !de.description)) throw new Error(`${GERMAN}: <${d.tagName}> summary or description missing.`);
  const shown = new Set(shownMembers(d));
  for (const kind of KINDS) {
    copy[kind] = (d[kind] ?? []).map((x) => (kind === 'members' && !shown.has(x) ? x : {...x, description: pick(kind, x.name ?? '', x.description)}));
  }
  return copy;
}

const HEADINGS = {
  en: {
    attributes: ['Attributes', ['attribute', 'description', 'default']],
    members: ['Properties and methods (JavaScript)', ['name', 'description']],
    events: ['Events', ['event', 'when, detail']],
    slots: ['Slots', ['slot', 'content']],
    cssParts: ['Parts (::part)', ['part', 'what']],
    cssProperties: ['Custom properties', ['property', 'description']],
    none: 'None.',
    defaultSlot: '(default)',
  },
  de: {
    attributes: ['Attribute', ['Attribut', 'Beschreibung', 'Standardwert']],
    members: ['Eigenschaften und Methoden (JavaScript)', ['Name', 'Beschreibung']],
    events: ['Ereignisse (Events)', ['Ereignis', 'wann, detail']],
    slots: ['Slots', ['Slot', 'Inhalt']],
    cssParts: ['Teile (::part)', ['Teil', 'was']],
    cssProperties: ['CSS-Eigenschaften (Custom Properties)', ['Eigenschaft', 'Beschreibung']],
    none: 'Keine.',
    defaultSlot: '(Standard)',
  },
};

const escape = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `a `code` b` → escaped text with <code> (no other markup is let through). */
export function inline(text) {
  return String(text ?? '')
    .split('`')
    .map((piece, i) => (i % 2 ? `<code>${escape(piece)}</code>` : escape(piece)))
    .join('');
}

/** The manifest's declarations with a tag, by tag name. */
export function readDeclarations(file = MANIFEST) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} could not be read (${error.message}); run \`npm run build\` first.`);
  }
  const byTag = new Map();
  for (const mod of manifest.modules) for (const d of mod.declarations ?? []) if (d.tagName) byTag.set(d.tagName, d);
  return byTag;
}

function table(caption, head, rows, none) {
  const body = rows.length
    ? `<table>\n<thead><tr>${head.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows
        .map((row) => `<tr>${row.map((cell, i) => `<td>${i === 0 ? `<code>${escape(cell)}</code>` : inline(cell)}</td>`).join('')}</tr>`)
        .join('\n')}\n</tbody>\n</table>`
    : `<p>${escape(none)}</p>`;
  return `<section>\n<h3>${escape(caption)}</h3>\n${body}\n</section>`;
}

/** The members the reference shows (the ones not already an attribute). */
export function shownMembers(d) {
  const attrFields = new Set((d.attributes ?? []).map((a) => a.fieldName));
  return (d.members ?? []).filter((m) => !attrFields.has(m.name));
}

/** The reference of one declaration as HTML, in 'en' or 'de' (pass a localized declaration). */
export function reference(d, lang = 'en') {
  const h = HEADINGS[lang];
  const t = (kind, rows) => table(h[kind][0], h[kind][1], rows, h.none);
  return [
    t('attributes', (d.attributes ?? []).map((a) => [a.name, a.description ?? '', a.default && a.default !== "''" ? `\`${a.default}\`` : ''])),
    t('members', shownMembers(d).map((m) => [m.kind === 'method' ? `${m.name}()` : m.name, m.description ?? ''])),
    t('events', (d.events ?? []).map((e) => [e.name, e.description ?? ''])),
    t('slots', (d.slots ?? []).map((s) => [s.name || h.defaultSlot, s.description ?? ''])),
    t('cssParts', (d.cssParts ?? []).map((p) => [p.name, p.description ?? ''])),
    t('cssProperties', (d.cssProperties ?? []).map((p) => [p.name, p.description ?? ''])),
  ].join('\n');
}
