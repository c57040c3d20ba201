// The report of a CPU profile taken with the Chrome DevTools Protocol (scripts/profile.mjs,
// scripts/profile-import.mjs): self and inclusive time per function, time per innermost app
// UI frame, and with CALLERS=regex where the matching functions' time comes from.
// `n`: what the times are divided by (changes made); `head`: the line printed first.
export function report(profile, n, head, top = Number(process.env.TOP || 40)) {
  // Self time per node from the samples, then per function name; inclusive time by walking up.
  const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
  const parent = new Map();
  for (const nd of profile.nodes) for (const c of nd.children || []) parent.set(c, nd.id);
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) || 0) + (profile.timeDeltas[i + 1] || 0));
  }
  // v0-mangled names (scripts/profile-build.sh) come demangled with each crate's hash: dropped.
  const name = (nd) => (nd.callFrame.functionName || `(anonymous ${nd.callFrame.url.split('/').pop()}:${nd.callFrame.lineNumber})`).replace(/\[[0-9a-f]{16}\]/g, '');
  const self = new Map();
  const incl = new Map();
  for (const [id, us] of selfUs) {
    const nd = byId.get(id);
    self.set(name(nd), (self.get(name(nd)) || 0) + us);
    // Count each name once per sample path (recursion).
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const nm = name(byId.get(cur));
      if (seen.has(nm)) continue;
      seen.add(nm);
      incl.set(nm, (incl.get(nm) || 0) + us);
    }
  }
  const idle = (self.get('(idle)') || 0) + (self.get('(program)') || 0);
  const busy = [...self.values()].reduce((a, b) => a + b, 0) - idle;
  const per = (us) => `${(us / 1000 / n).toFixed(3)} ms`;
  console.log(`${head}; sampled busy ${per(busy)} per change; (program) ${per(self.get('(program)') || 0)}; (idle) ${per(self.get('(idle)') || 0)}`);
  const show = (title, m) => {
    console.log(`\n${title} (per change)`);
    for (const [nm, us] of [...m].filter(([nm]) => nm !== '(idle)' && nm !== '(program)').sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${per(us).padStart(10)}  ${(100 * us / busy).toFixed(1).padStart(5)}%  ${nm.slice(0, 140)}`);
    }
  };
  show('self time', self);
  show('inclusive time', incl);
  // Each sample charged to the innermost frame of the app's own UI code (a component's closure),
  // so the reactive and DOM work an update causes is counted where it was asked for. With v0
  // names a generic frame names the app's closure it runs (`build::<reform_explorer::ui::…>`):
  // that closure is the frame's place.
  const own = new Map();
  const ui = /reform_explorer::ui::[\w:#{}]*(?:>::[\w:#{}]*)?/;
  for (const [id, us] of selfUs) {
    let where = null;
    for (let cur = id; cur !== undefined && !where; cur = parent.get(cur)) {
      const nm = name(byId.get(cur));
      const m = nm.match(ui);
      if (m) where = m[0].replace(/::h[0-9a-f]{16}$/, '');
    }
    if (!where) {
      const nm = name(byId.get(id));
      if (nm === '(idle)' || nm === '(program)') continue;
      where = '(outside app UI code)';
    }
    own.set(where, (own.get(where) || 0) + us);
  }
  show('by innermost app UI frame', own);
  // CALLERS=regex: where the time of the matching functions comes from (the stack above them,
  // three frames, the app's own frames picked out first).
  if (process.env.CALLERS) {
    const re = new RegExp(process.env.CALLERS);
    const from = new Map();
    for (const [id, us] of selfUs) {
      let cur = id;
      while (cur !== undefined && !re.test(name(byId.get(cur)))) cur = parent.get(cur);
      if (cur === undefined) continue;
      const chain = [];
      for (let p = parent.get(cur); p !== undefined && chain.length < 3; p = parent.get(p)) {
        const nm = name(byId.get(p)).replace(/::h[0-9a-f]{16}$/, '');
        if (/reform_explorer/.test(nm)) chain.push(nm);
      }
      const key = chain.join(' <- ') || '(no app frame above)';
      from.set(key, (from.get(key) || 0) + us);
    }
    show(`callers of /${process.env.CALLERS}/ (app frames above)`, from);
  }
}

/** The two values parameter `key` is toggled between: one step from its value, and its value. */
export function toggleValues(page, key) {
  return page.evaluate((key) => {
    const p = document.querySelector(`[data-param="${key}"]`);
    const v = Number(p.querySelector('input').value);
    const step = Number(p.dataset.stepSize) || 1;
    const next = v + step <= Number(p.dataset.max) ? v + step : v - step;
    return [String(next), String(v)];
  }, key);
}
