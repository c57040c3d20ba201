// End-to-end for "four reforms on one organisation" (the comparison page's second table): each
// case's whole reform applied to the same organisation. Every column that applies starts from
// the same figures, every cell equals the model's (written natively by tests/expected.rs to
// target/e2e-four.json), a reform that cannot apply says why, the organisation can be any
// case's "before" and stays in the link through a reload, and "step by step" opens the reform
// in the composer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { settledUrl, useBrowser, withPage } from './support.mjs';

const expected = JSON.parse(readFileSync(new URL('../target/e2e-four.json', import.meta.url), 'utf8'));
const env = useBrowser(before, after);
const READY = { ready: '[data-panel="four"] [data-four]' };

/** The table as the page shows it: case → figure → [before, after] or "failed". */
const shown = (page) => page.$$eval('[data-four]', (tds) => {
  const out = {};
  for (const td of tds) {
    const c = (out[td.dataset.case] ??= {});
    c[td.dataset.four] = td.dataset.effect === 'failed' ? 'failed' : [td.dataset.before, td.dataset.after];
  }
  return out;
});

async function check(page, base) {
  const want = expected[base];
  assert.ok(want, base);
  await page.waitForFunction((b) => document.querySelector('[data-action="four-base"]')?.value === b, base);
  const got = await shown(page);
  const befores = new Set();
  for (const [kase, model] of Object.entries(want)) {
    if (model === 'refused') {
      assert.ok(Object.values(got[kase]).every((c) => c === 'failed'), `${base} ${kase} refused`);
      assert.ok((await page.textContent(`[data-four-failed="${kase}"]`)).length > 20);
      continue;
    }
    for (const [fig, cell] of Object.entries(got[kase])) {
      assert.deepEqual(cell, model[fig], `${base} ${kase} ${fig}`);
    }
    befores.add(JSON.stringify(Object.fromEntries(Object.entries(got[kase]).map(([f, c]) => [f, c[0]]))));
  }
  // Every column that applies starts from the same organisation.
  assert.equal(befores.size, 1, `${base}: one "before" for all`);
}

test('four reforms on the typical city start from the same figures and show the model\'s', async () => {
  await withPage(env.browser, `${env.server.url}?view=compare&lang=en`, READY, async ({ page }) => {
    await check(page, 'org.typical_city');
    // Some reform acts on it, and a figure it leaves alone is marked.
    assert.ok(await page.locator('[data-four][data-effect="changed"]').count() > 0);
    assert.ok(await page.locator('[data-four][data-effect="none"] .no-effect-mark').count() > 0);
  });
});

const about = JSON.parse(readFileSync(new URL('../target/e2e-four-about.json', import.meta.url), 'utf8'));

/** The organisation's figures as the panel lists them: [key, "seed" | "assumption"]. */
const listed = (page, base) => page.$$eval(`[data-four-about="${base}"] [data-four-spec]`, (trs) =>
  trs.map((tr) => [tr.dataset.fourSpec, tr.querySelector('[data-source]')?.dataset.source]));

test('the panel says what the organisation is made of: every figure with its source or assumption', async () => {
  await withPage(env.browser, `${env.server.url}?view=compare&lang=en`, READY, async ({ page }) => {
    const city = await listed(page, 'org.typical_city');
    assert.deepEqual(city, about['org.typical_city']);
    // The typical city is the model's own: most of its figures are assumptions, and it says so.
    assert.ok(city.filter(([, s]) => s === 'assumption').length > city.length / 2);
    await page.click('[data-four-about] summary');
    const text = await page.textContent('[data-four-about="org.typical_city"]');
    assert.match(text, /Modelling assumption|assum/i);
    // Another organisation lists its own figures.
    await page.selectOption('[data-action="four-base"]', 'tianjin.station');
    await page.waitForSelector('[data-four-about="tianjin.station"]');
    assert.deepEqual(await listed(page, 'tianjin.station'), about['tianjin.station']);
  });
});

test("any case's \"before\" can be the organisation; the link and a reload keep it; step by step opens the composer", async () => {
  await withPage(env.browser, `${env.server.url}?view=compare&lang=en`, READY, async ({ page }) => {
    for (const base of ['daqing.urban', 'haidong.county']) {
      await page.selectOption('[data-action="four-base"]', base);
      await check(page, base);
    }
    const url = new URL(await settledUrl(page));
    assert.equal(url.searchParams.get('four'), 'haidong.county');
    await page.reload();
    await page.waitForSelector(READY.ready);
    await check(page, 'haidong.county');
    // The Haidong column's reform opens in the composer on the same organisation.
    await page.click('[data-action="open-four"][data-case="haidong"]');
    await page.waitForSelector('[data-panel="composer"]');
    assert.equal(await page.inputValue('[data-action="compose-base"]'), 'haidong.county');
    const levers = await page.$$eval('[data-compose-step]', (ls) => ls.map((l) => l.dataset.leverKey));
    assert.deepEqual(levers, ['haidong.county.districts', 'haidong.county.responsibility', 'haidong.county.two_teams_one_office']);
  });
});

test('in Chinese too, and a bad organisation in a link is named', async () => {
  await withPage(env.browser, `${env.server.url}?view=compare&four=nowhere.x`, { ready: '.url-notice' }, async ({ page }) => {
    assert.match(await page.textContent('.url-notice'), /nowhere\.x/);
    await page.waitForSelector(READY.ready);
    await check(page, 'org.typical_city');
    assert.match(await page.textContent('[data-panel="four"] h2'), /四项改革/);
  });
});
