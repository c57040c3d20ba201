// The print stylesheet: A4 landscape, before and after side by side, the numbers and the
// sources; controls and panels that mean nothing on paper are left out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setParam, useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);

test('printing shows both diagrams side by side, the numbers and the sources, and no controls', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang&theme=dark`, async ({ page }) => {
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
  });
});

/** Where staff went at each step, as the step control shows it (each step clicked in turn):
 *  the number of steps, and each step's [organ, frontline] flow. */
async function stepFlows(page) {
  const steps = await page.$$eval('.step-list [data-step]', (b) => b.length - 1);
  const flows = [];
  for (let i = 1; i <= steps; i++) {
    await page.click(`.step-list [data-step="${i}"]`);
    await page.waitForSelector(`.step-list [data-step="${i}"][aria-current="step"]`);
    flows.push(await page.$eval('.step-detail .step-flow', (e) => [e.dataset.flowOrgan, e.dataset.flowFrontline]));
  }
  return { steps, flows };
}

/** The number of pages in a PDF Chromium wrote (its page objects). */
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length;

// The handout: every case and scope, the composer, in Chinese and English, prints on exactly two
// A4 pages: what it is about, the key figures, why (open), every step with where its staff went
// (the same figures the step control shows, step by step), then the whole of both diagrams (not
// the screen's zoom) beside each other, the main numbers and the documents.
const HANDOUTS = [
  ['daqing', 'urban', 'en'], ['daqing', 'county', 'zh'], ['zhejiang', 'nanhu', 'zh'], ['zhejiang', 'pujiang', 'en'],
  ['tianjin', 'station', 'en'], ['tianjin', 'municipal', 'zh'], ['haidong', 'county', 'en'],
];
for (const [kase, variant, lang] of HANDOUTS) {
  test(`${kase}/${variant} (${lang}): the handout is two A4 pages with the key figures, the why, every step's staff flow and both whole diagrams`, async () => {
    await withPage(env.browser, `${env.server.url}?case=${kase}&variant=${variant}&lang=${lang}`, { viewport: { width: 1366, height: 768 } }, async ({ page }) => {
      // What the step control shows, step by step.
      const { steps, flows } = await stepFlows(page);
      // Zoomed in on screen: the printout still shows the whole drawing.
      await page.click('figure.diagram[data-phase="after"] [data-action="zoom-in"]');
      const onScreen = () => page.$$eval('[data-handout]', (l) => l.some((e) => e.getClientRects().length > 0));
      assert.equal(await onScreen(), false, 'the handout parts are for print only');
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      const r = await page.evaluate(() => {
        const shown = (sel) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
        const whole = [...document.querySelectorAll('figure.diagram svg.diagram-svg')].map((svg) => {
          const g = svg.querySelector('g.viewport').getBBox();
          const [x, y, w, h] = (svg.getAttribute('viewBox') || '').split(' ').map(Number);
          return x <= g.x + 0.5 && y <= g.y + 0.5 && x + w >= g.x + g.width - 0.5 && y + h >= g.y + g.height - 0.5;
        });
        return {
          title: shown('[data-handout="title"]'), figures: shown('[data-panel="key-figures"] .kf'),
          why: document.querySelector('details[data-panel="why"]').open && shown('[data-panel="why"] li'),
          steps: [...document.querySelectorAll('[data-handout="steps"] li')].map((li) => {
            const f = li.querySelector('.step-flow');
            return [f.dataset.flowOrgan, f.dataset.flowFrontline];
          }),
          current: document.querySelector('[data-handout="steps"] li.shown')?.dataset.handoutStep,
          stepControl: shown('.step-list'), whole,
          numbers: shown('[data-metric="staff_total"]'), breakdowns: shown('[data-breakdown-table]'),
          docs: shown('[data-panel="sources"] [data-doc]'), params: shown('.source-table'),
        };
      });
      assert.deepEqual(r, {
        title: true, figures: true, why: true, steps: flows, current: String(steps), stepControl: false,
        whole: [true, true], numbers: true, breakdowns: false, docs: true, params: false,
      });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      assert.equal(pages(pdf), 2, `${kase}/${variant} ${lang}: ${pages(pdf)} pages`);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await onScreen(), false);
      // The screen's view again: no fixed frame on the drawing.
      assert.equal(await page.getAttribute('figure.diagram[data-phase="after"] svg', 'viewBox'), null);
    });
  });
}

// The handout's list of steps is hidden on screen and redrawn only when a step's staff flow
// changes (ui/steps.rs): after parameter edits it still says what the step control says.
test('after parameter edits, the handout\'s steps carry the staff flows the step control shows', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&variant=urban&lang=en`, async ({ page }) => {
    const seen = new Set();
    for (const [key, value] of [['frontline_share_before', 40], ['staff', 3100], ['leaders', 6]]) {
      await setParam(page, key, value);
      const { flows } = await stepFlows(page);
      const handout = await page.$$eval('[data-handout="steps"] li .step-flow', (l) => l.map((f) => [f.dataset.flowOrgan, f.dataset.flowFrontline]));
      assert.deepEqual(handout, flows, `after ${key}=${value}`);
      seen.add(JSON.stringify(flows));
    }
    // The edits do move staff differently (else the list would have had nothing to follow).
    assert.ok(seen.size > 1, [...seen].join(' | '));
  });
});
