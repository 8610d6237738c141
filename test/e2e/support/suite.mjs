// What the Chromium e2e files share: the CMS-like host server and one browser
// for the whole file.
import {startHost} from './server.mjs';
import {launchChromium} from './browser.mjs';

/** Starts the host and Chromium for a test file (call in `before`). */
export async function openSuite() {
  const host = await startHost();
  const browser = await launchChromium();
  return {host, browser};
}

/** Closes what openSuite started (call in `after`; either may be missing if `before` failed). */
export async function closeSuite(host, browser) {
  await browser?.close();
  await host?.close();
}
