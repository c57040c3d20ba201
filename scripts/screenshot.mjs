// Takes screenshots of the built dist/ for a person to look at:
//   node scripts/screenshot.mjs [query] [out.png] [width] [height]
// e.g. node scripts/screenshot.mjs '?case=daqing&lang=en' shot-en.png 1400
// The whole page; with a height, only the first screen of a window that size (what shows
// without scrolling, e.g. 1366 768 or 390 844).
import { serve, launch, open } from '../e2e/support.mjs';

const [query = '', out = 'shot.png', width = '1400', height] = process.argv.slice(2);
const server = await serve();
const browser = await launch();
try {
  // Presenter mode has no numbers table: its figures (or, hidden, their "?") and its diagram.
  const ready = '[data-metric="staff_total"][data-phase="after"], [data-present-figure], [data-notes-figure], figure.diagram[data-phase="after"] [data-unit-id]';
  const { page, errors } = await open(browser, server.url + query, { viewport: { width: Number(width), height: Number(height ?? 900) }, ready });
  if (query.includes('present=')) await page.waitForSelector('[data-present="notes"], [data-present] g.node');
  await page.screenshot({ path: out, fullPage: height === undefined });
  console.log(`wrote ${out}${errors.length ? `; console errors: ${errors.join(' | ')}` : ''}`);
} finally {
  await browser.close();
  await server.close();
}
