// Five screen sizes, from a small phone to a wide desk screen, in each theme: the key figures
// are inside the first screen, no page scrolls sideways, and a screenshot of each first screen
// is kept in target/screenshots/sizes/ for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { open, useBrowser } from './support.mjs';

const env = useBrowser(before, after);

const SIZES = [[360, 640], [390, 844], [768, 1024], [1366, 768], [1920, 1080]];
const THEMES = ['light', 'dark', 'projector'];
const CASES = ['daqing', 'zhejiang', 'tianjin', 'haidong'];
const DIR = 'target/screenshots/sizes';
const STRIP = '[data-panel="key-figures"]';

/** Where the strip is, how far the page scrolls sideways, and the viewport. */
const survey = (page) => page.evaluate((s) => {
  const e = document.querySelector(s);
  const r = e ? e.getBoundingClientRect() : null;
  return {
    strip: r && { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
    sideways: document.documentElement.scrollWidth - window.innerWidth,
    w: window.innerWidth,
    h: window.innerHeight,
  };
}, STRIP);

before(async () => { await mkdir(DIR, { recursive: true }); });

for (const [width, height] of SIZES) {
  test(`${width}×${height}: every case's key figures in the first screen, no sideways scroll, in each theme`, async () => {
    for (const theme of THEMES) {
      for (const [i, kase] of CASES.entries()) {
        // Chinese and English in turn, so both are seen at every size.
        const lang = (i + THEMES.indexOf(theme)) % 2 ? 'zh' : 'en';
        const where = `${kase} ${theme} ${lang} ${width}×${height}`;
        const { page, context, errors } = await open(env.browser,
          `${env.server.url}?case=${kase}&lang=${lang}&theme=${theme}`, { viewport: { width, height } });
        try {
          const s = await survey(page);
          assert.ok(s.strip, `${where}: a key-figure strip`);
          assert.ok(s.strip.top >= 0 && s.strip.left >= 0 && s.strip.bottom <= s.h && s.strip.right <= s.w,
            `${where}: the strip ${JSON.stringify(s.strip)} is not inside ${s.w}×${s.h}`);
          assert.ok(s.sideways <= 0, `${where}: the page scrolls ${s.sideways} px sideways`);
          await page.screenshot({ path: `${DIR}/${width}x${height}-${theme}-${kase}-${lang}.png` });
          assert.deepEqual(errors, [], where);
        } finally {
          await context.close();
        }
      }
    }
  });
}

test('the comparison, the composer and the embed do not scroll sideways at any size', async () => {
  for (const [width, height] of SIZES) {
    for (const [name, query, ready] of [
      ['compare', '?view=compare&lang=en', '[data-panel="four"]'],
      ['compose', '?view=compose&lang=zh', '[data-panel="composer"]'],
      ['embed', '?case=tianjin&embed=1&lang=en', undefined],
    ]) {
      const { page, context, errors } = await open(env.browser, env.server.url + query, { viewport: { width, height }, ready });
      try {
        const s = await survey(page);
        assert.ok(s.sideways <= 0, `${name} ${width}×${height}: the page scrolls ${s.sideways} px sideways`);
        // The composed reform's key figures come first too (the comparison has none: it is four).
        if (name !== 'compare') {
          assert.ok(s.strip && s.strip.top >= 0 && s.strip.bottom <= s.h,
            `${name} ${width}×${height}: the strip ${JSON.stringify(s.strip)} is not in the first screen`);
        }
        await page.screenshot({ path: `${DIR}/${width}x${height}-light-${name}.png` });
        assert.deepEqual(errors, [], `${name} ${width}×${height}`);
      } finally {
        await context.close();
      }
    }
  }
});
