// End-to-end for the panels off screen (issue 18, item 5; ui/off_screen.rs): while the side column
// and the lineage list are below the fold, a parameter change updates what is on screen in its
// own task and those panels in a task after the next frame (their container `aria-busy`
// meanwhile); once on screen they follow in the change's own task; another scope is shown in
// them at once, wherever they are, and so is a return from the comparison; a parameter and the
// step changed together end as a fresh load of the link shows them; with no frame (a background
// tab, emulated by holding requestAnimationFrame's callbacks) a copy is made by its own 100 ms
// backstop, never by an earlier wait's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, settled, settledUrl, useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);

/** Changes parameter `key` to `value` and reads, at the end of the change's own task (a timeout
 *  queued after the event) and again after the next painted frame and the tasks queued in it:
 *  the numbers' `metric` after the reform, the top box of the "after" diagram (on screen), the
 *  lineage list's length and which containers are busy. */
function change(page, key, value, metric) {
  return page.evaluate(async ({ key, value, metric }) => {
    const read = () => ({
      metric: document.querySelector(`[data-metric="${metric}"][data-phase="after"]`)?.dataset.value,
      top: document.querySelector('[data-phase="after"] [data-unit-id="m"]')?.dataset.staff,
      busy: [...document.querySelectorAll('[aria-busy="true"]')].map((e) => e.className),
      lineage: document.querySelectorAll('.lineage-list > li').length,
    });
    const input = document.querySelector(`#param-${key}`);
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const inTask = await new Promise((r) => setTimeout(() => r(read()), 0));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    await new Promise((r) => setTimeout(r, 0));
    return { inTask, later: read() };
  }, { key, value, metric });
}

/** Waits two frames and the task after them: the observers have reported where things are. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));

/** Whether `css` is below the viewport. */
const below = (page, css) => page.$eval(css, (e) => e.getBoundingClientRect().top >= innerHeight);

test('panels below the fold follow a change after its frame; on screen, in its own task', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.url}?case=daqing&variant=urban&lang=en`);
  try {
    assert.ok(await below(page, '.side-col'), 'the side column starts below the fold at 1400 × 1000');
    assert.ok(await below(page, '.lineage-at'), 'the lineage list starts below the fold');
    await frames(page);
    const before = await page.$eval('[data-metric="staff_total"][data-phase="after"]', (e) => e.dataset.value);
    // Urban staff 2500 -> 2510: the staff total in the numbers, and 50 more lineage entries.
    const lineage0 = await page.$$eval('.lineage-list > li', (l) => l.length);
    const off = await change(page, 'staff', 2510, 'staff_total');
    assert.equal(off.inTask.top, '2510', 'the diagram on screen follows in the change\'s task');
    assert.equal(off.inTask.metric, before, 'the numbers off screen wait for the frame');
    assert.equal(off.inTask.lineage, lineage0, 'the lineage list off screen waits for the frame');
    assert.deepEqual(off.inTask.busy.sort(), ['later lineage-at', 'side-col'], 'their containers say they are busy');
    assert.equal(off.later.metric, '2510', 'the numbers follow after the frame');
    assert.notEqual(off.later.lineage, lineage0, 'the lineage list follows after the frame');
    assert.deepEqual(off.later.busy, [], 'and nothing is busy then');

    // On screen: in the change's own task.
    await page.$eval('[data-metric="staff_total"][data-phase="after"]', (e) => e.scrollIntoView({ block: 'center' }));
    await frames(page);
    const on = await change(page, 'staff', 2520, 'staff_total');
    assert.equal(on.inTask.metric, '2520', 'the numbers on screen follow in the change\'s task');
    assert.ok(!on.inTask.busy.includes('side-col'), 'the side column on screen is never busy');

    // Back to the top: another scope is shown below the fold at once.
    await page.evaluate(() => scrollTo(0, 0));
    await frames(page);
    assert.ok(await below(page, '.side-col'));
    const scoped = await page.evaluate(async () => {
      document.querySelector('.scope [data-variant="county"]').click();
      return new Promise((r) => setTimeout(() => r({
        busy: [...document.querySelectorAll('[aria-busy="true"]')].length,
        county: !!document.querySelector('[data-metric="staff_total"][data-phase="after"]')
          && document.querySelector('#param-county_bureaus') !== null,
        staff: document.querySelector('[data-metric="staff_total"][data-phase="after"]')?.dataset.value,
      }), 0));
    });
    assert.equal(scoped.busy, 0, 'a new scope is copied at once');
    assert.ok(scoped.county, 'the county scope is shown');
    assert.notEqual(scoped.staff, '2520', 'its numbers are the county\'s, not the urban area\'s');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** What the panels that may wait show: the side column's and the lineage list's text, and every
 *  metric cell after the reform. */
const panels = (page) => page.evaluate(() => ({
  side: document.querySelector('.side-col').textContent,
  lineage: document.querySelector('.lineage-at').textContent,
  metrics: Object.fromEntries([...document.querySelectorAll('[data-metric][data-phase="after"]')].map((e) => [e.dataset.metric, e.dataset.value])),
}));

test('a parameter and the step changed in one task, and a return from the comparison: the panels off screen end as a fresh load of the link shows them', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.url}?case=daqing&variant=urban&lang=en`);
  try {
    assert.ok(await below(page, '.side-col'));
    await frames(page);
    // Within one task: a parameter (the panels below wait for the frame), then step 1 (the
    // real step, which they read at once).
    const busy = await page.evaluate(() => {
      const input = document.querySelector('#param-staff');
      input.value = '2600';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      document.querySelector('.step-list [data-step="1"]').click();
      return new Promise((r) => setTimeout(() => r([...document.querySelectorAll('[aria-busy="true"]')].length), 0));
    });
    assert.ok(busy > 0, 'the panels below wait for the frame');
    const link = await settledUrl(page);
    assert.match(link, /step=1/);
    assert.match(link, /staff=2600/);
    await settled(page);
    const shown = await panels(page);
    await withPage(env.browser, link, async ({ page: fresh }) => {
      await settled(fresh);
      const expected = await panels(fresh);
      assert.equal(expected.metrics.staff_total, '2600', 'the link carries the parameter');
      assert.deepEqual(shown, expected);
    });
    // To the comparison, and back by opening its Daqing model in the case view (the same
    // scope, with the city's values): the case page as a fresh load of its link shows it.
    await page.click('[data-view="compare"]');
    await page.waitForSelector('[data-panel="four"]');
    await page.click('[data-fed-case="daqing"] summary');
    // The panels were hidden, not off screen: they follow in the change's own task.
    const busyBack = await page.evaluate(() => {
      document.querySelector('[data-action="open-compared"][data-case="daqing"]').click();
      return new Promise((r) => setTimeout(() => r([...document.querySelectorAll('[aria-busy="true"]')].length), 0));
    });
    assert.equal(busyBack, 0, 'back from the comparison, nothing waits');
    await page.waitForSelector('[data-case="daqing"][aria-pressed="true"]');
    assert.equal(await page.getAttribute('.scope [data-variant="urban"]', 'aria-pressed'), 'true', 'the same scope');
    await frames(page);
    await settled(page);
    const back = await panels(page);
    await withPage(env.browser, await settledUrl(page), async ({ page: fresh }) => {
      await settled(fresh);
      assert.deepEqual(back, await panels(fresh), 'back from the comparison');
    });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('with no frame (a background tab), a copy is made by its 100 ms backstop; an earlier wait\'s backstop never makes a later wait\'s copy', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.url}?case=daqing&variant=urban&lang=en`);
  try {
    assert.ok(await below(page, '.side-col'));
    await frames(page);
    const r = await page.evaluate(async () => {
      // Frames are held from here (as in a background tab): the page's requestAnimationFrame
      // callbacks wait in `held` until released.
      const held = [];
      const raf = window.requestAnimationFrame;
      window.requestAnimationFrame = (f) => { held.push(f); return held.length; };
      const release = () => { for (const f of held.splice(0)) f(performance.now()); };
      const input = document.querySelector('#param-staff');
      const set = (v) => { input.value = String(v); input.dispatchEvent(new Event('input', { bubbles: true })); };
      const busy = () => !!document.querySelector('.side-col[aria-busy="true"]');
      const staff = () => document.querySelector('[data-metric="staff_total"][data-phase="after"]').dataset.value;
      const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
      const out = {};
      try {
        // A: its frame comes (released), and its copy is made in the task after it.
        const t0 = performance.now();
        set(2600);
        await sleep(0);
        out.aBusy = busy();
        release();
        await sleep(0);
        await sleep(0);
        out.aCopied = !busy() && staff() === '2600';
        // B, 60 ms after A: no frame comes. A's backstop (about t0 + 100 ms) must not make B's
        // copy (at 27bb6e6 it did); B's own (about t0 + 160 ms) does.
        await sleep(Math.max(0, t0 + 60 - performance.now()));
        set(2610);
        const tB = performance.now();
        await sleep(0);
        out.bBusy = busy();
        // Timers run in the order they are due: this one after A's backstop, before B's.
        await sleep(Math.max(0, t0 + 130 - performance.now()));
        out.bStillBusy = busy() && staff() === '2600';
        // With no frame, only B's backstop can make its copy (waited for up to 3 s).
        while (performance.now() - tB < 3000 && busy()) await sleep(10);
        out.bCopied = !busy() && staff() === '2610';
      } finally {
        window.requestAnimationFrame = raf;
        release();
      }
      return out;
    });
    assert.ok(r.aBusy && r.aCopied, `A waits for its frame and is copied after it: ${JSON.stringify(r)}`);
    assert.ok(r.bBusy, 'B waits');
    assert.ok(r.bStillBusy, 'A\'s backstop left B waiting');
    assert.ok(r.bCopied, 'B\'s backstop made its copy, with no frame');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// A planning parameter changes no result: the panels that read it (`AppState::planning`) follow
// it as they follow the result. Each case: the page, the parameter, what is read on screen (or
// null) and in the panel below the fold.
const PLANNING = [
  {
    name: 'a patrol parameter (Daqing urban): the key figure on screen follows in its task, the response estimate below the fold after its frame',
    query: '?case=daqing&variant=urban&lang=en',
    key: 'rt_calls',
    panel: '[data-panel="response"]',
    onScreen: '[data-key-figure="response_time"] .kf-after',
    below: ['[data-response="total"][data-phase="after"]', '[data-chart="response"] path.curve.after'],
  },
  {
    name: 'a workload parameter (Haidong): the workload table below the fold follows after its frame',
    query: '?case=haidong&variant=county&lang=en',
    key: 'wl_hours',
    panel: 'section.workload',
    onScreen: null,
    below: ['section.workload [data-needed]'],
  },
];

for (const c of PLANNING) {
  test(`${c.name}, as a fresh load shows it`, async () => {
    const { page, context, errors } = await open(env.browser, `${env.server.url}${c.query}`);
    try {
      assert.ok(await below(page, c.panel), 'the panel starts below the fold');
      await frames(page);
      // What each selector shows (a key figure's or a cell's value, else a path's drawing) now;
      // with `key`, after four more of that parameter: in the change's own task (a timeout
      // queued after the event) and after the next painted frame and the tasks queued in it.
      const read = (p, key) => p.evaluate(async ({ onScreen, below, key }) => {
        const at = (css) => {
          const e = document.querySelector(css);
          return e && (e.dataset.value ?? e.dataset.needed ?? e.getAttribute('d'));
        };
        const now = () => ({
          onScreen: onScreen && at(onScreen),
          below: below.map(at),
          busy: [...document.querySelectorAll('[aria-busy="true"]')].map((e) => e.className),
        });
        if (!key) return now();
        const input = document.querySelector(`#param-${key}`);
        input.value = String(Number(input.value) + 4);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const inTask = await new Promise((r) => setTimeout(() => r(now()), 0));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        await new Promise((r) => setTimeout(r, 0));
        return { inTask, later: now() };
      }, { ...c, key });
      const start = await read(page);
      assert.ok(start.below.every(Boolean), `the panel's figures are there: ${JSON.stringify(start)}`);
      const { inTask, later } = await read(page, c.key);
      if (c.onScreen) assert.notEqual(inTask.onScreen, start.onScreen, 'what is on screen follows in the change\'s task');
      assert.deepEqual(inTask.below, start.below, 'the panel off screen waits for the frame');
      assert.ok(inTask.busy.length > 0, 'its container says it is busy');
      later.below.forEach((v, i) => assert.notEqual(v, start.below[i], `${c.below[i]} follows after the frame`));
      assert.deepEqual(later.busy, [], 'nothing is busy then');
      await withPage(env.browser, await settledUrl(page), async ({ page: fresh }) => {
        await settled(fresh);
        assert.deepEqual(await read(fresh), later, 'a fresh load of the link shows the same');
      });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
