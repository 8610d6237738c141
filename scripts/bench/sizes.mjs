// Byte figures: the real file, each element alone, what each element adds to
// the others, the Lit floor, and (via esbuild's metafile) which modules the
// bytes come from.
import {readFileSync, readdirSync, existsSync, mkdtempSync, writeFileSync, rmSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {tmpdir} from 'node:os';
import {gzipSync} from 'node:zlib';

export const gz = (buf) => gzipSync(buf, {level: 9}).length;

/** Every element folder with a define.ts, and the tags it registers. */
export function findElements(root = resolve('.')) {
  const src = join(root, 'src');
  return readdirSync(src, {withFileTypes: true})
    .filter((d) => d.isDirectory() && existsSync(join(src, d.name, 'define.ts')))
    .map((d) => {
      const define = join(src, d.name, 'define.ts');
      const tags = [...readFileSync(define, 'utf8').matchAll(/define\(\s*['"`](kp-[a-z0-9-]+)/g)].map((m) => m[1]);
      return {name: d.name, define, tags};
    })
    // src/shared/define.ts is the guarded define() itself, not an element.
    .filter((e) => e.tags.length)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function fileSize(path) {
  const buf = readFileSync(path);
  return {min: buf.length, gzip: gz(buf)};
}

/** Builds one entry alone with the project's vite.config.ts (KP_ENTRY/KP_OUT_DIR/KP_FILE). */
async function viteBuild(entry, outDir, file) {
  const {build} = await import('vite');
  const saved = {...process.env};
  Object.assign(process.env, {KP_ENTRY: entry, KP_OUT_DIR: outDir, KP_FILE: file});
  try {
    await build({configFile: resolve('vite.config.ts'), logLevel: 'silent'});
  } finally {
    for (const k of ['KP_ENTRY', 'KP_OUT_DIR', 'KP_FILE']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
  return fileSize(join(outDir, file));
}

/** The floors of issue 23, each built like the real file (bench/<name>.ts → <name>.js). */
export const FLOORS = ['floor', 'floor-dated', 'floor-form', 'floor-countdown'];

/** Every floor built into `outDir`; returns {name: path of its .js}. */
export async function buildFloors(outDir) {
  const out = {};
  for (const name of FLOORS) {
    await viteBuild(resolve(`bench/${name}.ts`), outDir, `${name}.js`);
    out[name] = join(outDir, `${name}.js`);
  }
  return out;
}

/**
 * alone: the element's define.ts bundled by itself (Lit, localize, locales, shared code included).
 * adds: all elements' define.ts together minus all but this one, i.e. what the file would lose
 * without the element.
 */
export async function measureSizes(elements) {
  const tmp = mkdtempSync(join(tmpdir(), 'kp-bench-size-'));
  try {
    const entry = (name, defines) => {
      const path = join(tmp, `${name}.entry.ts`);
      writeFileSync(path, defines.map((d) => `import ${JSON.stringify(d)};\n`).join(''));
      return path;
    };
    const floor = await viteBuild(resolve('bench/floor.ts'), tmp, 'floor.js');
    const all = await viteBuild(entry('all', elements.map((e) => e.define)), tmp, 'all.js');
    const rows = [];
    for (const e of elements) {
      try {
        const alone = await viteBuild(e.define, tmp, `${e.name}.js`);
        const others = elements.filter((o) => o !== e).map((o) => o.define);
        const without = others.length
          ? await viteBuild(entry(`without-${e.name}`, others), tmp, `without-${e.name}.js`)
          : {min: 0, gzip: 0};
        rows.push({element: e.name, tags: e.tags, alone, adds: {min: all.min - without.min, gzip: all.gzip - without.gzip}});
      } catch (error) {
        rows.push({element: e.name, tags: e.tags, error: String(error.message ?? error).split('\n')[0]});
      }
    }
    return {floor, allDefines: all, elements: rows};
  } finally {
    rmSync(tmp, {recursive: true, force: true});
  }
}

/** Which modules the bytes come from: esbuild --bundle --minify --metafile on src/index.ts. */
export async function moduleBreakdown(entry = 'src/index.ts') {
  const esbuild = await import('esbuild');
  const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    outfile: 'out.js',
    define: {__KP_VERSION__: JSON.stringify(version)},
    logLevel: 'silent',
  });
  const out = Object.values(result.metafile.outputs)[0];
  const total = out.bytes;
  const modules = Object.entries(out.inputs)
    .map(([path, {bytesInOutput}]) => ({path, bytes: bytesInOutput}))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  const groupOf = (p) => {
    let m;
    if ((m = p.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/))) return m[1];
    if ((m = p.match(/^src\/([^/]+)\//))) return `src/${m[1]}`;
    return p;
  };
  const groups = {};
  for (const m of modules) groups[groupOf(m.path)] = (groups[groupOf(m.path)] ?? 0) + m.bytes;
  // gzip of each large module minified on its own: an upper bound of its share
  // (alone it cannot share gzip's dictionary with the rest, nor be tree-shaken).
  for (const m of modules.slice(0, 20)) {
    try {
      const code = readFileSync(m.path, 'utf8');
      const out = await esbuild.transform(code, {
        loader: m.path.endsWith('.ts') ? 'ts' : 'js',
        minify: true,
        format: 'esm',
        target: 'es2022',
        define: {__KP_VERSION__: JSON.stringify(version)},
        tsconfigRaw: {compilerOptions: {experimentalDecorators: true, useDefineForClassFields: false}},
      });
      m.gzipAlone = gz(Buffer.from(out.code));
    } catch {
      // A module esbuild cannot take alone (it needs the bundle around it) gets no gzipAlone.
    }
  }
  return {
    total,
    gzip: gz(Buffer.from(result.outputFiles[0].contents)),
    modules,
    groups: Object.entries(groups)
      .map(([group, bytes]) => ({group, bytes}))
      .sort((a, b) => b.bytes - a.bytes),
  };
}
