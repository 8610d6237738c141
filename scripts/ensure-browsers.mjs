// Before the browser tests: make sure Debian's Chromium, Firefox ESR, WebKitGTK
// (its WebDriver, under Xvfb) and WPE WebKit 2.38 (the baseline's lower edge,
// headless in cog) are there. As root on Debian it installs them; otherwise it
// stops at once with the exact line to run (never a cryptic launcher error).
import {existsSync} from 'node:fs';
import {execSync} from 'node:child_process';

const needed = [
  ['chromium', '/usr/bin/chromium'],
  ['firefox-esr', '/usr/bin/firefox-esr'],
  ['webkit2gtk-driver', '/usr/bin/WebKitWebDriver'],
  ['xvfb', '/usr/bin/Xvfb'],
  ['wpewebkit-driver', '/usr/bin/WPEWebDriver'],
  ['cog', '/usr/bin/cog'],
  ['openssl', '/usr/bin/openssl'], // not a browser: the receiver's mail tests make a private CA with it
].filter(([, path]) => !existsSync(path));

if (needed.length) {
  const names = needed.map(([name]) => name).join(' ');
  const line = `apt-get update && apt-get install -y --no-install-recommends ${names}`;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && process.env.KP_NO_INSTALL !== '1';
  if (!canInstall) {
    console.error(`The browser tests need Debian's ${names}. Install them with:\n\n  sudo ${line}\n`);
    process.exit(1);
  }
  console.log(`Installing ${names} from Debian's packages …`);
  execSync(line, {stdio: 'inherit', env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'}});
}
