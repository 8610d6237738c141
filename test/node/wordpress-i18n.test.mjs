// The WordPress plugin's German: every string its PHP passes to WordPress's
// i18n functions is translated in languages/klimapartner-widgets-de_DE.po and
// -de_DE_formal.po ("du" and "Sie"), and the checker that the build runs
// (scripts/wordpress-i18n.mjs) finds what it must find.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import gettextParser from 'gettext-parser';
import {moFile, pluginStrings, potText, scriptTranslations, translationProblems} from '../../scripts/wordpress-i18n.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const plugin = join(root, 'wordpress/klimapartner-widgets');
const LOCALES = ['de_DE', 'de_DE_formal'];
const po = (locale) => readFileSync(join(plugin, `languages/klimapartner-widgets-${locale}.po`), 'utf8');
/** msgid => German of a locale's compiled .mo, as WordPress reads it. */
const german = (locale) => {
  const {translations} = gettextParser.mo.parse(moFile(po(locale)));
  return new Map(Object.values(translations['']).filter((t) => t.msgid).map((t) => [t.msgid, t.msgstr[0]]));
};

test('every string of the plugin is in its text domain and translated in de_DE and de_DE_formal', () => {
  const {strings, problems} = pluginStrings(plugin);
  assert.deepEqual(problems, []);
  assert.ok(strings.size >= 19, `${strings.size} strings found`);
  for (const locale of LOCALES) assert.deepEqual(translationProblems(strings, po(locale), locale), [], locale);
});

test('the settings page, its notices and the plugin header are among them, in German in the .mo', () => {
  const {strings} = pluginStrings(plugin);
  const deadline = [...strings.values()].find((s) => s.msgid.startsWith('Not saved: “%s” is not a date'));
  assert.deepEqual(deadline?.comments, ['translators: %s: the deadline as typed']);
  assert.match(deadline.references[0], /^includes\/settings\.php:\d+$/);
  for (const locale of LOCALES) {
    const de = german(locale);
    assert.equal(de.get('Receiver URL of the forms'), 'Empfänger-URL der Formulare');
    assert.equal(de.get('Save Changes'), 'Änderungen speichern');
    assert.match(de.get(deadline.msgid), /^Nicht gespeichert: „%s“ ist kein Datum wie 2027-03-31/);
    assert.match(de.get([...strings.values()].find((s) => s.comments.includes('Description of the plugin')).msgid),
      /^Countdown, Kontaktkarte, .* Kurzcodes, Block-Vorlagen/);
  }
});

test('the blocks\' titles (block.json, in WordPress\'s contexts) and the editor script\'s strings are German, and the script\'s JSON holds its strings only', () => {
  const {strings} = pluginStrings(plugin);
  const countdown = strings.get('block title\u0004Countdown');
  assert.deepEqual(countdown?.references, ['blocks/countdown/block.json']);
  assert.ok(strings.has('block description\u0004A contact person with phone, e-mail and a vCard to download.'));
  assert.ok(strings.get('\u0004Deadline')?.references.some((r) => /^blocks\/index\.js:\d+$/.test(r)));
  for (const locale of LOCALES) {
    const json = JSON.parse(scriptTranslations(strings, po(locale), 'blocks/index.js'));
    const messages = json.locale_data.messages;
    assert.equal(messages[''].lang, locale === 'de_DE' ? 'de_DE' : 'de_DE@formal');
    assert.deepEqual(messages.Deadline, ['Frist']);
    assert.deepEqual(messages['Text for visitors without JavaScript:'], ['Text für Besucher ohne JavaScript:']);
    assert.equal(messages['Receiver URL of the forms'], undefined, 'a string of the PHP only is not in the script\'s JSON');
  }
});

test('de_DE says "du", de_DE_formal "Sie", and they differ only there', () => {
  const [du, sie] = LOCALES.map(german);
  assert.deepEqual([...du.keys()], [...sie.keys()]);
  let differ = 0;
  for (const [msgid, informal] of du) {
    const formal = sie.get(msgid);
    assert.doesNotMatch(informal, /\b(Sie|Ihnen|Ihr\w*)\b/, `de_DE: ${informal}`);
    assert.doesNotMatch(formal, /\b(du|dich|dir|dein\w*|wähle)\b/i, `de_DE_formal: ${formal}`);
    if (informal !== formal) {
      differ++;
      assert.match(formal, /\bSie\b/, `de_DE_formal differs from de_DE only to say "Sie": ${formal}`);
    }
  }
  assert.ok(differ >= 1, 'at least one text addresses the administrator');
});

test('the checker finds every kind of call, the translator comments, and what a .po lacks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-i18n-'));
  try {
    mkdirSync(join(dir, 'includes'));
    writeFileSync(join(dir, 'klimapartner-widgets.php'), "<?php\n/**\n * Plugin Name: Test\n */\n");
    writeFileSync(join(dir, 'includes/a.php'), `<?php
echo esc_html__( 'It\\'s one', 'klimapartner-widgets' );
esc_html_e( 'Two', 'klimapartner-widgets' ); // Not a translator comment.
$word = _x( 'Post', 'noun: a blog post', 'klimapartner-widgets' );
/* translators: %d: how many widgets */
printf( _n( '%d widget', '%d widgets', $n, 'klimapartner-widgets' ), $n );
// __( 'In a comment', 'klimapartner-widgets' )
$s = '__( "in a string", "klimapartner-widgets" )';
$core = __( 'Core', 'default' );
$odd = __( $variable, 'klimapartner-widgets' );
$obj->__( 'A method', 'klimapartner-widgets' ); my_e( 'Not ours' ); klimapartner_widgets_a_long_name_of_forty_and_more_e( 'x' );
`);
    const {strings, problems} = pluginStrings(dir);
    assert.deepEqual([...strings.values()].map((s) => [s.msgctxt, s.msgid, s.msgid_plural]),
      [['', 'Test', undefined], ['', "It's one", undefined], ['', 'Two', undefined], ['noun: a blog post', 'Post', undefined],
        ['', '%d widget', '%d widgets']]);
    assert.deepEqual(strings.get('\u0004%d widget').comments, ['translators: %d: how many widgets']);
    assert.deepEqual(strings.get('\u0004Two').comments, []);
    assert.deepEqual(problems, ["includes/a.php:9: __() without the text domain 'klimapartner-widgets'",
      'includes/a.php:10: __() with a text that is not a single-quoted literal']);

    const pot = potText(strings);
    assert.match(pot, /#: includes\/a\.php:6\n#\. translators: %d: how many widgets\nmsgid "%d widget"\nmsgid_plural "%d widgets"/);
    assert.match(pot, /msgctxt "noun: a blog post"\nmsgid "Post"/);

    const translated = `msgid ""\nmsgstr "Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n
msgid "Test"\nmsgstr "Test"\n\nmsgid "It's one"\nmsgstr "Es ist eins"\n\nmsgid "Two"\nmsgstr ""\n
msgid "%d widget"\nmsgid_plural "%d widgets"\nmsgstr[0] "ein Widget"\nmsgstr[1] "%d Widgets"\n
msgid "Gone"\nmsgstr "Weg"\n`;
    assert.deepEqual(translationProblems(strings, translated, 'x.po'), [
      'x.po: "Two" has no translation',
      'x.po: "%d widget": the translation\'s placeholders differ',
      'x.po: "Gone" is not in the plugin\'s PHP (remove it from the .po)',
      'x.po: [noun: a blog post] "Post" (includes/a.php:4) has no translation',
    ]);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
