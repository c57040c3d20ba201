// End-to-end: the built dist/ served on loopback, driven in headless Chromium as a user would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { metric, setParam, settledUrl, useBrowser, waitMetric, withPage } from './support.mjs';

const env = useBrowser(before, after);

const foreign = (requests) => requests.filter((u) => !u.startsWith(env.server.url) && !u.startsWith('data:'));

test('Daqing loads from its URL with the sourced defaults', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing`, async ({ page, requests }) => {
    assert.equal(await page.getAttribute('[data-case="daqing"]', 'aria-pressed'), 'true');
    assert.equal(await metric(page, 'sub_bureaus', 'before'), 10);
    assert.equal(await metric(page, 'sub_bureaus', 'after'), 20);
    assert.equal(await metric(page, 'stations', 'before'), 70);
    assert.equal(await metric(page, 'management_tiers', 'before'), 3);
    assert.equal(await metric(page, 'management_tiers', 'after'), 2);
    assert.equal(await metric(page, 'command_chain', 'before'), 7);
    assert.equal(await metric(page, 'command_chain', 'after'), 3);
    assert.equal(await metric(page, 'internal_units', 'before'), 20);
    assert.equal(await metric(page, 'internal_units', 'after'), 4);
    assert.ok(Math.abs((await metric(page, 'frontline_share', 'before')) - 0.485) < 0.001);
    const share = await metric(page, 'frontline_share', 'after');
    assert.ok(share > 0.8 && share < 0.95, `computed share ${share}`);
    // Reported figures are shown beside the model's, not in place of them.
    assert.match(await page.textContent('[data-reported="frontline_share"]'), /89/);
    // Every diagram box carries its hooks; the tops hold all the staff.
    const boxes = await page.$$eval('[data-unit-id]', (els) => els.map((e) => [e.dataset.unitId, e.dataset.staff]));
    assert.ok(boxes.length >= 8);
    for (const [id, staff] of boxes) assert.ok(id && staff !== undefined && !Number.isNaN(Number(staff)));
    for (const phase of ['before', 'after']) {
      assert.equal(await page.getAttribute(`[data-phase="${phase}"] [data-unit-id="m"]`, 'data-staff'), '2500');
    }
    // Every parameter shows a source: a quoted document or a labelled assumption.
    const params = await page.$$eval('[data-param]', (els) => els.map((e) => !!e.querySelector('[data-source]')));
    assert.ok(params.length >= 10 && params.every(Boolean));
    assert.deepEqual(foreign(requests), []);
  });
});

test('changing a parameter updates numbers and diagrams, and survives a reload', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing`, async ({ page }) => {
    await setParam(page, 'staff', 3000);
    await waitMetric(page, 'staff_total', 3000);
    assert.equal(await metric(page, 'staff_total', 'before'), 3000);
    assert.equal(await page.getAttribute('[data-phase="after"] [data-unit-id="m"]', 'data-staff'), '3000');
    // 3,000 officers: 20 sub-bureaus of 150 each, still inside the 100–150 standard.
    assert.equal(await metric(page, 'staff_per_sub_bureau'), 150);
    assert.match((await settledUrl(page)), /staff=3000/);
    await page.reload();
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    assert.equal(await metric(page, 'staff_total'), 3000);
    assert.equal(await page.inputValue('#param-staff'), '3000');
    // The keyboard steps a value: ArrowUp adds one step.
    await page.focus('#param-pairs_per_team');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => document.querySelector('#param-pairs_per_team').value === '4');
    assert.ok((await metric(page, 'team_size')) >= 8);
  });
});

test('bad input shows a message next to the field and keeps the last valid result', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing`, async ({ page }) => {
    for (const [text, pattern] of [['abc', /abc/], ['', /数值/], ['-5', /50/], ['12.5', /整数/]]) {
      await setParam(page, 'staff', text);
      await page.waitForFunction(
        (src) => new RegExp(src).test(document.querySelector('[data-error="staff"]').textContent),
        pattern.source,
      );
      assert.equal(await page.getAttribute('#param-staff', 'aria-invalid'), 'true');
      assert.equal(await metric(page, 'staff_total'), 2500);
    }
    // Individually valid but together impossible: a banner, and the last result stays.
    await setParam(page, 'staff', 2600);
    await setParam(page, 'station_frontline', 20);
    await page.waitForSelector('[data-model-error]');
    assert.equal(await metric(page, 'staff_total'), 2600);
    // The kept figures and diagrams are faded, so none is read as the new values' result.
    const faded = () => page.$eval('.key-figures', (e) => getComputedStyle(e).opacity);
    await page.waitForSelector('section.content.stale');
    assert.equal(await faded(), '0.5');
    // Reset restores every default and clears the messages.
    await page.click('[data-action="reset"]');
    await page.waitForFunction(() => !document.querySelector('[data-model-error]'));
    await page.waitForFunction(() => !document.querySelector('section.content.stale'));
    assert.equal(await faded(), '1');
    assert.equal(await metric(page, 'staff_total'), 2500);
    assert.equal(await page.textContent('[data-error="staff"]'), '');
  });
});

test('a bad link is reported, not fatal', async () => {
  await withPage(env.browser, `${env.server.url}?case=atlantis&staff=abc&bogus=1&lang=xx`, async ({ page }) => {
    const items = await page.$$eval('.url-notice li', (els) => els.map((e) => e.textContent));
    assert.equal(items.length, 4, items.join(' | '));
    assert.equal(await metric(page, 'staff_total'), 2500);
    assert.equal(await page.getAttribute('[data-case="daqing"]', 'aria-pressed'), 'true');
    await page.click('.url-notice .dismiss');
    await page.waitForFunction(() => !document.querySelector('.url-notice'));
    assert.equal(await page.$('[data-panic]'), null);
  });
});

// A link of hundreds of unknown parts: the notice lists a few and counts the rest (it listed
// 200 items, pushing the page 5,000 px down), and says that parts past the 200th were ignored.
test('a link of hundreds of bad parts gets a short notice that says what it ignored', async () => {
  const junk = Array.from({ length: 300 }, (_, i) => `k${i}=${i}`).join('&');
  await withPage(env.browser, `${env.server.url}?${junk}&case=tianjin&lang=en`, async ({ page }) => {
    const items = await page.$$eval('.url-notice li', (els) => els.map((e) => e.textContent));
    assert.equal(items.length, 9, items.join(' | '));
    // `case` and `lang` come after the 200th part: ignored, so the page is Daqing's, in Chinese.
    assert.match(items.at(-1), /另有 \d+ 条/);
    assert.ok(items.some((t) => /302 个部分，只读取了前 200 个/.test(t)), items.join(' | '));
    assert.equal(await page.getAttribute('[data-case="daqing"]', 'aria-pressed'), 'true');
    const more = Number(await page.getAttribute('[data-more-notices]', 'data-more-notices'));
    assert.equal(more + 8, 201, 'the 200 parts read are unknown, and one notice says the rest were ignored');
    assert.ok((await page.$eval('.url-notice', (e) => e.getBoundingClientRect().height)) < 400);
    await page.click('.url-notice .dismiss');
    await page.waitForFunction(() => !document.querySelector('.url-notice'));
  });
});

test('English, and the sources behind the defaults', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en&staff=2800`, async ({ page }) => {
    assert.equal(await page.textContent('h1'), 'Reform Explorer');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await metric(page, 'staff_total'), 2800);
    // Open the source of the stations parameter: the quote from document 000.
    await page.click('[data-param="stations_before"] summary');
    assert.match(await page.textContent('[data-param="stations_before"] blockquote'), /70个派出所/);
    // An assumption says so.
    assert.match(await page.textContent('[data-param="population"] [data-source="assumption"] summary'), /Assumption/);
    // Switching to Chinese keeps the state.
    await page.click('[data-lang="zh-Hans"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    assert.equal(await metric(page, 'staff_total'), 2800);
    assert.equal(await page.textContent('h1'), '公安改革模型浏览器');
  });
});

test('the county scope: from its URL and by the scope switch', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&variant=county`, async ({ page }) => {
    assert.equal(await page.getAttribute('[data-variant="county"]', 'aria-pressed'), 'true');
    assert.equal(await metric(page, 'internal_units', 'before'), 30);
    assert.equal(await metric(page, 'internal_units', 'after'), 8);
    assert.equal(await metric(page, 'stations', 'after'), 31);
    assert.equal(await metric(page, 'staff_total', 'before'), await metric(page, 'staff_total', 'after'));
    await setParam(page, 'central_stations_after', 40);
    await waitMetric(page, 'stations', 40);
    // Switching scope loads that scope's defaults and writes it into the URL.
    await page.click('[data-variant="urban"]');
    await waitMetric(page, 'sub_bureaus', 20);
    assert.match((await settledUrl(page)), /variant=urban/);
    assert.doesNotMatch((await settledUrl(page)), /central_stations_after/);
  });
});
