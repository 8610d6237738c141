// The site's search index (search.json, read by js/search.js): one entry per section of each
// page (the part before the first `<h2>`, then each `<h2>` with what follows), with the page's
// title, the section's heading and anchor, and its text without markup.

const decode = (s) =>
  s.replace(/&(?:#(\d+)|#x([\da-f]+)|(lt|gt|amp|quot|#39|nbsp));/gi, (_, dec, hex, name) =>
    dec ? String.fromCodePoint(+dec) : hex ? String.fromCodePoint(parseInt(hex, 16)) : {lt: '<', gt: '>', amp: '&', quot: '"', nbsp: ' '}[name] ?? "'",
  );
const plain = (html) => decode(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();

/** Entries for one page: {url, page, heading, text}; `url` carries the section's #id. */
export function sections(html, url, page) {
  const entries = [];
  const parts = html.split(/(?=<h2\b)/);
  for (const part of parts) {
    const h2 = part.match(/^<h2\b[^>]*?(?:\sid="([^"]*)")?[^>]*>([\s\S]*?)<\/h2>/);
    const text = plain(h2 ? part.slice(h2[0].length) : part);
    if (!text && !h2) continue;
    entries.push({url: h2?.[1] ? `${url}#${h2[1]}` : url, page, heading: h2 ? plain(h2[2]) : '', text});
  }
  return entries;
}

/** The index for the pages of the navigation (Eleventy collection items); `more(page)`: HTML the
 * layout adds to a page's content (an element's reference). */
export function searchIndex(items, relative, more = () => '') {
  return JSON.stringify(items.flatMap((p) => sections(p.content + more(p), relative(p.url), p.data.pageTitle)));
}
