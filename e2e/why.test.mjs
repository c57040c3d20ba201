// "Why this reform · what the sources report" (ui/why.rs): on each case's page, in Chinese and in
// English, the problems the sources name and the outcomes they report, every one quoted verbatim
// from its document in that document's script (`lang`), each outcome labelled as reported, not
// computed by the model; folded (its summary says how much it holds) and opened by keyboard, opened
// for printing, legible in every theme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBrowser, withPage } from './support.mjs';
import { contrastIn } from './in-page.mjs';

const env = useBrowser(before, after);

const CASES = ['daqing', 'zhejiang', 'tianjin', 'haidong'];
const TITLE = { zh: '为什么改革 · 报告的成效', en: 'Why this reform · What the sources report' };
const REPORTED = { zh: '资料报告，非模型计算', en: 'reported, not computed by the model' };
const HAN = /[\u4e00-\u9fff]/;

// The seed documents beside the checkout (as tests/common reads them), line breaks taken out;
// absent elsewhere, and the verbatim check is skipped.
const SEEDS = resolve(process.cwd(), '../shared/seeds');
const seed = (() => {
  const texts = new Map();
  return (doc) => {
    if (!texts.has(doc)) {
      let text = null;
      try {
        const file = readdirSync(SEEDS).find((f) => f.startsWith(doc));
        if (file) text = readFileSync(resolve(SEEDS, file), 'utf8').replace(/[\r\n]/g, '');
      } catch { /* no seeds here */ }
      texts.set(doc, text);
    }
    return texts.get(doc);
  };
})();

/** What the panel shows, read in the page. */
const panel = (page) => page.$eval('[data-panel="why"]', (d) => {
  const items = (kind) => [...d.querySelectorAll(`li[data-why="${kind}"]`)].map((li) => ({
    doc: li.dataset.doc,
    label: li.querySelector('.why-label')?.textContent ?? '',
    en: li.querySelector('.why-en')?.textContent ?? null,
    quotes: [...li.querySelectorAll('[lang]')].map((q) => ({ lang: q.lang, text: q.textContent })),
    reported: [...li.querySelectorAll('[data-why-label="reported"]')].map((e) => e.textContent),
  }));
  return {
    tag: d.tagName,
    open: d.open,
    title: d.querySelector('summary h2').textContent.trim(),
    count: d.querySelector('[data-why-count]')?.textContent ?? '',
    problems: items('problem'),
    outcomes: items('outcome'),
    none: d.querySelector('[data-why-none]')?.textContent ?? null,
  };
});

for (const lang of ['zh', 'en']) {
  test(`every case's page shows why and what the sources report, in ${lang}`, async () => {
    await withPage(env.browser, `${env.server.url}?case=daqing&lang=${lang}`, async ({ page }) => {
      for (const c of CASES) {
        if (c !== 'daqing') {
          // Switched in the page: the panel follows the case.
          await page.click(`[data-case="${c}"]`);
          await page.waitForFunction((k) => document.querySelector(`[data-case="${k}"]`)?.getAttribute('aria-pressed') === 'true', c);
        }
        const p = await panel(page);
        assert.equal(p.tag, 'DETAILS', c);
        // Folded: open, it is taller than the first screen; its summary says how much it holds.
        assert.equal(p.open, false, `${c}: folded`);
        assert.ok(p.count.includes(String(p.problems.length)) && p.count.includes(String(p.outcomes.length)), `${c}: ${p.count}`);
        assert.equal(p.title, TITLE[lang], c);
        assert.ok(p.problems.length >= 1, `${c}: no problem`);
        if (c === 'haidong') {
          // Its source is the guidance that launches the reform: it reports no outcome, and says so.
          assert.equal(p.outcomes.length, 0);
          assert.ok(p.none && p.none.length > 5, `${c}: no reason given`);
        } else {
          assert.ok(p.outcomes.length >= 1, `${c}: no outcome`);
          assert.equal(p.none, null);
        }
        for (const [kind, list] of [['problem', p.problems], ['outcome', p.outcomes]]) {
          for (const it of list) {
            const what = `${c} ${kind} ${it.label}`;
            assert.ok(it.label.trim().length > 0, what);
            if (lang === 'en') assert.doesNotMatch(it.label, HAN, what);
            else assert.match(it.label, HAN, what);
            // Only the quote carries its own language; the document's script: 003 traditional.
            assert.equal(it.quotes.length, 1, what);
            const [q] = it.quotes;
            assert.equal(q.lang, it.doc === '003' ? 'zh-Hant' : 'zh-Hans', what);
            const text = seed(it.doc);
            if (text !== null) assert.ok(text.includes(q.text), `${what}: not verbatim in ${it.doc}: ${q.text}`);
            // Each outcome, and only an outcome, is labelled as reported, not computed.
            assert.deepEqual(it.reported, kind === 'outcome' ? [REPORTED[lang]] : [], what);
            // The English rendering only on the English page.
            if (lang === 'zh') assert.equal(it.en, null, what);
            else if (it.en !== null) assert.doesNotMatch(it.en, HAN, what);
          }
        }
        if (lang === 'en') assert.ok(p.problems.every((it) => it.en), `${c}: a problem has no English`);
        if (c === 'tianjin') assert.ok(p.problems.every((it) => it.doc === '003'));
      }
      // Traditional Chinese: the UI text converted, the quotes in their documents' own script.
      await page.click('[data-lang="zh-Hant"]');
      await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
      const hant = await panel(page);
      assert.equal(hant.title, '為什麼改革 · 報告的成效');
      assert.equal(hant.problems[0].quotes[0].lang, 'zh-Hans');
      assert.ok(hant.outcomes.length === 0 && /[報告]/.test(hant.none));
    });
  });
}

test("Yunnan's scope (a related model drawn under Daqing) says the panel lists Daqing's reform's problems", async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&variant=yunnan&lang=en`, async ({ page }) => {
    const note = () => page.$eval('[data-panel="why"]', (d) => d.querySelector('[data-why-related]')?.textContent ?? null);
    assert.match(await note(), /related model.*not Daqing's reform/);
    // Another scope of the same case: no note.
    await page.click('[data-variant="urban"]');
    await page.waitForFunction(() => document.querySelector('[data-variant="urban"]').getAttribute('aria-pressed') === 'true');
    assert.equal(await note(), null);
    await page.click('[data-variant="yunnan"]');
    await page.click('[data-lang="zh-Hans"]');
    await page.waitForFunction(() => /相关模式/.test(document.querySelector('[data-why-related]')?.textContent ?? ''));
  });
});

test('on a phone the panel is folded, opens by keyboard and does not widen the page', async () => {
  await withPage(env.browser, `${env.server.url}?case=tianjin&lang=zh`, { viewport: { width: 390, height: 844 } }, async ({ page }) => {
    assert.equal((await panel(page)).open, false);
    await page.focus('[data-panel="why"] > summary');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-panel="why"]').open);
    const layout = await page.evaluate(() => ({
      wide: document.scrollingElement.scrollWidth - window.innerWidth,
      // One column: every item as wide as the panel's lists.
      cols: new Set([...document.querySelectorAll('[data-panel="why"] li')].map((li) => Math.round(li.getBoundingClientRect().left))).size,
      below: document.querySelector('[data-panel="why"]').getBoundingClientRect().top
        >= document.querySelector('[data-panel="key-figures"]').getBoundingClientRect().bottom,
    }));
    assert.deepEqual(layout, { wide: 0, cols: 1, below: true });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('[data-panel="why"]').open);
  });
});

test('printing opens the panel and closes it again after', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en`, { viewport: { width: 390, height: 844 } }, async ({ page }) => {
    assert.equal((await panel(page)).open, false);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => [...document.querySelectorAll('[data-panel="why"] li')]
      .every((li) => li.getClientRects().length > 0));
    assert.equal(shown, true);
    assert.equal((await panel(page)).open, true);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal((await panel(page)).open, false);
  });
});

test('the composer shows no case\'s why', async () => {
  await withPage(env.browser, `${env.server.url}?view=compose&base=daqing.urban&lang=en`, async ({ page }) => {
    assert.equal(await page.locator('[data-panel="why"]').count(), 0);
  });
});

// The panel's own text against its background (e2e/view.test.mjs measures the rest of the page).
for (const theme of ['light', 'dark', 'projector']) {
  test(`the panel's text meets WCAG AA contrast in the ${theme} theme`, async () => {
    await withPage(env.browser, `${env.server.url}?case=daqing&lang=en&theme=${theme}`, async ({ page }) => {
      const fails = await page.evaluate(contrastIn, ['[data-panel="why"]', ['summary', 'h3', '.why-label', '.why-figure', '.why-reported', '.why-en', '.why-quote', '.why-doc', '.why-count']]);
      assert.deepEqual(fails, []);
    });
  });
}
