// A screenshot check of each theme: what Chromium really paints (not only the computed styles)
// follows the theme. Each screenshot is kept in target/screenshots/ for a person to look at.
// The pixels are read back in the page (createImageBitmap + canvas), so no image library is
// needed here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { open, useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);
const OUT = 'target/screenshots';

/** The share of pixels of each colour (rgb hex) in a PNG, most frequent first, and the mean
 *  relative luminance. */
async function pixels(page, png) {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bmp.width, bmp.height);
    const g = canvas.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const data = g.getImageData(0, 0, bmp.width, bmp.height).data;
    const counts = new Map();
    const lin = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    let lum = 0;
    for (let i = 0; i < data.length; i += 4) {
      const hex = ((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]).toString(16).padStart(6, '0');
      counts.set(hex, (counts.get(hex) || 0) + 1);
      lum += 0.2126 * lin(data[i]) + 0.7152 * lin(data[i + 1]) + 0.0722 * lin(data[i + 2]);
    }
    const n = data.length / 4;
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c, k]) => [c, k / n]);
    return { top, lum: lum / n, width: bmp.width, height: bmp.height };
  }, png.toString('base64'));
}

/** A computed colour ("rgb(20, 23, 28)") as hex. */
const hex = (c) => (c.match(/\d+/g) || []).slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('');

const THEMES = [
  // theme, system colour scheme, whether the page should be dark
  ['light', 'light', false],
  ['dark', 'light', true],
  ['projector', 'dark', false],
  ['auto', 'dark', true],
  ['auto', 'light', false],
];

for (const [theme, scheme, dark] of THEMES) {
  test(`the ${theme} theme (system ${scheme}) paints its own colours`, async () => {
    await withPage(env.browser, `${env.server.url}?case=zhejiang&lang=en&theme=${theme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(100);
      await mkdir(OUT, { recursive: true });
      const shot = await page.screenshot({ fullPage: false });
      await writeFile(`${OUT}/theme-${theme}-${scheme}.png`, shot);
      const canvas = page.locator('figure.diagram[data-phase="after"] svg.diagram-svg');
      const diagram = await canvas.screenshot();
      await writeFile(`${OUT}/theme-${theme}-${scheme}-diagram.png`, diagram);

      const whole = await pixels(page, shot);
      const drawn = await pixels(page, diagram);
      // The theme's background token, as the browser resolved it ("#f6f7f9" → "f6f7f9").
      const bg = (await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg'))).trim().replace('#', '').toLowerCase();
      assert.match(bg, /^[0-9a-f]{6}$/);
      const canvasBg = hex(await canvas.evaluate((e) => getComputedStyle(e).backgroundColor));
      // The page's own background is among its most painted colours, and the diagram canvas's
      // is the one most painted inside it.
      assert.ok(whole.top.some(([c]) => c === bg), `page background #${bg} not among ${JSON.stringify(whole.top)}`);
      assert.equal(drawn.top[0][0], canvasBg, `diagram background: ${JSON.stringify(drawn.top)}`);
      // Dark themes are dark where it counts, light ones light.
      if (dark) assert.ok(whole.lum < 0.2 && drawn.lum < 0.2, `luminance ${whole.lum}, ${drawn.lum}`);
      else assert.ok(whole.lum > 0.5 && drawn.lum > 0.5, `luminance ${whole.lum}, ${drawn.lum}`);
      // Boxes are drawn: the diagram is not one flat colour.
      assert.ok(drawn.top[0][1] < 0.97, `diagram is ${drawn.top[0][1] * 100}% one colour`);
      assert.equal(await page.getAttribute('html', 'data-theme'), theme);
    });
  });
}

test('the projector theme draws heavier outlines than the light theme', async () => {
  const widths = {};
  for (const theme of ['light', 'projector']) {
    const { page, context } = await open(env.browser, `${env.server.url}?case=zhejiang&theme=${theme}`);
    try {
      widths[theme] = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('g.node rect')).strokeWidth));
    } finally {
      await context.close();
    }
  }
  assert.ok(widths.projector > widths.light, JSON.stringify(widths));
});

// Every theme draws a box's label at the size the layout measured it for (layout::diagram::FONT):
// the projector theme once drew 15 px text in boxes sized for 13 px, and Chinese labels ran over
// their boxes' edges. Checked in each theme, in Chinese and English, on the two cases whose
// labels are longest.
test('every theme: each diagram box holds its label', async () => {
  for (const theme of ['light', 'dark', 'projector']) {
    for (const [kase, lang] of [['zhejiang', 'zh-Hans'], ['haidong', 'zh-Hans'], ['tianjin', 'en']]) {
      await withPage(env.browser, `${env.server.url}?case=${kase}&lang=${lang}&theme=${theme}`, {}, async ({ page }) => {
        const over = await page.evaluate(() => [...document.querySelectorAll('.diagrams svg g.node')].flatMap((g) => {
          const rect = g.querySelector(':scope > rect');
          if (!rect) return [];
          const r = rect.getBBox();
          return [...g.querySelectorAll(':scope > text')].flatMap((t) => {
            const b = t.getBBox();
            if (b.width === 0) return [];
            return b.x < r.x + 1 || b.x + b.width > r.x + r.width - 1 ? [`“${t.textContent}”: ${b.width.toFixed(1)} px in a ${r.width} px box`] : [];
          });
        }));
        const boxes = await page.$$eval('.diagrams svg g.node > text', (ts) => ts.length);
        assert.ok(boxes > 10, `${theme} ${kase}: ${boxes} labels drawn`);
        assert.deepEqual(over, [], `${theme} ${kase} ${lang}`);
      });
    }
  }
});
