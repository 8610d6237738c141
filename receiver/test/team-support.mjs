// Shared by the team workspace's tests (issue 20): the bin with standard input, sign-in over HTTP.
import {spawn} from 'node:child_process';
import {BIN, serve, stop, tempDir} from './helpers.mjs';

export const PASSWORD = 'a long enough password';
export const HOSTILE = '<img src=x onerror=alert(1)>"\'&';

/** A real `serve` on a fresh DATA_DIR, stopped after the test; resolves with {dataDir, url}. */
export async function workspace(t, env = {}) {
  const dataDir = tempDir();
  const served = await serve({dataDir, env: {RATE_LIMIT: '1000', ...env}});
  t.after(() => stop(served));
  return {dataDir, url: served.url};
}

/** Adds an account with PASSWORD. */
export const addUser = (dataDir, email, role) => runWithInput(['user', 'add', email, '--role', role, '--password-stdin'], PASSWORD, dataDir);

/** Runs the bin with `input` on standard input; resolves with {status, stdout, stderr}. */
export function runWithInput(args, input, dataDir) {
  const child = spawn(process.execPath, [BIN, ...args], {env: {...process.env, DATA_DIR: dataDir}, stdio: ['pipe', 'pipe', 'pipe']});
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(input);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({status, stdout, stderr});
    }),
  );
}

/** POSTs form fields as a browser on `url`'s own origin does (unless headers say otherwise). */
export function post(url, path, fields, {cookie, headers = {}} = {}) {
  return fetch(url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: {'content-type': 'application/x-www-form-urlencoded', origin: url, ...(cookie ? {cookie} : {}), ...headers},
    body: new URLSearchParams(fields).toString(),
  });
}

export const get = (url, path, cookie, headers = {}) => fetch(url + path, {redirect: 'manual', headers: {...(cookie ? {cookie} : {}), ...headers}});

/** Signs in; resolves with the `name=value` of the session cookie. */
export async function signIn(url, email, password) {
  const res = await post(url, '/team/sign-in', {email, password});
  if (res.status !== 303) throw new Error(`sign-in ${email}: ${res.status}`);
  return res.headers.get('set-cookie').split(';')[0];
}

/** The CSRF token of a page. */
export const csrfOf = (html) => /name="csrf" value="([^"]+)"/.exec(html)?.[1];
