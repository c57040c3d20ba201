// Where the cold start's time goes (a measurement, not a test): `runs` fresh loads of the hosted
// page (served gzip, like bench.mjs), each traced by Chromium; prints the median time of each
// phase and the main thread's work between navigation and the first contentful paint, summed by
// trace event name (top-level events of the renderer's main thread and their children).
//   DIST=dist node scripts/trace-cold.mjs [runs] [path-and-query]
import { serve, launch, DIST } from '../e2e/support.mjs';
import { median } from './measure.mjs';

const runs = Number(process.argv[2] || 7);
const path = process.argv[3] || '';
const CATEGORIES = ['devtools.timeline', 'blink', 'loading', 'v8', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];
// The events worth naming (the rest are summed under their parent).
const NAMED = new Set(['ParseHTML', 'EvaluateScript', 'v8.compile', 'v8.wasm.compileLazy', 'v8.wasm.streamFromResponseCallback',
  'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize',
  'Commit', 'ParseAuthorStyleSheet', 'RunMicrotasks', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'HitTest', 'ScheduleStyleRecalculation',
  'UpdateLayer', 'CompositeLayers', 'RasterTask', 'Decode Image']);

const site = await serve(DIST, "/", { gzip: true });
const base = site.url;
const browser = await launch();
const sums = new Map();
const marks = new Map();
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(base + path);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length, null, { timeout: 30000 });
    await page.waitForTimeout(300);
    const trace = JSON.parse((await browser.stopTracing()).toString());
    await context.close();
    const ev = trace.traceEvents;
    const fcp = ev.find((e) => e.name === 'firstContentfulPaint');
    const nav = ev.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL
      && e.args.data.navigationId === fcp?.args?.data?.navigationId);
    if (!nav || !fcp) continue;
    const main = fcp.pid;
    const tid = ev.find((e) => e.name === 'thread_name' && e.pid === main && e.args.name === 'CrRendererMain')?.tid;
    const at = (e) => (e.ts - nav.ts) / 1000;
    const mark = (name, t) => { if (!marks.has(name)) marks.set(name, []); marks.get(name).push(t); };
    mark('first contentful paint', at(fcp));
    for (const name of ['domContentLoadedEventEnd', 'firstPaint']) {
      const e = ev.find((x) => x.name === name && x.pid === main);
      if (e) mark(name, at(e));
    }
    const raf = ev.filter((e) => e.name === 'FireAnimationFrame' && e.pid === main && at(e) < at(fcp));
    if (raf.length) mark('first animation frame', at(raf[0]));
    const run = new Map();
    for (const e of ev) {
      if (e.pid !== main || e.tid !== tid || e.ph !== 'X' || !NAMED.has(e.name)) continue;
      if (at(e) < 0 || at(e) > at(fcp)) continue;
      run.set(e.name, (run.get(e.name) || 0) + (e.dur || 0) / 1000);
    }
    for (const [k, v] of run) {
      if (!sums.has(k)) sums.set(k, []);
      sums.get(k).push(v);
    }
  }
} finally {
  await browser.close();
  await site.close();
}
console.log(`cold start of ${path || 'the home page'}: median of ${runs} traced loads (ms after navigation)`);
for (const [k, v] of [...marks].sort((a, b) => median(a[1]) - median(b[1]))) console.log(`  ${k.padEnd(26)} ${median(v).toFixed(1)}`);
console.log('main thread before the first contentful paint, by event (nested events are counted in their parents too):');
for (const [k, v] of [...sums].sort((a, b) => median(b[1]) - median(a[1]))) console.log(`  ${k.padEnd(34)} ${median(v).toFixed(1)} ms`);
