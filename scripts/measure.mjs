// Shared by scripts/bench.mjs and scripts/bench-ab.mjs: how a parameter change is timed.

// Time from a parameter change to the last DOM mutation it causes: Leptos applies updates in
// microtasks after the input event, so every mutation lands before the next macrotask. Each run
// toggles one parameter between two valid values, so every run really changes the model.
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
      await new Promise((r) => requestAnimationFrame(() => r()));
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
// next animation frame, so style, layout and paint of that frame are included.
export async function timeFrames(page, key, values, n) {
  return page.evaluate(async ({ key, values, n }) => {
    const input = document.querySelector(`#param-${key}`);
    const out = [];
    for (let i = 0; i < n; i++) {
      // Start from a quiet page: after a painted frame.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      input.value = values[i % 2];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      out.push(performance.now() - t0);
    }
    return out;
  }, { key, values, n });
}
