// The wasm in parts (`split_point!`, scripts/bin/wasm-bindgen, scripts/split.mjs): what the
// first screen does not show is fetched when it is first shown, each part once, and a part that
// cannot be fetched is said so in its place, the rest of the page working on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, open, useBrowser } from './support.mjs';

const env = useBrowser(before, after);

const PART = /\/(split_[a-z_]+)-[0-9a-f]{16}\.wasm$/;
/** The named parts among `requests` (chunks shared by several parts are left out). */
const parts = (requests) => requests.map((u) => (new URL(u).pathname.match(PART) || [])[1]).filter(Boolean).sort();

test('the site holds the parts its loader names, hashed, preloads the loader, and prints what each part weighs', async () => {
  const files = await readdir(DIST);
  const loader = await readFile(join(DIST, '__wasm_split.js'), 'utf8');
  const named = [...loader.matchAll(/"\.\/([^"]+\.wasm)"/g)].map((m) => m[1]);
  assert.ok(named.length >= 5, `the loader names ${named.length} parts`);
  for (const f of named) assert.ok(files.includes(f), `${f} is in the site`);
  const main = files.find((f) => /^reform-explorer-[0-9a-f]+_bg\.wasm$/.test(f));
  assert.ok(main, 'the main wasm');
  assert.ok(loader.includes(`from "./${main.replace('_bg.wasm', '.js')}"`), 'the loader imports the glue by its hashed name');
  // Fetched beside the glue, which imports it (not one round trip later).
  assert.match(await readFile(join(DIST, 'index.html'), 'utf8'), /<link rel="modulepreload" href="\.\/__wasm_split\.js">/);
  const gz = async (f) => gzipSync(await readFile(join(DIST, f)), { level: 9 }).length;
  const rows = [[main, await gz(main)]];
  for (const f of named) rows.push([f, await gz(f)]);
  for (const [f, n] of rows) console.log(`# ${String(n).padStart(7)} B gzip  ${f}`);
});

test('the embedded page fetches no part and installs no service worker; the case page its panels after the first figures; the comparison, the composer and presenter mode theirs when opened', async () => {
  const embed = await open(env.browser, `${env.server.url}?case=tianjin&embed=1&lang=en`);
  try {
    await embed.page.waitForTimeout(500);
    assert.deepEqual(parts(embed.requests), [], 'the embedded page');
    // Nor does it install the service worker, which would fetch every file of the site.
    assert.equal(await embed.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.deepEqual(embed.errors, []);
  } finally {
    await embed.context.close();
  }

  const { page, context, errors, requests } = await open(env.browser, `${env.server.url}?case=daqing&lang=en`);
  try {
    await page.waitForSelector('[data-panel="sources"]');
    await page.waitForSelector('[data-panel="lineage"]');
    assert.deepEqual(parts(requests), ['split_mount_lineage', 'split_mount_side']);
    await page.click('[data-view="compare"]');
    await page.waitForSelector('[data-panel="four"]');
    await page.click('[data-view="compose"]');
    await page.waitForSelector('[data-panel="composer"]');
    // Back to a case and to the comparison: each part is fetched once.
    await page.click('[data-case="tianjin"]');
    await page.click('[data-view="compare"]');
    await page.waitForSelector('[data-panel="four"]');
    assert.deepEqual(parts(requests), ['split_compare_page', 'split_composer', 'split_mount_lineage', 'split_mount_side']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }

  const present = await open(env.browser, `${env.server.url}?case=haidong&present=1&lang=en`, { ready: '.presenter' });
  try {
    assert.ok(parts(present.requests).includes('split_presenter'), 'presenter mode');
    assert.deepEqual(present.errors, []);
  } finally {
    await present.context.close();
  }
});

test('a part that cannot be fetched is said so in its place; the rest of the page works on', async () => {
  // No service worker: once it controls the page, it serves the parts from its cache, where
  // the test's route does not reach.
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The comparison's part is gone (the site was replaced while the page was open, say).
    await page.route(/split_compare_page-/, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${env.server.url}?case=daqing&lang=en`);
    await page.waitForSelector('[data-panel="sources"]');
    await page.waitForTimeout(1000);
    await page.click('[data-view="compare"]');
    const notice = await page.waitForSelector('[data-part-missing]');
    assert.match(await notice.textContent(), /could not be loaded/);
    assert.equal(await notice.getAttribute('role'), 'alert');
    // The case pages still work: a parameter change still changes the figures.
    await page.click('[data-case="tianjin"]');
    await page.waitForSelector('[data-case="tianjin"][aria-pressed="true"]');
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    assert.deepEqual(errors, [], 'no uncaught error (a failed part is not a panic)');
  } finally {
    await context.close();
  }
});
