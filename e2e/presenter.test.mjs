// Presenter mode (ui/presenter.rs): the top bar's "Present" opens it in the projector's colours
// at the page's step; arrows, PageUp/PageDown (a clicker), Space, Home and End move between
// steps and the link keeps the step; "Exit" goes back to the page at that step. Predict, then
// reveal: hidden figures are not in the page until revealed. The notes window and the
// projector's window follow each other both ways over a BroadcastChannel, hosted (http) and
// from the single-file copy (file://, network cut).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, recordErrors, settledUrl, useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);
const PROJECTOR = '[data-present="projector"] [data-present-figure]';
const FILE_URL = pathToFileURL(join(DIST, 'reform-explorer.html')).href;

const stepOf = (page) => page.getAttribute('[data-present-step]', 'data-present-step').then(Number);
const waitStep = (page, n) => page.waitForSelector(`[data-present-step="${n}"]`, { state: 'attached' });

/** The step's figures as the projector shows them: { key: text } of the after cells. */
const afterTexts = (page) => page.$$eval('[data-present-figure]', (els) =>
  Object.fromEntries(els.map((e) => [e.dataset.presentFigure, e.querySelector('.pf-after')?.textContent ?? null])));

test('"Present" opens presenter mode at the page\'s step; keys and a clicker move; "Exit" keeps the step', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en&step=1`, async ({ page }) => {
    await page.click('[data-action="present"]');
    await page.waitForSelector(PROJECTOR);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'projector');
    assert.equal(await stepOf(page), 1);
    assert.match(await settledUrl(page), /present=1/);
    const last = await page.$$eval('[data-present-step]', (e) => Number(e[0].textContent.match(/of (\d+)/)[1]));
    assert.ok(last >= 3, `last step ${last}`);
    assert.ok((await page.locator('[data-present] figure.diagram[data-phase="after"] g.node').count()) > 0);
    assert.match(await page.textContent('[data-clock] time'), /^\d\d:\d\d$/);
    // The numbers table and the main page's key-figures strip are not there.
    assert.equal(await page.locator('[data-metric]').count(), 0);
    assert.equal(await page.locator('[data-panel="key-figures"]').count(), 0);
    for (const [key, want] of [['PageDown', 2], ['ArrowLeft', 1], [' ', 2], ['ArrowRight', 3], ['PageUp', 2], ['Home', 0], ['ArrowUp', 0], ['End', last], ['ArrowDown', last]]) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await waitStep(page, want);
    }
    await page.keyboard.press('PageUp');
    await waitStep(page, last - 1);
    assert.match(await page.textContent('[data-present-title]'), new RegExp(`^${last - 1} · `));
    // The link keeps the step: a reload shows it again.
    assert.match(await settledUrl(page), new RegExp(`step=${last - 1}`));
    await page.reload();
    await page.waitForSelector(PROJECTOR);
    assert.equal(await stepOf(page), last - 1);
    // The buttons do what the keys do.
    await page.click('[data-action="present-prev"]');
    await waitStep(page, last - 2);
    await page.click('[data-action="present-next"]');
    await waitStep(page, last - 1);
    // Full screen may be refused (headless): nothing breaks.
    await page.click('[data-action="present-fullscreen"]');
    await page.click('[data-action="present-exit"]');
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    await page.waitForSelector(`[data-step="${last - 1}"][aria-current="step"]`);
    assert.doesNotMatch(await settledUrl(page), /present=/);
    assert.notEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'projector');
    // Keyboard focus is back on "Present", where the page was left (not on the page's body);
    // once only: a reload does not take it there again.
    await page.waitForFunction(() => document.activeElement?.dataset.action === 'present');
    await page.reload();
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 200))));
    assert.notEqual(await page.evaluate(() => document.activeElement?.dataset.action), 'present');
  });
});

test('hidden figures are absent from the page until revealed; predict mode hides each new step', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en&present=1&step=1`, { ready: PROJECTOR }, async ({ page }) => {
    const shown = await afterTexts(page);
    const keys = Object.keys(shown);
    assert.ok(keys.length >= 3 && Object.values(shown).every((t) => t), JSON.stringify(shown));
    const befores = await page.$$eval('[data-present-figure] .pf-before', (els) => els.map((e) => e.textContent));
    await page.keyboard.press('h');
    await page.waitForSelector('[data-hidden-figure]');
    const figures = page.locator('.present-figures');
    assert.equal(await page.locator('[data-hidden-figure]').count(), keys.length);
    assert.equal(await figures.locator('[data-phase="after"]').count(), 0);
    // Each card holds its "before", the arrow and the "?": nothing else, no attribute with a value.
    const cards = await page.$$eval('[data-present-figure] .pf-values', (els) => els.map((e) => [e.textContent, e.innerHTML]));
    cards.forEach(([text, html], i) => {
      assert.equal(text, `${befores[i]} → ?`, `card ${keys[i]}`);
      assert.equal((html.match(/data-value=/g) || []).length, 1, `card ${keys[i]}: ${html}`);
    });
    assert.equal(await page.getAttribute('[data-hidden-figure]', 'aria-label'), 'hidden, press H to reveal');
    assert.equal(await page.getAttribute('[data-action="present-hide"]', 'data-hidden'), 'true');
    // H again reveals the same values.
    await page.keyboard.press('h');
    await page.waitForSelector('[data-hidden-figure]', { state: 'detached' });
    assert.deepEqual(await afterTexts(page), shown);
    // Predict mode: each new step starts hidden; the button reveals it; the baseline never hides.
    await page.click('[data-action="present-predict"]');
    assert.equal(await page.getAttribute('[data-action="present-predict"]', 'aria-pressed'), 'true');
    await page.waitForSelector('[data-hidden-figure]');
    await page.keyboard.press('ArrowRight');
    await waitStep(page, 2);
    await page.waitForSelector('[data-hidden-figure]');
    assert.equal(await figures.locator('[data-phase="after"]').count(), 0);
    await page.click('[data-action="present-hide"]');
    await page.waitForSelector('[data-hidden-figure]', { state: 'detached' });
    assert.equal(await figures.locator('[data-phase="after"]').count(), keys.length);
    await page.keyboard.press('Home');
    await waitStep(page, 0);
    assert.equal(await page.locator('[data-hidden-figure]').count(), 0);
    assert.ok(await page.isDisabled('[data-action="present-hide"]'));
  });
});

// A reload (F5 in the training room, a crashed tab) never shows what the trainer hid: hidden
// and predict are kept for this tab, hidden only on the step it was set on.
test('a reload keeps the figures hidden and predict mode on', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang&lang=zh-Hans&present=1&step=2`, { ready: PROJECTOR }, async ({ page }) => {
    await page.keyboard.press('h');
    await page.waitForSelector('[data-hidden-figure]');
    await page.reload();
    await page.waitForSelector(PROJECTOR);
    await waitStep(page, 2);
    await page.waitForSelector('[data-hidden-figure]');
    assert.equal(await page.locator('.present-figures [data-phase="after"]').count(), 0);
    // Revealed, it stays revealed; predict on, the next step starts hidden and stays so.
    await page.keyboard.press('h');
    await page.waitForSelector('[data-hidden-figure]', { state: 'detached' });
    await page.keyboard.press('p');
    await page.keyboard.press('ArrowLeft');
    await waitStep(page, 1);
    await page.waitForSelector('[data-hidden-figure]');
    await page.waitForFunction(() => /step=1/.test(location.search));
    await page.reload();
    await page.waitForSelector(PROJECTOR);
    await waitStep(page, 1);
    await page.waitForSelector('[data-hidden-figure]');
    assert.equal(await page.getAttribute('[data-action="present-predict"]', 'aria-pressed'), 'true');
    // Hidden on step 1 does not hide step 3 opened by a link in the same tab (predict does).
    await page.keyboard.press('p');
    await page.goto(`${env.server.url}?case=zhejiang&lang=zh-Hans&present=1&step=3`);
    await page.waitForSelector(PROJECTOR);
    await waitStep(page, 3);
    assert.equal(await page.locator('[data-hidden-figure]').count(), 0);
    assert.equal(await page.getAttribute('[data-action="present-predict"]', 'aria-pressed'), 'false');
  });
});

/** The projector's window at `base`, its notes window opened by its button, kept in step both
 *  ways; a malformed message on the channel changes nothing. */
async function twoWindows(base, { offline = false } = {}) {
  return withPage(env.browser, `${base}?case=daqing&lang=en&present=1&step=0`, { ready: PROJECTOR, offline }, async ({ page, context, errors, requests }) => {
    await page.keyboard.press('PageDown');
    await waitStep(page, 1);
    await page.keyboard.press('h');
    await page.waitForSelector('[data-hidden-figure]');
    const [notes] = await Promise.all([context.waitForEvent('page'), page.click('[data-action="present-notes"]')]);
    recordErrors(notes, errors, 'notes: ');
    await notes.waitForSelector('[data-present="notes"] [data-notes-figure]');
    assert.equal(await notes.getAttribute('[data-linked]', 'data-linked'), 'true');
    // The new window asked, and took the projector's step and its hidden figures.
    await waitStep(notes, 1);
    await notes.waitForSelector('[data-action="present-hide"][data-hidden="true"]');
    assert.match(await notes.textContent('[data-notes-title]'), /^1 · /);
    assert.ok((await notes.locator('[data-notes-quote]').count()) > 0);
    assert.match(await notes.textContent('[data-notes-next]'), /^2 · /);
    // The projector drives the notes…
    await page.keyboard.press('PageDown');
    await waitStep(page, 2);
    await waitStep(notes, 2);
    await notes.waitForSelector('[data-notes-title="2"]');
    // …and the notes drive the projector, steps and figures.
    await notes.keyboard.press('ArrowRight');
    await waitStep(notes, 3);
    await waitStep(page, 3);
    await notes.click('[data-action="present-hide"]');
    await page.waitForSelector('[data-hidden-figure]');
    await notes.click('[data-action="present-hide"]');
    await page.waitForSelector('[data-hidden-figure]', { state: 'detached' });
    await notes.keyboard.press('Home');
    await waitStep(page, 0);
    // Something on the channel that is not ours is ignored (a warning, never an error).
    await notes.evaluate(() => {
      const c = new BroadcastChannel('reform-explorer-present');
      c.postMessage({ type: 'jump', step: 9 });
      c.postMessage('step');
      c.postMessage({ type: 'step', step: -1, hidden: 1 });
      c.close();
    });
    await page.keyboard.press('End');
    const last = await stepOf(page);
    await waitStep(notes, last);
    assert.equal(await notes.textContent('[data-notes-next]'), 'This is the last step.');
    // No echo: after the last move both windows stay where they are.
    await notes.waitForTimeout(300);
    assert.equal(await stepOf(page), last);
    assert.equal(await stepOf(notes), last);
    return requests;
  });
}

test('the notes window and the projector stay in step both ways (http)', async () => {
  await twoWindows(env.server.url);
});

test('the notes window and the projector stay in step both ways from the single file (file://, offline)', async () => {
  const requests = await twoWindows(FILE_URL, { offline: true });
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
});

// The projector's window is one screen: at 1280×720 nothing scrolls (the diagram's canvas takes
// the room left under the figures, less what is drawn under it), and every key figure is in one
// row, in each case, at the baseline and at the last step, in English and Chinese.
test('presenter mode fits a 1280×720 projector: no scrolling, the figures in one row', async () => {
  for (const kase of ['daqing', 'zhejiang', 'tianjin', 'haidong']) {
    for (const [lang, step] of [['en', '&step=0'], ['zh-Hans', '']]) {
      await withPage(env.browser, `${env.server.url}?case=${kase}&lang=${lang}&present=1${step}`, { viewport: { width: 1280, height: 720 }, ready: PROJECTOR }, async ({ page }) => {
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 200))));
        const m = await page.evaluate(() => ({
          scroll: document.documentElement.scrollHeight - innerHeight,
          tops: [...document.querySelectorAll('[data-present-figure]')].map((e) => Math.round(e.getBoundingClientRect().top)),
          canvas: document.querySelector('.presenter svg').getBoundingClientRect().height,
        }));
        const where = `${kase} ${lang} ${step || 'last step'}`;
        assert.ok(m.scroll <= 0, `${where}: the page scrolls ${m.scroll} px`);
        assert.ok(m.tops.length >= 2, `${where}: ${m.tops.length} figures`);
        assert.equal(new Set(m.tops).size, 1, `${where}: figures on rows at ${m.tops}`);
        assert.ok(m.canvas >= 240, `${where}: the diagram has ${m.canvas} px`);
      });
    }
  }
});

// A zoom chosen on one step is not kept for the next step's diagram (another drawing): each
// step opens fitted, as it does when presenter mode opens on it.
test('presenter mode: each step\'s diagram opens fitted, whatever the zoom before', async () => {
  const svg = '[data-present="projector"] svg.diagram-svg';
  const fitted = await withPage(env.browser, `${env.server.url}?case=daqing&lang=en&present=1&step=3`, { viewport: { width: 1280, height: 720 }, ready: PROJECTOR }, async ({ page }) => {
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 200))));
    return page.getAttribute(svg, 'data-zoom');
  });
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en&present=1&step=2`, { viewport: { width: 1280, height: 720 }, ready: PROJECTOR }, async ({ page }) => {
    const z0 = Number(await page.getAttribute(svg, 'data-zoom'));
    for (let i = 0; i < 3; i++) await page.click('[data-present="projector"] [data-action="zoom-in"]');
    assert.ok(Number(await page.getAttribute(svg, 'data-zoom')) > z0 * 1.5);
    await page.keyboard.press('ArrowRight');
    await waitStep(page, 3);
    await page.waitForFunction(([s, z]) => document.querySelector(s).dataset.zoom === z, [svg, fitted]);
  });
});
