// End-to-end: spans and layers, staff by tier / by kind / per unit, and the bar charts. Every
// figure is compared with the model's (tests/expected.rs writes target/e2e-expected.json), so
// nothing here is a hard-coded number.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setParam, useBrowser, withPage } from './support.mjs';

const expected = JSON.parse(readFileSync(new URL('../target/e2e-expected.json', import.meta.url), 'utf8'));

const SPANS = ['layers', 'command_chain', 'span_avg', 'span_max', 'managers_ratio',
  'span_band_1', 'span_band_2_3', 'span_band_4_7', 'span_band_8_12', 'span_band_13_plus'];
const STAFF_AND_UNITS = ['organ', 'frontline', 'total', 'units'];
const STAFF = ['organ', 'frontline', 'total'];

const env = useBrowser(before, after);

/** The cells of breakdown `which` as { phase: { key: { field: value } } }, and the row order. */
async function shownBreakdown(page, which) {
  return page.$$eval(`[data-breakdown="${which}"]`, (els) => {
    const cells = {};
    const order = {};
    for (const e of els) {
      const { phase, key, field, value } = e.dataset;
      cells[phase] ??= {};
      order[phase] ??= [];
      if (!cells[phase][key]) order[phase].push(key);
      cells[phase][key] ??= {};
      cells[phase][key][field] = value;
    }
    return { cells, order };
  });
}

function fieldsOf(row, fields) {
  return Object.fromEntries(fields.map((f) => [f, String(row ? row[f] : 0)]));
}

/**
 * What the page must show for breakdown `which` at `step`: tier and kind tables pair the
 * baseline with the step (a key missing on one side shows zeros); the per-unit tables list each
 * side's own units.
 */
function expectedBreakdown(model, step, which) {
  const sides = { before: model.breakdowns[0][which], after: model.breakdowns[step][which] };
  if (which === 'unit') {
    const cells = {};
    const order = {};
    for (const [phase, rows] of Object.entries(sides)) {
      cells[phase] = Object.fromEntries(rows.map((r) => [r.key, fieldsOf(r, STAFF)]));
      order[phase] = rows.map((r) => r.key);
    }
    return { cells, order };
  }
  const byKey = (rows) => Object.fromEntries(rows.map((r) => [r.key, r]));
  const b = byKey(sides.before);
  const a = byKey(sides.after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const cells = { before: {}, after: {} };
  for (const k of keys) {
    cells.before[k] = fieldsOf(b[k], STAFF_AND_UNITS);
    cells.after[k] = fieldsOf(a[k], STAFF_AND_UNITS);
  }
  return { cells, keys };
}

async function checkStep(page, key, model, step) {
  await page.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
  // The spans-and-layers group: every key once, in its own table, equal to the model.
  const spans = await page.$$eval('[data-group="spans"] [data-metric][data-phase="after"]', (els) =>
    els.map((e) => [e.dataset.metric, e.dataset.value]));
  assert.deepEqual(spans.map(([k]) => k), SPANS, `${key}: spans group keys`);
  assert.deepEqual(Object.fromEntries(spans), Object.fromEntries(SPANS.map((k) => [k, model.steps[step][k]])),
    `${key} step ${step}: spans group`);
  for (const which of ['tier', 'kind']) {
    const shown = await shownBreakdown(page, which);
    const want = expectedBreakdown(model, step, which);
    assert.deepEqual(shown.cells, want.cells, `${key} step ${step}: ${which}`);
    // Rows in order: lowest tier (or kind) first, the total last.
    assert.equal(shown.order.after.at(-1), 'total');
    assert.deepEqual(new Set(shown.order.after), new Set(want.keys));
  }
  const units = await shownBreakdown(page, 'unit');
  const wantUnits = expectedBreakdown(model, step, 'unit');
  assert.deepEqual(units, wantUnits, `${key} step ${step}: per unit`);
  // Charts: SVG, titled, two bars a group.
  const tierGroups = expectedBreakdown(model, step, 'tier').keys.filter((k) => k !== 'total').length;
  for (const [chart, groups] of [['tiers', tierGroups], ['span-bands', 5], ['organ-frontline', 2]]) {
    const svg = page.locator(`[data-chart="${chart}"] svg`);
    assert.equal(await svg.count(), 1, chart);
    assert.equal(await svg.getAttribute('role'), 'img');
    const label = await svg.getAttribute('aria-label');
    assert.ok(label && label.length > 0, `${chart} has a label`);
    assert.equal((await svg.locator('title').textContent()).trim(), label);
    assert.equal(await svg.locator('rect.bar[data-phase="before"]').count(), groups, `${chart} before bars`);
    assert.equal(await svg.locator('rect.bar[data-phase="after"]').count(), groups, `${chart} after bars`);
    // Every bar has its value written beside it.
    assert.equal(await svg.locator('text.value').count(), 2 * groups);
  }
  // The organ / front-line chart writes the model's figures.
  const written = await page.$$eval('[data-chart="organ-frontline"] text.value', (els) =>
    els.map((e) => e.textContent.replace(/,/g, '')));
  assert.deepEqual(written, [model.steps[0].organ_staff, model.steps[step].organ_staff,
    model.steps[0].staff_frontline, model.steps[step].staff_frontline]);
}

for (const key of ['daqing/urban', 'tianjin/binhai', 'zhejiang/nanhu', 'haidong/county']) {
  const model = expected[key];
  const [kase, variant] = key.split('/');
  test(`${key}: spans, breakdowns and charts show the model's figures at every step`, async () => {
    assert.ok(model, `${key} is in the expected figures`);
    const last = model.levers.length;
    await withPage(env.browser, `${env.server.url}?case=${kase}&variant=${variant}&step=0`, async ({ page }) => {
      // The per-unit tables are built only while their panel is open.
      await page.click('[data-panel="per-unit"] summary');
      for (let step = 0; step <= last; step++) {
        if (step > 0) await page.click('[data-action="step-next"]');
        await checkStep(page, key, model, step);
      }
    });
  });
}

test('per-unit tables open, and rows are keyed: a parameter change keeps the row elements', async () => {
  const model = expected['daqing/urban'];
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    const details = page.locator('[data-panel="per-unit"]');
    assert.ok(!(await page.isVisible('[data-panel="per-unit"] table')));
    await details.locator('summary').click();
    // The tables are built on the details' toggle event, a task after the click: wait for them
    // (waitForSelector fails the test if they never show).
    await page.waitForSelector('[data-panel="per-unit"] table', { state: 'visible' });
    const summary = await details.locator('summary').textContent();
    assert.match(summary, /directly under/);
    assert.match(await page.textContent('[data-breakdown-table="tier"] caption'), /management tier/);
    // Tag the rows, change the staff, and check the same elements now show the new figures.
    const firstUnit = model.breakdowns.at(-1).unit[1].key;
    const cell = (k) => `[data-breakdown="unit"][data-phase="after"][data-key="${k}"][data-field="total"]`;
    await page.$eval(cell(firstUnit), (e) => { e.parentElement.dataset.tagged = 'yes'; });
    await page.$eval('[data-breakdown="tier"][data-phase="after"][data-key="1"][data-field="total"]',
      (e) => { e.parentElement.dataset.tagged = 'yes'; });
    const oldTotal = await page.getAttribute(cell('total'), 'data-value');
    await setParam(page, 'staff', 3000);
    await page.waitForFunction((s) => document.querySelector(s)?.dataset.value === '3000', cell('total'));
    assert.notEqual(oldTotal, '3000');
    assert.equal(await page.getAttribute(`${cell(firstUnit)}`, 'data-value') !== null, true);
    assert.equal(await page.locator('tr[data-tagged="yes"]').count(), 2, 'rows kept, not rebuilt');
    // The table's total equals the staff total the numbers show.
    assert.equal(await page.getAttribute('[data-metric="staff_total"][data-phase="after"]', 'data-value'), '3000');
    assert.equal(await page.getAttribute(
      '[data-breakdown="tier"][data-phase="after"][data-key="total"][data-field="total"]', 'data-value'), '3000');
  });
});
