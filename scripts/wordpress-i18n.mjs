// The WordPress plugin's translations: the strings its PHP passes to
// WordPress's i18n functions (__, esc_html__, _x, _n, … with the text domain
// klimapartner-widgets) in its PHP and its editor script (blocks/index.js,
// wp.i18n's functions of the same names), the plugin header's name and
// description, and the blocks' titles, descriptions and keywords (block.json); the .pot template made of them; the checks that a
// languages/*.po translates every one (and nothing else); and the .mo
// WordPress loads, compiled from a .po. Used by scripts/build-wordpress.mjs
// and test/node/wordpress-i18n.test.mjs.
import gettextParser from 'gettext-parser';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

export const DOMAIN = 'klimapartner-widgets';

/** Function => the position of each argument (text, plural, context, domain), as WordPress defines them. */
const FUNCTIONS = {
  __: ['msgid', 'domain'],
  _e: ['msgid', 'domain'],
  esc_html__: ['msgid', 'domain'],
  esc_html_e: ['msgid', 'domain'],
  esc_attr__: ['msgid', 'domain'],
  esc_attr_e: ['msgid', 'domain'],
  _x: ['msgid', 'msgctxt', 'domain'],
  _ex: ['msgid', 'msgctxt', 'domain'],
  esc_html_x: ['msgid', 'msgctxt', 'domain'],
  esc_attr_x: ['msgid', 'msgctxt', 'domain'],
  _n: ['msgid', 'msgid_plural', null, 'domain'],
  _nx: ['msgid', 'msgid_plural', null, 'msgctxt', 'domain'],
  _n_noop: ['msgid', 'msgid_plural', 'domain'],
  _nx_noop: ['msgid', 'msgid_plural', 'msgctxt', 'domain'],
};

/** The value of a PHP single-quoted literal ('…' with \' and \\ only), or null for any other expression. */
function literal(code) {
  const m = /^\s*'((?:[^'\\]|\\.)*)'\s*$/s.exec(code);
  return m ? m[1].replace(/\\(['\\])/g, '$1') : null;
}

/**
 * Comments, strings and calls of one PHP file, in one pass: returns the i18n
 * calls as {fn, args (source text of each), line} and the translator comments
 * as {text, line (where the comment ends)}.
 */
function scan(php) {
  const calls = [];
  const comments = [];
  let line = 1;
  let i = 0;
  const advance = (to) => {
    for (; i < to; i++) if (php[i] === '\n') line++;
  };
  /** From an opening parenthesis at i: the arguments' source texts, split at top-level commas. */
  const args = () => {
    const out = [];
    let depth = 0;
    let start = i + 1;
    for (let j = i; j < php.length; j++) {
      const c = php[j];
      if (c === "'" || c === '"') {
        for (j++; j < php.length && php[j] !== c; j++) if (php[j] === '\\') j++;
      } else if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') {
        if (--depth === 0) {
          out.push(php.slice(start, j));
          return out;
        }
      } else if (c === ',' && depth === 1) {
        out.push(php.slice(start, j));
        start = j + 1;
      }
    }
    throw new Error(`unbalanced call on line ${line}`);
  };
  while (i < php.length) {
    const rest = php.slice(i, i + 2);
    if (rest === '/*' || rest === '//' || php[i] === '#') {
      const end = rest === '/*' ? php.indexOf('*/', i) + 2 : php.indexOf('\n', i);
      const text = php.slice(i, end < 2 ? php.length : end);
      advance(end < 2 ? php.length : end);
      const m = /^(?:\/\*+|\/\/|#)\s*(translators:[\s\S]*?)\s*(?:\*\/)?$/i.exec(text);
      if (m) comments.push({text: m[1].replace(/\s*\n\s*\*?\s*/g, ' '), line});
    } else if (php[i] === "'" || php[i] === '"') {
      let j = i + 1;
      for (; j < php.length && php[j] !== php[i]; j++) if (php[j] === '\\') j++;
      advance(j + 1);
    } else {
      const word = /[A-Za-z_][A-Za-z0-9_]*/y;
      word.lastIndex = i;
      const m = word.exec(php);
      if (!m) {
        advance(i + 1);
        continue;
      }
      const before = php[i - 1] ?? '';
      const callLine = line;
      advance(i + m[0].length);
      const open = /^\s*\(/.exec(php.slice(i));
      if (Object.hasOwn(FUNCTIONS, m[0]) && open && !/[$>:\\\w]/.test(before)) {
        advance(i + open[0].length - 1);
        calls.push({fn: m[0], args: args(), line: callLine});
      }
    }
  }
  return {calls, comments};
}

/**
 * Every string of the plugin in `dir` (wordpress/klimapartner-widgets):
 * {strings: Map key => {msgctxt, msgid, msgid_plural, references, comments}, problems: string[]}
 * (a call whose text is not a literal, or whose text domain is not ours).
 */
export function pluginStrings(dir) {
  const strings = new Map();
  const problems = [];
  const add = ({msgctxt = '', msgid, msgid_plural, reference, comment}) => {
    const key = `${msgctxt}\u0004${msgid}`;
    const entry = strings.get(key) ?? {msgctxt, msgid, msgid_plural, references: [], comments: []};
    entry.references.push(reference);
    if (comment && !entry.comments.includes(comment)) entry.comments.push(comment);
    strings.set(key, entry);
  };
  const main = readFileSync(join(dir, 'klimapartner-widgets.php'), 'utf8');
  for (const [header, comment] of [['Plugin Name', 'Plugin Name of the plugin'], ['Description', 'Description of the plugin']]) {
    const value = new RegExp(`^\\s*\\*\\s*${header}:\\s*(.+)$`, 'm').exec(main)?.[1].trim();
    if (value) add({msgid: value, reference: 'klimapartner-widgets.php', comment});
  }
  const files = readdirSync(dir, {recursive: true}).map(String).filter((f) => /\.(php|js|json)$/.test(f)).sort();
  // block.json: what WordPress translates with the block's textdomain, in the contexts it uses.
  for (const file of files.filter((f) => f.endsWith('block.json'))) {
    const meta = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (meta.textdomain !== DOMAIN) problems.push(`${file}: textdomain is not '${DOMAIN}'`);
    if (meta.title) add({msgctxt: 'block title', msgid: meta.title, reference: file});
    if (meta.description) add({msgctxt: 'block description', msgid: meta.description, reference: file});
    for (const keyword of meta.keywords ?? []) add({msgctxt: 'block keyword', msgid: keyword, reference: file});
  }
  for (const file of files) {
    if (file.endsWith('.json')) continue;
    const {calls, comments} = scan(readFileSync(join(dir, file), 'utf8'));
    for (const call of calls) {
      const where = `${file}:${call.line}`;
      const values = {};
      FUNCTIONS[call.fn].forEach((role, n) => {
        if (role) values[role] = call.args[n] === undefined ? undefined : literal(call.args[n]);
      });
      if (values.domain !== DOMAIN) {
        problems.push(`${where}: ${call.fn}() without the text domain '${DOMAIN}'`);
        continue;
      }
      if ([values.msgid, values.msgctxt, values.msgid_plural].includes(null)) {
        problems.push(`${where}: ${call.fn}() with a text that is not a single-quoted literal`);
        continue;
      }
      const comment = comments.find((c) => c.line === call.line || c.line === call.line - 1)?.text;
      add({...values, reference: where, comment});
    }
  }
  return {strings, problems};
}

/** The .pot template of the strings (the translators' source), as text. */
export function potText(strings) {
  const translations = {'': {'': {msgid: '', msgstr: ['']}}};
  for (const s of strings.values()) {
    const entry = {msgid: s.msgid, msgstr: s.msgid_plural ? ['', ''] : [''],
      comments: {reference: s.references.join(' '), extracted: s.comments.join('\n')}};
    if (s.msgctxt) entry.msgctxt = s.msgctxt;
    if (s.msgid_plural) entry.msgid_plural = s.msgid_plural;
    (translations[s.msgctxt] ??= {})[s.msgid] = entry;
  }
  const headers = {'Project-Id-Version': 'Klimapartner-Widgets', 'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8', 'Content-Transfer-Encoding': '8bit', 'X-Domain': DOMAIN};
  return gettextParser.po.compile({charset: 'utf-8', headers, translations}).toString('utf8');
}

/** The printf placeholders of a text (%s, %1$s, %d …), sorted, for comparing a translation with its source. */
const placeholders = (text) => (text.match(/%(?:\d+\$)?[-+ 0#]*\d*(?:\.\d+)?[bcdeEfFgGosuxX%]/g) ?? []).sort().join(' ');

/**
 * What is wrong with a .po (`name` for the messages) against the plugin's
 * strings: a string without translation, an empty, fuzzy or differently
 * placeholdered one, a plural without both forms, and an entry the PHP no
 * longer has.
 */
export function translationProblems(strings, poText, name) {
  const po = gettextParser.po.parse(poText);
  const problems = [];
  const seen = new Set();
  for (const [msgctxt, entries] of Object.entries(po.translations)) {
    for (const entry of Object.values(entries)) {
      if (!entry.msgid) continue;
      const key = `${msgctxt}\u0004${entry.msgid}`;
      const label = `${name}: ${msgctxt ? `[${msgctxt}] ` : ''}"${entry.msgid}"`;
      seen.add(key);
      const source = strings.get(key);
      if (!source) {
        problems.push(`${label} is not in the plugin's PHP (remove it from the .po)`);
        continue;
      }
      const forms = source.msgid_plural ? 2 : 1;
      if (entry.msgstr.length !== forms || entry.msgstr.some((t) => !t.trim())) {
        problems.push(`${label} has no translation${forms > 1 ? ' in both plural forms' : ''}`);
        continue;
      }
      if (/\bfuzzy\b/.test(entry.comments?.flag ?? '')) problems.push(`${label} is marked fuzzy`);
      entry.msgstr.forEach((text, n) => {
        const original = n === 0 ? source.msgid : source.msgid_plural;
        if (placeholders(text) !== placeholders(original)) problems.push(`${label}: the translation's placeholders differ`);
      });
    }
  }
  for (const [key, s] of strings) {
    if (!seen.has(key)) problems.push(`${name}: ${s.msgctxt ? `[${s.msgctxt}] ` : ''}"${s.msgid}" (${s.references[0]}) has no translation`);
  }
  return problems;
}

/**
 * The JSON translations WordPress loads for a script (wp_set_script_translations, Jed 1.x format): the
 * strings of the .po that `file` (e.g. blocks/index.js) uses.
 */
export function scriptTranslations(strings, poText, file) {
  const po = gettextParser.po.parse(poText);
  const lang = po.headers.Language ?? '';
  const messages = {'': {domain: 'messages', lang, 'plural-forms': po.headers['Plural-Forms'] ?? 'nplurals=2; plural=(n != 1);'}};
  for (const s of strings.values()) {
    if (!s.references.some((r) => r.startsWith(`${file}:`))) continue;
    const entry = po.translations[s.msgctxt]?.[s.msgid];
    if (entry) messages[s.msgctxt ? `${s.msgctxt}\u0004${s.msgid}` : s.msgid] = entry.msgstr;
  }
  return JSON.stringify({domain: 'messages', locale_data: {messages}});
}

/** The .mo WordPress loads, compiled from a .po's text (fuzzy entries left out, as msgfmt does). */
export function moFile(poText) {
  const po = gettextParser.po.parse(poText);
  for (const entries of Object.values(po.translations)) {
    for (const [id, entry] of Object.entries(entries)) if (/\bfuzzy\b/.test(entry.comments?.flag ?? '')) delete entries[id];
  }
  return gettextParser.mo.compile(po);
}
