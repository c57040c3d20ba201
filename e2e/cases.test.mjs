// End-to-end over every modelled case and variant: each loads from its URL, the step control
// walks all steps, every data-metric value equals the model's (written natively by
// tests/expected.rs to target/e2e-expected.json), the sources panel opens, and lineage
// highlights old units; the lineage list's entries read apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { settledUrl, shownMetrics, useBrowser, withPage } from './support.mjs';

const expected = JSON.parse(readFileSync(new URL('../target/e2e-expected.json', import.meta.url), 'utf8'));

const env = useBrowser(before, after);

test('the expected figures cover all four cases', () => {
  const cases = new Set(Object.keys(expected).map((k) => k.split('/')[0]));
  assert.ok(cases.has('daqing'));
  assert.ok(Object.keys(expected).length >= 2);
});

for (const [key, model] of Object.entries(expected)) {
  const [kase, variant] = key.split('/');
  test(`${key}: every step from its URL shows the model's figures`, async () => {
    await withPage(env.browser, `${env.server.url}?case=${kase}&variant=${variant}&step=0`, async ({ page }) => {
      assert.equal(await page.getAttribute(`[data-case="${kase}"]`, 'aria-pressed'), 'true');
      assert.equal(await page.getAttribute(`[data-variant="${variant}"]`, 'aria-pressed'), 'true');
      const last = model.levers.length;
      assert.equal(model.steps.length, last + 1);
      for (let step = 0; step <= last; step++) {
        if (step > 0) await page.click('[data-action="step-next"]');
        await page.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
        assert.deepEqual(await shownMetrics(page, 'before'), model.steps[0], `${key} before`);
        assert.deepEqual(await shownMetrics(page, 'after'), model.steps[step], `${key} step ${step}`);
        const search = new URL((await settledUrl(page))).searchParams;
        assert.equal(search.get('step'), step === last ? null : String(step));
        if (step > 0) {
          assert.equal(await page.getAttribute('.step-summary', 'data-lever'), model.levers[step - 1]);
        }
      }
      assert.ok(await page.isDisabled('[data-action="step-next"]'));
      // A link to a middle step opens at that step.
      if (last > 1) {
        await page.goto(`${env.server.url}?case=${kase}&variant=${variant}&step=1`);
        await page.waitForSelector('[data-step="1"][aria-current="step"]');
        assert.deepEqual(await shownMetrics(page, 'after'), model.steps[1]);
      }
      // The sources panel: documents, one entry per lever, every parameter with its source.
      await page.click('[data-panel="sources"] summary');
      assert.ok(await page.isVisible('[data-panel="sources"] [data-doc]'));
      assert.equal(await page.locator('[data-lever-source]').count(), last);
      const kinds = await page.$$eval('[data-source-param]', (els) => els.map((e) => e.dataset.sourceKind));
      assert.ok(kinds.length > 0 && kinds.every((k) => k === 'seed' || k === 'assumption'));
    });
  });
}

test('keyboard: arrow keys move between steps', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing`, async ({ page }) => {
    // The case opens at its last step; the steps are counted, not assumed.
    const last = await page.$$eval('[data-step]', (ss) => Math.max(...ss.map((x) => Number(x.dataset.step))));
    assert.ok(last >= 2);
    await page.focus('[data-step][aria-current="step"]');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector(`[data-step="${last - 1}"][aria-current="step"]`);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.step), String(last - 1));
    await page.keyboard.press('Home');
    await page.waitForSelector('[data-step="0"][aria-current="step"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-step="1"][aria-current="step"]');
    await page.keyboard.press('End');
    await page.waitForSelector(`[data-step="${last}"][aria-current="step"]`);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.step), String(last));
  });
});

test('lineage: focusing a new unit highlights the old units it was formed from', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&group=0`, async ({ page }) => {
    const item = page.locator('[data-lineage]').first();
    const id = await item.getAttribute('data-lineage');
    assert.equal(await page.locator('.node.lineage').count(), 0);
    await item.focus();
    await page.waitForSelector('[data-phase="before"] .node.lineage');
    const lit = await page.$$eval('[data-phase="before"] .node.lineage', (els) => els.map((e) => e.dataset.unitId));
    // Sub-bureau 1 after the reform covers old sub-bureau 1 and its first stations.
    assert.ok(lit.includes('sb1') && lit.some((u) => u.startsWith('st')), lit.join(','));
    assert.equal(await page.getAttribute(`[data-phase="after"] [data-unit-id="${id}"]`, 'class').then((c) => c.includes('lineage')), true);
    await item.blur();
    await page.waitForFunction(() => !document.querySelector('.node.lineage'));
  });
});

test('lineage: entries read apart, say their sub-bureau, and write numbered runs as one', async () => {
  for (const lang of ['en', 'zh']) {
    await withPage(env.browser, `${env.server.url}?case=daqing&variant=urban&lang=${lang}`, async ({ page }) => {
      await page.waitForSelector('ul.lineage-list [data-lineage]');
      const entries = await page.$$eval('ul.lineage-list [data-lineage]', (els) => els.map((e) => ({
        id: e.dataset.lineage, name: e.querySelector('strong').textContent, from: e.querySelector('.from').textContent,
      })));
      assert.ok(entries.length > 20, String(entries.length));
      const names = entries.map((e) => e.name);
      assert.equal(new Set(names).size, names.length, 'two entries read alike');
      // A team is named with its sub-bureau and branch; the brigades that formed it as a run.
      const team = entries.find((e) => /\/t\d+$/.test(e.id));
      assert.ok(team, 'a team entry');
      assert.equal(team.name.split(' · ').length, 3, team.name);
      assert.match(team.from, lang === 'en' ? /Traffic duty brigade 1–9/ : /大队1–9/);
    });
  }
});

test('case tabs and scope buttons switch the model and the URL', async () => {
  await withPage(env.browser, `${env.server.url}?lang=en`, async ({ page }) => {
    for (const kase of ['zhejiang', 'tianjin', 'haidong', 'daqing']) {
      await page.click(`[data-case="${kase}"]`);
      await page.waitForSelector(`[data-case="${kase}"][aria-pressed="true"]`);
      const first = Object.keys(expected).find((k) => k.startsWith(`${kase}/`)).split('/')[1];
      assert.equal(await page.getAttribute(`[data-variant="${first}"]`, 'aria-pressed'), 'true');
      const url = new URL((await settledUrl(page))).searchParams;
      assert.equal(url.get('case'), kase);
      assert.equal(url.get('lang'), 'en');
      // Every case opens at its final step.
      assert.equal(url.get('step'), null);
      assert.deepEqual(await shownMetrics(page, 'after'), expected[`${kase}/${first}`].steps.at(-1));
    }
  });
});

test('Zhejiang: the slimming step says 89 officers went from headquarters to the front line', async () => {
  const model = expected['zhejiang/nanhu'];
  const step = model.levers.indexOf('slim_organs') + 1;
  await withPage(env.browser, `${env.server.url}?case=zhejiang&step=${step}`, async ({ page }) => {
    assert.equal(await page.getAttribute('.step-flow', 'data-flow-organ'), '-89');
    assert.equal(await page.getAttribute('.step-flow', 'data-flow-frontline'), '89');
    assert.match(await page.textContent('.step-flow'), /89/);
  });
});
