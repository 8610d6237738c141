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
if (existsSync('build/receiver.js')) {
  const {startReceiver} = await import('./build/receiver.js');
  const receiver = await startReceiver({
    dataDir: mkdtempSync(join(tmpdir(), 'kp-receiver-')),
    port: 0,
    allowedOrigins: [origin],
    testControls: true,
    rateLimit: {max: 10_000, windowMs: 60_000},
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
    if (command === 'kp-clipboard') {
      // {grant: true} grants the clipboard to the test page's origin, {grant: false} refuses it
      // (an empty override list), {reset: true} returns to the browser's defaults. Through
      // puppeteer's permission overrides; a driver without them (Firefox) answers false.
      const page = session.browser.getPage(session.id);
      try {
        const context = page.browserContext();
        if (payload?.reset) await context.clearPermissionOverrides();
        else await context.overridePermissions(origin, payload?.grant ? ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write'] : []);
        return true;
      } catch {
        return false;
      }
    }
    if (command === 'kp-requests') {
      // Records every request of the test page from {start: true} on; the next call answers their URLs.
      const page = session.browser.getPage(session.id);
      let record = requests.get(page);
      if (record) page.off('request', record.listener);
      requests.delete(page);
      if (!payload?.start) return record?.urls ?? [];
      record = {urls: [], listener: (request) => record.urls.push(request.url())};
      requests.set(page, record);
      page.on('request', record.listener);
      return true;
    }
    return undefined;
  },
};
const requests = new WeakMap();

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
