// The WordPress plugin as an administrator uploads it (Plugins → Add New →
// Upload Plugin): dist/wordpress/klimapartner-widgets.zip with one folder
// klimapartner-widgets/ holding the PHP of wordpress/klimapartner-widgets/
// and the built module as assets/klimapartner-widgets.js, with its
// translations: languages/*.po as committed, the .mo WordPress loads compiled
// from each, the JSON translations of the blocks' editor script, and the .pot
// template made from the PHP, the script and block.json (scripts/wordpress-i18n.mjs),
// and assets/pre-upgrade.json: each element's pre-upgrade CSS from the one source,
// demo/docs/js/pre-upgrade.js, for includes/pre-upgrade.php to print in the head.
import AdmZip from 'adm-zip';
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {PRE_UPGRADE, preUpgradeRules} from '../demo/docs/js/pre-upgrade.js';
import {moFile, pluginStrings, potText, scriptTranslations, translationProblems} from './wordpress-i18n.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const source = join(root, 'wordpress/klimapartner-widgets');
const module = join(root, 'dist/klimapartner-widgets.js');
export const PLUGIN_ZIP = join(root, 'dist/wordpress/klimapartner-widgets.zip');

/** Every file under dir, as paths relative to it (sorted, so the zip is the same each time); no .mo or .pot (built here). */
function files(dir) {
  return readdirSync(dir, {recursive: true})
    .map(String)
    .filter((path) => statSync(join(dir, path)).isFile() && !/\.(mo|pot)$/.test(path))
    .sort();
}

/**
 * languages/: the .pot of the PHP's strings and each .po compiled to .mo
 * (name => data). Fails when a string of the PHP is not in the text domain or
 * a .po misses a translation: the zip never ships a half-English language.
 */
function translations() {
  const {strings, problems} = pluginStrings(source);
  const out = new Map([['languages/klimapartner-widgets.pot', Buffer.from(potText(strings))]]);
  const dir = join(source, 'languages');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.po')).sort()) {
    const po = readFileSync(join(dir, name), 'utf8');
    problems.push(...translationProblems(strings, po, name));
    out.set(`languages/${name.replace(/\.po$/, '.mo')}`, moFile(po));
    // The editor script's: <domain>-<locale>-<handle>.json, as load_script_textdomain looks for it.
    out.set(`languages/${name.replace(/\.po$/, '-klimapartner-widgets-blocks.json')}`,
      Buffer.from(scriptTranslations(strings, po, 'blocks/index.js')));
  }
  if (problems.length) throw new Error(`wordpress/klimapartner-widgets: translations incomplete:\n  ${problems.join('\n  ')}`);
  return out;
}

/**
 * The plugin's lists of attributes (includes/elements.php) and its blocks' (block.json) against the
 * manifest the elements' JSDoc writes: a documented attribute the plugin does not know would be stripped
 * from every post, or missing from the block.
 */
function checkAttributes() {
  const php = readFileSync(join(source, 'includes/elements.php'), 'utf8');
  const list = (text) => [...text.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
  const named = (fn) => list(new RegExp(`function ${fn}\\(\\) \\{([^}]*)\\}`).exec(php)?.[1] ?? '');
  const form = list(/\$form\s*=\s*array\(([^)]*)\)/.exec(php)?.[1] ?? '');
  const plugin = new Map();
  for (const m of php.matchAll(/'(kp-[a-z-]+)'\s*=>\s*array_merge\(\s*\$common,\s*(\$form,\s*)?array\(([^)]*)\)/g)) {
    plugin.set(m[1], [...(m[2] ? form : []), ...list(m[3])].sort());
  }
  const manifest = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8'));
  const booleans = new Set(named('klimapartner_widgets_boolean_attributes'));
  const problems = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.tagName) continue;
      const documented = (d.attributes ?? []).map((a) => a.name).sort();
      if (String(plugin.get(d.tagName)) !== String(documented)) {
        problems.push(`${d.tagName}: manifest ${documented.join(' ')}; elements.php ${plugin.get(d.tagName)?.join(' ') ?? '(none)'}`);
      }
      for (const a of d.attributes ?? []) {
        if ((a.type?.text === 'boolean') !== booleans.has(a.name)) problems.push(`${d.tagName} ${a.name}: boolean in one list only`);
      }
      problems.push(...blockProblems(d));
    }
  }
  if (problems.length) throw new Error(`wordpress/klimapartner-widgets/includes/elements.php differs from the manifest:\n  ${problems.join('\n  ')}`);
}

/**
 * The block of one element of the manifest (blocks/<tag without kp->/block.json): its attributes are the
 * element's properties (camelCase) but `action` (the administrator's), plus `lang` and the fallback text,
 * booleans as booleans.
 */
function blockProblems(element) {
  const file = join(source, `blocks/${element.tagName.slice(3)}/block.json`);
  if (!existsSync(file)) return [`${element.tagName}: no ${relative(root, file)}`];
  const block = JSON.parse(readFileSync(file, 'utf8'));
  const problems = [];
  if (block.apiVersion !== 3 || block.name !== `klimapartner/${element.tagName.slice(3)}`) {
    problems.push(`${relative(root, file)}: name ${block.name}, apiVersion ${block.apiVersion}`);
  }
  const expected = new Map([['lang', 'string'], ['fallback', 'string']]);
  for (const a of element.attributes ?? []) {
    if (a.name !== 'action') expected.set(a.fieldName, a.type?.text === 'boolean' ? 'boolean' : 'string');
  }
  const actual = new Map(Object.entries(block.attributes ?? {}).map(([name, spec]) => [name, spec.type]));
  const show = (map) => [...map].map(([k, v]) => `${k}:${v}`).sort().join(' ');
  if (show(actual) !== show(expected)) problems.push(`${relative(root, file)}: attributes ${show(actual)}; expected ${show(expected)}`);
  return problems;
}

/** Tag => its pre-upgrade rules (one CSS text each, so the plugin prints only the page's elements'). */
export function preUpgradeJson() {
  return JSON.stringify(Object.fromEntries(Object.keys(PRE_UPGRADE).map((t) => [t, preUpgradeRules([t]).join('\n')])), null, 1);
}

export function buildWordPressPlugin() {
  checkAttributes();
  const languages = translations();
  const pluginVersion = /Version:\s*(\S+)/.exec(readFileSync(join(source, 'klimapartner-widgets.php'), 'utf8'))?.[1];
  const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (pluginVersion !== version) throw new Error(`klimapartner-widgets.php says Version ${pluginVersion}, package.json ${version}`);
  const zip = new AdmZip();
  const stamp = new Date('2000-01-01T00:00:00Z');
  const add = (name, data) => {
    zip.addFile(`klimapartner-widgets/${name}`, data);
    zip.getEntry(`klimapartner-widgets/${name}`).header.time = stamp;
  };
  for (const path of files(source)) add(relative(source, join(source, path)), readFileSync(join(source, path)));
  for (const [name, data] of languages) add(name, data);
  add('assets/klimapartner-widgets.js', readFileSync(module));
  add('assets/pre-upgrade.json', Buffer.from(preUpgradeJson()));
  // Its source map beside it (the file's last line names it).
  if (existsSync(`${module}.map`)) add('assets/klimapartner-widgets.js.map', readFileSync(`${module}.map`));
  mkdirSync(join(root, 'dist/wordpress'), {recursive: true});
  zip.writeZip(PLUGIN_ZIP);
  return PLUGIN_ZIP;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`WordPress plugin: ${relative(root, buildWordPressPlugin())}`);
}
