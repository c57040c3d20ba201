// End-to-end for "Your own organisation": import a CSV (picked or dropped, UTF-8 or GB18030,
// each template and a downloaded example), see a broken file's every problem by row and column
// with nothing on screen changed, apply the open case's reform and all four reforms to it, and
// find it again after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DIST, setParam, settledUrl, shownMetrics, useBrowser, waitMetric, withPage } from './support.mjs';

const env = useBrowser(before, after);
const fixture = (name) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const IMPORT = 'input[type=file][data-action="import-organisation"]';

/** Staff in all of a CSV text: the organ and frontline columns summed (found by header). */
function csvStaff(text) {
  const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const col = (names) => head.findIndex((h) => names.includes(h));
  const organ = col(['organ', '机关警力']);
  const front = col(['frontline', '一线警力']);
  return lines.slice(1).reduce((s, l) => {
    const c = l.split(',');
    return s + Number(c[organ]) + Number(c[front]);
  }, 0);
}

async function importBuffer(page, name, buffer, mimeType = 'text/csv') {
  await page.setInputFiles(IMPORT, { name, mimeType, buffer });
}

/** Opens `url` in a fresh browser context and checks it shows own organisation `key` with `staff` in all. */
async function opensOwn(url, key, staff) {
  await withPage(env.browser, url, { ready: '[data-panel="composer"]' }, async ({ page }) => {
    await page.waitForSelector(`[data-own="${key}"]`);
    assert.equal(await page.inputValue('[data-action="compose-base"]'), `org.${key}`);
    assert.equal(Number((await shownMetrics(page, 'before')).staff_total), staff);
  });
}

async function ownBase(page) {
  await page.waitForSelector('[data-own]');
  return page.getAttribute('[data-own]', 'data-own');
}

/** Opens or closes the share panel, whatever it was: a click outside it, or Tab out of it, has
 *  closed it (a toggle of its summary would open it again). */
async function share(page, open) {
  if (await page.$eval('[data-panel="share"]', (d) => d.open) !== open) await page.click('[data-panel="share"] summary');
}

test('a GB18030 file Excel saved imports like its UTF-8 copy, and the open case\'s reform applies to it', async () => {
  const utf8 = fixture('organisation-utf8.csv');
  const staff = csvStaff(utf8.toString('utf8'));
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await importBuffer(page, 'donghu-gbk.csv', fixture('organisation-gb18030.csv'));
    const key = await ownBase(page);
    assert.match(key, /^own-[0-9a-f]{16}$/);
    // Opened in the composer with Daqing's whole reform on the imported organisation.
    await page.waitForSelector('[data-panel="composer"]');
    assert.equal(await page.inputValue('[data-action="compose-base"]'), `org.${key}`);
    const levers = await page.$$eval('[data-compose-step]', (ls) => ls.map((l) => l.dataset.leverKey));
    assert.ok(levers.length >= 2 && levers.every((l) => l.startsWith('daqing.')), levers.join());
    await waitMetric(page, 'staff_total', staff, 'before');
    const before = await shownMetrics(page, 'before');
    assert.equal(Number(before.stations), 6);
    assert.equal(Number(before.sub_bureaus), 2);
    assert.match(await page.textContent('[data-org-status="good"]'), /Donghu municipal bureau/);
    // "Download this organisation" gives the file it was registered with, under its own name.
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="org-download"][data-format="json"]')]);
    const file = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.equal(file.name.en, 'Donghu municipal bureau');
    assert.equal(file.units.length, 13);
    // The UTF-8 copy is the same organisation (same content, same key).
    await importBuffer(page, 'donghu.csv', utf8);
    await page.waitForSelector('[data-org-status="good"]');
    assert.equal(await ownBase(page), key);
    // Survives a reload: the organisation is kept in the browser and the link names it.
    const url = await settledUrl(page);
    assert.match(url, new RegExp(`base=org\\.${key}`));
    await page.reload();
    await page.waitForSelector('[data-panel="composer"]');
    assert.equal(await page.inputValue('[data-action="compose-base"]'), `org.${key}`);
    assert.deepEqual(await shownMetrics(page, 'before'), before);
    // Back to the case's own organisation in one click.
    await page.click('[data-action="org-back"]');
    await page.waitForSelector('[data-case="daqing"][aria-pressed="true"]');
    assert.notEqual(Number((await shownMetrics(page, 'before')).staff_total), staff);
  });
});

test('a broken file lists every problem by row and column, and nothing on screen changes', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang&lang=zh`, async ({ page }) => {
    const shown = await shownMetrics(page, 'after');
    const url = await settledUrl(page);
    const bad = 'id,parent,name,kind,organ,frontline\n'
      + 'm,,某市局,municipal_bureau,10,5\n'
      + 'a,m,甲所,station,-1,x\n'
      + 'b,zz,乙所,brigade,2,2\n'
      + 'a,m,丙所,station,1,1\n';
    await importBuffer(page, 'bad.csv', Buffer.from(bad));
    await page.waitForSelector('[data-import-errors] li');
    const items = await page.$$eval('[data-import-errors] li', (ls) => ls.map((l) => [l.dataset.row, l.dataset.column, l.textContent]));
    assert.deepEqual(items.map(([r, c]) => `${r}:${c}`), ['3:organ', '3:frontline', '4:parent', '4:kind', '5:id']);
    assert.match(items[0][2], /第 3 行/);
    assert.equal(await page.getAttribute('[data-import-errors]', 'data-import-errors'), '5');
    // Nothing imported: the case is on screen as it was, and no organisation is offered.
    assert.deepEqual(await shownMetrics(page, 'after'), shown);
    assert.equal(await settledUrl(page), url);
    assert.equal(await page.$('[data-own]'), null);
    // Not CSV at all, and an empty file: one message each.
    await importBuffer(page, 'picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0xfe, 0x81]), 'image/png');
    await page.waitForFunction(() => document.querySelectorAll('[data-import-errors] li').length === 1);
    await importBuffer(page, 'empty.csv', Buffer.from(''));
    await page.waitForFunction(() => /空/.test(document.querySelector('[data-import-errors] li')?.textContent || ''));
    assert.deepEqual(await shownMetrics(page, 'after'), shown);
  });
});

// Every unit within its limits, but far more officers in all than any case allows (the sum
// would also wrap a 32-bit count): refused with the total, and the page goes on working (it
// panicked or froze before, as the measures build units in proportion to the officers).
test('an organisation of more officers than any case allows is refused, and the page goes on', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page, errors }) => {
    let csv = 'id,parent,name,kind,organ,frontline\nm,,City,municipal_bureau,0,0\n';
    for (let i = 0; i < 5500; i++) csv += `s${i},m,S${i},station,200000,200000\n`;
    await importBuffer(page, 'huge.csv', Buffer.from(csv));
    await page.waitForSelector('[data-import-errors] li');
    const items = await page.$$eval('[data-import-errors] li', (ls) => ls.map((l) => l.textContent));
    assert.equal(items.length, 1);
    assert.match(items[0], /2,200,000,000 officers in all; at most 100,000/);
    assert.match(await page.textContent('[data-org-status]'), /The file has a problem;/);
    assert.equal(await page.$('[data-own]'), null);
    await setParam(page, 'staff', 3000);
    await waitMetric(page, 'staff_total', 3000);
    assert.deepEqual(errors, []);
  });
});

test('both templates and a downloaded example import; a dropped file imports; four reforms apply to it', async () => {
  await withPage(env.browser, `${env.server.url}?case=haidong&lang=en`, async ({ page }) => {
    await page.click('[data-panel="organisation"] summary');
    for (const lang of ['zh', 'en']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`[data-action="org-template"][data-template="${lang}"]`),
      ]);
      const text = readFileSync(await download.path(), 'utf8');
      assert.equal(text.split(/\r\n/).filter(Boolean).length, 3, 'header and two example rows');
      await importBuffer(page, `template-${lang}.csv`, Buffer.from(text));
      await page.waitForSelector('[data-org-status="good"]');
      await ownBase(page);
      assert.equal(Number((await shownMetrics(page, 'before')).staff_total), csvStaff(text));
    }
    // An example: the typical city's "before", downloaded, then imported by dropping it.
    await page.selectOption('[data-action="org-example-pick"]', 'org.typical_city');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="org-example"]')]);
    const example = readFileSync(await download.path(), 'utf8');
    assert.ok(example.split(/\r\n/).length > 50);
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'typical-city.csv', { type: 'text/csv' }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, example);
    await waitMetric(page, 'staff_total', csvStaff(example), 'before');
    const key = await ownBase(page);
    // All four reforms on it: every column starts from the imported organisation's figures.
    await page.click('[data-action="org-four"]');
    await page.waitForSelector('[data-panel="four"]');
    assert.equal(await page.inputValue('[data-action="four-base"]'), `org.${key}`);
    const befores = await page.$$eval('td[data-four="staff_total"]', (cs) => cs.map((c) => c.dataset.before));
    assert.equal(befores.length, 4);
    assert.ok(befores.every((b) => Number(b) === csvStaff(example)), befores.join());
    const effects = await page.$$eval('td[data-four="staff_total"], td[data-four="management_tiers"]', (cs) => cs.map((c) => c.dataset.effect));
    assert.ok(effects.every((e) => ['changed', 'none', 'failed'].includes(e)));
  });
});

test('a saved scenario and a scenario file carry the organisation: they open it after it was removed, and in a fresh browser', async () => {
  const utf8 = fixture('organisation-utf8.csv');
  const file = await withPage(env.browser, `${env.server.url}?case=zhejiang&lang=en`, async ({ page }) => {
    await importBuffer(page, 'donghu.csv', utf8);
    const key = await ownBase(page);
    await waitMetric(page, 'staff_total', csvStaff(utf8.toString('utf8')), 'before');
    const shown = await shownMetrics(page, 'after');
    await page.click('[data-panel="saved"] summary');
    await page.fill('[data-action="saved-name"]', 'Donghu, Zhejiang reform');
    await page.click('[data-action="save-scenario"]');
    await page.waitForSelector('[data-saved="0"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-scenario"]')]);
    const file = readFileSync(await download.path(), 'utf8');
    assert.equal(JSON.parse(file).organisation.format, 'reform-explorer-organisation');
    // Removed from the browser and back to the case: the saved scenario brings it back.
    await page.click('[data-action="org-forget"]');
    await page.waitForFunction(() => !document.querySelector('[data-own]'));
    await page.click('[data-case="zhejiang"]');
    await page.click('[data-saved="0"] [data-action="open-saved"]');
    await page.waitForSelector(`[data-own="${key}"]`);
    await page.waitForSelector('[data-panel="composer"]');
    assert.equal(await page.inputValue('[data-action="compose-base"]'), `org.${key}`);
    assert.deepEqual(await shownMetrics(page, 'after'), shown);
    return file;
  });
  // A fresh browser (nothing stored) opens the scenario file with its organisation.
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await page.click('[data-panel="saved"] summary');
    await page.setInputFiles('[data-action="import-scenario"]', { name: 'scenario.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.waitForSelector('[data-own]');
    await page.waitForSelector('[data-panel="composer"]');
    assert.match(await page.inputValue('[data-action="compose-base"]'), /^org\.own-/);
    assert.equal(Number((await shownMetrics(page, 'before')).staff_total), csvStaff(utf8.toString('utf8')));
  });
});

test('edit the organisation by keyboard: rename, staff, add, move, delete; undo and redo; every reform follows', async () => {
  const utf8 = fixture('organisation-utf8.csv');
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    const staffBefore = () => page.getAttribute('[data-metric="staff_total"][data-phase="before"]', 'data-value').then(Number);
    const waitStaff = (n) => waitMetric(page, 'staff_total', n, 'before');
    await importBuffer(page, 'donghu.csv', utf8);
    const first = await ownBase(page);
    const staff = csvStaff(utf8.toString('utf8'));
    await waitStaff(staff);
    await page.click('[data-panel="org-editor"] summary');
    await page.waitForSelector('[data-org-table]');
    assert.equal(await page.getAttribute('[data-org-table]', 'data-org-table'), '13');
    // Staff: type into a station's frontline and Tab away (a change); every figure follows.
    const p11 = '[data-org-unit="p11"]';
    await page.focus(`${p11} [data-field="frontline"]`);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('48');
    await page.keyboard.press('Tab');
    await waitStaff(staff + 10);
    assert.notEqual(await ownBase(page), first, 'a new organisation (content) after the edit');
    // The step shown stays through an edit (the same measures on the edited organisation).
    await page.click('[data-step="1"]');
    await page.waitForSelector('[data-step="1"][aria-current="step"]');
    await page.focus(`${p11} [data-field="frontline"]`);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('38');
    await page.keyboard.press('Tab');
    await waitStaff(staff);
    assert.equal(await page.getAttribute('[data-step="1"]', 'aria-current'), 'step', 'still at step 1 after the edit');
    await page.focus(`${p11} [data-field="frontline"]`);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('48');
    await page.keyboard.press('Tab');
    await waitStaff(staff + 10);
    assert.equal(await page.inputValue('[data-action="compose-base"]'), `org.${await ownBase(page)}`);
    // Focus stays in the table, on the next field of the same row.
    assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-org-unit]')?.dataset.orgUnit), 'p11');
    // Rename by keyboard.
    await page.focus(`${p11} [data-field="name_en"]`);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('East gate station');
    await page.keyboard.press('Enter');
    // The diagrams find it by its new name.
    await page.waitForFunction(() => document.querySelector(`[data-org-unit="p11"] [data-field="name_en"]`)?.value === 'East gate station');
    await page.fill('input[data-action="search"]', 'East gate');
    await page.waitForFunction(() => document.querySelector('[data-search-count]')?.dataset.before === '1');
    await page.fill('input[data-action="search"]', '');
    // Add a unit under the county bureau (a station, like its others), then delete it.
    await page.focus('[data-org-unit="xj"] [data-action="org-add"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-org-table]')?.dataset.orgTable === '14');
    const added = await page.$$eval('[data-org-unit^="new-"]', (rs) => rs.map((r) => [r.dataset.orgUnit, r.querySelector('[data-field="kind"]').value]));
    assert.equal(added.length, 1);
    assert.equal(added[0][1], 'station');
    // Move Dongcheng's Nanguan station under Xicheng.
    await page.click('[data-org-unit="p12"] [data-action="org-move"]');
    await page.selectOption('[data-org-unit="p12"] [data-field="parent"]', 'fj2');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-org-unit]')].map((r) => r.dataset.orgUnit);
      return rows.indexOf('p12') > rows.indexOf('fj2');
    });
    // Delete a sub-bureau, its stations moving up.
    await page.click('[data-org-unit="fj1"] [data-action="org-delete"]');
    await page.click('[data-org-unit="fj1"] [data-action="org-delete-keep"]');
    await page.waitForFunction(() => !document.querySelector('[data-org-unit="fj1"]'));
    assert.equal(await page.getAttribute('[data-org-table]', 'data-org-table'), '13');
    assert.equal(await page.getAttribute('[data-org-unit="p11"]', 'data-depth'), '1');
    assert.equal(await staffBefore(), staff + 10 - 75);
    // Undo four times by keyboard (delete, move, add, rename), then the staff edit by button.
    await page.focus('[data-action="org-undo"]');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('[data-org-table]')?.dataset.orgTable === '13' && document.querySelector('[data-org-unit="fj1"]'));
    await waitStaff(staff + 10);
    await page.click('[data-action="org-undo"]');
    await waitStaff(staff);
    assert.equal(await ownBase(page), first, 'undone to the imported organisation');
    // Redo once by keyboard.
    await page.focus('[data-action="org-redo"]');
    await page.keyboard.press('Control+Shift+z');
    await waitStaff(staff + 10);
    // The top unit cannot be moved or deleted.
    assert.equal(await page.isDisabled('[data-org-unit="sj"] [data-action="org-delete"]'), true);
    // The edited organisation is kept: after a reload it is still there.
    await settledUrl(page);
    await page.reload();
    await page.waitForSelector('[data-own]');
    await waitStaff(staff + 10);
  });
});

test('the link carries a small organisation after its #: another browser opens it from the link alone', async () => {
  const utf8 = fixture('organisation-utf8.csv');
  const staff = csvStaff(utf8.toString('utf8'));
  const { link, key } = await withPage(env.browser, `${env.server.url}?case=zhejiang&lang=en`, async ({ page }) => {
    await importBuffer(page, 'donghu.csv', utf8);
    const key = await ownBase(page);
    await page.click('[data-panel="share"] summary');
    await page.waitForSelector('[data-share-org="carried"]');
    const link = await page.inputValue('[data-share="link"]');
    // Compressed by the browser's own deflate.
    assert.match(link, /#orgz=[A-Za-z0-9_-]+$/);
    assert.ok(new URL(link).search.includes(`base=org.${key}`));
    // The address bar carries it too.
    assert.match(await settledUrl(page), /#orgz=/);
    return { link, key };
  });
  await opensOwn(link, key, staff);
});

// A colleague's link carries their organisation: it opens, but the one this browser keeps (the
// reader's own) stays kept; it was replaced without a word.
test("opening a link with another organisation shows it and keeps the reader's own", async () => {
  const utf8 = fixture('organisation-utf8.csv');
  await withPage(env.browser, `${env.server.url}?case=zhejiang&lang=en`, async ({ page }) => {
    await importBuffer(page, 'donghu.csv', utf8);
    const theirs = await ownBase(page);
    const kept = () => page.evaluate(() => localStorage.getItem('reform-explorer.organisation'));
    await page.waitForFunction(() => localStorage.getItem('reform-explorer.organisation') !== null);
    const theirsText = await kept();
    await page.click('[data-panel="share"] summary');
    await page.waitForSelector('[data-share-org="carried"]');
    const link = await page.inputValue('[data-share="link"]');
    await share(page, false);
    // The reader's own: another organisation (one more officer at the top).
    const lines = utf8.toString('utf8').split(/\r?\n/);
    const head = lines[0].split(',');
    const organ = head.findIndex((h) => ['organ', '机关警力'].includes(h));
    const top = lines[1].split(',');
    top[organ] = String(Number(top[organ]) + 1);
    lines[1] = top.join(',');
    await importBuffer(page, 'mine.csv', Buffer.from(lines.join('\n')));
    await page.waitForFunction((k) => document.querySelector('[data-own]')?.dataset.own !== k, theirs);
    await page.waitForFunction((t) => localStorage.getItem('reform-explorer.organisation') !== t, theirsText);
    const mine = await kept();
    await settledUrl(page);
    await page.goto(link);
    await page.waitForSelector('[data-own]');
    assert.equal(await ownBase(page), theirs);
    // After the frames the page keeps an organisation in: still the reader's own.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))))));
    assert.equal(await kept(), mine);
  });
});

test('the offline single file imports, edits and keeps an organisation from file://, with no network', async () => {
  const fileUrl = pathToFileURL(join(DIST, 'reform-explorer.html')).href;
  const gb = fixture('organisation-gb18030.csv');
  const staff = csvStaff(fixture('organisation-utf8.csv').toString('utf8'));
  await withPage(env.browser, `${fileUrl}?case=zhejiang&lang=zh`, { offline: true }, async ({ page, requests }) => {
    await importBuffer(page, 'donghu.csv', gb);
    const key = await ownBase(page);
    await waitMetric(page, 'staff_total', staff, 'before');
    await page.click('[data-panel="org-editor"] summary');
    await page.fill('[data-org-unit="x3"] [data-field="organ"]', '4');
    await page.press('[data-org-unit="x3"] [data-field="organ"]', 'Enter');
    await waitMetric(page, 'staff_total', staff + 2, 'before');
    assert.notEqual(await ownBase(page), key);
    await settledUrl(page);
    await page.reload();
    await page.waitForSelector('[data-own]');
    await waitMetric(page, 'staff_total', staff + 2, 'before');
    assert.deepEqual(requests.filter((u) => !u.startsWith(fileUrl.split('?')[0]) && !u.startsWith('data:')), []);
  });
});

/**
 * A CSV of `n` units: a municipal bureau, sub-bureaus of 10 stations each, and two teams per
 * station, with staff from a seeded generator (names as a real file has them: a few words).
 */
function generated(n) {
  let seed = 7;
  const rnd = (lo, hi) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return lo + (seed % (hi - lo + 1));
  };
  const rows = ['id,parent,name,name_en,kind,organ,frontline,residents'];
  rows.push('city,,示例市公安局,Sample municipal bureau,municipal_bureau,90,0,');
  let made = 1;
  for (let b = 1; made < n; b++) {
    rows.push(`b${b},city,第${b}分局,Sub-bureau ${b},sub_bureau,${rnd(20, 60)},0,`);
    made++;
    for (let s = 1; s <= 10 && made < n; s++) {
      rows.push(`b${b}s${s},b${b},第${b}分局第${s}派出所,Station ${s} of sub-bureau ${b},station,${rnd(2, 6)},${rnd(15, 45)},${rnd(20000, 90000)}`);
      made++;
      for (let t = 1; t <= 2 && made < n; t++) {
        rows.push(`b${b}s${s}t${t},b${b}s${s},第${t}队,Team ${t},team,0,${rnd(3, 12)},`);
        made++;
      }
    }
  }
  return rows.join('\n') + '\n';
}

test('a link carries an organisation too large for it uncompressed, and says when one is too large even compressed', async () => {
  const csv = generated(600);
  const staff = csvStaff(csv);
  const { link, key, old } = await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    const compactOf = async () => {
      const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="org-download"][data-format="json"]')]);
      return JSON.stringify(JSON.parse(readFileSync(await json.path(), 'utf8')));
    };
    // A small one, written as an earlier version (or a browser with no CompressionStream)
    // wrote its link: uncompressed, `#org=`.
    const small = generated(40);
    await importBuffer(page, 'sample-40.csv', Buffer.from(small));
    const old = { key: await ownBase(page), staff: csvStaff(small), value: Buffer.from(await compactOf()).toString('base64url') };
    await importBuffer(page, 'sample-600.csv', Buffer.from(csv));
    await page.waitForFunction((k) => document.querySelector('[data-own]')?.dataset.own !== k, old.key);
    const key = await ownBase(page);
    await page.click('[data-panel="share"] summary');
    await page.waitForSelector('[data-share-org="carried"]');
    const link = await page.inputValue('[data-share="link"]');
    const value = link.split('#orgz=')[1];
    assert.ok(value && value.length <= 32000, `compressed value of ${value?.length} characters`);
    // Uncompressed, the same organisation would not fit: its compact JSON in base64url.
    const plain = Buffer.from(await compactOf()).toString('base64url');
    assert.ok(plain.length > 32000, `uncompressed ${plain.length} characters`);
    // A 5,000-unit organisation does not fit even compressed: the menu says so, and the
    // link only names it. (The JSON download above, a click outside the panel, closed it.)
    await share(page, false);
    await importBuffer(page, 'sample-5000.csv', Buffer.from(generated(5000)));
    await page.waitForFunction((k) => document.querySelector('[data-own]')?.dataset.own !== k, key);
    await share(page, true);
    await page.waitForSelector('[data-share-org="too-large"]');
    assert.doesNotMatch(await page.inputValue('[data-share="link"]'), /#org/);
    return { link, key, old };
  });
  // The compressed link opens it in a fresh browser, before anything else is drawn.
  await opensOwn(link, key, staff);
  // An uncompressed link still opens.
  await opensOwn(`${link.split('#')[0].replace(key, old.key)}#org=${old.value}`, old.key, old.staff);
});

test('edit from the diagram: E, F2, a double click or the button open the editor at the unit', async () => {
  const utf8 = fixture('organisation-utf8.csv');
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    const focusedRow = () => page.evaluate(() => `${document.activeElement?.closest('[data-org-unit]')?.dataset.orgUnit}/${document.activeElement?.dataset.field}`);
    await importBuffer(page, 'donghu.csv', utf8);
    await ownBase(page);
    // Only the "before" of the own organisation offers it.
    await page.waitForSelector('[data-phase="before"] [data-action="edit-unit"]');
    assert.equal(await page.$('[data-phase="after"] [data-action="edit-unit"]'), null);
    assert.equal(await page.$eval('[data-panel="org-editor"]', (d) => d.open), false);
    // E on a focused box.
    await page.focus('[data-phase="before"] [data-unit-id="p11"]');
    await page.waitForFunction(() => document.activeElement?.dataset.unitId === 'p11');
    await page.keyboard.press('e');
    await page.waitForFunction(() => document.activeElement?.closest('[data-org-unit]')?.dataset.orgUnit === 'p11');
    assert.equal(await page.$eval('[data-panel="org-editor"]', (d) => d.open), true);
    assert.equal(await focusedRow(), 'p11/name');
    // Typing there edits the unit: the diagram follows, and focus stays in the field.
    await page.focus('[data-org-unit="p11"] [data-field="frontline"]');
    const was = await page.inputValue('[data-org-unit="p11"] [data-field="frontline"]');
    const boxStaff = () => page.getAttribute('[data-phase="before"] [data-unit-id="p11"]', 'data-staff').then(Number);
    const box = await boxStaff();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(String(Number(was) + 7));
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('[data-phase="before"] [data-unit-id="p11"]')?.dataset.staff === String(n), box + 7);
    assert.equal(await focusedRow(), 'p11/frontline');
    // Undo puts the old figure back in the field.
    await page.keyboard.press('Control+z');
    await page.waitForFunction((v) => document.querySelector('[data-org-unit="p11"] [data-field="frontline"]')?.value === v, was);
    // F2 on another box, then a double click, then the button for the box last clicked.
    await page.focus('[data-phase="before"] [data-unit-id="xd"]');
    await page.waitForFunction(() => document.activeElement?.dataset.unitId === 'xd');
    await page.keyboard.press('F2');
    await page.waitForFunction(() => document.activeElement?.closest('[data-org-unit]')?.dataset.orgUnit === 'xd');
    // Dispatched on the box: a real pointer could land elsewhere while the opened editor moves
    // the page under it.
    await page.dispatchEvent('[data-phase="before"] [data-unit-id="zh"] rect', 'dblclick');
    await page.waitForFunction(() => document.activeElement?.closest('[data-org-unit]')?.dataset.orgUnit === 'zh');
    await page.dispatchEvent('[data-phase="before"] [data-unit-id="fj1"] rect', 'click');
    await page.click('[data-phase="before"] [data-action="edit-unit"]');
    await page.waitForFunction(() => document.activeElement?.closest('[data-org-unit]')?.dataset.orgUnit === 'fj1');
  });
});

test('an import the browser refuses to keep still shows, and says it is not kept', async () => {
  const utf8 = fixture('organisation-utf8.csv');
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    // Storage full for the organisation (the address bar and other keys still work).
    await page.evaluate(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === 'reform-explorer.organisation') throw new DOMException('full', 'QuotaExceededError');
        return set.call(this, k, v);
      };
    });
    await importBuffer(page, 'donghu.csv', utf8);
    await ownBase(page);
    await page.waitForSelector('[data-org-status="good"] [data-org-not-kept]');
    assert.equal(Number((await shownMetrics(page, 'before')).staff_total), csvStaff(utf8.toString('utf8')));
  });
});

// A reform that cannot be applied to an imported organisation (Tianjin's needs two leaders in
// every station; Linhe's Hekou station has one) says why, and shows no other organisation's
// figures: the faded last result is kept only for the scope it was built for (it showed
// Tianjin's default sub-bureau, 720 officers, under "Own organisation: Linhe County PSB").
test('a reform that cannot apply to an imported organisation shows no other organisation\'s figures', async () => {
  const file = fixture('organisation-county-linhe.csv');
  const staff = csvStaff(file.toString('utf8'));
  await withPage(env.browser, `${env.server.url}?case=tianjin&lang=en`, async ({ page }) => {
    const tianjin = Number((await shownMetrics(page, 'before')).staff_total);
    assert.notEqual(tianjin, staff);
    await importBuffer(page, 'linhe.csv', file);
    await ownBase(page);
    await page.waitForSelector('[data-model-error]');
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 300))));
    // It says the reform, not a parameter, cannot apply, and what to do.
    assert.equal(await page.getAttribute('[data-model-error]', 'data-own-error'), 'true');
    assert.match(await page.textContent('[data-model-error]'), /cannot be applied to this organisation: .*Hekou.*remove or move that measure/s);
    const shown = await page.$$eval('[data-metric="staff_total"][data-value]', (cs) => cs.filter((c) => c.dataset.value !== '').map((c) => Number(c.dataset.value)));
    assert.ok(shown.every((v) => v === staff), `staff shown ${shown}, the file has ${staff}, Tianjin's default ${tianjin}`);
  });
});

// The delete choices fit the editor's table at 1400 px, in Chinese and English (they ran past
// its right edge, "删除，下属单位上移" cut off, and the table scrolled sideways).
test('the organisation editor\'s delete choices fit its table', async () => {
  for (const lang of ['zh-Hans', 'en']) {
    await withPage(env.browser, `${env.server.url}?case=daqing&lang=${lang}`, async ({ page }) => {
      await importBuffer(page, 'linhe.csv', fixture('organisation-county-linhe.csv'));
      await ownBase(page);
      await page.click('[data-panel="org-editor"] summary');
      await page.click('[data-org-unit="JJ"] [data-action="org-delete"]');
      await page.waitForSelector('[data-org-unit="JJ"] [data-action="org-delete-keep"]');
      const m = await page.evaluate(() => {
        const frame = document.querySelector('.org-table').parentElement;
        const right = frame.getBoundingClientRect().right;
        return { over: frame.scrollWidth - frame.clientWidth,
          out: [...document.querySelectorAll('[data-org-unit="JJ"] .org-delete-choice button')].filter((b) => b.getBoundingClientRect().right > right + 0.5).map((b) => b.textContent) };
      });
      assert.deepEqual(m, { over: 0, out: [] }, lang);
    });
  }
});

// A station with no incidents given, where the others have some, is named on import: the
// workload figures count it as 0 (Linhe's Beimen station; Haidong's spread read 0 → 7.23).
test('an imported station with no incidents given is named, with what that does', async () => {
  await withPage(env.browser, `${env.server.url}?case=haidong&lang=en`, async ({ page }) => {
    await importBuffer(page, 'linhe.csv', fixture('organisation-county-linhe.csv'));
    await page.waitForSelector('[data-org-no-incidents="1"]');
    assert.match(await page.textContent('[data-org-no-incidents]'), /No incidents are given for 1 station\(s\) \(Beimen station\).*count them as 0/);
  });
});

// A file without ranks has no command chain, so neither the organisation, nor a reform applied
// to it, nor the four reforms show one: Daqing's reform on Linhe showed "0 → 5", the ranks its
// measures add against none. The notes say why; the other figures stay.
test('an imported organisation without ranks shows no command chain, and says why', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await importBuffer(page, 'linhe.csv', fixture('organisation-county-linhe.csv'));
    await ownBase(page);
    await page.waitForSelector('[data-metric="management_tiers"][data-value]');
    assert.equal(await page.locator('[data-metric="command_chain"]').count(), 0);
    assert.match(await page.textContent('details.notes'), /Your file gives no ranks, so the command chain is not shown/);
    await page.click('[data-action="org-four"]');
    await page.waitForSelector('td[data-four="staff_total"]');
    assert.equal(await page.locator('[data-four-figure="command_chain"]').count(), 0);
    assert.ok(await page.locator('[data-four-figure="management_tiers"]').count() > 0);
  });
});

// The parameters of a case's own organisation (Daqing's urban residents, its stations before)
// change nothing when a reform is applied to an imported one: they fold away at the end of the
// panel, named as such, and stay editable there.
test('parameters no measure reads on an imported organisation fold away, named', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await importBuffer(page, 'linhe.csv', fixture('organisation-county-linhe.csv'));
    await ownBase(page);
    const group = '[data-param-group="unused"]';
    await page.waitForSelector(`${group} [data-param="daqing.urban.population"]`, { state: 'attached' });
    assert.equal(await page.getAttribute(group, 'open'), null);
    assert.match(await page.textContent(`${group} summary`), /^Not used on this organisation \(\d+\)$/);
    // Outside the fold: the measures' own parameters, and not the case's organisation.
    const outside = await page.$$eval('aside.params [data-param]', (ps) => ps.filter((p) => !p.closest('[data-param-group="unused"]')).map((p) => p.dataset.param));
    assert.ok(!outside.includes('daqing.urban.population'), outside.join());
    assert.ok(outside.length > 0);
    await page.click(`${group} summary`);
    assert.ok(await page.isVisible(`${group} [data-param="daqing.urban.population"]`));
  });
});

// The import's status is about the file as imported: once an edit makes another organisation
// the current one, it is no longer shown (it said "41 units" above the editor's 37), and an
// undo back to the imported one shows it again.
test('the import status is not shown for an edited organisation', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await importBuffer(page, 'linhe.csv', fixture('organisation-county-linhe.csv'));
    const key = await ownBase(page);
    await page.waitForSelector('[data-org-status="good"]');
    await page.click('[data-panel="org-editor"] summary');
    await page.click('[data-org-unit="JJ"] [data-action="org-delete"]');
    await page.click('[data-org-unit="JJ"] [data-action="org-delete-all"]');
    await page.waitForFunction((k) => document.querySelector('[data-own]')?.dataset.own !== k, key);
    await page.waitForSelector('[data-org-status="good"]', { state: 'detached' });
    await page.click('[data-action="org-undo"]');
    await page.waitForFunction((k) => document.querySelector('[data-own]')?.dataset.own === k, key);
    await page.waitForSelector('[data-org-status="good"]');
  });
});

// "Remove from this browser" removes it: the page goes back to the case's own organisation,
// the address bar drops it, and a reload does not bring it back (the page stayed on it, the
// link kept `#orgz=`, and a reload stored it again).
test('removing the organisation takes it off the page, the link and the browser', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    const daqing = Number((await shownMetrics(page, 'before')).staff_total);
    await importBuffer(page, 'linhe.csv', fixture('organisation-county-linhe.csv'));
    const key = await ownBase(page);
    await page.waitForFunction(() => location.hash.startsWith('#org'));
    await page.click('[data-action="org-forget"]');
    await page.waitForFunction(() => !document.querySelector('[data-own]'));
    const url = await settledUrl(page);
    assert.ok(!url.includes('own-') && !url.includes('#org'), url);
    await waitMetric(page, 'staff_total', daqing, 'before');
    assert.equal(await page.evaluate(() => localStorage.getItem('reform-explorer.organisation')), null);
    await page.reload();
    await page.waitForSelector('[data-metric="staff_total"][data-phase="before"][data-value]');
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 500)));
    assert.equal(await page.locator('[data-own]').count(), 0, `still offered: ${key}`);
    assert.equal(Number((await shownMetrics(page, 'before')).staff_total), daqing);
  });
});

// The editor's undo belongs to the organisation it edits: importing another empties it (one
// undo brought back the organisation imported before).
test('importing another organisation empties the editor\'s undo', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await importBuffer(page, 'linhe.csv', fixture('organisation-county-linhe.csv'));
    const linhe = await ownBase(page);
    await page.click('[data-panel="org-editor"] summary');
    await page.click('[data-org-unit="JJ"] [data-action="org-delete"]');
    await page.click('[data-org-unit="JJ"] [data-action="org-delete-all"]');
    await page.waitForFunction((k) => document.querySelector('[data-own]')?.dataset.own !== k, linhe);
    assert.equal(await page.isDisabled('[data-action="org-undo"]'), false);
    await importBuffer(page, 'donghu.csv', fixture('organisation-utf8.csv'));
    await page.waitForSelector('[data-org-status="good"]');
    await page.waitForFunction(() => document.querySelector('[data-action="org-undo"]')?.disabled);
    assert.match(await page.textContent('[data-own]'), /Donghu/);
  });
});

test('a file dropped where nothing imports it (presenter mode, the embedded page) is kept from the browser, which would leave the app to show it; a file field keeps its own drop', async () => {
  const drop = (page, target = 'body') => page.evaluate((target) => {
    const dt = new DataTransfer();
    dt.items.add(new File(['id,parent\n'], 'org.csv', { type: 'text/csv' }));
    const el = document.querySelector(target);
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    el.dispatchEvent(over);
    const dropped = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    el.dispatchEvent(dropped);
    return [over.defaultPrevented, dropped.defaultPrevented];
  }, target);
  for (const [query, ready] of [
    ['case=haidong&present=1', '.presenter'],
    ['case=tianjin&embed=1', '[data-embed]'],
  ]) {
    await withPage(env.browser, `${env.server.url}?${query}&lang=en`, { ready }, async ({ page }) => {
      assert.deepEqual(await drop(page), [true, true], query);
      assert.equal(await page.locator('[data-org-status]').count(), 0, 'nothing imported');
    });
  }
  // On the case page, a file dropped on the scenario import's field is that field's (the
  // browser gives it the file), not the organisation panel's.
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, async ({ page }) => {
    await page.waitForSelector('input[data-action="import-scenario"]', { state: 'attached' });
    assert.deepEqual(await drop(page, 'input[data-action="import-scenario"]'), [false, false]);
    assert.equal(await page.locator('[data-org-status]').count(), 0, 'not imported as an organisation');
    // Anywhere else on it, the panel imports the drop (here a file it cannot read).
    assert.deepEqual(await drop(page), [true, true]);
    await page.waitForSelector('[data-org-status]');
  });
  // A dragged text (not a file) is left to the browser.
  await withPage(env.browser, `${env.server.url}?case=haidong&present=1&lang=en`, { ready: '.presenter' }, async ({ page }) => {
    const text = await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', 'hello');
      const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
      document.body.dispatchEvent(over);
      return over.defaultPrevented;
    });
    assert.equal(text, false);
  });
});
