// WordPress without the plugin, as docs/embedding.md tells an administrator:
// the file copied to wp-content/uploads/klimapartner/, the guide's PHP block
// as a must-use plugin (with its version guard), the tags in a Custom HTML
// block and, one a line, in the classic editor. Also what the guide says of
// the media library (no .js) and of authors (their tags are removed).
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {chownSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {prepareMachine} from './support/site.mjs';
import {closeWorld, openWorld} from './support/world.mjs';
import {addUser} from './support/admin.mjs';
import {checkPage} from './support/visit.mjs';
import {LABEL, byHandBlockPost, byHandClassicPost, fallbacks} from './content.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const DIST = join(root, 'dist/klimapartner-widgets.js');

/** The guide's by-hand PHP block: the ```php block after the `tested: test/wordpress/by-hand.test.mjs` note. */
export function guideSnippet() {
  const doc = readFileSync(join(root, 'docs/embedding.md'), 'utf8');
  const m = /<!-- tested: test\/wordpress\/by-hand\.test\.mjs[^>]*-->\s*\n( *)```php\n([\s\S]*?)\n *```/.exec(doc);
  if (!m) throw new Error('docs/embedding.md: no PHP block marked as tested by by-hand.test.mjs');
  return m[2].split('\n').map((line) => line.slice(m[1].length)).join('\n') + '\n';
}

let skip = prepareMachine();
if (!skip && !existsSync(DIST)) skip = 'no dist/klimapartner-widgets.js: run npm run build first';

describe('WordPress by hand, as the guide says', {skip, timeout: 240_000}, () => {
  const world = {};

  before(async () => {
    await openWorld(world);
    const content = join(world.site.docroot, 'wp-content');
    const owner = (path) => process.getuid() === 0 && chownSync(path, 33, 33); // www-data, as the rest of the site
    for (const dir of ['mu-plugins', 'uploads/klimapartner']) {
      mkdirSync(join(content, dir), {recursive: true});
      owner(join(content, dir));
    }
    copyFileSync(DIST, join(content, 'uploads/klimapartner/klimapartner-widgets.js'));
    writeFileSync(join(content, 'mu-plugins/klimapartner-widgets.php'), guideSnippet());
  }, {timeout: 120_000});

  after(() => closeWorld(world));

  test('the media library refuses the .js file, for an administrator too', {timeout: 30_000}, async () => {
    const res = await world.admin.request('/?rest_route=/wp/v2/media', {method: 'POST', body: readFileSync(DIST),
      headers: {'Content-Type': 'text/javascript', 'Content-Disposition': 'attachment; filename="klimapartner-widgets.js"',
        'X-WP-Nonce': world.admin.nonce}});
    const answer = await res.json();
    assert.ok(res.status >= 400, `refused: ${res.status}`);
    assert.match(answer.message, /not allowed to upload this file type/);
  });

  for (const [format, write, inParagraph] of [['block', byHandBlockPost, false], ['classic', byHandClassicPost, true]]) {
    test(`an administrator's ${format}-editor page with the tags: every widget, both forms sent once`, {timeout: 60_000},
      async () => {
        const id = `by-hand-${format}`;
        const post = await world.admin.rest('/wp/v2/posts', {method: 'POST',
          body: {title: `By hand ${format}`, content: write(id), status: 'publish'}});
        await checkPage(world, {id, url: post.link, texts: fallbacks(id), label: LABEL, inParagraph});
      });
  }

  test("an author's tags are removed on saving: only the fallback remains", {timeout: 30_000}, async () => {
    const author = await addUser(world.admin, 'author2', 'author');
    const post = await author.rest('/wp/v2/posts', {method: 'POST',
      body: {title: 'By hand, author', content: byHandBlockPost('by-hand-author'), status: 'publish'}});
    assert.doesNotMatch(post.content.raw, /<kp-/);
    assert.ok(post.content.raw.includes(fallbacks('by-hand-author')['kp-countdown']));
  });

  test('a page without widgets does not load the file', {timeout: 30_000}, async () => {
    const html = await (await fetch(`${world.site.origin}/?p=1`)).text();
    assert.match(html, /Hello world!/);
    assert.doesNotMatch(html, /klimapartner-widgets\.js/);
  });
});
