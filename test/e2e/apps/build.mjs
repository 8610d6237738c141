// Builds the React 19 and the Vue 3 app with Vite (once per e2e run), each
// importing the widgets as a bundler does: 'klimapartner-widgets' is the npm
// build (lib/, made by `npm run build`).
import {build} from 'vite';
import vue from '@vitejs/plugin-vue';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const lib = resolve(here, '../../../lib/klimapartner-widgets.js');

/** Builds both apps under `outDir` (`react/`, `vue/`), served at `/apps/<name>/`. */
export async function buildApps(outDir) {
  const common = (name) => ({
    root: join(here, name),
    base: `/apps/${name}/`,
    configFile: false,
    logLevel: 'warn',
    resolve: {alias: {'klimapartner-widgets': lib}},
    build: {outDir: join(outDir, name), emptyOutDir: true, target: 'es2022'},
  });
  // React without its Vite plugin: JSX through Vite's own transform (automatic runtime).
  await build({...common('react'), oxc: {jsx: {runtime: 'automatic', importSource: 'react'}}});
  await build({
    ...common('vue'),
    plugins: [vue({template: {compilerOptions: {isCustomElement: (tag) => tag.startsWith('kp-')}}})],
  });
  return {react: join(outDir, 'react'), vue: join(outDir, 'vue')};
}
