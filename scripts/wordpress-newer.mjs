// Opt-in: runs the WordPress tests against newer WordPress releases than
// Debian 12's 6.1, so the wp_enqueue_script_module branch (6.5+) runs in a real
// WordPress too. The releases come from the npm package
// @wp-playground/wordpress-builds (about 160 MB; WordPress's PHP as zips, its
// static files apart), fetched with npm pack into .cache/ once, and unpacked
// as one tree per release.
//
//   node scripts/wordpress-newer.mjs [6.4 6.5 nightly]    (npm run test:wordpress:newer)
import AdmZip from 'adm-zip';
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, readdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const PACKAGE = '@wp-playground/wordpress-builds@0.9.19';
const cache = join(root, '.cache/wordpress-builds');
const releases = process.argv.slice(2).length ? process.argv.slice(2) : ['6.4', '6.5', 'nightly'];

mkdirSync(cache, {recursive: true});
if (!existsSync(join(cache, 'package'))) {
  console.log(`npm pack ${PACKAGE} …`);
  execFileSync('npm', ['pack', PACKAGE, '--silent'], {cwd: cache, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000});
  const tgz = readdirSync(cache).find((f) => f.endsWith('.tgz'));
  execFileSync('tar', ['xzf', tgz], {cwd: cache, timeout: 300_000});
}

let failed = false;
for (const release of releases) {
  const tree = join(cache, `wp-${release}`);
  if (!existsSync(join(tree, 'wp-settings.php'))) {
    new AdmZip(join(cache, `package/src/wordpress/wp-${release}.zip`)).extractAllTo(tree, true);
    // The zip leaves out static files (styles, fonts, images); the package has them apart.
    cpSync(join(cache, `package/public/wp-${release}`), tree, {recursive: true, force: false});
  }
  console.log(`\n== WordPress tests against wp-${release}`);
  const run = spawnSync('node', ['--test', '--test-concurrency=1', 'test/wordpress/'], {cwd: root, stdio: 'inherit',
    env: {...process.env, KP_WORDPRESS_DIR: tree}, timeout: 600_000});
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
