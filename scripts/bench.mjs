// Benchmark (not a test): prints the size of dist/ (raw and gzip -9) and the median time from a
// parameter change to the last DOM mutation and to the next painted frame, for every case and variant at its defaults and for
// a large city drawn unit by unit, in headless Chromium. Run after a release build and
// `cargo test --test expected` (it reads target/e2e-expected.json for the list of variants):
//   node scripts/bench.mjs [runs] [parts]
// `parts`: a comma-separated choice of sizes, cold (cold start), update (parameter changes),
// import (a 5,000-unit CSV organisation imported, then one edit on it); default all four.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, launch, open, settledUrl, DIST } from '../e2e/support.mjs';
import { allParams, coldStart, FRAME_MS, median, timeChanges, timeFrameParts } from './measure.mjs';
import { report } from './wasm-size.mjs';
import { caseFiles, langFiles, partFiles } from './split.mjs';

const runs = Number(process.argv[2] || 60);
const parts = new Set((process.argv[3] || 'sizes,cold,update,import').split(','));

async function files(dir) {
  const out = [];
  for (const name of await readdir(dir)) {
    const p = join(dir, name);
    if ((await stat(p)).isDirectory()) out.push(...(await files(p)));
    else out.push(p);
  }
  return out;
}

let raw = 0;
let gz = 0;
// The lazily loaded parts of the wasm (scripts/split.mjs) and the service worker, which the
// first screen does not wait for.
let later = 0;
// The parts' packs, raw and gzip.
const packs = [0, 0];
const sizes = new Map();
const LATER = /^(?:(?:split|chunk)_\w+-[0-9a-f]{16}\.wasm|sw\.js)$/;
const say = parts.has('sizes') ? console.log : () => {};
say('file\traw bytes\tgzip bytes');
const OFFLINE = 'reform-explorer.html';
let offline = null;
for (const f of (await files(DIST)).sort()) {
  const body = await readFile(f);
  const g = gzipSync(body, { level: 9 }).length;
  const name = f.slice(DIST.length + 1);
  if (name === OFFLINE) {
    offline = [body.length, g];
    continue;
  }
  // A part's pack (scripts/split.mjs) holds the same bytes as its files: fetched instead of
  // them, so counted apart.
  if (/^split_\w+-[0-9a-f]{16}\.pack$/.test(name)) {
    packs[0] += body.length;
    packs[1] += g;
    say(`${name}\t${body.length}\t${g}`);
    continue;
  }
  raw += body.length;
  gz += g;
  if (LATER.test(name)) later += g;
  sizes.set(name, g);
  say(`${name}\t${body.length}\t${g}`);
}
// A case page waits for its case's model (`ui::cases`): that part and the chunks it shares, as
// the loader names them, are part of its first download.
const loaderName = [...sizes.keys()].find((n) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(n));
const loader = loaderName ? await readFile(join(DIST, loaderName), 'utf8') : '';
const byCase = loader.includes('__wasm_split_load_case_') ? caseFiles(loader) : {};
/** The gzip bytes of the files case `c`'s model loads (its part and its chunks), or 0 without. */
const partBytes = (c) => (byCase[c] || []).reduce((n, f) => n + (sizes.get(f.replace(/^\.\//, '')) || 0), 0);
const caseFirst = Object.fromEntries(['daqing', 'zhejiang', 'tianjin', 'haidong'].map((c) => [c, partBytes(c)]));
// So does a page in English or Traditional Chinese for its language's part (`ui::langs`).
const byLang = loader.includes('__wasm_split_load_lang_') ? langFiles(loader) : {};
const langBytes = (l) => (byLang[l] || []).reduce((n, f) => n + (sizes.get(f.replace(/^\.\//, '')) || 0), 0);
say(`TOTAL dist/ (the hosted site, less the offline copy and the parts' packs)\t${raw}\t${gz}\t(${(gz / 1024).toFixed(1)} KiB gzip)`);
say(`  the parts' packs (each part's files again, in one file: fetched instead of them)\t${packs[0]}\t${packs[1]}`);
const first = gz - later + caseFirst.daqing;
say(`FIRST download (the hosted site less the parts loaded later and sw.js; with the default case's model, Daqing's)\t\t${first}\t(${(first / 1024).toFixed(1)} KiB gzip)`);
say(`  with each case's model instead: ${Object.entries(caseFirst).map(([c, n]) => `${c} ${gz - later + n}`).join(', ')}`);
say(`  the default case in each language: zh-Hans ${first}, zh-Hant ${first + langBytes('hant')}, en ${first + langBytes('en')}`);
// What the home page fetches in all without a click: the first download, then the parts it
// loads after its first figures (the lineage list, the panels below with every
// case's model and the composer's, the other languages: e2e/split.test.mjs checks this list),
// each shared chunk once. The service worker's copy of the rest of the site (for offline use)
// is not counted.
const HOME_LATER = ['case_zhejiang', 'case_tianjin', 'case_haidong', 'composer_model', 'mount_lineage', 'mount_side', 'lang_en', 'lang_hant'];
const byPart = loader ? partFiles(loader, '') : {};
/** The gzip bytes a page fetches in all: the first download's files and `names`' parts, each shared chunk once. */
const pageAll = (names) => gz - later + [...new Set(names.flatMap((p) => byPart[p] || []).map((f) => f.replace(/^\.\//, '')))]
  .reduce((n, f) => n + (sizes.get(f) || 0), 0);
const home = pageAll(HOME_LATER);
say(`HOME page in all, without a click (the first download and the parts it fetches after the first figures; not the service worker's offline copy)\t\t${home}\t(${(home / 1024).toFixed(1)} KiB gzip)`);
// The embedded page in a briefing page (a frame), with its default parts (figures, diagrams,
// table), e.g. Tianjin's: no other case, no other language, no service worker.
const embed = pageAll(['case_tianjin', 'embed_tables', 'talk_to_parent']);
say(`EMBEDDED page in all (Tianjin, in a frame, its default parts)\t\t${embed}\t(${(embed / 1024).toFixed(1)} KiB gzip)`);
say(offline
  ? `offline copy ${OFFLINE}\t${offline[0]}\t${offline[1]}\t(${(offline[0] / 1024).toFixed(1)} KiB as handed out)`
  : `offline copy ${OFFLINE}: missing (build with trunk first)`);

// What weighs in the wasm (the build cargo made for Trunk, before wasm-opt, with names).
try {
  for (const l of parts.has('sizes') ? await report() : []) console.log(l);
} catch (e) {
  console.log(`wasm contributors: ${e.message}`);
}

function stats(times) {
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return `median ${q(0.5).toFixed(2)} ms, p90 ${q(0.9).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`;
}

/**
 * A large organisation as a CSV file with `total` rows: a municipal bureau (id `big`) with 30
 * internal units, 20 sub-bureaus of 8 stations, 10 county bureaus each with a frontline internal
 * unit and 6 stations, and teams and community rooms spread over the stations to make up the
 * rest. Numbers come from a seeded generator, so every run imports the same file. Returns the
 * text, the number of units and the staff in all (organ + frontline summed).
 */
function bigOrganisation(total = 5000) {
  let seed = 20;
  const rnd = (lo, hi) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return lo + (seed % (hi - lo + 1));
  };
  const rows = [];
  const add = (id, parent, name, kind, organ, frontline, residents = '', incidents = '', area = '', neighbours = '') =>
    rows.push([id, parent, name, name, kind, organ, frontline, residents, incidents, area, neighbours]);
  const stations = [];
  // Each station borders the one before it under the same bureau.
  const station = (id, parent, prev) => {
    add(id, parent, `Station ${id}`, 'station', rnd(2, 6), rnd(15, 45), rnd(20000, 90000), rnd(1500, 9000), rnd(5, 120), prev || '');
    stations.push(id);
  };
  add('big', '', 'Big city municipal bureau', 'municipal_bureau', 120, 0, 6000000);
  for (let i = 1; i <= 30; i++) add(`big-i${i}`, 'big', `Internal unit ${i}`, 'internal_unit', rnd(10, 60), 0);
  for (let b = 1; b <= 20; b++) {
    add(`sb${b}`, 'big', `Sub-bureau ${b}`, 'sub_bureau', rnd(30, 80), 0);
    for (let k = 1; k <= 8; k++) station(`sb${b}-s${k}`, `sb${b}`, k > 1 && `sb${b}-s${k - 1}`);
  }
  for (let c = 1; c <= 10; c++) {
    add(`cb${c}`, 'big', `County bureau ${c}`, 'county_bureau', rnd(20, 50), 0);
    add(`cb${c}-i`, `cb${c}`, `County ${c} patrol unit`, 'internal_unit', rnd(3, 10), rnd(20, 60));
    for (let k = 1; k <= 6; k++) station(`cb${c}-s${k}`, `cb${c}`, k > 1 && `cb${c}-s${k - 1}`);
  }
  const left = total - rows.length;
  stations.forEach((s, k) => {
    const n = Math.floor(left / stations.length) + (k < left % stations.length ? 1 : 0);
    for (let j = 1; j <= n; j++) {
      if (j % 2) add(`${s}-t${j}`, s, `Team ${s}-${j}`, 'team', 0, rnd(3, 12));
      else add(`${s}-c${j}`, s, `Community room ${s}-${j}`, 'community_room', 0, rnd(1, 3), rnd(3000, 12000));
    }
  });
  const head = 'id,parent,name,name_en,kind,organ,frontline,residents,incidents,area_km2,neighbours';
  const text = [head, ...rows.map((r) => r.join(','))].join('\n') + '\n';
  return { text, units: rows.length, staff: rows.reduce((s, r) => s + r[5] + r[6], 0) };
}

const IMPORT = 'input[type=file][data-action="import-organisation"]';
// The parameter edited after the import: the sub-bureaus' staffing standard of the reform the
// composer opens on the organisation (it redraws the "after" diagram).
const EDIT = 'daqing.urban.staff_standard_max';
const EDITS = 9;

/**
 * One import in a fresh context (nothing kept in localStorage from another run): the time, on
 * the page's clock, from just before the file is set on the import input (reading it is part of
 * the import) to the frame that shows the organisation's staff total and its unit `big` in both
 * diagrams; then one edit of `EDIT`, input -> last DOM mutation and -> the next painted frame.
 */
async function timeImport(browser, url, org) {
  const { page, context, errors } = await open(browser, url);
  try {
    await page.evaluate(({ staff, input }) => {
      const shown = () => document.querySelector('[data-metric="staff_total"][data-phase="before"]')?.dataset.value === String(staff)
        && ['before', 'after'].every((p) => document.querySelector(`figure.diagram[data-phase="${p}"] g.node[data-unit-id="big"]`));
      const mo = new MutationObserver(() => {
        if (!shown()) return;
        mo.disconnect();
        // The frame that shows it: the first task after the next animation frame.
        requestAnimationFrame(() => setTimeout(() => { window.__imported = performance.now(); }));
      });
      mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-value', 'data-unit-id'] });
      document.addEventListener('change', (e) => { if (e.target.matches(input)) window.__change ??= performance.now(); }, true);
      window.__start = performance.now();
    }, { staff: org.staff, input: IMPORT });
    await page.setInputFiles(IMPORT, { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(org.text) });
    await page.waitForFunction(() => window.__imported || document.querySelector('[data-org-status="bad"]'), null, { timeout: 60000, polling: 20 });
    const problems = await page.$$eval('[data-import-errors] li', (ls) => ls.map((l) => l.textContent));
    if (problems.length) throw new Error(`the CSV did not import:\n  ${problems.join('\n  ')}`);
    const t = await page.evaluate(() => ({ ms: window.__imported - window.__start, change: window.__imported - window.__change }));
    // The edit, once the page has settled (the app rewrites the address after 250 ms).
    await settledUrl(page);
    const { values } = (await allParams(page)).find((p) => p.key === EDIT);
    // EDITS edits, the value going back and forth: the first runs code the page has not run
    // yet (compiled, not yet optimised), the others as a planner changing a value does.
    t.edits = await page.evaluate(async ({ key, values, n }) => {
      const input = document.getElementById(`param-${key}`);
      const out = [];
      for (let i = 0; i < n; i++) {
        const value = values[i % 2];
        let last = -1;
        const mo = new MutationObserver(() => { last = performance.now(); });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const t0 = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
        mo.disconnect();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        if (last < 0) throw new Error(`no DOM change after ${key}=${value}`);
        out.push({ dom: last - t0, painted: performance.now() - t0 });
        await new Promise((r) => setTimeout(r, 50));
      }
      return out;
    }, { key: EDIT, values: [values[0], values[1]], n: EDITS });
    t.label = `${EDIT}=${values[1]}<->${values[0]}`;
    // Edits of the organisation itself, in the editor: a station's frontline staff, typed and
    // committed (change), EDITS times. Each makes a new organisation, every reform rebuilt.
    await page.click('[data-panel="org-editor"] > summary');
    await page.waitForSelector('[data-org-unit] [data-field="frontline"]');
    t.orgEdits = await page.evaluate(async (n) => {
      const field = () => [...document.querySelectorAll('[data-org-unit] [data-field="frontline"]')][5];
      const out = [];
      for (let i = 0; i < n; i++) {
        const input = field();
        let last = -1;
        const mo = new MutationObserver(() => { last = performance.now(); });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const t0 = performance.now();
        input.value = String(Number(input.value) + (i % 2 ? -1 : 1));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
        mo.disconnect();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        if (last < 0) throw new Error('no DOM change after an edit of the organisation');
        out.push({ dom: last - t0, painted: performance.now() - t0 });
        await new Promise((r) => setTimeout(r, 100));
      }
      return out;
    }, EDITS);
    t.errors = errors;
    return t;
  } finally {
    await context.close();
  }
}

/** Median, fastest and slowest of `t`, in ms. */
const spread = (t) => `median ${median(t).toFixed(1)} ms (min ${Math.min(...t).toFixed(1)}, max ${Math.max(...t).toFixed(1)})`;

const server = await serve(DIST, '/', { gzip: true });
const browser = await launch();
try {
  // Fast 4G as the issue defines it: 9 Mbit/s down, 150 ms round trip.
  const fast4g = { latency: 150, downloadThroughput: (9e6 / 8), uploadThroughput: (9e6 / 8) };
  const pages = [
    ['hosted page', `${server.url}?case=daqing&variant=urban`],
    ['embedded page', `${server.url}?case=daqing&variant=urban&embed=1`],
    ['single file', `${server.url}${OFFLINE}?case=daqing&variant=urban`],
  ];
  if (parts.has('cold')) console.log('cold start: navigation -> the frame that shows the first figure (served gzip; median of 5 fresh loads; first contentful paint)');
  for (const [name, url] of parts.has('cold') ? pages : []) {
    for (const [net, label] of [[null, 'loopback'], [fast4g, 'fast 4G']]) {
      const figs = [];
      const fcps = [];
      for (let i = 0; i < 5; i++) {
        const t = await coldStart(browser, url, net);
        figs.push(t.figure);
        fcps.push(t.fcp);
      }
      const target = net ? 1200 : 300;
      const m = median(figs);
      console.log(`  ${name.padEnd(14)} ${label.padEnd(9)} ${m.toFixed(0)} ms (fastest ${Math.min(...figs).toFixed(0)}, slowest ${Math.max(...figs).toFixed(0)}; FCP ${median(fcps).toFixed(0)} ms) target <= ${target} ms: ${m <= target ? 'met' : 'MISSED'}`);
    }
  }
  if (parts.has('import')) {
    const org = bigOrganisation();
    // The same file for the native phases: `cargo run --release --example import -- target/bench-org5000.csv`.
    await mkdir('target', { recursive: true });
    await writeFile('target/bench-org5000.csv', org.text);
    const url = `${server.url}?case=daqing&lang=en`;
    const size = `${(Buffer.byteLength(org.text) / 1024).toFixed(1)} KiB`;
    console.log(`import: a CSV of ${org.units} units (${size}, ${org.staff} staff) picked on ?case=daqing&lang=en -> the frame that shows it in the numbers and both diagrams (${runs} runs, a fresh context each)`);
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await timeImport(browser, url, org));
    const ms = all.map((t) => t.ms);
    const errors = all.flatMap((t) => t.errors);
    // The target is judged from the input's change event, where the user's pick ends and the
    // page's work begins (reading the file is part of it). Before it, Playwright builds the
    // File in the page from the buffer it was given (tens of ms of its own script).
    const change = all.map((t) => t.change);
    console.log(`  import ${org.units} units, ${size}: from the input's change event ${spread(change)}; target <= 300 ms: ${median(change) <= 300 ? 'met' : 'MISSED'}; from setInputFiles (Playwright making the File included) ${spread(ms)}${errors.length ? ` ERRORS ${errors.join(' | ')}` : ''}`);
    const first = all.map((t) => t.edits[0]);
    const later = all.flatMap((t) => t.edits.slice(1));
    console.log(`  then ${EDITS} edits of ${all[0].label} on it, -> last DOM mutation: the first ${spread(first.map((e) => e.dom))}; the next ${EDITS - 1} ${spread(later.map((e) => e.dom))}; large-city budget <= 16 ms: ${median(later.map((e) => e.dom)) <= 16 ? 'met' : 'MISSED'} (first edit: ${median(first.map((e) => e.dom)) <= 16 ? 'met' : 'missed'}); -> next painted frame ${spread(later.map((e) => e.painted))}`);
    const orgEdits = all.flatMap((t) => t.orgEdits);
    console.log(`  then ${EDITS} edits of a station's frontline staff in the editor (a new organisation, every reform rebuilt), -> last DOM mutation ${spread(orgEdits.map((e) => e.dom))}; budget <= 16 ms: ${median(orgEdits.map((e) => e.dom)) <= 16 ? 'met' : 'MISSED'}; -> next painted frame ${spread(orgEdits.map((e) => e.painted))}`);
  }
  const cases = JSON.parse(await readFile('target/e2e-expected.json', 'utf8'));
  if (!parts.has('update')) {
    await browser.close();
    await server.close();
    process.exit(0);
  }
  console.log(`parameter change -> last DOM mutation (${runs} runs each, headless Chromium)`);
  const worst = [];
  const warmWorst = [];
  const worstFrame = [];
  for (const cv of Object.keys(cases)) {
    const [c, v] = cv.split('/');
    const { page, errors } = await open(browser, `${server.url}?case=${c}&variant=${v}`);
    const params = await allParams(page);
    const nodes = await page.locator('.diagram .node').count();
    const { key, values } = params[0];
    const t = await timeChanges(page, key, values, runs);
    // Every parameter, a few runs each: the median over all of them and the slowest one.
    const per = [];
    const every = [];
    const frames = [];
    const perFrame = [];
    const n = Math.max(6, Math.round(runs / 4));
    for (const p of params) {
      // A step may change nothing on the page (a value the model rounds away): not timed.
      const tp = await timeChanges(page, p.key, p.values, n, true);
      every.push(...tp);
      if (tp.length) per.push([p.key, median(tp)]);
      const tf = await timeFrameParts(page, p.key, p.values, n);
      frames.push(...tf);
      perFrame.push([p.key, median(tf.map((f) => f.painted)), median(tf.map((f) => f.update + f.render))]);
    }
    // A second pass over every parameter, once each has been changed 2n times: by then V8 has
    // compiled the hot functions again with its optimising tier (TurboFan). The first pass runs a
    // parameter's own code (a unit-changing one's, above all) mostly in the baseline tier
    // (Liftoff), which is what a visitor's first few changes get.
    const warmPer = [];
    for (const p of params) {
      const tp = await timeChanges(page, p.key, p.values, n, true);
      if (tp.length) warmPer.push([p.key, median(tp)]);
    }
    per.sort((a, b) => b[1] - a[1]);
    perFrame.sort((a, b) => b[1] - a[1]);
    warmPer.sort((a, b) => b[1] - a[1]);
    worst.push([cv, per[0][1], per[0][0]]);
    warmWorst.push([cv, warmPer[0][1], warmPer[0][0]]);
    const painted = median(frames.map((f) => f.painted));
    const late = perFrame.filter((f) => f[2] > FRAME_MS).map((f) => f[0]);
    worstFrame.push([cv, painted, late.length]);
    console.log(`  ${cv.padEnd(20)} ${key}=${values.join('<->')} (${nodes} boxes): ${stats(t)}${errors.length ? ` ERRORS ${errors.join(' | ')}` : ''}`);
    console.log(`  ${''.padEnd(20)} all ${params.length} parameters -> last DOM mutation: median ${median(every).toFixed(2)} ms; slowest ${per[0][0]} ${per[0][1].toFixed(2)} ms, ${per[1] ? `${per[1][0]} ${per[1][1].toFixed(2)} ms` : ''}`);
    console.log(`  ${''.padEnd(20)} second pass (optimised code): slowest ${warmPer[0][0]} ${warmPer[0][1].toFixed(2)} ms${warmPer[1] ? `, ${warmPer[1][0]} ${warmPer[1][1].toFixed(2)} ms` : ''}`);
    console.log(`  ${''.padEnd(20)} input -> next painted frame: median ${painted.toFixed(1)} ms; slowest ${perFrame[0][0]} ${perFrame[0][1].toFixed(1)} ms; its parts, median: update ${median(frames.map((f) => f.update)).toFixed(1)} + render ${median(frames.map((f) => f.render)).toFixed(1)} ms; parameters whose update + render exceeds one frame (${FRAME_MS.toFixed(1)} ms): ${late.length ? late.join(', ') : 'none'}`);
    await page.close();
  }
  // A large city with every unit drawn on its own: about 2,000 boxes in the two diagrams.
  const big = '?case=daqing&group=0&population=6000000&staff=8000&sub_bureaus_before=30';
  const { page, errors } = await open(browser, server.url + big);
  const nodes = await page.locator('.diagram .node').count();
  const t = await timeChanges(page, "staff", ["8010", "8000"], runs);
  const bigMedian = median(t);
  const bigParts = await timeFrameParts(page, "staff", ["8010", "8000"], runs);
  const bigFrame = median(bigParts.map((f) => f.painted));
  console.log(`  large city ${big} (${nodes} boxes): ${stats(t)}; input -> next painted frame median ${bigFrame.toFixed(1)} ms (update ${median(bigParts.map((f) => f.update)).toFixed(1)} + render ${median(bigParts.map((f) => f.render)).toFixed(1)} ms)${errors.length ? ` ERRORS ${errors.join(' | ')}` : ''}`);
  // A view change (zoom) touches one transform. Timed from a quiet page (past the address bar's
  // rewrite, 250 ms after the last change, and the panels' follow-up), median of 9, in and out
  // in turn: one sample now and then meets a garbage collection (50 ms, on either build).
  await page.waitForTimeout(400);
  const zooms = [];
  for (let i = 0; i < 9; i++) {
    zooms.push(await page.evaluate(async (action) => {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      let changed = 0;
      const mo = new MutationObserver((m) => { changed += m.length; });
      mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const t0 = performance.now();
      document.querySelector(`[data-phase="after"] [data-action="${action}"]`).click();
      await new Promise((r) => setTimeout(r, 0));
      mo.disconnect();
      return { ms: performance.now() - t0, changed };
    }, i % 2 ? 'zoom-out' : 'zoom-in'));
  }
  const zoom = { ms: median(zooms.map((z) => z.ms)), changed: median(zooms.map((z) => z.changed)) };
  console.log(`  zoom in or out on the large city: median ${zoom.ms.toFixed(2)} ms (max ${Math.max(...zooms.map((z) => z.ms)).toFixed(2)}), ${zoom.changed} DOM mutation records`);
  // The issue's targets, against this run's figures (a benchmark reports; it does not fail).
  worst.sort((a, b) => b[1] - a[1]);
  worstFrame.sort((a, b) => b[1] - a[1]);
  const missed = worst.filter((w) => w[1] > 4).length;
  console.log(`targets: the slowest single parameter of every variant <= 4 ms to the last DOM mutation: ${missed ? `MISSED in ${missed} of ${worst.length}` : 'met'} (slowest ${worst[0][0]} ${worst[0][2]} ${worst[0][1].toFixed(2)} ms); large city <= 16 ms: ${bigMedian <= 16 ? 'met' : 'MISSED'} (${bigMedian.toFixed(2)} ms)`);
  warmWorst.sort((a, b) => b[1] - a[1]);
  const missedWarm = warmWorst.filter((w) => w[1] > 4);
  console.log(`  the same on the second pass, once V8 has optimised the code: ${missedWarm.length ? `MISSED in ${missedWarm.length} of ${warmWorst.length} (${missedWarm.map((w) => `${w[0]} ${w[2]} ${w[1].toFixed(2)}`).join(', ')} ms)` : 'met'}`);
  const missedFrame = worstFrame.filter((w) => w[1] > 17).length;
  console.log(`targets: input -> next painted frame, median over every parameter <= 17 ms for every variant: ${missedFrame ? `MISSED in ${missedFrame} of ${worstFrame.length}` : 'met'} (slowest ${worstFrame[0][0]} ${worstFrame[0][1].toFixed(1)} ms); large city <= 33 ms: ${bigFrame <= 33 ? 'met' : 'MISSED'} (${bigFrame.toFixed(1)} ms)`);
  // The painted time starts right after a frame, so it is never under one frame interval; whether
  // a change is painted in the first frame after an input at any phase is update + render <= 16.7.
  const lateFrame = worstFrame.filter((w) => w[2] > 0);
  console.log(`targets: every parameter's update + render within one frame (${FRAME_MS.toFixed(1)} ms), every variant: ${lateFrame.length ? `MISSED in ${lateFrame.length} of ${worstFrame.length} (${lateFrame.map((w) => `${w[0]} ${w[2]}`).join(', ')} parameters)` : 'met'}`);
} finally {
  await browser.close();
  await server.close();
}
