// src/shared/reactive.ts defines each property as an accessor on the prototype and needs
// class field initializers to run as assignments through it: `useDefineForClassFields: false`
// (see its doc comment). Vite, esbuild (browser tests) and tsc all read it from tsconfig.json.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';

const config = (file) =>
  JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')).compilerOptions ?? {};

test('tsconfig.json keeps useDefineForClassFields: false (reactive.ts depends on it)', () => {
  assert.equal(config('tsconfig.json').useDefineForClassFields, false);
  assert.equal(config('tsconfig.build.json').useDefineForClassFields, undefined, 'tsconfig.build.json inherits it');
});
