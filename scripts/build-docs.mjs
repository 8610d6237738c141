// `npm run docs:build`: the documentation site as static files in site/ (gitignored), the same
// pages `npm start` serves: site/demo/ (programme page, docs/, themes/; not the receiver),
// site/dist/ (the widgets' file and custom-elements.json), site/docs/*.md (the guides), and
// site/index.html pointing to the documentation. Needs `npm run build` first. All paths in the
// pages are relative, so the folder works under any base path of any static web server.
import {cpSync, existsSync, mkdirSync, rmSync, writeFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';

const out = 'site';
const needed = ['dist/klimapartner-widgets.js', 'dist/custom-elements.json'];
const missing = needed.filter((f) => !existsSync(f));
if (missing.length) {
  console.error(`docs:build: ${missing.join(', ')} missing; run \`npm run build\` first.`);
  process.exit(1);
}
rmSync(out, {recursive: true, force: true});
mkdirSync(join(out, 'dist'), {recursive: true});
cpSync('demo', join(out, 'demo'), {recursive: true});
for (const f of needed) cpSync(f, join(out, f));
mkdirSync(join(out, 'docs'));
for (const f of readdirSync('docs')) if (f.endsWith('.md')) cpSync(join('docs', f), join(out, 'docs', f));
writeFileSync(
  join(out, 'index.html'),
  `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="refresh" content="0; url=demo/docs/">
    <title>klimapartner-widgets</title>
  </head>
  <body><p><a href="demo/docs/">Documentation</a> · <a href="demo/">Programme page (demo)</a></p></body>
</html>
`,
);
console.log(`docs:build: ${out}/ written (open ${out}/index.html through any static web server).`);
