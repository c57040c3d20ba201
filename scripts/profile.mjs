// Profiler (not a test): samples the CPU in headless Chromium while one parameter is toggled
// many times, and prints the functions with the most self time and the most inclusive time.
// Function names need a build that keeps the wasm names section; make one beside dist/ with
//   bash scripts/profile-build.sh        (writes target/dist-profile/)
// then
//   DIST=target/dist-profile node scripts/profile.mjs '?case=daqing&variant=urban' staff 300
// Arguments: the query of the page, the parameter key, the number of changes (default 200).
import { serve, launch, open } from '../e2e/support.mjs';
import { report, toggleValues } from './profile-report.mjs';

const query = process.argv[2] || '?case=daqing&variant=urban';
const key = process.argv[3] || 'staff';
const n = Number(process.argv[4] || 200);
const top = Number(process.env.TOP || 40);

const server = await serve();
const browser = await launch();
try {
  const { page, errors } = await open(browser, server.url + query);
  const values = await toggleValues(page, key);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const wall = await page.evaluate(async ({ key, values, n }) => {
    const input = document.querySelector(`#param-${key}`);
    let total = 0;
    for (let i = 0; i < n; i++) {
      // After a painted frame, in a task of its own: the change's task ends before the next
      // frame's rendering (an input dispatched inside a frame callback would have its task run
      // on through that frame's style, layout and paint).
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      input.value = values[i % 2];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      total += performance.now() - t0;
    }
    return total;
  }, { key, values, n });
  const { profile } = await cdp.send('Profiler.stop');
  report(profile, n, `${query} ${key}=${values.join('<->')}, ${n} changes: ${(wall / n).toFixed(2)} ms per change to the end of its task${errors.length ? ` ERRORS ${errors.join(' | ')}` : ''}`, top);
} finally {
  await browser.close();
  await server.close();
}
