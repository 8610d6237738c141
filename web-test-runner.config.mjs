// Browser tests: Debian's Chromium and Firefox ESR, driven by puppeteer-core
// (no browser download). Both run in a fixed foreign time zone so that date
// arithmetic cannot lean on the machine's zone. The reference receiver runs
// in-process as the real endpoint for form tests (no stubbed fetch).
import {chromeLauncher} from '@web/test-runner-chrome';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import * as puppeteerCore from 'puppeteer-core';
import {CHROMIUM_FLAGS, CHROMIUM_PATH} from './scripts/chromium.mjs';
import {mkdtempSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export const TEST_TIME_ZONE = 'America/New_York';
process.env.TZ = TEST_TIME_ZONE;

const PORT = Number(process.env.KP_TEST_PORT ?? 8765);
const origin = `http://localhost:${PORT}`;

let receiverUrl = '';
if (existsSync('receiver/dist/receiver.js')) {
  const {startReceiver} = await import('./receiver/dist/receiver.js');
  const receiver = await startReceiver({
    dataDir: mkdtempSync(join(tmpdir(), 'kp-receiver-')),
    port: 0,
    allowedOrigins: [origin],
    testControls: true,
    rateLimit: {max: 10_000, windowMs: 60_000},
    // the hidden inputs the tests add, as a site names its own in EXTRA_FIELDS
    extraFields: ['listId', 'tags'],
  });
  receiverUrl = receiver.url;
  process.on('exit', () => receiver.close());
}

const chromiumFlags = [
  ...CHROMIUM_FLAGS,
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
];

const env = {...process.env, TZ: TEST_TIME_ZONE};
const only = process.env.KP_BROWSERS?.split(',');
const browsers = [
  chromeLauncher({launchOptions: {executablePath: CHROMIUM_PATH, headless: true, args: chromiumFlags, env}}),
  chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: {browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, env},
  }),
].filter((b, i) => !only || only.includes(i === 0 ? 'chromium' : 'firefox'));

/** Server commands the tests may call through executeServerCommand. */
const commandsPlugin = {
  name: 'kp-commands',
  async executeCommand({command, payload, session}) {
    if (command === 'kp-offline') {
      const page = session.browser.getPage(session.id);
      try {
        await page.setOfflineMode(Boolean(payload?.offline));
        return true;
      } catch {
        return false; // not supported by this browser's driver
      }
    }
    return undefined;
  },
};

export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/e2e/**'],
  nodeResolve: true,
  port: PORT,
  hostname: 'localhost',
  browsers,
  concurrency: 1,
  // One browser at a time: both share the one receiver and its queued faults.
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  testFramework: {config: {timeout: 10_000}},
  plugins: [esbuildPlugin({ts: true, tsconfig: 'tsconfig.json', target: 'es2022'}), commandsPlugin],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="de">
  <head><meta charset="utf-8"><script>window.KP_RECEIVER = ${JSON.stringify(receiverUrl)};</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
};
