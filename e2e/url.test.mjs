// The link is the state: random valid states reached through the page (seeded: case, scope,
// parameters within their ranges, step, language, theme, layout), and the address the page
// writes reopens each one with exactly the same figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { reopen, rng, setParam, settledUrl, shownMetrics, useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);
const SEED = Number(process.env.URL_SEED || 7);
const STATES = 12;

test(`${STATES} random states (seed ${SEED}) reopen from their links with the same figures`, async () => {
  const rand = rng(SEED);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  await withPage(env.browser, `${env.server.url}`, async ({ page }) => {
    for (let i = 0; i < STATES; i++) {
      await page.click(`[data-case="${pick(['daqing', 'zhejiang', 'tianjin', 'haidong'])}"]`);
      const variants = await page.$$eval('[data-variant]', (els) => els.map((e) => e.dataset.variant));
      await page.click(`[data-variant="${pick(variants)}"]`);
      const specs = await page.$$eval('[data-param]', (els) => els.map((e) => ({
        key: e.dataset.param, min: Number(e.dataset.min), max: Number(e.dataset.max), step: Number(e.dataset.stepSize),
      })));
      for (let k = 0; k < 3; k++) {
        const s = pick(specs);
        const n = Math.floor((s.max - s.min) / s.step);
        // Near the low end of wide ranges, as in the native property tests.
        const v = s.min + Math.floor(rand() ** 3 * n) * s.step;
        await setParam(page, s.key, Math.round(v * 1e6) / 1e6);
      }
      const steps = await page.$$eval('[data-step]', (els) => els.map((e) => e.dataset.step));
      await page.click(`[data-step="${pick(steps)}"]`);
      await page.click(`[data-lang="${pick(['zh-Hans', 'zh-Hant', 'en'])}"]`);
      await page.selectOption('select[data-action="theme"]', pick(['auto', 'light', 'dark', 'projector']));
      await page.click(`[data-orient="${pick(['td', 'lr'])}"]`);
      const figures = [await shownMetrics(page, 'before'), await shownMetrics(page, 'after')];
      const step = await page.getAttribute('[aria-current="step"]', 'data-step');

      // A state the model cannot build shows its reason (and, on the page it was reached on, the
      // last result that built); its link reopens the same reason.
      const modelError = await page.locator('[data-model-error]').count();

      await reopen(env.browser, page, async (again) => {
        const link = again.url;
        assert.equal(await again.page.locator('[data-model-error]').count(), modelError, link);
        if (!modelError) {
          assert.deepEqual([await shownMetrics(again.page, 'before'), await shownMetrics(again.page, 'after')], figures, link);
        }
        assert.equal(await again.page.getAttribute('[aria-current="step"]', 'data-step'), step, link);
        assert.equal(await again.page.locator('.url-notice').count(), 0, link);
        assert.equal(await again.page.url(), link);
      });
    }
  });
});

test('Back and Forward move between the places visited (case, scope, page); a parameter, the step or the language adds no entry', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page, errors }) => {
    const entries = () => page.evaluate(() => history.length);
    const start = await entries();
    const pressed = (sel) => page.waitForSelector(`${sel}[aria-pressed="true"]`);
    // Edits in place: a parameter, the step, the language.
    await setParam(page, 'staff', 2600);
    await page.click('[data-step="1"]');
    await page.click('[data-lang="zh-Hans"]');
    await page.click('[data-lang="en"]');
    assert.match(await settledUrl(page), /staff=2600/);
    assert.equal(await entries(), start, 'no entry for a parameter, a step or the language');
    // Places: another case, then another scope of it.
    await page.click('button[data-case="zhejiang"]');
    await pressed('button[data-case="zhejiang"]');
    assert.match(await settledUrl(page), /case=zhejiang/);
    await page.click('[data-variant="pujiang"]');
    await pressed('[data-variant="pujiang"]');
    assert.match(await settledUrl(page), /variant=pujiang/);
    assert.equal(await entries(), start + 2, 'one entry a place');
    // Back: Nanhu, then Daqing as it was left (its parameter and step).
    await page.goBack();
    await pressed('[data-variant="nanhu"]');
    assert.match(page.url(), /case=zhejiang/);
    await page.goBack();
    await pressed('button[data-case="daqing"]');
    await page.waitForSelector('[data-step="1"][aria-current="step"]');
    assert.equal(await page.inputValue('#param-staff'), '2600');
    // Returning wrote no new entry: Forward still goes to Zhejiang.
    assert.match(await settledUrl(page), /case=daqing/);
    await page.goForward();
    await pressed('button[data-case="zhejiang"]');
    assert.equal(await entries(), start + 2);
    assert.deepEqual(errors, []);
  });
});
