// The end-to-end scenarios of e2e/ (which drive Chromium through playwright-core) in the other
// two engines, Firefox (geckodriver + firefox-esr, headless) and WebKit (WebKitGTK's
// WebKitWebDriver + MiniBrowser under xvfb-run), through plain W3C WebDriver (e2e/webdriver.mjs).
// Same hooks, same checks where WebDriver can make them; where an engine lacks a feature the
// test says so (a diagnostic) and checks the fallback.
//
//   bash scripts/test-engines.sh                   # all of the below (SKIP_BUILD=1: reuse dist/)
//   bash scripts/setup-engines.sh                  # firefox-esr, WebKitWebDriver, xvfb, geckodriver
//   cargo test --offline --test expected           # target/e2e-*.json (the model's figures)
//   trunk build --release                          # dist/ (and dist/reform-explorer.html)
//   node --test --test-concurrency=1 e2e-engines/  # ENGINES="firefox webkit" (the default)
//
// Screenshots (and Firefox's printed PDFs) land in target/screenshots/engines/ for a person to
// look at. URL_SEED and ENGINE_URL_STATES (default 5) drive the random-links test.
//
// An engine whose driver or browser is not installed is skipped, with the reason. Each engine
// gets one driver and one browser session for the whole file; every test opens its own page.
// Console errors: the page's console.error, uncaught errors and rejections are recorded by a
// probe injected after each page load (WebDriver classic cannot inject before it); in Firefox
// the page's console also reaches the driver's output (devtools.console.stdout.content), so
// errors during loading are seen there too. A panic always shows [data-panic], checked too.
import { describe, test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ENGINES as KNOWN, Keys, missing, serve, startDriver } from '../e2e/webdriver.mjs';
import { contrastFailures, svgExportInfo } from '../e2e/in-page.mjs';

const ENGINES = (process.env.ENGINES || 'firefox webkit').split(/[\s,]+/).filter(Boolean);
for (const e of ENGINES) {
  if (!KNOWN[e]) throw new Error(`ENGINES: unknown engine "${e}" (known: ${Object.keys(KNOWN).join(', ')}; Chromium is e2e/)`);
}
const EXPECTED = new URL('../target/e2e-expected.json', import.meta.url);
const COMPARE = new URL('../target/e2e-compare.json', import.meta.url);
const FOUR = new URL('../target/e2e-four.json', import.meta.url);
const FILE = join(DIST, 'reform-explorer.html');
const FILE_URL = pathToFileURL(FILE).href;
const SHOTS = new URL('../target/screenshots/engines/', import.meta.url);
const AFTER = 'figure.diagram[data-phase="after"]';
const BEFORE = 'figure.diagram[data-phase="before"]';
const READY = '[data-metric="staff_total"][data-phase="after"]';

for (const f of [EXPECTED, COMPARE, FOUR]) {
  if (!existsSync(f)) throw new Error(`${f.pathname} is missing: run \`cargo test --offline --test expected\` first (it writes the model's figures)`);
}
if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no build: run \`trunk build --release\` first`);
const expected = JSON.parse(readFileSync(EXPECTED, 'utf8'));
const expectedCompare = JSON.parse(readFileSync(COMPARE, 'utf8'));
const expectedFour = JSON.parse(readFileSync(FOUR, 'utf8'));

/** Injected into every page after it loads: records console errors, uncaught errors and
 *  rejections, and intercepts downloads (the app makes a Blob, an object URL and clicks a
 *  `download` link): the link's name and the Blob are kept for the test to read, and the
 *  browser's own download is not started unless `__probe.passThrough` is set. */
function installProbe() {
  if (window.__probe) return false;
  const p = { errors: [], downloads: [], blobs: new Map(), writes: [], passThrough: false };
  window.__probe = p;
  const error = console.error;
  console.error = function (...args) {
    p.errors.push(args.map((a) => (a && a.stack) || String(a)).join(' '));
    return error.apply(this, args);
  };
  addEventListener('error', (e) => p.errors.push(`uncaught: ${e.message}`));
  addEventListener('unhandledrejection', (e) => p.errors.push(`unhandled rejection: ${e.reason}`));
  document.addEventListener('securitypolicyviolation', (e) => p.errors.push(`policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  const create = URL.createObjectURL;
  URL.createObjectURL = function (obj) {
    const url = create.call(URL, obj);
    p.blobs.set(url, obj);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download')) {
      p.downloads.push({ name: this.download, href: this.href, hidden: this.hidden, inDocument: document.contains(this) });
      if (!p.passThrough) return undefined;
    }
    return click.call(this);
  };
  // What the app asks the clipboard to hold (the real call still runs).
  if (navigator.clipboard && navigator.clipboard.writeText) {
    const write = navigator.clipboard.writeText;
    navigator.clipboard.writeText = function (text) {
      p.writes.push(text);
      return write.call(this, text);
    };
  }
  return true;
}

/** RFC 4180 rows. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  return rows;
}

const STAFF_AND_UNITS = ['organ', 'frontline', 'total', 'units'];
const STAFF = ['organ', 'frontline', 'total'];
const fieldsOf = (row, fields) => Object.fromEntries(fields.map((f) => [f, String(row ? row[f] : 0)]));

/** What the page must show for breakdown `which` at `step` (as e2e/numbers.test.mjs): tier and
 *  kind tables pair the baseline with the step (a key missing on one side shows zeros); the
 *  per-unit tables list each side's own units. { phase: { key: { field: value } } } */
function expectedBreakdown(model, step, which) {
  const sides = { before: model.breakdowns[0][which], after: model.breakdowns[step][which] };
  if (which === 'unit') {
    return Object.fromEntries(Object.entries(sides).map(([phase, rows]) => [phase, Object.fromEntries(rows.map((r) => [r.key, fieldsOf(r, STAFF)]))]));
  }
  const byKey = (rows) => Object.fromEntries(rows.map((r) => [r.key, r]));
  const b = byKey(sides.before);
  const a = byKey(sides.after);
  const cells = { before: {}, after: {} };
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    cells.before[k] = fieldsOf(b[k], STAFF_AND_UNITS);
    cells.after[k] = fieldsOf(a[k], STAFF_AND_UNITS);
  }
  return cells;
}

/** A seeded random number generator (as e2e/url.test.mjs). */
function rng(seed) {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = Math.imul(x ^ (x >>> 15), x | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Colour statistics of a PNG (base64), in the page: the five most painted colours with their
 *  shares and the mean relative luminance, of the whole image or of `box` (CSS pixels). */
function pngStats(b64, box) {
  return (async () => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const scale = bmp.width / innerWidth;
    const [x, y, w, h] = box
      ? [box.x, box.y, box.width, box.height].map((v) => Math.max(0, Math.round(v * scale)))
      : [0, 0, bmp.width, bmp.height];
    const canvas = document.createElement('canvas');
    canvas.width = Math.min(w, bmp.width - x);
    canvas.height = Math.min(h, bmp.height - y);
    const g = canvas.getContext('2d');
    g.drawImage(bmp, -x, -y);
    const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
    const counts = new Map();
    const lin = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    let lum = 0;
    for (let i = 0; i < data.length; i += 4) {
      const hex = ((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]).toString(16).padStart(6, '0');
      counts.set(hex, (counts.get(hex) || 0) + 1);
      lum += 0.2126 * lin(data[i]) + 0.7152 * lin(data[i + 1]) + 0.0722 * lin(data[i + 2]);
    }
    const n = data.length / 4;
    return { top: [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c, k]) => [c, k / n]), lum: lum / n };
  })();
}

/** Nothing is set aside: the diagram's ResizeObserver used to fire "ResizeObserver loop
 *  completed with undelivered notifications" in every engine on a theme change (its refit changed
 *  the observed svg's height in the same frame); it now writes the width in the next frame. */
const BENIGN = /^$/;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

for (const engine of ENGINES) {
  const why = missing(engine);
  if (why) console.log(`# ${engine}: skipped: ${why}`);
  describe(engine, { skip: why || false, concurrency: 1 }, () => {
    const env = {};
    let started;
    const retried = [];

    /** WebKitGTK's MiniBrowser under automation has, on a loaded machine, stopped answering
     *  (every command timed out for the rest of the run) and once lost a typed value; none of it
     *  came back on rerunning the test alone. There a failed test runs once more in a fresh
     *  browser, and the first failure is printed (a test failing twice fails). Other engines:
     *  no second run. */
    const RETRY = engine === 'webkit';
    const test = (name, fn) => nodeTest(name, async (t) => {
      try {
        return await fn(t);
      } catch (err) {
        if (!RETRY) throw err;
        retried.push(name);
        console.log(`# ${engine}: RETRIED in a new browser: "${name}": ${String(err.message).slice(0, 600)}`);
        t.diagnostic(`${engine}: failed once and was run again in a new browser: ${String(err.message).slice(0, 300)}`);
        await env.driver?.kill();
        await startBrowser();
        return await fn(t);
      }
    });

    /** This engine's driver and a session in a 1400 × 1000 window, in `env`. */
    async function startBrowser() {
      env.driver = await startDriver(engine);
      env.s = await env.driver.session({ width: 1400, height: 1000 });
    }

    before(async () => {
      started = Date.now();
      env.server = await serve();
      await startBrowser();
      const caps = env.s.capabilities;
      console.log(`# ${engine}: ${caps.browserName} ${caps.browserVersion}, session in ${Date.now() - started} ms`);
    });

    after(async () => {
      if (retried.length) console.log(`# ${engine}: tests run a second time: ${retried.length} (${retried.join('; ')})`);
      if (env.s?.retried.length) console.log(`# ${engine}: elements found only on a second look: ${env.s.retried.join('; ')}`);
      await env.driver?.kill();
      await env.server?.close();
      if (started) console.log(`# ${engine}: all tests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

    // --- helpers bound to this engine's session ---------------------------------------------

    /** Opens `url` (a query on the served dist/, or a whole URL), waits for `ready`, injects the
     *  probe; returns the session. `mark` is where this page's driver output starts. */
    async function open(url, { ready = READY, timeout = 30000 } = {}) {
      const s = env.s;
      env.mark = env.driver.log.length;
      await s.navigate(url.startsWith('?') || url === '' ? env.server.url + url : url);
      await waitReady(ready, timeout);
      await s.exec(installProbe);
      return s;
    }

    /** Waits for `ready`; when it does not come, the error says what the page shows instead
     *  (its state, its text, what it loaded), so that a start that failed can be told from a
     *  slow one. */
    async function waitReady(ready, timeout) {
      const s = env.s;
      try {
        await s.waitForSelector(ready, { timeout });
        // The lazily loaded parts drawn without being asked for (the lineage list, the panels
        // below): mounted, or found missing.
        await s.waitFor(() => !document.querySelector('[data-part="pending"]'), { timeout, message: 'the page\'s parts mounted' });
      } catch (err) {
        const seen = await s.exec(() => JSON.stringify({
          url: location.href,
          readyState: document.readyState,
          text: (document.body?.innerText || '').slice(0, 300),
          loaded: performance.getEntriesByType('resource').map((r) => `${r.name.split('/').pop()} ${Math.round(r.duration)} ms`),
          sw: !!navigator.serviceWorker?.controller,
        })).catch((e) => `(the page did not answer: ${e.message})`);
        throw new Error(`${err.message}; the page: ${seen}; driver: ${env.driver.logSince(env.mark).slice(-10).join(' | ')}`);
      }
    }

    /** Reloads the page as a user's F5 does (location.reload(); geckodriver's Refresh is a
     *  forced reload, which bypasses the service worker) and waits as `open` does. */
    async function reload({ ready = READY } = {}) {
      const s = env.s;
      await s.exec(() => { window.__reloading = true; setTimeout(() => location.reload(), 0); });
      await s.until(() => s.exec(() => !window.__reloading), { timeout: 30000, message: 'the page reloaded' });
      await waitReady(ready, 30000);
      await s.exec(installProbe);
    }

    /** No panic panel, no error recorded on the page, none in the engine's console output.
     *  (`BENIGN` sets nothing aside now; kept so that a future engine quirk has one place.) */
    async function assertClean(what = '', t) {
      const s = env.s;
      assert.equal(await s.count('[data-panic]'), 0, `${what} panic panel shown`);
      const all = await s.exec(() => (window.__probe ? window.__probe.errors : ['(probe missing: the page was replaced)']));
      const errors = all.filter((e) => !BENIGN.test(e));
      if (errors.length < all.length) {
        const note = `${engine}: ${what ? `${what}: ` : ''}"ResizeObserver loop completed with undelivered notifications" (an error event on window; Chromium fires it too, unreported by Playwright: an app finding, not an engine difference)`;
        if (t) t.diagnostic(note);
      }
      assert.deepEqual(errors, [], `${what} console errors on the page`);
      assert.deepEqual(consoleErrors().filter((l) => !BENIGN.test(l)), [], `${what} console errors in ${engine}'s output`);
    }

    /** Console errors of our pages printed by the browser since the page opened (Firefox only;
     *  MiniBrowser in automation mode does not print its console). */
    function consoleErrors() {
      return env.driver.logSince(env.mark)
        .filter((l) => /^console\.error:|^JavaScript error:|panicked/.test(l))
        // Firefox's own (privileged) scripts log through the same console.
        .filter((l) => !/RSLoader|resource:\/\/|chrome:\/\//.test(l))
        // Uncaught errors name their script: ours are on loopback servers or the offline file.
        .filter((l) => !l.startsWith('JavaScript error:') || /http:\/\/127\.0\.0\.1:|file:\/\//.test(l));
    }

    /** Waits until the panels off screen have followed the last change (ui/off_screen.rs: in a
     *  task after the next frame, their container `aria-busy` meanwhile). */
    const settled = () => env.s.waitFor(() => !document.querySelector('[aria-busy="true"]'), { message: 'the panels off screen followed' });
    const metrics = async (phase) => (await settled(), env.s.exec((p) => Object.fromEntries(
      [...document.querySelectorAll(`[data-metric][data-phase="${p}"]`)].map((e) => [e.dataset.metric, e.dataset.value])), phase));
    /** The breakdown cells as { tier|kind|unit: { phase: { key: { field: value } } } }. */
    const breakdowns = async () => (await settled(), env.s.exec(() => {
      const out = { tier: {}, kind: {}, unit: {} };
      for (const e of document.querySelectorAll('[data-breakdown]')) {
        const { breakdown, phase, key, field, value } = e.dataset;
        ((out[breakdown][phase] ??= {})[key] ??= {})[field] = value;
      }
      return out;
    }));
    const metric = async (key, phase = 'after') => (await settled(), Number(await env.s.attr(`[data-metric="${key}"][data-phase="${phase}"]`, 'data-value')));
    /** Waits for a figure; when it does not come, the error says what the page shows instead
     *  (the figure, and the focused field's value and error: a typed value lost, or not taken). */
    const waitMetric = (key, value, phase = 'after') => env.s.waitFor(
      (k, v, p) => document.querySelector(`[data-metric="${k}"][data-phase="${p}"]`)?.dataset.value === v,
      { args: [key, String(value), phase], message: `${key} ${phase} = ${value}` }).catch(async (err) => {
      const seen = await env.s.exec((k, p) => JSON.stringify({
        shown: document.querySelector(`[data-metric="${k}"][data-phase="${p}"]`)?.dataset.value,
        focused: document.activeElement?.id,
        value: document.activeElement?.value,
        error: document.activeElement?.closest('[data-param]')?.querySelector('[data-error]')?.textContent,
      }), key, phase).catch((e) => `(the page did not answer: ${e.message})`);
      throw new Error(`${err.message}; the page: ${seen}`);
    });
    /** The address once the app has written its state (it waits 250 ms after edits). */
    const settledUrl = async () => {
      await sleep(400);
      return env.s.currentUrl();
    };
    const count = (css) => env.s.count(css);

    /** Clicks `trigger` and returns the download it starts: { name, type, size, bytes }. */
    async function download(trigger, { timeout = 20000 } = {}) {
      const s = env.s;
      const n = await s.exec(() => window.__probe.downloads.length);
      await s.click(trigger);
      await s.waitFor((k) => window.__probe.downloads.length > k, { args: [n], timeout, message: `a download from ${trigger}` });
      const d = await s.evaluate(async (k) => {
        const p = window.__probe;
        const entry = p.downloads[k];
        const blob = p.blobs.get(entry.href);
        if (!blob) return { ...entry, missing: true };
        const buf = new Uint8Array(await blob.arrayBuffer());
        let bin = '';
        for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode.apply(null, buf.subarray(i, i + 0x8000));
        return { ...entry, type: blob.type, size: blob.size, b64: btoa(bin) };
      }, n);
      assert.ok(!d.missing, `${trigger}: the link's href ${d.href} is not an object URL the app made`);
      assert.match(d.href, /^blob:/);
      assert.ok(d.inDocument, 'the download link is in the document when clicked');
      return { ...d, bytes: Buffer.from(d.b64, 'base64') };
    }

    async function screenshot(name) {
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(new URL(`${engine}-${name}.png`, SHOTS), Buffer.from(await env.s.screenshot(), 'base64'));
    }

    // --- the scenarios ----------------------------------------------------------------------

    test('every case and scope loads with the model\'s figures, and every step can be selected', async (t) => {
      const s = env.s;
      for (const [key, model] of Object.entries(expected)) {
        const [kase, variant] = key.split('/');
        await open(`?case=${kase}&variant=${variant}&step=0`);
        assert.equal(await s.attr(`[data-case="${kase}"]`, 'aria-pressed'), 'true', key);
        assert.equal(await s.attr(`[data-variant="${variant}"]`, 'aria-pressed'), 'true', key);
        const last = model.levers.length;
        assert.equal(await count('[data-step]'), last + 1, `${key}: step buttons`);
        // The per-unit tables are built only while their panel is open.
        await s.click('[data-panel="per-unit"] summary');
        await s.waitForSelector('[data-breakdown="unit"]');
        // Every step by its button (backwards from the end, so each click changes the step),
        // then forward by "next".
        const order = [last, ...Array.from({ length: last }, (_, i) => i)];
        for (const step of order) {
          await s.click(`[data-step="${step}"]`);
          await s.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
          assert.deepEqual(await metrics('before'), model.steps[0], `${key} before`);
          assert.deepEqual(await metrics('after'), model.steps[step], `${key} step ${step}`);
          if (step > 0) assert.equal(await s.attr('.step-summary', 'data-lever'), model.levers[step - 1], `${key} step ${step}`);
          // The figures render: both diagrams have boxes, every box carries its hooks.
          const drawn = await s.exec((a, b) => [document.querySelectorAll(`${a} g.node`).length, document.querySelectorAll(`${b} g.node`).length,
            [...document.querySelectorAll('g.node')].every((g) => g.dataset.unitId && !Number.isNaN(Number(g.dataset.staff)))], BEFORE, AFTER);
          assert.ok(drawn[0] > 0 && drawn[1] > 0 && drawn[2], `${key} step ${step}: boxes ${drawn}`);
          // Staff and units by tier, by kind and per unit: the model's, cell by cell.
          const shown = await breakdowns();
          for (const which of ['tier', 'kind', 'unit']) {
            assert.deepEqual(shown[which], expectedBreakdown(model, step, which), `${key} step ${step}: by ${which}`);
          }
          const bars = await s.exec(() => ['tiers', 'span-bands', 'organ-frontline'].map((c) => document.querySelectorAll(`[data-chart="${c}"] svg rect.bar`).length));
          assert.ok(bars.every((n) => n > 0), `${key} step ${step}: chart bars ${bars}`);
        }
        if (last > 0) {
          await s.click('[data-step="0"]');
          await s.waitForSelector('[data-step="0"][aria-current="step"]');
          await s.click('[data-action="step-next"]');
          await s.waitForSelector('[data-step="1"][aria-current="step"]');
          assert.deepEqual(await metrics('after'), model.steps[1], `${key} step 1 by next`);
        }
        const q = new URL(await settledUrl()).searchParams;
        assert.equal(q.get('step'), last > 1 ? '1' : null, `${key}: step in the address`);
        assert.equal(q.get('case'), kase);
        await assertClean(key);
        if (key === 'daqing/urban') await screenshot('daqing-urban');
      }
      // The comparison page and the composer draw too.
      await open('?view=compare&lang=en', { ready: 'main[data-page="compare"] td[data-compare][data-effect]' });
      assert.ok((await count('td[data-compare][data-case]')) > 8);
      assert.ok((await count('td[data-four][data-case]')) > 0);
      await assertClean('compare');
      await screenshot('compare');
      await open('?view=compose&base=org.typical_city&lang=en', { ready: '[data-panel="composer"] select[data-action="compose-add"]' });
      await s.waitForSelector(READY);
      await assertClean('compose');
      t.diagnostic(`${engine}: ${Object.keys(expected).length} scopes, every step, compare and compose pages`);
    });

    test('case tabs and scope buttons switch the model and the address', async () => {
      const s = env.s;
      await open('?lang=en');
      for (const kase of ['zhejiang', 'tianjin', 'haidong', 'daqing']) {
        await s.click(`[data-case="${kase}"]`);
        await s.waitForSelector(`[data-case="${kase}"][aria-pressed="true"]`);
        const first = Object.keys(expected).find((k) => k.startsWith(`${kase}/`)).split('/')[1];
        assert.equal(await s.attr(`[data-variant="${first}"]`, 'aria-pressed'), 'true');
        const q = new URL(await settledUrl()).searchParams;
        assert.equal(q.get('case'), kase);
        assert.equal(q.get('lang'), 'en');
        assert.equal(q.get('step'), null);
        assert.deepEqual(await metrics('after'), expected[`${kase}/${first}`].steps.at(-1));
      }
      await s.click('[data-variant="county"]');
      await waitMetric('internal_units', 8);
      assert.match(await settledUrl(), /variant=county/);
      await assertClean();
    });

    test('keyboard: arrow keys, Home and End move between steps', async () => {
      const s = env.s;
      await open('?case=daqing');
      // The case opens at its last step; the steps are counted, not assumed.
      const last = await s.exec(() => Math.max(...[...document.querySelectorAll('[data-step]')].map((x) => Number(x.dataset.step))));
      assert.ok(last >= 2);
      await s.exec(() => document.querySelector('[data-step][aria-current="step"]').focus());
      await s.press(Keys.LEFT);
      await s.waitForSelector(`[data-step="${last - 1}"][aria-current="step"]`);
      assert.equal(await s.exec(() => document.activeElement?.dataset.step), String(last - 1));
      await s.press(Keys.HOME);
      await s.waitForSelector('[data-step="0"][aria-current="step"]');
      await s.press(Keys.RIGHT);
      await s.waitForSelector('[data-step="1"][aria-current="step"]');
      await s.press(Keys.END);
      await s.waitForSelector(`[data-step="${last}"][aria-current="step"]`);
      assert.equal(await s.exec(() => document.activeElement?.dataset.step), String(last));
      await assertClean();
    });

    test('changing a parameter changes the figures and the diagram, and survives a reload', async () => {
      const s = env.s;
      await open('?case=daqing');
      const before = await metrics('after');
      await s.fill('#param-staff', '3000');
      await waitMetric('staff_total', 3000);
      assert.equal(await metric('staff_total', 'before'), 3000);
      assert.equal(await s.attr(`${AFTER} [data-unit-id="m"]`, 'data-staff'), '3000');
      assert.equal(await metric('staff_per_sub_bureau'), 150);
      assert.notDeepEqual(await metrics('after'), before);
      assert.match(await settledUrl(), /staff=3000/);
      await reload();
      assert.equal(await metric('staff_total'), 3000);
      assert.equal(await s.prop('#param-staff', 'value'), '3000');
      // ArrowUp in a field adds one step.
      await s.exec(() => document.querySelector('#param-pairs_per_team').focus());
      await s.press(Keys.UP);
      await s.waitFor(() => document.querySelector('#param-pairs_per_team').value === '4', { message: 'pairs_per_team = 4' });
      await s.until(async () => (await metric('team_size')) >= 8, { message: 'team size follows' });
      // Another scope: Haidong's editable station table (committed on change: Enter).
      await open('?case=haidong&lang=en');
      await s.click('[data-panel="rows"] summary');
      const cell = '[data-panel="rows"] input[data-row="3"][data-field="staff"]';
      const total = await metric('staff_total', 'before');
      const old = Number(await s.prop(cell, 'value'));
      await s.fill(cell, String(old + 7));
      await s.press(Keys.ENTER);
      await waitMetric('staff_total', total + 7, 'before');
      assert.equal(new URL(await settledUrl()).searchParams.get('s3.staff'), String(old + 7));
      assert.equal((await s.textContent('[data-workload="before"] [data-work-unit="s3"] td')).trim(), String(old + 7));
      await assertClean();
    });

    test('bad input shows its message next to the field and keeps the last valid result', async () => {
      const s = env.s;
      await open('?case=daqing');
      for (const [text, pattern] of [['abc', /abc/], ['', /数值/], ['-5', /50/], ['12.5', /整数/]]) {
        await s.fill('#param-staff', text);
        await s.waitFor((src) => new RegExp(src).test(document.querySelector('[data-error="staff"]').textContent),
          { args: [pattern.source], message: `message for "${text}"` });
        assert.equal(await s.attr('#param-staff', 'aria-invalid'), 'true');
        assert.equal(await metric('staff_total'), 2500);
      }
      await s.fill('#param-staff', '2600');
      await s.fill('#param-station_frontline', '20');
      await s.waitForSelector('[data-model-error]');
      assert.equal(await metric('staff_total'), 2600);
      await s.click('[data-action="reset"]');
      await s.waitFor(() => !document.querySelector('[data-model-error]'), { message: 'the banner goes' });
      assert.equal(await metric('staff_total'), 2500);
      assert.equal(await s.textContent('[data-error="staff"]'), '');
      // A bad link: its problems listed, defaults used, no panic.
      await open('?case=atlantis&staff=abc&bogus=1&lang=xx');
      const items = await s.exec(() => [...document.querySelectorAll('.url-notice li')].map((e) => e.textContent));
      assert.equal(items.length, 4, items.join(' | '));
      assert.equal(await metric('staff_total'), 2500);
      await s.click('.url-notice .dismiss');
      await s.waitFor(() => !document.querySelector('.url-notice'), { message: 'notice dismissed' });
      await assertClean();
    });

    test('diagram: collapse and expand a box (its toggle, the keyboard, all at once)', async () => {
      const s = env.s;
      // Grouped (the default): boxes large enough to click. The − / + toggle is an SVG group:
      // clicked with the mouse where it is drawn (W3C Element Click refuses groups; Playwright
      // clicks the same point). Ungrouped, Daqing's tree is drawn at 5 %, the toggle under 3 px.
      await open('?case=daqing');
      const all = await count(`${AFTER} g.node`);
      const id = await s.attr(`${AFTER} g.node[data-depth="1"][aria-expanded="true"]`, 'data-unit-id');
      const box = `${AFTER} g.node[data-unit-id="${id}"]`;
      await s.clickAt(`${box} g.toggle`);
      await s.waitFor((b) => document.querySelector(b)?.getAttribute('aria-expanded') === 'false', { args: [box], message: 'collapsed by its toggle' });
      assert.match(await s.attr(box, 'class'), /collapsed/);
      assert.ok((await count(`${AFTER} g.node`)) < all);
      await s.clickAt(`${box} g.toggle`);
      await s.waitFor((sel, n) => document.querySelectorAll(sel).length === n, { args: [`${AFTER} g.node`, all], message: 'expanded again' });

      // Ungrouped: a collapsed box says how many boxes it hides (collapsed from the keyboard).
      await open('?case=daqing&group=0');
      const every = await count(`${AFTER} g.node`);
      const first = await s.attr(`${AFTER} g.node[data-depth="1"][aria-expanded="true"]`, 'data-unit-id');
      const it = `${AFTER} g.node[data-unit-id="${first}"]`;
      await s.exec((b) => document.querySelector(b).focus(), it);
      await s.press(Keys.LEFT);
      await s.waitFor((b) => document.querySelector(b)?.getAttribute('aria-expanded') === 'false', { args: [it], message: 'collapsed by ArrowLeft' });
      const hidden = every - (await count(`${AFTER} g.node`));
      assert.ok(hidden > 0);
      assert.match(await s.textContent(it), new RegExp(`\\b${hidden}\\b`));
      await s.press(Keys.ENTER);
      await s.waitFor((sel, n) => document.querySelectorAll(sel).length === n, { args: [`${AFTER} g.node`, every], message: 'expanded by Enter' });

      // Collapse all / expand all.
      await s.click('[data-action="collapse-all"]');
      await s.waitForSelector(`${AFTER} g.node.collapsed`);
      assert.ok((await count(`${AFTER} g.node`)) < every);
      await s.click('[data-action="expand-all"]');
      await s.waitFor((sel, n) => document.querySelectorAll(sel).length === n, { args: [`${AFTER} g.node`, every], message: 'all expanded' });
      await assertClean();
    });

    test('diagram: zoom changes one transform, fit brings the drawing back, dragging pans', async () => {
      const s = env.s;
      await open('?case=daqing&group=0');
      const svg = `${AFTER} svg.diagram-svg`;
      const z0 = Number(await s.attr(svg, 'data-zoom'));
      // What a zoom changes in the document: only the viewport's transform and data-zoom (and
      // the canvas's `far` class where the zoom crosses the smallest readable label).
      const records = await s.evaluate(async (side) => {
        const seen = [];
        const mo = new MutationObserver((ms) => ms.forEach((m) => seen.push(`${m.target.getAttribute('class')}|${m.attributeName}`)));
        mo.observe(document.body, { subtree: true, attributes: true, childList: true });
        document.querySelector(`${side} [data-action="zoom-in"]`).click();
        await new Promise((r) => setTimeout(r, 50));
        mo.disconnect();
        return seen;
      }, AFTER);
      assert.ok(Number(await s.attr(svg, 'data-zoom')) > z0);
      assert.ok(records.length > 0 && records.every((r) => /^viewport\|transform$|^diagram-svg( far)?\|(data-zoom|class)$|^far-hint\|null$/.test(r)), records.join(', '));
      // The buttons, clicked as a user would.
      const z1 = Number(await s.attr(svg, 'data-zoom'));
      await s.click(`${AFTER} [data-action="zoom-in"]`);
      await s.waitFor((sel, z) => Number(document.querySelector(sel).dataset.zoom) > z, { args: [svg, z1], message: 'zoom in' });
      await s.click(`${AFTER} [data-action="zoom-out"]`);
      await s.waitFor((sel, z) => Number(document.querySelector(sel).dataset.zoom) <= z + 1e-9, { args: [svg, z1], message: 'zoom out' });
      await s.click(`${AFTER} [data-action="fit"]`);
      await s.waitFor((sel) => Number(document.querySelector(sel).dataset.zoom) <= 1, { args: [svg], message: 'fit' });
      // Dragging pans: the viewport moves, the boxes do not.
      const t0 = await s.attr(`${AFTER} g.viewport`, 'transform');
      const first = await s.attr(`${AFTER} g.node`, 'transform');
      const b = await s.exec((sel) => {
        const e = document.querySelector(sel);
        e.scrollIntoView({ block: 'center' });
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y };
      }, svg);
      await s.drag(b.x + 20, b.y + 20, b.x + 90, b.y + 60);
      await s.until(async () => (await s.attr(`${AFTER} g.viewport`, 'transform')) !== t0, { message: 'the drag pans the view', timeout: 5000 });
      assert.equal(await s.attr(`${AFTER} g.node`, 'transform'), first);
      await s.click(`${AFTER} [data-action="reset-view"]`);
      await assertClean();
    });

    test('diagram: search finds units in either language, marks the path and opens collapsed boxes', async () => {
      const s = env.s;
      await open('?case=daqing&lang=en');
      await s.click('[data-action="collapse-all"]');
      await s.waitForSelector(`${AFTER} g.node.collapsed`);
      await s.fill('[data-action="search"]', 'team');
      await s.waitForSelector(`${AFTER} g.node.match`);
      assert.ok(Number(await s.attr('[data-search-count]', 'data-after')) > 0);
      assert.match(await s.attr(`${AFTER} g.node[data-depth="0"]`, 'class'), /on-path/);
      assert.equal(await count(`${AFTER} g.node.on-path.collapsed`), 0);
      assert.ok((await count(`${AFTER} g.edges path.on-path`)) > 0);
      await s.fill('[data-action="search"]', '队');
      await s.waitForSelector(`${AFTER} g.node.match`);
      await s.fill('[data-action="search"]', 'zzqx');
      await s.waitForSelector('[data-search-count="0"]');
      assert.equal(await count('g.node.match'), 0);
      await assertClean();
    });

    test('diagram: the keyboard moves through the tree, collapses and expands', async () => {
      const s = env.s;
      await open('?case=daqing');
      const ids = await s.exec((a) => [...document.querySelectorAll(`${a} g.node`)].map((e) => e.dataset.unitId), AFTER);
      assert.equal(await count(`${AFTER} g.node[tabindex="0"]`), 1, 'one tab stop');
      await s.exec((a) => document.querySelector(`${a} g.node[tabindex="0"]`).focus(), AFTER);
      await s.press(Keys.DOWN);
      const active = () => s.exec((a) => document.querySelector(`${a} g.node.active`)?.dataset.unitId, AFTER);
      await s.until(async () => (await active()) === ids[1], { message: 'ArrowDown moves to the second box' });
      assert.equal(await s.exec(() => document.activeElement.dataset.unitId), ids[1]);
      const box = `${AFTER} g.node[data-unit-id="${ids[1]}"]`;
      await s.press(Keys.LEFT);
      await s.waitFor((b) => document.querySelector(b)?.getAttribute('aria-expanded') === 'false', { args: [box], message: 'ArrowLeft collapses' });
      await s.press(Keys.ENTER);
      await s.waitFor((b) => document.querySelector(b)?.getAttribute('aria-expanded') === 'true', { args: [box], message: 'Enter expands' });
      await s.press(Keys.LEFT, Keys.LEFT);
      await s.until(async () => (await active()) === ids[0], { message: 'ArrowLeft on a closed box goes to the parent' });
      await assertClean();
    });

    test('a shared link reopens the same view (copy link: clipboard or its fallback)', async (t) => {
      const s = env.s;
      await open('?case=zhejiang&variant=nanhu&lang=en');
      await s.fill('#param-stations', '15');
      await waitMetric('stations', 15, 'before').catch(() => {});
      await s.click('[data-step="1"]');
      await s.waitForSelector('[data-step="1"][aria-current="step"]');
      await s.selectOption('select[data-action="theme"]', 'dark');
      await s.waitFor(() => document.documentElement.dataset.theme === 'dark', { message: 'dark theme' });
      await s.click('[data-orient="lr"]');
      await s.click('[data-panel="share"] summary');
      await s.waitFor(() => (document.querySelector('[data-share="link"]')?.value ?? '') !== '', { message: 'the share menu fills its fields' });
      const field = await s.prop('[data-share="link"]', 'value');
      await s.click('[data-action="copy-link"]');
      // Copied, or refused: then the field is selected for copying by hand and says so.
      const outcome = await s.waitFor(() => {
        const st = document.querySelector('[data-action="copy-link"] + [data-copied]');
        if (st.dataset.copied === 'true') return 'copied';
        return st.textContent.trim() ? 'by hand' : null;
      }, { message: 'the copy status' });
      const writes = await s.exec(() => window.__probe.writes);
      if (outcome === 'copied') {
        assert.deepEqual(writes, [field], 'the clipboard got the link');
        let read = null;
        try {
          read = await s.evaluate(() => Promise.race([navigator.clipboard.readText(), new Promise((_, no) => setTimeout(() => no(new Error('no answer in 3 s')), 3000))]));
        } catch (err) {
          t.diagnostic(`${engine}: the clipboard was written but cannot be read back here (${err.message.split(' | ')[0]}); checked the text written instead`);
        }
        if (read !== null) assert.equal(read, field, 'read back from the clipboard');
      } else {
        t.diagnostic(`${engine}: the clipboard refused the link (${writes.length ? 'writeText rejected' : 'no navigator.clipboard.writeText'}); checked the fallback: the field selected, "copy by hand"`);
        const sel = await s.exec(() => {
          const a = document.activeElement;
          return { id: a?.id, start: a?.selectionStart, end: a?.selectionEnd, len: a?.value?.length, text: document.querySelector('[data-action="copy-link"] + [data-copied]').textContent };
        });
        assert.equal(sel.id, 'share-link');
        assert.equal(sel.start, 0);
        assert.equal(sel.end, sel.len);
        assert.match(sel.text, /by hand|manually|select/i);
      }
      const q = new URL(field).searchParams;
      assert.equal(q.get('stations'), '15');
      assert.equal(q.get('step'), '1');
      assert.equal(q.get('theme'), 'dark');
      assert.equal(q.get('layout'), 'lr');
      assert.equal(q.get('lang'), 'en');
      assert.equal(q.get('v'), '1');
      assert.equal(new URL(await settledUrl()).search, new URL(field).search);
      const figures = [await metrics('before'), await metrics('after')];
      await assertClean('share');
      await open(field);
      assert.deepEqual([await metrics('before'), await metrics('after')], figures);
      assert.equal(await s.attr('[data-step="1"]', 'aria-current'), 'step');
      assert.equal(await s.attr('html', 'data-theme'), 'dark');
      assert.equal(await count('.url-notice'), 0);
      await assertClean('reopened');
      await screenshot('shared-link-dark');
    });

    test('downloads: numbers as CSV, diagrams as SVG and PNG, the scenario as a file', async (t) => {
      const s = env.s;
      await open('?case=zhejiang&variant=nanhu&step=2');
      // CSV: BOM, the page's own figures, tier and kind sums.
      const csv = await download('[data-export="csv"]');
      assert.equal(csv.name, 'reform-explorer-zhejiang-nanhu-step2.csv');
      assert.match(csv.type, /^text\/csv/);
      assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
      assert.match(rows[0][2], /指标/);
      const shownBefore = await metrics('before');
      const shownAfter = await metrics('after');
      const ms = rows.filter((r) => r[0] === 'metric');
      assert.equal(ms.length, Object.keys(shownAfter).length);
      for (const r of ms) {
        assert.equal(r[3], shownBefore[r[1]], `${r[1]} before`);
        assert.equal(r[4], shownAfter[r[1]], `${r[1]} after`);
      }
      for (const section of ['tier', 'kind']) {
        const sum = rows.filter((r) => r[0] === section).reduce((n, r) => n + Number(r[6]) + Number(r[8]), 0);
        assert.equal(sum, Number(shownAfter.staff_total), section);
      }
      await assertClean('csv');

      // SVG: a standalone document with every box, the zoom taken off, colours resolved.
      await open('?case=zhejiang&theme=dark&lang=en');
      await s.click(`${AFTER} [data-action="zoom-in"]`);
      const boxes = await count(`${AFTER} g.node`);
      const svg = await download(`${AFTER} [data-export="svg"]`);
      assert.equal(svg.name, 'reform-explorer-zhejiang-nanhu-final.svg');
      const info = await s.exec(svgExportInfo, svg.bytes.toString('utf8'));
      assert.equal(info.err, null);
      assert.equal(info.ns, 'http://www.w3.org/2000/svg');
      assert.equal(info.boxes, boxes);
      assert.ok(info.fill && /^rgb/.test(info.fill), `box fill ${info.fill}`);
      assert.ok(info.bg && /^rgb/.test(info.bg), `background ${info.bg}`);
      assert.equal(info.vars, false);
      assert.equal(info.transform, 'translate(16,16)');
      assert.ok(info.w > 100);
      assert.match(info.text, /Nanhu/);
      await assertClean('svg');

      // PNG: a real PNG twice the drawing's size, showing the drawing.
      await open('?case=daqing');
      const png = await download(`${BEFORE} [data-export="png"]`);
      assert.equal(png.name, 'reform-explorer-daqing-urban-step0.png');
      assert.equal(png.type, 'image/png');
      assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const width = png.bytes.readUInt32BE(16);
      const height = png.bytes.readUInt32BE(20);
      assert.ok(width > 200 && height > 100, `${width}×${height}`);
      const colours = await s.evaluate(async (b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = document.createElement('canvas');
        canvas.width = bmp.width;
        canvas.height = bmp.height;
        const c = canvas.getContext('2d');
        c.drawImage(bmp, 0, 0);
        const d = c.getImageData(0, 0, bmp.width, bmp.height).data;
        const seen = new Set();
        for (let i = 0; i < d.length; i += 16) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        const bg = (d[0] << 16) | (d[1] << 8) | d[2];
        let right = 0;
        for (let y = 0; y < bmp.height; y += 2) {
          for (let x = Math.floor(bmp.width * 0.75); x < bmp.width; x += 2) {
            const i = (y * bmp.width + x) * 4;
            if (((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]) !== bg) right++;
          }
        }
        return { n: seen.size, right };
      }, png.b64);
      assert.ok(colours.n > 10, `${colours.n} colours`);
      assert.ok(colours.right > 50, `right quarter: ${colours.right} drawn pixels`);
      // The drawing is twice the diagram's own size (plus the margin).
      await assertClean('png');

      // The scenario as a JSON file.
      await open('?case=haidong&lang=en&s3.staff=12&step=1');
      await s.exec(() => { document.querySelector('[data-panel="saved"]').open = true; });
      const json = await download('[data-action="export-scenario"]');
      assert.equal(json.name, 'reform-explorer-haidong-county-step1.json');
      const scenario = JSON.parse(json.bytes.toString('utf8'));
      assert.equal(scenario.format, 'reform-explorer-scenario');
      assert.deepEqual(scenario.edits, [{ row: 3, field: 'staff', value: '12' }]);
      await assertClean('scenario file');

      // And once without interception: does the browser itself save the file?
      await open('?case=daqing&lang=en');
      await s.exec(() => { window.__probe.passThrough = true; });
      const dir = env.driver.downloads;
      await s.click('[data-export="csv"]');
      const saved = await s.until(() => readdirSync(dir).find((f) => f.endsWith('.csv')), { timeout: 10000, message: 'a real download' }).catch(() => null);
      if (saved) {
        await s.until(() => !readdirSync(dir).some((f) => f.endsWith('.part')), { timeout: 5000, message: 'the download completes' });
        // WebKit names the file before it writes it: wait for its bytes too.
        await s.until(() => statSync(join(dir, saved)).size > 0, { timeout: 5000, message: 'the downloaded file has its bytes' });
        const body = readFileSync(join(dir, saved));
        assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
        assert.match(saved, /^reform-explorer-daqing-urban-final(\(\d+\))?\.csv$/);
        t.diagnostic(`${engine}: the browser saved ${saved} (${statSync(join(dir, saved)).size} bytes) itself`);
      } else {
        assert.fail(`${engine} did not save the CSV to its download folder ${dir}: ${readdirSync(dir).join(', ') || 'empty'}`);
      }
      await assertClean('real download');
    });

    test('saved scenarios survive a reload; a scenario file imports back', async (t) => {
      const s = env.s;
      await open('?case=daqing&lang=en');
      await s.exec(() => { localStorage.clear(); });
      await reload();
      const names = () => s.exec(() => [...document.querySelectorAll('[data-panel="saved"] .saved-name')].map((e) => e.textContent));
      const openPanel = () => s.exec(() => { document.querySelector('[data-panel="saved"]').open = true; });
      await openPanel();
      await s.fill('#param-staff', '3000');
      await waitMetric('staff_total', 3000);
      await s.fill('[data-action="saved-name"]', 'Three thousand');
      await s.click('[data-action="save-scenario"]');
      await s.waitForSelector('[data-saved-status="good"]');
      const figures = await metrics('after');
      await s.click('[data-case="tianjin"]');
      await s.click('[data-action="save-scenario"]');
      await s.until(async () => (await names()).length === 2, { message: 'two saved' });

      await reload();
      await openPanel();
      const after = await names();
      assert.equal(after[0], 'Three thousand');
      assert.match(after[1], /Tianjin/);
      await s.click('[data-saved="0"] [data-action="open-saved"]');
      await s.waitForSelector('[data-case="daqing"][aria-pressed="true"]');
      await waitMetric('staff_total', 3000);
      assert.deepEqual(await metrics('after'), figures);
      assert.equal(await s.prop('#param-staff', 'value'), '3000');
      await s.click('[data-saved="0"] [data-action="rename-saved"]');
      await s.fill('[data-action="rename-input"]', 'Renamed');
      await s.press(Keys.ENTER);
      await s.click('[data-saved="0"] [data-action="duplicate-saved"]');
      await s.until(async () => JSON.stringify((await names()).slice(0, 2)) === JSON.stringify(['Renamed', 'Renamed (copy)']), { message: 'renamed and duplicated' });
      await s.click('[data-saved="2"] [data-action="delete-saved"]');
      await s.until(async () => (await names()).length === 2, { message: 'deleted' });
      const list = JSON.parse(await s.exec(() => localStorage.getItem('reform-explorer.saved')));
      assert.equal(list.format, 'reform-explorer-saved');
      assert.deepEqual(list.scenarios.map((x) => x.name), ['Renamed', 'Renamed (copy)']);
      await assertClean('saved');

      // A scenario file, chosen in the file input (W3C: send the path to input[type=file]).
      const dir = mkdtempSync(join(tmpdir(), 'engines-scenario-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      await open('?case=haidong&lang=en&s3.staff=12&step=1');
      await openPanel();
      const want = [await metrics('before'), await metrics('after')];
      const file = await download('[data-action="export-scenario"]');
      const good = join(dir, 'good.json');
      writeFileSync(good, file.bytes);
      // Nothing saved yet: an empty store, read again by the page.
      await s.exec(() => { localStorage.clear(); });
      await open('?case=zhejiang&lang=en');
      await openPanel();
      await s.sendKeys('[data-action="import-scenario"]', good);
      await s.waitForSelector('[data-saved-status="good"]');
      await s.waitForSelector('[data-case="haidong"][aria-pressed="true"]');
      assert.deepEqual([await metrics('before'), await metrics('after')], want);
      assert.deepEqual(await names(), ['good.json']);
      const stored = await s.exec(() => localStorage.getItem('reform-explorer.saved'));
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{"format": "reform-explorer-scenario", "version": 7, "case": "daqing"}');
      await s.sendKeys('[data-action="import-scenario"]', bad);
      await s.waitFor(() => /newer version/.test(document.querySelector('[data-saved-status]')?.textContent || ''), { message: 'a newer file is refused' });
      assert.equal(await s.exec(() => localStorage.getItem('reform-explorer.saved')), stored, 'nothing saved changed');
      await assertClean('import');
      t.diagnostic(`${engine}: file input accepts a path through WebDriver`);
    });

    test('the embed snippet, and the embedded page in a briefing page on another origin', async () => {
      const s = env.s;
      await open('?case=zhejiang&variant=nanhu&step=2');
      const full = [await metrics('before'), await metrics('after')];
      await s.click('[data-panel="share"] summary');
      await s.waitFor(() => (document.querySelector('[data-share="embed"]')?.value ?? '') !== '', { message: 'the snippet' });
      const snippet = await s.prop('[data-share="embed"]', 'value');
      const src = snippet.match(/<iframe src="([^"]+)"/)[1].replace(/&amp;/g, '&');
      const q = new URL(src).searchParams;
      assert.equal(q.get('embed'), '1');
      assert.equal(q.get('case'), 'zhejiang');
      assert.equal(q.get('step'), '2');
      assert.match(snippet, /reform-explorer:height/);
      await assertClean('snippet');

      // The briefing page: another origin (its own server), the snippet's listener.
      const root = mkdtempSync(join(tmpdir(), 'engines-briefing-'));
      writeFileSync(join(root, 'index.html'), `<!doctype html><meta charset="utf-8"><body style="margin:0"><script>
        window.heights = [];
        addEventListener('message', (e) => {
          if (!e.data || e.data.type !== 'reform-explorer:height') return;
          window.heights.push(e.data.height);
          for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';
        });
      </script><iframe src="${src.replace(/&/g, '&amp;')}" style="width:900px;height:300px;border:0"></iframe></body>`);
      const briefing = await serve(root);
      try {
        env.mark = env.driver.log.length;
        await s.navigate(briefing.url);
        await s.waitFor(() => window.heights.length > 0 && window.heights.at(-1) > 300, { timeout: 30000, message: 'a height posted' });
        await s.frame('iframe');
        await s.waitForSelector(READY);
        await s.exec(installProbe);
        assert.deepEqual([await metrics('before'), await metrics('after')], full);
        assert.equal(await count('figure.diagram'), 2);
        assert.equal(await count('[data-embed="1"]'), 1);
        assert.equal(await count('.params, nav.cases, [data-panel="sources"], [data-panel="share"]'), 0);
        const back = new URL(await s.attr('[data-action="open-full"]', 'href'));
        assert.equal(back.searchParams.get('embed'), null);
        assert.equal(back.searchParams.get('case'), 'zhejiang');
        assert.equal(back.searchParams.get('step'), '2');
        const fits = await s.exec(() => [document.documentElement.scrollHeight, innerHeight]);
        await s.frame(null);
        const h = await s.exec(() => window.heights.at(-1));
        assert.equal(await s.exec(() => document.querySelector('iframe').getBoundingClientRect().height), h);
        assert.ok(fits[0] <= fits[1] + 1, `no inner scrollbar: ${fits[0]} > ${fits[1]}`);
        // A change of size inside is posted again.
        const n = await s.exec(() => window.heights.length);
        await s.frame('iframe');
        await s.click('[data-action="collapse-all"]');
        await assertClean('embedded');
        await s.frame(null);
        await s.waitFor((k) => window.heights.length > k, { args: [n], message: 'the new height posted' });
        await screenshot('embed');
      } finally {
        await s.frame(null).catch(() => {});
        await briefing.close();
        rmSync(root, { recursive: true, force: true });
      }
    });

    test('the single offline file from file://: every figure, parameters, reload, language, downloads, saved', async (t) => {
      const s = env.s;
      const foreign = () => s.exec((file) => performance.getEntriesByType('resource').map((e) => e.name)
        .filter((u) => !u.startsWith(file) && !u.startsWith('data:') && !u.startsWith('blob:')), FILE_URL);
      for (const key of ['daqing/urban', 'haidong/county']) {
        const [kase, variant] = key.split('/');
        const model = expected[key];
        await open(`${FILE_URL}?case=${kase}&variant=${variant}&step=0`);
        for (let step = 0; step <= model.levers.length; step++) {
          if (step > 0) await s.click('[data-action="step-next"]');
          await s.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
          assert.deepEqual(await metrics('before'), model.steps[0], `${key} before`);
          assert.deepEqual(await metrics('after'), model.steps[step], `${key} step ${step}`);
        }
        assert.ok((await count(`${AFTER} g.node`)) > 0);
        assert.deepEqual(await foreign(), []);
        await assertClean(key);
      }

      await open(`${FILE_URL}?case=daqing`);
      assert.match(await s.textContent('.offline-copy'), /离线版/);
      assert.match(await s.attr('.offline-copy', 'data-offline'), /^\d+\.\d+\.\d+/);
      await s.fill('#param-staff', '3000');
      await waitMetric('staff_total', 3000);
      assert.equal(await metric('staff_per_sub_bureau'), 150);
      const url = await settledUrl();
      assert.ok(url.startsWith(FILE_URL), url);
      assert.match(url, /staff=3000/);
      await reload();
      assert.equal(await metric('staff_total'), 3000);
      const figures = await metrics('after');
      await s.click('[data-lang="en"]');
      await s.waitFor(() => document.documentElement.lang === 'en', { message: 'English' });
      assert.match(await s.textContent('.offline-copy'), /offline copy/);
      const query = new URL(await settledUrl()).search;
      assert.match(query, /lang=en/);
      assert.deepEqual(await foreign(), []);
      await assertClean('offline copy');
      // The same query on the hosted build shows the same view.
      await open(query);
      assert.deepEqual(await metrics('after'), figures);
      assert.equal(await s.attr('html', 'lang'), 'en');
      assert.equal(await count('.offline-copy'), 0);
      await assertClean('hosted');

      // Downloads and saved scenarios from file://.
      await open(`${FILE_URL}?case=zhejiang&lang=en`);
      await s.exec(() => { localStorage.clear(); });
      const csv = await download('[data-export="csv"]');
      assert.match(csv.name, /\.csv$/);
      assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const png = await download(`${AFTER} [data-export="png"]`);
      assert.match(png.name, /\.png$/);
      assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      await s.exec(() => { document.querySelector('[data-panel="saved"]').open = true; });
      await s.fill('[data-action="saved-name"]', 'USB stick');
      await s.click('[data-action="save-scenario"]');
      await s.waitForSelector('[data-saved-status="good"]');
      await reload();
      await s.exec(() => { document.querySelector('[data-panel="saved"]').open = true; });
      assert.deepEqual(await s.exec(() => [...document.querySelectorAll('.saved-name')].map((e) => e.textContent)), ['USB stick']);
      assert.equal(await s.evaluate(async () => {
        try {
          return (await navigator.serviceWorker.getRegistrations()).length;
        } catch {
          return 0;
        }
      }), 0);
      assert.deepEqual(await foreign(), []);
      await assertClean('offline downloads and saved');
      t.diagnostic(`${engine}: the network is not cut here (WebDriver classic cannot); no request left the file (Resource Timing)`);
    });

    test('themes: each paints its own colours (a screenshot read back), and text meets WCAG AA contrast', async (t) => {
      const s = env.s;
      const hex = (c) => (c.match(/\d+/g) || []).slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('');
      for (const theme of ['light', 'dark', 'projector', 'auto']) {
        await open(`?case=zhejiang&lang=en&theme=${theme}`);
        const system = await s.exec(() => [matchMedia('(prefers-color-scheme: dark)').matches, document.documentElement.dataset.system]);
        if (theme === 'auto') t.diagnostic(`${engine}: the system colour scheme here is ${system[1]} (WebDriver classic cannot switch it); "auto" checked as ${system[1]}`);
        const dark = theme === 'dark' || (theme === 'auto' && system[0]);
        assert.equal(await s.attr('html', 'data-theme'), theme);
        assert.equal(system[1], system[0] ? 'dark' : 'light', 'html[data-system] follows prefers-color-scheme');
        const box = await s.exec((sel) => {
          const e = document.querySelector(sel);
          e.scrollIntoView({ block: 'center' });
          const r = e.getBoundingClientRect();
          return { x: r.x + 2, y: r.y + 2, width: r.width - 4, height: r.height - 4 };
        }, `${AFTER} svg.diagram-svg`);
        await sleep(100);
        const shot = await s.screenshot();
        mkdirSync(SHOTS, { recursive: true });
        writeFileSync(new URL(`${engine}-theme-${theme}.png`, SHOTS), Buffer.from(shot, 'base64'));
        const whole = await s.evaluate(pngStats, shot);
        const drawn = await s.evaluate(pngStats, shot, box);
        const bg = (await s.exec(() => getComputedStyle(document.documentElement).getPropertyValue('--bg'))).trim().replace('#', '').toLowerCase();
        assert.match(bg, /^[0-9a-f]{6}$/);
        const canvasBg = hex(await s.exec((sel) => getComputedStyle(document.querySelector(sel)).backgroundColor, `${AFTER} svg.diagram-svg`));
        assert.ok(whole.top.some(([c]) => c === bg), `${theme}: page background #${bg} not among ${JSON.stringify(whole.top)}`);
        assert.equal(drawn.top[0][0], canvasBg, `${theme}: diagram background: ${JSON.stringify(drawn.top)}`);
        if (dark) assert.ok(whole.lum < 0.2 && drawn.lum < 0.2, `${theme}: luminance ${whole.lum}, ${drawn.lum}`);
        else assert.ok(whole.lum > 0.5 && drawn.lum > 0.5, `${theme}: luminance ${whole.lum}, ${drawn.lum}`);
        assert.ok(drawn.top[0][1] < 0.97, `${theme}: diagram is ${drawn.top[0][1] * 100}% one colour`);
        assert.deepEqual(await s.exec(contrastFailures), [], `${theme}: contrast`);
        await assertClean(theme, t);
      }
      // The projector theme draws heavier outlines than the light theme.
      const widths = {};
      for (const theme of ['light', 'projector']) {
        await open(`?case=zhejiang&theme=${theme}`);
        widths[theme] = await s.exec(() => parseFloat(getComputedStyle(document.querySelector('g.node rect')).strokeWidth));
      }
      assert.ok(widths.projector > widths.light, JSON.stringify(widths));
      // The theme switcher.
      await s.selectOption('select[data-action="theme"]', 'dark');
      await s.waitFor(() => document.documentElement.dataset.theme === 'dark', { message: 'switched to dark' });
      assert.match(await settledUrl(), /theme=dark/);
      await assertClean('switcher', t);
    });

    test('languages: Traditional Chinese and English switched without losing the state; ?lang= spellings', async () => {
      const s = env.s;
      const SIMPLIFIED_ONLY = /[览级队区务机关线层数设较员处组织构图结调]/;
      const visible = () => s.exec(() => ['.topbar', '.params', '.step-control, .steps', '.diagrams', '.numbers']
        .flatMap((sel) => [...document.querySelectorAll(sel)]).map((e) => e.innerText).join('\n'));
      await open('?case=daqing&staff=3000&step=1');
      const figures = [await metrics('before'), await metrics('after')];
      assert.match(await visible(), SIMPLIFIED_ONLY);
      await s.click('[data-lang="zh-Hant"]');
      await s.waitFor(() => document.documentElement.lang === 'zh-Hant', { message: 'zh-Hant' });
      assert.equal(await s.title(), '公安改革模型瀏覽器');
      const hant = await visible();
      assert.doesNotMatch(hant, SIMPLIFIED_ONLY, hant.match(new RegExp(`.{0,10}${SIMPLIFIED_ONLY.source}.{0,10}`))?.[0]);
      assert.match(hant, /機關警力/);
      assert.deepEqual([await metrics('before'), await metrics('after')], figures);
      const q = new URL(await settledUrl()).searchParams;
      assert.equal(q.get('lang'), 'zh-Hant');
      assert.equal(q.get('staff'), '3000');
      assert.equal(q.get('step'), '1');
      await reload();
      assert.equal(await s.attr('html', 'lang'), 'zh-Hant');
      assert.deepEqual([await metrics('before'), await metrics('after')], figures);
      await s.click('[data-lang="en"]');
      await s.waitFor(() => document.documentElement.lang === 'en', { message: 'en' });
      assert.match(await s.textContent('.topbar h1'), /Reform Explorer/);
      await s.click('[data-lang="zh-Hans"]');
      await s.waitFor(() => document.documentElement.lang === 'zh-Hans', { message: 'zh-Hans' });
      assert.deepEqual([await metrics('before'), await metrics('after')], figures);
      assert.equal(new URL(await settledUrl()).searchParams.get('lang'), null);
      await assertClean();
      for (const [code, lang] of [['zh-TW', 'zh-Hant'], ['zh-CN', 'zh-Hans'], ['en', 'en']]) {
        await open(`?case=haidong&lang=${code}`);
        assert.equal(await s.attr('html', 'lang'), lang, code);
        assert.equal(await count('.url-notice'), 0);
        await assertClean(code);
      }
    });

    test('random states reached through the page reopen from their links with the same figures', async (t) => {
      const s = env.s;
      const rand = rng(Number(process.env.URL_SEED || 7));
      const pick = (list) => list[Math.floor(rand() * list.length)];
      const STATES = Number(process.env.ENGINE_URL_STATES || 5);
      await open('');
      for (let i = 0; i < STATES; i++) {
        await s.click(`[data-case="${pick(['daqing', 'zhejiang', 'tianjin', 'haidong'])}"]`);
        const variants = await s.exec(() => [...document.querySelectorAll('[data-variant]')].map((e) => e.dataset.variant));
        await s.click(`[data-variant="${pick(variants)}"]`);
        const specs = await s.exec(() => [...document.querySelectorAll('[data-param]')].map((e) => ({
          key: e.dataset.param, min: Number(e.dataset.min), max: Number(e.dataset.max), step: Number(e.dataset.stepSize),
        })));
        await s.exec(() => document.querySelectorAll('details[data-param-group]').forEach((d) => { d.open = true; }));
        for (let k = 0; k < 3; k++) {
          const spec = pick(specs);
          const n = Math.floor((spec.max - spec.min) / spec.step);
          const v = spec.min + Math.floor(rand() ** 3 * n) * spec.step;
          await s.fill(`#param-${spec.key}`, String(Math.round(v * 1e6) / 1e6));
        }
        const steps = await s.exec(() => [...document.querySelectorAll('[data-step]')].map((e) => e.dataset.step));
        await s.click(`[data-step="${pick(steps)}"]`);
        await s.click(`[data-lang="${pick(['zh-Hans', 'zh-Hant', 'en'])}"]`);
        await s.selectOption('select[data-action="theme"]', pick(['auto', 'light', 'dark', 'projector']));
        await s.click(`[data-orient="${pick(['td', 'lr'])}"]`);
        const figures = [await metrics('before'), await metrics('after')];
        const step = await s.attr('[aria-current="step"]', 'data-step');
        const link = await settledUrl();
        const modelError = await count('[data-model-error]');
        await assertClean(`state ${i}`, t);
        await open(link);
        assert.equal(await count('[data-model-error]'), modelError, link);
        if (!modelError) assert.deepEqual([await metrics('before'), await metrics('after')], figures, link);
        assert.equal(await s.attr('[aria-current="step"]', 'data-step'), step, link);
        assert.equal(await count('.url-notice'), 0, link);
        assert.equal(await s.currentUrl(), link);
        await assertClean(`reopened ${i}`, t);
      }
    });

    test('the Content-Security-Policy is enforced, and using the app violates none of it', async (t) => {
      const s = env.s;
      await open('?case=daqing');
      // Use it (the probe records any violation as an error).
      await s.fill('#param-staff', '3000');
      await s.click('[data-step="1"]');
      for (const c of ['zhejiang', 'tianjin', 'haidong', 'daqing']) {
        await s.click(`[data-case="${c}"]`);
        await s.waitForSelector(`[data-case="${c}"][aria-pressed="true"]`);
      }
      await s.click('[data-lang="en"]');
      await s.selectOption('select[data-action="theme"]', 'projector');
      await s.click('[data-panel="share"] summary');
      // The embed preview (an app of its own in an iframe) started at the panel's opening;
      // it runs under the policy too. Loaded before the downloads below click outside the panel,
      // which closes it and removes the iframe: removed while loading, WebKit's automation
      // waited for its load for ever (every command unanswered, on a loaded machine).
      await s.waitFor(() => {
        const doc = document.querySelector('iframe[data-share="preview"]')?.contentDocument;
        return !!doc?.querySelector('[data-embed="1"]') && !!doc.querySelector('[data-metric="staff_total"]');
      }, { timeout: 30000, message: 'the embed preview drawn' });
      for (const sel of ['[data-export="csv"]', `${AFTER} [data-export="svg"]`, `${AFTER} [data-export="png"]`]) await download(sel);
      await s.click('[data-panel="sources"] summary');
      const origin = new URL(env.server.url).origin;
      const loaded = await s.exec(() => performance.getEntriesByType('resource').map((e) => e.name));
      assert.deepEqual(loaded.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')), []);
      assert.ok(loaded.some((u) => u.endsWith('.wasm')), 'the wasm came from the origin');
      await assertClean('in use', t);
      // Inline code injected into the page does not run; the browser reports both refusals.
      const r = await s.evaluate(async () => {
        const seen = [];
        document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
        const el = document.createElement('script');
        el.textContent = 'window.injected = true;';
        document.body.appendChild(el);
        const img = new Image();
        img.src = 'https://example.invalid/x.png';
        await new Promise((ok) => setTimeout(ok, 200));
        return { ran: window.injected === true, seen };
      });
      assert.equal(r.ran, false);
      assert.ok(r.seen.some((d) => d.startsWith('script-src')), JSON.stringify(r.seen));
      assert.ok(r.seen.some((d) => d.startsWith('img-src')), JSON.stringify(r.seen));
    });

    test('printing: the engine prints to PDF, the page prepares for it, and the theme is left out', async (t) => {
      const s = env.s;
      const pdfs = {};
      let prepared = false;
      for (const theme of ['dark', 'light']) {
        await open(`?case=zhejiang&theme=${theme}`);
        await s.exec(() => {
          window.__print = [];
          addEventListener('beforeprint', () => window.__print.push(['before', document.querySelector('[data-panel="sources"]').open]));
          addEventListener('afterprint', () => window.__print.push(['after', document.querySelector('[data-panel="sources"]').open]));
        });
        let pdf;
        try {
          // A4 landscape, background graphics off (the browsers' default for printing).
          pdf = Buffer.from(await s.cmd('POST', '/print', { orientation: 'landscape', page: { width: 29.7, height: 21 }, background: false }), 'base64');
        } catch (err) {
          if (err.error !== 'unknown command' && err.error !== 'unsupported operation') throw err;
          t.diagnostic(`${engine}: its driver has no W3C Print Page (${err.error}); printing not checked here`);
          return;
        }
        assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
        assert.ok(pdf.length > 10000, `${pdf.length} bytes`);
        mkdirSync(SHOTS, { recursive: true });
        const file = new URL(`${engine}-print-${theme}.pdf`, SHOTS);
        writeFileSync(file, pdf);
        pdfs[theme] = file.href;
        const events = await s.exec(() => window.__print);
        prepared = events.length > 0;
        if (events.length === 0) t.diagnostic(`${engine}: printing through WebDriver fires no beforeprint/afterprint`);
        else assert.deepEqual(events, [['before', true], ['after', false]], 'the sources open for printing and close after');
        await assertClean(theme);
      }
      // What was printed: page 1 of each PDF drawn by the engine's own PDF viewer (pdf.js in
      // Firefox), its pixels counted.
      const pageOne = async (href) => {
        await s.navigate(href);
        return s.waitFor(() => {
          const app = window.PDFViewerApplication;
          const c = document.querySelector('.page[data-page-number="1"] canvas');
          if (!app?.pdfDocument || !c || app.pdfViewer.getPageView(0).renderingState !== 3) return null;
          const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          const lin = (v) => {
            const x = v / 255;
            return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
          };
          let dark = 0;
          let n = 0;
          for (let i = 0; i < data.length; i += 16, n++) if (0.2126 * lin(data[i]) + 0.7152 * lin(data[i + 1]) + 0.0722 * lin(data[i + 2]) < 0.05) dark++;
          const vp = app.pdfViewer.getPageView(0).viewport;
          return { pages: app.pagesCount, landscape: vp.width > vp.height, dark: dark / n };
        }, { timeout: 20000, message: 'the PDF drawn' }).catch((err) => {
          t.diagnostic(`${engine}: could not draw the PDF in the browser (${err.message.slice(0, 80)})`);
          return null;
        });
      };
      const light = await pageOne(pdfs.light);
      const dark = await pageOne(pdfs.dark);
      if (!light || !dark) return;
      assert.ok(light.landscape && light.pages >= 1, JSON.stringify(light));
      // The page prepared for printing: the two-page handout (README).
      if (prepared) assert.equal(light.pages, 2, `the handout: ${JSON.stringify(light)}`);
      assert.ok(light.dark < 0.05, `the light theme prints light: ${JSON.stringify(light)}`);
      // The theme's colours are screen-only (style/main.css), so a print is the light one.
      await t.test('the dark theme prints like the light one (README: "always black on white")', () => {
        assert.ok(Math.abs(dark.dark - light.dark) < 0.01, `dark pixels on page 1: dark theme ${(dark.dark * 100).toFixed(1)} %, light theme ${(light.dark * 100).toFixed(1)} %`);
      });
    });

    test('diagram: + − 0 F and Shift+arrows from the keyboard; Ctrl+wheel zooms without scrolling the page', async (t) => {
      const s = env.s;
      await open('?case=daqing');
      const svg = `${AFTER} svg.diagram-svg`;
      const zoom = async () => Number(await s.attr(svg, 'data-zoom'));
      const vp = () => s.attr(`${AFTER} g.viewport`, 'transform');
      await s.exec((a) => document.querySelector(`${a} g.node[tabindex="0"]`).focus(), AFTER);
      const z0 = await zoom();
      await s.press('+');
      await s.until(async () => (await zoom()) > z0, { message: '+ zooms in' });
      const z1 = await zoom();
      await s.press('-');
      await s.until(async () => (await zoom()) < z1, { message: '− zooms out' });
      await s.press('0');
      await s.until(async () => (await zoom()) === 1, { message: '0 resets to 100 %' });
      const t0 = await vp();
      await s.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [
        { type: 'keyDown', value: Keys.SHIFT }, { type: 'keyDown', value: Keys.LEFT }, { type: 'keyUp', value: Keys.LEFT }, { type: 'keyUp', value: Keys.SHIFT },
      ] }] });
      await s.until(async () => (await vp()) !== t0, { message: 'Shift+ArrowLeft pans' });
      await s.press('f');
      await s.until(async () => (await zoom()) <= 1 && (await zoom()) !== 1 || (await vp()) !== t0, { message: 'F fits' });

      // Ctrl+wheel over the diagram zooms it, and neither scrolls nor zooms the page.
      await s.press('f');
      const at = await s.exec((sel) => {
        const e = document.querySelector(sel);
        e.scrollIntoView({ block: 'center' });
        const r = e.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2, scroll: scrollY, dpr: devicePixelRatio };
      }, svg);
      await s.exec(() => { window.__wheel = []; addEventListener('wheel', (e) => window.__wheel.push(e.ctrlKey), { capture: true }); });
      const zw = await zoom();
      await s.wheel(at.x, at.y, 0, -200, Keys.CONTROL);
      await sleep(200);
      const ctrlSeen = await s.exec(() => window.__wheel);
      if (ctrlSeen.includes(true)) {
        await s.until(async () => (await zoom()) > zw, { message: 'Ctrl+wheel zooms in' });
      } else {
        // WebKitWebDriver delivers the wheel but not the held Control key: dispatch the event a
        // user's Ctrl+wheel gives, to check the app's handler.
        t.diagnostic(`${engine}: the driver's wheel actions carry no Control key (wheel events seen: ${JSON.stringify(ctrlSeen)}); Ctrl+wheel dispatched in the page instead`);
        const prevented = await s.exec((sel, x, y) => {
          const e = new WheelEvent('wheel', { deltaY: -200, ctrlKey: true, clientX: x, clientY: y, bubbles: true, cancelable: true });
          document.querySelector(sel).dispatchEvent(e);
          return e.defaultPrevented;
        }, svg, at.x, at.y);
        assert.ok(prevented, 'the app takes Ctrl+wheel for itself (preventDefault)');
        await s.until(async () => (await zoom()) > zw, { message: 'Ctrl+wheel zooms in' });
      }
      const after = await s.exec(() => ({ scroll: scrollY, dpr: devicePixelRatio }));
      assert.equal(after.scroll, at.scroll, 'the page did not scroll');
      assert.equal(after.dpr, at.dpr, 'the browser did not zoom the page');
      await assertClean();
    });

    test('lineage highlights old units on focus and hover; change marks agree with the summary; the text outline', async () => {
      const s = env.s;
      await open('?case=daqing&group=0');
      // The pointer away from the diagrams first: left over a box by the test before, it lights
      // that box's unit instead when the engine sends the boxes a mouseover after a layout.
      await s.hover('h1');
      const item = await s.find('[data-lineage]');
      const id = await s.attr(item, 'data-lineage');
      assert.equal(await count('.node.lineage'), 0);
      await s.exec((e) => e.focus(), item);
      await s.waitForSelector(`${BEFORE} .node.lineage`);
      const lit = await s.exec((b) => [...document.querySelectorAll(`${b} .node.lineage`)].map((e) => e.dataset.unitId), BEFORE);
      assert.ok(lit.includes('sb1') && lit.some((u) => u.startsWith('st')), lit.join(','));
      assert.match(await s.attr(`${AFTER} [data-unit-id="${id}"]`, 'class'), /lineage/);
      await s.exec((e) => e.blur(), item);
      await s.waitFor(() => !document.querySelector('.node.lineage'), { message: 'highlight cleared on blur' });
      // The mouse over an entry does the same.
      await s.hover(item);
      await s.waitForSelector(`${BEFORE} .node.lineage`);
      await s.hover('h1');
      await s.waitFor(() => !document.querySelector('.node.lineage'), { message: 'highlight cleared when the mouse leaves' });
      await assertClean('lineage');

      await open('?case=zhejiang');
      const marks = await s.exec((b, a) => {
        const li = document.querySelector('.change-summary li[data-change-kind="internal_unit"]');
        const sum = (side, extra = '') => [...document.querySelectorAll(`${side} g.node[data-kind="internal_unit"]${extra}`)].reduce((n, e) => n + Number(e.dataset.count), 0);
        return {
          shown: { before: sum(b), after: sum(a), merged: sum(b, '[data-change="merged"]'), formed: sum(a, '[data-change="formed"]') },
          summary: { before: Number(li.dataset.before), after: Number(li.dataset.after), merged: Number(li.dataset.merged), formed: Number(li.dataset.formed) },
          glyphs: document.querySelectorAll(`${b} g.node[data-change="merged"] g.mark`).length,
        };
      }, BEFORE, AFTER);
      assert.deepEqual(marks.shown, marks.summary);
      assert.ok(marks.summary.merged > 0 && marks.summary.after < marks.summary.before && marks.glyphs > 0, JSON.stringify(marks));
      await assertClean('change marks');

      await open('?case=tianjin&group=0');
      const drawn = await count(`${AFTER} g.node`);
      await s.click('details[data-outline="after"] summary');
      await s.waitForSelector('details[data-outline="after"] li[data-outline-unit]');
      assert.equal(await count('details[data-outline="after"] li[data-outline-unit]'), drawn);
      const rootStaff = await s.attr(`${AFTER} g.node[data-depth="0"]`, 'data-staff');
      const text = (await s.textContent('details[data-outline="after"] li[data-outline-unit]')).replace(/,/g, '');
      assert.ok(text.includes(rootStaff), text.slice(0, 80));
      await assertClean('outline');
    });

    // The browser changes a closed select's value at each arrow key (and fires `change`): those
    // keys only move the add menu's choice, Enter adds it, Tab away keeps nothing (each ↓ had
    // added a measure in Firefox and WebKit).
    test('the composer\'s add menu: arrow keys move its choice, Enter adds it, Tab away adds nothing', async () => {
      const s = env.s;
      const add = '[data-action="compose-add"]';
      const shown = () => s.exec((sel) => [document.querySelector(sel).value, document.querySelectorAll('[data-compose-step]').length], add);
      await open('?view=compose&lang=en&base=daqing.urban&levers=', { ready: '[data-panel="composer"]' });
      await s.exec((sel) => document.querySelector(sel).focus(), add);
      await s.press(Keys.DOWN, Keys.DOWN);
      await sleep(300);
      const [moved, none] = await shown();
      assert.ok(moved, 'ArrowDown moved the choice');
      assert.equal(none, 0, 'an arrow key added a measure');
      await s.press(Keys.ENTER);
      await s.waitFor((k) => document.querySelector('[data-compose-step]')?.dataset.leverKey === k, { args: [moved], message: 'Enter added the choice' });
      await s.exec((sel) => document.querySelector(sel).focus(), add);
      await s.press(Keys.DOWN, Keys.TAB);
      await sleep(300);
      assert.deepEqual(await shown(), ['', 1]);
      await assertClean('add menu');
    });

    test('the composer: levers added one by one give the case\'s figures; reorder, remove, another base, its own measures', async () => {
      const s = env.s;
      const levers = () => s.exec(() => [...document.querySelectorAll('[data-compose-step]')].map((l) => l.dataset.leverKey));
      const waitLevers = (n) => s.waitFor((k) => document.querySelectorAll('[data-compose-step]').length === k
        && (k > 0 || !!document.querySelector('[data-compose-empty]')), { args: [n], message: `${n} levers` });
      const model = expected['daqing/urban'];
      const own = model.levers.map((l) => `daqing.urban.${l}`);
      await open('?view=compose&lang=en&base=daqing.urban&levers=', { ready: '[data-panel="composer"]' });
      await s.waitForSelector(READY);
      assert.equal(await s.prop('[data-action="compose-base"]', 'value'), 'daqing.urban');
      await waitLevers(0);
      assert.deepEqual(await metrics('after'), model.steps[0]);
      for (const [i, key] of own.entries()) {
        await s.selectOption('[data-action="compose-add"]', key);
        await waitLevers(i + 1);
        assert.equal(await s.prop('[data-action="compose-add"]', 'value'), '', 'the add menu is ready again');
      }
      assert.deepEqual(await levers(), own);
      for (let step = 0; step <= own.length; step++) {
        await s.click(`[data-step="${step}"]`);
        await s.waitForSelector(`[data-step="${step}"][aria-current="step"]`);
        assert.deepEqual(await metrics('after'), model.steps[step], `composed step ${step}`);
      }
      // A lever from another case, moved to the front with the keyboard, then down and out.
      const tianjin = `tianjin.station.${expected['tianjin/station'].levers[0]}`;
      await s.selectOption('[data-action="compose-add"]', tianjin);
      await waitLevers(own.length + 1);
      assert.equal(await s.prop(`[data-compose-step="${own.length}"] [data-action="lever-down"]`, 'disabled'), true);
      for (let i = own.length; i > 0; i--) {
        await s.exec((j) => document.querySelector(`[data-compose-step="${j}"] [data-action="lever-up"]`).focus(), i);
        await s.press(Keys.ENTER);
        await s.waitFor((k, j) => document.querySelector(`[data-compose-step="${j}"]`)?.dataset.leverKey === k, { args: [tianjin, i - 1], message: `moved up to ${i - 1}` });
      }
      assert.deepEqual(await levers(), [tianjin, ...own]);
      assert.equal(new URL(await settledUrl()).searchParams.get('levers'), [tianjin, ...own].join(','));
      await s.click('[data-compose-step="0"] [data-action="lever-down"]');
      await s.waitFor((k) => document.querySelector('[data-compose-step="1"]')?.dataset.leverKey === k, { args: [tianjin], message: 'moved down' });
      await s.click('[data-compose-step="1"] [data-action="lever-remove"]');
      await waitLevers(own.length);
      assert.deepEqual(await levers(), own);
      // Another base keeps the levers; "own measures" takes the base's.
      await s.selectOption('[data-action="compose-base"]', 'tianjin.station');
      await s.waitFor(() => new URL(location.href).searchParams.get('base') === 'tianjin.station', { message: 'base in the address' });
      assert.deepEqual(await levers(), own);
      await s.click('[data-action="compose-own"]');
      await waitLevers(expected['tianjin/station'].levers.length);
      const last = expected['tianjin/station'].levers.length;
      await s.click(`[data-step="${last}"]`);
      await s.waitForSelector(`[data-step="${last}"][aria-current="step"]`);
      assert.deepEqual(await metrics('after'), expected['tianjin/station'].steps[last]);
      // A composed parameter (its key has dots: escaped in CSS) and a reload.
      const staffInput = '#param-tianjin\\.station\\.staff';
      if (await count(staffInput)) {
        const v = Number(await s.prop(staffInput, 'value'));
        await s.fill(staffInput, String(v + 10));
        await s.until(async () => new URL(await s.currentUrl()).searchParams.get('tianjin.station.staff') === String(v + 10), { message: 'composed parameter in the address' });
        await reload({ ready: '[data-panel="composer"] [data-compose-step]' });
        assert.equal(await s.prop(staffInput, 'value'), String(v + 10));
      }
      await assertClean();
    });

    test('one city, four models: every cell is the model\'s, the city drives them, four reforms on one organisation', async () => {
      const s = env.s;
      const cells = () => s.exec(() => {
        const out = {};
        for (const td of document.querySelectorAll('[data-compare]')) {
          const c = (out[td.dataset.case] ??= {});
          c[td.dataset.compare] = td.dataset.effect === 'not-modelled' ? 'not-modelled'
            : td.dataset.effect === 'failed' ? 'failed' : [td.dataset.before, td.dataset.after];
        }
        return out;
      });
      await open('?view=compare&lang=en', { ready: '[data-page="compare"] [data-compare]' });
      const shown = await cells();
      // Columns in the cases' order (an array: WebDriver does not keep the key order of objects).
      const order = await s.exec(() => [...new Set([...document.querySelectorAll('[data-compare]')].map((td) => td.dataset.case))]);
      assert.deepEqual(order, Object.keys(expectedCompare));
      for (const [kase, model] of Object.entries(expectedCompare)) assert.deepEqual(shown[kase], model.cells, kase);
      await s.fill('#city-city_stations', '200');
      await s.waitFor(() => !!document.querySelector('[data-fed-case="haidong"] [data-fed="stations"] [data-capped]'), { message: 'the city fed to the models' });
      const now = await cells();
      assert.notDeepEqual(now.zhejiang.units_total, shown.zhejiang.units_total);
      assert.equal(new URL(await settledUrl()).searchParams.get('city_stations'), '200');
      await s.fill('#city-city_officers', 'lots');
      await s.waitForSelector('[data-city="city_officers"].invalid');
      assert.match(await s.textContent('[data-error="city_officers"]'), /number/i);
      assert.deepEqual(await cells(), now);
      await assertClean('compare');

      // Four reforms on one organisation: every cell as the model's, on two organisations.
      const four = () => s.exec(() => {
        const out = {};
        for (const td of document.querySelectorAll('[data-four]')) {
          const c = (out[td.dataset.case] ??= {});
          c[td.dataset.four] = td.dataset.effect === 'failed' ? 'failed' : [td.dataset.before, td.dataset.after];
        }
        return out;
      });
      const check = async (base) => {
        await s.waitFor((b) => document.querySelector('[data-action="four-base"]')?.value === b, { args: [base], message: `four-base ${base}` });
        const got = await four();
        for (const [kase, model] of Object.entries(expectedFour[base])) {
          if (model === 'refused') {
            assert.ok(Object.values(got[kase]).every((c) => c === 'failed'), `${base} ${kase} refused`);
            continue;
          }
          for (const [fig, cell] of Object.entries(got[kase])) assert.deepEqual(cell, model[fig], `${base} ${kase} ${fig}`);
        }
      };
      await open('?view=compare&lang=en', { ready: '[data-panel="four"] [data-four]' });
      await check('org.typical_city');
      const other = Object.keys(expectedFour).find((k) => k !== 'org.typical_city');
      await s.selectOption('[data-action="four-base"]', other);
      await s.until(async () => new URL(await s.currentUrl()).searchParams.get('four') === other, { message: 'four= in the address' });
      await check(other);
      await reload({ ready: '[data-panel="four"] [data-four]' });
      await check(other);
      await assertClean('four');
    });

    test('after one visit the app opens from its service worker with the server gone, from a sub-path', async (t) => {
      const s = env.s;
      const site = await serve(DIST, '/training/explorer/');
      let closed = false;
      try {
        await open(`${site.url}?case=zhejiang&lang=en`);
        const sw = await s.evaluate(async () => {
          const reg = await navigator.serviceWorker.ready;
          if (!navigator.serviceWorker.controller) {
            await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
          }
          return { scope: reg.scope, caches: await caches.keys() };
        });
        assert.match(sw.scope, /\/training\/explorer\/$/);
        assert.equal(sw.caches.length, 1);
        await assertClean('first visit');
        // No server at all now (WebDriver classic cannot cut the browser's network; this is
        // stricter: nothing answers).
        await site.close();
        closed = true;
        await open(`${site.url}?case=zhejiang&variant=pujiang&lang=en`);
        assert.equal(await s.attr('[data-variant="pujiang"]', 'aria-pressed'), 'true');
        const before = await metric('staff_total');
        await s.fill('#param-leaders', '9');
        await s.until(async () => (await metric('staff_total')) > before, { message: 'it computes offline' });
        assert.match(await settledUrl(), /leaders=9/);
        await reload();
        assert.equal(await s.attr('[data-variant="pujiang"]', 'aria-pressed'), 'true');
        assert.ok((await metric('staff_total')) > before, 'the address kept the edit');
        await assertClean('server gone');
        // The driver's own Refresh: a forced reload in Firefox (like Shift+F5), which skips the
        // worker by design; said, not failed.
        try {
          await s.refresh();
          await s.waitForSelector(READY, { timeout: 20000 });
        } catch (err) {
          t.diagnostic(`${engine}: WebDriver Refresh with the server gone fails (${err.message.slice(0, 90)}…): the driver forces the reload past the service worker; a user's reload (location.reload, F5) works, checked above`);
        }
      } finally {
        // Leave no worker behind for the other tests' origin (a different port: separate anyway).
        await s.evaluate(async () => {
          for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
        }).catch(() => {});
        if (!closed) await site.close();
      }
    });
  });
}
