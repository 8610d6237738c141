// The library's startReceiver as a process of its own, for tests that need
// options the environment has no name for (a short retry delay): options as
// JSON in KP_OPTIONS. Started like the bin by helpers.mjs's serve({bin}).
// (`node --test receiver/test/` also runs it, as a file under test/: without KP_OPTIONS it does nothing.)
import {startReceiver} from '../../dist/receiver.js';

if (process.env.KP_OPTIONS) {
  const running = await startReceiver(JSON.parse(process.env.KP_OPTIONS));
  console.error(`receiver (library): listening on ${running.url}`);
  process.once('SIGTERM', () => void running.close().then(() => process.exit(0)));
}
