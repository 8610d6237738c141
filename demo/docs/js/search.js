// Search page: finds the sections (search.json, written by the site's build) that contain every
// word of the query, title and heading matches first, and lists them with the text around the
// first match. Built with DOM nodes only (the page's CSP allows no inline markup or style).
const form = document.querySelector('form.search');
const input = document.getElementById('search-q');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const MAX = 30;

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
    status.textContent = 'Type one or more words.';
    return;
  }
  const index = await (await fetch(new URL('../search.json', import.meta.url))).json();
  const hits = [];
  for (const entry of index) {
    const title = `${entry.page} ${entry.heading}`.toLowerCase();
    const all = `${title} ${entry.text.toLowerCase()}`;
    if (!words.every((w) => all.includes(w))) continue;
    hits.push({entry, rank: words.filter((w) => title.includes(w)).length});
  }
  hits.sort((a, b) => b.rank - a.rank);
  list.append(...hits.slice(0, MAX).map((h) => item(h.entry, words)));
  status.textContent = hits.length
    ? `${hits.length} section${hits.length === 1 ? '' : 's'} found${hits.length > MAX ? `; the first ${MAX} are shown` : ''}.`
    : `Nothing found for “${query}”.`;
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
