// Browser figures with playwright-core and Debian's Chromium (no browser download).
import {chromium} from 'playwright-core';

import {CHROMIUM_FLAGS as CHROME_FLAGS, CHROMIUM_PATH} from '../chromium.mjs';

export {CHROME_FLAGS};
export const CHROMIUM = process.env.CHROME_PATH || CHROMIUM_PATH;

export const launch = () => chromium.launch({executablePath: CHROMIUM, args: CHROME_FLAGS});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const stats = (xs) => ({median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length});

/**
 * Init script for every page: "ready" is the first frame after every kp- element
 * on the page whose tag is defined has finished its first update (the bare page:
 * the first frame after DOMContentLoaded). Module scripts run before
 * DOMContentLoaded, and ours defines its tags while it runs.
 */
export function readyProbe() {
  const setTimeout0 = window.setTimeout.bind(window);
  // Where the time goes: when the bundle first defines a tag (its evaluation is
  // done by then) and how long each element's updates (render + commit) take.
  const updates = (window.__kpUpdates = {firstDefine: null, byTag: {}});
  const define = customElements.define;
  customElements.define = function (tag, cls, options) {
    updates.firstDefine ??= performance.now();
    if (tag.startsWith('kp-') && typeof cls.prototype.update === 'function') {
      const update = cls.prototype.update;
      const rec = (updates.byTag[tag] = {count: 0, ms: 0});
      cls.prototype.update = function (changed) {
        const t0 = performance.now();
        try {
          return update.call(this, changed);
        } finally {
          rec.count++;
          rec.ms += performance.now() - t0;
        }
      };
    }
    return define.call(this, tag, cls, options);
  };
  addEventListener('DOMContentLoaded', async () => {
    const all = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('kp-'));
    const tags = [...new Set(all.map((e) => e.localName))];
    // A module script has run by now and defined its tags; wait for any it
    // defines later (3 s at most for a tag it does not have). The bare page has none.
    if (document.querySelector('script[type="module"]')) {
      await Promise.all(tags.map((t) => Promise.race([customElements.whenDefined(t), new Promise((r) => setTimeout0(r, 3000))])));
    }
    const defined = tags.filter((t) => customElements.get(t));
    const els = all.filter((e) => defined.includes(e.localName));
    await Promise.all(els.map((e) => e.updateComplete));
    requestAnimationFrame(() =>
      setTimeout0(() => {
        const rendered = els.filter((e) => e.shadowRoot && e.shadowRoot.childNodes.length > 0);
        const count = (list) => Object.fromEntries(tags.map((t) => [t, list.filter((e) => e.localName === t).length]).filter(([, n]) => n));
        const nav = performance.getEntriesByType('navigation')[0];
        const mod = performance.getEntriesByType('resource').find((r) => /klimapartner-widgets\.js|\/floor[-a-z]*\.js/.test(r.name));
        window.__kpReady = {
          t: performance.now(),
          dcl: nav?.domContentLoadedEventStart ?? null,
          moduleEnd: mod ? mod.responseEnd : null,
          firstDefine: updates.firstDefine,
          updates: JSON.parse(JSON.stringify(updates.byTag)),
          tags,
          defined,
          onPage: count(all),
          rendered: count(rendered),
          // Every element has a box (its first render is laid out).
          boxed: els.every((e) => e.getBoundingClientRect().height > 0),
        };
      }),
    );
  });
}

/** Heights of every kp- element at DOMContentLoaded (before upgrading, when the module is late) and at ready. */
function heightProbe() {
  const heights = () =>
    [...document.querySelectorAll('*')]
      .filter((e) => e.localName.startsWith('kp-'))
      .map((e) => ({
        tag: e.localName,
        defined: !!customElements.get(e.localName),
        h: Math.round(e.getBoundingClientRect().height),
        em: e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).fontSize),
      }));
  // The first frame once the HTML is parsed: the pre-upgrade state as painted (the
  // stylesheet has loaded, since frames wait for it; the module, answered late, has
  // not run yet). DOMContentLoaded would be too late: it waits for the module.
  document.addEventListener('readystatechange', () => {
    if (document.readyState === 'interactive') requestAnimationFrame(() => (window.__kpHeightsBefore ??= heights()));
  });
  window.__kpHeights = heights;
}

/** Sum of layout-shift values (no recent input), with the nodes that moved. */
export function clsProbe() {
  window.__kpCls = {value: 0, entries: []};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__kpCls.value += e.value;
      window.__kpCls.entries.push({
        t: Math.round(e.startTime),
        value: e.value,
        nodes: (e.sources ?? []).map((s) => {
          const n = s.node;
          if (!n) return '?';
          const el = n.nodeType === 1 ? n : n.parentElement;
          return el ? el.localName + (el.id ? `#${el.id}` : '') + (el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : '') : n.nodeName;
        }),
      });
    }
  }).observe({type: 'layout-shift', buffered: true});
}

/**
 * Counts timer callbacks (setTimeout/setInterval) and keeps the set of pending
 * timers, by wrapping the page's timer functions before any script runs. The
 * page can also be made to look hidden (document.hidden/visibilityState plus a
 * visibilitychange event): headless Chromium keeps every page visible, and the
 * countdown's clock reads exactly these two.
 */
function timerProbe() {
  const orig = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
  };
  const pending = new Map();
  const probe = (window.__kpTimers = {callbacks: 0, scheduled: 0, pending, hidden: false, taskMs: []});
  const wrap = (kind) =>
    function (handler, delay, ...args) {
      probe.scheduled++;
      const fn = typeof handler === 'function' ? handler : () => (0, eval)(String(handler));
      let id;
      const cb = function () {
        if (kind === 'setTimeout') pending.delete(id);
        probe.callbacks++;
        const t0 = performance.now();
        try {
          return fn.apply(this, args);
        } finally {
          // The callback and the element updates it caused (Lit updates in microtasks).
          const els = [...document.querySelectorAll('kp-countdown, kp-floor-countdown')];
          Promise.all(els.map((e) => e.updateComplete)).then(() => probe.taskMs.push(performance.now() - t0));
        }
      };
      id = orig[kind].call(window, cb, delay);
      pending.set(id, {kind, delay: Number(delay) || 0});
      return id;
    };
  window.setTimeout = wrap('setTimeout');
  window.setInterval = wrap('setInterval');
  window.clearTimeout = function (id) {
    pending.delete(id);
    return orig.clearTimeout.call(window, id);
  };
  window.clearInterval = function (id) {
    pending.delete(id);
    return orig.clearInterval.call(window, id);
  };
  const docProto = Document.prototype;
  const hiddenDesc = Object.getOwnPropertyDescriptor(docProto, 'hidden');
  const stateDesc = Object.getOwnPropertyDescriptor(docProto, 'visibilityState');
  Object.defineProperty(docProto, 'hidden', {configurable: true, get() { return probe.hidden || hiddenDesc.get.call(this); }});
  Object.defineProperty(docProto, 'visibilityState', {configurable: true, get() { return probe.hidden ? 'hidden' : stateDesc.get.call(this); }});
  probe.setHidden = (hidden) => {
    probe.hidden = hidden;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  probe.snapshot = () => ({callbacks: probe.callbacks, pending: [...pending.values()], taskMs: [...probe.taskMs]});
}

export async function newPage(browser, {viewport = {width: 1280, height: 800}, probes = []} = {}) {
  const context = await browser.newContext({viewport});
  for (const p of probes) await context.addInitScript(p);
  const page = await context.newPage();
  return {context, page};
}

export async function waitReady(page, timeout = 15_000) {
  await page.waitForFunction(() => window.__kpReady, null, {timeout});
  return page.evaluate(() => window.__kpReady);
}

/** Navigation → all defined kp- elements rendered, widgets page against the bare page, alternating. */
export async function measureReady(browser, origin, {runs = 9, path = '/demo/index.html'} = {}) {
  const times = {widgets: [], bare: []};
  const fcp = {widgets: [], bare: []};
  const parts = {moduleEnd: [], dcl: [], dclBare: [], evaluate: []};
  const updateMs = {};
  let info;
  // One tab for all runs (no renderer start-up in the figures), HTTP cache off
  // (every run fetches the module, as a first visit does).
  const {context, page} = await newPage(browser, {probes: [readyProbe]});
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', {cacheDisabled: true});
  for (let i = -2; i < runs; i++) {
    // Alternate which one goes first so drift hits both alike; runs -2 and -1 warm up.
    const order = i % 2 ? ['widgets', 'bare'] : ['bare', 'widgets'];
    for (const kind of order) {
      await page.goto(origin + path + (kind === 'bare' ? '?bare' : ''));
      const ready = await waitReady(page);
      const paint = await page
        .waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, null, {timeout: 2000})
        .then((h) => h.jsonValue())
        .catch(() => null);
      if (kind === 'widgets') info = ready;
      if (i < 0) continue;
      times[kind].push(ready.t);
      if (typeof paint === 'number') fcp[kind].push(paint);
      if (kind === 'widgets') {
        if (typeof ready.moduleEnd === 'number') parts.moduleEnd.push(ready.moduleEnd);
        if (typeof ready.moduleEnd === 'number' && typeof ready.firstDefine === 'number') parts.evaluate.push(ready.firstDefine - ready.moduleEnd);
        for (const [tag, u] of Object.entries(ready.updates)) (updateMs[tag] ??= []).push(u.ms);
        parts.dcl.push(ready.dcl);
      } else parts.dclBare.push(ready.dcl);
    }
  }
  await context.close();
  const w = stats(times.widgets);
  const b = stats(times.bare);
  return {
    widgets: w,
    bare: b,
    difference: w.median - b.median,
    fcp: {widgets: fcp.widgets.length ? stats(fcp.widgets) : null, bare: fcp.bare.length ? stats(fcp.bare) : null},
    moduleEnd: parts.moduleEnd.length ? stats(parts.moduleEnd) : null,
    // module response end → first customElements.define: parse + evaluation of the bundle (upper bound)
    evaluate: parts.evaluate.length ? stats(parts.evaluate) : null,
    // summed first updates (render + commit) of all elements of a tag on the page
    updateMs: Object.fromEntries(Object.entries(updateMs).map(([t, xs]) => [t, stats(xs)])),
    dcl: stats(parts.dcl),
    dclBare: stats(parts.dclBare),
    tags: info.tags,
    defined: info.defined,
    onPage: info.onPage,
    rendered: info.rendered,
  };
}

/** DevTools' "Scripting": these events on the renderer's main thread, overlaps merged. */
const SCRIPT_EVENTS = new Set([
  'TimerFire', 'FunctionCall', 'RunMicrotasks', 'EvaluateScript', 'v8.evaluateModule', 'EventDispatch',
  'FireAnimationFrame', 'FireIdleCallback', 'v8.compile', 'v8.compileModule', 'MinorGC', 'MajorGC',
]);
function scriptMsFromTrace(buffer) {
  const {traceEvents} = JSON.parse(buffer.toString('utf8'));
  const threads = new Map();
  for (const e of traceEvents) if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, 0);
  const spans = traceEvents.filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && threads.has(`${e.pid}:${e.tid}`));
  // The page's renderer is the main thread with the most script.
  for (const e of spans) threads.set(`${e.pid}:${e.tid}`, threads.get(`${e.pid}:${e.tid}`) + e.dur);
  const main = [...threads].sort((a, b) => b[1] - a[1])[0]?.[0];
  // Thread time (tts/tdur: CPU time of the main thread) where the trace has it,
  // so that other load on the machine inflates the figure less than wall time would.
  const mine = spans.filter((e) => `${e.pid}:${e.tid}` === main);
  const cpu = mine.every((e) => e.tts !== undefined && e.tdur !== undefined);
  const intervals = mine.map((e) => (cpu ? [e.tts, e.tts + e.tdur] : [e.ts, e.ts + e.dur])).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of intervals) {
    if (a >= end) {
      total += b - a;
      end = b;
    } else if (b > end) {
      total += b - end;
      end = b;
    }
  }
  return {ms: total / 1000, clock: cpu ? 'thread CPU time' : 'wall time'};
}

/**
 * 50 countdowns, all on screen (`path`, elements `tag`): main-thread task and
 * script time per second over `seconds`; with `visibleOnly` false, then timer
 * callbacks while the page is hidden and after every countdown is removed.
 */
export async function measureCountdowns(browser, origin, {seconds = 5, quiet = 5, path = '/bench/countdowns.html', tag = 'kp-countdown', visibleOnly = false} = {}) {
  const {context, page} = await newPage(browser, {viewport: {width: 1600, height: 1000}, probes: [readyProbe, timerProbe]});
  await page.goto(origin + path);
  const ready = await waitReady(page);
  const count = await page.evaluate((tag) => document.querySelectorAll(tag).length, tag);
  const onScreen = await page.evaluate(
    (tag) =>
      [...document.querySelectorAll(tag)].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && r.height > 0;
      }).length,
    tag,
  );
  const cdp = await context.newCDPSession(page);
  // Thread time: other load on the shared machine inflates CPU time less than wall time.
  await cdp.send('Performance.enable', {timeDomain: 'threadTicks'});
  await sleep(1500); // let the first second ticks settle
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const snap = () => page.evaluate(() => window.__kpTimers.snapshot());

  await browser.startTracing(page, {categories: ['devtools.timeline', 'v8.execute']});
  const m0 = await metrics();
  const t0 = await snap();
  const wall0 = Date.now();
  await sleep(seconds * 1000);
  const m1 = await metrics();
  const t1 = await snap();
  const wall = (Date.now() - wall0) / 1000;
  const traceScriptMs = scriptMsFromTrace(await browser.stopTracing());
  const perSecond = (k) => ((m1[k] - m0[k]) * 1000) / wall; // ms per second
  const visible = {
    seconds: wall,
    // From the trace: timers, microtasks (where Lit updates run), events, GC.
    scriptMsPerS: traceScriptMs.ms / wall,
    scriptClock: traceScriptMs.clock,
    // CDP Performance.getMetrics ScriptDuration: misses microtasks, so Lit's updates.
    cdpScriptMsPerS: perSecond('ScriptDuration'),
    // Every main-thread task (script, style, layout, paint): issue 23's figure.
    taskMsPerS: perSecond('TaskDuration'),
    layoutMsPerS: perSecond('LayoutDuration'),
    styleMsPerS: perSecond('RecalcStyleDuration'),
    timerCallbacks: t1.callbacks - t0.callbacks,
    // In-page cross-check: each timer callback until every countdown's update completed.
    tickMs: stats(t1.taskMs.slice(t0.taskMs.length).length ? t1.taskMs.slice(t0.taskMs.length) : [0]),
  };
  const rendered = ready.rendered[tag] ?? 0;
  if (visibleOnly) {
    await context.close();
    return {count, onScreen, rendered, visible};
  }

  // Hidden.
  await page.evaluate(() => window.__kpTimers.setHidden(true));
  await sleep(200);
  const h0 = await snap();
  await sleep(quiet * 1000);
  const h1 = await snap();
  const hidden = {seconds: quiet, timerCallbacks: h1.callbacks - h0.callbacks, pendingTimers: h1.pending};

  // Shown again: the clock should catch up at once.
  const s0 = await snap();
  await page.evaluate(() => window.__kpTimers.setHidden(false));
  await sleep(1500);
  const s1 = await snap();
  const shownAgain = {timerCallbacks: s1.callbacks - s0.callbacks};

  // Removed.
  await page.evaluate(() => document.querySelectorAll('kp-countdown').forEach((e) => e.remove()));
  await sleep(200);
  const r0 = await snap();
  await sleep(quiet * 1000);
  const r1 = await snap();
  const removed = {seconds: quiet, timerCallbacks: r1.callbacks - r0.callbacks, pendingTimers: r1.pending};

  await context.close();
  return {count, onScreen, rendered, visible, hidden, shownAgain, removed};
}

/**
 * Cumulative layout shift of the demo page (with its pre-upgrade CSS), the module
 * delayed by `delay` ms so that the page paints before the elements upgrade.
 */
export async function measureCls(browser, origin, {delay = 500, runs = 2, path = '/demo/index.html'} = {}) {
  const viewports = {
    desktop: {width: 1280, height: 800},
    phone: {width: 390, height: 844},
    // The whole page in the viewport: every jump anywhere on the page counts.
    'desktop, whole page': {width: 1280, height: 6000},
  };
  const out = {};
  for (const [name, viewport] of Object.entries(viewports)) {
    const values = [];
    let worst;
    for (let i = 0; i < runs; i++) {
      const {context, page} = await newPage(browser, {viewport, probes: [readyProbe, clsProbe, heightProbe]});
      await page.goto(`${origin}${path}?delay=${delay}`);
      await waitReady(page);
      await sleep(1000);
      const cls = await page.evaluate(() => ({...window.__kpCls, before: window.__kpHeightsBefore, after: window.__kpHeights()}));
      await context.close();
      values.push(cls.value);
      if (!worst || cls.value > worst.value) worst = cls;
    }
    out[name] = {viewport, ...stats(values), worstEntries: worst.entries, heights: worst.before.map((b, i) => ({...b, after: worst.after[i].h, afterEm: worst.after[i].em, definedAfter: worst.after[i].defined}))};
  }
  return out;
}

/**
 * The same timer check on the demo page with every element (forms included):
 * callbacks while hidden, and after every kp- element is removed.
 */
export async function measureDemoTimers(browser, origin, {quiet = 4, path = '/demo/index.html'} = {}) {
  const {context, page} = await newPage(browser, {probes: [readyProbe, timerProbe]});
  await page.goto(origin + path);
  await waitReady(page);
  await sleep(1000);
  const snap = () => page.evaluate(() => window.__kpTimers.snapshot());
  await page.evaluate(() => window.__kpTimers.setHidden(true));
  await sleep(200);
  const h0 = await snap();
  await sleep(quiet * 1000);
  const h1 = await snap();
  await page.evaluate(() => window.__kpTimers.setHidden(false));
  await sleep(500);
  await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('kp-')).forEach((e) => e.remove()));
  await sleep(200);
  const r0 = await snap();
  await sleep(quiet * 1000);
  const r1 = await snap();
  await context.close();
  return {
    hidden: {seconds: quiet, timerCallbacks: h1.callbacks - h0.callbacks, pendingTimers: h1.pending},
    removed: {seconds: quiet, timerCallbacks: r1.callbacks - r0.callbacks, pendingTimers: r1.pending},
  };
}
