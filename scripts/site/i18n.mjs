// The site's two languages: German (the default, served at /demo/docs/) and English (at
// /demo/docs/en/). Each page has one source per language: demo/docs/de/x and demo/docs/en/x,
// the guides docs/de/x.md and docs/x.md. Here: the words of the layout (navigation, header,
// footer, the reference tables' headings), and how a URL is written relative to another page.

export const LANGUAGES = ['de', 'en'];
export const DEFAULT_LANGUAGE = 'de';

/** The folder a language's pages are written to, relative to the site's root ('' or 'en/'). */
export const folder = (lang) => (lang === DEFAULT_LANGUAGE ? '' : `${lang}/`);

/** The layout's words, by language. */
export const UI = {
  de: {
    name: 'Deutsch',
    skip: 'Zum Inhalt springen',
    programme: 'Programmseite (Demo)',
    search: 'Suche',
    go: 'Los',
    nav: 'Dokumentation',
    sections: {Start: 'Start', Elements: 'Elemente', Tools: 'Werkzeuge', Guides: 'Anleitungen'},
    languages: 'Sprache',
    footer: 'Dokumentation der klimapartner-widgets',
    source: (file) => `diese Seite ist <code>${file}</code> im Repository und im npm-Paket`,
    invented: 'Alle Namen, Nummern und Adressen auf diesen Seiten sind erfunden.',
    onlyEnglish: 'Diese Anleitung gibt es bisher nur auf Englisch.',
    reference: 'Referenz',
  },
  en: {
    name: 'English',
    skip: 'Skip to the content',
    programme: 'Programme page (demo)',
    search: 'Search',
    go: 'Go',
    nav: 'Documentation',
    sections: {Start: 'Start', Elements: 'Elements', Tools: 'Tools', Guides: 'Guides'},
    languages: 'Language',
    footer: 'klimapartner-widgets documentation',
    source: (file) => `this page is <code>${file}</code> in the repository and the npm package`,
    invented: 'All names, numbers and addresses on these pages are invented.',
    onlyEnglish: '',
    reference: 'Reference',
  },
};

/** URL `to` (a site URL such as `/en/countdown.html`) written relative to the page at URL `from`. */
export function relativeTo(to, from) {
  const target = to.replace(/\/$/, '/index.html').split('/').slice(1);
  const base = from.replace(/\/$/, '/index.html').split('/').slice(1, -1);
  let same = 0;
  while (same < base.length && same < target.length - 1 && base[same] === target[same]) same++;
  return '../'.repeat(base.length - same) + target.slice(same).join('/');
}
