// The top bar on a phone (ui/phone_nav.rs): one row with one selector for the case and its
// scope (and the comparison and the composer) and a menu button for the theme, share and
// language controls; no page scrolls sideways; the key figures come first. Wide screens keep
// the tabs. The parameters open in a drawer there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setParam, settledUrl, useBrowser, waitMetric, withPage } from './support.mjs';

const env = useBrowser(before, after);

const visible = (page, sel) => page.$eval(sel, (e) => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
});
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const [width, height, lang] of [[360, 640, 'en'], [390, 844, 'zh']]) {
  test(`a ${width}x${height} phone (${lang}): one row, a selector for case and scope, a menu`, async () => {
    await withPage(env.browser, `${env.server.url}?case=daqing&lang=${lang}`, { viewport: { width, height } }, async ({ page }) => {
      const bar = await page.$eval('header.topbar', (e) => e.getBoundingClientRect().height);
      assert.ok(bar < 70, `the top bar is ${bar} px high`);
      assert.equal(await visible(page, '[data-action="pick-view"]'), true);
      assert.equal(await visible(page, '[data-case="daqing"]'), false);
      assert.equal(await visible(page, '[data-lang="en"]'), false);
      assert.equal(await page.inputValue('[data-action="pick-view"]'), 'case:daqing:urban');
      assert.ok(await sideways(page) <= 0, 'the page scrolls sideways');
      // The key figures come first, inside the first screen.
      const kf = await page.$eval('[data-panel="key-figures"]', (e) => e.getBoundingClientRect().top);
      assert.ok(kf < height / 3, `key figures start at ${kf}`);
      // The menu opens the rest of the bar, and Escape closes it with focus on its button.
      await page.click('[data-action="menu"]');
      assert.equal(await page.getAttribute('[data-action="menu"]', 'aria-expanded'), 'true');
      assert.equal(await visible(page, '[data-lang="en"]'), true);
      assert.equal(await visible(page, '[data-action="theme"]'), true);
      assert.ok(await sideways(page) <= 0, 'the open menu scrolls the page sideways');
      await page.keyboard.press('Escape');
      assert.equal(await page.getAttribute('[data-action="menu"]', 'aria-expanded'), 'false');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'menu');
      assert.equal(await visible(page, '[data-lang="en"]'), false);
      // A case's second scope in one pick.
      const second = await page.$$eval('[data-action="pick-view"] option', (os) => os.map((o) => o.value).filter((v) => v.startsWith('case:tianjin:'))[1]);
      await page.selectOption('[data-action="pick-view"]', second);
      const variant = second.split(':')[2];
      await page.waitForSelector(`[data-case="tianjin"][aria-pressed="true"]`, { state: 'attached' });
      await page.waitForSelector(`[data-variant="${variant}"][aria-pressed="true"]`, { state: 'attached' });
      assert.match(await settledUrl(page), new RegExp(`variant=${variant}`));
      // The comparison and the composer are there too.
      await page.selectOption('[data-action="pick-view"]', 'compare');
      await page.waitForSelector('[data-view="compare"][aria-pressed="true"]', { state: 'attached' });
      assert.ok(await sideways(page) <= 0, 'the comparison scrolls the page sideways');
      await page.selectOption('[data-action="pick-view"]', 'compose');
      await page.waitForSelector('[data-panel="composer"]');
      assert.equal(await page.inputValue('[data-action="pick-view"]'), 'compose');
      assert.ok(await sideways(page) <= 0, 'the composer scrolls the page sideways');
    });
  });
}

// Browsers change a closed select's value at every arrow key: the keys only move the choice,
// Enter opens it, and a choice left without Enter goes back to the page shown.
test('the phone\'s view selector: arrow keys move the choice, Enter opens it, Tab away keeps the page', async () => {
  // A scope that is not its case's first, with a parameter changed.
  await withPage(env.browser, `${env.server.url}?case=daqing&variant=county&lang=en&county_bureaus=6`, { viewport: { width: 360, height: 640 } }, async ({ page }) => {
    const pick = '[data-action="pick-view"]';
    const here = 'case:daqing:county';
    assert.equal(await page.inputValue(pick), here);
    await page.focus(pick);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.notEqual(await page.inputValue(pick), here, 'ArrowDown moved the choice');
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('[data-variant="county"]', 'aria-pressed'), 'true', 'an arrow key opened another scope');
    assert.match(await settledUrl(page), /variant=county.*county_bureaus=6/);
    await page.keyboard.press('Tab');
    assert.equal(await page.inputValue(pick), here);
    // Enter on the page shown keeps it as it is (it had started the scope afresh).
    await page.focus(pick);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(await page.inputValue('#param-county_bureaus'), '6');
    assert.match(await settledUrl(page), /variant=county.*county_bureaus=6/);
    await page.keyboard.press('ArrowDown');
    const next = await page.inputValue(pick);
    await page.keyboard.press('Enter');
    const [, c, variant] = next.split(':');
    await page.waitForSelector(`[data-case="${c}"][aria-pressed="true"]`, { state: 'attached' });
    await page.waitForSelector(`[data-variant="${variant}"][aria-pressed="true"]`, { state: 'attached' });
    assert.match(await settledUrl(page), new RegExp(`variant=${variant}`));
  });
});

test('on a phone the parameters open in a drawer, work there, and Escape closes it', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, { viewport: { width: 360, height: 640 } }, async ({ page }) => {
    assert.equal(await visible(page, '#param-staff'), false);
    assert.equal(await visible(page, '[data-action="params-open"]'), true);
    await page.click('[data-action="params-open"]');
    await page.waitForFunction(() => document.activeElement?.dataset.action === 'params-close');
    assert.equal(await page.getAttribute('[data-action="params-open"]', 'aria-expanded'), 'true');
    assert.equal(await page.getAttribute('#params-drawer', 'role'), 'dialog');
    assert.equal(await visible(page, '#param-staff'), true);
    assert.ok(await sideways(page) <= 0, 'the drawer scrolls the page sideways');
    await setParam(page, 'staff', 3000);
    await waitMetric(page, 'staff_total', 3000);
    // A modal dialog: Tab goes round inside it.
    assert.equal(await page.getAttribute('#params-drawer', 'aria-modal'), 'true');
    await page.focus('[data-action="params-close"]');
    await page.keyboard.press('Shift+Tab');
    const last = await page.evaluate(() => document.activeElement?.closest('#params-drawer') !== null);
    assert.ok(last, 'Shift+Tab from the first control stays in the drawer');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'params-close', 'Tab from the last control goes to the first');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.dataset.action === 'params-open');
    assert.equal(await visible(page, '#param-staff'), false);
    // The close button closes it too.
    await page.click('[data-action="params-open"]');
    await page.click('[data-action="params-close"]');
    assert.equal(await visible(page, '#param-staff'), false);
  });
});

test('a wide screen keeps the tabs and the controls, and no selector', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, { viewport: { width: 1366, height: 768 } }, async ({ page }) => {
    assert.equal(await visible(page, '[data-action="pick-view"]'), false);
    assert.equal(await visible(page, '[data-action="menu"]'), false);
    assert.equal(await visible(page, '[data-case="zhejiang"]'), true);
    assert.equal(await visible(page, '[data-lang="zh-Hans"]'), true);
    assert.equal(await visible(page, '[data-action="theme"]'), true);
    assert.equal(await visible(page, '#param-staff'), true);
    assert.equal(await visible(page, '[data-action="params-open"]'), false);
  });
});

test('numbers on a 360 px phone: no metric name runs over its figures, in English and Chinese', async () => {
  for (const [kase, lang] of [['daqing', 'en'], ['zhejiang', 'en'], ['haidong', 'zh-Hans']]) {
    await withPage(env.browser, `${env.server.url}?case=${kase}&lang=${lang}`, { viewport: { width: 360, height: 800 } }, async ({ page }) => {
      const overlaps = await page.$$eval('.numbers table[data-group] tbody tr', (rows) => rows.flatMap((tr) => {
        const th = tr.querySelector('th[scope="row"]');
        const name = document.createRange();
        name.selectNodeContents(th);
        const words = [...name.getClientRects()];
        return [...tr.querySelectorAll('td.num')].flatMap((td) => {
          const n = td.getBoundingClientRect();
          return words.some((w) => w.right > n.left + 1 && w.left < n.right - 1 && w.bottom > n.top + 1 && w.top < n.bottom - 1)
            ? [`${th.textContent} over ${td.textContent}`] : [];
        });
      }));
      assert.deepEqual(overlaps, [], `${kase} ${lang}`);
    });
  }
});

test('a phone with the parameters drawer closed: its button says how many values typed are not valid', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, { viewport: { width: 360, height: 740 } }, async ({ page }) => {
    const fab = '[data-action="params-open"]';
    assert.equal(await page.getAttribute(fab, 'data-invalid'), '0');
    await page.click(fab);
    await page.fill('#param-staff', 'abc');
    await page.click('[data-action="params-close"]');
    await page.waitForSelector(`${fab}[data-invalid="1"]`);
    assert.match(await page.textContent(fab), /1 not valid/);
    await page.click(fab);
    await page.fill('#param-staff', '2600');
    await page.click('[data-action="params-close"]');
    await page.waitForSelector(`${fab}[data-invalid="0"]`);
    assert.doesNotMatch(await page.textContent(fab), /not valid/);
  });
});

test('the phone\'s menu closes when Tab leaves it', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, { viewport: { width: 390, height: 844 } }, async ({ page }) => {
    await page.click('[data-action="menu"]');
    await page.waitForSelector('header.topbar.menu-open');
    await page.focus('header.topbar [data-lang="en"]');
    await page.keyboard.press('Tab');
    await page.waitForSelector('header.topbar:not(.menu-open)');
    assert.equal(await page.evaluate(() => document.activeElement.closest('header.topbar')), null);
  });
});

// WCAG 2.2's target size (2.5.8): on a phone every control is at least 24 px square (a checkbox
// counts with its label). Every fold is opened first, so that what it holds is measured too, and
// so are the parameters' drawer and the bar's menu. Not counted: links inside a sentence (the
// criterion's own exception) and the diagram's boxes, which are drawn at the tree's scale and
// zoom with it.
const smallTargets = (page) => page.evaluate(() => {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  return [...document.querySelectorAll(sel)].flatMap((e0) => {
    if (e0.closest('[inert], .diagram-svg')) return [];
    const e = (e0.matches('input[type=checkbox], input[type=radio]') && e0.closest('label')) || e0;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') return [];
    if (r.width >= 24 && r.height >= 24) return [];
    const inline = e.tagName === 'A' && getComputedStyle(e).display === 'inline';
    if (inline) return [];
    const name = (e.dataset.action || e.className || e.tagName).toString();
    return [`${name} "${(e.textContent || '').trim().slice(0, 24)}" ${Math.round(r.width)}x${Math.round(r.height)}`];
  });
});

for (const [query, ready] of [
  ['?case=daqing&lang=en', undefined],
  ['?case=tianjin&lang=zh-Hans', undefined],
  ['?view=compare&lang=en', '[data-page="compare"] [data-compare]'],
  ['?view=compose&lang=en', '[data-panel="composer"]'],
]) {
  test(`a 390 px phone (${query}): every control is at least 24 px square`, async () => {
    await withPage(env.browser, `${env.server.url}${query}`, { viewport: { width: 390, height: 844 }, ready }, async ({ page }) => {
      const settle = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 300))));
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      await page.click('[data-action="menu"]');
      await settle();
      const small = await smallTargets(page);
      await page.keyboard.press('Escape');
      if (await visible(page, '[data-action="params-open"]')) {
        await page.click('[data-action="params-open"]');
        await page.evaluate(() => document.querySelectorAll('#params-drawer details').forEach((d) => { d.open = true; }));
        await settle();
        small.push(...await smallTargets(page));
      }
      assert.deepEqual([...new Set(small)], []);
    });
  });
}

// The floating "Parameters" button covered the controls Tab scrolled to at the bottom of the
// window (the composer's last measure's ↓ and ×): a control with keyboard focus is never
// largely under it.
test('on a phone, no control Tab reaches is under the floating Parameters button', async () => {
  const url = `${env.server.url}?view=compose&base=org.typical_city&levers=daqing.urban.fewer_tiers,daqing.urban.merge_units,tianjin.station.office_leads_teams&lang=en`;
  await withPage(env.browser, url, { viewport: { width: 360, height: 740 }, ready: '[data-panel="composer"]' }, async ({ page }) => {
    const covered = [];
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const hit = await page.evaluate(() => {
        const fab = document.querySelector('[data-action="params-open"]').getBoundingClientRect();
        const e = document.activeElement;
        if (!e || e === document.body || e.dataset.action === 'params-open') return null;
        const r = e.getBoundingClientRect();
        // Covered: a quarter of it or more under the button (a tall table's frame always
        // passes behind it in part; WCAG 2.4.11 asks that focus is not hidden).
        const w = Math.max(0, Math.min(r.right, fab.right) - Math.max(r.left, fab.left));
        const h = Math.max(0, Math.min(r.bottom, fab.bottom) - Math.max(r.top, fab.top));
        const over = w * h >= 0.25 * r.width * r.height;
        return over && w * h > 0 ? `${e.tagName} ${e.dataset.action || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30)}` : null;
      });
      if (hit) covered.push(hit);
    }
    assert.deepEqual(covered, []);
  });
});

// The comparison's tables scroll sideways in their frame on a phone: the figure names stay at
// the frame's left edge, so a case scrolled to still says which figure each row is.
test('on a phone the comparison table keeps its figure names in view when scrolled sideways', async () => {
  await withPage(env.browser, `${env.server.url}?view=compare&lang=en`, { viewport: { width: 390, height: 844 }, ready: '.compare-table td' }, async ({ page }) => {
    // The comparison first, the city's inputs under it.
    const [table, city] = await page.evaluate(() => ['.compare-table', 'aside.params'].map((s) => document.querySelector(s).getBoundingClientRect().top));
    assert.ok(table < city, `the table at ${table}, the city's inputs at ${city}`);
    const at = () => page.evaluate(() => {
      const frame = document.querySelector('.compare-table').closest('.table-scroll');
      const name = frame.querySelector('tbody th[scope="row"]').getBoundingClientRect().left;
      const cell = frame.querySelector('tbody td').getBoundingClientRect().left;
      return { frame: frame.getBoundingClientRect().left, name, cell, scrolls: frame.scrollWidth > frame.clientWidth };
    });
    const before = await at();
    assert.ok(before.scrolls, 'the table is wider than its frame at 390 px');
    const moved = await page.$eval('.compare-table', (t) => {
      const frame = t.closest('.table-scroll');
      frame.scrollLeft = frame.scrollWidth;
      return frame.scrollLeft;
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    const after = await at();
    assert.ok(moved > 20, `scrolled ${moved} px`);
    assert.ok(Math.abs(after.cell - (before.cell - moved)) <= 1, `the cells scrolled ${moved} px: ${before.cell} → ${after.cell}`);
    assert.ok(Math.abs(after.name - after.frame) <= 1, `the figure name at ${after.name}, the frame at ${after.frame}`);
  });
});
