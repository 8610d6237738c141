// Before the browser tests: make sure Debian's Chromium and Firefox ESR are
// there. As root on Debian it installs them; otherwise it stops at once with
// the exact line to run (never a cryptic launcher error).
import {existsSync} from 'node:fs';
import {execSync} from 'node:child_process';

const needed = [
  ['chromium', '/usr/bin/chromium'],
  ['firefox-esr', '/usr/bin/firefox-esr'],
  ['openssl', '/usr/bin/openssl'], // not a browser: the receiver's mail tests make a private CA with it
].filter(([, path]) => !existsSync(path));

if (needed.length) {
  const names = needed.map(([name]) => name).join(' ');
  const line = `apt-get update && apt-get install -y ${names}`;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && process.env.KP_NO_INSTALL !== '1';
  if (!canInstall) {
    console.error(`The browser tests need Debian's ${names}. Install them with:\n\n  sudo ${line}\n`);
    process.exit(1);
  }
  console.log(`Installing ${names} from Debian's packages …`);
  execSync(line, {stdio: 'inherit', env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'}});
}
