// WebKit from Debian's packages, driven over WebDriver (classic): WebKitGTK
// (WebKitWebDriver + MiniBrowser, under its own Xvfb: it needs a display) for
// today's WebKit, and WPE WebKit 2.38 (WPEWebDriver + cog, headless, about
// Safari 16.0) for the browser baseline's lower edge. Used by the browser
// tests (web-test-runner.config.mjs) and the end-to-end suite.
import {spawn} from 'node:child_process';
import {createServer} from 'node:net';

export const WEBKIT = {
  driver: '/usr/bin/WebKitWebDriver',
  capabilities: {
    browserName: 'MiniBrowser',
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': {binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation']},
  },
  display: true,
};
export const WPE = {
  driver: '/usr/bin/WPEWebDriver',
  capabilities: {
    'wdio:enforceWebDriverClassic': true,
    'wpe:browserOptions': {binary: '/usr/bin/cog', args: ['--automation', '--platform=headless']},
  },
  display: false,
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });

/** Rejects after `ms` with `what` (and runs `cleanup`). */
function within(ms, what, promise, cleanup = () => {}) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${what}: no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** An Xvfb on a free display number (Xvfb picks it and writes it to fd 3). */
async function startXvfb(timeout) {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await within(timeout, 'Xvfb', new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  }), () => xvfb.kill());
  return {display, stop: () => xvfb.kill()};
}

/**
 * Starts `engine`'s WebDriver on a free port (and an Xvfb if it needs a
 * display), with `env` (TZ, …) on the driver's process: the browser inherits
 * it. Resolves once the driver answers /status. `stop()` ends both.
 */
export async function startDriver(engine = WEBKIT, {env = {}, timeout = 20_000} = {}) {
  const xvfb = engine.display ? await startXvfb(timeout) : null;
  const port = await freePort();
  const driver = spawn(engine.driver, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    env: {...process.env, ...env, ...(xvfb ? {DISPLAY: xvfb.display} : {}), GDK_BACKEND: 'x11'},
  });
  const stop = () => {
    driver.kill();
    xvfb?.stop();
  };
  process.once('exit', stop);
  const url = `http://127.0.0.1:${port}`;
  await within(timeout, engine.driver, (async () => {
    for (;;) {
      if (driver.exitCode !== null) throw new Error(`${engine.driver} exited (${driver.exitCode})`);
      const ok = await fetch(`${url}/status`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  })(), stop);
  return {
    port,
    /** Options for webdriverio's `remote()` (and @web/test-runner-webdriver). */
    options: {hostname: '127.0.0.1', port, path: '/', capabilities: engine.capabilities, logLevel: 'error',
      connectionRetryTimeout: timeout, connectionRetryCount: 0},
    stop,
  };
}
