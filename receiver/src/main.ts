/**
 * klimapartner-receiver: the library (`createReceiver` for a server of your
 * own, `startReceiver` for a service of its own, `readConfig` for the
 * environment) and, when run as the bin, the command line (cli.ts).
 */
import {realpathSync} from 'node:fs';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {cli} from './cli.js';

export {createReceiver, referenceOf, type Receiver, type ReceiverOptions} from './receiver.js';
export {startReceiver, type RunningReceiver, type ServeOptions} from './server.js';
export {readConfig, ConfigError} from './config.js';

function isEntryScript(): boolean {
  try {
    return !!process.argv[1] && realpathSync(resolve(process.argv[1])) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryScript()) {
  cli(process.argv.slice(2)).then((code) => {
    if (code !== undefined) process.exitCode = code;
  });
}
