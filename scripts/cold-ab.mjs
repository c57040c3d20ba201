// A/B cold start (not a test): the time from navigation to the frame that shows the first figure
// (as `bench.mjs cold` measures it), for two builds loaded in alternation (A, B, A, …) so that
// the machine's own drift falls on both alike; prints each build's median and its FCP median.
//   [NET=4g] node scripts/cold-ab.mjs target/dist-base dist [loads] [path-and-query]
import { resolve } from 'node:path';
import { serve, launch } from '../e2e/support.mjs';
import { coldStart, median } from './measure.mjs';

const dirs = [process.argv[2] || 'target/dist-base', process.argv[3] || 'dist'];
const loads = Number(process.argv[4] || 15);
const path = process.argv[5] || '';
// NET=4g: under emulated fast 4G (9 Mbit/s, 150 ms RTT), as bench.mjs's second figure.
const net = process.env.NET === '4g' ? { latency: 150, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8 } : null;
const sites = await Promise.all(dirs.map((d) => serve(resolve(d), '/', { gzip: true })));
const browser = await launch();
const out = dirs.map(() => ({ figure: [], fcp: [], diagram: [] }));
try {
  for (let i = 0; i < loads; i++) {
    for (const [k, site] of sites.entries()) {
      const t = await coldStart(browser, site.url + path, net, { diagram: true });
      out[k].figure.push(t.figure);
      out[k].fcp.push(t.fcp);
      out[k].diagram.push(t.diagram);
    }
  }
} finally {
  await browser.close();
  await Promise.all(sites.map((s) => s.close()));
}
console.log(`cold start of ${path || 'the home page'}, ${loads} loads each, alternating (served gzip${net ? ', fast 4G' : ''}; ms)`);
for (const [k, d] of dirs.entries()) {
  const f = out[k].figure;
  console.log(`  ${d.padEnd(24)} first figure median ${median(f).toFixed(0)} (fastest ${Math.min(...f).toFixed(0)}, slowest ${Math.max(...f).toFixed(0)}); FCP median ${median(out[k].fcp).toFixed(0)}; diagrams drawn median ${median(out[k].diagram).toFixed(0)}`);
}
