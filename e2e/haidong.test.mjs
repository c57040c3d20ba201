// End-to-end for Haidong's editable station table and the workload tables.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { metric, settledUrl, useBrowser, waitMetric, withPage } from './support.mjs';

const env = useBrowser(before, after);

const cell = (row, field) => `[data-panel="rows"] input[data-row="${row}"][data-field="${field}"]`;

test('editing a station changes the model, the URL and survives reload', async () => {
  await withPage(env.browser, `${env.server.url}?case=haidong`, async ({ page }) => {
    // Workload: stations before, districts after, incidents per officer on every row.
    const before = await page.locator('[data-workload="before"] [data-work-unit]').count();
    const districts = await metric(page, 'districts', 'after');
    assert.equal(before, await metric(page, 'stations', 'before'));
    assert.equal(await page.locator('[data-workload="after"] [data-work-unit]').count(), districts);
    assert.ok(districts >= 2 && districts <= 5, `districts ${districts}`);
    assert.ok((await metric(page, 'workload_spread', 'after')) < (await metric(page, 'workload_spread', 'before')));

    await page.click('[data-panel="rows"] summary');
    const total = await metric(page, 'staff_total', 'before');
    const old = Number(await page.inputValue(cell(3, 'staff')));
    await page.fill(cell(3, 'staff'), String(old + 7));
    await page.press(cell(3, 'staff'), 'Enter');
    await waitMetric(page, 'staff_total', total + 7, 'before');
    assert.equal(new URL((await settledUrl(page))).searchParams.get('s3.staff'), String(old + 7));
    assert.equal((await page.textContent('[data-workload="before"] [data-work-unit="s3"] td')).trim(), String(old + 7));

    // A bad value is named and changes nothing.
    await page.fill(cell(4, 'incidents'), 'abc');
    await page.press(cell(4, 'incidents'), 'Enter');
    assert.match(await page.textContent('[data-panel="rows"] .error'), /abc/);
    assert.equal(new URL((await settledUrl(page))).searchParams.get('s4.incidents'), null);

    // The edit survives a reload (the URL is the state), then "undo all edits" clears it.
    await page.reload();
    await page.waitForSelector('[data-metric="staff_total"][data-phase="before"]');
    assert.equal(await metric(page, 'staff_total', 'before'), total + 7);
    await page.click('[data-panel="rows"] summary');
    await page.click('[data-action="clear-edits"]');
    await waitMetric(page, 'staff_total', total, 'before');
    assert.equal(new URL((await settledUrl(page))).searchParams.get('s3.staff'), null);
  });
});

test('a bad row edit in a link becomes a notice', async () => {
  await withPage(env.browser, `${env.server.url}?case=haidong&s2.staff=-5&s2.bogus=1`, async ({ page }) => {
    const notice = await page.textContent('.url-notice');
    assert.match(notice, /s2\.staff/);
    assert.match(notice, /s2\.bogus/);
  });
});
