// The receiver as its own process (so that NODE_EXTRA_CA_CERTS applies), beside
// helpers.mjs's serve() for the bin: the library with options, and a free port.
import {createServer} from 'node:net';
import {serve} from '../helpers.mjs';

const LIBRARY = new URL('./library-serve.mjs', import.meta.url).pathname;

/** startReceiver(options) in a child process with `env` added; as serve() resolves. */
export const serveLibrary = (options, env = {}) => serve({dataDir: options.dataDir, bin: LIBRARY, env: {...env, KP_OPTIONS: JSON.stringify(options)}});

/** A port that was free a moment ago (for a receiver whose PUBLIC_URL must name its own port). */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
