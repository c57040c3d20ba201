// Shared by scripts/bench.mjs, bench-ab.mjs, cold-ab.mjs and trace-cold.mjs: how a parameter change
// and a cold start are timed, and the median they report.

/** The median of `t` (the upper one of an even count). */
export const median = (t) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)];

// Time from a parameter change to the last DOM mutation it causes: Leptos applies updates in
// microtasks after the input event, so every mutation lands before the next macrotask (the panels
// off screen follow in a task after the next frame: not counted). Each run toggles one parameter
// between two valid values, so every run really changes the model.
export async function timeChanges(page, key, values, n, allowNone = false) {
  return page.evaluate(async ({ key, values, n, allowNone }) => {
    const input = document.querySelector(`#param-${key}`);
    const out = [];
    for (let i = 0; i < n; i++) {
      let last = -1;
      const mo = new MutationObserver(() => { last = performance.now(); });
      mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const t0 = performance.now();
      input.value = values[i % 2];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      mo.disconnect();
      if (last < 0 && !allowNone) throw new Error(`no DOM change after ${key}=${values[i % 2]}`);
      if (last >= 0) out.push(last - t0);
      // The next change starts from a quiet page: after a painted frame and the tasks queued
      // in it (the panels off screen follow a change in such a task: ui/off_screen.rs). A
      // change made in the frame's own callback would count that frame's rendering and those
      // tasks as its own update.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, { key, values, n, allowNone });
}

/** Every parameter of the page, each with a second valid value one step away (data-step-size,
 *  within data-min..data-max). */
export async function allParams(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('[data-param]')).map((p) => {
    const input = p.querySelector('input');
    const v = Number(input.value);
    const step = Number(p.dataset.stepSize) || 1;
    const next = v + step <= Number(p.dataset.max) ? v + step : v - step;
    const fmt = (x) => String(Math.round(x * 1e6) / 1e6);
    return { key: p.dataset.param, values: [fmt(next), fmt(v)] };
  }));
}


// Time from a parameter's input event to the next painted frame: the first task after the
// next animation frame, so style, layout and paint of that frame are included. Each change starts
// right after a painted frame, so `painted` has a floor of one frame interval (16.7 ms measured on
// an idle page, whatever the work): it is the worst phase of an input within a frame. Each change
// also gives its parts: `update` (input -> the end of the update's task, a timeout queued after the
// event) and `render` (the animation frame -> the next task: that frame's style, layout, paint).
// `update + render` is the main thread's work for the change; when it is within one frame interval,
// an input at any time in a frame is painted in the first frame after it (no frame is dropped).
export async function timeFrameParts(page, key, values, n) {
  return page.evaluate(async ({ key, values, n }) => {
    const input = document.querySelector(`#param-${key}`);
    const out = [];
    for (let i = 0; i < n; i++) {
      // Start from a quiet page: after a painted frame.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      // The frame's callback is asked for before the input, so it runs first in that frame:
      // whatever the page itself does in the frame counts as rendering.
      let t0 = 0;
      let raf = NaN;
      const frame = new Promise((r) => requestAnimationFrame(() => { raf = performance.now() - t0; setTimeout(r, 0); }));
      t0 = performance.now();
      input.value = values[i % 2];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      let update = NaN;
      setTimeout(() => { update = performance.now() - t0; }, 0);
      await frame;
      const painted = performance.now() - t0;
      out.push({ painted, update: Number.isNaN(update) ? raf : update, render: painted - raf });
    }
    return out;
  }, { key, values, n });
}

/** One frame interval at 60 Hz: the budget of an update and its frame's rendering. */
export const FRAME_MS = 1000 / 60;

/**
 * Cold start: a fresh context (empty cache) opens `url`; the time from navigation to the first
 * figure on screen (a key figure after the reform, with its number) is read from the page's
 * own clock (performance.now() counts from navigation start). `net` emulates a link through
 * Chromium's DevTools protocol.
 */
export async function coldStart(browser, url, net, opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  if (net) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...net });
  }
  await page.addInitScript((diagram) => {
    // The first figure on screen: a key figure after the reform (the strip at the top), or on
    // a page without them the numbers' staff total. The frame that shows it: the first
    // contentful paint when the figure was in the page before it (the first screen is built in
    // one task, so that paint shows it), else the first task after the next animation frame
    // (an upper bound: the page's own work queued after that frame runs before it).
    const seen = () => ['[data-key-figure] [data-phase="after"]', '[data-metric="staff_total"][data-phase="after"]']
      .some((s) => { const el = document.querySelector(s); return el && /\d/.test(el.textContent); });
    const mo = new MutationObserver(() => {
      if (seen()) {
        mo.disconnect();
        window.__figureInDom = performance.now();
        requestAnimationFrame(() => setTimeout(() => { window.__firstFigure = performance.now(); }));
      }
    });
    mo.observe(document, { subtree: true, childList: true, characterData: true });
    // The diagrams (built after the first frame), when asked for (`opts.diagram`; otherwise
    // the start measured carries no observer of them): the frame after the first box of the
    // "after" diagram is in the page.
    if (!diagram) return;
    const drawn = new MutationObserver(() => {
      if (document.querySelector('[data-phase="after"] [data-unit-id], .diagram [data-unit-id]')) {
        drawn.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__diagram = performance.now(); }));
      }
    });
    drawn.observe(document, { subtree: true, childList: true });
  }, Boolean(opts.diagram));
  await page.goto(url);
  await page.waitForFunction(() => window.__firstFigure, null, { timeout: 30000, polling: 20 });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length, null, { timeout: 5000 }).catch(() => {});
  // A page with diagrams: until they are drawn (NaN on a page without, after 10 s).
  if (opts.diagram) await page.waitForFunction(() => window.__diagram, null, { timeout: 10000, polling: 20 }).catch(() => {});
  const t = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const figure = fcp >= window.__figureInDom ? fcp : window.__firstFigure;
    return { figure, fcp, diagram: window.__diagram ?? NaN };
  });
  await context.close();
  return t;
}
