// Browser tests: Debian's Chromium and Firefox ESR, driven by puppeteer-core,
// and Debian's WebKitGTK over WebDriver (scripts/webkit.mjs; no browser
// download). `KP_BROWSERS=chromium,firefox,webkit` picks some. All run in a fixed foreign time zone so that date
// arithmetic cannot lean on the machine's zone. The reference receiver runs
// in-process as the real endpoint for form tests (no stubbed fetch).
import {chromeLauncher} from '@web/test-runner-chrome';
import {WebdriverLauncher} from '@web/test-runner-webdriver';
import {startDriver, WEBKIT} from './scripts/webkit.mjs';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import * as puppeteerCore from 'puppeteer-core';
import {CHROMIUM_FLAGS, CHROMIUM_PATH} from './scripts/chromium.mjs';
import {siteFile} from './scripts/site/paths.mjs';
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

/**
 * WebKitGTK through WebKitWebDriver, started (with its own Xvfb and the test
 * time zone) when the runner starts. Its driver drops a key-down for a key
 * already held, so typed text goes one character per action.
 */
class WebKitLauncher extends WebdriverLauncher {
  #driver;
  constructor() {
    super({capabilities: WEBKIT.capabilities});
  }
  async initialize(config) {
    this.#driver = await startDriver(WEBKIT, {env: {TZ: TEST_TIME_ZONE}});
    Object.assign(this.options, this.#driver.options);
    await super.initialize(config);
    this.name = 'WebKit';
  }
  async stop() {
    await super.stop();
    this.#driver?.stop();
  }
  async sendKeys(id, keys) {
    for (const key of keys) await super.sendKeys(id, [key]);
  }
}

const launchers = {
  chromium: () => chromeLauncher({launchOptions: {executablePath: CHROMIUM_PATH, headless: true, args: chromiumFlags, env}}),
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, env},
    }),
  webkit: () => new WebKitLauncher(),
};
const only = process.env.KP_BROWSERS?.split(',') ?? Object.keys(launchers);
const browsers = Object.entries(launchers).filter(([name]) => only.includes(name)).map(([, launch]) => launch());

/** Server commands the tests may call through executeServerCommand. */
const commandsPlugin = {
  name: 'kp-commands',
  async executeCommand({command, payload, session}) {
    if (command === 'kp-offline') {
      try {
        const page = session.browser.getPage(session.id);
        await page.setOfflineMode(Boolean(payload?.offline));
        return true;
      } catch {
        return false; // not supported by this browser's driver
      }
    }
    if (command === 'kp-heap') {
      // Chromium only (DevTools protocol): a full garbage collection, then {bytes} of JS heap in use;
      // elsewhere {bytes: null} (a bare null would read as an unknown command).
      if (!/chrom/i.test(session.browser.name) || typeof session.browser.getPage !== 'function') return {bytes: null};
      try {
        const page = session.browser.getPage(session.id);
        const cdp = await page.createCDPSession();
        await cdp.send('HeapProfiler.collectGarbage');
        const {usedSize} = await cdp.send('Runtime.getHeapUsage');
        await cdp.detach();
        return {bytes: usedSize};
      } catch {
        return {bytes: null};
      }
    }
    if (command === 'kp-clipboard') {
      // {grant: true} grants the clipboard to the test page's origin, {grant: false} refuses it
      // (an empty override list), {reset: true} returns to the browser's defaults. Through
      // puppeteer's permission overrides; a driver without them (Firefox) answers false.
      if (typeof session.browser.getPage !== 'function') return false;
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
      // A driver without puppeteer's page (WebKit through WebDriver) answers false.
      if (typeof session.browser.getPage !== 'function') return false;
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

/** The documentation site at /demo/docs/ from where Eleventy built it, as `npm start` serves it. */
function documentationSite(ctx, next) {
  const file = siteFile(ctx.path.endsWith('/') ? `${ctx.path}index.html` : ctx.path);
  if (file) ctx.path = `/${file}`;
  return next();
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/e2e/**'],
  nodeResolve: true,
  port: PORT,
  hostname: 'localhost',
  browsers,
  concurrency: 1,
  // One browser at a time: all share the one receiver and its queued faults.
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  testFramework: {config: {timeout: 10_000}},
  middleware: [documentationSite],
  plugins: [esbuildPlugin({ts: true, tsconfig: 'tsconfig.json', target: 'es2022'}), commandsPlugin],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="de">
  <head><meta charset="utf-8"><script>window.KP_RECEIVER = ${JSON.stringify(receiverUrl)};</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
};
