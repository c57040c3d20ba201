// Benchmark (not a test): prints the size of dist/ (raw and gzip -9) and the median time from a
// parameter change to the last DOM mutation, for every case and variant at its defaults and for
// a large city drawn unit by unit, in headless Chromium. Run after a release build and
// `cargo test --test expected` (it reads target/e2e-expected.json for the list of variants):
//   node scripts/bench.mjs [runs]
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, launch, open, DIST } from '../e2e/support.mjs';
import { allParams, timeChanges } from './measure.mjs';

const runs = Number(process.argv[2] || 60);

async function files(dir) {
  const out = [];
  for (const name of await readdir(dir)) {
    const p = join(dir, name);
    if ((await stat(p)).isDirectory()) out.push(...(await files(p)));
    else out.push(p);
  }
  return out;
}

let raw = 0;
let gz = 0;
console.log('file\traw bytes\tgzip bytes');
const OFFLINE = 'reform-explorer.html';
let offline = null;
for (const f of (await files(DIST)).sort()) {
  const body = await readFile(f);
  const g = gzipSync(body, { level: 9 }).length;
  const name = f.slice(DIST.length + 1);
  if (name === OFFLINE) {
    offline = [body.length, g];
    continue;
  }
  raw += body.length;
  gz += g;
  console.log(`${name}\t${body.length}\t${g}`);
}
console.log(`TOTAL dist/ (the hosted site)\t${raw}\t${gz}\t(${(gz / 1024).toFixed(1)} KiB gzip)`);
console.log(offline
  ? `offline copy ${OFFLINE}\t${offline[0]}\t${offline[1]}\t(${(offline[0] / 1024).toFixed(1)} KiB as handed out)`
  : `offline copy ${OFFLINE}: missing (build with trunk first)`);

function stats(times) {
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return `median ${q(0.5).toFixed(2)} ms, p90 ${q(0.9).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`;
}

const median = (t) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)];

const server = await serve();
const browser = await launch();
try {
  const cases = JSON.parse(await readFile('target/e2e-expected.json', 'utf8'));
  console.log(`parameter change -> last DOM mutation (${runs} runs each, headless Chromium)`);
  const worst = [];
  for (const cv of Object.keys(cases)) {
    const [c, v] = cv.split('/');
    const { page, errors } = await open(browser, `${server.url}?case=${c}&variant=${v}`);
    const params = await allParams(page);
    const nodes = await page.locator('.diagram .node').count();
    const { key, values } = params[0];
    const t = await timeChanges(page, key, values, runs);
    // Every parameter, a few runs each: the median over all of them and the slowest one.
    const per = [];
    const every = [];
    for (const p of params) {
      // A step may change nothing on the page (a value the model rounds away): not timed.
      const tp = await timeChanges(page, p.key, p.values, Math.max(6, Math.round(runs / 4)), true);
      every.push(...tp);
      if (tp.length) per.push([p.key, median(tp)]);
    }
    per.sort((a, b) => b[1] - a[1]);
    worst.push([cv, median(every)]);
    console.log(`  ${cv.padEnd(20)} ${key}=${values.join('<->')} (${nodes} boxes): ${stats(t)}${errors.length ? ` ERRORS ${errors.join(' | ')}` : ''}`);
    console.log(`  ${''.padEnd(20)} all ${params.length} parameters: median ${median(every).toFixed(2)} ms; slowest ${per[0][0]} ${per[0][1].toFixed(2)} ms, ${per[1] ? `${per[1][0]} ${per[1][1].toFixed(2)} ms` : ''}`);
    await page.close();
  }
  // A large city with every unit drawn on its own: about 2,000 boxes in the two diagrams.
  const big = '?case=daqing&group=0&population=6000000&staff=8000&sub_bureaus_before=30';
  const { page, errors } = await open(browser, server.url + big);
  const nodes = await page.locator('.diagram .node').count();
  const t = await timeChanges(page, "staff", ["8010", "8000"], runs);
  const bigMedian = median(t);
  console.log(`  large city ${big} (${nodes} boxes): ${stats(t)}${errors.length ? ` ERRORS ${errors.join(' | ')}` : ''}`);
  // A view change (zoom) touches one transform.
  const zoom = await page.evaluate(async () => {
    let changed = 0;
    const mo = new MutationObserver((m) => { changed += m.length; });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const t0 = performance.now();
    document.querySelector('[data-phase="after"] [data-action="zoom-in"]').click();
    await new Promise((r) => setTimeout(r, 0));
    mo.disconnect();
    return { ms: performance.now() - t0, changed };
  });
  console.log(`  zoom in on the large city: ${zoom.ms.toFixed(2)} ms, ${zoom.changed} DOM mutation records`);
  // The issue's targets, against this run's figures (a benchmark reports; it does not fail).
  worst.sort((a, b) => b[1] - a[1]);
  console.log(`targets: all-parameter median <= 4 ms for every variant: ${worst[0][1] <= 4 ? 'met' : 'MISSED'} (slowest ${worst[0][0]} ${worst[0][1].toFixed(2)} ms); large city <= 16 ms: ${bigMedian <= 16 ? 'met' : 'MISSED'} (${bigMedian.toFixed(2)} ms)`);
} finally {
  await browser.close();
  await server.close();
}
