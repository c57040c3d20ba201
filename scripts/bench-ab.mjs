// A/B benchmark (not a test): the median time from a parameter change to the last DOM mutation,
// over every parameter of every variant, and the slowest parameter's own median, for two builds
// measured in alternation (page A, page B, page A, …), so that the machine's own drift falls on
// both alike. Build the other one with `trunk build --release --dist target/dist-base` from the
// commit to compare against, then
//   node scripts/bench-ab.mjs target/dist-base dist [rounds] [only]
// (`only`: a comma-separated list of pages to time, e.g. zhejiang/pujiang,large; default all).
// PARAMS=staff,branches_after times only those parameters. With FRAMES=1 it times each change's
// main-thread work instead: its update and the rendering of the frame that shows it (update +
// render, measure.mjs timeFrameParts).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serve, launch, open } from '../e2e/support.mjs';
import { allParams, median, timeChanges, timeFrameParts } from './measure.mjs';

const [dirA, dirB] = [process.argv[2] || 'target/dist-base', process.argv[3] || 'dist'];
const rounds = Number(process.argv[4] || 3);
const only = process.argv[5] ? process.argv[5].split(',') : null;

/** Times every parameter of the page `runs` times (toggling between two valid values), into `by`
 * (parameter key -> times). */
async function timeAll(page, runs, by) {
  const keys = process.env.PARAMS ? process.env.PARAMS.split(',') : null;
  for (const p of (await allParams(page)).filter((q) => !keys || keys.includes(q.key))) {
    const t = process.env.FRAMES
      ? (await timeFrameParts(page, p.key, p.values, runs)).map((f) => f.update + f.render)
      : await timeChanges(page, p.key, p.values, runs, true);
    by.set(p.key, [...(by.get(p.key) || []), ...t]);
  }
}

/** The parameter whose median is the highest, and that median. */
function slowest(by) {
  return [...by].map(([k, t]) => [k, median(t)]).sort((x, y) => y[1] - x[1])[0] || ['-', NaN];
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
  console.log(`median ms from a parameter change to ${process.env.FRAMES ? 'the end of its frame\'s rendering, less the wait for the frame (update + render)' : 'the last DOM mutation'}, every parameter, ${rounds} alternating rounds`);
  console.log(`${'page'.padEnd(26)}${'A ' + dirA}`.padEnd(50) + `B ${dirB}`);
  for (const [name, q] of queries) {
    if (only && !only.some((o) => name.startsWith(o))) continue;
    const by = [new Map(), new Map()];
    for (let r = 0; r < rounds; r++) {
      for (const i of r % 2 ? [1, 0] : [0, 1]) {
        const { page } = await open(browser, servers[i].url + q);
        await timeAll(page, name.startsWith('large') ? 10 : 6, by[i]);
        await page.close();
      }
    }
    const times = by.map((m) => [...m.values()].flat());
    const [a, b] = times.map(median);
    const [sa, sb] = by.map(slowest);
    console.log(`${name.padEnd(26)}${a.toFixed(2).padStart(8)} ms (${times[0].length})`.padEnd(50) + `${b.toFixed(2).padStart(8)} ms (${times[1].length})   ${((b / a - 1) * 100).toFixed(0)} %`);
    console.log(`${'  slowest parameter'.padEnd(26)}${sa[1].toFixed(2).padStart(8)} ms ${sa[0]}`.padEnd(50) + `${sb[1].toFixed(2).padStart(8)} ms ${sb[0]}`);
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
