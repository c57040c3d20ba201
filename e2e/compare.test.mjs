// End-to-end for "one city, four models" (?view=compare): every cell equals the model's (written
// natively by tests/expected.rs to target/e2e-compare.json), the city's inputs change it and
// stay in the link, capped values say so, a model opens in the case view with the city's
// values, the case tabs lead back, and bad input is named without breaking the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { metric, reopen, settledUrl, useBrowser, withPage } from './support.mjs';

const expected = JSON.parse(readFileSync(new URL('../target/e2e-compare.json', import.meta.url), 'utf8'));
const env = useBrowser(before, after);
const READY = { ready: '[data-page="compare"] [data-compare]' };

const cells = (page) => page.$$eval('[data-compare]', (tds) => {
  const out = {};
  for (const td of tds) {
    const c = (out[td.dataset.case] ??= {});
    c[td.dataset.compare] = td.dataset.effect === 'not-modelled' ? 'not-modelled'
      : td.dataset.effect === 'failed' ? 'failed' : [td.dataset.before, td.dataset.after];
  }
  return out;
});

test("the comparison at the default city shows exactly the models' figures", async () => {
  await withPage(env.browser, `${env.server.url}?view=compare&lang=en`, READY, async ({ page }) => {
    assert.equal(await page.getAttribute('[data-view="compare"]', 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('[data-case="daqing"]', 'aria-pressed'), 'false');
    const shown = await cells(page);
    assert.deepEqual(Object.keys(shown), Object.keys(expected));
    for (const [kase, model] of Object.entries(expected)) {
      assert.deepEqual(shown[kase], model.cells, kase);
    }
    // Honest about limits: unchanged figures are marked, unmodelled ones say why.
    const none = await page.locator('[data-effect="none"] .no-effect-mark').count();
    assert.equal(none, await page.locator('[data-effect="none"]').count());
    assert.ok(none > 0);
    assert.match(await page.textContent('[data-effect="not-modelled"]'), /not modelled.*incidents/);
  });
});

test('the city drives every model, stays in the link, and capped values say so', async () => {
  await withPage(env.browser, `${env.server.url}?view=compare&lang=en`, READY, async ({ page }) => {
    const before = await cells(page);
    await page.fill('#city-city_stations', '200');
    await page.waitForFunction(() => document.querySelector('[data-compare="units_total"][data-case="zhejiang"]')?.dataset.before !== undefined
      && document.querySelector('[data-fed-case="haidong"] [data-fed="stations"] [data-capped]'));
    const now = await cells(page);
    assert.notDeepEqual(now.zhejiang.units_total, before.zhejiang.units_total);
    await page.click('[data-fed-case="haidong"] summary');
    assert.match(await page.textContent('[data-fed-case="haidong"] [data-fed="stations"]'), /200.*outside/);

    await reopen(env.browser, page, READY, async (again) => {
      const q = new URL(again.url).searchParams;
      assert.equal(q.get('view'), 'compare');
      assert.equal(q.get('city_stations'), '200');
      assert.deepEqual(await cells(again.page), now);
      assert.equal(await again.page.inputValue('#city-city_stations'), '200');
    });

    // A bad entry is named; the last good comparison stays.
    await page.fill('#city-city_officers', 'lots');
    await page.waitForSelector('[data-city="city_officers"].invalid');
    assert.match(await page.textContent('[data-error="city_officers"]'), /number/i);
    assert.deepEqual(await cells(page), now);
  });
});

test('a compared model opens in the case view with the values the city gave it', async () => {
  await withPage(env.browser, `${env.server.url}?view=compare&lang=en&city_officers=4000`, READY, async ({ page }) => {
    const officers = Number(await page.getAttribute('[data-compare="officers"][data-case="zhejiang"]', 'data-before'));
    const frontline = await page.getAttribute('[data-compare="frontline_share"][data-case="zhejiang"]', 'data-after');
    await page.click('[data-fed-case="zhejiang"] summary');
    await page.click('[data-action="open-compared"][data-case="zhejiang"]');
    await page.waitForSelector('[data-case="zhejiang"][aria-pressed="true"]');
    assert.equal(await page.getAttribute('[data-variant="pujiang"]', 'aria-pressed'), 'true');
    assert.equal(await metric(page, 'staff_total', 'before'), officers);
    assert.equal(await page.getAttribute('[data-metric="frontline_share"][data-phase="after"]', 'data-value'), frontline);
    const q = new URL(await settledUrl(page)).searchParams;
    assert.equal(q.get('view'), null);
    assert.equal(q.get('case'), 'zhejiang');
    // The city is kept for when the user comes back.
    assert.equal(q.get('city_officers'), '4000');
    await page.click('[data-view="compare"]');
    await page.waitForSelector('[data-view="compare"][aria-pressed="true"]');
    assert.equal(await page.inputValue('#city-city_officers'), '4000');
    // And a case tab leads back to the case page.
    await page.click('[data-case="haidong"]');
    await page.waitForSelector('[data-case="haidong"][aria-pressed="true"]');
    assert.ok(await page.isVisible('figure.diagram[data-phase="after"]'));
    assert.equal(await page.locator('[data-page="compare"] [data-compare]').count(), 0);
  });
});
