// Shared by the end-to-end tests, the benchmark and the screenshot script: a static file server
// for dist/ on loopback, and Debian's Chromium driven by playwright-core (no browser download).
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
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 20000 });
  return { page, context, errors, requests };
}

/** Every `data-metric` cell of one phase ("before" or "after") as { key: value }. */
export async function shownMetrics(page, phase) {
  return page.$$eval(`[data-metric][data-phase="${phase}"]`, (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.metric, e.dataset.value])));
}

/** The `data-value` of a metric cell as a number. */
export async function metric(page, key, phase = 'after') {
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
