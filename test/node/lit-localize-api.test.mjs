// Our sources use @lit/localize's public entry only; the one private API we need
// (`_installMsgImplementation`, for sources run without the build) stays in
// src/shared/msg-as-written.ts, which says why and what breaks if it changes.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

const ALLOWED = {'src/shared/msg-as-written.ts': ['@lit/localize/init/install.js']};
// Any path below the package, in an import, an export … from, or an import().
const DEEP = /\b(?:from|import)\s*\(?\s*['"](@lit\/localize\/[^'"]+)['"]/g;

function* sources(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && path !== join('src', 'generated')) yield* sources(path);
    else if (entry.isFile() && path.endsWith('.ts')) yield path;
  }
}

test('src/ imports @lit/localize only through its public entry, apart from the one isolated private import', () => {
  const found = {};
  for (const file of sources('src')) {
    const deep = [...readFileSync(file, 'utf8').matchAll(DEEP)].map((m) => m[1]);
    if (deep.length) found[file.split('\\').join('/')] = deep;
  }
  assert.deepEqual(found, ALLOWED);
});
