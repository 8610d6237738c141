// Issue 23's figures: each element alone, and all four, on the same plain host
// page (the element(s), then an <h1> and a paragraph; no reserved-space CSS),
// against the floor that does the same platform work on that page: a bare Lit
// element (bench/floor.ts), one that writes a date with Intl.DateTimeFormat
// (bench/floor-dated.ts), a Lit form with the interest form's controls
// (bench/floor-form.ts).
// Ready = navigation → every element defined, updated, with a box (readyProbe),
// CLS = layout shifts until then; each load in a fresh context (a new renderer,
// as a first visit), pages in rotating order so drift hits all alike.
import {readFileSync} from 'node:fs';
import {PRE_UPGRADE, preUpgradeRules} from '../../demo/docs/js/pre-upgrade.js';
import {clsProbe, newPage, readyProbe, stats, waitReady} from './browser.mjs';

const DEADLINE = '2030-03-31';
/** The markup of each page, as a webmaster pastes it (the fallback text inside). */
export const HOST_BODIES = {
  floor: '<kp-floor></kp-floor>',
  'floor-dated': '<kp-floor-dated></kp-floor-dated>',
  'floor-form': '<kp-floor-form></kp-floor-form>',
  'kp-countdown': `<kp-countdown deadline="${DEADLINE}" label="Interessensbekundung"><p>Frist: 31. März 2030</p></kp-countdown>`,
  'kp-contact-card':
    '<kp-contact-card name="Dr. Maria Beispiel" job-title="Projektkoordination" organisation="LAG 21 NRW" phone="0231 936960-14" email="maria.beispiel@example.org"><p>Dr. Maria Beispiel</p></kp-contact-card>',
  'kp-newsletter-signup': '<kp-newsletter-signup action="/api/submit" privacy-url="/datenschutz" with-name><p>Newsletter per E-Mail</p></kp-newsletter-signup>',
  'kp-interest-form': `<kp-interest-form action="/api/submit" privacy-url="/datenschutz" deadline="${DEADLINE}"><p>Interesse per E-Mail</p></kp-interest-form>`,
};
HOST_BODIES['all four'] = Object.entries(HOST_BODIES)
  .filter(([name]) => name.startsWith('kp-'))
  .map(([, body]) => body)
  .join('\n');
/*
 * A diagnostic, not a target: the same page with the script render-blocking
 * (`blocking="render"`, docs/embedding.md), so the browser cannot paint before
 * the module has run. Elements that render in the module's own task then show
 * no shift at all, whatever the network and the machine's load.
 */
const BLOCKING = 'all four, script blocking="render"';
HOST_BODIES[BLOCKING] = HOST_BODIES['all four'];

/*
 * Layout shift with the pre-upgrade CSS (issue 23): the interest form, and every
 * element on one page, with the rules the snippet builder writes (its heights,
 * demo/docs/js/pre-upgrade.js, so the bench judges what webmasters paste).
 */
export const PRE_UPGRADE_PAGES = {
  'kp-interest-form, pre-upgrade CSS': HOST_BODIES['kp-interest-form'],
  // The builder's newsletter form has no name field.
  'all elements, pre-upgrade CSS': [
    HOST_BODIES['kp-countdown'],
    HOST_BODIES['kp-contact-card'],
    HOST_BODIES['kp-newsletter-signup'].replace(' with-name', ''),
    HOST_BODIES['kp-interest-form'],
    '<kp-share networks="linkedin mastodon bluesky whatsapp threema"><p>Adresse aus der Adresszeile kopieren.</p></kp-share>',
  ].join('\n'),
};

const page = (script, body, attrs = '', head = '') => `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title>
<script type="module" src="${script}"${attrs}></script>${head}
</head>
<body>
${body}
<h1>Kommunale Klimapartnerschaften</h1>
<p>Städte, Gemeinden und Kreise aus Deutschland arbeiten mit Kommunen in Afrika und Lateinamerika an Klimaschutz und Klimaanpassung. Dieser Absatz steht unter dem Element: rückt er, wenn es erscheint, ist das eine Verschiebung des Layouts.</p>
</body>
</html>`;

export const pathOf = (name) => `/bench/host/${name.replace(/[^a-z0-9-]+/g, '-')}.html`;

/** The floor each element is judged against; "all four" is judged against the dated floor plus 60 ms. */
export const FLOOR_OF = {
  'kp-contact-card': 'floor',
  'kp-newsletter-signup': 'floor',
  'kp-countdown': 'floor-dated',
  'kp-interest-form': 'floor-form',
  'all four': 'floor-dated',
};
export const isFloor = (name) => name.startsWith('floor');

/** Pages (and the floors' scripts, built by buildFloors) for startServer's `extra`. */
export function hostPages(floorFiles) {
  const extra = {};
  for (const [name, file] of Object.entries(floorFiles)) extra[`/bench/host/${name}.js`] = {file};
  for (const [name, body] of Object.entries(HOST_BODIES)) {
    extra[pathOf(name)] = page(isFloor(name) ? `/bench/host/${name}.js` : '/dist/klimapartner-widgets.js', body, name === BLOCKING ? ' blocking="render"' : '');
  }
  const css = `\n<style>\n${preUpgradeRules(Object.keys(PRE_UPGRADE)).join('\n')}\n</style>`;
  for (const [name, body] of Object.entries(PRE_UPGRADE_PAGES)) extra[pathOf(name)] = page('/dist/klimapartner-widgets.js', body, '', css);
  // bench/countdowns.html with 50 minimal Lit countdowns in place of ours (same boxes).
  extra['/bench/host/countdowns-floor.html'] = readFileSync('bench/countdowns.html', 'utf8')
    .replaceAll('kp-countdown', 'kp-floor-countdown')
    .replace('/dist/klimapartner-widgets.js', '/bench/host/floor-countdown.js');
  return extra;
}

/** One cold load of `name`: ready, FCP and the layout shifts until ready (plus two frames). */
async function load(browser, origin, name, {trace} = {}) {
  const {context, page: p} = await newPage(browser, {probes: [readyProbe, clsProbe]});
  try {
    if (trace) await browser.startTracing(p, {categories: ['toplevel', 'devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading']});
    await p.goto(origin + pathOf(name));
    const ready = await waitReady(p);
    const after = await p.evaluate(
      () =>
        new Promise((r) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              r({cls: window.__kpCls.value, shifts: window.__kpCls.entries, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null}),
            ),
          ),
        ),
    );
    const breakdown = trace ? whereTheTimeGoes(await browser.stopTracing(), ready.t) : null;
    return {ready, ...after, breakdown};
  } finally {
    await context.close();
  }
}

/** `runs` rounds over every page (2 warm-up rounds not counted); medians per page and the ratio to the floor. */
export async function measureHost(browser, origin, {runs = 9} = {}) {
  const names = Object.keys(HOST_BODIES);
  const raw = Object.fromEntries(names.map((n) => [n, {t: [], cls: [], fcp: [], moduleEnd: [], firstDefine: [], boxed: true, shifts: [], shifted: 0}]));
  for (let i = -2; i < runs; i++) {
    const k = ((i % names.length) + names.length) % names.length;
    for (const name of [...names.slice(k), ...names.slice(0, k)]) {
      const r = await load(browser, origin, name);
      if (i < 0) continue;
      const x = raw[name];
      x.t.push(r.ready.t);
      x.cls.push(r.cls);
      if (typeof r.fcp === 'number') x.fcp.push(r.fcp);
      if (typeof r.ready.moduleEnd === 'number') x.moduleEnd.push(r.ready.moduleEnd);
      if (typeof r.ready.firstDefine === 'number') x.firstDefine.push(r.ready.firstDefine);
      x.boxed &&= r.ready.boxed && r.ready.defined.length === r.ready.tags.length;
      if (r.cls > 0) x.shifted++;
      if (r.cls > 0) x.shifts.push(...r.shifts.map((s) => `${s.value.toFixed(4)} at ${s.t} ms: ${s.nodes.join(', ')}`));
    }
  }
  // Three traced loads per page, rotating: where the main thread's time went until ready
  // (the first), and its CPU time until ready (median): thread time, which other load on
  // the machine inflates far less than the wall-clock ready time.
  const breakdown = {};
  const cpu = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < 3; i++) {
    for (const name of [...names.slice(i), ...names.slice(0, i)]) {
      const b = (await load(browser, origin, name, {trace: true})).breakdown;
      breakdown[name] ??= b;
      if (b) cpu[name].push(b.cpuMs);
    }
  }
  const cpuOf = (name) => (cpu[name].length ? stats(cpu[name]).median : NaN);
  const median = (name) => stats(raw[name].t).median;
  return Object.fromEntries(
    names.map((name) => {
      const x = raw[name];
      const ready = stats(x.t);
      const floor = FLOOR_OF[name] ?? 'floor';
      return [name, {ready, floor, ratio: ready.median / median(floor), overFloor: ready.median - median(floor), overDated: ready.median - median('floor-dated'), cpuMs: cpuOf(name), cpuRatio: cpuOf(name) / cpuOf(floor), cls: stats(x.cls), fcp: x.fcp.length ? stats(x.fcp) : null, moduleEnd: x.moduleEnd.length ? stats(x.moduleEnd) : null, firstDefine: x.firstDefine.length ? stats(x.firstDefine) : null, boxed: x.boxed, shifted: x.shifted, shifts: x.shifts.slice(0, 4), breakdown: breakdown[name]}];
    }),
  );
}

/** Trace event names grouped as DevTools' summary groups them. */
const GROUPS = [
  ['load and parse HTML', /^(ParseHTML|DocumentLoader::|NavigationBodyLoader::|HTMLDocumentParser::|DecodedDataDocumentParser::)/],
  ['script: compile', /compile|Compile|v8\.parse/i],
  ['script: evaluate module', /^v8\.evaluateModule$|^EvaluateScript$/],
  ['script: run (microtasks, callbacks)', /^(RunMicrotasks|FunctionCall|TimerFire|EventDispatch|FireAnimationFrame|v8\.run|V8\.Execute)$/],
  ['GC', /GC/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)$/],
  ['layout', /^(Layout|UpdateLayerTree|IntersectionObserverController::computeIntersections)$/],
  ['paint, composite', /^(Paint|PrePaint|Commit|Layerize|PaintImage|CompositeLayers|UpdateLayer)$/],
  ['tasks, not broken down (browser messages, native work)', /RunTask$|mojo/],
];

/**
 * Self time of the renderer's main thread from navigation start to ready, by
 * group; "waiting" is what is left (network, the module's fetch, idle frames).
 */
function whereTheTimeGoes(buffer, readyMs) {
  const {traceEvents} = JSON.parse(buffer.toString('utf8'));
  const mains = new Set(traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  // The page's own navigation (the new tab's about:blank has one too).
  const nav = traceEvents.find((e) => e.name === 'navigationStart' && mains.has(`${e.pid}:${e.tid}`) && /\/bench\/host\//.test(e.args?.data?.documentLoaderURL ?? ''));
  if (!nav) return null;
  const main = `${nav.pid}:${nav.tid}`;
  const start = nav.ts;
  const end = start + readyMs * 1000;
  const spans = traceEvents
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.ts < end && e.ts + e.dur > start)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time: each event's duration minus its children's (events nest on one thread).
  const self = new Map();
  const stack = [];
  for (const e of spans) {
    const s = Math.max(e.ts, start);
    const f = Math.min(e.ts + e.dur, end);
    while (stack.length && stack.at(-1).f <= s) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.e, (self.get(parent.e) ?? 0) - (f - s));
    self.set(e, (self.get(e) ?? 0) + (f - s));
    stack.push({e, f});
  }
  // Main-thread CPU time until ready: the top-level events' thread time (tdur).
  let cpuUs = 0;
  let until = -Infinity;
  for (const e of spans) {
    if (e.ts < until || e.tdur === undefined) continue;
    until = e.ts + e.dur;
    cpuUs += e.ts >= start && until <= end ? e.tdur : (e.tdur * (Math.min(until, end) - Math.max(e.ts, start))) / Math.max(e.dur, 1);
  }
  const out = {};
  let busy = 0;
  for (const [e, us] of self) {
    const group = GROUPS.find(([, re]) => re.test(e.name))?.[0] ?? 'other';
    out[group] = (out[group] ?? 0) + us / 1000;
    busy += us / 1000;
  }
  // Top-level tasks only count as busy through their self time: the sum of self times is the busy time.
  out.waiting = readyMs - busy;
  const longest = Math.max(0, ...spans.filter((e) => /RunTask$/.test(e.name)).map((e) => e.dur / 1000));
  return {groups: Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1])), longestTaskMs: longest, cpuMs: cpuUs / 1000};
}
