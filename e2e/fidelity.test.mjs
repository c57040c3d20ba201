// End-to-end for how each reported figure is matched (issue 19): beside every reported figure
// on the page (the numbers table, the figures the model has no metric for, the response table's
// "Reported" column) each side says whether it is an input, calibrated, emerges from the model
// or is only quoted (`data-match`, `data-phase`), and the sources panel lists the calibrated
// ones together, every one of them and nothing else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, withPage } from './support.mjs';

const expected = JSON.parse(readFileSync(new URL('../target/e2e-expected.json', import.meta.url), 'utf8'));
const env = useBrowser(before, after);
const KINDS = ['input', 'calibrated', 'emerges', 'quoted'];

/** What the page shows: each reported figure with the matches beside it, and the sources
 *  panel's calibrated list. */
const survey = (page) => page.evaluate(() => {
  const figures = [...document.querySelectorAll('[data-reported], [data-reported-effect]')].map((el) => {
    const box = el.closest('td, li');
    return {
      figure: el.dataset.reported ?? `effect ${el.dataset.reportedEffect}`,
      text: el.textContent,
      matches: [...box.querySelectorAll('[data-match]')].map((m) => ({
        kind: m.dataset.match, phase: m.dataset.phase, figure: m.dataset.figure, text: m.textContent.trim(),
      })),
    };
  });
  const listed = [...document.querySelectorAll('[data-panel="sources"] li[data-calibrated]')]
    .map((li) => `${li.dataset.calibrated}/${li.dataset.phase}`);
  const none = document.querySelector('[data-panel="sources"] [data-calibrated-none]') !== null;
  return { figures, listed, none };
});

for (const key of Object.keys(expected)) {
  const [caseKey, variant] = key.split('/');
  test(`${key}: every reported figure says how it is matched; the sources list the calibrated ones`, async () => {
    await withPage(env.browser, `${env.server.url}?case=${caseKey}&variant=${variant}&lang=en`, async ({ page }) => {
      const { figures, listed, none } = await survey(page);
      // A scope whose source reports no figure (Daqing's headquarters and Yunnan's model) has
      // none to match; every other shows some.
      assert.equal(figures.length > 0, expected[key].reported > 0, 'reported figures');
      const calibrated = new Set();
      for (const f of figures) {
        assert.ok(f.matches.length >= 1 && f.matches.length <= 2, `${f.figure}: ${f.matches.length} matches`);
        // One match a side the figure has: "a → b" has two, "— → b" one.
        const sides = f.text.includes('—') ? 1 : 2;
        assert.equal(f.matches.length, sides, `${f.figure} “${f.text}”`);
        for (const m of f.matches) {
          assert.ok(KINDS.includes(m.kind), `${f.figure}: ${m.kind}`);
          assert.ok(['before', 'after'].includes(m.phase), `${f.figure}: ${m.phase}`);
          assert.ok(m.text.length > 0, `${f.figure}: empty label`);
          if (m.kind === 'calibrated') {
            assert.match(m.text, /calibrated: \S/, `${f.figure}: names the assumption`);
            calibrated.add(`${m.figure}/${m.phase}`);
          }
          if (m.kind === 'input') assert.match(m.text, /^(before: |after: )?input/);
        }
      }
      assert.deepEqual([...new Set(listed)].sort(), [...calibrated].sort(), 'the sources panel lists exactly the calibrated sides');
      assert.equal(none, calibrated.size === 0);
    });
  });
}

test('Pujiang: the 23.2 % cut is calibrated by the headquarters staff, in both languages', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang&variant=pujiang&lang=en`, async ({ page }) => {
    const li = page.locator('.reported-only li', { hasText: '23.2' });
    const m = li.locator('[data-match][data-phase="after"]');
    assert.equal(await m.getAttribute('data-match'), 'calibrated');
    assert.match(await m.textContent(), /calibrated: Headquarters and branch department staff before/);
    await page.click('[data-panel="sources"] summary');
    const item = page.locator('[data-panel="sources"] li[data-calibrated]', { hasText: '23.2' });
    assert.equal(await item.getAttribute('data-params'), 'organ_staff_before');
    assert.match(await page.textContent('[data-panel="sources"]'), /a calibrated match is not a confirmation/);
    // The 26 → 8 units are inputs, side by side.
    const units = await page.$$eval('[data-row="internal_units"] [data-match]', (ms) => ms.map((x) => x.dataset.match));
    assert.deepEqual(units, ['input', 'input']);
    await page.click('[data-lang="zh-Hans"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    assert.match(await m.textContent(), /^校准：机关警种部门警力（改革前）/);
  });
});

test('Daqing on a phone: the stations 70 → 0 are an input then emerge; the response time is calibrated, and the labels fit', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing`, { viewport: { width: 390, height: 844 } }, async ({ page }) => {
    const kinds = await page.$$eval('[data-row="stations"] [data-match]', (ms) => ms.map((x) => `${x.dataset.phase}:${x.dataset.match}`));
    assert.deepEqual(kinds, ['before:input', 'after:emerges']);
    const rt = await page.$$eval('[data-reported="response_time"] [data-match]', (ms) => ms.map((x) => x.dataset.match));
    assert.deepEqual(rt, ['calibrated', 'calibrated']);
    // Calibrated labels stand apart from the others (their own background).
    const bg = await page.$$eval('[data-match]', (ms) => ms.map((x) => [x.dataset.match, getComputedStyle(x).backgroundColor]));
    const calibratedBg = new Set(bg.filter(([k]) => k === 'calibrated').map(([, c]) => c));
    const otherBg = new Set(bg.filter(([k]) => k !== 'calibrated').map(([, c]) => c));
    assert.equal(calibratedBg.size, 1);
    assert.ok(![...otherBg].some((c) => calibratedBg.has(c)), `${[...calibratedBg]} against ${[...otherBg]}`);
    // No label is wider than the phone.
    const widest = await page.$$eval('[data-match]', (ms) => Math.max(...ms.map((x) => x.getBoundingClientRect().width)));
    assert.ok(widest <= 390, `${widest}px`);
  });
});
