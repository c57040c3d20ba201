// The single-file offline copy (dist/reform-explorer.html, written by scripts/standalone.mjs
// after every Trunk build) opened as a trainer would: double-clicked, from a file:// URL, with
// the browser's network cut. It must run the same checks as the hosted build: every figure
// the model computes (target/e2e-expected.json) at every step, parameter changes, the address
// bar as the state across a reload, the language switch, no console error, and no request at
// all beyond the file itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DIST, metric, setParam, settledUrl, shownMetrics, useBrowser, waitMetric, withPage } from './support.mjs';

const FILE = join(DIST, 'reform-explorer.html');
const FILE_URL = pathToFileURL(FILE).href;
const expected = JSON.parse(readFileSync(new URL('../target/e2e-expected.json', import.meta.url), 'utf8'));

const env = useBrowser(before, after);

/** Requests other than the offline file itself (data: URIs never leave the page). */
const foreign = (requests) => requests.filter((u) => !u.startsWith(FILE_URL) && !u.startsWith('data:'));

test('the offline copy is one file that refers to no other', () => {
  const html = readFileSync(FILE, 'utf8');
  const size = statSync(FILE).size;
  console.log(`offline copy: ${FILE} ${size} bytes`);
  assert.ok(size > 100_000, `only ${size} bytes`);
  assert.equal(html.match(/(?:src|href)="(?!data:|#)[^"]*"/), null);
  assert.doesNotMatch(html, /<link rel="stylesheet"/);
  assert.match(html, /<meta name="reform-explorer-offline" data-date="[^"]+" data-version="[^"]+">/);
});

for (const key of ['daqing/urban', 'haidong/county']) {
  const [kase, variant] = key.split('/');
  const model = expected[key];
  test(`offline copy from file://, no network: ${key} shows the model's figures at every step`, async () => {
    await withPage(env.browser, `${FILE_URL}?case=${kase}&variant=${variant}&step=0`, { offline: true }, async ({ page, requests }) => {
      for (let step = 0; step <= model.levers.length; step++) {
        if (step > 0) await page.click('[data-action="step-next"]');
        await page.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
        assert.deepEqual(await shownMetrics(page, 'before'), model.steps[0], `${key} before`);
        assert.deepEqual(await shownMetrics(page, 'after'), model.steps[step], `${key} step ${step}`);
      }
      assert.ok((await page.locator('figure.diagram[data-phase="after"] g.node').count()) > 0);
      assert.deepEqual(foreign(requests), []);
    });
  });
}

test('offline copy: parameters, the address bar across a reload, language, and a link for the hosted site', async () => {
  await withPage(env.browser, `${FILE_URL}?case=daqing`, { offline: true }, async ({ page, errors, requests }) => {
    // The footer says what this is.
    const line = page.locator('.offline-copy');
    assert.match(await line.textContent(), /离线版/);
    assert.match(await line.getAttribute('data-offline'), /^\d+\.\d+\.\d+/);

    await setParam(page, 'staff', 3000);
    await waitMetric(page, 'staff_total', 3000);
    assert.equal(await metric(page, 'staff_per_sub_bureau'), 150);
    const url = await settledUrl(page);
    assert.ok(url.startsWith(FILE_URL), url);
    assert.match(url, /staff=3000/);

    await page.reload();
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    assert.equal(await metric(page, 'staff_total'), 3000);
    const figures = await shownMetrics(page, 'after');

    await page.click('[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await line.textContent(), /offline copy/);
    assert.equal(await metric(page, 'staff_total'), 3000);
    const query = new URL(await settledUrl(page)).search;
    assert.match(query, /lang=en/);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign(requests), []);

    // The same query on the hosted build shows the same view.
    await withPage(env.browser, `${env.server.url}${query}`, async (hosted) => {
      assert.deepEqual(await shownMetrics(hosted.page, 'after'), figures);
      assert.equal(await hosted.page.getAttribute('html', 'lang'), 'en');
      assert.equal(await hosted.page.locator('.offline-copy').count(), 0);
    });
  });
});

test('offline copy: downloads and saved scenarios work from file://, and no service worker is registered', async () => {
  await withPage(env.browser, `${FILE_URL}?case=zhejiang&lang=en`, { offline: true }, async ({ page, requests }) => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="csv"]')]);
    assert.match(csv.suggestedFilename(), /\.csv$/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('figure.diagram[data-phase="after"] [data-export="png"]')]);
    assert.match(png.suggestedFilename(), /\.png$/);
    await page.evaluate(() => { document.querySelector('[data-panel="saved"]').open = true; });
    await page.fill('[data-action="saved-name"]', 'USB stick');
    await page.click('[data-action="save-scenario"]');
    await page.waitForSelector('[data-saved-status="good"]');
    await page.reload();
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    await page.evaluate(() => { document.querySelector('[data-panel="saved"]').open = true; });
    assert.deepEqual(await page.$$eval('.saved-name', (els) => els.map((e) => e.textContent)), ['USB stick']);
    // file:// cannot have a service worker at all (the browser says so); the app did not try.
    assert.equal(await page.evaluate(async () => {
      try {
        return (await navigator.serviceWorker.getRegistrations()).length;
      } catch {
        return 0;
      }
    }), 0);
    assert.deepEqual(foreign(requests), []);
  });
});

