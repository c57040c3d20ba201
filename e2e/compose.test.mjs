// End-to-end for "compose your own reform" (?view=compose): a baseline plus levers added,
// removed and reordered in the composer; a case's own lever list, built lever by lever, shows
// exactly the case's figures at every step (written natively by tests/expected.rs to
// target/e2e-expected.json); the recipe and its namespaced parameters survive a link, a reload
// and a scenario file; a lever from another case is a step like any other, with its source.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { metric, reopen, setParam, settledUrl, shownMetrics, useBrowser, waitMetric, withPage } from './support.mjs';

const expected = JSON.parse(readFileSync(new URL('../target/e2e-expected.json', import.meta.url), 'utf8'));
const env = useBrowser(before, after);
// Every measure × every organisation, as the model classifies it (tests/expected.rs).
const matrix = JSON.parse(readFileSync(new URL('../target/e2e-matrix.json', import.meta.url), 'utf8'));
const READY = { ready: '[data-panel="composer"]' };

const levers = (page) => page.$$eval('[data-compose-step]', (ls) => ls.map((l) => l.dataset.leverKey));
const lastStep = (page) => page.$$eval('[data-step]', (ss) => Math.max(...ss.map((s) => Number(s.dataset.step))));
const query = async (page) => new URL(await settledUrl(page)).searchParams;

async function waitLevers(page, n) {
  await page.waitForFunction((k) => document.querySelectorAll('[data-compose-step]').length === k
    && (k > 0 || document.querySelector('[data-compose-empty]')), n);
}

async function goToStep(page, step) {
  await page.click(`[data-step="${step}"]`);
  await page.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
}

// Browsers change a closed select's value at every arrow key: those keys only move the add
// menu's choice, Enter adds it, and a choice left without Enter is not kept.
test('the add menu: arrow keys move its choice, Enter adds it, Tab away adds nothing', async () => {
  await withPage(env.browser, `${env.server.url}?view=compose&lang=en&base=daqing.urban&levers=`, READY, async ({ page }) => {
    const add = '[data-action="compose-add"]';
    await waitLevers(page, 0);
    await page.focus(add);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    const third = await page.inputValue(add);
    assert.ok(Boolean(third), 'ArrowDown moved the choice');
    await page.waitForTimeout(300);
    assert.equal(await page.$$eval('[data-compose-step]', (ls) => ls.length), 0, 'an arrow key added a measure');
    await page.keyboard.press('Enter');
    await waitLevers(page, 1);
    assert.deepEqual(await levers(page), [third]);
    assert.equal(await page.inputValue(add), '');
    await page.focus(add);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    assert.equal(await page.inputValue(add), '');
    await page.waitForTimeout(300);
    assert.deepEqual(await levers(page), [third]);
    assert.doesNotMatch(await settledUrl(page), /levers=[^&]*,/);
  });
});

for (const key of ['daqing/urban', 'haidong/county']) {
  const scope = key.replace('/', '.');
  const model = expected[key];
  test(`${scope}: built lever by lever in the composer, the case's own list gives the case's figures`, async () => {
    await withPage(env.browser, `${env.server.url}?view=compose&lang=en&base=${scope}&levers=`, READY, async ({ page }) => {
      assert.equal(await page.getAttribute('[data-view="compose"]', 'aria-pressed'), 'true');
      assert.equal(await page.inputValue('[data-action="compose-base"]'), scope);
      await waitLevers(page, 0);
      // No levers: the baseline is the result.
      assert.equal(await lastStep(page), 0);
      assert.deepEqual(await shownMetrics(page, 'after'), model.steps[0]);

      for (const [i, lever] of model.levers.entries()) {
        await page.selectOption('[data-action="compose-add"]', `${scope}.${lever}`);
        await waitLevers(page, i + 1);
        // The add menu is ready for the next pick.
        assert.equal(await page.inputValue('[data-action="compose-add"]'), '');
      }
      assert.deepEqual(await levers(page), model.levers.map((l) => `${scope}.${l}`));
      assert.equal(await lastStep(page), model.levers.length);
      for (let step = 0; step <= model.levers.length; step++) {
        await goToStep(page, step);
        assert.deepEqual(await shownMetrics(page, 'before'), model.steps[0], `${scope} before`);
        assert.deepEqual(await shownMetrics(page, 'after'), model.steps[step], `${scope} step ${step}`);
        if (step > 0) {
          // Each step names its lever and quotes its source, as a case's steps do.
          assert.equal(await page.getAttribute('.step-summary', 'data-lever'), model.levers[step - 1]);
        }
      }

      const q = await query(page);
      assert.equal(q.get('view'), 'compose');
      assert.equal(q.get('base'), scope);
      assert.equal(q.get('levers'), model.levers.map((l) => `${scope}.${l}`).join(','));
      await reopen(env.browser, page, READY, async (again) => {
        assert.deepEqual(await levers(again.page), await levers(page));
        assert.deepEqual(await shownMetrics(again.page, 'after'), await shownMetrics(page, 'after'));
      });
    });
  });
}

test('reorder and remove levers, mix cases, and go back to the case\'s own list', async () => {
  const own = expected['daqing/urban'].levers.map((l) => `daqing.urban.${l}`);
  await withPage(env.browser, `${env.server.url}?view=compose&lang=en`, READY, async ({ page }) => {
    assert.deepEqual(await levers(page), own);
    // A lever from another case becomes a step like any other.
    const tianjin = `tianjin.station.${expected['tianjin/station'].levers[0]}`;
    await page.selectOption('[data-action="compose-add"]', tianjin);
    await waitLevers(page, own.length + 1);
    assert.deepEqual(await levers(page), [...own, tianjin]);
    assert.equal(await lastStep(page), own.length + 1);
    assert.ok(await page.isDisabled(`[data-compose-step="${own.length}"] [data-action="lever-down"]`));
    assert.ok(await page.isDisabled('[data-compose-step="0"] [data-action="lever-up"]'));

    // Move it to the front with the keyboard: focus its ↑ and press Enter once a lever before it.
    for (let i = own.length; i > 0; i--) {
      await page.focus(`[data-compose-step="${i}"] [data-action="lever-up"]`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(([k, j]) => document.querySelector(`[data-compose-step="${j}"]`)?.dataset.leverKey === k, [tianjin, i - 1]);
    }
    assert.deepEqual(await levers(page), [tianjin, ...own]);
    assert.equal((await query(page)).get('levers'), [tianjin, ...own].join(','));
    await goToStep(page, 1);
    assert.equal(await page.getAttribute('.step-summary', 'data-lever'), expected['tianjin/station'].levers[0]);
    // The sources panel lists the borrowed lever's quote too.
    assert.ok(await page.locator(`[data-lever-source="${expected['tianjin/station'].levers[0]}"]`).count() > 0);

    // Down again, then remove it: the case is back, figure for figure.
    await page.click('[data-compose-step="0"] [data-action="lever-down"]');
    await page.waitForFunction((k) => document.querySelector('[data-compose-step="1"]')?.dataset.leverKey === k, tianjin);
    await page.click('[data-compose-step="1"] [data-action="lever-remove"]');
    await waitLevers(page, own.length);
    assert.deepEqual(await levers(page), own);
    await goToStep(page, own.length);
    assert.deepEqual(await shownMetrics(page, 'after'), expected['daqing/urban'].steps[own.length]);

    // Another baseline keeps the levers; "own measures" replaces them with the baseline's.
    await page.selectOption('[data-action="compose-base"]', 'tianjin.station');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('base') === 'tianjin.station');
    assert.deepEqual(await levers(page), own);
    await page.click('[data-action="compose-own"]');
    await waitLevers(page, expected['tianjin/station'].levers.length);
    assert.deepEqual(await levers(page), expected['tianjin/station'].levers.map((l) => `tianjin.station.${l}`));
    const last = expected['tianjin/station'].levers.length;
    await goToStep(page, last);
    assert.deepEqual(await shownMetrics(page, 'after'), expected['tianjin/station'].steps[last]);
  });
});

test("a lever's own parameters, the recipe and its values survive a reload and a scenario file", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'compose-'));
  const recipe = 'levers=daqing.urban.fewer_tiers,tianjin.station.' + expected['tianjin/station'].levers[0];
  await withPage(env.browser, `${env.server.url}?view=compose&lang=en&base=daqing.urban&${recipe}`, READY, async ({ page }) => {
    await waitLevers(page, 2);
    // Parameters are grouped by the case they belong to, their keys prefixed with its scope.
    const before = await metric(page, 'staff_total', 'before');
    await setParam(page, 'daqing.urban.staff', before + 500);
    await waitMetric(page, 'staff_total', before + 500, 'before');
    const q = await query(page);
    assert.equal(q.get('daqing.urban.staff'), String(before + 500));
    const figures = [await shownMetrics(page, 'before'), await shownMetrics(page, 'after')];
    const shown = await levers(page);

    await page.reload();
    await page.waitForSelector('[data-panel="composer"]');
    await waitLevers(page, 2);
    assert.deepEqual(await levers(page), shown);
    assert.deepEqual([await shownMetrics(page, 'before'), await shownMetrics(page, 'after')], figures);
    assert.equal(await page.inputValue('#param-daqing\\.urban\\.staff'), String(before + 500));

    // Seen from the comparison page, a link still holds the composed reform and its values.
    await page.click('[data-view="compare"]');
    await page.waitForSelector('[data-page="compare"] [data-compare]');
    await reopen(env.browser, page, { ready: '[data-page="compare"] [data-compare]' }, async (there) => {
      assert.equal(new URL(there.url).searchParams.get('daqing.urban.staff'), String(before + 500));
      await there.page.click('[data-view="compose"]');
      await waitLevers(there.page, 2);
      assert.deepEqual(await levers(there.page), shown);
      assert.equal(await there.page.inputValue('#param-daqing\\.urban\\.staff'), String(before + 500));
      assert.deepEqual([await shownMetrics(there.page, 'before'), await shownMetrics(there.page, 'after')], figures);
    });
    await page.click('[data-view="compose"]');
    await waitLevers(page, 2);

    await page.evaluate(() => { document.querySelector('[data-panel="saved"]').open = true; });
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-scenario"]')]);
    const file = join(dir, 'mine.json');
    await writeFile(file, await readFile(await dl.path()));
    const json = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(json.format, 'reform-explorer-scenario');
    assert.deepEqual(json.recipe, { base: 'daqing.urban', levers: shown });
    assert.equal(json.params['daqing.urban.staff'], String(before + 500));

    // Somewhere else, then import: the composed reform opens with its values.
    await page.click('[data-case="zhejiang"]');
    await page.waitForSelector('[data-case="zhejiang"][aria-pressed="true"]');
    assert.equal(await page.locator('[data-panel="composer"]').count(), 0);
    await page.setInputFiles('[data-action="import-scenario"]', file);
    await page.waitForSelector('[data-saved-status="good"]');
    await page.waitForSelector('[data-view="compose"][aria-pressed="true"]');
    await waitLevers(page, 2);
    assert.deepEqual(await levers(page), shown);
    assert.deepEqual([await shownMetrics(page, 'before'), await shownMetrics(page, 'after')], figures);
  });
});

test('a bad recipe in a link is named, a lever that cannot apply says why, and the page still works', async () => {
  await withPage(env.browser, `${env.server.url}?view=compose&lang=en&base=daqing.urban&levers=daqing.urban.fewer_tiers,nowhere.lever`,
    { ready: '.url-notice' }, async ({ page }) => {
    assert.match(await page.textContent('.url-notice'), /nowhere\.lever/);
    // The link's recipe is ignored: the composer starts from the case on screen.
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    await page.click('[data-view="compose"]');
    await page.waitForSelector('[data-panel="composer"]');
    // A measure that refuses on an organisation (from the model's matrix) refuses here too,
    // with a reason, instead of drawing something wrong.
    const refusing = matrix.find((m) => m.effect === 'refused');
    assert.ok(refusing, 'some measure refuses on some organisation');
    await page.selectOption('[data-action="compose-base"]', refusing.base);
    await page.waitForFunction((b) => new URL(location.href).searchParams.get('base') === b, refusing.base);
    await page.selectOption('[data-action="compose-add"]', refusing.lever);
    await page.waitForSelector('[data-model-error]');
    assert.ok((await page.textContent('[data-model-error]')).trim().length > 20);
    // The measure added is the last step.
    await page.locator('[data-compose-step] [data-action="lever-remove"]').last().click();
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    assert.equal(await page.locator('[data-model-error]').count(), 0);
  });
});

// A measure that finds nothing to act on says so on its step, naming what it looks for; one
// that changes the organisation does not. The pairs come from the model's own matrix
// (tests/expected.rs writes target/e2e-matrix.json), so no pair is hard-coded here.

test('a measure with nothing to act on says what it looks for; one that acts does not', async () => {
  const idle = matrix.find((m) => m.effect === 'idle');
  const changed = matrix.find((m) => m.effect === 'changed' && m.base !== m.lever.split('.').slice(0, 2).join('.'));
  assert.ok(idle && changed, 'the matrix has an idle and a changing pair');
  for (const [pair, isIdle] of [[idle, true], [changed, false]]) {
    const url = `${env.server.url}?view=compose&lang=en&base=${pair.base}&levers=${pair.lever}`;
    await withPage(env.browser, url, READY, async ({ page }) => {
      await waitLevers(page, 1);
      await goToStep(page, 1);
      const short = pair.lever.split('.').pop();
      assert.equal(await page.getAttribute('.step-summary', 'data-lever'), short);
      if (isIdle) {
        await page.waitForSelector(`[data-idle="${short}"]`);
        const note = await page.textContent(`[data-idle="${short}"]`);
        assert.ok(note.includes(pair.needs), `${pair.lever} on ${pair.base}: "${note}" names "${pair.needs}"`);
        assert.equal(await page.$$eval('[data-idle-mark]', (ms) => ms.map((m) => m.dataset.idleMark).join()), '1');
        // The composer's list marks it too.
        await page.waitForSelector('[data-compose-step="0"] [data-compose-idle="0"]');
        // The "after" diagram is the baseline: every figure equal.
        assert.deepEqual(await shownMetrics(page, 'after'), await shownMetrics(page, 'before'));
      } else {
        assert.equal(await page.$('[data-idle]'), null, `${pair.lever} on ${pair.base} acts`);
        assert.equal(await page.$('[data-idle-mark]'), null);
        assert.equal(await page.$('[data-compose-idle]'), null);
        assert.notDeepEqual(await shownMetrics(page, 'after'), await shownMetrics(page, 'before'));
      }
      // In Chinese too.
      await page.click('[data-lang="zh-Hans"]');
      if (isIdle) {
        await page.waitForFunction((s) => /它需要/.test(document.querySelector(`[data-idle="${s}"]`)?.textContent || ''), short);
      }
    });
  }
});

// The typical prefecture-level city (no case's organisation) is a baseline like any case's: a
// measure from each case acts on it, the link and a reload keep it. Figures from the model's
// matrix (target/e2e-matrix.json).
test('the typical city is a baseline: measures act on it, and a reload keeps it', async () => {
  const rows = matrix.filter((m) => m.base === 'org.typical_city' && m.effect === 'changed');
  assert.ok(rows.length > 0, 'some measure changes the typical city');
  const pair = rows[0];
  const url = `${env.server.url}?view=compose&lang=en&base=org.typical_city&levers=${pair.lever}`;
  await withPage(env.browser, url, READY, async ({ page }) => {
    await waitLevers(page, 1);
    assert.equal(await page.inputValue('[data-action="compose-base"]'), 'org.typical_city');
    // No measures of its own to take.
    assert.equal(await page.isDisabled('[data-action="compose-own"]'), true);
    const staff = async () => [await metric(page, 'staff_total', 'before'), await metric(page, 'staff_total', 'after')];
    assert.deepEqual(await staff(), pair.staff);
    const q = await query(page);
    assert.equal(q.get('base'), 'org.typical_city');
    await page.reload();
    await page.waitForSelector(READY.ready);
    await waitLevers(page, 1);
    assert.equal(await page.inputValue('[data-action="compose-base"]'), 'org.typical_city');
    assert.deepEqual(await staff(), pair.staff);
  });
});
