import {defineConfig} from 'vite';
import {readFileSync} from 'node:fs';
import {msgIds} from './scripts/msg-ids.mjs';

// The browser baseline (docs/browsers.md): newer syntax (static blocks for Safari 16.0) is lowered.
const TARGET = ['chrome109', 'edge109', 'firefox115', 'safari16'];

const {version} = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * One self-contained, minified ES module: Lit, @lit/localize and all five
 * locales inside, no other chunk, and its source map beside it
 * (dist/klimapartner-widgets.js.map). `KP_ENTRY` builds a single element alone
 * (used by the size benchmark).
 *
 * No tricks that could change what a visitor reads or break silently (issues 23
 * and 25): one minifier pass (Rolldown's), no property mangling, template text
 * and CSS as written in the source. The one build step of our own is msgIds,
 * which works on the syntax tree and fails with file:line.
 */
export default defineConfig({
  define: {__KP_VERSION__: JSON.stringify(version)},
  // msgIds: msg('German text') → msg(n), and '@lit/localize' → src/shared/lit-localize.ts (scripts/msg-ids.mjs).
  plugins: [msgIds()],
  build: {
    target: TARGET,
    outDir: process.env.KP_OUT_DIR ?? 'dist',
    emptyOutDir: false,
    sourcemap: true,
    lib: {
      entry: process.env.KP_ENTRY ?? 'src/index.ts',
      formats: ['es'],
      fileName: () => process.env.KP_FILE ?? 'klimapartner-widgets.js',
    },
    rolldownOptions: {
      output: {
        codeSplitting: false,
        minify: {compress: true, mangle: true, codegen: true},
      },
    },
  },
});
