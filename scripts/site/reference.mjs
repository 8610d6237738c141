// Each element's reference (attributes, properties and methods, events, slots, parts, custom
// properties) as HTML tables, read at build time from the Custom Elements Manifest
// (dist/custom-elements.json, `npm run manifest`), so the site never says more or less than
// the JSDoc in src/ and needs no JavaScript to be read.
import {readFileSync} from 'node:fs';

export const MANIFEST = 'dist/custom-elements.json';

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

function table(caption, head, rows) {
  const body = rows.length
    ? `<table>\n<thead><tr>${head.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows
        .map((row) => `<tr>${row.map((cell, i) => `<td>${i === 0 ? `<code>${escape(cell)}</code>` : inline(cell)}</td>`).join('')}</tr>`)
        .join('\n')}\n</tbody>\n</table>`
    : '<p>None.</p>';
  return `<section>\n<h3>${escape(caption)}</h3>\n${body}\n</section>`;
}

/** The reference of one declaration as HTML. */
export function reference(d) {
  const attrs = d.attributes ?? [];
  const attrFields = new Set(attrs.map((a) => a.fieldName));
  return [
    table(
      'Attributes',
      ['attribute', 'description', 'default'],
      attrs.map((a) => [a.name, a.description ?? '', a.default && a.default !== "''" ? `\`${a.default}\`` : '']),
    ),
    table(
      'Properties and methods (JavaScript)',
      ['name', 'description'],
      (d.members ?? []).filter((m) => !attrFields.has(m.name)).map((m) => [m.kind === 'method' ? `${m.name}()` : m.name, m.description ?? '']),
    ),
    table('Events', ['event', 'when, detail'], (d.events ?? []).map((e) => [e.name, e.description ?? ''])),
    table('Slots', ['slot', 'content'], (d.slots ?? []).map((s) => [s.name || '(default)', s.description ?? ''])),
    table('Parts (::part)', ['part', 'what'], (d.cssParts ?? []).map((p) => [p.name, p.description ?? ''])),
    table('Custom properties', ['property', 'description'], (d.cssProperties ?? []).map((p) => [p.name, p.description ?? ''])),
  ].join('\n');
}
