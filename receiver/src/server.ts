/**
 * The HTTP service around the receiver: listens, answers 404 for other paths,
 * logs one line per request (log.ts) when asked to, and closes gracefully:
 * no new connections, requests in flight finish (up to `graceMs`), then the
 * database closes.
 */
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createReceiver, type Receiver, type ReceiverOptions} from './receiver.js';
import {sendJson} from './http.js';
import {logRequest, type LogLine} from './log.js';

export interface ServeOptions extends ReceiverOptions {
  /** Where the request log lines go; default none. */
  log?: LogLine;
  /** How long close() waits for requests in flight; default 10 s. */
  graceMs?: number;
}

export interface RunningReceiver {
  /** `http://127.0.0.1:PORT` (the host it listens on). */
  url: string;
  port: number;
  receiver: Receiver;
  /** Stops accepting, lets requests in flight finish, closes the database. */
  close(): Promise<void>;
}

/** Listens on `host:port` (default 127.0.0.1:8787; port 0 picks a free one). Other paths answer 404. */
export async function startReceiver(opts: ServeOptions): Promise<RunningReceiver> {
  const receiver = createReceiver(opts);
  const server = createServer((req, res) => {
    try {
      if (opts.log) logRequest(req, res, opts.log);
      if (!receiver.handle(req, res)) sendJson(res, 404, {errors: {_path: 'unknown'}});
    } catch (error) {
      // The last catch-all: whatever a request does, it gets an answer and the service keeps serving.
      console.error('receiver:', error);
      try {
        sendJson(res, 500, {errors: {_server: 'error'}});
      } catch {
        res.destroy(); // not even an answer could be written
      }
    }
  });
  // A request line or header Node cannot parse: 400 and close, as Node does by default, but never an exit.
  server.on('clientError', (error, socket) => {
    if (socket.writable && !(error as NodeJS.ErrnoException).code?.startsWith('ECONN')) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    } else socket.destroy();
  });
  const host = opts.host ?? '127.0.0.1';
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(opts.port ?? 8787, host, done);
    });
  } catch (error) {
    await receiver.close();
    throw error;
  }
  const {port} = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${port}`,
    port,
    receiver,
    close: () =>
      (closing ??= new Promise<void>((done) => {
        const force = setTimeout(() => server.closeAllConnections(), opts.graceMs ?? 10_000);
        server.close(() => {
          clearTimeout(force);
          void receiver.close().then(done);
        });
        server.closeIdleConnections();
      })),
  };
}
