// Where the documentation site is built and where it is served. One place, read by the
// Eleventy config, the demo server (`npm start`), web-test-runner and `npm run docs:build`.
import {join} from 'node:path';

/** The site's sources: layout, element pages, themes, builder, CSS, scripts, images. */
export const SITE_SRC = 'demo/docs';
/** The guides (Markdown, the source of their pages; shipped in the npm package). */
export const GUIDES_DIR = 'docs';
/** Eleventy's output (gitignored, as all of build/). */
export const SITE_OUT = 'build/docs';
/** The URL path the site is served under, by `npm start` and in the tests. */
export const SITE_URL = '/demo/docs/';

/** The file under SITE_OUT for a URL path under SITE_URL, or null for any other path. */
export function siteFile(urlPath) {
  if (!urlPath.startsWith(SITE_URL)) return null;
  return join(SITE_OUT, urlPath.slice(SITE_URL.length));
}
