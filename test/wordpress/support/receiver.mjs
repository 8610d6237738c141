// The reference receiver (the workspace package receiver/, built by npm run
// build) behind the WordPress site's /api: Apache proxies to it.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** Starts the built receiver (npm run build) on 127.0.0.1:free port, test controls on. */
export async function startTestReceiver() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-wp-receiver-'));
  const {startReceiver} = await import(join(root, 'receiver/dist/receiver.js'));
  const running = await startReceiver({dataDir, port: 0, basePath: '/api', testControls: true,
    rateLimit: {max: 100_000, windowMs: 60_000}});
  return {
    url: running.url,
    port: running.port,
    /** Every stored submission: [{id, form, locale, data}]. */
    submissions: async () => (await fetch(`${running.url}/api/__test/submissions`)).json(),
    async close() {
      await running.close();
      rmSync(dataDir, {recursive: true, force: true});
    },
  };
}
