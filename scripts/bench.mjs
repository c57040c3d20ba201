// Benchmark (not a test): prints the size of dist/ (raw and gzip -9) and the median time from a
// parameter change to the last DOM mutation, for every case and variant at its defaults and for
// a large city drawn unit by unit, in headless Chromium. Run after a release build and
// `cargo test --test expected` (it reads target/e2e-expected.json for the list of variants):
//   node scripts/bench.mjs [runs]
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, launch, open, DIST } from '../e2e/support.mjs';

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
for (const f of (await files(DIST)).sort()) {
  const body = await readFile(f);
  const g = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += g;
  console.log(`${f.slice(DIST.length + 1)}\t${body.length}\t${g}`);
}
console.log(`TOTAL dist/\t${raw}\t${gz}\t(${(gz / 1024).toFixed(1)} KiB gzip)`);

// Time from a parameter change to the last DOM mutation it causes: Leptos applies updates in
// microtasks after the input event, so every mutation lands before the next macrotask. Each run
// toggles one parameter between two valid values, so every run really changes the model.
async function timeChanges(page, key, values, n) {
  return page.evaluate(async ({ key, values, n }) => {
    const input = document.querySelector(`#param-${key}`);
    const out = [];
    for (let i = 0; i < n; i++) {
      let last = -1;
      const mo = new MutationObserver(() => { last = performance.now(); });
      mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const t0 = performance.now();
      input.value = values[i % 2];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      mo.disconnect();
      if (last < 0) throw new Error(`no DOM change after ${key}=${values[i % 2]}`);
      out.push(last - t0);
      await new Promise((r) => requestAnimationFrame(() => r()));
    }
    return out;
  }, { key, values, n });
}

function stats(times) {
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return `median ${q(0.5).toFixed(2)} ms, p90 ${q(0.9).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`;
}

/** The first parameter of the page with a second valid value one step away. */
async function firstParam(page) {
  return page.evaluate(() => {
    const input = document.querySelector('[data-param] input');
    const key = input.id.replace(/^param-/, '');
    const v = Number(input.value);
    return { key, values: [String(v + 1), String(v)] };
  });
}

const server = await serve();
const browser = await launch();
try {
  const cases = JSON.parse(await readFile('target/e2e-expected.json', 'utf8'));
  console.log(`parameter change -> last DOM mutation (${runs} runs each, headless Chromium)`);
  for (const cv of Object.keys(cases)) {
    const [c, v] = cv.split('/');
    const { page, errors } = await open(browser, `${server.url}?case=${c}&variant=${v}`);
    const { key, values } = await firstParam(page);
    const nodes = await page.locator('.diagram .node').count();
    const t = await timeChanges(page, key, values, runs);
    console.log(`  ${cv.padEnd(20)} ${key}=${values.join('<->')} (${nodes} boxes): ${stats(t)}${errors.length ? ` ERRORS ${errors.join(' | ')}` : ''}`);
    await page.close();
  }
  // A large city with every unit drawn on its own: about 2,000 boxes in the two diagrams.
  const big = '?case=daqing&group=0&population=6000000&staff=8000&sub_bureaus_before=30';
  const { page, errors } = await open(browser, server.url + big);
  const nodes = await page.locator('.diagram .node').count();
  const t = await timeChanges(page, "staff", ["8010", "8000"], runs);
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
} finally {
  await browser.close();
  await server.close();
}
