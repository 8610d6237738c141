// The documentation site's Markdown helpers (scripts/site/markdown.mjs): heading ids as GitHub
// makes them (links between guides work on GitHub and on the site alike), links to guides
// turned into links to their pages, and the live copy of an html block.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {liveMarkup, pageLink, slug} from '../../scripts/site/markdown.mjs';

test('heading ids as GitHub makes them', () => {
  assert.equal(slug('<kp-newsletter-signup>'), 'kp-newsletter-signup');
  assert.equal(slug('Self-hosting the file (no CDN)'), 'self-hosting-the-file-no-cdn');
  assert.equal(slug('3. Your own backend: the receiver protocol'), '3-your-own-backend-the-receiver-protocol');
  assert.equal(slug('What is stored where, and for how long'), 'what-is-stored-where-and-for-how-long');
  assert.equal(slug('Größe & Übersetzung'), 'größe--übersetzung');
});

test('links to guides become links to their pages; others stay', () => {
  assert.equal(pageLink('receiver.md'), 'receiver.html');
  assert.equal(pageLink('./receiver.md#3-your-own-backend'), 'receiver.html#3-your-own-backend');
  assert.equal(pageLink('../docs/forms.md#drafts'), 'forms.html#drafts');
  assert.equal(pageLink('../README.md'), 'index.html');
  assert.equal(pageLink('../demo/themes/bund.css'), '../../demo/themes/bund.css');
  assert.equal(pageLink('../dist/custom-elements.json'), '../../dist/custom-elements.json');
  assert.equal(pageLink('https://example.org/x.md'), 'https://example.org/x.md');
  assert.equal(pageLink('/x.md'), '/x.md');
  assert.equal(pageLink('#local'), '#local');
});

test('from an English page the built files are one folder further up; a page showing English text links to the English guides', () => {
  assert.equal(pageLink('../demo/themes/bund.css', '../'), '../../../demo/themes/bund.css');
  assert.equal(pageLink('../../demo/themes/bund.css'), '../../demo/themes/bund.css');
  assert.equal(pageLink('forms.md#drafts', '', 'en/'), 'en/forms.html#drafts');
  assert.equal(pageLink('#local', '', 'en/'), '#local');
});

test('the live copy of an html block leaves out script and style elements', () => {
  const code = '<script type="module" src="/x.js"></script>\n<kp-countdown deadline="2027-03-31"></kp-countdown>\n<style>p{color:red}</style>\n<SCRIPT>alert(1)</SCRIPT >';
  assert.equal(liveMarkup(code), '<kp-countdown deadline="2027-03-31"></kp-countdown>');
});
