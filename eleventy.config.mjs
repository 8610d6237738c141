// The documentation site (Eleventy 3), in German (the default, at /demo/docs/) and English (at
// /demo/docs/en/): one layout (demo/docs/_includes/page.njk) with the head, the strict CSP, the
// navigation and the language switch; one source per page and language, laid out as Eleventy's
// i18n does it: element pages, themes, the snippet builder and the search in demo/docs/de/ and
// demo/docs/en/, the guides from docs/de/*.md and docs/*.md (a guide not yet in German shows the
// English text with a note). The words of the layout are in scripts/site/i18n.mjs.
// `npm run build:docs` writes build/docs/, which `npm start` serves at /demo/docs/; `npm run
// docs:build` makes the static copy in site/. Reads dist/custom-elements.json, so it runs after
// `npm run manifest`.
import {rmSync} from 'node:fs';
import {GUIDES_DIR, SITE_OUT, SITE_SRC} from './scripts/site/paths.mjs';
import {guides} from './scripts/site/guides.mjs';
import {DEFAULT_LANGUAGE, LANGUAGES, UI, folder, relativeTo} from './scripts/site/i18n.mjs';
import {siteMarkdown} from './scripts/site/markdown.mjs';
import {inline, localized, readDeclarations, readGerman, reference} from './scripts/site/reference.mjs';
import {searchIndex} from './scripts/site/search-index.mjs';

/** The policy every page carries (and the widgets need no more): no inline script or style. */
const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";
/** The navigation's groups, in order; a page joins one with `section` and `nav` (its link text). */
const SECTIONS = ['Start', 'Elements', 'Tools', 'Guides'];

/** A page's site URL without its language folder: `/en/countdown.html` → `/countdown.html`. */
const unprefixed = (url) => url.replace(new RegExp(`^/(?:${LANGUAGES.join('|')})/`), '/');
/** The same page's URL in language `lang`. */
const inLanguage = (url, lang) => `/${folder(lang)}${unprefixed(url).slice(1)}`;

export default function (config) {
  config.setQuietMode(true);
  // A full build starts from an empty folder, so a renamed or removed page does not linger.
  config.on('eleventy.before', ({incremental}) => {
    if (!incremental) rmSync(SITE_OUT, {recursive: true, force: true});
  });
  config.amendLibrary('md', siteMarkdown);

  let declarations;
  let german;
  const declaration = (tag, lang = 'en') => {
    declarations ??= readDeclarations();
    const d = declarations.get(tag);
    if (!d) throw new Error(`<${tag}> is not in the Custom Elements Manifest.`);
    if (lang === 'en') return d;
    german ??= readGerman();
    return localized(d, lang, german);
  };
  config.addFilter('summary', (tag, lang) => inline(declaration(tag, lang).description || declaration(tag, lang).summary));
  config.addFilter('short', (tag, lang) => inline(declaration(tag, lang).summary || declaration(tag, lang).description));
  config.addFilter('reference', (tag, lang) => reference(declaration(tag, lang), lang));
  config.addFilter('plain', (text) => String(text ?? '').replace(/`/g, ''));
  const referenceSection = (p) =>
    p.data.element ? `<h2 id="reference">${UI[p.data.lang].reference}</h2>${reference(declaration(p.data.element, p.data.lang), p.data.lang)}` : '';
  // Each language's search page reads its own index (search.json next to it).
  config.addFilter('searchIndex', (items, lang) =>
    searchIndex(
      items.filter((p) => p.data.lang === lang),
      (url) => relativeTo(url, `/${folder(lang)}search.html`),
      referenceSection,
    ),
  );
  /** `{{ p.url | relative(page.url) }}`: a site URL written relative to the page. */
  config.addFilter('relative', (to, from) => relativeTo(to, from));
  config.addFilter('folderOf', (lang) => folder(lang));
  /** The same page in another language, relative to this page. */
  config.addFilter('inLanguage', (url, lang) => relativeTo(inLanguage(url, lang), url));

  config.addGlobalData('layout', 'page.njk');
  config.addGlobalData('site', {csp: CSP, sections: SECTIONS, languages: LANGUAGES, ui: UI});
  config.addGlobalData('eleventyComputed', {
    lang: (data) => data.lang ?? DEFAULT_LANGUAGE,
    permalink: (data) => {
      const lang = data.lang ?? DEFAULT_LANGUAGE;
      const stem = data.page.filePathStem.replace(new RegExp(`^/${lang}/`), '/');
      return `${folder(lang)}${data.pageFile ?? `${stem.slice(1)}.html`}`;
    },
    /** The way up from the page to the site's root folder ('' or '../'), for the markdown links. */
    root: (data) => '../'.repeat(folder(data.lang ?? DEFAULT_LANGUAGE).split('/').length - 1),
    pageTitle: (data) => data.title ?? (data.element ? `<${data.element}>` : 'klimapartner-widgets'),
  });
  config.addCollection('nav', (api) =>
    api.getAll().filter((p) => p.data.nav).sort((a, b) => (a.data.order ?? 0) - (b.data.order ?? 0)),
  );

  for (const g of guides()) {
    const nav = (title) => title.replace(/`/g, '').split(':')[0];
    const common = {section: 'Guides', order: g.order};
    config.addTemplate(`en/${g.name}.md`, g.text, {...common, lang: 'en', title: g.title, nav: nav(g.title), source: g.file});
    // Not yet in German: the English text under a German note, marked as English for screen readers.
    config.addTemplate(`de/${g.name}.md`, g.german ?? g.text, {
      ...common,
      lang: 'de',
      title: g.deTitle,
      nav: nav(g.deTitle),
      source: g.german ? g.deFile : g.file,
      contentLang: g.german ? undefined : 'en',
      notice: g.german ? undefined : UI.de.onlyEnglish,
      guideFolder: g.german ? undefined : folder('en'),
    });
  }
  config.addWatchTarget(`${GUIDES_DIR}/*.md`);
  config.addWatchTarget(`${GUIDES_DIR}/de/*.md`);

  config.addPassthroughCopy({[`${SITE_SRC}/docs.css`]: 'docs.css', [`${SITE_SRC}/js`]: 'js', [`${SITE_SRC}/img`]: 'img'});

  return {
    dir: {input: SITE_SRC, output: SITE_OUT, includes: '_includes'},
    templateFormats: ['md', 'njk', 'html'],
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
  };
}
