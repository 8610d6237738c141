// The package as an IT department installs it: `npm pack -w receiver`, then
// `npm install -g` of the tarball into an empty prefix, and the installed bin
// run from a folder outside this checkout: serve, a submission over HTTP,
// export, show, erase. Needs the npm registry (dependencies) and a C++
// toolchain or a prebuilt better-sqlite3 for this Node version.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {randomUUID} from 'node:crypto';
import {interest, parseCsv, run, serve, stop, submit, tempDir} from './helpers.mjs';

const root = new URL('../..', import.meta.url).pathname;
const npm = (args, cwd) => execFileSync('npm', args, {cwd, encoding: 'utf8', timeout: 540_000, stdio: ['ignore', 'pipe', 'pipe']});

test('the packed tarball installs with npm install -g into a clean prefix and runs without the source checkout', {timeout: 600_000}, async () => {
  const work = tempDir('kp-package-');
  npm(['pack', '-w', 'receiver', '--pack-destination', work, '--silent'], root);
  const [tarball] = readdirSync(work).filter((name) => name.endsWith('.tgz'));
  assert.match(tarball, /^klimapartner-receiver-\d+\.\d+\.\d+\.tgz$/);
  const prefix = join(work, 'prefix');
  npm(['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball)], work);
  const bin = join(prefix, 'bin', 'klimapartner-receiver');
  assert.ok(existsSync(bin));
  const installed = join(prefix, 'lib', 'node_modules', 'klimapartner-receiver');
  assert.deepEqual(readdirSync(installed).filter((n) => n !== 'node_modules').sort(), ['README.md', 'dist', 'package.json']);

  const dataDir = join(work, 'data');
  const served = await serve({bin, dataDir, cwd: work});
  try {
    const key = randomUUID();
    const res = await submit(served.url, interest(), {key});
    assert.equal(res.status, 200);
    assert.equal((await res.json()).reference, key.slice(0, 8).toUpperCase());
    assert.equal((await fetch(`${served.url}/api/health`)).status, 200);

    const csv = await run(['export', 'interest'], {bin, dataDir, cwd: work});
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(parseCsv(csv.stdout)[1][0], key.slice(0, 8).toUpperCase());
    const xlsx = await run(['export', 'interest', '--format', 'xlsx'], {bin, dataDir, cwd: work, encoding: 'buffer'});
    assert.equal(xlsx.status, 0, String(xlsx.stderr));
    assert.equal(xlsx.stdout.subarray(0, 2).toString(), 'PK');
    const shown = JSON.parse((await run(['show', interest().email], {bin, dataDir, cwd: work})).stdout);
    assert.deepEqual(shown.submissions.map((s) => s.id), [key]);
    assert.equal((await run(['erase', interest().email], {bin, dataDir, cwd: work})).stdout.trim(), '1');
    assert.equal((await run(['nonsense'], {bin, dataDir, cwd: work})).status, 2);
  } finally {
    assert.equal(await stop(served), 0);
  }
});
