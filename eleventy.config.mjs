// The documentation site (Eleventy 3): one layout (demo/docs/_includes/page.njk) with the head,
// the strict CSP and the navigation; element pages, themes and the snippet builder from
// demo/docs/; the guides from docs/*.md as they are. `npm run build:docs` writes build/docs/,
// which `npm start` serves at /demo/docs/; `npm run docs:build` makes the static copy in site/.
// Reads dist/custom-elements.json, so it runs after `npm run manifest`.
import {rmSync} from 'node:fs';
import {GUIDES_DIR, SITE_OUT, SITE_SRC} from './scripts/site/paths.mjs';
import {guides} from './scripts/site/guides.mjs';
import {siteMarkdown} from './scripts/site/markdown.mjs';
import {inline, readDeclarations, reference} from './scripts/site/reference.mjs';
import {searchIndex} from './scripts/site/search-index.mjs';

/** The policy every page carries (and the widgets need no more): no inline script or style. */
const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";
/** The navigation's groups, in order; a page joins one with `section` and `nav` (its link text). */
const SECTIONS = ['Start', 'Elements', 'Tools', 'Guides'];

/** A page's URL relative to the site's folder (all pages are in one): `/` → `index.html`. */
const relative = (url) => url.replace(/^\//, '').replace(/(^|\/)$/, '$1index.html');

export default function (config) {
  config.setQuietMode(true);
  // A full build starts from an empty folder, so a renamed or removed page does not linger.
  config.on('eleventy.before', ({incremental}) => {
    if (!incremental) rmSync(SITE_OUT, {recursive: true, force: true});
  });
  config.amendLibrary('md', siteMarkdown);

  let declarations;
  const declaration = (tag) => {
    declarations ??= readDeclarations();
    const d = declarations.get(tag);
    if (!d) throw new Error(`<${tag}> is not in the Custom Elements Manifest.`);
    return d;
  };
  config.addFilter('summary', (tag) => inline(declaration(tag).description || declaration(tag).summary));
  config.addFilter('short', (tag) => inline(declaration(tag).summary || declaration(tag).description));
  config.addFilter('reference', (tag) => reference(declaration(tag)));
  config.addFilter('plain', (text) => String(text ?? '').replace(/`/g, ''));
  const referenceSection = (p) => (p.data.element ? `<h2 id="reference">Reference</h2>${reference(declaration(p.data.element))}` : '');
  config.addFilter('searchIndex', (items) => searchIndex(items, relative, referenceSection));
  config.addFilter('relative', relative);

  config.addGlobalData('layout', 'page.njk');
  config.addGlobalData('site', {csp: CSP, sections: SECTIONS});
  config.addGlobalData('eleventyComputed', {
    permalink: (data) => data.pageFile ?? `${data.page.filePathStem}.html`,
    pageTitle: (data) => data.title ?? (data.element ? `<${data.element}>` : 'klimapartner-widgets'),
  });
  config.addCollection('nav', (api) =>
    api.getAll().filter((p) => p.data.nav).sort((a, b) => (a.data.order ?? 0) - (b.data.order ?? 0)),
  );

  for (const g of guides()) {
    config.addTemplate(`${g.name}.md`, g.text, {title: g.title, nav: g.title.replace(/`/g, '').split(':')[0], section: 'Guides', order: g.order, source: g.file});
  }
  config.addWatchTarget(`${GUIDES_DIR}/*.md`);

  config.addPassthroughCopy({[`${SITE_SRC}/docs.css`]: 'docs.css', [`${SITE_SRC}/js`]: 'js', [`${SITE_SRC}/img`]: 'img'});

  return {
    dir: {input: SITE_SRC, output: SITE_OUT, includes: '_includes'},
    templateFormats: ['md', 'njk', 'html'],
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
  };
}
