// What each WordPress test file starts and ends: the receiver, a freshly
// installed WordPress proxying /api to it (administrator logged in), Chromium.
import assert from 'node:assert/strict';
import {startWordPress} from './site.mjs';
import {startTestReceiver} from './receiver.mjs';
import {installWordPress} from './admin.mjs';
import {launchChromium} from '../../e2e/support/browser.mjs';

/** Fills `world` with {receiver, site, admin, browser} (call in `before`). */
export async function openWorld(world) {
  world.receiver = await startTestReceiver();
  world.site = await startWordPress({receiverPort: world.receiver.port});
  console.log(`WordPress ${world.site.version} at ${world.site.origin}`);
  world.admin = await installWordPress(world.site.origin);
  world.browser = await launchChromium();
}

/**
 * Closes what openWorld started; fails on any PHP notice, warning or error of
 * the plugin or the guide's snippet in WordPress's debug log (Debian's
 * WordPress 6.1 on PHP 8.2 logs deprecations of its own, which are not ours).
 */
export async function closeWorld({browser, site, receiver}) {
  await browser?.close();
  const debug = site?.debugLog() ?? '';
  await site?.close();
  await receiver?.close();
  const ours = debug.split('\n').filter((line) => /klimapartner/i.test(line));
  assert.deepEqual(ours, [], 'PHP notices, warnings or errors of ours in the debug log');
}
