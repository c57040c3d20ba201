// Three languages switched at run time without losing state: Simplified Chinese (default),
// Traditional Chinese (converted from the Simplified text by generated tables) and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { settledUrl, shownMetrics, useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);

// Characters the Simplified page shows that Traditional writes otherwise.
const SIMPLIFIED_ONLY = /[览级队区务机关线层数设较员处组织构图结调]/;

const visible = (page) => page.evaluate(() =>
  ['.topbar', '.params', '.step-control, .steps', '.diagrams', '.numbers']
    .flatMap((s) => [...document.querySelectorAll(s)])
    .map((e) => e.innerText)
    .join('\n'));

test('switching to Traditional Chinese and English keeps the state', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&staff=3000&step=1`, async ({ page }) => {
    const figures = [await shownMetrics(page, 'before'), await shownMetrics(page, 'after')];
    assert.match(await visible(page), SIMPLIFIED_ONLY);
    assert.equal(await page.locator('[data-lang]').count(), 3);

    await page.click('[data-lang="zh-Hant"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    assert.equal(await page.title(), '公安改革模型瀏覽器');
    const hant = await visible(page);
    assert.doesNotMatch(hant, SIMPLIFIED_ONLY, hant.match(new RegExp(`.{0,10}${SIMPLIFIED_ONLY.source}.{0,10}`))?.[0]);
    assert.match(hant, /機關警力/);
    assert.deepEqual([await shownMetrics(page, 'before'), await shownMetrics(page, 'after')], figures);
    assert.equal(await page.getAttribute('[data-step="1"]', 'aria-current'), 'step');
    const q = new URL(await settledUrl(page)).searchParams;
    assert.equal(q.get('lang'), 'zh-Hant');
    assert.equal(q.get('staff'), '3000');
    assert.equal(q.get('step'), '1');

    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    assert.deepEqual([await shownMetrics(page, 'before'), await shownMetrics(page, 'after')], figures);

    await page.click('[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.textContent('.topbar h1'), /Reform Explorer/);
    await page.click('[data-lang="zh-Hans"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    assert.deepEqual([await shownMetrics(page, 'before'), await shownMetrics(page, 'after')], figures);
    assert.equal(new URL(await settledUrl(page)).searchParams.get('lang'), null);
  });
});

test('?lang= takes zh-Hans, zh-Hant, en and common spellings (zh-TW, zh-CN)', async () => {
  for (const [code, lang] of [['zh-TW', 'zh-Hant'], ['zh-Hant', 'zh-Hant'], ['zh-CN', 'zh-Hans'], ['en', 'en']]) {
    await withPage(env.browser, `${env.server.url}?case=haidong&lang=${code}`, async ({ page }) => {
      assert.equal(await page.getAttribute('html', 'lang'), lang, code);
      assert.equal(await page.locator('.url-notice').count(), 0);
    });
  }
});

test('each quote is marked with the script it is written in', async () => {
  await withPage(env.browser, `${env.server.url}?case=tianjin&lang=en`, async ({ page }) => {
    // Document 003 (Tianjin) is in traditional characters; the other documents in simplified.
    const langs = await page.$$eval('[data-source="seed"]', (ds) =>
      ds.map((d) => [d.dataset.doc, d.querySelector('blockquote').lang]));
    assert.ok(langs.length > 0);
    for (const [doc, lang] of langs) assert.equal(lang, doc === '003' ? 'zh-Hant' : 'zh-Hans', doc);
    assert.ok(langs.some(([doc]) => doc === '003'));
  });
});
