// Where a parameter change's frame goes (a measurement, not a test): opens `path` (served gzip,
// like bench.mjs), changes parameter `key` one step and back, `changes` times, each from a quiet
// page, traced by Chromium; prints the main thread's work per change summed by trace event name,
// then each style recalculation (elements) and layout (dirty and total layout objects).
//   DIST=dist node scripts/trace-update.mjs ['?case=daqing'] [pairs_per_team] [changes]
import { serve, launch, DIST } from '../e2e/support.mjs';

const path = process.argv[2] || '?case=daqing';
const key = process.argv[3] || 'pairs_per_team';
const changes = Number(process.argv[4] || 6);
const NAMED = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'FunctionCall', 'EventDispatch',
  'FireAnimationFrame', 'TimerFire', 'HitTest', 'UpdateLayer', 'Commit', 'RunMicrotasks']);

const site = await serve(DIST, '/', { gzip: true });
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(site.url + path);
  await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
  // Past the panels built after the first frame.
  await page.waitForTimeout(1500);
  const values = await page.evaluate((k) => {
    const p = document.querySelector(`[data-param="${k}"]`);
    if (!p) return null;
    const v = Number(p.querySelector('input').value);
    const step = Number(p.dataset.stepSize) || 1;
    return [String(v + step <= Number(p.dataset.max) ? v + step : v - step), String(v)];
  }, key);
  if (!values) throw new Error(`no parameter ${key} on ${path}`);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'] });
  await page.evaluate(async ({ key, values, changes }) => {
    const input = document.querySelector(`#param-${key}`);
    for (let i = 0; i < changes; i++) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      input.value = values[i % 2];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
  }, { key, values, changes });
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const sums = new Map();
  for (const e of mine.filter((e) => NAMED.has(e.name))) {
    const s = sums.get(e.name) || { n: 0, ms: 0 };
    s.n++;
    s.ms += (e.dur || 0) / 1000;
    sums.set(e.name, s);
  }
  console.log(`${path} ${key} ${values[1]} <-> ${values[0]}: main thread per change (${changes} changes)`);
  for (const [name, s] of [...sums].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(`  ${name.padEnd(20)} ${String(s.n).padStart(3)} events ${(s.ms / changes).toFixed(2).padStart(7)} ms`);
  }
  for (const e of mine.filter((e) => e.name === 'UpdateLayoutTree')) {
    console.log(`  style recalc ${(e.dur / 1000).toFixed(2)} ms, ${e.args?.elementCount ?? '?'} elements`);
  }
  for (const e of mine.filter((e) => e.name === 'Layout')) {
    const b = e.args?.beginData || {};
    console.log(`  layout ${(e.dur / 1000).toFixed(2)} ms, ${b.dirtyObjects} of ${b.totalObjects} objects`);
  }
  await context.close();
} finally {
  await browser.close();
  await site.close();
}
