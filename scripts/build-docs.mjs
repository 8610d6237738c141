// `npm run docs:build`: the documentation site as static files in site/ (gitignored), the same
// pages `npm start` serves: site/demo/ (programme page, themes; not the receiver), site/demo/docs/
// (the documentation, built by Eleventy into build/docs/ by `npm run build`), site/dist/ (the
// widgets' file and custom-elements.json), and site/index.html pointing to the documentation.
// All paths in the pages are relative, so the folder works under any base path of any static
// web server. The start page leads to the German documentation (the default), and from there to the
// English one (demo/docs/en/).
import {cpSync, existsSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {SITE_OUT, SITE_SRC} from './site/paths.mjs';

const out = 'site';
const needed = ['dist/klimapartner-widgets.js', 'dist/custom-elements.json', join(SITE_OUT, 'index.html')];
const missing = needed.filter((f) => !existsSync(f));
if (missing.length) {
  console.error(`docs:build: ${missing.join(', ')} missing; run \`npm run build\` first.`);
  process.exit(1);
}
rmSync(out, {recursive: true, force: true});
mkdirSync(join(out, 'dist'), {recursive: true});
const skip = [join('demo', 'receiver'), SITE_SRC];
cpSync('demo', join(out, 'demo'), {recursive: true, filter: (src) => !skip.some((dir) => src.startsWith(dir))});
cpSync(SITE_OUT, join(out, 'demo', 'docs'), {recursive: true});
for (const f of needed.slice(0, 2)) cpSync(f, join(out, f));
writeFileSync(
  join(out, 'index.html'),
  `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="refresh" content="0; url=demo/docs/">
    <title>klimapartner-widgets</title>
  </head>
  <body><p><a href="demo/docs/">Dokumentation</a> · <a href="demo/docs/en/" hreflang="en" lang="en">Documentation (English)</a> · <a href="demo/">Programmseite (Demo)</a></p></body>
</html>
`,
);
console.log(`docs:build: ${out}/ written (open ${out}/index.html through any static web server).`);
