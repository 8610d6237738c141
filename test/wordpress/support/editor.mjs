// A user in the block editor (wp-admin/post-new.php) in Chromium, as they
// would work: the block inserter's search, the block's settings sidebar, the
// Publish button. Works with WordPress 6.1's editor (the canvas in the page)
// and newer ones (the canvas in an iframe).
import assert from 'node:assert/strict';
import {ATTRIBUTE_REPORT} from '../../e2e/support/browser.mjs';

/**
 * A Chromium page logged in as `session`'s user (its cookies), with the errors of ours it shows (`errors`) and
 * the elements' documented reports of bad attributes (`reports`) apart.
 */
export async function editorPage({browser}, session) {
  const context = await browser.newContext({timezoneId: 'Europe/Berlin', locale: 'en-US', viewport: {width: 1400, height: 1000}});
  await context.addCookies([...session.cookies].map(([name, value]) => ({name, value, url: session.origin})));
  const page = await context.newPage();
  const errors = [];
  // Ours only: Debian's WordPress links underscore.js to /usr/share/javascript/, which the test site's copy
  // (support/site.mjs) does not serve, so backbone and wp-util throw in its editor whatever the plugin does.
  const ours = (text) => /klimapartner|kp-/i.test(text);
  page.on('pageerror', (e) => ours(String(e?.stack ?? e)) && errors.push(String(e?.stack ?? e)));
  const reports = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (ATTRIBUTE_REPORT.test(m.text())) reports.push(m.text());
    else if (ours(m.text() + (m.location()?.url ?? ''))) errors.push(m.text());
  });
  return {page, context, errors, reports};
}

/** The editor's canvas: the iframe's document (6.3+ with blocks of API version 3), else the page's. */
export async function canvas(page) {
  const frame = await page.$('iframe[name="editor-canvas"]');
  return frame ? frame.contentFrame() : page.mainFrame();
}

/** Opens a new post with the welcome guide closed. */
export async function newPost(page, origin) {
  await page.goto(`${origin}/wp-admin/post-new.php`);
  await page.waitForFunction(() => window.wp?.data?.select('core/editor')?.getCurrentPostId(), null, {timeout: 60_000});
  const guide = page.locator('.edit-post-welcome-guide, .editor-welcome-guide');
  if (await guide.isVisible({timeout: 5_000}).catch(() => false)) await page.keyboard.press('Escape');
  await guide.waitFor({state: 'hidden', timeout: 10_000});
}

/** Inserts the block titled `title` through the inserter's search. */
export async function insertBlock(page, title) {
  const search = page.locator('.block-editor-inserter__search input').first();
  if (!(await search.isVisible())) {
    await page.getByRole('button', {name: /^(Toggle block inserter|Block Inserter|Add block)$/}).first().click();
  }
  await search.fill(title);
  await page.locator('.block-editor-block-types-list__item')
    .filter({has: page.locator('.block-editor-block-types-list__item-title').getByText(title, {exact: true})}).first().click();
}

/** Opens the settings sidebar (the block's tab) if it is closed. */
export async function openSettings(page) {
  const button = page.locator('.interface-pinned-items button[aria-label="Settings"], .edit-post-header__settings button[aria-label="Settings"]').first();
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  const tab = page.getByRole('tab', {name: /^Block/}).first();
  if (await tab.isVisible().catch(() => false)) await tab.click();
}

/** Publishes (Publish, then the pre-publish panel's Publish) and returns the post's link. */
export async function publish(page) {
  await page.locator('.editor-post-publish-panel__toggle, .editor-post-publish-button__button').first().click();
  await page.locator('.editor-post-publish-panel__header-publish-button button').click();
  await page.waitForFunction(() => window.wp.data.select('core/editor').isCurrentPostPublished()
    && !window.wp.data.select('core/editor').isSavingPost(), null, {timeout: 30_000});
  const link = await page.evaluate(() => window.wp.data.select('core/editor').getPermalink());
  assert.ok(link, 'the published post has a link');
  return link;
}
