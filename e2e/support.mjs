// Shared by the end-to-end tests, the benchmark and the screenshot script: a static file server
// for dist/ on loopback, Debian's Chromium driven by playwright-core (no browser download), and
// the page helpers the tests share (open a page, set a parameter, reopen its link).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export const DIST = resolve(process.env.DIST || 'dist');

/**
 * Serves `root` under `prefix` (e.g. "/app/") on 127.0.0.1 at a free port. With `gzip`, bodies
 * go out compressed to a browser that accepts it, as static hosts do (the benchmark's cold start).
 */
export async function serve(root = DIST, prefix = '/', { gzip = false } = {}) {
  const zipped = new Map();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (!url.pathname.startsWith(prefix)) {
        res.writeHead(404).end('not found');
        return;
      }
      let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
      const file = normalize(join(root, rel));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      const s = await stat(file).catch(() => null);
      const path = s && s.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(path);
      const type = { 'content-type': TYPES[extname(path)] || 'application/octet-stream' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        if (!zipped.has(path)) zipped.set(path, gzipSync(body, { level: 9 }));
        res.writeHead(200, { ...type, 'content-encoding': 'gzip' });
        res.end(zipped.get(path));
        return;
      }
      res.writeHead(200, type);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/**
 * Opens `url` in a new page and waits for the app to render. Console errors, page errors and
 * requests are recorded on the returned object for the tests to check. With `offline`, the
 * page has no network at all. `ready` is what shows once the page is drawn (by default the case
 * page's staff total).
 */
export async function open(browser, url, { viewport = { width: 1400, height: 1000 }, offline = false, permissions = [], ready = '[data-metric="staff_total"][data-phase="after"]' } = {}) {
  const context = await browser.newContext({ viewport, permissions });
  // Offline: the browser's network is cut (requests are still recorded, and fail).
  if (offline) await context.setOffline(true);
  const page = await context.newPage();
  const errors = recordErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 20000 });
  await partsMounted(page);
  return { page, context, errors, requests };
}

/** Waits until the page's lazily loaded parts that are drawn without being asked for (the lineage
 *  list, the panels below the first screen) are mounted: their containers leave
 *  `data-part="pending"`. */
export async function partsMounted(page) {
  await page.waitForFunction(() => !document.querySelector('[data-part="pending"]'), null, { timeout: 20000 });
}

/** Waits until the panels off screen have followed the last change (ui/off_screen.rs: they do
 *  so in a task after the next frame, their container `aria-busy` meanwhile). */
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 20000 });
}

/** Records `page`'s console errors and uncaught exceptions in `errors` (each after `tag`), and
 *  returns it. */
export function recordErrors(page, errors = [], tag = '') {
  page.on('console', (m) => { if (m.type() === 'error') errors.push(tag + m.text()); });
  page.on('pageerror', (e) => errors.push(tag + String(e)));
  return errors;
}

/** Opens `url` as `open` does (`opts` may be left out) and runs `use` with what `open` returns
 *  and the `url`; then the page must have logged no error. Its context is closed either way.
 *  Returns what `use` returns. */
export async function withPage(browser, url, opts, use) {
  if (typeof opts === 'function') [opts, use] = [{}, opts];
  const p = await open(browser, url, opts);
  try {
    const out = await use({ ...p, url });
    assert.deepEqual(p.errors, []);
    return out;
  } finally {
    await p.context.close();
  }
}

/** `page`'s settled link (see `settledUrl`) opened in a fresh context with `withPage`: the state
 *  the link alone brings back. `use` gets the link as `url`. */
export async function reopen(browser, page, opts, use) {
  return withPage(browser, await settledUrl(page), opts, use);
}

/** Types `value` into parameter `key`'s field, opening its folded group first as a user would,
 *  then waits for the page's next frame: the app recomputes on the input event itself, so by
 *  then the page shows the change. The wait is the page's own clock, not a fixed delay, so it
 *  holds however loaded the machine is; a test still waits for the figure it checks. */
export async function setParam(page, key, value) {
  const field = `#param-${key.replace(/\./g, '\\.')}`;
  await page.$eval(field, (e) => { const g = e.closest('details[data-param-group]'); if (g) g.open = true; });
  await page.fill(field, String(value));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
}

/** Waits until metric `key`'s cell of `phase` shows `value` (polled in the page). */
export function waitMetric(page, key, value, phase = 'after') {
  return page.waitForFunction(([sel, v]) => document.querySelector(sel)?.dataset.value === v,
    [`[data-metric="${key}"][data-phase="${phase}"]`, String(value)]);
}

/** A seeded generator (mulberry32) of numbers in [0, 1): the same seed, the same sequence. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every `data-metric` cell of one phase ("before" or "after") as { key: value }. */
export async function shownMetrics(page, phase) {
  await partsMounted(page);
  await settled(page);
  return page.$$eval(`[data-metric][data-phase="${phase}"]`, (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.metric, e.dataset.value])));
}

/** The `data-value` of a metric cell as a number. */
export async function metric(page, key, phase = 'after') {
  await settled(page);
  const v = await page.getAttribute(`[data-metric="${key}"][data-phase="${phase}"]`, 'data-value');
  return Number(v);
}

/** The page's URL once the app has written its state to it (the app waits 250 ms for edits to
 *  settle before it rewrites the address bar). */
export async function settledUrl(page) {
  // A timer set in the page after the change fires after the app's own (250 ms), however slow
  // the machine is (a fixed wait in the test runner's clock failed under load).
  return page.evaluate(() => new Promise((r) => setTimeout(() => r(location.href), 400)));
}

/** Registers a server and a browser for a test file (with node:test's `before`/`after`) and
 *  returns an object whose `server` and `browser` are set once the tests run. */
export function useBrowser(before, after) {
  const s = {};
  before(async () => {
    s.server = await serve();
    s.browser = await launch();
  });
  after(async () => {
    await s.browser?.close();
    await s.server?.close();
  });
  return s;
}
