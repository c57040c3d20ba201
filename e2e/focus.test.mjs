// Keyboard focus after an action never falls to the page: a button that disables or removes
// itself hands focus to the control a keyboard user goes on with (steps, presenter's moves,
// the composer's measures, the link notice, a saved scenario's rename, the organisation
// editor's delete and undo). The embed preview and the diagrams' SVG are no Tab stops.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setParam, useBrowser, waitMetric, withPage } from './support.mjs';

const env = useBrowser(before, after);
const active = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { tag: e.tagName, action: e.dataset.action, index: e.dataset.index, id: e.id,
    unit: e.closest('[data-org-unit]')?.dataset.orgUnit, label: e.getAttribute('aria-label') };
});
/** Waits until the focused element matches `sel`. */
const focusedOn = (page, sel) => page.waitForFunction((s) => document.activeElement?.matches(s), sel, { timeout: 5000 })
  .catch(async () => assert.fail(`focus on ${sel}, not ${JSON.stringify(await active(page))}`));

test('steps: Next at the last step and Previous at the first hand focus to the other button', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en&step=1`, async ({ page }) => {
    await page.focus('[data-action="step-prev"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-step="0"][aria-current="step"]');
    await focusedOn(page, '[data-action="step-next"]');
    const last = await page.$$eval('.step-list [data-step]', (b) => b.length - 1);
    for (let i = 0; i < last; i++) await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-step="${last}"][aria-current="step"]`);
    await focusedOn(page, '[data-action="step-prev"]');
  });
});

test('presenter mode: the same for its Previous and Next', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en&present=1&step=1`, { ready: '[data-action="present-next"]' }, async ({ page }) => {
    await page.focus('[data-action="present-prev"]');
    await page.keyboard.press('Enter');
    await focusedOn(page, '[data-action="present-next"]');
    await page.waitForSelector('[data-action="present-prev"]:disabled');
  });
});

test('composer: focus follows a moved measure, and goes to the next one when one is removed', async () => {
  await withPage(env.browser, `${env.server.url}?view=compose&base=daqing.urban&lang=en`, { ready: '[data-panel="composer"]' }, async ({ page }) => {
    await page.click('[data-action="compose-own"]');
    await page.waitForSelector('[data-compose-step="2"]');
    const keys = () => page.$$eval('[data-compose-step]', (ls) => ls.map((l) => l.dataset.leverKey));
    const before = await keys();
    await page.focus('[data-action="lever-down"][data-index="0"]');
    await page.keyboard.press('Enter');
    await focusedOn(page, '[data-action="lever-down"][data-index="1"]');
    await page.keyboard.press('Enter');
    await focusedOn(page, '[data-action="lever-down"][data-index="2"]');
    const after = await keys();
    assert.equal(after[2], before[0], 'the first measure went down twice, focus with it');
    const n = after.length;
    await page.focus(`[data-action="lever-down"][data-index="${n - 2}"]`);
    await page.keyboard.press('Enter');
    await focusedOn(page, `[data-action="lever-up"][data-index="${n - 1}"]`);
    await page.focus(`[data-action="lever-remove"][data-index="${n - 1}"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((m) => document.querySelectorAll('[data-compose-step]').length === m, n - 1);
    await focusedOn(page, `[data-action="lever-remove"][data-index="${n - 2}"]`);
  });
});

test('the link notice: Dismiss puts focus on the results', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en&bogus=1`, async ({ page }) => {
    await page.focus('.notice .dismiss');
    await page.keyboard.press('Enter');
    await focusedOn(page, '#results');
  });
});

test('saved scenarios: Rename focuses a labelled field; Enter and Escape go back to the button', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await page.evaluate(() => { document.querySelector('[data-panel="saved"]').open = true; });
    await page.fill('[data-action="saved-name"]', 'Plan A');
    await page.click('[data-action="save-scenario"]');
    await page.focus('[data-saved="0"] [data-action="rename-saved"]');
    await page.keyboard.press('Enter');
    await focusedOn(page, '[data-saved="0"] [data-action="rename-input"]');
    assert.ok((await active(page)).label, 'the field has a name');
    await page.keyboard.press('Escape');
    await focusedOn(page, '[data-saved="0"] [data-action="rename-saved"]');
    await page.keyboard.press('Enter');
    await focusedOn(page, '[data-saved="0"] [data-action="rename-input"]');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Plan B');
    await page.keyboard.press('Enter');
    await focusedOn(page, '[data-saved="0"] [data-action="rename-saved"]');
    assert.equal(await page.textContent('[data-saved="0"] .saved-name'), 'Plan B');
  });
});

test('organisation editor: delete keeps focus in the table, its question takes Escape, undo hands over to redo', async () => {
  const csv = readFileSync(new URL('./fixtures/organisation-utf8.csv', import.meta.url));
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await page.setInputFiles('input[type=file][data-action="import-organisation"]', { name: 'o.csv', mimeType: 'text/csv', buffer: csv });
    await page.waitForSelector('[data-own]');
    await page.click('[data-panel="org-editor"] summary');
    await page.waitForSelector('[data-org-table]');
    // A unit with units under it asks first: focus on the first answer; Escape cancels.
    const parent = await page.$$eval('tr[data-org-unit]', (rows) => {
      for (let i = 1; i + 1 < rows.length; i++) {
        if (Number(rows[i + 1].dataset.depth) > Number(rows[i].dataset.depth)) return rows[i].dataset.orgUnit;
      }
      return null;
    });
    assert.ok(parent);
    await page.focus(`[data-org-unit="${parent}"] [data-action="org-delete"]`);
    await page.keyboard.press('Enter');
    await focusedOn(page, `[data-org-unit="${parent}"] [data-action="org-delete-all"]`);
    await page.keyboard.press('Escape');
    await focusedOn(page, `[data-org-unit="${parent}"] [data-action="org-delete"]`);
    assert.equal(await page.$(`[data-org-unit="${parent}"] [data-action="org-delete-all"]`), null);
    // A unit without units goes at once: focus on the row drawn after it.
    const leaf = await page.$$eval('tr[data-org-unit]', (rows) => {
      const last = rows[rows.length - 1];
      return last.dataset.orgUnit;
    });
    await page.focus(`[data-org-unit="${leaf}"] [data-action="org-delete"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => !document.querySelector(`tr[data-org-unit="${id}"]`), leaf);
    await focusedOn(page, 'tr[data-org-unit] [data-action="org-delete"]');
    // One edit made: undoing it empties the undo list, focus goes to Redo, and back.
    await page.focus('[data-action="org-undo"]');
    await page.keyboard.press('Enter');
    await focusedOn(page, '[data-action="org-redo"]');
    await page.keyboard.press('Enter');
    await focusedOn(page, '[data-action="org-undo"]');
  });
});

test('the diagrams\' SVG and the embed preview are no Tab stops', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    assert.equal(await page.getAttribute('figure.diagram[data-phase="before"] svg[role="tree"]', 'tabindex'), '-1');
    // Focus on the SVG itself (a click on its background): ↓ goes to the top unit first.
    await page.$eval('figure.diagram[data-phase="before"] svg[role="tree"]', (e) => e.focus());
    await page.keyboard.press('ArrowDown');
    await focusedOn(page, 'figure.diagram[data-phase="before"] [role="treeitem"][aria-level="1"]');
    await page.click('.share > summary');
    await page.waitForSelector('[data-share="preview"]');
    assert.equal(await page.$eval('[data-share="preview"]', (f) => f.inert), true);
  });
});

// A review's findings: Tab left the phone's parameter drawer (a folded group's controls counted
// as its last stop), Home on "Hide figures" dropped focus to the page, and ↓ in a diagram taller
// than the window moved focus to a box under the window's edge without scrolling.
test('Tab stays in the phone\'s parameter drawer however far it goes', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang&variant=nanhu&lang=zh-Hant`, { viewport: { width: 360, height: 740 } }, async ({ page }) => {
    await page.click('[data-action="params-open"]');
    await focusedOn(page, '[data-action="params-close"]');
    const n = await page.$$eval('#params-drawer input, #params-drawer button, #params-drawer summary', (e) => e.length);
    for (let i = 0; i < n + 5; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => document.activeElement?.closest('#params-drawer') !== null);
      assert.ok(inside, `Tab ${i + 1} left the drawer for ${JSON.stringify(await active(page))}`);
    }
  });
});

test('presenter mode: Home on "Hide figures" hands focus to a step button', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en&present=1&step=2`, { ready: '[data-action="present-next"]' }, async ({ page }) => {
    await page.focus('[data-action="present-hide"]');
    await page.keyboard.press('Home');
    await page.waitForSelector('[data-action="present-hide"]:disabled');
    await focusedOn(page, '[data-action="present-next"]');
  });
});

test('a box moved to by the arrow keys is scrolled into the window', async () => {
  await withPage(env.browser, `${env.server.url}?case=tianjin&lang=en`, { viewport: { width: 1400, height: 900 } }, async ({ page }) => {
    const box = 'figure.diagram [data-unit-id]';
    await page.waitForSelector(box);
    await page.focus(box);
    // The diagram's top box at the window's bottom edge, as Tab leaves it.
    await page.evaluate((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      window.scrollBy(0, r.bottom - innerHeight + 2);
    }, box);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowDown');
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const r = await page.evaluate(() => {
        const b = document.activeElement.getBoundingClientRect();
        return { top: b.top, bottom: b.bottom, h: innerHeight, unit: document.activeElement.dataset.unitId };
      });
      assert.ok(r.unit && r.top >= 0 && r.bottom <= r.h, `↓ ${i + 1}: ${JSON.stringify(r)}`);
    }
  });
});

// Tab follows what is drawn: on a wide screen the parameters (the city's inputs on the
// comparison page) are the column left of the results and come first; up to 900 px one column
// shows the results first and the parameters under them, and Tab went from the top bar to
// those parameters at the page's end.
for (const [query, results, last] of [['?case=daqing&lang=en', '#results', 'haidong'], ['?view=compare&lang=en', 'section.compare', 'haidong']]) {
  for (const [width, first] of [[1400, '.params'], [760, results], [601, results]]) {
    test(`${width} px, ${query}: after the top bar, Tab goes to the part drawn next (${first})`, async () => {
      await withPage(env.browser, `${env.server.url}${query}`, { viewport: { width, height: 1000 }, ready: '.params' }, async ({ page }) => {
        await page.focus(`[data-case="${last}"]`);
        let where = null;
        for (let i = 0; i < 12 && !where; i++) {
          await page.keyboard.press('Tab');
          where = await page.evaluate((r) => {
            const e = document.activeElement;
            return e.closest(r) ? r : e.closest('.params') ? '.params' : null;
          }, results);
        }
        assert.equal(where, first);
        // The other part is drawn after it, and Tab reaches it after it too.
        const [params, shown] = await page.evaluate((r) => ['.params', r].map((s) => document.querySelector(s).getBoundingClientRect().toJSON()), results);
        if (first === results) assert.ok(params.top >= shown.bottom - 1, `parameters at ${params.top}, results end at ${shown.bottom}`);
        else assert.ok(params.right <= shown.left + 1, 'the parameters are left of the results');
      });
    });
  }
}

test('a window narrowed past 900 px and widened again keeps one parameter panel and what was typed in it', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, { viewport: { width: 1400, height: 1000 } }, async ({ page }) => {
    await setParam(page, 'staff', 3000);
    await waitMetric(page, 'staff_total', 3000);
    for (const width of [760, 1400, 700]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.waitForFunction(() => document.querySelectorAll('.params').length === 1
        && document.querySelector('#param-staff')?.value === '3000', null, { timeout: 5000 });
      const order = await page.evaluate(() => document.querySelector('#results').compareDocumentPosition(document.querySelector('.params')));
      assert.equal(Boolean(order & 4) /* DOCUMENT_POSITION_FOLLOWING */, width <= 900, `${width} px: the parameters follow the results in the page`);
    }
    await setParam(page, 'staff', 2900);
    await waitMetric(page, 'staff_total', 2900);
  });
});
