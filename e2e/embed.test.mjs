// Embedding: the builder in "Share / embed" (each option changes the snippet and the live
// preview), a briefing page on another origin that frames the embed, drives it with
// `reform-explorer:set` and hears `reform-explorer:state` and `reform-explorer:height`, and
// 1,000 random messages that change nothing but what their valid fields say.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { recordErrors, rng, useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);

/** The snippet's iframe address, as a URL. */
const srcOf = (snippet) => new URL(snippet.match(/<iframe src="([^"]+)"/)[1].replace(/&amp;/g, '&'));

test('each builder option changes the snippet and the preview; the copy button copies it', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing&lang=en&step=2`, {
    permissions: ['clipboard-read', 'clipboard-write'],
  }, async ({ page }) => {
    await page.click('[data-panel="share"] summary');
    await page.waitForSelector('iframe[data-share="preview"]');
    const preview = page.frameLocator('iframe[data-share="preview"]');
    const snippet = () => page.inputValue('[data-share="embed"]');
    const previewSrc = () => page.getAttribute('iframe[data-share="preview"]', 'src');
    // The builder starts from the page: its step and language; the default parts.
    let s = await snippet();
    assert.equal(srcOf(s).searchParams.get('step'), '2');
    assert.equal(srcOf(s).searchParams.get('lang'), 'en');
    assert.equal(srcOf(s).searchParams.get('show'), null);
    assert.equal(srcOf(s).href, new URL(await previewSrc()).href);
    await preview.locator('[data-embed-show="figures,diagrams,table"]').waitFor();

    // Each part: the snippet's show= and what the preview draws follow its box.
    const parts = ['figures', 'steps', 'diagrams', 'chart', 'table'];
    const shown = new Set(['figures', 'diagrams', 'table']);
    for (const part of parts) {
      const was = await snippet();
      await page.click(`[data-embed-part="${part}"]`);
      if (shown.has(part)) shown.delete(part); else shown.add(part);
      const want = parts.filter((p) => shown.has(p)).join(',');
      const now = await snippet();
      assert.notEqual(now, was, part);
      assert.equal(srcOf(now).searchParams.get('show') ?? 'figures,diagrams,table', want, part);
      assert.equal(srcOf(now).href, new URL(await previewSrc()).href, part);
      await preview.locator(`[data-embed-show="${want}"]`).waitFor();
      // The chart and table come from a part of the wasm: mounted, or said missing.
      for (let i = 0; await preview.locator('[data-part="pending"]').count(); i++) {
        assert.ok(i < 200, `${want}: the parts mounted`);
        await page.waitForTimeout(50);
      }
      const has = {
        figures: '[data-panel="key-figures"]',
        steps: '[data-step]',
        diagrams: 'figure.diagram',
        chart: '.embed-chart [data-chart="organ-frontline"]',
        table: '#numbers-title',
      };
      for (const p of parts) {
        assert.equal((await preview.locator(has[p]).count()) > 0, shown.has(p), `${want}: ${p}`);
      }
      // The chart on its own and the table's charts never show it twice.
      assert.equal(await preview.locator('[data-chart="organ-frontline"]').count(), shown.has('chart') || shown.has('table') ? 1 : 0, want);
    }
    // Now steps and chart are on: down to the table alone, which cannot be taken away.
    for (const part of ['table', 'steps', 'chart']) await page.click(`[data-embed-part="${part}"]`);
    assert.equal(srcOf(await snippet()).searchParams.get('show'), 'table');
    await page.click('[data-embed-part="table"]');
    assert.equal(await page.isChecked('[data-embed-part="table"]'), true);
    assert.equal(srcOf(await snippet()).searchParams.get('show'), 'table');
    await page.click('[data-embed-part="diagrams"]');

    // Step, language, theme: in the snippet's address and in the page the preview shows.
    const option = async (sel, value, check) => {
      const was = await snippet();
      await page.selectOption(`[data-embed-option="${sel}"]`, value);
      const now = await snippet();
      assert.notEqual(now, was, sel);
      assert.equal(srcOf(now).href, new URL(await previewSrc()).href, sel);
      check(srcOf(now).searchParams);
      return now;
    };
    await option('step', '0', (q) => assert.equal(q.get('step'), '0'));
    await preview.locator('[data-action="open-full"][href*="step=0"]').waitFor();
    await option('lang', 'zh-Hant', (q) => assert.equal(q.get('lang'), 'zh-Hant'));
    await preview.locator('html[lang="zh-Hant"]').waitFor();
    await option('theme', 'dark', (q) => assert.equal(q.get('theme'), 'dark'));
    await preview.locator('html[data-theme="dark"]').waitFor();
    // Height: the snippet's frame and the preview's.
    const was = await snippet();
    await page.fill('[data-embed-option="height"]', '480');
    assert.notEqual(await snippet(), was);
    assert.match(await snippet(), /height:480px/);
    assert.equal(await page.evaluate(() => document.querySelector('iframe[data-share="preview"]').style.height), '480px');
    // Out of range: kept as it was.
    await page.fill('[data-embed-option="height"]', '5');
    assert.match(await snippet(), /height:480px/);

    // The copy button copies the snippet as shown.
    await page.click('[data-action="copy-embed"]');
    await page.waitForSelector('[data-action="copy-embed"] + [data-copied="true"]');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippet());
    // The page itself did not change: the builder only writes the snippet.
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getAttribute('[data-step="2"]', 'aria-current'), 'step');
  });
});

/** A briefing page on another origin (localhost, where the explorer is on 127.0.0.1) that
 *  frames `src`, sizes it by its height messages and keeps every message it hears. */
async function briefingServer(extra = '') {
  const server = createServer((req, res) => {
    const src = new URL(req.url, 'http://localhost').searchParams.get('src') || '';
    const attr = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Briefing</title></head><body style="margin:0">
<script>
  window.heard = [];
  addEventListener('message', (e) => {
    const f = document.querySelector('iframe');
    if (e.source !== f.contentWindow) return;
    window.heard.push(e.data);
    if (e.data && e.data.type === 'reform-explorer:height') f.style.height = e.data.height + 'px';
  });
  window.send = (m) => document.querySelector('iframe').contentWindow.postMessage(m, '*');
  window.last = (type) => window.heard.filter((m) => m && m.type === type).at(-1);
</script>
<iframe src="${attr}" title="Reform Explorer" style="width:900px;height:300px;border:0"></iframe>
${extra}
</body></html>`);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://localhost:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Opens the briefing page around the embed of `query`; resolves once it heard a state. */
async function openBriefing(query, extra = '') {
  const host = await briefingServer(extra);
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = recordErrors(page);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const src = `${env.server.url}${query}`;
  await page.goto(`${host.url}?src=${encodeURIComponent(src)}`);
  assert.notEqual(new URL(host.url).origin, new URL(src).origin);
  await page.waitForFunction(() => window.last('reform-explorer:state'));
  const frame = page.frames().find((f) => f.url().includes('embed=1'));
  return { page, frame, errors, requests, close: async () => { await context.close(); await host.close(); } };
}

const lastState = (page) => page.evaluate(() => window.last('reform-explorer:state'));

test('a language its host asks for whose part cannot be fetched: the embedded page says so and keeps its language; asked again once it can be, it changes and the notice goes', async () => {
  const b = await openBriefing('?case=daqing&embed=1&lang=zh-Hans');
  try {
    const { page, frame } = b;
    await page.context().route(/split_lang_en-/, (route) => route.fulfill({ status: 404, body: '' }));
    await page.evaluate(() => window.send({ type: 'reform-explorer:set', lang: 'en' }));
    await frame.waitForSelector('[data-embed="1"] [data-part-missing]');
    assert.match(await frame.textContent('[data-part-missing]'), /未能载入/);
    assert.equal(await frame.getAttribute('html', 'lang'), 'zh-Hans');
    assert.equal((await lastState(page)).lang, 'zh-Hans');
    await page.context().unroute(/split_lang_en-/);
    await page.evaluate(() => window.send({ type: 'reform-explorer:set', lang: 'en' }));
    await frame.waitForSelector('html[lang="en"]');
    await frame.waitForSelector('[data-part-missing]', { state: 'detached' });
    await page.waitForFunction(() => window.last('reform-explorer:state').lang === 'en');
    // The 404 itself is logged by the browser; nothing else.
    assert.deepEqual(b.errors.filter((e) => !/Failed to load resource/.test(e)), []);
  } finally {
    await b.close();
  }
});

test('a briefing page on another origin drives the embed with set and hears state and height', async () => {
  const b = await openBriefing('?case=daqing&variant=urban&embed=1&lang=zh-Hans');
  try {
    const { page, frame } = b;
    const s0 = await lastState(page);
    assert.equal(s0.case, 'daqing');
    assert.equal(s0.variant, 'urban');
    assert.equal(s0.lang, 'zh-Hans');
    assert.equal(s0.step, s0.steps);
    assert.ok(s0.steps >= 2);
    assert.equal(s0.params.staff, 2500);
    assert.ok(s0.figures.length >= 1);
    for (const f of s0.figures) {
      assert.equal(typeof f.key, 'string');
      assert.ok(f.label.length > 0);
      assert.ok(f.before === null || typeof f.before === 'number');
    }
    // The frame's figures are those of the page.
    const keys = await frame.$$eval('[data-key-figure]', (fs) => fs.map((f) => f.dataset.keyFigure));
    assert.deepEqual(s0.figures.map((f) => f.key), keys);
    for (const f of s0.figures) {
      const cell = `[data-key-figure="${f.key}"] [data-phase="after"]`;
      const shown = await frame.getAttribute(cell, 'data-value');
      if (f.after === null) assert.equal(shown, '', f.key);
      else assert.ok(Math.abs(f.after - Number(shown)) <= 1e-6, `${f.key}: ${f.after} sent, ${shown} shown`);
    }
    // The messages come from a part of the wasm of their own, which only a framed page fetches.
    assert.ok(b.requests.some((u) => /\/split_talk_to_parent-[0-9a-f]{16}\.(?:wasm|pack)$/.test(u)), 'the messages\' part');
    // The height is posted and the briefing page sizes the frame by it.
    await page.waitForFunction(() => (window.last('reform-explorer:height') || {}).height > 300);

    // set: a step, a parameter and the language at once.
    await page.evaluate(() => window.send({ type: 'reform-explorer:set', step: 1, params: { staff: 3000 }, lang: 'en' }));
    await page.waitForFunction(() => {
      const s = window.last('reform-explorer:state');
      return s.step === 1 && s.lang === 'en' && s.params.staff === 3000;
    });
    await frame.waitForSelector('html[lang="en"]');
    await frame.waitForSelector('[data-metric="staff_total"][data-phase="before"][data-value="3000"]');
    assert.equal(await frame.getAttribute('[data-metric="staff_total"][data-phase="after"]', 'data-value'), '3000');
    const s1 = await lastState(page);
    assert.notDeepEqual(s1.figures, s0.figures);
    assert.equal(s1.figures[0].label === s0.figures[0].label, false, 'labels follow the language');
    // The parameter shows in the frame's own address (its link back).
    const back = new URL(await frame.getAttribute('[data-action="open-full"]', 'href'));
    assert.equal(back.searchParams.get('staff'), '3000');
    assert.equal(back.searchParams.get('step'), '1');

    // Only the parent page drives it: the same message from the frame itself changes nothing.
    const heard = await page.evaluate(() => window.heard.length);
    await frame.evaluate(() => postMessage({ type: 'reform-explorer:set', step: 0, lang: 'zh-Hans' }, '*'));
    await page.evaluate(() => window.send({ type: 'reform-explorer:set', params: { staff: 3100 } }));
    await page.waitForFunction(() => window.last('reform-explorer:state').params.staff === 3100);
    const s2 = await lastState(page);
    assert.equal(s2.step, 1);
    assert.equal(s2.lang, 'en');
    assert.equal(s2.error, null);
    assert.ok((await page.evaluate(() => window.heard.length)) > heard);
    // Values that cannot be modelled together: the state says why, and so does the frame.
    await page.evaluate(() => window.send({ type: 'reform-explorer:set', params: { station_frontline: 200 } }));
    await page.waitForFunction(() => typeof window.last('reform-explorer:state').error === 'string');
    const s3 = await lastState(page);
    assert.equal(s3.params.station_frontline, 200);
    await frame.waitForSelector('[data-model-error]');
    assert.ok((await frame.textContent('[data-model-error]')).includes(s3.error));
    // It points to nothing the embedded page has not got (fields, a reset button).
    assert.doesNotMatch(await frame.textContent('[data-model-error]'), /Reset|below|above/);
    await page.evaluate(() => window.send({ type: 'reform-explorer:set', params: { station_frontline: 6 } }));
    await page.waitForFunction(() => window.last('reform-explorer:state').error === null);
    assert.equal(await frame.$('[data-model-error]'), null);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('1,000 random messages change nothing but what their valid fields say, with no error', async () => {
  const b = await openBriefing('?case=daqing&variant=urban&embed=1&lang=en');
  try {
    const { page, frame } = b;
    const s0 = await lastState(page);
    const SEED = Number(process.env.EMBED_FUZZ_SEED || 20261204);
    const r = rng(SEED); // seeded: the same 1,000 messages every run
    const pick = (a) => a[Math.floor(r() * a.length)];
    const nested = (depth) => (depth === 0 ? pick([1, 'x', null, true]) : { a: nested(depth - 1), b: [nested(depth - 1)] });
    const junk = () => pick([
      () => Math.floor(r() * 1e6),
      () => pick([1e308, -1e308, Number.MAX_SAFE_INTEGER, -0, NaN, Infinity, -Infinity, 1.5, -1]),
      () => 'x'.repeat(Math.floor(r() * 2000)),
      () => pick(['', '3', '1e9', 'zh', '<script>', '__proto__', '\u0000', '大庆']),
      () => null,
      () => undefined,
      () => [1, 2, 3],
      () => new Array(3000).fill(7),
      () => nested(1 + Math.floor(r() * 6)),
      () => ({ type: 'reform-explorer:set' }),
      () => new Date(0),
      () => new Map([[1, 2]]),
      () => new Uint8Array(16),
    ])();
    // Fields of a set message that must be refused: never a whole step in range, a known
    // language, or a parameter value in range.
    const badStep = () => pick([-1, s0.steps + 1, 1.5, 1e308, NaN, Infinity, '1', null, true, [1], { n: 1 }, -0.5]);
    const badLang = () => pick(['xx', 'english', '', 5, null, ['en'], { code: 'en' }, 'zh-Hans-x']);
    const badParams = () => pick([
      () => ({ staff: pick([1e15, -5, 0, 49, 100001, 'abc', '', null, true, [3000], { v: 3000 }, NaN, Infinity, 'x'.repeat(100)]) }),
      () => ({ [pick(['nope', 'STAFF', '__proto__', 'staff ', 'constructor', 's1.staff', 'case'])]: 3000 }),
      () => [['staff', 3000]],
      () => 'staff=3000',
      () => 3000,
      () => null,
      () => Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i])),
      () => new Map([['staff', 3000]]),
    ])();
    const messages = [];
    const valid = [];
    for (let i = 0; i < 1000; i++) {
      const roll = r();
      let m;
      if (i % 97 === 50) {
        // A valid set, with junk beside it: its valid fields are taken.
        const v = { step: Math.floor(r() * (s0.steps + 1)), lang: pick(['en', 'zh-Hans', 'zh-Hant']), staff: pick([2600, 3000, 4200]) };
        valid.push(v);
        m = { type: 'reform-explorer:set', step: v.step, lang: v.lang, params: { staff: v.staff }, junk: junk() };
      } else if (roll < 0.35) {
        m = { type: 'reform-explorer:set' };
        if (r() < 0.6) m.step = badStep();
        if (r() < 0.6) m.lang = badLang();
        if (r() < 0.6) m.params = badParams();
        if (r() < 0.3) m[pick(['theme', 'show', 'case', 'height', 'Step'])] = junk();
      } else if (roll < 0.5) {
        m = { type: pick(['reform-explorer:state', 'reform-explorer:height', 'reform-explorer:SET', 'set', '', 'reform-explorer:set ']), step: 0, lang: 'zh-Hans', params: { staff: 3000 } };
      } else if (roll < 0.6) {
        m = { type: junk(), step: 0, lang: 'zh-Hans' };
      } else {
        m = junk();
      }
      messages.push(m);
    }
    // Sent from the briefing page in one go, each rebuilt there from a description of it
    // (Maps, typed arrays, dates, undefined and NaN do not pass through JSON).
    const describe = (v, depth = 0) => {
      if (v === undefined) return { u: 1 };
      if (typeof v === 'number' && !Number.isFinite(v)) return { n: String(v) };
      if (Object.is(v, -0)) return { n: '-0' };
      if (v instanceof Map) return { map: [...v.entries()].map(([k, x]) => [describe(k, depth + 1), describe(x, depth + 1)]) };
      if (v instanceof Date) return { date: v.getTime() };
      if (v instanceof Uint8Array) return { bytes: v.length };
      if (Array.isArray(v)) return { arr: v.map((x) => describe(x, depth + 1)) };
      if (v && typeof v === 'object') return { obj: Object.entries(v).map(([k, x]) => [k, describe(x, depth + 1)]) };
      return { v };
    };
    const described = messages.map((m) => describe(m));
    await page.evaluate((list) => {
      const build = (d) => {
        if ('u' in d) return undefined;
        if ('n' in d) return Number(d.n);
        if ('map' in d) return new Map(d.map.map(([k, x]) => [build(k), build(x)]));
        if ('date' in d) return new Date(d.date);
        if ('bytes' in d) return new Uint8Array(d.bytes);
        if ('arr' in d) return d.arr.map(build);
        if ('obj' in d) {
          const o = {};
          for (const [k, x] of d.obj) Object.defineProperty(o, k, { value: build(x), enumerable: true, writable: true, configurable: true });
          return o;
        }
        return d.v;
      };
      for (const d of list) window.send(build(d));
    }, described);
    // A last valid message marks the end (messages are handled in order).
    await page.evaluate(() => window.send({ type: 'reform-explorer:set', step: 0, lang: 'en', params: { staff: 2700 } }));
    await page.waitForFunction(() => {
      const s = window.last('reform-explorer:state');
      return s.step === 0 && s.lang === 'en' && s.params.staff === 2700;
    }, null, { timeout: 30000 });
    assert.ok(valid.length >= 10, `${valid.length} valid messages`);
    // Everything else is as it was: the parameters but staff, the case and scope, the steps.
    const s = await lastState(page);
    assert.deepEqual({ ...s.params, staff: 0 }, { ...s0.params, staff: 0 });
    assert.equal(s.case, s0.case);
    assert.equal(s.variant, s0.variant);
    assert.equal(s.steps, s0.steps);
    assert.equal(s.figures.length, s0.figures.length);
    // Every state posted along the way had a valid step, language and staff: only the valid
    // messages' values (and the first state's) ever showed.
    const states = await page.evaluate(() => window.heard.filter((m) => m && m.type === 'reform-explorer:state'));
    const allowed = {
      step: new Set([s0.step, 0, ...valid.map((v) => v.step)]),
      lang: new Set([s0.lang, 'en', ...valid.map((v) => v.lang)]),
      staff: new Set([s0.params.staff, 2700, ...valid.map((v) => v.staff)]),
    };
    for (const x of states) {
      assert.ok(allowed.step.has(x.step), `step ${x.step}`);
      assert.ok(allowed.lang.has(x.lang), `lang ${x.lang}`);
      assert.ok(allowed.staff.has(x.params.staff), `staff ${x.params.staff}`);
      assert.deepEqual({ ...x.params, staff: 0 }, { ...s0.params, staff: 0 });
    }
    // The page still works: numbers drawn, no panic, no error, and it still answers.
    assert.equal(await frame.locator('[data-panic]').count(), 0);
    assert.equal(await frame.getAttribute('[data-metric="staff_total"][data-phase="before"]', 'data-value'), '2700');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

// The README's example for a briefing page, run as written: it finds its figure by the key the
// state message sends, and its button drives the embed (the example once looked for "tiers",
// which no scope sends, and threw on every message).
test('the README\'s briefing-page example runs as written', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = readme.match(/```js\n(\/\/ A briefing page that follows the figures[\s\S]*?)```/);
  assert.ok(block, 'the example is in the README');
  const b = await openBriefing('?case=daqing&variant=urban&embed=1&lang=en&step=2',
    `<p id="tiers">-</p><button id="baseline">Baseline</button><script>${block[1]}</script>`);
  try {
    const { page, errors } = b;
    const figure = (phase) => b.frame.getAttribute(`[data-key-figure="management_tiers"] [data-phase="${phase}"]`, 'data-value');
    await page.waitForFunction(() => document.querySelector('#tiers').textContent !== '-', null, { polling: 100 });
    assert.equal(await page.textContent('#tiers'), `${await figure('before')} → ${await figure('after')}`);
    // Pressed in the page (a pointer click can land in the frame while it grows by its height
    // messages and shifts the button down).
    await page.$eval('#baseline', (b) => b.click());
    await page.waitForFunction(() => window.last('reform-explorer:state').step === 0);
    await page.waitForFunction(() => /^(\d+) → \1$/.test(document.querySelector('#tiers').textContent), null, { polling: 100 });
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});
