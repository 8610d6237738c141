// A Vite plugin that minifies the text of Lit's css`` and html`` templates in
// our own sources (the JS minifier leaves template text alone): comments and
// indentation go, CSS loses spaces around punctuation. Expressions are kept.
import {readFileSync} from 'node:fs';
import ts from 'typescript';

// The design tokens: src/shared/styles.ts reads each from the page into a private name
// (`--_accent:var(--kp-color-accent,#00528a)`), the one place its default is written.
// The build writes the page's token in place of every private name
// (`var(--_accent)` → `var(--kp-color-accent,#00528a)`) and drops the declarations:
// the same colours, fewer bytes.
const TOKEN = /--_([a-z-]+):(var\(--kp-[a-z-]+,[^;}]*\))[;]?/g;
const tokens = new Map(
  [...readFileSync(new URL('../src/shared/styles.ts', import.meta.url), 'utf8').matchAll(TOKEN)].map(([, name, value]) => [name, value]),
);
const inlineTokens = (s) =>
  s.replace(TOKEN, '').replace(/var\(--_([a-z-]+)\)/g, (whole, name) => {
    if (!tokens.has(name)) throw new Error(`css: var(--_${name}) is not a token of src/shared/styles.ts`);
    return tokens.get(name);
  });

const cssText = (s) =>
  inlineTokens(s)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();

// Whitespace with a line break: between two tags it goes, elsewhere one space stays.
// A static attribute value of letters, digits, '.' and '-' loses its quotes (HTML allows
// it; the parsed DOM is the same): `part="button"` → `part=button`.
const htmlText = (s) =>
  s
    .replace(/>\s*\n\s*</g, '><')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/( [a-z-]+)="([\w.-]+)"(?=[\s>])/g, '$1=$2');

export function minifyTemplates() {
  return {
    name: 'kp-minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html)`/.test(code)) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits = [];
      const visit = (node) => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && /^(css|html)$/.test(node.tag.text)) {
          const fix = node.tag.text === 'css' ? cssText : htmlText;
          const t = node.template;
          const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
          for (const p of parts) {
            // Raw text between the delimiters (` or }) and (` or ${).
            const start = p.getStart(file) + 1;
            const end = p.getEnd() - (p.kind === ts.SyntaxKind.TemplateHead || p.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
            const raw = code.slice(start, end);
            const min = fix(raw);
            if (min !== raw) edits.push([start, end, min]);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      if (!edits.length) return null;
      let out = code;
      for (const [s, e, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + text + out.slice(e);
      return {code: out, map: null};
    },
  };
}

/** Drops `/* @__PURE__ *\/` annotations that the minifier leaves in the output (comments only). */
export function stripPureAnnotations() {
  return {
    name: 'kp-strip-pure',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') chunk.code = chunk.code.replace(/\/\* @__PURE__ \*\/ ?/g, '');
      }
    },
  };
}

/**
 * A second pass over the minified file: Terser's compressor (passes: 2, safe options,
 * names as Rolldown mangled them) finds a few more reductions than Rolldown's minifier
 * alone, and Rolldown's minifier prints the result again (its strings in backticks, like
 * the templates', compress better than Terser's double quotes): about 100 bytes gzip.
 */
/** `target`: the build's browser targets (no syntax newer than theirs is written). */
export function terserPass(target) {
  return {
    name: 'kp-terser-pass',
    apply: 'build',
    async generateBundle(_, bundle) {
      const {minify} = await import('terser');
      const {minifySync} = await import('vite');
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const {code} = await minify(chunk.code, {module: true, ecma: 2022, compress: {passes: 2}, mangle: false});
        chunk.code = minifySync(chunk.fileName, code, {module: true, compress: {target}, mangle: false, codegen: true}).code;
      }
    },
  };
}
