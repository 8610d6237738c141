// Shared by the receiver's tests (no tests of its own): temp dirs, the bin as a
// child process, HTTP submissions.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawn} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {validInterest} from '../../test/node/fixtures.mjs';

export {validInterest};
/** The built bin (receiver/dist/receiver.js). */
export const BIN = new URL('../dist/receiver.js', import.meta.url).pathname;

const dirs = [];
process.on('exit', () => {
  for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
});
/** A fresh temp dir, removed when the process exits. */
export function tempDir(prefix = 'kp-receiver-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export const newsletter = (extra = {}) => ({_form: 'newsletter', _locale: 'de', email: 'erika@example.org', consent: true, ...extra});
export const interest = (extra = {}) => ({_form: 'interest', _locale: 'en', ...validInterest(), ...extra});

/** POSTs `body` as JSON to `${url}/api/submit` with a fresh (or the given) Idempotency-Key. */
export function submit(url, body, {key = randomUUID(), headers = {}} = {}) {
  return fetch(`${url}/api/submit`, {
    method: 'POST',
    headers: {'content-type': 'application/json', ...(key ? {'idempotency-key': key} : {}), ...headers},
    body: typeof body === 'string' ? body : JSON.stringify({_submissionId: key || undefined, ...body}),
  });
}

/**
 * Runs a command of `bin` (default the built one) with DATA_DIR=dataDir; resolves with {status, stdout, stderr}.
 * Asynchronous, so that the test's own HTTP connections live on while it runs.
 */
export function run(args, {dataDir, env = {}, bin = BIN, cwd, encoding = 'utf8'} = {}) {
  const command = /\.m?js$/.test(bin) ? [process.execPath, [bin, ...args]] : [bin, args];
  const child = spawn(command[0], command[1], {
    cwd,
    env: {...process.env, ...(dataDir ? {DATA_DIR: dataDir} : {}), ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = [];
  const err = [];
  child.stdout.on('data', (chunk) => out.push(chunk));
  child.stderr.on('data', (chunk) => err.push(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      const text = (chunks) => (encoding === 'buffer' ? Buffer.concat(chunks) : Buffer.concat(chunks).toString(encoding));
      resolve({status, stdout: text(out), stderr: text(err)});
    });
  });
}

/**
 * Starts `bin serve` on a free port with DATA_DIR=dataDir; resolves once it
 * listens: {url, child, lines (stdout lines so far), exited (a promise of the exit code)}.
 */
export function serve({dataDir, env = {}, bin = BIN, cwd} = {}) {
  const command = /\.m?js$/.test(bin) ? [process.execPath, [bin, 'serve']] : [bin, ['serve']];
  const child = spawn(command[0], command[1], {
    cwd,
    env: {...process.env, PORT: '0', DATA_DIR: dataDir, ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    out += chunk;
    const parts = out.split('\n');
    out = parts.pop();
    lines.push(...parts);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start: ${err}`));
    }, 30_000);
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      err += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(err)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({url, child, lines, exited, stderr: () => err});
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
}

/** Stops a served child with SIGTERM; resolves with its exit code. */
export async function stop(served) {
  if (served.child.exitCode === null && served.child.signalCode === null) served.child.kill('SIGTERM');
  return served.exited;
}

/** Reads CSV as a spreadsheet does (RFC 4180 quoting, `sep` between cells); a leading BOM is dropped. */
export function parseCsv(text, sep = ';') {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && src[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
