// Profiler (not a test): samples the CPU in headless Chromium while a large organisation is
// imported (from the input's files being set to the frame that shows it), then while one
// parameter of the reform on it is toggled many times, then while a station's staff is edited
// in the organisation editor many times, and prints the functions with the most
// time for each (scripts/profile-report.mjs). Needs a build with function names:
//   bash scripts/profile-build.sh
//   node scripts/bench.mjs 1 import       # writes target/bench-org5000.csv
//   DIST=target/dist-profile node scripts/profile-import.mjs [file.csv] [changes]
import { readFileSync } from 'node:fs';
import { serve, launch, open, settledUrl } from '../e2e/support.mjs';
import { report, toggleValues } from './profile-report.mjs';

const file = process.argv[2] || 'target/bench-org5000.csv';
const n = Number(process.argv[3] || 40);
const key = process.env.PARAM || 'daqing.urban.staff_standard_max';
const IMPORT = 'input[type=file][data-action="import-organisation"]';
const text = readFileSync(file);

const server = await serve();
const browser = await launch();
try {
  const { page, errors } = await open(browser, `${server.url}?case=daqing&lang=en`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await page.evaluate(() => {
    const mo = new MutationObserver(() => {
      if (!document.querySelector('[data-own]') || !document.querySelector('figure.diagram[data-phase="after"] g.node')) return;
      mo.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__imported = performance.now(); }));
    });
    mo.observe(document, { subtree: true, childList: true, attributes: true });
    window.__start = performance.now();
  });
  await cdp.send('Profiler.start');
  await page.setInputFiles(IMPORT, { name: 'big.csv', mimeType: 'text/csv', buffer: text });
  await page.waitForFunction(() => window.__imported, null, { timeout: 60000, polling: 20 });
  const imported = await page.evaluate(() => window.__imported - window.__start);
  report((await cdp.send('Profiler.stop')).profile, 1, `import of ${file}: ${imported.toFixed(1)} ms to the frame that shows it`);

  await settledUrl(page);
  const values = await toggleValues(page, key);
  await cdp.send('Profiler.start');
  const wall = await page.evaluate(async ({ key, values, n }) => {
    const input = document.getElementById(`param-${key}`);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      input.value = values[i % 2];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      total += performance.now() - t0;
    }
    return total;
  }, { key, values, n });
  report((await cdp.send('Profiler.stop')).profile, n, `\n${key}=${values.join('<->')} on it, ${n} changes: ${(wall / n).toFixed(2)} ms per change to the painted frame${errors.length ? ` ERRORS ${errors.join(' | ')}` : ''}`);

  // Edits of the organisation itself, as the benchmark makes them: a station's frontline
  // staff typed into the editor and committed, n times (each a new organisation).
  await page.click('[data-panel="org-editor"] > summary');
  await page.waitForSelector('[data-org-unit] [data-field="frontline"]');
  await page.waitForTimeout(500);
  await cdp.send('Profiler.start');
  const edits = await page.evaluate(async (n) => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const input = [...document.querySelectorAll('[data-org-unit] [data-field="frontline"]')][5];
      const t0 = performance.now();
      input.value = String(Number(input.value) + (i % 2 ? -1 : 1));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      total += performance.now() - t0;
      await new Promise((r) => setTimeout(r, 100));
    }
    return total;
  }, n);
  report((await cdp.send('Profiler.stop')).profile, n, `\n${n} edits of a station's frontline staff in the editor: ${(edits / n).toFixed(2)} ms per edit to the painted frame${errors.length ? ` ERRORS ${errors.join(' | ')}` : ''}`);
} finally {
  await browser.close();
  await server.close();
}
