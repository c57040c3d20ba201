// What a keyboard and screen-reader review found (each test fails on the build before it):
// selects whose every arrow key acted (the organisation editor's "Move under…" and unit kind,
// the composer's and the comparison's baseline) now act on Enter or a pick; focus after
// deleting the last saved scenario, after the comparison's "Step by step" and "Open this model"
// and after "Present"; a staff figure the editor cannot read is said, not dropped; the saved
// entries' and comparison's buttons say what they act on; the embedded page opened on its own
// posts nothing to itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);
const csv = readFileSync(new URL('./fixtures/organisation-utf8.csv', import.meta.url));
const focusedOn = (page, sel) => page.waitForFunction((s) => document.activeElement?.matches(s), sel, { timeout: 5000 })
  .catch(async () => assert.fail(`focus on ${sel}, not ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 120))}`));

/** Imports the fixture organisation and opens its editor. */
async function openEditor(page) {
  await page.setInputFiles('input[type=file][data-action="import-organisation"]', { name: 'o.csv', mimeType: 'text/csv', buffer: csv });
  await page.waitForSelector('[data-own]');
  await page.click('[data-panel="org-editor"] summary');
  await page.waitForSelector('[data-org-table]');
}

const parentOf = (page, id) => page.$eval(`tr[data-org-unit="${id}"]`, (row) => {
  const depth = Number(row.dataset.depth);
  for (let r = row.previousElementSibling; r; r = r.previousElementSibling) {
    if (Number(r.dataset.depth) < depth) return r.dataset.orgUnit;
  }
  return null;
});

test('organisation editor: "Move under…" moves on Enter, not on an arrow; Escape cancels; focus stays on the unit', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await openEditor(page);
    const unit = await page.$$eval('tr[data-org-unit]', (rows) => rows.find((r) => Number(r.dataset.depth) >= 2)?.dataset.orgUnit);
    assert.ok(unit, 'a unit two levels down');
    const was = await parentOf(page, unit);
    const sel = `[data-org-unit="${unit}"] [data-field="parent"]`;
    await page.focus(`[data-org-unit="${unit}"] [data-action="org-move"]`);
    await page.keyboard.press('Enter');
    await focusedOn(page, `[data-org-unit="${unit}"] [data-action="org-move"]`);
    await page.waitForSelector(sel);
    await page.focus(sel);
    // An arrow only moves the choice.
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    assert.equal(await parentOf(page, unit), was, 'an arrow key moved nothing');
    await focusedOn(page, sel);
    // Escape puts the row back, focus on its "↱".
    await page.keyboard.press('Escape');
    await page.waitForSelector(sel, { state: 'detached' });
    await focusedOn(page, `[data-org-unit="${unit}"] [data-action="org-move"]`);
    assert.equal(await parentOf(page, unit), was);
    // Enter takes the choice: the unit moves, focus on its "↱".
    await page.keyboard.press('Enter');
    await page.waitForSelector(sel);
    await page.focus(sel);
    await page.keyboard.press('ArrowDown');
    const target = await page.$eval(sel, (s) => s.value);
    assert.ok(target && target !== was, 'the choice moved to another unit');
    await page.keyboard.press('Enter');
    await page.waitForFunction(([id, p]) => {
      const row = document.querySelector(`tr[data-org-unit="${id}"]`);
      if (!row) return false;
      const depth = Number(row.dataset.depth);
      for (let r = row.previousElementSibling; r; r = r.previousElementSibling) {
        if (Number(r.dataset.depth) < depth) return r.dataset.orgUnit === p;
      }
      return false;
    }, [unit, target]);
    await focusedOn(page, `[data-org-unit="${unit}"] [data-action="org-move"]`);
  });
});

test('organisation editor: a unit\'s kind changes once on leaving the list, not at every arrow; a staff figure it cannot read is said', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await openEditor(page);
    const unit = await page.$$eval('tr[data-org-unit]', (rows) => rows[1].dataset.orgUnit);
    const kind = `[data-org-unit="${unit}"] [data-field="kind"]`;
    const was = await page.$eval(kind, (s) => s.value);
    await page.focus(kind);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    // Nothing edited yet: no undo step.
    assert.equal(await page.$eval('[data-action="org-undo"]', (b) => b.disabled), true, 'the arrows made no edit');
    const chosen = await page.$eval(kind, (s) => s.value);
    assert.notEqual(chosen, was);
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => !document.querySelector('[data-action="org-undo"]').disabled);
    await page.waitForFunction(([s, v]) => document.querySelector(s)?.value === v, [kind, chosen]);
    // One edit, one undo step.
    await page.click('[data-action="org-undo"]');
    await page.waitForFunction(([s, v]) => document.querySelector(s)?.value === v, [kind, was]);
    assert.equal(await page.$eval('[data-action="org-undo"]', (b) => b.disabled), true, 'one undo step');

    const organ = `[data-org-unit="${unit}"] [data-field="organ"]`;
    await page.fill(organ, '-5');
    await page.press(organ, 'Tab');
    await page.waitForSelector('[data-edit-error][role="alert"]');
    assert.match(await page.textContent('[data-edit-error]'), /whole number/);
    assert.equal(await page.$eval(organ, (i) => i.getAttribute('aria-invalid')), 'true');
    await page.fill(organ, '7');
    await page.press(organ, 'Tab');
    await page.waitForSelector('[data-edit-error]', { state: 'detached' });
    assert.equal(await page.$eval(organ, (i) => i.getAttribute('aria-invalid')), null);
  });
});

test('composer and comparison: the baseline select acts on Enter or a pick, not at every arrow', async () => {
  await withPage(env.browser, `${env.server.url}?view=compose&base=daqing.urban&lang=en`, { ready: '[data-panel="composer"]' }, async ({ page }) => {
    const sel = '[data-action="compose-base"]';
    await page.focus(sel);
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(400);
    assert.match(page.url(), /base=daqing\.urban/, 'an arrow changed no baseline');
    const moved = await page.$eval(sel, (s) => s.value);
    assert.notEqual(moved, 'daqing.urban');
    // Left without Enter: the choice is not kept.
    await page.keyboard.press('Tab');
    await page.waitForFunction((s) => document.querySelector(s).value === 'daqing.urban', sel);
    await page.focus(sel);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('base') === v, moved);
  });
  await withPage(env.browser, `${env.server.url}?view=compare&lang=en`, { ready: '[data-action="four-base"]' }, async ({ page }) => {
    const sel = '[data-action="four-base"]';
    const was = await page.$eval(sel, (s) => s.value);
    // The typical city is the last choice: the arrow up moves off it.
    const key = await page.$eval(sel, (s) => (s.selectedIndex === s.options.length - 1 ? 'ArrowUp' : 'ArrowDown'));
    await page.focus(sel);
    await page.keyboard.press(key);
    await page.waitForTimeout(400);
    const moved = await page.$eval(sel, (s) => s.value);
    assert.notEqual(moved, was);
    await page.keyboard.press('Tab');
    await page.waitForFunction(([s, v]) => document.querySelector(s).value === v, [sel, was]);
    await page.focus(sel);
    await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await page.waitForFunction(([s, v]) => document.querySelector(s).value === v, [sel, moved]);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(200);
    assert.equal(await page.$eval(sel, (s) => s.value), moved, 'the baseline taken by Enter stays');
  });
});

test('comparison: "Step by step" and "Open this model" name their case and leave focus on the results', async () => {
  await withPage(env.browser, `${env.server.url}?view=compare&lang=en`, { ready: '[data-action="open-four"]' }, async ({ page }) => {
    const labels = await page.$$eval('[data-action="open-four"]', (bs) => bs.map((b) => b.getAttribute('aria-label')));
    assert.equal(new Set(labels).size, labels.length, `named apart: ${labels}`);
    await page.focus('[data-action="open-four"][data-case="tianjin"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-panel="composer"]');
    await focusedOn(page, '#results');
  });
  await withPage(env.browser, `${env.server.url}?view=compare&lang=en`, { ready: '[data-action="open-four"]' }, async ({ page }) => {
    await page.evaluate(() => document.querySelector('details.fed[data-fed-case="haidong"]').open = true);
    await page.focus('[data-action="open-compared"][data-case="haidong"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('case') === 'haidong');
    await focusedOn(page, '#results');
  });
});

test('saved scenarios: deleting the last entry hands focus to the one before, then to the name field; each entry\'s buttons are named by it', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await page.evaluate(() => { document.querySelector('[data-panel="saved"]').open = true; });
    for (const name of ['Plan A', 'Plan B']) {
      await page.fill('[data-action="saved-name"]', name);
      await page.click('[data-action="save-scenario"]');
      await page.waitForFunction((n) => [...document.querySelectorAll('.saved-name')].some((s) => s.textContent === n), name);
    }
    const groups = await page.$$eval('[data-saved] .saved-actions', (gs) => gs.map((g) => [g.getAttribute('role'), g.getAttribute('aria-label')]));
    assert.deepEqual(groups, [['group', 'Plan A'], ['group', 'Plan B']]);
    await page.focus('[data-saved="1"] [data-action="delete-saved"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-saved="1"]', { state: 'detached' });
    await focusedOn(page, '[data-saved="0"] [data-action="delete-saved"]');
    assert.match(await page.textContent('[data-saved-status]'), /Deleted “Plan B”/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-saved="0"]', { state: 'detached' });
    await focusedOn(page, '[data-action="saved-name"]');
  });
});

test('"Present" puts focus on the presenter\'s Next; Space on a diagram box does not change the step', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en&step=1`, async ({ page }) => {
    await page.focus('[data-action="present"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/present=1/);
    await page.waitForSelector('[data-action="present-next"]');
    await focusedOn(page, '[data-action="present-next"]');
    const step = () => new URL(page.url()).searchParams.get('step');
    const at = await page.evaluate(() => document.querySelector('[aria-current="step"]')?.dataset.step ?? null);
    await page.focus('[role="tree"] [role="treeitem"]');
    await page.keyboard.press('Space');
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => document.querySelector('[aria-current="step"]')?.dataset.step ?? null), at, `step ${step()}`);
  });
});

test('the embedded page opened on its own posts no message to itself', async () => {
  const context = await env.browser.newContext({ viewport: { width: 800, height: 600 } });
  try {
    const page = await context.newPage();
    const said = [];
    page.on('console', (m) => { if (/reform-explorer/.test(m.text())) said.push(`${m.type()}: ${m.text()}`); });
    await page.goto(`${env.server.url}?case=daqing&variant=urban&embed=1&lang=en`);
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]', { timeout: 20000 });
    await page.setViewportSize({ width: 700, height: 500 });
    await page.waitForTimeout(600);
    assert.deepEqual(said, []);
  } finally {
    await context.close();
  }
});

test('named for a screen reader: a key figure\'s match tags by their figure, the editor\'s rows by their level, the embedded page by its main heading', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&variant=urban&lang=en`, async ({ page }) => {
    // The name a screen reader reads: the button's text, a hidden figure name first.
    const names = await page.$$eval('[data-action="key-match"]', (bs) => bs.map((b) => b.textContent));
    assert.ok(names.length > 1, 'tags to name');
    assert.equal(new Set(names).size, names.length, `named apart: ${names}`);
    const figure = await page.$eval('[data-key-reported] ', (r) => r.closest('[data-key-figure]').querySelector('[data-action="key-match"]')?.textContent);
    assert.match(figure, /^[^:]+: /, 'the figure, then the tags');
    // Escape folds what a tag opened.
    const card = await page.$eval('[data-action="key-match"]', (b) => b.closest('[data-key-figure]').dataset.keyFigure);
    await page.focus(`[data-key-figure="${card}"] [data-action="key-match"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-key-figure="${card}"] [data-key-match-text]`);
    await page.keyboard.press('Escape');
    await page.waitForSelector(`[data-key-figure="${card}"] [data-key-match-text]`, { state: 'detached' });

    await openEditor(page);
    const labels = await page.$$eval('tr[data-org-unit] [data-field="name"]', (is) => is.slice(0, 3).map((i) => [i.closest('tr').dataset.depth, i.getAttribute('aria-label')]));
    for (const [depth, label] of labels) assert.match(label, new RegExp(`level ${Number(depth) + 1}`), label);
  });
  await withPage(env.browser, `${env.server.url}?case=daqing&variant=urban&embed=1&lang=en`, async ({ page }) => {
    assert.equal(await page.$$eval('main', (m) => m.length), 1);
    const h1 = await page.$$eval('h1', (hs) => hs.map((h) => h.textContent));
    assert.equal(h1.length, 1);
    assert.match(h1[0], /Daqing/);
  });
});
