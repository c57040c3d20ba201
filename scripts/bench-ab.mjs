// A/B benchmark (not a test): the median time from a parameter change to the last DOM mutation,
// over every parameter of every variant, for two builds measured in alternation (page A, page B,
// page A, …), so that the machine's own drift falls on both alike. Build the other one with
// `trunk build --release --dist target/dist-base` from the commit to compare against, then
//   node scripts/bench-ab.mjs target/dist-base dist [rounds]
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serve, launch, open } from '../e2e/support.mjs';

const [dirA, dirB] = [process.argv[2] || 'target/dist-base', process.argv[3] || 'dist'];
const rounds = Number(process.argv[4] || 3);
const median = (t) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)];

/** Times every parameter of the page `runs` times (toggling between two valid values). */
async function timeAll(page, runs) {
  return page.evaluate(async (runs) => {
    const params = Array.from(document.querySelectorAll('[data-param]')).map((p) => {
      const input = p.querySelector('input');
      const v = Number(input.value);
      const step = Number(p.dataset.stepSize) || 1;
      const next = v + step <= Number(p.dataset.max) ? v + step : v - step;
      const fmt = (x) => String(Math.round(x * 1e6) / 1e6);
      return { input, values: [fmt(next), fmt(v)] };
    });
    const out = [];
    for (const { input, values } of params) {
      for (let i = 0; i < runs; i++) {
        let last = -1;
        const mo = new MutationObserver(() => { last = performance.now(); });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const t0 = performance.now();
        input.value = values[i % 2];
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
        mo.disconnect();
        if (last >= 0) out.push(last - t0);
        await new Promise((r) => requestAnimationFrame(() => r()));
      }
    }
    return out;
  }, runs);
}

const servers = [await serve(resolve(dirA)), await serve(resolve(dirB))];
const browser = await launch();
try {
  const cases = JSON.parse(await readFile('target/e2e-expected.json', 'utf8'));
  const queries = Object.keys(cases).map((cv) => {
    const [c, v] = cv.split('/');
    return [cv, `?case=${c}&variant=${v}`];
  });
  queries.push(['large city (2,082 boxes)', '?case=daqing&group=0&population=6000000&staff=8000&sub_bureaus_before=30']);
  console.log(`median ms from a parameter change to the last DOM mutation, every parameter, ${rounds} alternating rounds`);
  console.log(`${'page'.padEnd(26)}${'A ' + dirA}`.padEnd(50) + `B ${dirB}`);
  for (const [name, q] of queries) {
    const times = [[], []];
    for (let r = 0; r < rounds; r++) {
      for (const i of r % 2 ? [1, 0] : [0, 1]) {
        const { page } = await open(browser, servers[i].url + q);
        times[i].push(...(await timeAll(page, name.startsWith('large') ? 10 : 6)));
        await page.close();
      }
    }
    const [a, b] = times.map(median);
    console.log(`${name.padEnd(26)}${a.toFixed(2).padStart(8)} ms (${times[0].length})`.padEnd(50) + `${b.toFixed(2).padStart(8)} ms (${times[1].length})   ${((b / a - 1) * 100).toFixed(0)} %`);
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
