import {defineConfig} from 'vite';
import {readFileSync} from 'node:fs';
import {msgIds} from './scripts/msg-ids.mjs';

const {version} = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * The build for npm users (`npm run build:npm` → lib/klimapartner-widgets.js, the
 * package's "." export): the same module as dist/klimapartner-widgets.js, but Lit
 * stays a bare import (a peer dependency), so an app that already has Lit loads it
 * once. @lit/localize stays inside: our reentrant locale set-up must not meet an
 * app's own `configureLocalization`. Not minified (the app's bundler does that);
 * one file, no chunks. Types: dist/types/ (tsc).
 */
const LIT = /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/.*)?$/;

export default defineConfig({
  define: {__KP_VERSION__: JSON.stringify(version)},
  // msgIds: msg('German text') → msg(n), and '@lit/localize' → src/shared/lit-localize.ts (scripts/msg-ids.mjs).
  plugins: [msgIds()],
  build: {
    target: 'es2022',
    outDir: 'lib',
    emptyOutDir: true,
    sourcemap: false,
    minify: false,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'klimapartner-widgets.js',
    },
    rolldownOptions: {
      external: (id: string) => LIT.test(id),
      output: {codeSplitting: false},
    },
  },
});
