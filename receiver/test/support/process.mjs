// Runs the receiver as its own process, as a site would: either the command
// line (`serve`, configured by the environment) or, where a test needs options
// the environment has no name for (a short retry delay, a fixed clock), the
// library's startReceiver in a small script. Both print "listening on URL"
// (serve on stderr, its stdout being the request log).
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const RECEIVER = fileURLToPath(new URL('../../dist/receiver.js', import.meta.url));

const LIBRARY = `
const {startReceiver} = await import(process.env.KP_RECEIVER);
const running = await startReceiver(JSON.parse(process.env.KP_OPTIONS));
console.log('receiver: listening on ' + running.url);
process.once('SIGTERM', () => running.close().then(() => process.exit(0)));
`;

/** Starts `serve` with `env` (added to this process's, less any SMTP_/NOTIFY_/MAIL_ variables of its own), or the library with `options`. */
export function startProcess({env = {}, options} = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SMTP_|MAIL_|NOTIFY_|PUBLIC_URL|TRUST_PROXY|NODE_EXTRA_CA_CERTS)/.test(k)));
  const args = options ? ['--input-type=module', '-e', LIBRARY] : [RECEIVER, 'serve'];
  const child = spawn(process.execPath, args, {
    env: {...base, PORT: '0', HOST: '127.0.0.1', ...env, ...(options && {KP_RECEIVER: RECEIVER, KP_OPTIONS: JSON.stringify(options)})},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`receiver did not start: ${err}`)), 15_000);
    const look = () => {
      const url = /listening on (http:\/\/\S+)/.exec(out + err)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`receiver exited with ${code}: ${err}`), {code, stderr: err}));
    });
  });
  return {
    ready,
    exited,
    get stderr() {
      return err;
    },
    /** SIGTERM; resolves with the exit code. */
    stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      return exited.finally(() => clearTimeout(timer));
    },
  };
}

/** A port that was free a moment ago (for a receiver whose PUBLIC_URL must name its own port). */
export async function freePort() {
  const {createServer} = await import('node:net');
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
