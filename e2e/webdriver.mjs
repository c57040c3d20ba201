// A thin W3C WebDriver client in plain Node (global fetch, node:child_process), for the tests in
// Firefox (geckodriver + firefox-esr, headless) and WebKit (WebKitGTK's WebKitWebDriver +
// MiniBrowser, under xvfb-run: MiniBrowser needs a display and has no headless mode). Used by
// e2e-engines/ (scripts/setup-engines.sh installs the drivers). No npm dependency of its own;
// `serve` comes from support.mjs (which also loads playwright-core, unused here).
//
//   const driver = await startDriver('firefox');           // a driver on a free port
//   const s = await driver.session({ width: 1400, height: 1000 });
//   await s.navigate(url); await s.waitForSelector('[data-metric]');
//   await s.click('[data-case="tianjin"]'); await s.fill('#param-staff', '3000');
//   ...; await s.quit(); await driver.kill();                // kill() also on failure
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export { serve, DIST } from './support.mjs';

/** The W3C key under which an element reference travels. */
export const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** W3C key codes for `sendKeys` / `press`. */
export const Keys = {
  NULL: '\uE000', BACKSPACE: '\uE003', TAB: '\uE004', ENTER: '\uE007', SHIFT: '\uE008',
  CONTROL: '\uE009', ESCAPE: '\uE00C', END: '\uE010', HOME: '\uE011', LEFT: '\uE012',
  UP: '\uE013', RIGHT: '\uE014', DOWN: '\uE015', DELETE: '\uE017',
};

/** The first executable called `name` on PATH (or `name` itself when it is a path). */
export function which(name) {
  if (!name) return null;
  const runnable = (p) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (name.includes('/')) return runnable(name) ? name : null;
  const dirs = [...(process.env.PATH || '').split(delimiter), join(process.env.HOME || '/root', '.cargo/bin')];
  for (const d of dirs) if (d && runnable(join(d, name))) return join(d, name);
  return null;
}

function miniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  for (const lib of ['/usr/lib', '/usr/libexec']) {
    let dirs = [];
    try {
      dirs = readdirSync(lib);
    } catch {
      continue;
    }
    for (const arch of ['', ...dirs.filter((d) => d.endsWith('-linux-gnu'))]) {
      for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
        const p = join(lib, arch, api, 'MiniBrowser');
        if (existsSync(p)) return p;
      }
    }
  }
  return null;
}

/** What each engine needs on this machine: the driver, the browser, and the capabilities. */
export const ENGINES = {
  firefox: {
    name: 'Firefox',
    driver: () => which(process.env.GECKODRIVER || 'geckodriver'),
    browser: () => which(process.env.FIREFOX || '/usr/bin/firefox-esr'),
    args: (port) => ['--host', '127.0.0.1', '--port', String(port)],
    wrap: null,
    capabilities: (browser, { downloads }) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: browser,
        args: ['-headless'],
        prefs: {
          // Console messages of pages on Firefox's stdout (the driver's log): panics, errors.
          'devtools.console.stdout.content': true,
          // Lets a test read the clipboard back without Firefox's "Paste" popup.
          'dom.events.testing.asyncClipboard': true,
          // Real downloads (when a test lets one through) land in this folder, unasked.
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.download.start_downloads_in_tmp_dir': false,
          'browser.download.alwaysOpenPanel': false,
          'browser.download.panel.shown': true,
          'browser.helperApps.neverAsk.saveToDisk': 'text/csv,image/svg+xml,image/png,application/json,application/octet-stream',
          'app.update.auto': false,
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          // No experiments or remote settings (they log errors of their own without a network).
          'messaging-system.rsexperimentloader.enabled': false,
          'app.normandy.enabled': false,
          'app.shield.optoutstudies.enabled': false,
          'toolkit.telemetry.enabled': false,
        },
      },
    }),
  },
  webkit: {
    name: 'WebKit',
    driver: () => which(process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver'),
    browser: () => miniBrowser(),
    args: (port) => ['--host=127.0.0.1', `--port=${port}`],
    // MiniBrowser draws on a display: the driver (and the browser it starts) under a virtual one.
    wrap: () => which(process.env.XVFB_RUN || '/usr/bin/xvfb-run'),
    wrapArgs: ['-a', '-s', '-screen 0 1600x1200x24'],
    // A home of its own: nothing of the user's is read or written, and downloads (which
    // WebKitGTK saves to the XDG download folder, else the home folder) land in `downloads`.
    home: (home, downloads) => {
      mkdirSync(join(home, '.config'), { recursive: true });
      writeFileSync(join(home, '.config', 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
      return { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'), XDG_CACHE_HOME: join(home, '.cache') };
    },
    capabilities: (browser) => ({
      'webkitgtk:browserOptions': {
        binary: browser,
        // (MiniBrowser's --enable-write-console-messages-to-stdout is not honoured in automation
        // mode: the tests record console errors in the page instead.)
        args: ['--automation'],
      },
    }),
  },
};

/** Why `engine` cannot run here (null when it can). */
export function missing(engine) {
  const e = ENGINES[engine];
  if (!e) return `unknown engine "${engine}" (known: ${Object.keys(ENGINES).join(', ')})`;
  const lacks = [];
  if (!e.driver()) lacks.push(engine === 'firefox' ? 'geckodriver (cargo install geckodriver --locked)' : '/usr/bin/WebKitWebDriver (apt-get install webkit2gtk-driver)');
  if (!e.browser()) lacks.push(engine === 'firefox' ? '/usr/bin/firefox-esr (apt-get install firefox-esr)' : 'MiniBrowser (apt-get install webkit2gtk-driver)');
  if (e.wrap && !e.wrap()) lacks.push('/usr/bin/xvfb-run (apt-get install xvfb)');
  return lacks.length ? `${e.name} is not installed here: no ${lacks.join(', no ')}; run bash scripts/setup-engines.sh` : null;
}

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class WebDriverError extends Error {
  constructor(command, error, message, data) {
    super(`${command}: ${error}: ${message}`);
    this.name = 'WebDriverError';
    this.error = error;
    this.data = data;
  }
}

// Every driver started and not yet killed: killed when the process exits in any way.
const running = new Set();
function killAllSync() {
  for (const d of running) d.killSync();
}
process.on('exit', killAllSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killAllSync();
    process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
  });
}

/** A running WebDriver server for `engine`: its own process group (with xvfb-run, Xvfb and the
 *  browser), killed as a whole by `kill()`. */
export class Driver {
  constructor(engine, proc, url, downloads, scratch) {
    this.engine = engine;
    this.scratch = scratch;
    this.proc = proc;
    this.url = url;
    this.downloads = downloads;
    this.log = [];
    this.exited = false;
    this.sessions = new Set();
    proc.on('exit', () => { this.exited = true; });
    const keep = (chunk) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line) this.log.push(line);
      if (this.log.length > 20000) this.log.splice(0, this.log.length - 20000);
    };
    proc.stdout.on('data', keep);
    proc.stderr.on('data', keep);
  }

  /** Lines the driver and its browser printed since `mark` (a previous `log.length`). */
  logSince(mark = 0) {
    return this.log.slice(mark);
  }

  async request(method, path, body, { timeout = 60000 } = {}) {
    if (this.exited) throw new Error(`${this.engine} driver has exited; last output:\n${this.log.slice(-20).join('\n')}`);
    let res;
    try {
      res = await fetch(this.url + path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeout),
      });
    } catch (e) {
      throw new Error(`${method} ${path}: ${e.name === 'TimeoutError' ? `no answer in ${timeout} ms` : e.message}`);
    }
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${path}: HTTP ${res.status}, not JSON: ${text.slice(0, 300)}`);
    }
    const v = json?.value;
    if (!res.ok || (v && typeof v === 'object' && typeof v.error === 'string')) {
      throw new WebDriverError(`${method} ${path}`, v?.error ?? `HTTP ${res.status}`, v?.message ?? text.slice(0, 300), v?.data);
    }
    return v;
  }

  /** A new browser session; `width`×`height` is the window size. */
  async session({ width = 1400, height = 1000 } = {}) {
    const e = ENGINES[this.engine];
    const caps = e.capabilities(e.browser(), { downloads: this.downloads });
    let value;
    // A new session can fail when the browser starts slowly: try a second time.
    for (let attempt = 1; ; attempt++) {
      try {
        value = await this.request('POST', '/session', { capabilities: { alwaysMatch: caps } }, { timeout: 90000 });
        break;
      } catch (err) {
        if (attempt >= 2) throw err;
        await sleep(1000);
      }
    }
    const s = new Session(this, value.sessionId, value.capabilities);
    this.sessions.add(s);
    await s.timeouts({ script: 30000, pageLoad: 60000, implicit: 0 });
    await s.setWindowSize(width, height);
    return s;
  }

  killSync(signal = 'SIGKILL') {
    if (this.exited && !running.has(this)) return;
    try {
      process.kill(-this.proc.pid, signal);
    } catch {
      // Already gone.
    }
    running.delete(this);
    try {
      rmSync(this.scratch, { recursive: true, force: true });
    } catch {
      // Nothing to remove.
    }
  }

  /** Ends open sessions (briefly), then the whole process group: TERM, and KILL after 5 s. */
  async kill() {
    for (const s of this.sessions) await s.quit().catch(() => {});
    if (!running.has(this)) return;
    try {
      process.kill(-this.proc.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      try {
        process.kill(-this.proc.pid, 0);
      } catch {
        break; // the group is empty
      }
      await sleep(100);
    }
    this.killSync('SIGKILL');
  }
}

/** Starts `engine`'s driver on a free port and waits until its /status says ready. */
export async function startDriver(engine, { readyTimeout = 30000 } = {}) {
  const why = missing(engine);
  if (why) throw new Error(why);
  const e = ENGINES[engine];
  const port = await freePort();
  const scratch = mkdtempSync(join(tmpdir(), `${engine}-webdriver-`));
  let cmd = e.driver();
  let args = e.args(port);
  if (e.wrap) {
    // The X authority file in our scratch folder: xvfb-run then makes no temporary folder of
    // its own (which it leaves behind when killed).
    args = [...e.wrapArgs, '-f', join(scratch, 'Xauthority'), cmd, ...args];
    cmd = e.wrap();
  }
  const downloads = join(scratch, 'downloads');
  mkdirSync(downloads);
  const env = { ...process.env, ...(e.home ? e.home(join(scratch, 'home'), downloads) : {}) };
  // detached: a process group of its own, so that kill() reaches xvfb-run's Xvfb and the browser.
  const proc = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  const driver = new Driver(engine, proc, `http://127.0.0.1:${port}`, downloads, scratch);
  running.add(driver);
  const failedToStart = new Promise((_, fail) => {
    proc.on('error', (err) => fail(new Error(`${cmd}: ${err.message}`)));
  });
  failedToStart.catch(() => {});
  const deadline = Date.now() + readyTimeout;
  try {
    for (;;) {
      if (driver.exited) throw new Error(`${engine} driver exited at start:\n${driver.log.join('\n')}`);
      const status = await Promise.race([
        fetch(`${driver.url}/status`, { signal: AbortSignal.timeout(2000) }).then((r) => r.json()).catch(() => null),
        failedToStart,
      ]);
      if (status?.value?.ready) return driver;
      // WebKitWebDriver says ready: false while a session is open; none is open yet.
      if (status?.value && status.value.ready === undefined) return driver;
      if (Date.now() > deadline) throw new Error(`${engine} driver not ready after ${readyTimeout} ms:\n${driver.log.join('\n')}`);
      await sleep(100);
    }
  } catch (err) {
    await driver.kill();
    throw err;
  }
}

/** One browser session. Selectors are CSS; methods that take `target` accept a selector or an
 *  element reference (from `find`). */
export class Session {
  constructor(driver, id, capabilities) {
    this.driver = driver;
    this.id = id;
    this.capabilities = capabilities;
    this.engine = driver.engine;
    this.closed = false;
    this.retried = [];
  }

  cmd(method, path, body, opts) {
    return this.driver.request(method, `/session/${this.id}${path}`, body, opts);
  }

  timeouts(t) { return this.cmd('POST', '/timeouts', t); }

  // --- navigation -----------------------------------------------------------------------------
  navigate(url) { return this.cmd('POST', '/url', { url }); }
  currentUrl() { return this.cmd('GET', '/url'); }
  refresh() { return this.cmd('POST', '/refresh', {}); }
  back() { return this.cmd('POST', '/back', {}); }
  title() { return this.cmd('GET', '/title'); }

  // --- windows and frames ---------------------------------------------------------------------
  setWindowSize(width, height) { return this.cmd('POST', '/window/rect', { width, height }); }
  windowRect() { return this.cmd('GET', '/window/rect'); }
  /** Into the frame `target` (an iframe selector or element), or back to the top with null. */
  async frame(target) {
    const id = target === null ? null : await this.ref(target);
    return this.cmd('POST', '/frame', { id });
  }
  /** A PNG of the viewport, base64, once the page has painted its current state. */
  async screenshot() {
    await this.painted();
    return this.cmd('GET', '/screenshot');
  }

  // --- elements -------------------------------------------------------------------------------
  /** The first element matching `css`; throws `no such element` when none does within
   *  `wait` ms (polled: the implicit wait stays 0 so that `findAll` and `count` never wait).
   *  A find that succeeded only on a later try is recorded in `retried`. */
  async find(css, from, { wait = 2000 } = {}) {
    const path = from ? `/element/${from[ELEMENT]}/element` : '/element';
    const deadline = Date.now() + wait;
    for (let tries = 1; ; tries++) {
      try {
        const el = await this.cmd('POST', path, { using: 'css selector', value: css });
        if (tries > 1) this.retried.push(`${css} (found on try ${tries})`);
        return el;
      } catch (err) {
        if (err.error !== 'no such element' || Date.now() > deadline) throw err;
        await sleep(50);
      }
    }
  }
  /** Every element matching `css` (maybe none). */
  findAll(css, from) {
    const path = from ? `/element/${from[ELEMENT]}/elements` : '/elements';
    return this.cmd('POST', path, { using: 'css selector', value: css });
  }
  async ref(target) {
    return typeof target === 'string' ? this.find(target) : target;
  }
  async count(css) { return (await this.findAll(css)).length; }
  async exists(css) { return (await this.count(css)) > 0; }

  /** Clicks as a user would (scrolled into view, at its centre); W3C Element Click. */
  async click(target) {
    const el = await this.ref(target);
    return this.cmd('POST', `/element/${el[ELEMENT]}/click`, {});
  }
  async clear(target) {
    const el = await this.ref(target);
    return this.cmd('POST', `/element/${el[ELEMENT]}/clear`, {});
  }
  /** Types `text` into `target` (W3C Element Send Keys; may contain `Keys`). */
  async sendKeys(target, text) {
    const el = await this.ref(target);
    return this.cmd('POST', `/element/${el[ELEMENT]}/value`, { text });
  }
  /** Replaces the value of an input with `text` by typing, as a user would: select all, delete,
   *  type (each fires `input` events; W3C Element Clear fires none the app listens to). */
  async fill(target, text) {
    const el = await this.ref(target);
    await this.sendKeys(el, Keys.CONTROL + 'a' + Keys.NULL + Keys.BACKSPACE);
    // Some engines leave text when Ctrl+A does not select in this field: clear what is left.
    if ((await this.prop(el, 'value')) !== '') {
      await this.exec('arguments[0].select()', el);
      await this.sendKeys(el, Keys.BACKSPACE);
    }
    if (text !== '') await this.sendKeys(el, text);
  }
  async text(target) {
    const el = await this.ref(target);
    return this.cmd('GET', `/element/${el[ELEMENT]}/text`);
  }
  /** The DOM text (textContent), visible or not. */
  async textContent(target) {
    return this.exec('return arguments[0].textContent', await this.ref(target));
  }
  async attr(target, name) {
    const el = await this.ref(target);
    return this.cmd('GET', `/element/${el[ELEMENT]}/attribute/${encodeURIComponent(name)}`);
  }
  async prop(target, name) {
    const el = await this.ref(target);
    return this.cmd('GET', `/element/${el[ELEMENT]}/property/${encodeURIComponent(name)}`);
  }
  async displayed(target) {
    const el = await this.ref(target);
    return this.cmd('GET', `/element/${el[ELEMENT]}/displayed`);
  }
  async enabled(target) {
    const el = await this.ref(target);
    return this.cmd('GET', `/element/${el[ELEMENT]}/enabled`);
  }
  async rect(target) {
    const el = await this.ref(target);
    return this.cmd('GET', `/element/${el[ELEMENT]}/rect`);
  }
  /** Picks the option with this value in a <select> (clicking it, as W3C says for options). */
  async selectOption(selectCss, value) {
    const opt = await this.find(`${selectCss} option[value="${value}"]`);
    return this.click(opt);
  }

  // --- keyboard and pointer -------------------------------------------------------------------
  /** Presses each key in turn on whatever has focus (W3C Perform Actions). */
  async press(...keys) {
    const actions = [];
    for (const k of keys) actions.push({ type: 'keyDown', value: k }, { type: 'keyUp', value: k });
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  }
  /** Clicks with the mouse at the centre of `target`'s box (scrolled to the middle of the view),
   *  wherever the click lands: for SVG groups (`<g>`), which W3C Element Click refuses (a group
   *  is never the element hit at a point; its children are). */
  async clickAt(target) {
    const el = await this.ref(target);
    const r = await this.exec((e) => {
      e.scrollIntoView({ block: 'center', inline: 'center' });
      const b = e.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }, el);
    await this.cmd('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', duration: 0, x: Math.round(r.x), y: Math.round(r.y) },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ] }] });
    await this.cmd('DELETE', '/actions');
  }
  /** Turns the mouse wheel by (dx, dy) over viewport point (x, y), holding `modifier` (a `Keys`
   *  value, e.g. Keys.CONTROL) when given: W3C wheel actions. */
  async wheel(x, y, dx, dy, modifier) {
    const sources = [{ type: 'wheel', id: 'wheel', actions: [
      ...(modifier ? [{ type: 'pause', duration: 0 }] : []),
      { type: 'scroll', x: Math.round(x), y: Math.round(y), deltaX: dx, deltaY: dy, duration: 0 },
      ...(modifier ? [{ type: 'pause', duration: 0 }] : []),
    ] }];
    if (modifier) {
      sources.unshift({ type: 'key', id: 'keyboard-wheel', actions: [
        { type: 'keyDown', value: modifier }, { type: 'pause', duration: 0 }, { type: 'keyUp', value: modifier },
      ] });
    }
    await this.cmd('POST', '/actions', { actions: sources });
    await this.cmd('DELETE', '/actions');
  }
  /** Moves the mouse to the centre of `target` (hover). */
  async hover(target) {
    const el = await this.ref(target);
    await this.exec((e) => e.scrollIntoView({ block: 'center' }), el);
    // Drawn before it is pointed at, as for a user: content-visibility leaves what was off screen
    // undrawn until the frame after the scroll, and WebKit then finds it not interactable.
    await this.painted();
    await this.cmd('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', duration: 0, origin: el, x: 0, y: 0 },
    ] }] });
  }
  /** Waits until the page has painted what its DOM says (two animation frames, at most 500 ms):
   *  WebKitGTK's screenshot otherwise returns the last frame painted. */
  async painted() {
    await this.evaluate(() => new Promise((ok) => {
      requestAnimationFrame(() => requestAnimationFrame(ok));
      setTimeout(ok, 500);
    })).catch(() => {});
  }
  /** Drags with the mouse from (x0, y0) to (x1, y1), viewport coordinates. */
  async drag(x0, y0, x1, y1, steps = 5) {
    const actions = [{ type: 'pointerMove', duration: 0, x: Math.round(x0), y: Math.round(y0) }, { type: 'pointerDown', button: 0 }];
    for (let i = 1; i <= steps; i++) {
      actions.push({ type: 'pointerMove', duration: 20, x: Math.round(x0 + ((x1 - x0) * i) / steps), y: Math.round(y0 + ((y1 - y0) * i) / steps) });
    }
    actions.push({ type: 'pointerUp', button: 0 });
    await this.cmd('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
    await this.cmd('DELETE', '/actions');
  }

  // --- scripts --------------------------------------------------------------------------------
  /** Runs `script` (a function body; `arguments[i]` are `args`) and returns its value. */
  exec(script, ...args) {
    return this.cmd('POST', '/execute/sync', { script: fnBody(script), args });
  }
  /** Runs `script`, which calls `arguments[arguments.length - 1](value)` when done. */
  execAsync(script, ...args) {
    return this.cmd('POST', '/execute/async', { script: fnBody(script), args }, { timeout: 70000 });
  }
  /** Awaits the promise an async function returns: `evaluate(async (a, b) => …, a, b)`. */
  evaluate(fn, ...args) {
    const src = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn.toString()})(...Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: String(e) + (e && e.stack ? ' | ' + e.stack : '') }));`;
    return this.execAsync(src, ...args).then((r) => {
      if (r && 'err' in r) throw new Error(`in page: ${r.err}`);
      return r?.ok;
    });
  }

  // --- waiting --------------------------------------------------------------------------------
  /** Polls `check` (a function run in the page by `evaluate`, with `args`) until it returns a
   *  truthy value; throws after `timeout` ms with `message` and the last value. */
  async waitFor(check, { timeout = 15000, interval = 50, message = 'condition', args = [] } = {}) {
    return this.until(() => this.evaluate(check, ...args), { timeout, interval, message });
  }
  /** Polls `fn` in Node (not in the page) until it returns a truthy value. */
  async until(fn, { timeout = 15000, interval = 50, message = 'condition' } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    let lastErr;
    for (;;) {
      try {
        last = await fn();
        if (last) return last;
        lastErr = undefined;
      } catch (err) {
        lastErr = err;
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.engine}: timed out after ${timeout} ms waiting for ${message}` +
          (lastErr ? ` (last error: ${lastErr.message})` : ` (last value: ${JSON.stringify(last)})`));
      }
      await sleep(interval);
    }
  }
  /** Waits for an element matching `css` (present in the DOM) and returns it. */
  async waitForSelector(css, { timeout = 15000 } = {}) {
    await this.waitFor((sel) => !!document.querySelector(sel), { timeout, args: [css], message: css });
    return this.find(css);
  }

  /** Ends the session (closes the browser); harmless when already done. */
  async quit() {
    if (this.closed) return;
    this.closed = true;
    this.driver.sessions.delete(this);
    await this.cmd('DELETE', '', undefined, { timeout: 15000 }).catch(() => {});
  }
}

/** A script as the body WebDriver wants: a string as it is, a function as a call of it. */
function fnBody(script) {
  if (typeof script === 'string') return script;
  return `return (${script.toString()}).apply(null, arguments);`;
}

/** Starts `engine`'s driver and one session; `use(session)` runs, then both end whatever happens. */
export async function withSession(engine, use, opts) {
  const driver = await startDriver(engine);
  try {
    const s = await driver.session(opts);
    return await use(s);
  } finally {
    await driver.kill();
  }
}
