// Search page: finds the sections (search.json, written by the site's build) that contain every
// word of the query, title and heading matches first, and lists them with the text around the
// first match. Built with DOM nodes only (the page's CSP allows no inline markup or style).
// Each language has its own search page and index (search.json next to the page); the messages
// follow the page's <html lang>.
const form = document.querySelector('form.search');
const input = document.getElementById('search-q');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const MAX = 30;
const WORDS = {
  de: {
    empty: 'Bitte geben Sie ein oder mehrere Wörter ein.',
    found: (n, max) => `${n} ${n === 1 ? 'Abschnitt' : 'Abschnitte'} gefunden${n > max ? `; die ersten ${max} werden angezeigt` : ''}.`,
    none: (q) => `Nichts gefunden für „${q}“.`,
  },
  en: {
    empty: 'Type one or more words.',
    found: (n, max) => `${n} section${n === 1 ? '' : 's'} found${n > max ? `; the first ${max} are shown` : ''}.`,
    none: (q) => `Nothing found for “${q}”.`,
  },
};
const say = WORDS[document.documentElement.lang] ?? WORDS.en;

function excerpt(text, word) {
  const at = text.toLowerCase().indexOf(word);
  if (at < 0) return text.slice(0, 160) + (text.length > 160 ? ' …' : '');
  const start = Math.max(0, at - 70);
  return (start ? '… ' : '') + text.slice(start, at + 110) + (at + 110 < text.length ? ' …' : '');
}

function item(entry, words) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = entry.url;
  a.textContent = entry.heading ? `${entry.page}: ${entry.heading}` : entry.page;
  const p = document.createElement('p');
  p.textContent = excerpt(entry.text, words[0]);
  li.append(a, p);
  return li;
}

async function search(query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  list.replaceChildren();
  if (!words.length) {
    status.textContent = say.empty;
    return;
  }
  const index = await (await fetch(new URL('search.json', location.href))).json();
  const hits = [];
  for (const entry of index) {
    const title = `${entry.page} ${entry.heading}`.toLowerCase();
    const all = `${title} ${entry.text.toLowerCase()}`;
    if (!words.every((w) => all.includes(w))) continue;
    hits.push({entry, rank: words.filter((w) => title.includes(w)).length});
  }
  hits.sort((a, b) => b.rank - a.rank);
  list.append(...hits.slice(0, MAX).map((h) => item(h.entry, words)));
  status.textContent = hits.length ? say.found(hits.length, MAX) : say.none(query);
}

const query = new URLSearchParams(location.search).get('q') ?? '';
input.value = query;
status.textContent = '';
if (query) search(query);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const u = new URL(location.href);
  u.searchParams.set('q', input.value);
  history.replaceState(null, '', u);
  search(input.value);
});
