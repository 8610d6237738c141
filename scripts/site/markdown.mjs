// How the site renders Markdown (the guides in docs/ and the element pages), added to
// Eleventy's markdown-it:
// - every ```html block becomes a live example: the markup itself (without <script> and
//   <style>, which the page's CSP would refuse and the page already loads the widgets' file),
//   rendered by the real file, followed by its code; ```html bad marks a block that shows a
//   mistake on purpose (one console.error), as in test/docs/snippets.test.ts;
// - headings get GitHub's ids, so `guide.md#a-heading` links work on GitHub and here;
// - links to a guide (`receiver.md`, `../docs/receiver.md#x`) point to its page, and the
//   README (`../README.md`) to the site's start page; links to the demo or the built file
//   (`../demo/themes/bund.css`, `../dist/custom-elements.json`; from docs/de/ `../../demo/…`)
//   to where the site serves them (from an English page one folder further up: env.root); a page
//   that shows another language's text (a guide not yet in German) links to that language's
//   guides, whose anchors its links name (env.guideFolder, e.g. `en/`).

/** GitHub's heading id: lower case, only letters, digits, `-`, `_` and spaces, spaces → `-`. */
export function slug(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
}

/** The markup of an html block as shown live: without script and style elements. */
export function liveMarkup(code) {
  return code.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '').replace(/<style\b[\s\S]*?<\/style\s*>/gi, '').trim();
}

/** The site page a relative link to a Markdown file points to, or the link unchanged. */
export function pageLink(href, root = '', guideFolder = '') {
  const served = href.match(/^(?:\.\.\/)+((?:demo|dist)\/.*)$/);
  if (served && !/\.md(#|$)/.test(href)) return `${root}../../${served[1]}`;
  const m = href.match(/^(?![a-z][\w+.-]*:|\/|#)(?:[\w.-]+\/)*([\w.-]+)\.md(#.*)?$/i);
  if (!m) return href;
  return `${guideFolder}${m[1] === 'README' ? 'index' : m[1]}.html${m[2] ?? ''}`;
}

export function siteMarkdown(md) {
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const [lang, ...flags] = tokens[idx].info.trim().split(/\s+/);
    const code = fence(tokens, idx, options, env, self);
    if (lang !== 'html') return code;
    const bad = flags.includes('bad');
    const words = env?.lang === 'de' ? 'Ein absichtlicher Fehler: Die Browserkonsole zeigt dafür eine Fehlermeldung.' : 'A mistake on purpose: the browser console shows one error for it.';
    const caption = bad ? `<figcaption>${words}</figcaption>\n` : '';
    return `<figure class="example"${bad ? ' data-bad' : ''}>\n${caption}<div class="live">\n${liveMarkup(tokens[idx].content)}\n</div>\n${code}</figure>\n`;
  };

  md.core.ruler.push('kp_heading_ids', (state) => {
    const seen = new Map();
    state.tokens.forEach((token, i) => {
      if (token.type !== 'heading_open' || token.attrGet('id')) return;
      const text = (state.tokens[i + 1].children ?? []).filter((t) => t.type === 'text' || t.type === 'code_inline').map((t) => t.content).join('');
      const base = slug(text);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      token.attrSet('id', n ? `${base}-${n}` : base);
    });
  });

  const linkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = tokens[idx].attrGet('href');
    if (href) tokens[idx].attrSet('href', pageLink(href, env?.root ?? '', env?.guideFolder ?? ''));
    return linkOpen(tokens, idx, options, env, self);
  };
}
