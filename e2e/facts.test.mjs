// End-to-end for the facts the sources report in words and document 001's related models
// (issue 19): the sources panel lists each of the scope's facts, marked "reported, not computed
// by the model", with its quote in its own script (document 003's in traditional characters),
// and the related models with their modes, in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);

/** The sources panel's facts and related models, opened. */
const survey = async (page) => {
  await page.click('[data-panel="sources"] summary');
  return page.evaluate(() => {
    const panel = document.querySelector('[data-panel="sources"]');
    const quotes = (el) => [...el.querySelectorAll('q')].map((q) => ({ lang: q.lang, text: q.textContent }));
    return {
      facts: [...panel.querySelectorAll('li[data-fact]')].map((li) => ({
        key: li.dataset.fact, text: li.textContent, quotes: quotes(li),
        reported: li.querySelector('.match-quoted')?.textContent ?? '',
      })),
      related: [...panel.querySelectorAll('li[data-related]')].map((li) => ({
        key: li.dataset.related,
        parts: [...li.querySelectorAll('li[data-related-part]')].map((p) => p.dataset.relatedPart),
        quotes: quotes(li),
        text: li.textContent,
      })),
      doc: panel.querySelector('ul.related')?.dataset.relatedDoc,
      // No fact or related model adds a match hook that the reported figures' checks count.
      stray: panel.querySelectorAll('li[data-fact] [data-match], li[data-related] [data-match]').length,
    };
  });
};

test('Nanhu: the people measures and the provincial merges are reported facts with their quotes', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang&variant=nanhu&lang=en`, async ({ page }) => {
    const { facts, related, doc, stray } = await survey(page);
    const keys = facts.map((f) => f.key);
    for (const k of ['middle_posts_kept', 'star_ratings', 'competition_rotation', 'promotions_from_grassroots', 'provincial_merges']) {
      assert.ok(keys.includes(k), `${k} in ${keys}`);
    }
    const kept = facts.find((f) => f.key === 'middle_posts_kept');
    assert.match(kept.quotes[0].text, /中层职数不减、职级不降/);
    assert.equal(kept.quotes[0].lang, 'zh-Hans');
    for (const f of facts) assert.equal(f.reported, 'reported, not computed by the model', f.key);
    assert.match(facts.find((f) => f.key === 'provincial_merges').quotes[0].text, /治安监督管理总队/);
    // The figures among them are under the numbers, quoted only.
    const promoted = page.locator('.reported-only li', { hasText: 'Promoted through open competition' });
    assert.match(await promoted.textContent(), /112/);
    assert.equal(await promoted.locator('[data-match]').getAttribute('data-match'), 'quoted');
    // Related models: 一警一区 with its four modes, Yunnan, Kunming, all from document 001.
    assert.deepEqual(related.map((r) => r.key), ['one_officer_one_area', 'three_teams_one_group', 'kunming']);
    assert.deepEqual(related[0].parts, ['sergeant', 'partners', 'trades', 'one_area_one_officer']);
    assert.equal(doc, '001');
    for (const r of related) {
      assert.ok(r.quotes.length >= 3, r.key);
      for (const q of r.quotes) assert.equal(q.lang, 'zh-Hans', r.key);
    }
    assert.match(related[2].text, /一级接警、两级处警/);
    assert.equal(stray, 0);
  });
});

test('Pujiang shows the case-wide facts, not Nanhu\'s', async () => {
  await withPage(env.browser, `${env.server.url}?case=zhejiang&variant=pujiang`, async ({ page }) => {
    const keys = (await survey(page)).facts.map((f) => f.key);
    assert.ok(keys.includes('provincial_merges'));
    assert.ok(!keys.includes('middle_posts_kept'));
    assert.match(await page.textContent('[data-panel="sources"]'), /资料报告的事实（模型未计算）/);
    assert.match(await page.textContent('[data-panel="sources"]'), /相关模式/);
  });
});

test('Tianjin\'s facts are quoted in traditional characters, Daqing\'s in simplified', async () => {
  for (const [query, key, lang] of [
    ['case=tianjin&variant=station&lang=zh-Hant', 'emergency_force', 'zh-Hant'],
    ['case=tianjin&variant=municipal&lang=en', 'discipline_bodies', 'zh-Hant'],
    ['case=daqing&variant=urban&lang=en', 'vertical_management_001', 'zh-Hans'],
  ]) {
    await withPage(env.browser, `${env.server.url}?${query}`, async ({ page }) => {
      const { facts } = await survey(page);
      const f = facts.find((x) => x.key === key);
      assert.ok(f, `${query}: ${key}`);
      assert.ok(f.quotes.length > 0);
      for (const q of f.quotes) assert.equal(q.lang, lang, `${query}: ${key}`);
      for (const g of facts) for (const q of g.quotes) assert.equal(q.lang, lang, `${query}: ${g.key}`);
    });
  }
});
