// End-to-end for the diagram's boxes and the lineage list, which the app writes itself
// (ui/diagram/boxes.rs, ui/sources.rs: one keyed pass that writes only what changed, events
// taken on the SVG or the list): after any sequence of changes the boxes and entries drawn are
// exactly those a fresh load of the same link draws, and the mouse, the focus and a click on a
// box do what they did as per-box handlers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rng, setParam, settledUrl, useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);

const AFTER = '[data-phase="after"]';
const BEFORE = '[data-phase="before"]';

/** Both diagrams' boxes and connectors, and the lineage list (also written by hand,
 *  ui/sources.rs), as text: every element, its attributes sorted (classes too), its text, in
 *  document order. The view's zoom and the canvas's size are left out. */
function drawn(page) {
  return page.evaluate(() => [...document.querySelectorAll('svg.diagram-svg g.viewport, ul.lineage-list')].map((vp) => {
    const walk = (e) => {
      const attrs = [...e.attributes]
        .filter((a) => !(e === vp && ['transform', 'class'].includes(a.name)))
        .map((a) => (a.name === 'class' ? `class=${a.value.split(/\s+/).filter(Boolean).sort().join(' ')}` : `${a.name}=${a.value}`))
        .filter((a) => a !== 'class=')
        .sort();
      const kids = [...e.childNodes].map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 ? walk(c) : '')).join('');
      return `<${e.tagName} ${attrs.join(' ')}>${kids}</${e.tagName}>`;
    };
    return walk(vp);
  }).join('\n'));
}

/** Where two drawings first differ, with some context. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}:\n  changed: …${a.slice(Math.max(0, i - 150), i + 150)}…\n  fresh:   …${b.slice(Math.max(0, i - 150), i + 150)}…`;
}

/** One random change a user could make: a parameter (any valid value), a step, the language,
 *  the layout or the grouping of identical units. */
async function randomChange(page, rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const what = rand();
  if (what < 0.6) {
    const params = await page.$$eval('[data-param]', (ps) => ps.map((p) => ({
      key: p.dataset.param, min: Number(p.dataset.min), max: Number(p.dataset.max),
      step: Number(p.dataset.stepSize) || 1, now: Number(p.querySelector('input').value),
    })));
    const p = pick(params);
    // A few steps up or down from where it is: mostly a state the model takes, now and then one
    // it refuses (the diagrams are then empty).
    const k = (1 + Math.floor(rand() * 5)) * (rand() < 0.5 ? -1 : 1);
    const v = Math.round(Math.min(p.max, Math.max(p.min, p.now + k * p.step)) * 1e6) / 1e6;
    await setParam(page, p.key, v);
    return `${p.key}=${v}`;
  }
  const clickOne = async (sel) => {
    const n = await page.locator(sel).count();
    if (!n) return null;
    const i = Math.floor(rand() * n);
    await page.locator(sel).nth(i).click();
    return `${sel}#${i}`;
  };
  if (what < 0.8) return clickOne('button.step[data-step]');
  if (what < 0.87) return clickOne('[data-lang]');
  if (what < 0.94) return clickOne('[data-orient]');
  await page.locator('input[data-option="group"]').click();
  return 'group';
}

for (const [start, seed] of [['?case=daqing', 11], ['?case=tianjin&variant=station', 12], ['?case=haidong', 13], ['?case=zhejiang&variant=pujiang', 14]]) {
  test(`after random changes, ${start} draws the boxes a fresh load of its link draws`, async () => {
    await withPage(env.browser, env.server.url + start, async ({ page, errors }) => {
      const rand = rng(seed);
      const done = [];
      for (let i = 0; i < 12; i++) {
        done.push(await randomChange(page, rand));
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
      }
      // The mouse off the diagrams (a box under it lights its lineage, which no link carries).
      await page.mouse.move(0, 0);
      const url = await settledUrl(page);
      if (process.env.DEBUG_DOM) console.log(url, done);
      const changed = await drawn(page);
      assert.match(changed, /class=[^>]*\bnode\b/, 'boxes are drawn');
      await withPage(env.browser, url, async ({ page: fresh }) => {
        // The diagrams are built in the task after the first frame.
        await fresh.waitForSelector(`${AFTER} svg.diagram-svg`, { state: 'attached' });
        await fresh.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
        const want = await drawn(fresh);
        assert.ok(changed === want, `after ${done.join(', ')} (${url}) the drawing differs from a fresh load ${firstDifference(changed, want)}`);
      });
      assert.deepEqual(errors, []);
    });
  });
}

test('the mouse over a box of the after diagram lights its old units; leaving clears them', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing`, async ({ page }) => {
    // A unit formed by a merger: its lineage is several old units.
    const box = page.locator(`${AFTER} g.node[data-change="formed"]`).first();
    const id = await box.getAttribute('data-unit-id');
    assert.equal(await page.locator('.node.lineage').count(), 0);
    await box.locator('rect').hover({ position: { x: 4, y: 4 } });
    await page.waitForSelector(`${BEFORE} .node.lineage`);
    assert.match(await box.getAttribute('class'), /lineage/, `${id} itself is lit`);
    // From the rect to the box's own text: still the same box.
    await box.locator('tspan').first().hover();
    assert.ok((await page.locator(`${BEFORE} .node.lineage`).count()) > 0);
    await page.locator('h1').hover();
    await page.waitForFunction(() => !document.querySelector('.node.lineage'));
  });
});

test('focus on a box makes it the tab stop and lights its lineage; a click on a box makes it active', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing`, async ({ page }) => {
    const stops = (side) => page.$$eval(`${side} g.node[tabindex="0"]`, (els) => els.map((e) => e.dataset.unitId));
    const [first] = await stops(AFTER);
    const box = page.locator(`${AFTER} g.node[data-change="formed"]`).first();
    const id = await box.getAttribute('data-unit-id');
    assert.notEqual(id, first);
    await box.focus();
    await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('tabindex') === '0', `${AFTER} g.node[data-unit-id="${id}"]`);
    assert.deepEqual(await stops(AFTER), [id], 'one tab stop, on the focused box');
    assert.match(await box.getAttribute('class'), /\bactive\b/);
    await page.waitForSelector(`${BEFORE} .node.lineage`);
    await page.evaluate(() => document.activeElement.blur());
    await page.waitForFunction(() => !document.querySelector('.node.lineage'));
    // A click on another box (not on its toggle) moves the tab stop there.
    const other = page.locator(`${BEFORE} g.node[data-depth="2"]`).first();
    const oid = await other.getAttribute('data-unit-id');
    await other.locator('rect').click({ position: { x: 4, y: 4 } });
    await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('tabindex') === '0', `${BEFORE} g.node[data-unit-id="${oid}"]`);
    assert.deepEqual(await stops(BEFORE), [oid]);
  });
});

test('a parameter that renumbers the teams: the lineage list written over in place equals a fresh load, and focus on an entry that goes is not passed to another unit', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&variant=urban`, async ({ page, errors }) => {
    const ids = () => page.$$eval('ul.lineage-list [data-lineage]', (els) => els.map((e) => e.dataset.lineage));
    await page.waitForSelector('ul.lineage-list [data-lineage]');
    const before = await ids();
    // Every entry's element, to see which are written over rather than made again.
    await page.evaluate(() => { window.__lis = [...document.querySelectorAll('ul.lineage-list > li')]; });
    // Focus on an entry whose unit goes (a team, `nsb1/community/t6`: the teams are renumbered).
    await page.evaluate(() => [...document.querySelectorAll('ul.lineage-list [data-lineage]')].find((e) => /\/t\d+$/.test(e.dataset.lineage))?.focus());
    const focusedId = await page.evaluate(() => document.activeElement?.dataset?.lineage ?? null);
    // Changed without moving focus, as Back in the browser or an embedding page's message
    // changes it (typing in the field would take focus off the entry).
    await page.evaluate(() => {
      const input = document.querySelector('#param-pairs_per_team');
      input.value = '4';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    const after = await ids();
    assert.notDeepEqual(after, before, 'the change renames entries');
    const kept = await page.evaluate(() => [...document.querySelectorAll('ul.lineage-list > li')].filter((li) => window.__lis.includes(li)).length);
    const renamed = after.filter((id) => !before.includes(id)).length;
    assert.ok(renamed > 0 && kept > after.length - renamed, `elements written over for the renamed entries (${kept} of ${after.length} kept, ${renamed} renamed)`);
    assert.ok(focusedId && !after.includes(focusedId), `the focused entry (${focusedId}) goes`);
    const now = await page.evaluate(() => document.activeElement?.dataset?.lineage ?? null);
    assert.equal(now, null, `focus went to another unit's entry: ${now}`);
    // No highlight left (the mouse, and the focus's unit, which no link carries).
    await page.mouse.move(0, 0);
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    const url = await settledUrl(page);
    const changed = await drawn(page);
    await withPage(env.browser, url, async ({ page: fresh }) => {
      await fresh.waitForSelector('ul.lineage-list [data-lineage]');
      await fresh.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
      const want = await drawn(fresh);
      assert.ok(changed === want, `the drawing differs from a fresh load of ${url} ${firstDifference(changed, want)}`);
    });
    assert.deepEqual(errors, []);
  });
});
