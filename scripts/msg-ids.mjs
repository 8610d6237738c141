// Messages by number in the built files. Our sources stay readable and
// extractable (`msg('Senden')`, `msg(str`Noch ${n} Zeichen`)`); this Vite
// plugin (build only) rewrites each call to the message's place in the packed
// table, `msg(17)` and `msg(42, n)`, so the German texts ship once (as the
// table's first column, next to their translations) and no lookup by text
// (a hash, its keys, a cache) ships at all.
//
// The places come from src/generated/messages.json, the German texts in table
// order, written by scripts/build-locales.mjs together with the table itself,
// so the two cannot disagree. A message missing there (not yet extracted with
// `npm run localize`), or a msg() the plugin cannot read, fails the build.
//
// Untransformed sources still work (Web Test Runner compiles src/ with esbuild,
// without this plugin): src/shared/locale.ts then installs a msg() for
// @lit/localize (src/shared/msg-as-written.ts) that finds the German text in
// the same table and answers through the same numbered lookup, so both forms
// give the same text. The plugin sets __KP_MSG_IDS__, which leaves that
// installer out of the build, points '@lit/localize' at
// src/shared/lit-localize.ts (the numbered msg) and removes the imports of
// `str`, a marker that the numbering consumes.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';
import MagicString from 'magic-string';

const MESSAGES = 'src/generated/messages.json';
const LIT_LOCALIZE = fileURLToPath(new URL('../src/shared/lit-localize.ts', import.meta.url));

/**
 * `code` with every msg() imported from '@lit/localize' rewritten to its number
 * in `ids` (German text with `{0}` … placeholders → number); `fail(message)`
 * must throw. The values of a str`` template follow the number in their order,
 * and an options object ({id, desc}) goes: the table knows the message by its
 * German text. Returns null when the file calls no msg().
 */
/** The same edits as text (null when the file has no msg()). */
export function numberMessages(code, file, ids, fail) {
  return numberEdits(code, file, ids, fail)?.toString() ?? null;
}

function numberEdits(code, file, ids, fail) {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  // The local names of msg and str imported from '@lit/localize', and str's import specifier.
  const names = {};
  let strImport;
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s) && s.moduleSpecifier.text === '@lit/localize') {
      const elements = s.importClause?.namedBindings?.elements ?? [];
      elements.forEach((e, i) => {
        names[(e.propertyName ?? e.name).text] = e.name.text;
        if ((e.propertyName ?? e.name).text === 'str') strImport = {declaration: s, elements, i};
      });
    }
  }
  const where = (node) => {
    const {line, character} = source.getLineAndCharacterOfPosition(node.getStart(source));
    return `${file}:${line + 1}:${character + 1}`;
  };
  if (!names.msg) {
    if (strImport) fail(`${where(strImport.elements[strImport.i])}: str is imported without msg; the build removes str, which only works as msg(str\`…\`)`);
    return null;
  }
  const edits = [];
  // str`` is only a marker inside msg(), turned into values below, so its import goes
  // (with its comma; src/shared/lit-localize.ts, which the build puts in place of
  // '@lit/localize', has no str).
  if (strImport) {
    const {declaration, elements, i} = strImport;
    const e = elements[i];
    if (i + 1 < elements.length) edits.push([e.getStart(source), elements[i + 1].getStart(source), '']);
    else if (i > 0) edits.push([elements[i - 1].getEnd(), e.getEnd(), '']);
    else edits.push([declaration.getStart(source), declaration.getEnd(), '']);
  }
  const number = (text, node) => {
    if (!ids.has(text)) fail(`${where(node)}: msg(${JSON.stringify(text)}) is not in ${MESSAGES}; run \`npm run localize\``);
    return String(ids.get(text));
  };
  const visit = (node) => {
    const {parent} = node;
    const named = parent && (ts.isImportSpecifier(parent) || (parent.name === node && !ts.isShorthandPropertyAssignment(parent)));
    if (ts.isIdentifier(node) && node.text === names.str && !named) {
      const call = parent?.parent;
      const inMsg = ts.isTaggedTemplateExpression(parent) && parent.tag === node && call && ts.isCallExpression(call) &&
        ts.isIdentifier(call.expression) && call.expression.text === names.msg && call.arguments[0] === parent;
      if (!inMsg) fail(`${where(node)}: str is used other than as msg(str\`…\`); the build removes str`);
    }
    if (ts.isIdentifier(node) && node.text === names.msg && !named) {
      const call = parent;
      if (!ts.isCallExpression(call) || call.expression !== node) fail(`${where(node)}: msg is used other than called; the build can only number msg(…) calls`);
      const [arg, options] = call.arguments;
      if (call.arguments.length > 2 || (options && !ts.isObjectLiteralExpression(options))) fail(`${where(call)}: msg() takes a text and optionally {id, desc}`);
      // The options object (and its comma) goes: from the end of the text to the end of the options.
      if (options) edits.push([arg.getEnd(), options.getEnd(), '']);
      if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) {
        edits.push([arg.getStart(source), arg.getEnd(), number(arg.text, arg)]);
      } else if (ts.isTaggedTemplateExpression(arg) && ts.isIdentifier(arg.tag) && arg.tag.text === names.str) {
        const t = arg.template;
        if (ts.isNoSubstitutionTemplateLiteral(t)) {
          edits.push([arg.getStart(source), arg.getEnd(), number(t.text, arg)]);
        } else {
          // str`a${x}b${y}c` → N, x, y: the expressions stay (a msg() inside one is visited with the call's children).
          const spans = t.templateSpans;
          const text = t.head.text + spans.map((s, i) => `{${i}}${s.literal.text}`).join('');
          edits.push([arg.getStart(source), spans[0].expression.getStart(source), `${number(text, arg)}, `]);
          for (let i = 1; i < spans.length; i++) edits.push([spans[i - 1].expression.getEnd(), spans[i].expression.getStart(source), ', ']);
          edits.push([spans.at(-1).expression.getEnd(), arg.getEnd(), '']);
        }
      } else {
        fail(`${where(call)}: msg() needs a literal text or str\`…\` template (html\`\` is not supported)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  // magic-string keeps a source map of every edit, so the shipped .map points into src/.
  const out = new MagicString(code);
  for (const [start, end, text] of edits) {
    if (text === '') out.remove(start, end);
    else out.overwrite(start, end, text);
  }
  return out;
}

export function msgIds() {
  let ids;
  return {
    name: 'kp-msg-ids',
    apply: 'build',
    enforce: 'pre',
    config: () => ({
      define: {__KP_MSG_IDS__: 'true'},
      resolve: {alias: [{find: /^@lit\/localize$/, replacement: LIT_LOCALIZE}]},
    }),
    buildStart() {
      ids = new Map(JSON.parse(readFileSync(MESSAGES, 'utf8')).map((text, i) => [text, i]));
    },
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('@lit/localize')) return null;
      const out = numberEdits(code, id, ids, (message) => this.error(message));
      return out === null ? null : {code: out.toString(), map: out.generateMap({hires: true, source: id, includeContent: true})};
    },
  };
}
