// The plugin's PHP: every file parses (php -l), and the coding-standard check
// of wordpress/phpcs.xml passes (WordPress's own WPCS is Composer-only; the
// ruleset says which of its rules Debian's PHP_CodeSniffer can check).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {prepareMachine} from './support/site.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const plugin = join(root, 'wordpress/klimapartner-widgets');
const skip = prepareMachine();
const files = readdirSync(plugin, {recursive: true}).map(String).filter((f) => f.endsWith('.php'));

test('every PHP file of the plugin parses (php -l)', {skip, timeout: 60_000}, () => {
  assert.ok(files.length >= 5);
  for (const file of files) {
    const run = spawnSync('php', ['-l', join(plugin, file)], {encoding: 'utf8', timeout: 20_000});
    assert.equal(run.status, 0, `${file}: ${run.stdout}${run.stderr}`);
  }
});

test('the plugin passes the coding-standard check (phpcs, wordpress/phpcs.xml)', {skip, timeout: 60_000}, () => {
  const run = spawnSync('phpcs', ['--standard=phpcs.xml', '-s', '--report=full'], {cwd: join(root, 'wordpress'),
    encoding: 'utf8', timeout: 50_000});
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
