// End-to-end for the key figures first (issue 21, item 1): the strip at the top of every case,
// step and composed scenario shows the variant's key figures, before → at the step shown, with
// the same values as the numbers table (and the response panel for the response time), the
// reported figure beside each figure that has one, and sits inside the first screen at
// 1366×768 and at 390×844 without scrolling. Nothing here is a hard-coded number.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setParam, useBrowser, withPage } from './support.mjs';

const expected = JSON.parse(readFileSync(new URL('../target/e2e-expected.json', import.meta.url), 'utf8'));
const env = useBrowser(before, after);
const STRIP = '[data-panel="key-figures"]';

/** The strip as { key: { before, after, reported } } in its order, and the same figures as the
 *  rest of the page shows them (the numbers table, the response table). */
const survey = (page) => page.evaluate((strip) => {
  const cards = [...document.querySelectorAll(`${strip} [data-key-figure]`)].map((li) => {
    const key = li.dataset.keyFigure;
    const cell = (phase) => li.querySelector(`[data-phase="${phase}"]`);
    const rep = li.querySelector('[data-key-reported]');
    const table = (phase) => document.querySelector(key === 'response_time'
      ? `[data-panel="response"] td[data-response="total"][data-phase="${phase}"]`
      : `[data-metric="${key}"][data-phase="${phase}"]`);
    const tableRep = document.querySelector(`[data-reported="${key}"]`);
    return {
      key,
      strip: { before: cell('before').dataset.value, after: cell('after').dataset.value,
        beforeText: cell('before').textContent, afterText: cell('after').textContent },
      table: { before: table('before')?.dataset.value, after: table('after')?.dataset.value,
        beforeText: table('before')?.textContent.trim(), afterText: table('after')?.textContent.trim() },
      reported: rep && { for: rep.dataset.keyReported, value: rep.querySelector('.kf-reported-value').textContent,
        doc: rep.querySelector('[data-source]')?.dataset.doc ?? rep.querySelector('[data-source]')?.dataset.source,
        matches: [...rep.querySelectorAll('[data-key-match]')].map((m) => m.dataset.keyMatch) },
      tableReported: tableRep && { text: tableRep.textContent,
        matches: [...new Set([...tableRep.closest('td, li').querySelectorAll('[data-match]')].map((m) => m.dataset.match))] },
    };
  });
  return cards;
}, STRIP);

/** The strip's figures equal the page's other figures, value and text; a reported figure sits
 *  beside each figure the variant reports, and only there. */
function checkCards(cards, where, { responseShown = true } = {}) {
  assert.ok(cards.length >= 1 && cards.length <= 6, `${where}: ${cards.length} key figures`);
  assert.equal(new Set(cards.map((c) => c.key)).size, cards.length, `${where}: each once`);
  for (const c of cards) {
    if (c.key === 'response_time' && !responseShown) continue;
    assert.ok(c.table.before !== undefined, `${where} ${c.key}: in the numbers`);
    assert.equal(c.strip.before, c.table.before, `${where} ${c.key} before`);
    assert.equal(c.strip.after, c.table.after, `${where} ${c.key} after`);
    // A value on each side, or "—" for a mean over no units (officers per team before any team).
    for (const side of ['before', 'after']) {
      assert.ok(c.strip[side] !== '' || (c.key !== 'response_time' && c.strip[`${side}Text`] === '—'),
        `${where} ${c.key} ${side}: a value`);
    }
    if (c.key !== 'response_time') {
      assert.equal(c.strip.beforeText, c.table.beforeText, `${where} ${c.key} written the same`);
      assert.equal(c.strip.afterText, c.table.afterText, `${where} ${c.key} written the same`);
    }
    if (c.tableReported) {
      assert.ok(c.reported, `${where} ${c.key}: the reported figure beside it`);
      assert.equal(c.reported.for, c.key);
      assert.ok(c.tableReported.text.includes(c.reported.value), `${where} ${c.key}: “${c.reported.value}” in “${c.tableReported.text}”`);
      assert.ok(c.reported.doc, `${where} ${c.key}: its source`);
      assert.deepEqual(c.reported.matches, c.tableReported.matches, `${where} ${c.key}: how it is matched`);
    } else {
      assert.equal(c.reported, null, `${where} ${c.key}: nothing reported`);
    }
  }
}

/** The strip is wholly inside the viewport, the page not scrolled. */
async function inFirstScreen(page, where) {
  const { box, scrollY, w, h } = await page.evaluate((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return { box: { top: r.top, bottom: r.bottom, left: r.left, right: r.right }, scrollY: window.scrollY, w: innerWidth, h: innerHeight };
  }, STRIP);
  assert.equal(scrollY, 0, `${where}: not scrolled`);
  assert.ok(box.top >= 0 && box.left >= 0, `${where}: ${JSON.stringify(box)}`);
  assert.ok(box.bottom <= h && box.right <= w, `${where}: ${JSON.stringify(box)} in ${w}×${h}`);
}

for (const key of Object.keys(expected)) {
  const [kase, variant] = key.split('/');
  const model = expected[key];
  test(`${key}: the key figures equal the numbers at two steps, reported beside them, in the first screen`, async () => {
    const last = model.levers.length;
    await withPage(env.browser, `${env.server.url}?case=${kase}&variant=${variant}&lang=en`, { viewport: { width: 1366, height: 768 } }, async ({ page }) => {
      await inFirstScreen(page, `${key} 1366×768`);
      const at = async (step) => {
        await page.click(`[data-step="${step}"]`);
        await page.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
        const cards = await survey(page);
        checkCards(cards, `${key} step ${step}`);
        return cards;
      };
      const final = await at(last);
      const first = await at(last > 1 ? 1 : 0);
      // The keys are the variant's, whatever the step; the figures follow it.
      assert.deepEqual(first.map((c) => c.key), final.map((c) => c.key));
      assert.ok(final.some((c) => c.strip.before !== c.strip.after), `${key}: the reform changes a key figure`);
    });
    for (const lang of ['en', 'zh']) {
      await withPage(env.browser, `${env.server.url}?case=${kase}&variant=${variant}&lang=${lang}`, { viewport: { width: 390, height: 844 } }, async ({ page }) => {
        await inFirstScreen(page, `${key} 390×844 ${lang}`);
      });
    }
  });
}

test('Daqing urban: the response time follows the patrol parameters, and the reported 15 → 9 min sits beside it', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&variant=urban&lang=en`, async ({ page }) => {
    const card = `${STRIP} [data-key-figure="response_time"]`;
    assert.match(await page.textContent(`${card} [data-key-reported]`), /15 min → 9 min/);
    assert.match(await page.textContent(`${card} [data-key-reported]`), /calibrated/);
    assert.match(await page.textContent(`${STRIP} [data-key-figure="frontline_share"] [data-key-reported]`), /48\.5%.*89%/);
    await setParam(page, 'rt_cars_after', 3);
    await page.waitForFunction((c) => {
      const a = document.querySelector(`${c} [data-phase="after"]`).dataset.value;
      return a === document.querySelector('td[data-response="total"][data-phase="after"]')?.dataset.value;
    }, card);
    checkCards(await survey(page), 'daqing/urban, 3 cars per 100');
  });
});

test('a composed reform shows its parts’ key figures (typical city + Daqing’s fewer tiers)', async () => {
  const url = `${env.server.url}?view=compose&base=org.typical_city&levers=daqing.urban.fewer_tiers&lang=en`;
  await withPage(env.browser, url, { viewport: { width: 1366, height: 768 } }, async ({ page }) => {
    await inFirstScreen(page, 'composed 1366×768');
    for (const step of [1, 0]) {
      await page.click(`[data-step="${step}"]`);
      await page.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
      const cards = await survey(page);
      assert.deepEqual(cards.map((c) => c.key),
        ['frontline_share', 'organ_staff', 'management_tiers', 'command_chain', 'sub_bureaus', 'stations']);
      checkCards(cards, `composed step ${step}`);
      // A composed reform shows no reported figures.
      assert.ok(cards.every((c) => c.reported === null));
      if (step === 1) assert.ok(cards.some((c) => c.strip.before !== c.strip.after));
      else assert.ok(cards.every((c) => c.strip.before === c.strip.after));
    }
  });
});

test('the embedded page shows the key figures too', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang&embed=1&lang=en`, async ({ page }) => {
    checkCards(await survey(page), 'embedded zhejiang');
  });
});

test('a mean over no units is written "—", not 0: officers per team before Tianjin\'s station has teams', async () => {
  const model = expected['tianjin/station'];
  assert.equal(model.steps[0].team_size, '', 'the model has no mean before the teams exist');
  assert.notEqual(model.steps[model.levers.length].team_size, '');
  await withPage(env.browser, `${env.server.url}?case=tianjin&variant=station&lang=en`, async ({ page }) => {
    const card = survey(page).then((cs) => cs.find((c) => c.key === 'team_size'));
    const { strip, table } = await card;
    assert.equal(strip.before, '');
    assert.equal(strip.beforeText, '—');
    assert.equal(table.beforeText, '—');
    assert.equal(strip.after, model.steps[model.levers.length].team_size);
    assert.equal(await page.textContent('[data-row="team_size"] td.change'), '—');
  });
});

// The match tags are a button (a `title` is not there on a phone or for a keyboard): Enter
// shows what they mean, a side a line, in the words the numbers table uses; again hides it.
test('a key figure\'s match tags say what they mean when pressed, by keyboard or tap', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, { viewport: { width: 390, height: 844 } }, async ({ page }) => {
    const card = `${STRIP} [data-key-figure="frontline_share"]`;
    const button = `${card} [data-action="key-match"]`;
    assert.equal(await page.getAttribute(button, 'aria-expanded'), 'false');
    assert.equal(await page.$(`${card} [data-key-match-text]`), null);
    await page.focus(button);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${card} [data-key-match-text]`);
    assert.equal(await page.getAttribute(button, 'aria-expanded'), 'true');
    const lines = await page.$$eval(`${card} [data-key-match-text] > span`, (s) => s.map((e) => e.textContent));
    const table = await page.$eval('[data-reported="frontline_share"]', (e) => e.closest('td, li').textContent);
    assert.deepEqual(lines.map((t) => t.split(': ')[0]), ['Before', 'After']);
    for (const t of lines) {
      const said = t.slice(t.indexOf(': ') + 2);
      assert.ok(said.length > 5 && table.includes(said), `“${said}” is what the numbers table says: “${table}”`);
    }
    await page.click(button);
    await page.waitForSelector(`${card} [data-key-match-text]`, { state: 'detached' });
    assert.equal(await page.getAttribute(button, 'aria-expanded'), 'false');
  });
});
