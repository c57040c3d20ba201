// End-to-end for the first screen (issue 18, item 4): the first task builds the top bar and the
// key figures only, so the frame that shows the first figures waits for nothing else; the
// parameters, the why panel, the scopes, the steps and the diagrams come in the task after that
// frame, and then the page is whole. Checked at the moment the first figure enters the page (a
// MutationObserver set before the app starts), on a wide screen, between 601 and 900 px and on
// a phone, and on a link that sets a parameter (its value is in the field once it is built).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { recordErrors, useBrowser } from './support.mjs';

const env = useBrowser(before, after);

/** What the page holds when the first key figure with a number enters it, and once it is whole. */
async function firstScreen(url, viewport) {
  const context = await env.browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.addInitScript(() => {
      const parts = {
        figure: '[data-key-figure] [data-phase="after"]',
        params: '#param-population',
        why: 'details.why',
        scopes: '.scope [data-variant]',
        steps: 'button.step[data-step]',
        diagrams: 'svg.diagram-svg',
        numbers: '[data-metric="staff_total"][data-phase="after"]',
      };
      const held = () => Object.fromEntries(Object.entries(parts).map(([k, s]) => [k, !!document.querySelector(s)]));
      const mo = new MutationObserver(() => {
        const f = document.querySelector(parts.figure);
        if (f && /\d/.test(f.textContent)) {
          mo.disconnect();
          window.__atFirstFigure = held();
        }
      });
      mo.observe(document, { subtree: true, childList: true, characterData: true });
      window.__held = held;
    });
    await page.goto(url);
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]', { timeout: 20000 });
    await page.waitForSelector('button.step[data-step]', { state: 'attached' });
    const at = await page.evaluate(() => window.__atFirstFigure);
    const whole = await page.evaluate(() => window.__held());
    const population = await page.inputValue('#param-population');
    assert.deepEqual(errors, []);
    return { at, whole, population };
  } finally {
    await context.close();
  }
}

for (const [name, viewport] of [['1400 px', { width: 1400, height: 1000 }], ['760 px', { width: 760, height: 1000 }], ['a phone', { width: 390, height: 844 }]]) {
  test(`${name}: the first figures are drawn before the parameters, the steps and the diagrams, which follow`, async () => {
    const { at, whole } = await firstScreen(`${env.server.url}?case=daqing&variant=urban`, viewport);
    assert.deepEqual(at, { figure: true, params: false, why: false, scopes: false, steps: false, diagrams: false, numbers: false },
      'in the page with the first figure');
    assert.deepEqual(whole, { figure: true, params: true, why: true, scopes: true, steps: true, diagrams: true, numbers: true },
      'once the page is whole');
  });
}

test('a link that sets a parameter: its figures first, its value in the field once the parameters are built', async () => {
  const { at, population } = await firstScreen(`${env.server.url}?case=daqing&variant=urban&population=3000000`, { width: 1400, height: 1000 });
  assert.equal(at.params, false);
  assert.equal(population, '3000000');
});
