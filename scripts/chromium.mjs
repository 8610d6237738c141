// Debian's Chromium as every tool here starts it (tests, e2e suite, bench):
// never a downloaded browser, and flags that keep it quiet on a closed network.
export const CHROMIUM_PATH = process.env.KP_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox', // as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
