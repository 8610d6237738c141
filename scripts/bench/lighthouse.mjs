// One Lighthouse run (CLI, lighthouse ^12) against a page on the local server,
// with Debian's Chromium: performance, accessibility, best practices.
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {tmpdir} from 'node:os';
import {CHROMIUM, CHROME_FLAGS} from './browser.mjs';

const CLI = resolve('node_modules/lighthouse/cli/index.js');

export async function runLighthouse(url, {preset} = {}) {
  if (!existsSync(CLI)) return {skipped: 'lighthouse is not installed (npm install -D lighthouse@^12)'};
  const dir = mkdtempSync(join(tmpdir(), 'kp-bench-lh-'));
  const out = join(dir, 'report.json');
  const args = [
    CLI,
    url,
    `--chrome-flags=--headless=new ${CHROME_FLAGS.join(' ')}`,
    '--only-categories=performance,accessibility,best-practices',
    '--output=json',
    `--output-path=${out}`,
    '--quiet',
    ...(preset ? [`--preset=${preset}`] : []),
  ];
  try {
    const code = await new Promise((done) => {
      const child = spawn(process.execPath, args, {env: {...process.env, CHROME_PATH: CHROMIUM}, stdio: ['ignore', 'ignore', 'pipe']});
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (c) => done(c === 0 ? 0 : err.split('\n').filter((l) => l && !/unexpected operator/.test(l)).slice(-5).join('\n') || `exit ${c}`));
    });
    if (code !== 0) return {skipped: `lighthouse failed: ${code}`};
    const lhr = JSON.parse(readFileSync(out, 'utf8'));
    const scores = {};
    const failing = [];
    for (const [id, cat] of Object.entries(lhr.categories)) {
      scores[id] = cat.score === null ? null : Math.round(cat.score * 100);
      for (const ref of cat.auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) {
          const items = (a.details?.items ?? []).slice(0, 4).map((it) =>
            [it.source, it.description, it.url, it.sourceLocation?.url, it.node?.snippet, it.label].filter((x) => typeof x === 'string' && x).join(' ').slice(0, 160),
          );
          failing.push({category: id, id: ref.id, score: a.score, title: a.title, value: a.displayValue ?? '', items});
        }
      }
    }
    const metric = (id) => lhr.audits[id]?.numericValue;
    return {
      scores,
      failing,
      metrics: {
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        si: metric('speed-index'),
      },
      warnings: lhr.runWarnings ?? [],
    };
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
