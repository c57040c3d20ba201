// End-to-end for the diagram view: collapse, zoom and fit, search, keyboard navigation through
// the tree, change marks against the change summary, the text outline, and colour contrast in
// every theme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setParam, useBrowser, withPage } from './support.mjs';
import { contrastFailures } from './in-page.mjs';

const env = useBrowser(before, after);

const AFTER = '[data-phase="after"]';
const BEFORE = '[data-phase="before"]';
const boxes = (page, side) => page.locator(`${side} g.node`);

test('collapsing a box hides what is below it and says how many; expanding restores them', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&group=0`, async ({ page }) => {
    const all = await boxes(page, AFTER).count();
    const box = page.locator(`${AFTER} g.node[data-depth="1"][aria-expanded="true"]`).first();
    const id = await box.getAttribute('data-unit-id');
    await box.locator('g.toggle').click();
    const it = page.locator(`${AFTER} g.node[data-unit-id="${id}"]`);
    await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('aria-expanded') === 'false',
      `${AFTER} g.node[data-unit-id="${id}"]`);
    assert.match(await it.getAttribute('class'), /collapsed/);
    const hidden = all - (await boxes(page, AFTER).count());
    assert.ok(hidden > 0);
    assert.match(await it.textContent(), new RegExp(`\\b${hidden}\\b`));
    await it.locator('g.toggle').click();
    await page.waitForFunction(([s, n]) => document.querySelectorAll(s).length === n, [`${AFTER} g.node`, all]);
  });
});

test('zoom changes one transform; fit brings the drawing back inside', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&group=0`, async ({ page }) => {
    const svg = page.locator(`${AFTER} svg.diagram-svg`);
    const z0 = Number(await svg.getAttribute('data-zoom'));
    const records = await page.evaluate(async (side) => {
      const seen = [];
      const mo = new MutationObserver((ms) => ms.forEach((m) => seen.push(`${m.target.getAttribute('class')}|${m.attributeName}`)));
      mo.observe(document.body, { subtree: true, attributes: true, childList: true });
      document.querySelector(`${side} [data-action="zoom-in"]`).click();
      await new Promise((r) => setTimeout(r, 50));
      mo.disconnect();
      return seen;
    }, AFTER);
    assert.ok(Number(await svg.getAttribute('data-zoom')) > z0);
    // (And the canvas's `far` class and its hint, where the zoom crosses the smallest readable
    // label.)
    assert.ok(records.length > 0 && records.every((r) => /^viewport\|transform$|^diagram-svg( far)?\|(data-zoom|class)$|^far-hint\|null$/.test(r)), records.join(', '));
    await page.click(`${AFTER} [data-action="fit"]`);
    await page.waitForFunction((s) => Number(document.querySelector(s).dataset.zoom) <= 1, `${AFTER} svg.diagram-svg`);
    // Dragging pans: the viewport moves, the boxes do not.
    const t0 = await page.getAttribute(`${AFTER} g.viewport`, 'transform');
    const first = await page.getAttribute(`${AFTER} g.node`, 'transform');
    const b = await svg.boundingBox();
    await page.mouse.move(b.x + 20, b.y + 20);
    await page.mouse.down();
    await page.mouse.move(b.x + 90, b.y + 60, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await page.getAttribute(`${AFTER} g.viewport`, 'transform'), t0);
    assert.equal(await page.getAttribute(`${AFTER} g.node`, 'transform'), first);
  });
});

test('zoomed out below a readable label, the boxes are drawn without their text; reset view draws it again', async () => {
  // A large city drawn unit by unit: fitted to the canvas, its labels are under a pixel high.
  const big = '?case=daqing&group=0&population=6000000&staff=8000&sub_bureaus_before=30';
  await withPage(env.browser, env.server.url + big, async ({ page }) => {
    const svg = `${AFTER} svg.diagram-svg`;
    await page.waitForSelector(`${svg} g.node`);
    const label = async () => page.evaluate((s) => {
      const el = document.querySelector(s);
      const t = el.querySelector('g.node > text');
      return { zoom: Number(el.dataset.zoom), far: el.classList.contains('far'), display: getComputedStyle(t).display, text: t.textContent };
    }, svg);
    const fitted = await label();
    assert.ok(fitted.zoom * 13 < 4, `fitted at ${fitted.zoom}`);
    assert.ok(fitted.far, 'the canvas is marked far');
    assert.equal(fitted.display, 'none');
    // The text is still there for the tree's names and a download; it is only not drawn.
    assert.ok(fitted.text.length > 0);
    await page.click(`${AFTER} [data-action="reset-view"]`);
    await page.waitForFunction((s) => !document.querySelector(s).classList.contains('far'), svg);
    const reset = await label();
    assert.equal(reset.zoom, 1);
    assert.notEqual(reset.display, 'none');
    // The "before" diagram, not zoomed, still leaves its labels out.
    assert.equal(await page.evaluate(() => document.querySelector('[data-phase="before"] svg.diagram-svg').classList.contains('far')), true);
  });
});

test('search finds units in either language, marks the path and opens collapsed boxes', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await page.click('[data-action="collapse-all"]');
    await page.waitForSelector(`${AFTER} g.node.collapsed`);
    await page.fill('[data-action="search"]', 'team');
    await page.waitForSelector(`${AFTER} g.node.match`);
    const count = page.locator('[data-search-count]');
    assert.ok(Number(await count.getAttribute('data-after')) > 0);
    // The root is on the path, and no box on the path is collapsed.
    assert.match(await page.getAttribute(`${AFTER} g.node[data-depth="0"]`, 'class'), /on-path/);
    assert.equal(await page.locator(`${AFTER} g.node.on-path.collapsed`).count(), 0);
    assert.ok((await page.locator(`${AFTER} g.edges path.on-path`).count()) > 0);
    await page.fill('[data-action="search"]', '队');
    await page.waitForSelector(`${AFTER} g.node.match`);
    await page.fill('[data-action="search"]', 'zzqx');
    await page.waitForSelector('[data-search-count="0"]');
    assert.equal(await page.locator('g.node.match').count(), 0);
  });
});

test('the keyboard moves through the tree, collapses and expands', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing`, async ({ page }) => {
    const ids = await page.$$eval(`${AFTER} g.node`, (els) => els.map((e) => e.dataset.unitId));
    const root = page.locator(`${AFTER} g.node[tabindex="0"]`);
    assert.equal(await root.count(), 1, 'one tab stop');
    await root.focus();
    await page.keyboard.press('ArrowDown');
    const active = () => page.$eval(`${AFTER} g.node.active`, (e) => e.dataset.unitId);
    assert.equal(await active(), ids[1]);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.unitId), ids[1]);
    await page.keyboard.press('ArrowLeft'); // open box: collapses
    await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('aria-expanded') === 'false',
      `${AFTER} g.node[data-unit-id="${ids[1]}"]`);
    await page.keyboard.press('Enter'); // expands again
    await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('aria-expanded') === 'true',
      `${AFTER} g.node[data-unit-id="${ids[1]}"]`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft'); // closed box: goes to the parent
    assert.equal(await active(), ids[0]);
    await page.keyboard.press('End'); // the last box drawn (the collapsed box hides its children)
    const now = await page.$$eval(`${AFTER} g.node`, (els) => els.map((e) => e.dataset.unitId));
    assert.equal(await active(), now.at(-1));
    assert.ok(now.length < ids.length);
  });
});

test('change marks on a merge agree with the change summary (Zhejiang: internal units merged)', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang`, async ({ page }) => {
    const li = page.locator('.change-summary li[data-change-kind="internal_unit"]');
    const n = async (a) => Number(await li.getAttribute(a));
    const sum = (side, extra = '') => page.$$eval(`${side} g.node[data-kind="internal_unit"]${extra}`,
      (els) => els.reduce((s, e) => s + Number(e.dataset.count), 0));
    assert.equal(await sum(BEFORE), await n('data-before'));
    assert.equal(await sum(AFTER), await n('data-after'));
    assert.ok((await n('data-merged')) > 0);
    assert.equal(await sum(BEFORE, '[data-change="merged"]'), await n('data-merged'));
    assert.equal(await sum(AFTER, '[data-change="formed"]'), await n('data-formed'));
    assert.ok((await n('data-after')) < (await n('data-before')));
    // A merged box carries its glyph, not only a colour.
    assert.ok((await page.locator(`${BEFORE} g.node[data-change="merged"] g.mark`).count()) > 0);
  });
});

test('the text outline lists every unit with its staff', async () => {
  await withPage(env.browser, `${env.server.url}?case=tianjin&group=0`, async ({ page }) => {
    const drawn = await boxes(page, AFTER).count();
    await page.click(`details[data-outline="after"] summary`);
    const items = page.locator('details[data-outline="after"] li[data-outline-unit]');
    await items.first().waitFor();
    assert.equal(await items.count(), drawn);
    const rootStaff = Number(await page.getAttribute(`${AFTER} g.node[data-depth="0"]`, 'data-staff'));
    const text = (await items.first().textContent()).replace(/,/g, '');
    assert.ok(text.includes(String(rootStaff)), text.slice(0, 80));
  });
});

// WCAG contrast of what the page really paints, per theme.
for (const theme of ['light', 'dark', 'projector', 'auto-dark']) {
  test(`colour contrast meets WCAG AA in the ${theme} theme`, async () => {
    await withPage(env.browser, `${env.server.url}?case=zhejiang&theme=${theme.replace('auto-dark', 'auto')}`, async ({ page }) => {
      if (theme === 'auto-dark') await page.emulateMedia({ colorScheme: 'dark' });
      const fails = await page.evaluate(contrastFailures);
      assert.deepEqual(fails, []);
    });
  });
}

test('the change summary and the boxes\' change marks follow the step shown and a new organisation', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    const teams = () => page.getAttribute('.change-summary li[data-change-kind="team"]', 'data-after').catch(() => null);
    // The final step forms the teams; step 1 (fewer tiers) forms none yet.
    assert.ok(Number(await teams()) > 0);
    await page.click('[data-step="1"]');
    await page.waitForFunction(() => !document.querySelector('.change-summary li[data-change-kind="team"]'));
    assert.equal(await page.$('figure.diagram[data-phase="after"] [data-change="new"][data-kind="team"]'), null);
    // Back to the final step: the teams and their marks again.
    await page.locator('[data-step]').last().click();
    await page.waitForFunction(() => Number(document.querySelector('.change-summary li[data-change-kind="team"]')?.dataset.after) > 0);
    // Another case: its own counts.
    await page.click('[data-case="haidong"]');
    await page.waitForFunction(() => document.querySelector('.change-summary li[data-change-kind="district"]'));
  });
});

test('a baseline parameter redraws the "before" diagram; a measure\'s parameter leaves it as it was', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en&group=0`, async ({ page }) => {
    const root = (side) => page.getAttribute(`${side} g.node[data-depth="0"]`, 'data-staff');
    const count = (side) => boxes(page, side).count();
    // Every box of the "before" marked: a redrawn box would lose its mark.
    const mark = () => page.$$eval(`${BEFORE} g.node`, (ns) => ns.forEach((n) => { n.__kept = true; }));
    const kept = () => page.$$eval(`${BEFORE} g.node`, (ns) => ns.every((n) => n.__kept));
    await mark();
    // Every box of a side, its id and staff: what a redraw with other figures changes.
    const drawn = (side) => page.$$eval(`${side} g.node`, (ns) => ns.map((n) => `${n.dataset.unitId}:${n.dataset.staff}`).join());
    const [before, after, afterDrawn] = [await root(BEFORE), await count(BEFORE), await drawn(AFTER)];
    // The number of branches after the reform: only the "after" changes.
    const branches = Number(await page.inputValue('#param-branches_after'));
    await setParam(page, 'branches_after', branches - 1);
    await page.waitForFunction(([sel, was]) => [...document.querySelectorAll(sel)].map((n) => `${n.dataset.unitId}:${n.dataset.staff}`).join() !== was, [`${AFTER} g.node`, afterDrawn]);
    assert.equal(await root(BEFORE), before);
    assert.equal(await count(BEFORE), after);
    assert.ok(await kept(), 'the "before" boxes were redrawn');
    // The city's officers: the "before" follows.
    const staff = Number(await page.inputValue('#param-staff'));
    await setParam(page, 'staff', staff + 500);
    await page.waitForFunction(([sel, was]) => document.querySelector(sel)?.dataset.staff !== was, [`${BEFORE} g.node[data-depth="0"]`, before]);
    assert.equal(Number(await root(BEFORE)), Number(before) + 500);
  });
});

test('the change summary groups thousands as the rest of the page does', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&variant=urban&lang=en&staff=100000`, async ({ page }) => {
    const li = page.locator('.change-summary li[data-change-kind="team"]');
    const after = Number(await li.getAttribute('data-after'));
    assert.ok(after >= 1000, `${after} teams`);
    const text = await li.textContent();
    assert.ok(text.includes(after.toLocaleString('en-US')), text);
    assert.ok(!text.includes(String(after)), text);
  });
});

test('Tianjin\'s traffic police areas are named as such in the change summary and the legend, not as teams', async () => {
  await withPage(env.browser, `${env.server.url}?case=tianjin&variant=traffic&lang=en`, async ({ page }) => {
    const li = '.change-summary li[data-change-kind="police_area"]';
    await page.waitForSelector(li);
    assert.equal(await page.getAttribute(li, 'data-after'), await page.getAttribute('[data-metric="police_areas"][data-phase="after"]', 'data-value'));
    assert.match(await page.textContent(li), /Traffic police area/);
    assert.equal(await page.$('.change-summary li[data-change-kind="team"]'), null);
    assert.ok(await page.$('figure.diagram[data-phase="after"] [data-kind="police_area"]'));
  });
});

// A diagram zoomed out so far that its names are not drawn says so, and how to read them; the
// hint goes once the names are drawn (a 360 px embed fits Haidong's "after" diagram that small).
test('a diagram too small for its names says how to read them', async () => {
  await withPage(env.browser, `${env.server.url}?case=haidong&lang=en&embed=1&show=diagrams`, { viewport: { width: 360, height: 600 }, ready: 'figure.diagram[data-phase="after"] svg.diagram-svg' }, async ({ page }) => {
    const after = 'figure.diagram[data-phase="after"]';
    await page.waitForSelector(`${after} svg.diagram-svg`);
    const far = () => page.$eval(`${after} svg.diagram-svg`, (s) => s.classList.contains('far'));
    if (!(await far())) {
      // Not that small here: zoom out until it is.
      for (let i = 0; i < 12 && !(await far()); i++) await page.click(`${after} [data-action="zoom-out"]`);
    }
    assert.equal(await far(), true);
    await page.waitForSelector(`${after} [data-far-hint]`);
    assert.match(await page.textContent(`${after} [data-far-hint]`), /zoom in/);
    for (let i = 0; i < 12 && (await far()); i++) await page.click(`${after} [data-action="zoom-in"]`);
    assert.equal(await far(), false);
    await page.waitForSelector(`${after} [data-far-hint]`, { state: 'detached' });
  });
  // A diagram that shows its names has no hint.
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, {}, async ({ page }) => {
    assert.equal(await page.locator('[data-far-hint]').count(), 0);
  });
});
