// End-to-end for the planning models beside the structure: the response-time estimate (its
// parts equal the model's, written natively to target/e2e-expected.json by tests/expected.rs),
// its chart and "how this is computed" panel, a case without patrol, a saturated queue, and the
// workload method's officers needed in Haidong's workload tables.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { reopen, setParam, useBrowser, withPage } from './support.mjs';

const expected = JSON.parse(readFileSync(new URL('../target/e2e-expected.json', import.meta.url), 'utf8'));
const env = useBrowser(before, after);

/** `{part: data-value}` of the response table's cells of one phase. */
const responseCells = (page, phase) =>
  page.$$eval(`[data-panel="response"] td[data-response][data-phase="${phase}"]`, (els) =>
    Object.fromEntries(els.filter((e) => e.dataset.value !== undefined).map((e) => [e.dataset.response, e.dataset.value])));

const total = async (page, phase) =>
  Number(await page.getAttribute(`[data-response="total"][data-phase="${phase}"]`, 'data-value'));

test('Daqing: the response estimate equals the model at every step, beside the reported 15 → 9', async () => {
  const model = expected['daqing/urban'];
  await withPage(env.browser, `${env.server.url}?case=daqing&variant=urban&step=0`, async ({ page }) => {
    for (let step = 0; step < model.response.length; step++) {
      if (step > 0) await page.click('[data-action="step-next"]');
      await page.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
      assert.deepEqual(await responseCells(page, 'before'), model.response[0], `before at step ${step}`);
      assert.deepEqual(await responseCells(page, 'after'), model.response[step], `step ${step}`);
    }
    const [b, a] = [await total(page, 'before'), await total(page, 'after')];
    assert.ok(Math.abs(b - 15) <= 0.5 && Math.abs(a - 9) <= 0.5, `${b} → ${a}`);
    assert.match(await page.textContent('[data-reported="response_time"]'), /15.*9/);
    // What carries the change (issue 19): the parts add up to after − before, and the assumed
    // cars standard carries most of it.
    const part = async (k) => Number(await page.getAttribute(`[data-carries="${k}"]`, 'data-value'));
    const [whole, chain, officers, standard] = [await part('total'), await part('chain'), await part('officers'), await part('standard')];
    assert.ok(Math.abs(whole - (a - b)) < 1e-6, `${whole} against ${a} − ${b}`);
    assert.ok(Math.abs(chain + officers + standard - whole) < 1e-6, `${chain} + ${officers} + ${standard} against ${whole}`);
    assert.ok(standard < chain && chain < 0, `${chain}, ${standard}`);
    // The chart: a curve for each phase and a point on each.
    assert.equal(await page.locator('[data-chart="response"] path.curve').count(), 2);
    assert.equal(await page.locator('[data-chart="response"] circle.point').count(), 2);
    for (const d of await page.$$eval('[data-chart="response"] path.curve', (ps) => ps.map((p) => p.getAttribute('d')))) {
      assert.match(d, /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);
    }
    // How it is computed: formulas with the current values, and the references.
    await page.click('[data-how="response"] summary');
    const how = await page.textContent('[data-how="response"]');
    assert.match(how, /Erlang C/);
    assert.match(how, /Kolesar/);
    assert.match(how, /400/);

    // More cars after the reform: a faster estimate, the baseline untouched, kept in the link.
    await setParam(page, 'rt_cars_after', 8);
    await page.waitForFunction((t) => Number(document.querySelector('[data-response="total"][data-phase="after"]').dataset.value) < t, a);
    assert.equal(await total(page, 'before'), b);
    await reopen(env.browser, page, async (again) => {
      assert.equal(new URL(again.url).searchParams.get('rt_cars_after'), '8');
      assert.ok((await total(again.page, 'after')) < a);
      assert.equal(await again.page.getAttribute('details[data-param-group="analysis"]', 'open'), '');
    });

    // More calls than the cars can take: the panel says so, the page keeps working.
    await setParam(page, 'rt_calls', 500);
    await page.waitForSelector('[data-response="total"][data-phase="after"][data-saturated]');
    assert.match(await page.textContent('[data-response="total"][data-phase="after"]'), /Too few cars|警车不够/);
    assert.ok(await page.isVisible('[data-metric="staff_total"][data-phase="after"]'));
  });
});

test('a case whose source has no patrol estimates nothing until cars are set', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang&lang=en`, async ({ page }) => {
    assert.ok(await page.isVisible('[data-response-off]'));
    assert.equal(await page.locator('[data-response="total"]').count(), 0);
    assert.equal(await page.getAttribute('details[data-param-group="analysis"]', 'open'), null);
    await setParam(page, 'rt_cars_before', 20);
    await setParam(page, 'rt_cars_after', 20);
    await page.waitForSelector('[data-response="total"][data-phase="after"][data-value]');
    assert.ok((await total(page, 'after')) > 0);
  });
});

test("Haidong: officers needed by workload equal the model's, and follow its parameters", async () => {
  const model = expected['haidong/county'];
  await withPage(env.browser, `${env.server.url}?case=haidong&step=0`, async ({ page }) => {
    const needed = (phase) => page.$$eval(`[data-workload="${phase}"] [data-work-unit]`, (rows) =>
      Object.fromEntries(rows.map((r) => [r.dataset.workUnit, r.querySelector('[data-needed]')?.dataset.needed])));
    assert.deepEqual(await needed('before'), model.workload[0]);
    await page.click(`[data-step="${model.levers.length}"]`);
    await page.waitForSelector(`[data-step="${model.levers.length}"][aria-current="step"]`);
    assert.deepEqual(await needed('after'), model.workload[model.levers.length]);
    assert.ok(await page.isVisible('[data-how="workload"]'));
    // Twice the hours an officer is available: half the officers needed.
    const first = Number(Object.values(model.workload[0])[0]);
    await setParam(page, 'wl_hours', 3400);
    await page.waitForFunction((v) => {
      const c = document.querySelector('[data-workload="before"] [data-needed]');
      return c && Math.abs(Number(c.dataset.needed) - v) < 1e-3;
    }, first / 2);
  });
});
