// The print stylesheet: A4 landscape, before and after side by side, the numbers and the
// sources; controls and panels that mean nothing on paper are left out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, useBrowser } from './support.mjs';

const env = useBrowser(before, after);

test('printing shows both diagrams side by side, the numbers and the sources, and no controls', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.url}?case=zhejiang&theme=dark`);
  try {
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const r = await page.evaluate(() => {
      const shown = (sel) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
      const [b, a] = [...document.querySelectorAll('figure.diagram')].map((f) => f.getBoundingClientRect());
      return {
        params: shown('.params'), share: shown('.share'), zoom: shown('[data-action="zoom-in"]'), exports: shown('[data-export]'),
        before: shown('figure.diagram[data-phase="before"] g.node'), after: shown('figure.diagram[data-phase="after"] g.node'),
        sideBySide: Math.abs(b.top - a.top) < 2 && a.left > b.right - 2,
        numbers: shown('[data-metric="staff_total"]'), sources: shown('[data-panel="sources"] [data-doc]'),
        bg: getComputedStyle(document.body).backgroundColor,
        // The dark theme's colours are screen-only: panels and boxes print as the light theme's.
        panel: getComputedStyle(document.querySelector('.steps')).backgroundColor,
        box: getComputedStyle(document.querySelector('g.node rect')).fill,
        ink: getComputedStyle(document.querySelector('table')).color,
      };
    });
    const light = await page.evaluate(() => {
      document.documentElement.dataset.theme = 'light';
      return {
        panel: getComputedStyle(document.querySelector('.steps')).backgroundColor,
        box: getComputedStyle(document.querySelector('g.node rect')).fill,
        ink: getComputedStyle(document.querySelector('table')).color,
      };
    });
    await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
    assert.deepEqual(r, {
      params: false, share: false, zoom: false, exports: false, before: true, after: true,
      sideBySide: true, numbers: true, sources: true, bg: 'rgb(255, 255, 255)', ...light,
    });
    assert.equal(light.panel, 'rgb(255, 255, 255)');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal(await page.evaluate(() => document.querySelector('[data-panel="sources"]').open), false);
    // Chromium's own printing (to PDF) fires the same events.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    // A4 landscape: the first page's MediaBox is 842 × 595 points.
    assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 84[12](\.\d+)? 59[45](\.\d+)?\]/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
