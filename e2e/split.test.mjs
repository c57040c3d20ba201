// The wasm in parts (`split_point!`, scripts/bin/wasm-bindgen, scripts/split.mjs): what the
// first screen does not show is fetched when it is first shown, each part once, and a part that
// cannot be fetched is said so in its place, the rest of the page working on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { DIST, open, settledUrl, useBrowser } from './support.mjs';

const env = useBrowser(before, after);

const PART = /\/(split_[a-z_]+)-[0-9a-f]{16}\.(?:wasm|pack)$/;
/** The named parts among `requests` (chunks shared by several parts are left out). */
const parts = (requests) => requests.map((u) => (new URL(u).pathname.match(PART) || [])[1]).filter(Boolean).sort();

/** Asserts that index.html's early script fetched `names` (parts) and that the loader took each
 *  response: each asked for once, and nothing the script fetched left untaken. */
async function earlyTaken({ page, requests }, names) {
  const left = await page.evaluate(() => (window.__reformExplorerEarly ? Object.keys(window.__reformExplorerEarly) : null));
  assert.deepEqual(left, [], 'the early script ran, and the loader took all it fetched');
  for (const n of names) assert.equal(parts(requests).filter((p) => p === n).length, 1, `${n} asked for once`);
}

test('the site holds the parts its loader names, hashed, preloads the loader, and prints what each part weighs', async () => {
  const files = await readdir(DIST);
  // The loader is named by its content too.
  const loaders = files.filter((f) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(f));
  assert.equal(loaders.length, 1, `one loader: ${loaders}`);
  assert.ok(!files.includes('__wasm_split.js'), 'no loader under a name that stays');
  const loader = await readFile(join(DIST, loaders[0]), 'utf8');
  const named = [...loader.matchAll(/"\.\/([^"]+\.wasm)"/g)].map((m) => m[1]);
  assert.ok(named.length >= 5, `the loader names ${named.length} parts`);
  for (const f of named) assert.ok(files.includes(f), `${f} is in the site`);
  const main = files.find((f) => /^reform-explorer-[0-9a-f]+_bg\.wasm$/.test(f));
  assert.ok(main, 'the main wasm');
  assert.ok(loader.includes(`from "./${main.replace('_bg.wasm', '.js')}"`), 'the loader imports the glue by its hashed name');
  // Fetched beside the glue, which imports it (not one round trip later).
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  assert.ok(index.includes(`<link rel="modulepreload" href="./${loaders[0]}">`), 'the loader preloaded');
  // The glue imports the loader by that name, and its integrity in index.html is its own.
  const glueName = main.replace('_bg.wasm', '.js');
  const glue = await readFile(join(DIST, glueName));
  assert.ok(glue.toString().includes(`from "./${loaders[0]}"`));
  const sri = `sha384-${createHash('sha384').update(glue).digest('base64')}`;
  assert.ok(index.includes(`href="./${glueName}" crossorigin="anonymous" integrity="${sri}"`), 'the glue\'s integrity');
  const gz = async (f) => gzipSync(await readFile(join(DIST, f)), { level: 9 }).length;
  const rows = [[main, await gz(main)]];
  for (const f of named) rows.push([f, await gz(f)]);
  for (const [f, n] of rows) console.log(`# ${String(n).padStart(7)} B gzip  ${f}`);
});

test('the embedded page fetches its case\'s model, then its chart and table\'s part after its first figures, and no other, and installs no service worker; the case page its case\'s model (but the default case\'s) before its first figures, and its panels and the other cases after; the comparison, the composer, the share menu and presenter mode theirs when opened', async () => {
  // The default parts: the key figures first, the table from its part after them.
  const embed = await open(env.browser, `${env.server.url}?case=tianjin&embed=1&lang=en`);
  try {
    await embed.page.waitForSelector('[data-embed="1"] section.numbers');
    await embed.page.waitForTimeout(500);
    // Its language's too (no other: the embedded page changes language only when asked).
    assert.deepEqual(parts(embed.requests), ['split_case_tianjin', 'split_embed_tables', 'split_lang_en'], 'the embedded page');
    // Its case's and language's parts asked for by index.html's early script, beside the main
    // wasm, and each response taken by the loader (asked for once, none left over).
    await earlyTaken(embed, ['split_case_tianjin', 'split_lang_en']);
    // Nor does it install the service worker, which would fetch every file of the site.
    assert.equal(await embed.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.deepEqual(embed.errors, []);
  } finally {
    await embed.context.close();
  }
  // Neither chart nor table chosen: no part at all.
  const bare = await open(env.browser, `${env.server.url}?case=tianjin&embed=1&show=figures,diagrams&lang=en`, { ready: '[data-embed="1"] section.diagrams' });
  try {
    await bare.page.waitForTimeout(500);
    assert.deepEqual(parts(bare.requests), ['split_case_tianjin', 'split_lang_en'], 'figures and diagrams only: the case\'s model and the language');
    assert.equal(await bare.page.locator('[data-part]').count(), 0);
    assert.deepEqual(bare.errors, []);
  } finally {
    await bare.context.close();
  }

  // The default case in the default language: both in the main wasm.
  const { page, context, errors, requests } = await open(env.browser, `${env.server.url}?case=daqing`);
  try {
    // Before the first figures (which `open` waits for): no part (the default case's model and
    // Simplified Chinese are in the main wasm).
    const first = parts(await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.startTime < performance.getEntriesByName('first-contentful-paint')[0].startTime)
      .map((e) => e.name)));
    assert.deepEqual(first, [], 'before the first paint');
    await page.waitForSelector('[data-panel="sources"]');
    await page.waitForSelector('[data-panel="lineage"]');
    // The panels below need every case's model, and with all four the composer's
    // (`ui::cases`).
    const ALL = ['split_case_haidong', 'split_case_tianjin', 'split_case_zhejiang', 'split_composer_model'];
    // The other languages' parts are fetched after the first frames too (`ui::start`).
    const noLang = () => parts(requests).filter((p) => !p.startsWith('split_lang_'));
    assert.deepEqual(noLang(), [...ALL, 'split_mount_lineage', 'split_mount_side'].sort());
    await page.click('[data-view="compare"]');
    await page.waitForSelector('[data-panel="four"]');
    await page.click('[data-view="compose"]');
    await page.waitForSelector('[data-panel="composer"]');
    // Back to a case and to the comparison: each part is fetched once.
    await page.click('[data-case="tianjin"]');
    await page.click('[data-view="compare"]');
    await page.waitForSelector('[data-panel="four"]');
    assert.deepEqual(noLang(), [...ALL, 'split_compare_page', 'split_composer', 'split_mount_lineage', 'split_mount_side'].sort());
    // The share menu's content, when it is first opened.
    await page.click('[data-panel="share"] summary');
    await page.waitForSelector('[data-share="link"]');
    assert.ok(parts(requests).includes('split_share_body'));
    assert.deepEqual(parts(requests).filter((p) => p.startsWith('split_lang_')), ['split_lang_en', 'split_lang_hant'], 'each language once');
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

test('the organisation reader is a part: fetched when one is kept, or when the link carries or names one, never when none is kept nor on an embedded page; the page opens without it when it cannot be fetched', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' });
  try {
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${env.server.url}?case=daqing&lang=en`);
    await page.waitForSelector('[data-panel="sources"]');
    assert.ok(!parts(requests).some((p) => p.startsWith('split_read_')), 'nothing kept: no reader fetched');
    // Imported (by the panel, from the panels' part) and kept in the browser.
    const csv = readFileSync(new URL('./fixtures/organisation-utf8.csv', import.meta.url));
    await page.setInputFiles('input[type=file][data-action="import-organisation"]', { name: 'donghu.csv', mimeType: 'text/csv', buffer: csv });
    const key = await page.getAttribute('[data-own]', 'data-own');
    await page.waitForFunction(() => localStorage.getItem('reform-explorer.organisation') !== null);
    // The address bar names it and carries it (its fragment is made after the frame).
    await page.waitForFunction(() => /^#orgz?=/.test(location.hash));
    const named = await page.evaluate(() => new Promise((r) => setTimeout(() => r(location.href), 400)));
    assert.match(named, new RegExp(`base=org\\.${key}.*#orgz?=`));

    // A page whose link does not name it: the kept one is read after the first figures.
    requests.length = 0;
    await page.goto(`${env.server.url}?case=tianjin&lang=en`);
    await page.waitForSelector(`[data-own="${key}"]`);
    assert.ok(parts(requests).includes('split_read_kept'), parts(requests).join());
    assert.ok(!parts(requests).includes('split_read_link'));

    // The embedded page shows none but the one its link names: no reader.
    requests.length = 0;
    await page.goto(`${env.server.url}?case=tianjin&embed=1&lang=en`);
    await page.waitForSelector('[data-embed="1"] section.numbers');
    await page.waitForTimeout(500);
    assert.ok(!parts(requests).some((p) => p.startsWith('split_read_')), parts(requests).join());

    // A link that names it: read before the page is drawn, which opens on it.
    requests.length = 0;
    await page.goto(named);
    await page.waitForSelector('[data-panel="composer"]');
    assert.equal(await page.inputValue('[data-action="compose-base"]'), `org.${key}`);
    assert.ok(parts(requests).includes('split_read_link'), parts(requests).join());
    assert.deepEqual(errors, []);

    // The reader's part cannot be fetched: the page opens all the same, and its link notice
    // says the organisation it names is not known.
    const other = await context.newPage();
    other.on('pageerror', (e) => errors.push(String(e)));
    await other.route(/split_read_link-/, (route) => route.fulfill({ status: 404, body: '' }));
    await other.goto(named);
    await other.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    assert.match(await other.locator('.url-notice').textContent(), new RegExp(key));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** A page whose parts' requests go through `route` (a Playwright route handler), with no
 *  service worker (once one controls the page, it serves the parts from its cache, where the
 *  route does not reach); `use` gets the page and the errors it logs (uncaught errors, and with
 *  `console`, console errors). */
async function withRoutedParts(pattern, route, { console: consoleToo = false } = {}, use) {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    if (consoleToo) page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.route(pattern, route);
    await use(page, errors);
  } finally {
    await context.close();
  }
}

test('a part\'s files come in one request, its pack; a pack that cannot be fetched leaves each file to its own request', async () => {
  // The home page: the other cases' models, the composer's, the lineage list, the panels and
  // the languages, each from its pack; no chunk asked for on its own.
  await withRoutedParts(/\.pack$/, (route) => route.continue(), {}, async (page, errors) => {
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${env.server.url}?case=daqing`);
    await page.waitForSelector('.side-col[data-part="ready"]');
    await page.waitForSelector('.lineage-at[data-part="ready"]');
    await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => /split_lang_(en|hant)-/.test(e.name)).length === 2);
    const packs = requests.filter((u) => u.endsWith('.pack'));
    assert.ok(packs.length >= 8, `the parts' packs: ${packs.join()}`);
    assert.equal(new Set(packs).size, packs.length, 'each pack once');
    assert.deepEqual(requests.filter((u) => /\/(chunk|split)_\w+-[0-9a-f]{16}\.wasm$/.test(u)), [], 'no part\'s file on its own');
    assert.deepEqual(errors, []);
  });
  // Every pack refused: the same parts, file by file.
  await withRoutedParts(/\.pack$/, (route) => route.fulfill({ status: 404, body: '' }), {}, async (page, errors) => {
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${env.server.url}?case=daqing`);
    await page.waitForSelector('.side-col[data-part="ready"]');
    await page.waitForSelector('.lineage-at[data-part="ready"]');
    assert.ok(requests.some((u) => /\/chunk_\d+-[0-9a-f]{16}\.wasm$/.test(u)), 'the chunks file by file');
    assert.equal(await page.locator('[data-part-missing]').count(), 0);
    await page.click('[data-view="compare"]');
    await page.waitForSelector('[data-panel="four"]');
    assert.deepEqual(errors, []);
  });
});

test('a part that cannot be fetched is said so in its place; the rest of the page works on', async () => {
  // The comparison's part is gone (the site was replaced while the page was open, say).
  await withRoutedParts(/split_compare_page-/, (route) => route.fulfill({ status: 404, body: '' }), {}, async (page, errors) => {
    await page.goto(`${env.server.url}?case=daqing&lang=en`);
    await page.waitForSelector('[data-panel="sources"]');
    await page.waitForTimeout(1000);
    await page.click('[data-view="compare"]');
    const notice = await page.waitForSelector('[data-part-missing]');
    assert.match(await notice.textContent(), /could not be loaded/);
    assert.equal(await notice.getAttribute('role'), 'alert');
    // The case pages still work: another case opens with its figures.
    await page.click('[data-case="tianjin"]');
    await page.waitForSelector('[data-case="tianjin"][aria-pressed="true"]');
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    assert.deepEqual(errors, [], 'no uncaught error (a failed part is not a panic)');
  });
});

test('a case whose model cannot be fetched: the page that shows it says so, in its link\'s language; a click to it says so and the case shown stays', async () => {
  await withRoutedParts(/split_case_tianjin-/, (route) => route.fulfill({ status: 404, body: '' }), {}, async (page, errors) => {
    await page.goto(`${env.server.url}?case=tianjin&lang=en`);
    const notice = page.locator('[data-part-missing]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be loaded/);
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.equal(await page.locator('[data-metric]').count(), 0, 'no figure of another case in its place');
    await page.goto(`${env.server.url}?case=tianjin&lang=zh-Hans`);
    await page.waitForFunction(() => /未能载入/.test(document.querySelector('[data-part-missing]')?.textContent));

    // A case page opens; its own model is in, Tianjin's is not: the click says so. (The panels
    // below, which need every case's model, say so in their place.)
    await page.goto(`${env.server.url}?case=daqing&lang=en`);
    await page.waitForSelector('[data-panel="key-figures"] [data-key-figure]');
    await page.waitForSelector('.side-col[data-part="missing"]');
    await page.click('[data-case="tianjin"]');
    const top = page.locator('header ~ [data-part-missing]');
    await top.waitFor();
    assert.match(await top.textContent(), /could not be loaded/);
    assert.equal(await page.getAttribute('[data-case="daqing"]', 'aria-pressed'), 'true', 'Daqing still shown');
    assert.equal(new URL(page.url()).searchParams.get('case'), 'daqing');
    // Another case whose model is in still opens, and the notice goes.
    await page.click('[data-case="haidong"]');
    await page.waitForSelector('[data-case="haidong"][aria-pressed="true"]');
    await top.waitFor({ state: 'detached' });
    assert.deepEqual(errors, [], 'no uncaught error (a missing model is not a panic)');
  });
});

test('the composer\'s model, which every page of all four cases loads, cannot be fetched: a composer link says so; on a case page the composer\'s button says so and the case stays', async () => {
  await withRoutedParts(/split_composer_model-/, (route) => route.fulfill({ status: 404, body: '' }), {}, async (page, errors) => {
    await page.goto(`${env.server.url}?view=compose&base=daqing.urban&levers=zhejiang.nanhu.merge_units&lang=en`);
    const notice = page.locator('[data-part-missing]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be loaded/);
    assert.equal(await page.locator('[data-metric]').count(), 0);
    await page.goto(`${env.server.url}?case=daqing&lang=en`);
    await page.waitForSelector('[data-panel="key-figures"] [data-key-figure]');
    await page.click('[data-view="compose"]');
    const top = page.locator('header ~ [data-part-missing]');
    await top.waitFor();
    assert.equal(await page.getAttribute('[data-case="daqing"]', 'aria-pressed'), 'true', 'Daqing still shown');
    assert.deepEqual(errors, [], 'no uncaught error');
  });
});

test('a language is a part: the link\'s is fetched before the first figures, the others after; one that cannot be fetched is said so, and the page keeps its language', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.url}?case=daqing&lang=en`);
  try {
    const first = parts(await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.startTime < performance.getEntriesByName('first-contentful-paint')[0].startTime)
      .map((e) => e.name)));
    // (Traditional Chinese's may start before the paint is reported too: it is fetched three
    // frames after the page is built, `ui::start`, and it is not waited for.)
    assert.ok(first.includes('split_lang_en'), `before the first paint: English, the link's language (${first})`);
    // Fetched by index.html's early script beside the main wasm, not once that has started
    // (`ui::start` would then ask for it only after the main wasm had arrived and compiled).
    await earlyTaken({ page, requests: await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)) }, ['split_lang_en']);
    assert.match(await page.textContent('.topbar h1'), /Reform Explorer/);
    // Traditional Chinese's part is fetched after the first frames: its button then answers.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split_lang_hant-/.test(e.name)));
    await page.click('[data-lang="zh-Hant"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    assert.equal(await page.title(), '公安改革模型瀏覽器');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  await withRoutedParts(/split_lang_(en|hant)-/, (route) => route.fulfill({ status: 404, body: '' }), {}, async (page, errors) => {
    // The link's language cannot be fetched: the page says so (in English still: the notice
    // is kept in the main wasm).
    await page.goto(`${env.server.url}?case=daqing&lang=en`);
    const notice = page.locator('[data-part-missing]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be loaded/);
    assert.equal(await page.locator('[data-metric]').count(), 0);
    // A click to a language whose part cannot be fetched: the notice, the page as it was.
    await page.goto(`${env.server.url}?case=daqing`);
    await page.waitForSelector('[data-panel="key-figures"] [data-key-figure]');
    await page.click('[data-lang="zh-Hant"]');
    const top = page.locator('header ~ [data-part-missing]');
    await top.waitFor();
    assert.match(await top.textContent(), /未能载入/);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    assert.equal(await page.getAttribute('[data-lang="zh-Hans"]', 'aria-pressed'), 'true');
    assert.equal(new URL(await settledUrl(page)).searchParams.get('lang'), null);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    // The connection back: the same click asks again, the page changes language, the notice goes.
    await page.unroute(/split_lang_(en|hant)-/);
    await page.click('[data-lang="zh-Hant"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    await top.waitFor({ state: 'detached' });
    assert.deepEqual(errors, [], 'no uncaught error (a missing language is not a panic)');
  });
});

test('the last click wins: a language whose part is still on its way is dropped when another is chosen meanwhile', async () => {
  // English's part takes a second to arrive.
  const slow = async (route) => { await new Promise((r) => setTimeout(r, 1000)); await route.continue(); };
  await withRoutedParts(/split_lang_en-/, slow, {}, async (page, errors) => {
    await page.goto(`${env.server.url}?case=daqing`);
    await page.waitForSelector('[data-panel="key-figures"] [data-key-figure]');
    await page.click('[data-lang="en"]');
    await page.click('[data-lang="zh-Hans"]');
    // Long after English's part is in: still Simplified Chinese.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split_lang_en-/.test(e.name) && e.responseEnd > 0));
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    assert.equal(await page.getAttribute('[data-lang="zh-Hans"]', 'aria-pressed'), 'true');
    // English, asked for once more, now answers at once.
    await page.click('[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(errors, []);
  });
});

test('panels whose part cannot be fetched say so in the page\'s language, also after it changes', async () => {
  await withRoutedParts(/split_mount_side-/, (route) => route.fulfill({ status: 404, body: '' }), {}, async (page, errors) => {
    await page.goto(`${env.server.url}?case=daqing&lang=en`);
    const notice = page.locator('.side-col[data-part="missing"] [data-part-missing]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be loaded/);
    await page.click('[data-lang="zh-Hans"]');
    await page.waitForFunction(() => /未能载入/.test(document.querySelector('.side-col [data-part-missing]').textContent));
    assert.equal(await page.locator('.side-col [data-part-missing]').count(), 1, 'one notice');
    assert.deepEqual(errors, []);
  });
});

test('an embedded page whose chart and table\'s part cannot be fetched says so in their place; its figures and diagrams work on', async () => {
  // The chunk the part shares with the case page's panels is left alone: the part itself fails.
  await withRoutedParts(/split_embed_tables-/, (route) => route.fulfill({ status: 404, body: '' }), {}, async (page, errors) => {
    await page.goto(`${env.server.url}?case=daqing&embed=1&show=figures,diagrams,chart,table&lang=en`);
    const notice = page.locator('[data-embed="1"] [data-part="missing"] [data-part-missing]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be loaded/);
    assert.equal(await page.locator('[data-embed="1"] section.numbers, [data-embed-part="chart"]').count(), 0);
    assert.match(await page.locator('[data-embed="1"] [data-panel="key-figures"]').textContent(), /\d/);
    assert.equal(await page.locator('[data-embed="1"] section.diagrams').count(), 1);
    assert.deepEqual(errors, []);
  });
});

test('the share menu whose part cannot be fetched says so, and asks for it again at the next opening', async () => {
  let fail = true;
  await withRoutedParts(/split_share_body-/, (route) => (fail ? route.fulfill({ status: 404, body: '' }) : route.continue()), {}, async (page, errors) => {
    await page.goto(`${env.server.url}?case=daqing&lang=en`);
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    await page.click('[data-panel="share"] summary');
    await page.waitForSelector('.share-body[data-part="missing"] [data-part-missing]');
    assert.equal(await page.getAttribute('.share-body', 'aria-busy'), null, 'not busy once it has failed');
    await page.click('[data-panel="share"] summary');
    fail = false;
    await page.click('[data-panel="share"] summary');
    await page.waitForSelector('.share-body[data-part="ready"] [data-share="link"]');
    assert.equal(await page.locator('.share-body [data-part-missing]').count(), 0, 'the notice replaced');
    assert.equal(await page.getAttribute('.share-body', 'aria-busy'), null);
    assert.deepEqual(errors, []);
  });
});

test('presenter mode whose part cannot be fetched says so and offers Exit, back to the page at the same step', async () => {
  await withRoutedParts(/split_presenter-/, (route) => route.fulfill({ status: 404, body: '' }), {}, async (page, errors) => {
    await page.goto(`${env.server.url}?case=haidong&present=1&step=1&lang=en`);
    const notice = await page.waitForSelector('[data-part-missing]');
    assert.match(await notice.textContent(), /could not be loaded/);
    await page.click('[data-action="present-exit"]');
    await page.waitForSelector('[data-action="present"]');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('present'), null, 'presenter mode left');
    assert.equal(url.searchParams.get('case'), 'haidong');
    assert.equal(url.searchParams.get('step'), '1', 'at the same step');
    assert.deepEqual(errors, []);
  });
});

test('a part whose download stalls is given up after 60 s and said so in its place', async () => {
  // The panels' part never arrives (a stalled connection); the page's timers run on a clock the
  // test moves, a second at a time, so the minute passes at once. The loader starts the part's
  // 60 s once the chunks it shares are in (fetched in real time), so the notice must come no
  // sooner than 60 s of the page's clock after the part was asked for, and within a bound.
  let askedAt = null;
  await withRoutedParts(/split_mount_side-/, () => { askedAt ??= 'pending'; }, {}, async (page, errors) => {
    await page.clock.install();
    await page.goto(`${env.server.url}?case=daqing&lang=en`);
    await page.waitForSelector('.side-col', { state: 'attached' });
    const now = () => page.evaluate(() => Date.now());
    let start = null;
    let gaveUp = null;
    for (let s = 0; s < 200 && gaveUp === null; s++) {
      await page.clock.runFor(1000);
      if (start === null && askedAt !== null) start = await now();
      if (await page.locator('.side-col [data-part-missing]').count()) gaveUp = await now();
    }
    assert.ok(start !== null, 'the part was asked for');
    assert.ok(gaveUp !== null, 'the notice came');
    const waited = (gaveUp - start) / 1000;
    assert.ok(waited >= 59 && waited <= 90, `given up ${waited} s after the part was asked for`);
    assert.match(await page.textContent('.side-col [data-part-missing]'), /could not be loaded/);
    assert.equal(await page.getAttribute('.side-col', 'data-part'), 'missing');
    assert.deepEqual(errors, []);
  });
});

test('a part served without the wasm type still loads (compiled from its bytes)', async () => {
  let served = 0;
  // The packs refused, so that each file is fetched on its own (a pack's files are cut from it
  // and typed in the page).
  const untyped = async (route) => {
    if (route.request().url().endsWith('.pack')) return route.fulfill({ status: 404, body: '' });
    const res = await route.fetch();
    served++;
    await route.fulfill({ status: 200, body: await res.body(), headers: { 'Content-Type': 'application/octet-stream' } });
  };
  await withRoutedParts(/\/(?:split|chunk)_\w+-[0-9a-f]{16}\.(?:wasm|pack)$/, untyped, { console: true }, async (page, errors) => {
    await page.goto(`${env.server.url}?case=tianjin&lang=en`);
    await page.waitForSelector('.side-col[data-part="ready"]');
    await page.waitForSelector('[data-panel="sources"]');
    assert.ok(served > 0, 'the parts went through the route');
    assert.equal(await page.locator('[data-part-missing]').count(), 0);
    // The refused packs are logged by the browser; nothing else.
    assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  });
});
