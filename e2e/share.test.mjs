// Sharing: the link is the state (copied with the button, it reopens the same view), links of
// other format versions, the embed snippet, and the embedded page (`?embed=1`: diagrams and
// numbers only, a link back, and its height posted to the page around it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setParam, settledUrl, shownMetrics, useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);

test('copy link puts the whole state on the clipboard, and the link reopens the same view', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang&variant=nanhu&lang=en`, {
    permissions: ['clipboard-read', 'clipboard-write'],
  }, async ({ page }) => {
    await setParam(page, 'stations', 15);
    await page.click('[data-step="1"]');
    await page.selectOption('select[data-action="theme"]', 'dark');
    await page.click('[data-orient="lr"]');
    await page.click('[data-panel="share"] summary');
    // The menu fills its fields once it is open (the toggle event follows the click) and its part
    // of the wasm is loaded.
    await page.waitForFunction(() => (document.querySelector('[data-share="link"]')?.value ?? '') !== '');
    await page.click('[data-action="copy-link"]');
    await page.waitForSelector('[data-action="copy-link"] + [data-copied="true"]');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, await page.inputValue('[data-share="link"]'));
    const q = new URL(link).searchParams;
    assert.equal(q.get('stations'), '15');
    assert.equal(q.get('step'), '1');
    assert.equal(q.get('theme'), 'dark');
    assert.equal(q.get('layout'), 'lr');
    assert.equal(q.get('lang'), 'en');
    assert.equal(q.get('v'), '1');
    assert.equal(q.get('embed'), null);
    // The address bar says the same.
    assert.equal(new URL(await settledUrl(page)).search, new URL(link).search);
    const figures = [await shownMetrics(page, 'before'), await shownMetrics(page, 'after')];

    await withPage(env.browser, link, async (again) => {
      assert.deepEqual([await shownMetrics(again.page, 'before'), await shownMetrics(again.page, 'after')], figures);
      assert.equal(await again.page.getAttribute('[data-step="1"]', 'aria-current'), 'step');
      assert.equal(await again.page.getAttribute('html', 'data-theme'), 'dark');
      assert.equal(await again.page.locator('.url-notice').count(), 0);
    });
  });
});

test('links without a version open as before; a newer format is named in a dismissible notice', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&staff=3000&lang=en`, async ({ page }) => {
    assert.equal(await page.getAttribute('[data-metric="staff_total"][data-phase="after"]', 'data-value'), '3000');
    assert.equal(await page.locator('.url-notice').count(), 0);
    await page.goto(`${env.server.url}?case=daqing&staff=3000&lang=en&v=9`);
    await page.waitForSelector('.url-notice');
    assert.match(await page.textContent('.url-notice'), /newer version/);
    assert.equal(await page.getAttribute('[data-metric="staff_total"][data-phase="after"]', 'data-value'), '3000');
    await page.click('.url-notice .dismiss');
    assert.equal(await page.locator('.url-notice').count(), 0);
    // The rewritten address is in this version's format.
    assert.match(await settledUrl(page), /[?&]v=1(&|$)/);
  });
});

test('the embed snippet frames this view with embed=1', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang&step=2`, async ({ page }) => {
    await page.click('[data-panel="share"] summary');
    // The menu fills its fields once it is open (the toggle event follows the click) and its part
    // of the wasm is loaded.
    await page.waitForFunction(() => (document.querySelector('[data-share="link"]')?.value ?? '') !== '');
    const snippet = await page.inputValue('[data-share="embed"]');
    const src = snippet.match(/<iframe src="([^"]+)"/)[1].replace(/&amp;/g, '&');
    const q = new URL(src).searchParams;
    assert.equal(q.get('embed'), '1');
    assert.equal(q.get('case'), 'zhejiang');
    assert.equal(q.get('step'), '2');
    assert.match(snippet, /reform-explorer:height/);
  });
});

test('embedded: diagrams and numbers only, a link back, and the height posted to the parent page', async () => {
  const src = `${env.server.url}?case=zhejiang&variant=nanhu&step=2&embed=1`;
  await withPage(env.browser, `${env.server.url}?case=zhejiang&variant=nanhu&step=2`, async ({ page, context }) => {
    const full = [await shownMetrics(page, 'before'), await shownMetrics(page, 'after')];
    // A briefing page around the embed, on another origin (a fresh about:blank page, without
    // the explorer's policy), using the snippet's listener.
    const briefing = await context.newPage();
    await briefing.setContent(`<!doctype html><body style="margin:0"><script>
      window.heights = [];
      addEventListener('message', (e) => {
        if (!e.data || e.data.type !== 'reform-explorer:height') return;
        window.heights.push(e.data.height);
        for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';
      });
    </script><iframe src="${src}" style="width:900px;height:300px;border:0"></iframe></body>`);
    const frame = briefing.frameLocator('iframe');
    await frame.locator('[data-metric="staff_total"][data-phase="after"]').waitFor();
    await briefing.waitForFunction(() => window.heights.length > 0 && window.heights.at(-1) > 300);
    const framed = briefing.frames().find((f) => f.url().includes('embed=1'));
    assert.deepEqual([await shownMetrics(framed, 'before'), await shownMetrics(framed, 'after')], full);
    // The diagrams, built after the first frame, and the table, from its part: both mounted.
    await frame.locator('figure.diagram[data-phase="after"]').waitFor();
    assert.equal(await frame.locator('figure.diagram').count(), 2);
    assert.equal(await frame.locator('[data-embed="1"]').count(), 1);
    assert.equal(await frame.locator('.params, nav.cases, [data-panel="sources"], [data-panel="share"]').count(), 0);
    const back = new URL(await frame.locator('[data-action="open-full"]').getAttribute('href'));
    assert.equal(back.searchParams.get('embed'), null);
    assert.equal(back.searchParams.get('case'), 'zhejiang');
    assert.equal(back.searchParams.get('step'), '2');
    // The iframe took the height the page asked for, and the page fits it: no inner scrollbar.
    const h = await briefing.evaluate(() => window.heights.at(-1));
    assert.equal(await briefing.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height), h);
    assert.ok(await framed.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1));
    // A change of size inside is posted again.
    const before = await briefing.evaluate(() => window.heights.length);
    await frame.locator('[data-action="collapse-all"]').click();
    await briefing.waitForFunction((n) => window.heights.length > n, before);
  });
});

// The share panel opens inside the screen wherever its button wraps to (a phone in Chinese,
// a narrow window in English, a desktop), and Escape closes it with focus on its button.
test('the share panel stays on the screen at every width, and Escape closes it', async () => {
  for (const [width, lang] of [[360, 'en'], [390, 'zh-Hans'], [680, 'zh-Hans'], [880, 'en'], [1400, 'en']]) {
    await withPage(env.browser, `${env.server.url}?case=daqing&lang=${lang}`, { viewport: { width, height: 844 } }, async ({ page }) => {
      if (await page.isVisible('[data-action="menu"]')) await page.click('[data-action="menu"]');
      await page.click('[data-panel="share"] summary');
      const [left, right] = await page.$eval('.share-body', (e) => {
        const r = e.getBoundingClientRect();
        return [r.left, r.right];
      });
      assert.ok(left >= 0 && right <= width, `${width} px, ${lang}: the panel spans ${left}..${right}`);
      await page.keyboard.press('Escape');
      assert.equal(await page.$eval('[data-panel="share"]', (d) => d.open), false);
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
    });
  }
});

// Tab out of the open share panel closes it: it is drawn over the page, and the controls Tab
// went on to (the case tabs, the language buttons) were focused under it. Tab inside it, and a
// click on the page's background, leave it open.
test('Tab out of the share panel closes it; Tab inside it does not', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, { viewport: { width: 1400, height: 900 } }, async ({ page }) => {
    await page.click('[data-panel="share"] summary');
    await page.waitForSelector('[data-panel="share"][open] [data-share="preview"]');
    await page.keyboard.press('Tab');
    assert.equal(await page.$eval('[data-panel="share"]', (d) => d.open), true, 'Tab to the first control inside');
    await page.click('h1');
    assert.equal(await page.$eval('[data-panel="share"]', (d) => d.open), true, 'a click on the background');
    // Shift+Tab from the summary leaves the panel backwards.
    await page.focus('[data-panel="share"] summary');
    await page.keyboard.press('Shift+Tab');
    await page.waitForFunction(() => !document.querySelector('[data-panel="share"]').open);
    const inside = await page.evaluate(() => document.activeElement.closest('[data-panel="share"]') !== null);
    assert.equal(inside, false);
  });
});
