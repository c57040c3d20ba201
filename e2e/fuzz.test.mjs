// Random-input testing of the whole UI, as PhET does it: a seeded run of random but valid user
// actions (parameter and table edits within their ranges, the odd bad entry, case / variant /
// step switches, collapse and expand, zoom, pan, search, keyboard moves through the tree,
// language, theme and layout switches) with zero console errors and zero panics.
//
//   FUZZ_SEED=<n> FUZZ_ACTIONS=<n> node --test e2e/fuzz.test.mjs
//
// The same seed replays the same actions: the generator is seeded, every choice is drawn from it,
// and the page is driven in one place (no timing-dependent choices). A failure prints the seed,
// the action number and the last actions, so a run can be replayed up to that point.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, useBrowser } from './support.mjs';

const SEED = Number(process.env.FUZZ_SEED || 20261202) >>> 0;
const ACTIONS = Number(process.env.FUZZ_ACTIONS || 10000);
const BATCH = Number(process.env.FUZZ_BATCH || 250);

const ctx = useBrowser(before, after);

/** Runs `count` actions in the page, starting from generator state `rng` and action number
 *  `first`. Returns the generator state, the tally per action and the last actions done. */
function runBatch({ rng, first, count }) {
  // mulberry32: small, seedable, the same in every engine.
  let s = rng >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(rand() * n);
  const pick = (list) => (list.length ? list[int(list.length)] : null);
  const all = (sel) => Array.from(document.querySelectorAll(sel));
  const fire = (el, ev) => el.dispatchEvent(ev);
  const click = (el) => fire(el, new MouseEvent('click', { bubbles: true, cancelable: true }));
  const key = (el, k, extra = {}) =>
    fire(el, new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...extra }));
  const setText = (input, value, type = 'input') => {
    input.value = value;
    fire(input, new Event(type, { bubbles: true }));
  };
  // A value within [min, max] on the step grid: an end of the range (one time in five),
  // anywhere in it (one in four), else a step of up to half the value from where it is now
  // (as a user nudges a value; it also keeps most states at a size the run gets through).
  const valid = (el, now) => {
    const min = Number(el.dataset.min);
    const max = Number(el.dataset.max);
    const step = Number(el.dataset.stepSize) || 1;
    const r = rand();
    if (r < 0.1) return String(min);
    if (r < 0.2) return String(max);
    const cur = Number.isFinite(now) ? Math.min(max, Math.max(min, now)) : min;
    const target = r < 0.45 ? min + rand() * (max - min) : cur * (0.5 + rand());
    const v = min + Math.round((Math.min(max, Math.max(min, target)) - min) / step) * step;
    return String(Math.round(Math.min(max, v) * 1e6) / 1e6);
  };
  const BAD = ['', 'abc', '-', '1e400', '1,5', '９９', '-99999999', '12.5.1', ' ', 'NaN'];
  const diagram = () => pick(all('figure.diagram'));

  const actions = [
    [30, 'param', () => {
      const p = pick(all('[data-param]'));
      if (!p) return false;
      const input = p.querySelector('input');
      setText(input, valid(p, Number(input.value)));
    }],
    [4, 'param-arrow', () => {
      const input = pick(all('[data-param] input'));
      if (!input) return false;
      key(input, rand() < 0.5 ? 'ArrowUp' : 'ArrowDown');
    }],
    [2, 'param-bad', () => {
      const input = pick(all('[data-param] input'));
      if (!input) return false;
      setText(input, pick(BAD));
    }],
    [4, 'row-edit', () => {
      const details = document.querySelector('[data-panel="rows"]');
      if (!details) return false;
      details.open = true;
      const input = pick(all('[data-panel="rows"] input[data-row]'));
      if (!input) return false;
      setText(input, rand() < 0.9 ? valid(input, Number(input.value)) : pick(BAD), 'change');
    }],
    [1, 'clear-edits', () => {
      const b = document.querySelector('[data-action="clear-edits"]:not([disabled])');
      if (!b) return false;
      click(b);
    }],
    [4, 'case', () => click(pick(all('[data-case]:not([disabled])')))],
    [4, 'variant', () => {
      const b = pick(all('[data-variant]'));
      if (!b) return false;
      click(b);
    }],
    [8, 'step', () => click(pick(all('[data-step], [data-action="step-prev"], [data-action="step-next"]')))],
    [2, 'step-key', () => {
      const b = document.querySelector('[data-step][aria-current="step"]') || pick(all('[data-step]'));
      if (!b) return false;
      key(b, pick(['ArrowLeft', 'ArrowRight', 'Home', 'End']));
    }],
    [10, 'toggle', () => {
      const t = pick(all('figure.diagram g.node > g.toggle'));
      if (!t) return false;
      click(t);
    }],
    [3, 'select-box', () => {
      const n = pick(all('figure.diagram g.node'));
      if (!n) return false;
      click(n);
    }],
    [6, 'zoom-button', () => {
      const d = diagram();
      if (!d) return false;
      click(d.querySelector(`[data-action="${pick(['zoom-in', 'zoom-out', 'fit', 'reset-view'])}"]`));
    }],
    [3, 'wheel', () => {
      const svg = diagram()?.querySelector('svg.diagram-svg');
      if (!svg) return false;
      const r = svg.getBoundingClientRect();
      fire(svg, new WheelEvent('wheel', {
        bubbles: true, cancelable: true, ctrlKey: rand() < 0.6,
        deltaY: (rand() - 0.5) * 600, deltaX: (rand() - 0.5) * 200,
        clientX: r.left + rand() * r.width, clientY: r.top + rand() * r.height,
      }));
    }],
    [3, 'drag', () => {
      const svg = diagram()?.querySelector('svg.diagram-svg');
      if (!svg) return false;
      const r = svg.getBoundingClientRect();
      let x = r.left + rand() * r.width;
      let y = r.top + rand() * r.height;
      const opts = () => ({ bubbles: true, cancelable: true, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0, buttons: 1, clientX: x, clientY: y });
      fire(svg, new PointerEvent('pointerdown', opts()));
      for (let i = 0; i < 3; i++) {
        x += (rand() - 0.5) * 200;
        y += (rand() - 0.5) * 200;
        fire(svg, new PointerEvent('pointermove', opts()));
      }
      fire(svg, new PointerEvent(rand() < 0.9 ? 'pointerup' : 'pointercancel', opts()));
    }],
    [7, 'search', () => {
      const input = document.querySelector('input[data-action="search"]');
      if (!input) return false;
      const r = rand();
      let text = '';
      if (r < 0.6) {
        // Part of a name on screen (Chinese or English, whichever is showing).
        const name = pick(all('figure.diagram g.node tspan.name-line'))?.textContent || '';
        const a = int(Math.max(1, name.length));
        text = name.slice(a, a + 1 + int(4));
      } else if (r < 0.8) {
        text = pick(['所', '分局', 'team', 'station', '队', 'x', '（', '.*', '\\', 'Sub-bureau 1']);
      }
      setText(input, text);
    }],
    [8, 'tree-key', () => {
      const d = diagram();
      const target = d && (d.querySelector('g.node[tabindex="0"]') || d.querySelector('svg.diagram-svg'));
      if (!target) return false;
      target.focus?.();
      const k = pick(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Enter', ' ', '+', '-', '0', 'f', 'F']);
      key(document.activeElement && d.contains(document.activeElement) ? document.activeElement : target, k, { shiftKey: rand() < 0.15 });
    }],
    [2, 'lineage', () => {
      const li = pick(all('[data-lineage]'));
      if (!li) return false;
      li.focus?.();
      fire(li, new MouseEvent(rand() < 0.5 ? 'mouseenter' : 'mouseleave', { bubbles: false }));
    }],
    [2, 'lang', () => click(pick(all('[data-lang]')))],
    [2, 'theme', () => {
      const sel = document.querySelector('select[data-action="theme"]');
      if (!sel) return false;
      sel.value = pick(Array.from(sel.options).map((o) => o.value));
      fire(sel, new Event('change', { bubbles: true }));
    }],
    [2, 'group', () => {
      const box = document.querySelector('input[data-option="group"]');
      if (!box) return false;
      box.checked = !box.checked;
      fire(box, new Event('change', { bubbles: true }));
    }],
    [2, 'orient', () => click(pick(all('[data-orient]')))],
    [1, 'expand-all', () => click(document.querySelector('[data-action="expand-all"]'))],
    [2, 'collapse-all', () => click(document.querySelector('[data-action="collapse-all"]'))],
    [1, 'reset', () => click(document.querySelector('[data-action="reset"]'))],
    [2, 'panel', () => {
      const d = pick(all('details'));
      if (!d) return false;
      d.open = !d.open;
    }],
    [1, 'dismiss', () => {
      const b = document.querySelector('.url-notice .dismiss');
      if (!b) return false;
      click(b);
    }],
  ];
  const total = actions.reduce((t, a) => t + a[0], 0);
  const choose = () => {
    let r = rand() * total;
    for (const a of actions) {
      r -= a[0];
      if (r < 0) return a;
    }
    return actions[actions.length - 1];
  };

  return (async () => {
    const tally = {};
    const recent = [];
    for (let i = 0; i < count; i++) {
      const [, name, run] = choose();
      recent.push(`${first + i}:${name}`);
      if (recent.length > 12) recent.shift();
      const done = run() !== false;
      tally[done ? name : `${name} (nothing to act on)`] = (tally[done ? name : `${name} (nothing to act on)`] || 0) + 1;
      // Leptos applies updates in microtasks and effects after them: one macrotask lets every
      // consequence of this action land before the next one.
      await new Promise((r) => setTimeout(r, 0));
      if (document.querySelector('[data-panic]')) {
        return { rng: s, tally, recent, panic: document.querySelector('[data-panic]').textContent, at: first + i };
      }
    }
    return { rng: s, tally, recent };
  })();
}

test(`${ACTIONS} random UI actions from seed ${SEED}: no console error, no panic`, { timeout: 30 * 60 * 1000 }, async () => {
  const { page, context, errors } = await open(ctx.browser, `${ctx.server.url}?case=daqing`);
  try {
    let rng = SEED;
    const tally = {};
    const t0 = Date.now();
    for (let first = 0; first < ACTIONS; first += BATCH) {
      const count = Math.min(BATCH, ACTIONS - first);
      const r = await page.evaluate(runBatch, { rng, first, count });
      rng = r.rng;
      for (const [k, v] of Object.entries(r.tally)) tally[k] = (tally[k] || 0) + v;
      const where = `seed ${SEED}, actions ${first}–${first + count - 1}; last: ${r.recent.join(' ')}`;
      assert.equal(r.panic, undefined, `panic at action ${r.at} (${where}): ${r.panic}`);
      assert.deepEqual(errors, [], `console errors (${where})`);
      if (process.env.FUZZ_VERBOSE) {
        const boxes = await page.locator('g.node').count();
        process.stderr.write(`fuzz: ${first + count} actions, ${((Date.now() - t0) / 1000).toFixed(1)} s, ${boxes} boxes, ${page.url().split('?')[1] || ''}\n`);
      }
      // The app is still there and shows numbers.
      assert.ok(await page.$('[data-metric="staff_total"][data-phase="after"]'), `no numbers on the page (${where})`);
    }
    const secs = (Date.now() - t0) / 1000;
    const done = Object.entries(tally).filter(([k]) => !k.endsWith('(nothing to act on)')).reduce((t, [, v]) => t + v, 0);
    console.log(`fuzz: seed ${SEED}, ${ACTIONS} actions (${done} acted on something) in ${secs.toFixed(1)} s`);
    console.log(`fuzz: ${JSON.stringify(tally)}`);
    // Every kind of action really ran.
    for (const [, name] of [[0, 'param'], [0, 'case'], [0, 'step'], [0, 'toggle'], [0, 'zoom-button'], [0, 'search'], [0, 'tree-key']]) {
      assert.ok(tally[name] > 0, `no ${name} action ran`);
    }
    // What the run left is a state a reload reproduces, with no error either.
    const url = page.url();
    await page.waitForTimeout(400);
    await page.reload();
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]', { timeout: 20000 });
    assert.equal(await page.$('[data-panic]'), null, `panic after reloading ${url}`);
    assert.deepEqual(errors, [], `console errors after reloading ${url}`);
  } finally {
    await context.close();
  }
});
