// Size gate for the one file a webmaster embeds (part of `npm test`, after the build).
// Fails when dist/klimapartner-widgets.js is over the limit (gzip -9), when dist/ holds
// any other .js file (a second chunk), or when the file still loads something itself
// (`import(` or a bare `from "…"` / `import "…"`), or when its source map is not beside it.
import {readFileSync, readdirSync, statSync, existsSync} from 'node:fs';
import {join, relative} from 'node:path';
import {gzipSync} from 'node:zlib';

const LIMIT = 25 * 1024; // bytes, gzip -9 (issue 23: 25,600 bytes)
const dist = 'dist';
const file = join(dist, 'klimapartner-widgets.js');
const problems = [];

if (!existsSync(file)) {
  console.error(`check-size: ${file} is missing; run \`npm run build\` first.`);
  process.exit(1);
}

const source = readFileSync(file);
const text = source.toString('utf8');
const gzip = gzipSync(source, {level: 9}).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

// The source map ships beside the file (it is not JavaScript: the .js check below ignores it).
if (!existsSync(`${file}.map`) || !text.trimEnd().endsWith('//# sourceMappingURL=klimapartner-widgets.js.map')) {
  problems.push(`${file}.map is missing or not named by the file's last line.`);
}

if (gzip > LIMIT) {
  problems.push(`${file} is ${kb(gzip)} gzip -9 (${gzip} bytes), over the limit of ${kb(LIMIT)} (${LIMIT} bytes).`);
}

function* jsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsFiles(path);
    else if (/\.(m|c)?js$/.test(name)) yield path;
  }
}
const others = [...jsFiles(dist)].filter((p) => relative(dist, p) !== 'klimapartner-widgets.js');
if (others.length) {
  problems.push(`dist/ holds other JavaScript files besides ${file} (a split chunk?): ${others.join(', ')}`);
}

if (/\bimport\s*\(/.test(text)) {
  problems.push(`${file} contains a dynamic import( ): the file must not load anything itself.`);
}
// Static imports: `from"x"`, `from 'x'`, or a side-effect `import"x"` at a statement start.
const staticImport = /(?:\bfrom\s*|(?:^|[;}\n])\s*import\s*)(["'`])([^"'`]+)\1/g;
const imports = [...text.matchAll(staticImport)].map((m) => m[2]);
if (imports.length) {
  problems.push(`${file} imports other modules: ${[...new Set(imports)].join(', ')} (must be self-contained).`);
}

if (problems.length) {
  for (const p of problems) console.error(`check-size: FAIL: ${p}`);
  process.exit(1);
}
console.log(
  `check-size: ${file} ${kb(source.length)} minified, ${kb(gzip)} gzip -9 (${gzip} bytes; limit ${kb(LIMIT)}), ` +
    `self-contained, no other .js in dist/.`,
);
