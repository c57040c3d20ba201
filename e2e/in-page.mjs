// Checks that run inside the page, shared by the Chromium suite (playwright's page.evaluate) and
// the engines' suite (WebDriver's exec): each function is self-contained, since both drivers send
// its source text to the browser.

/** WCAG AA contrast failures (below 4.5 : 1) of what the page paints: text on the diagram panel,
 *  muted text, the top bar, and every box's name and staff lines on its fill. */
export function contrastFailures() {
  const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const out = [];
  const check = (what, fg, bg) => {
    const r = ratio(fg, bg);
    if (r < 4.5) out.push(`${what}: ${r.toFixed(2)} (${fg} on ${bg})`);
  };
  const cs = (sel, prop) => {
    const e = document.querySelector(sel);
    return e ? getComputedStyle(e)[prop] : null;
  };
  const panel = cs('.diagrams', 'backgroundColor');
  check('text on panel', cs('.diagrams', 'color'), panel);
  check('muted text on panel', cs('.diagram-help', 'color'), panel);
  check('top bar', cs('.topbar', 'color'), cs('.topbar', 'backgroundColor'));
  for (const g of document.querySelectorAll('g.node')) {
    const fill = getComputedStyle(g.querySelector('rect')).fill;
    check(`${g.dataset.kind} name`, getComputedStyle(g.querySelector('.name-line')).fill, fill);
    check(`${g.dataset.kind} staff`, getComputedStyle(g.querySelector('.staff-line')).fill, fill);
  }
  return [...new Set(out)];
}

/** What an exported SVG (its text) holds, parsed in the page: parse errors, namespace, boxes,
 *  the view's transform, leftover CSS variables, the first box's fill, the background and width. */
export function svgExportInfo(text) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const err = doc.querySelector('parsererror');
  const root = doc.documentElement;
  return {
    err: err ? err.textContent : null,
    ns: root.namespaceURI,
    boxes: doc.querySelectorAll('g[data-unit-id]').length,
    transform: root.querySelector(':scope > g')?.getAttribute('transform'),
    vars: /var\(--/.test(text),
    fill: doc.querySelector('g[data-unit-id] rect')?.getAttribute('fill'),
    bg: root.firstElementChild?.getAttribute('fill'),
    w: Number(root.getAttribute('width')),
    text: doc.querySelector('g[data-unit-id] text')?.textContent,
  };
}

/** WCAG AA contrast failures (below 4.5 : 1) of the text of `[root, selectors]`: each element
 *  under `root` matching one of `selectors`, on the root's background. */
export function contrastIn([root, selectors]) {
  const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const d = document.querySelector(root);
  const bg = getComputedStyle(d).backgroundColor;
  const out = [];
  for (const sel of selectors) {
    for (const e of d.querySelectorAll(sel)) {
      const r = ratio(getComputedStyle(e).color, bg);
      if (r < 4.5) out.push(`${sel}: ${r.toFixed(2)}`);
    }
  }
  return [...new Set(out)];
}
