// An automated WCAG 2.1 AA audit: axe-core (from npm, run inside the page through the driver,
// so the page's Content Security Policy stays as it is) on every case in Chinese and English,
// the comparison and the composer, the dark and projector themes, the embedded page (as it was
// and with every part), the share menu with its embed builder open, presenter mode (projector
// and notes windows), a phone
// with its menu and its parameter drawer open, and the panels that open (why, sources, the
// organisation editor). Zero violations, experimental rules included
// (label-content-name-mismatch is one).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'experimental'];

/** The violations on the page as it is now, one line each with up to three of its elements. */
async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const r = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function audit(query, { viewport, ready, then } = {}) {
  await withPage(env.browser, `${env.server.url}${query}`, { ...(viewport ? { viewport } : {}), ...(ready ? { ready } : {}) }, async ({ page }) => {
    if (then) await then(page);
    assert.deepEqual(await violations(page), [], query);
  });
}

for (const lang of ['zh', 'en']) {
  for (const c of ['daqing', 'zhejiang', 'tianjin', 'haidong']) {
    test(`${c} in ${lang}, with the why and sources panels open`, () => audit(`?case=${c}&lang=${lang}`, {
      then: async (page) => {
        await page.click('[data-panel="why"] > summary');
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { if (!d.closest('.topbar')) d.open = true; }));
      },
    }));
  }
  test(`the comparison in ${lang}`, () => audit(`?view=compare&lang=${lang}`, { ready: '[data-view="compare"][aria-pressed="true"]' }));
  test(`the composer in ${lang}`, () => audit(`?view=compose&lang=${lang}`, { ready: '[data-panel="composer"]' }));
}

for (const theme of ['dark', 'projector']) {
  for (const c of ['daqing', 'haidong']) {
    test(`${c} in the ${theme} theme`, () => audit(`?case=${c}&lang=en&theme=${theme}`));
  }
}

test('the embedded page', () => audit('?case=tianjin&lang=en&embed=1'));
test('the embedded page with every part', () => audit('?case=daqing&lang=en&embed=1&show=figures,steps,diagrams,chart,table'));

for (const lang of ['en', 'zh-Hans']) {
  test(`the share menu with the embed builder and its preview open, in ${lang}`, () => audit(`?case=daqing&lang=${lang}`, {
    then: async (page) => {
      await page.click('[data-panel="share"] summary');
      await page.waitForSelector('iframe[data-share="preview"]');
      await page.frameLocator('iframe[data-share="preview"]').locator('[data-embed="1"]').waitFor();
    },
  }));
}

// Presenter mode: the projector's window with its figures shown, then hidden (the "?"), and the
// notes window, in Chinese.
test('presenter mode, figures shown and hidden', () => audit('?case=daqing&lang=en&present=1&step=2', {
  ready: '[data-present] g.node',
  then: async (page) => {
    assert.deepEqual(await violations(page), [], 'figures shown');
    await page.keyboard.press('h');
    await page.waitForSelector('[data-hidden-figure]');
  },
}));
test('presenter mode in Chinese, from the baseline', () => audit('?case=haidong&present=1&step=0', { ready: '[data-present] g.node' }));
test('the presenter\'s notes window', () => audit('?case=zhejiang&lang=zh&present=notes&step=1', { ready: '[data-notes-figure]' }));

test('a phone with its menu open, then its parameter drawer', () => audit('?case=zhejiang&lang=en', {
  viewport: { width: 360, height: 640 },
  then: async (page) => {
    await page.click('[data-action="menu"]');
    assert.deepEqual(await violations(page), [], 'menu open');
    await page.keyboard.press('Escape');
    await page.click('[data-action="params-open"]');
    await page.waitForSelector('#params-drawer.open');
  },
}));

test('the organisation editor open on an imported organisation', () => audit('?case=daqing&lang=en', {
  then: async (page) => {
    const csv = readFileSync(new URL('./fixtures/organisation-utf8.csv', import.meta.url));
    await page.setInputFiles('input[type=file][data-action="import-organisation"]', { name: 'donghu.csv', mimeType: 'text/csv', buffer: csv });
    await page.waitForSelector('[data-own]');
    await page.click('[data-panel="org-editor"] > summary');
    await page.waitForSelector('[data-org-unit]');
  },
}));

// The first Tab stop skips the top bar and the parameters: the next Tab lands in the results,
// and the address keeps no fragment (it holds an organisation).
test('a skip button is the first Tab stop and takes the keyboard to the results', async () => {
  await withPage(env.browser, `${env.server.url}?case=tianjin&lang=en`, async ({ page }) => {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'skip');
    assert.ok((await page.$eval('[data-action="skip"]', (b) => b.getBoundingClientRect().top)) >= 0, 'shown when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'results');
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement.closest('#results') && !document.activeElement.closest('.params')), 'the next stop is in the results');
    assert.equal(new URL(page.url()).hash, '');
    // In Chinese it says so in Chinese.
    await page.click('[data-lang="zh-Hans"]');
    await page.waitForFunction(() => document.querySelector('[data-action="skip"]').textContent === '跳到结果');
  });
});

test('Tab goes through the top bar in the order it is drawn (row by row, left to right), at every width', async () => {
  for (const [width, lang] of [[1920, 'en'], [1366, 'zh-Hans'], [1100, 'en'], [900, 'zh-Hans'], [700, 'en']]) {
    await withPage(env.browser, `${env.server.url}?case=daqing&lang=${lang}`, { viewport: { width, height: 900 } }, async ({ page }) => {
      const stops = [];
      await page.focus('[data-action="skip"]');
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const s = await page.evaluate(() => {
          const e = document.activeElement;
          if (!e.closest('header.topbar')) return null;
          const r = e.getBoundingClientRect();
          return { what: e.dataset.case || e.dataset.lang || e.dataset.action || e.textContent.trim().slice(0, 12), top: r.top, left: r.left };
        });
        if (!s) break;
        stops.push(s);
      }
      assert.ok(stops.length >= 10, `${width}: ${stops.length} stops in the top bar`);
      for (let i = 1; i < stops.length; i++) {
        const [a, b] = [stops[i - 1], stops[i]];
        // Same row (tops within 12 px): left to right; else a lower row.
        const sameRow = Math.abs(a.top - b.top) < 12;
        assert.ok(sameRow ? b.left > a.left : b.top > a.top,
          `${width} ${lang}: ${a.what} (${Math.round(a.left)}, ${Math.round(a.top)}) then ${b.what} (${Math.round(b.left)}, ${Math.round(b.top)})`);
      }
    });
  }
});
