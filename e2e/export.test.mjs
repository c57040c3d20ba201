// Downloads: the numbers as CSV (UTF-8 with BOM, the page's own figures), each diagram as SVG
// (a standalone document with every box of the drawing, colours resolved) and PNG (a real PNG
// of the drawing's size).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { shownMetrics, useBrowser, withPage } from './support.mjs';
import { svgExportInfo } from './in-page.mjs';

const env = useBrowser(before, after);

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), body: await readFile(path) };
}

/** RFC 4180 rows. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  return rows;
}

test('numbers as CSV: BOM, the figures on the page, tier and kind sums', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang&variant=nanhu&step=2`, async ({ page }) => {
    const { name, body } = await download(page, '[data-export="csv"]');
    assert.equal(name, 'reform-explorer-zhejiang-nanhu-step2.csv');
    assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parseCsv(body.toString('utf8').slice(1));
    assert.match(rows[0][2], /指标/);
    const shownBefore = await shownMetrics(page, 'before');
    const shownAfter = await shownMetrics(page, 'after');
    const metrics = rows.filter((r) => r[0] === 'metric');
    assert.equal(metrics.length, Object.keys(shownAfter).length);
    for (const r of metrics) {
      assert.equal(r[3], shownBefore[r[1]], `${r[1]} before`);
      assert.equal(r[4], shownAfter[r[1]], `${r[1]} after`);
    }
    // How each reported figure is matched, as the numbers table says it beside the figure.
    const matches = await page.$$eval('tr:has([data-reported]) [data-match]', (ms) => ms.map((m) => [m.closest('tr').querySelector('[data-reported]').dataset.reported, m.dataset.phase, m.dataset.match]));
    assert.ok(matches.length > 0);
    for (const [key, phase, kind] of matches) {
      const r = metrics.find((x) => x[1] === key);
      assert.equal(r[phase === 'before' ? 8 : 9], kind, `${key} ${phase}`);
    }
    // A side with no reported figure has no match kind.
    for (const r of metrics) {
      if (r[6] === '') assert.equal(r[8], '', r[1]);
      if (r[7] === '') assert.equal(r[9], '', r[1]);
    }
    const total = Number(shownAfter.staff_total);
    for (const section of ['tier', 'kind']) {
      const sum = rows.filter((r) => r[0] === section).reduce((s, r) => s + Number(r[6]) + Number(r[8]), 0);
      assert.equal(sum, total, section);
    }
  });
});

test('a diagram as SVG: a standalone document with every box, zoom taken off, colours resolved', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang&theme=dark&lang=en`, async ({ page }) => {
    await page.click('figure.diagram[data-phase="after"] [data-action="zoom-in"]');
    const boxes = await page.locator('figure.diagram[data-phase="after"] g.node').count();
    const { name, body } = await download(page, 'figure.diagram[data-phase="after"] [data-export="svg"]');
    assert.equal(name, 'reform-explorer-zhejiang-nanhu-final.svg');
    const svg = body.toString('utf8');
    const info = await page.evaluate(svgExportInfo, svg);
    assert.equal(info.err, null);
    assert.equal(info.ns, 'http://www.w3.org/2000/svg');
    assert.equal(info.boxes, boxes);
    assert.ok(info.fill && /^rgb/.test(info.fill), info.fill);
    assert.ok(info.bg && /^rgb/.test(info.bg), info.bg);
    assert.equal(info.vars, false);
    // The zoom on the page is not in the file: the drawing at its own size, inside a margin.
    assert.equal(info.transform, 'translate(16,16)');
    assert.ok(info.w > 100);
    assert.match(info.text, /Nanhu/);
  });
});

test('a diagram as PNG: a PNG file the size of the drawing, twice over', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing`, async ({ page }) => {
    const { name, body } = await download(page, 'figure.diagram[data-phase="before"] [data-export="png"]');
    assert.equal(name, 'reform-explorer-daqing-urban-step0.png');
    assert.deepEqual([...body.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = body.readUInt32BE(16);
    const height = body.readUInt32BE(20);
    assert.ok(width > 200 && height > 100, `${width}×${height}`);
    // It shows something: decode it in the page and count colours.
    const colours = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d');
      c.drawImage(bmp, 0, 0);
      const d = c.getImageData(0, 0, bmp.width, bmp.height).data;
      const seen = new Set();
      for (let i = 0; i < d.length; i += 16) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      // The drawing fills the image: something other than the background in its right quarter.
      const bg = (d[0] << 16) | (d[1] << 8) | d[2];
      let right = 0;
      for (let y = 0; y < bmp.height; y += 2) {
        for (let x = Math.floor(bmp.width * 0.75); x < bmp.width; x += 2) {
          const i = (y * bmp.width + x) * 4;
          if (((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]) !== bg) right++;
        }
      }
      return { n: seen.size, right };
    }, body.toString('base64'));
    assert.ok(colours.n > 10, `${colours.n} colours`);
    assert.ok(colours.right > 50, `right quarter: ${colours.right} drawn pixels`);
  });
});
