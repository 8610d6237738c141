import {defineConfig} from 'vite';
import {readFileSync} from 'node:fs';
import {msgIds} from './scripts/msg-ids.mjs';
import {minifyTemplates, stripPureAnnotations, terserPass} from './scripts/minify-templates.mjs';

/**
 * Members of our own classes and objects that no page, framework or test of the
 * built file reaches: KpElement's and KpForm's protected helpers, and the fields of
 * internal objects (the ticker's subscribers, Deadline, Phone, the countdown's Words,
 * a calendar entry). The minifier shortens them as it does `#private` ones. Only
 * unquoted uses are renamed, so none of these may be read by its name as a string
 * (`changed.has('…')`, a reactive property) or by code outside this file.
 */
const INTERNAL = [
  ...['reportAttribute', 'values_', 'defaults_', 'submitLabel', 'sentText', 'privacyLink', 'fields', 'field', 'kind'],
  ...['wantsSeconds', 'wakeAt', 'uidSeed', 'instant', 'zone', 'e164', 'dash', 'digits', 'formats', 'texts'],
  // internal state (reactive, but never read by name as a string)
  ...['said', 'paused', 'announcement', 'photoFailed', 'invalid', 'locale', 'intl'],
];

// The browser baseline (docs/browsers.md): newer syntax (static blocks for Safari 16.0) is lowered.
const TARGET = ['chrome109', 'edge109', 'firefox115', 'safari16'];

const {version} = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * One self-contained, minified ES module: Lit, @lit/localize and all five
 * locales inside, no other chunk. `KP_ENTRY` builds a single element alone
 * (used by the size benchmark).
 */
export default defineConfig({
  define: {__KP_VERSION__: JSON.stringify(version)},
  // msgIds: msg('German text') → msg(n), and '@lit/localize' → src/shared/lit-localize.ts (scripts/msg-ids.mjs).
  plugins: [msgIds(), minifyTemplates(), stripPureAnnotations(), terserPass(TARGET)],
  build: {
    target: TARGET,
    outDir: process.env.KP_OUT_DIR ?? 'dist',
    emptyOutDir: false,
    sourcemap: false,
    lib: {
      entry: process.env.KP_ENTRY ?? 'src/index.ts',
      formats: ['es'],
      fileName: () => process.env.KP_FILE ?? 'klimapartner-widgets.js',
    },
    rolldownOptions: {
      output: {
        codeSplitting: false,
        minify: {compress: true, mangle: true, codegen: true, mangleProps: {include: new RegExp(`^(${INTERNAL.join('|')})$`)}},
      },
    },
  },
});
