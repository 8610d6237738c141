// The documentation site's script (loaded before the widgets' file, so it sees the examples'
// markup as written). 1. Under each live example, its HTML as code. 2. Each element's reference,
// read from the Custom Elements Manifest (dist/custom-elements.json, `npm run manifest`), so it
// never says more or less than the JSDoc in src/.
const MANIFEST = new URL('../../../dist/custom-elements.json', import.meta.url);

/** `a `code` b` → text and <code> nodes (no HTML is parsed). */
function inline(text) {
  const frag = document.createDocumentFragment();
  String(text ?? '')
    .split('`')
    .forEach((piece, i) => {
      if (i % 2) {
        const code = document.createElement('code');
        code.textContent = piece;
        frag.append(code);
      } else frag.append(piece);
    });
  return frag;
}

function dedent(text) {
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function showExampleCode() {
  for (const live of document.querySelectorAll('.example > .live')) {
    const pre = document.createElement('pre');
    const code = document.createElement('code');
    code.textContent = dedent(live.innerHTML).replace(/=""/g, '');
    pre.append(code);
    live.after(pre);
  }
}

function table(caption, head, rows) {
  const section = document.createElement('section');
  const h = document.createElement('h3');
  h.textContent = caption;
  section.append(h);
  if (!rows.length) {
    const p = document.createElement('p');
    p.textContent = 'None.';
    section.append(p);
    return section;
  }
  const t = document.createElement('table');
  const tr = t.createTHead().insertRow();
  for (const c of head) {
    const th = document.createElement('th');
    th.textContent = c;
    tr.append(th);
  }
  const body = t.createTBody();
  for (const row of rows) {
    const r = body.insertRow();
    row.forEach((cell, i) => {
      const td = r.insertCell();
      if (i === 0) {
        const code = document.createElement('code');
        code.textContent = cell;
        td.append(code);
      } else td.append(inline(cell));
    });
  }
  section.append(t);
  return section;
}

function reference(d) {
  const frag = document.createDocumentFragment();
  const attrs = d.attributes ?? [];
  const attrFields = new Set(attrs.map((a) => a.fieldName));
  frag.append(
    table(
      'Attributes',
      ['attribute', 'description', 'default'],
      attrs.map((a) => [a.name, a.description ?? '', a.default && a.default !== "''" ? `\`${a.default}\`` : '']),
    ),
    table(
      'Properties and methods (JavaScript)',
      ['name', 'description'],
      (d.members ?? [])
        .filter((m) => !attrFields.has(m.name))
        .map((m) => [m.kind === 'method' ? `${m.name}()` : m.name, m.description ?? '']),
    ),
    table('Events', ['event', 'when, detail'], (d.events ?? []).map((e) => [e.name, e.description ?? ''])),
    table('Slots', ['slot', 'content'], (d.slots ?? []).map((s) => [s.name || '(default)', s.description ?? ''])),
    table('Parts (::part)', ['part', 'what'], (d.cssParts ?? []).map((p) => [p.name, p.description ?? ''])),
    table('Custom properties', ['property', 'description'], (d.cssProperties ?? []).map((p) => [p.name, p.description ?? ''])),
  );
  return frag;
}

async function showReference() {
  const targets = document.querySelectorAll('[data-api]');
  if (!targets.length) return;
  let manifest;
  try {
    const response = await fetch(MANIFEST);
    if (!response.ok) throw new Error(`${response.status}`);
    manifest = await response.json();
  } catch (error) {
    for (const t of targets) t.textContent = `The reference could not be loaded (dist/custom-elements.json: ${error.message}; run npm run build).`;
    return;
  }
  const byTag = new Map();
  for (const mod of manifest.modules) for (const d of mod.declarations ?? []) if (d.tagName) byTag.set(d.tagName, d);
  for (const t of targets) {
    const d = byTag.get(t.dataset.api);
    if (!d) {
      t.textContent = `<${t.dataset.api}> is not in the manifest.`;
      continue;
    }
    t.replaceChildren(reference(d));
    const summary = document.querySelector(`[data-summary="${t.dataset.api}"]`);
    if (summary) summary.replaceChildren(inline(d.description || d.summary));
  }
  document.documentElement.dataset.reference = 'ready';
}

showExampleCode();
showReference();
