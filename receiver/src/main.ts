/**
 * The reference receiver: library entry (`createReceiver`, `startReceiver`)
 * and, when run as the entry script, the command line:
 *
 *   klimapartner-receiver                    serve (env: PORT, HOST, DATA_DIR, ALLOWED_ORIGINS,
 *                                             PUBLIC_URL, TRUST_PROXY, SMTP_URL, SMTP_USER, SMTP_PASS,
 *                                             MAIL_FROM, NOTIFY_TO)
 *   klimapartner-receiver export [interest|newsletter] [--out file.csv]
 */
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {realpathSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createReceiver, type Receiver, type ReceiverOptions} from './receiver.js';
import {sendJson} from './http.js';
import {openStore} from './store.js';
import {exportCsv, type ExportForm} from './export.js';
import {mailEnv} from './mail-env.js';

export {createReceiver, type Receiver, type ReceiverOptions};

export interface RunningReceiver {
  /** `http://127.0.0.1:PORT` (the host it listens on). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on `host:port` (default 127.0.0.1:8787; port 0 picks a free one). Other paths answer 404. */
export async function startReceiver(opts: ReceiverOptions): Promise<RunningReceiver> {
  const receiver = createReceiver(opts);
  const server = createServer((req, res) => {
    if (!receiver.handle(req, res)) sendJson(res, 404, {errors: {_path: 'unknown'}});
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 8787, host, done);
  });
  const {port} = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => void receiver.close().then(done));
        server.closeAllConnections();
      }),
  };
}

function isEntryScript(): boolean {
  try {
    return !!process.argv[1] && realpathSync(resolve(process.argv[1])) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

async function cli(args: string[]): Promise<void> {
  const env = process.env;
  const dataDir = env.DATA_DIR || './data';
  if (args[0] === 'export') {
    const form = (args[1] && !args[1].startsWith('--') ? args[1] : 'interest') as ExportForm;
    if (form !== 'interest' && form !== 'newsletter') throw new Error(`unknown form "${form}": interest or newsletter`);
    const outIndex = args.indexOf('--out');
    const store = openStore(dataDir);
    const csv = exportCsv(store, form);
    store.close();
    if (outIndex >= 0 && args[outIndex + 1]) writeFileSync(args[outIndex + 1], csv);
    else process.stdout.write(csv);
    return;
  }
  if (args.length && args[0] !== 'serve') throw new Error(`unknown command "${args[0]}": serve or export`);
  const running = await startReceiver({
    dataDir,
    port: Number(env.PORT || 8787),
    host: env.HOST || undefined,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    publicUrl: env.PUBLIC_URL || undefined,
    ...mailEnv(env),
  });
  console.log(`receiver: listening on ${running.url} (data in ${resolve(dataDir)})`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (isEntryScript()) {
  cli(process.argv.slice(2)).catch((error: Error) => {
    console.error(`receiver: ${error.message}`);
    process.exit(1);
  });
}
