// Benchmark (not a test): prints the size of dist/ (raw and gzip -9) and the median time from a
// parameter change to the updated DOM (metric cell and diagram box both updated) in headless
// Chromium. Run after a release build:  node scripts/bench.mjs [runs]
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

const server = await serve();
const browser = await launch();
try {
  const { page, errors } = await open(browser, `${server.url}?case=daqing`);
  const times = await page.evaluate(async (n) => {
    const input = document.querySelector('#param-staff');
    const out = [];
    for (let i = 0; i < n; i++) {
      const v = String(2400 + (i % 20) * 10 + (i % 2));
      const done = new Promise((resolve) => {
        const check = () => {
          const cell = document.querySelector('[data-metric="staff_total"][data-phase="after"]');
          const box = document.querySelector('[data-phase="after"] [data-unit-id="m"]');
          return cell?.dataset.value === v && box?.dataset.staff === v;
        };
        const mo = new MutationObserver(() => {
          if (check()) {
            mo.disconnect();
            resolve(performance.now());
          }
        });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      const t0 = performance.now();
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      out.push((await done) - t0);
      await new Promise((r) => requestAnimationFrame(() => r()));
    }
    return out;
  }, runs);
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  console.log(`parameter change -> DOM updated (Daqing defaults, ${runs} runs): median ${q(0.5).toFixed(2)} ms, p90 ${q(0.9).toFixed(2)} ms, min ${times[0].toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
  if (errors.length) console.log(`console errors: ${errors.join(' | ')}`);
} finally {
  await browser.close();
  await server.close();
}
