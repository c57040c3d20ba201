// Saved scenarios (localStorage) and scenario files (JSON): save, reload, open, rename,
// duplicate, delete; download a scenario and import it back; a failed import, damaged storage
// and a full store never lose what was saved, and say so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setParam, shownMetrics, useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);
const KEY = 'reform-explorer.saved';
const BACKUP = 'reform-explorer.saved.backup';
const DAMAGED = 'reform-explorer.saved.damaged';

const names = (page) => page.$$eval('[data-panel="saved"] .saved-name', (els) => els.map((e) => e.textContent));
const stored = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);

async function openPanel(page) {
  await page.evaluate(() => { document.querySelector('[data-panel="saved"]').open = true; });
}

test('save, reload, open, rename, duplicate and delete', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await openPanel(page);
    await setParam(page, 'staff', 3000);
    await page.fill('[data-action="saved-name"]', 'Three thousand');
    await page.click('[data-action="save-scenario"]');
    await page.waitForSelector('[data-saved-status="good"]');
    const figures = await shownMetrics(page, 'after');
    await page.click('[data-case="tianjin"]');
    await page.click('[data-action="save-scenario"]'); // unnamed: named after the view
    assert.equal((await names(page)).length, 2);

    await page.reload();
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    await openPanel(page);
    assert.equal((await names(page))[0], 'Three thousand');
    assert.match((await names(page))[1], /Tianjin/);
    await page.click('[data-saved="0"] [data-action="open-saved"]');
    await page.waitForSelector('[data-case="daqing"][aria-pressed="true"]');
    assert.deepEqual(await shownMetrics(page, 'after'), figures);
    assert.equal(await page.inputValue('#param-staff'), '3000');
    // Saved in English, opened on the Chinese page: it stays Chinese.
    await page.click('[data-case="tianjin"]');
    await page.click('[data-lang="zh-Hans"]');
    await page.click('[data-saved="0"] [data-action="open-saved"]');
    await page.waitForSelector('[data-case="daqing"][aria-pressed="true"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    assert.deepEqual(await shownMetrics(page, 'after'), figures);
    await page.click('[data-lang="en"]');

    await page.click('[data-saved="0"] [data-action="rename-saved"]');
    await page.fill('[data-action="rename-input"]', 'Renamed');
    await page.press('[data-action="rename-input"]', 'Enter');
    await page.click('[data-saved="0"] [data-action="duplicate-saved"]');
    assert.deepEqual((await names(page)).slice(0, 2), ['Renamed', 'Renamed (copy)']);
    await page.click('[data-saved="2"] [data-action="delete-saved"]');
    assert.deepEqual(await names(page), ['Renamed', 'Renamed (copy)']);
    const list = JSON.parse(await stored(page));
    assert.equal(list.format, 'reform-explorer-saved');
    assert.deepEqual(list.scenarios.map((s) => s.name), ['Renamed', 'Renamed (copy)']);
    assert.equal(list.scenarios[0].params.staff, '3000');
    // The backup holds the list as it was before the last change.
    assert.equal(JSON.parse(await stored(page, BACKUP)).scenarios.length, 3);
  });
});

test('a scenario file downloads and imports back; a bad file is refused with every problem named', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'scenario-'));
  await withPage(env.browser, `${env.server.url}?case=haidong&lang=en&s3.staff=12&step=1`, async ({ page }) => {
    await openPanel(page);
    const figures = [await shownMetrics(page, 'before'), await shownMetrics(page, 'after')];
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-scenario"]')]);
    assert.match(dl.suggestedFilename(), /^reform-explorer-haidong-county-step1\.json$/);
    const file = join(dir, 'good.json');
    await writeFile(file, await readFile(await dl.path()));
    const json = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(json.format, 'reform-explorer-scenario');
    assert.deepEqual(json.edits, [{ row: 3, field: 'staff', value: '12' }]);

    // Somewhere else, then import: the scenario opens and is saved.
    await page.click('[data-case="zhejiang"]');
    await page.setInputFiles('[data-action="import-scenario"]', file);
    await page.waitForSelector('[data-saved-status="good"]');
    await page.waitForSelector('[data-case="haidong"][aria-pressed="true"]');
    assert.deepEqual([await shownMetrics(page, 'before'), await shownMetrics(page, 'after')], figures);
    assert.deepEqual(await names(page), ['good.json']);
    const before = await stored(page);

    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...json, version: 1, case: 'haidong', params: { seed: -3, nonsense: 1 }, edits: [{ row: 0 }], view: { theme: 'neon' } }));
    await page.setInputFiles('[data-action="import-scenario"]', bad);
    await page.waitForSelector('[data-saved-status="bad"]');
    const text = await page.textContent('[data-saved-status="bad"]');
    for (const needle of ['not imported', 'seed', 'nonsense', 'edits[0]', 'neon']) assert.match(text, new RegExp(needle.replace(/[[\]]/g, '\\$&')), text);
    assert.equal(await stored(page), before, 'nothing saved changed');
    assert.deepEqual(await names(page), ['good.json']);

    await writeFile(bad, '{"format": "reform-explorer-scenario", "version": 7, "case": "daqing"}');
    await page.setInputFiles('[data-action="import-scenario"]', bad);
    await page.waitForFunction(() => /newer version/.test(document.querySelector('[data-saved-status]')?.textContent || ''));
    await writeFile(bad, 'not json at all');
    await page.setInputFiles('[data-action="import-scenario"]', bad);
    await page.waitForFunction(() => /not valid JSON/.test(document.querySelector('[data-saved-status]')?.textContent || ''));
    assert.equal(await stored(page), before);
  });
});

test('damaged storage: the backup is restored, or nothing is lost and the user is told', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await openPanel(page);
    await page.click('[data-action="save-scenario"]');
    await page.click('[data-action="save-scenario"]');
    const good = await stored(page);
    await page.evaluate(([k, b, g]) => { localStorage.setItem(b, g); localStorage.setItem(k, '{"format": "reform-explorer-saved", "scen'); }, [KEY, BACKUP, good]);
    await page.reload();
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    await openPanel(page);
    assert.match(await page.textContent('[data-saved-status]'), /restored/);
    assert.equal((await names(page)).length, 2);
    assert.match(await stored(page, DAMAGED), /scen$/);

    await page.evaluate(([k, b]) => { localStorage.setItem(k, 'garbage'); localStorage.setItem(b, 'more garbage'); }, [KEY, BACKUP]);
    await page.reload();
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    await openPanel(page);
    assert.match(await page.textContent('[data-saved-status]'), /could not be read/);
    assert.equal((await names(page)).length, 0);
    assert.equal(await stored(page, DAMAGED), 'garbage');
    assert.equal(await stored(page), 'garbage', 'nothing deleted');
  });
});

// A list with a scenario this version cannot read: the others are listed, and the whole list
// as stored is kept aside, where two more saves (which rotate the backup) do not reach it.
test('a saved scenario this version cannot read is kept aside, not lost by later saves', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await openPanel(page);
    await page.click('[data-action="save-scenario"]');
    const list = JSON.parse(await stored(page));
    list.scenarios.push({ ...list.scenarios[0], version: 99, name: 'From the future' });
    const text = JSON.stringify(list);
    await page.evaluate(([k, t]) => localStorage.setItem(k, t), [KEY, text]);
    await page.reload();
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    await openPanel(page);
    assert.match(await page.textContent('[data-saved-status]'), /1 saved scenario\(s\) no longer match this version.*kept aside/);
    assert.equal((await names(page)).length, 1);
    await page.click('[data-action="save-scenario"]');
    await page.click('[data-action="save-scenario"]');
    assert.equal((await names(page)).length, 3);
    assert.equal(await stored(page, DAMAGED), text);
  });
});

test('a full store refuses the write and keeps what was saved', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await openPanel(page);
    await page.click('[data-action="save-scenario"]');
    const before = await stored(page);
    await page.evaluate(() => {
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    });
    await page.click('[data-action="save-scenario"]');
    await page.waitForSelector('[data-saved-status="bad"]');
    assert.match(await page.textContent('[data-saved-status]'), /refused/);
    assert.equal(await stored(page), before);
    assert.equal((await names(page)).length, 1);
  });
});
