// The wasm's lazily loaded parts (`split_point!` in src/ui/mod.rs), added to the built site.
// scripts/bin/wasm-bindgen cut them out of Cargo's wasm into target/wasm-split/, beside their
// loader, __wasm_split.js, which the main module's glue imports. Trunk knows nothing of them,
// so this step (run first by scripts/standalone.mjs, Trunk's post-build hook) copies them in:
// each part optimised by wasm-opt with the page's own flags and named by its content's hash
// (a cached part of an older build is never taken for this build's), the loader pointed at those
// names and at the glue's hashed file, compiling a part served without the wasm type too, and
// named by its own hash (the glue's imports and the glue's integrity in index.html follow), and
// index.html preloads the loader beside the glue.
// Anything unexpected stops the build with a message.
import { readFile, writeFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The loader's name as wasm-split-cli writes it (and the main wasm's import module). */
export const LOADER = '__wasm_split.js';
/** The glue's imports of the loader: `import * as importN from "./<loader>"`. */
export const LOADER_IMPORT = /^import \* as (\w+) from "\.\/(__wasm_split(?:-[0-9a-f]{16})?\.js)";?\s*$/gm;
const PLACEHOLDER = '__wasm_split_placeholder__';
/** Each part is compiled as it arrives where the server says `application/wasm`; where it does
 *  not (a host without that type), `instantiateStreaming` refuses it and the bytes are compiled
 *  once read, as wasm-bindgen's glue does for the main module. A failed fetch stays a failure,
 *  and so does one not loaded PART_TIMEOUT_MS after the chunks it shares are in (a stalled
 *  connection): the part's place then says it could not be loaded, where it would otherwise stay
 *  empty for good. The limit is on the whole load, not on a pause in it. */
const PART_TIMEOUT_MS = 60000;
const INSTANTIATE = `async function __splitFetched(src, imports) {
    const res = await src;
    if (!res.ok) throw new Error(\`\${res.url}: HTTP \${res.status}\`);
    if (typeof WebAssembly.instantiateStreaming === 'function') {
        try {
            return await WebAssembly.instantiateStreaming(res.clone(), imports);
        } catch (e) {
            if (res.headers.get('Content-Type') === 'application/wasm') throw e;
        }
    }
    return WebAssembly.instantiate(await res.arrayBuffer(), imports);
}
async function __splitInstantiate(src, imports) {
    let timer;
    const stalled = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('a part of the wasm did not arrive in ${PART_TIMEOUT_MS / 1000} s')), ${PART_TIMEOUT_MS});
    });
    // Once given up, its later failure is not reported again (an unhandled rejection).
    const fetched = __splitFetched(src, imports);
    fetched.catch(() => {});
    try {
        return await Promise.race([fetched, stalled]);
    } finally {
        clearTimeout(timer);
    }
}
`;
/** A part fetched before the loader ran (index.html's early script, `earlyScript`), taken once. */
const EARLY = `const __splitAsked = new Set();
function __splitEarly(name) {
    __splitAsked.add(name);
    const early = globalThis.__reformExplorerEarly;
    const got = early && early[name];
    if (got) delete early[name];
    return got;
}
`;
/** A part's files in one request (\`split_<part>-<hash>.pack\`: the part's file and the chunks
 *  it shares, one after the other), so that a part of 40 small files is not 40 requests: an
 *  HTTP/1.1 host serves six at a time, and under a slow link's round trip each six cost one.
 *  When a part is first asked for, its files that nobody asked for yet are taken from its pack
 *  (\`__splitEarly\` then finds them); a file in it already loaded by another part is
 *  downloaded twice (the cost of the one request). A pack that cannot be fetched leaves each
 *  file to its own request. Not in a window a service worker controls (the worker has every
 *  file cached, and no pack: scripts/standalone.mjs), nor in the offline copy (it has no
 *  fetch: standalone.mjs drops this between its markers). */
const PACKS = (names, packs) => `/* packs */
const __splitFiles = ${JSON.stringify(names)};
// Each part's pack: its file, then each of its files as [index in __splitFiles, length].
const __splitPacks = ${JSON.stringify(packs)};
function __splitPack(part) {
    const pack = __splitPacks[part];
    if (!pack || (typeof navigator === 'object' && navigator.serviceWorker && navigator.serviceWorker.controller)) return;
    const early = globalThis.__reformExplorerEarly || (globalThis.__reformExplorerEarly = {});
    let at = 0;
    const wanted = [];
    for (const [i, length] of pack[1]) {
        const file = __splitFiles[i];
        if (!__splitAsked.has(file) && !early[file]) wanted.push([file, at, length]);
        at += length;
    }
    if (wanted.length < 2) return;
    const bytes = fetch(new URL(pack[0], import.meta.url)).then((res) => {
        if (!res.ok) throw new Error(\`\${res.url}: HTTP \${res.status}\`);
        return res.arrayBuffer();
    });
    for (const [file, at, length] of wanted) {
        early[file] = bytes.then(
            (b) => new Response(b.slice(at, at + length), { headers: { 'Content-Type': 'application/wasm' } }),
            () => fetch(new URL(file, import.meta.url)),
        );
    }
}
/* end packs */
function __splitPacked(part, load) {
    return () => {
        __splitPack(part);
        return load();
    };
}
`;
const STREAMING = 'WebAssembly.instantiateStreaming(src, imports)';
const hash16 = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

function fail(msg) {
  console.error(`split: ${msg}`);
  process.exit(1);
}

/** The glue's file name, from index.html's module script. */
export function glueName(html) {
  const script = html.match(/<script type="module">([\s\S]*?)<\/script>/);
  const glue = script && (script[1].match(/from '\.\/([^']+\.js)'/) || [])[1];
  if (!glue) fail('index.html has no module script that names its glue');
  return glue;
}

/** wasm-opt's arguments for the parts: the page's (the source page's `data-wasm-opt` level and
 *  `data-wasm-opt-params`: $TRUNK_HTML_FILE, else index.html), less `--zero-filled-memory` (a
 *  part's memory is not fresh when it loads). */
function optArgs(html) {
  const link = html.match(/<link data-trunk rel="rust"[^>]*>/);
  if (!link) fail('index.html has no rust link');
  const level = (link[0].match(/data-wasm-opt="([^"]+)"/) || [])[1] || 'z';
  const params = ((link[0].match(/data-wasm-opt-params="([^"]*)"/) || [])[1] || '')
    .split(/\s+/)
    .filter((p) => p && p !== '--zero-filled-memory' && p !== '-g');
  return [`-O${level}`, ...params];
}

/** Adds the parts to the site in `dir` (Trunk's staging folder); `root` holds index.html and
 *  target/. Returns the parts' file names, or [] when the build has none. */
export async function addParts(dir, root = process.cwd()) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const glueFile = glueName(html);
  const glue = await readFile(join(dir, glueFile), 'utf8');
  if (glue.includes(PLACEHOLDER)) {
    fail(`${glueFile} imports ${PLACEHOLDER}: the wasm was not split. Build with scripts/bin on PATH ` +
      '(source scripts/env.sh, or bash scripts/serve.sh), whose wasm-bindgen splits it.');
  }
  if (!glue.includes(`from "./${LOADER}"`)) return [];
  const src = join(root, 'target', 'wasm-split');
  if (!existsSync(join(src, LOADER))) fail(`${glueFile} imports ${LOADER} but ${src} has none`);
  // The parts were cut from the wasm this glue was made for (scripts/bin/wasm-bindgen wrote the
  // glue's hash): not from another build's, done meanwhile in the same tree.
  const stamp = existsSync(join(src, 'glue.sha256')) ? (await readFile(join(src, 'glue.sha256'), 'utf8')).trim() : '';
  if (stamp !== createHash('sha256').update(glue).digest('hex')) {
    fail(`${src} holds the parts of another build than ${glueFile} (another build ran meanwhile?): build again`);
  }
  let loader = await readFile(join(src, LOADER), 'utf8');
  const main = 'from "./main.js";';
  if (!loader.includes(main)) fail(`${LOADER} does not import ${main}`);
  loader = loader.replace(main, () => `from "./${glueFile}";`);

  const tmp = await mkdtemp(join(tmpdir(), 'split-'));
  const page = process.env.TRUNK_HTML_FILE || join(root, 'index.html');
  const args = optArgs(await readFile(page, 'utf8'));
  const parts = [];
  try {
    for (const name of (await readdir(src)).sort()) {
      if (!name.endsWith('.wasm') || name === 'main.wasm') continue;
      const ref = `"./${name}"`;
      if (!loader.includes(ref)) fail(`${LOADER} does not load ${name}`);
      const out = join(tmp, name);
      execFileSync('wasm-opt', [join(src, name), ...args, '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });
      const bytes = await readFile(out);
      const hashed = `${name.replace(/\.wasm$/, '')}-${hash16(bytes)}.wasm`;
      await writeFile(join(dir, hashed), bytes);
      loader = loader.split(ref).join(`"./${hashed}"`);
      parts.push(hashed);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  if (parts.length === 0) fail(`${src} holds no part`);
  const streamed = loader.split(STREAMING).length - 1;
  if (streamed !== parts.length) fail(`${LOADER} instantiates ${streamed} parts as this script expects, not ${parts.length}`);
  loader = INSTANTIATE + EARLY + loader.split(STREAMING).join('__splitInstantiate(src, imports)');
  // Each fetch takes the early one when there is one (the offline copy's build replaces the
  // fetch itself, scripts/standalone.mjs, and has no early one).
  const FETCH = /fetch\(new URL\("(\.\/[^"]+\.wasm)", import\.meta\.url\)\)/g;
  const fetches = loader.match(FETCH) || [];
  if (fetches.length !== parts.length) fail(`${LOADER} fetches ${fetches.length} files, not its ${parts.length} parts`);
  loader = loader.replace(FETCH, (call, file) => `(__splitEarly("${file}") || ${call})`);
  // A part that cannot be loaded is the page's to report (its notice in the part's place, or
  // nothing for a prefetch: `ui::langs`), not an error in the console: a load cut short by
  // leaving the page (the language prefetch still queued behind the service worker's downloads)
  // would otherwise log one on a page that did nothing wrong.
  const LOGGED = 'console.error(e);';
  if (loader.split(LOGGED).length !== 2) fail(`${LOADER} reports a failed load ${loader.split(LOGGED).length - 1} times, not once as this script expects`);
  loader = loader.replace(LOGGED, () => "console.warn('reform-explorer: a part of the wasm could not be loaded', e);");
  // Each part's pack (`PACKS`), and its load wrapped to take its files from it.
  const packs = {};
  const names = [];
  const index = (f) => (names.includes(f) ? names : names.push(f) && names).indexOf(f);
  for (const [part, files] of Object.entries(partFiles(loader, ''))) {
    if (files.length < 2) continue;
    const bodies = await Promise.all(files.map((f) => readFile(join(dir, f))));
    const body = Buffer.concat(bodies);
    const packFile = `split_${part}-${hash16(body)}.pack`;
    await writeFile(join(dir, packFile), body);
    packs[part] = [`./${packFile}`, files.map((f, i) => [index(f), bodies[i].length])];
  }
  const LOAD = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(/g;
  const loads = loader.match(LOAD) || [];
  if (loads.length === 0) fail(`${LOADER} exports no part's load`);
  loader = loader.replace(LOAD, (_, part) => `export const __wasm_split_load_${part} = wrapAsyncCb(__splitPacked(${JSON.stringify(part)}, makeLoad(`);
  // Each such load closes one more parenthesis: `makeLoad(..., [deps])` ends `]));`.
  const ENDS = /(export const __wasm_split_load_\w+ = wrapAsyncCb\(__splitPacked\("\w+", makeLoad\([\s\S]*?\n, \[[^\]]*\]\))\);/g;
  const ended = loader.match(ENDS) || [];
  if (ended.length !== loads.length) fail(`${LOADER}: ${ended.length} of its ${loads.length} part loads end as this script expects`);
  loader = loader.replace(ENDS, (_, head) => `${head}));`);
  loader = PACKS(names, packs) + loader;
  // The loader named by its content too (a cached loader of an older build would load that
  // build's parts), and the glue's imports of it pointed at that name (the import module names
  // in the glue's import object stay: they are the main wasm's); the glue's integrity in
  // index.html follows its new content.
  const loaderFile = `${LOADER.replace(/\.js$/, '')}-${hash16(loader)}.js`;
  await writeFile(join(dir, loaderFile), loader);
  const newGlue = glue.split(`from "./${LOADER}"`).join(`from "./${loaderFile}"`);
  await writeFile(join(dir, glueFile), newGlue);
  const glueLink = html.match(new RegExp(`<link rel="modulepreload" href="\\./${glueFile.replace(/\./g, '\\.')}"[^>]*>`));
  if (!glueLink) fail(`index.html has no modulepreload link for ${glueFile}`);
  let link = glueLink[0];
  if (/integrity="/.test(link)) {
    const sri = `sha384-${createHash('sha384').update(newGlue).digest('base64')}`;
    link = link.replace(/integrity="[^"]*"/, `integrity="${sri}"`);
  }
  // The glue imports the loader: fetched beside the glue, not one round trip after it. Then the
  // early script: the case model and the language the page waits for, fetched beside the main wasm.
  // Last in the head: after the main wasm's preload, whose request goes first.
  // Each as its pack (when it has one; none under a service worker) and its files' lengths.
  const packed = (byKey, prefix) => Object.fromEntries(Object.entries(byKey).map(([k, files]) => {
    const pack = packs[`${prefix}${k}`];
    if (!pack) return [k, ['', files.map((f) => [f, 0])]];
    return [k, [pack[0], pack[1].map(([i, length]) => [names[i], length])]];
  }));
  const early = earlyScript(packed(caseFiles(loader), 'case_'), packed(langFiles(loader), 'lang_'));
  const withLinks = html.replace(glueLink[0], () => `${link}\n<link rel="modulepreload" href="./${loaderFile}">`);
  if (!withLinks.includes('</head>')) fail('index.html has no </head>');
  await writeFile(join(dir, 'index.html'), withLinks.replace('</head>', () => `${early}\n</head>`));
  return parts;
}

/** The files each part named `<prefix><key>` loads (`split_point!` `<prefix><key>`): its own file and
 *  the chunks it shares, as the loader names them, by key. */
export function partFiles(loader, prefix) {
  const chunk = new Map([...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = \(__splitEarly\("([^"]+)"\)/g)].map((m) => [m[1], m[2]]));
  const out = {};
  const load = new RegExp(`export const __wasm_split_load_${prefix}(\\w+) = wrapAsyncCb\\((?:__splitPacked\\("\\w+", )?makeLoad\\(\\(\\) => \\{\\s*const src = \\(__splitEarly\\("([^"]+)"\\)[\\s\\S]*?\\n, \\[([^\\]]*)\\]\\)\\)?\\);`, 'g');
  for (const m of loader.matchAll(load)) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean);
    const files = deps.map((d) => chunk.get(d));
    if (files.some((f) => !f)) fail(`${prefix}${m[1]}'s chunks are not all named in ${LOADER}`);
    out[m[1]] = [m[2], ...files];
  }
  return out;
}

/** The files each case's model loads (`case_<key>`, `ui::cases`). */
export function caseFiles(loader) {
  const out = partFiles(loader, 'case_');
  // Daqing's, the default case's, is in the main wasm (`CaseId::model`).
  for (const c of ['zhejiang', 'tianjin', 'haidong']) if (!out[c]) fail(`${LOADER} loads no case_${c}`);
  return out;
}

/** The files each language's part loads (`lang_en`, `lang_hant`, `ui::langs`). */
export function langFiles(loader) {
  const out = partFiles(loader, 'lang_');
  // Simplified Chinese, the default, is in the main wasm (`i18n::tr`).
  for (const l of ['en', 'hant']) if (!out[l]) fail(`${LOADER} loads no lang_${l}`);
  return out;
}

/** index.html's early script (plain ES5): the page waits for the model of the case its link
 *  shows and for its language's part (`ui::start`), so their files are fetched now, beside the
 *  main wasm, not once it has started; the loader takes them (`__splitEarly`). The case as
 *  `url::cases_needed` reads it: `case=` (the last one; an unknown one is the default, whose model
 *  is in the main wasm), none for a page that needs all four (those load after the start, as
 *  before). The language as `url::lang_needed` and `Lang::from_code` read it: the last `lang=`,
 *  the default (in the main wasm) for an unknown one. Keys and values are percent-decoded, as
 *  the page decodes them; the page's limits on a link's size are not applied (a prefetch the page
 *  then does not use costs a download, never a wrong page: the page reads the link itself).
 *  Each part as its pack (`PACKS`), one request, where it has one (`cases` and `langs`: by key,
 *  [pack, [[file, length], …]]).
 *  scripts/standalone.mjs drops it from the
 *  offline copy, which has its parts inline (and it does nothing where the copy's meta tag is). */
function earlyScript(cases, langs) {
  return `<script data-early-parts>
  (function () {
    if (typeof fetch !== 'function' || document.querySelector('meta[name="reform-explorer-offline"]')) return;
    var cases = ${JSON.stringify(cases)}, langs = ${JSON.stringify(langs)};
    var codes = { 'en': 'en', 'en-us': 'en', 'en-gb': 'en', 'zh-hant': 'hant', 'zh-tw': 'hant', 'zh_tw': 'hant', 'zh-hk': 'hant', 'zh-mo': 'hant' };
    function dec(s) { try { return decodeURIComponent(s); } catch (e) { return s; } }
    var pairs = location.search.replace(/^\\?/, '').split('&'), c = 'daqing', all = false, l = '';
    for (var i = 0; i < pairs.length; i++) {
      var key = pairs[i].split('=')[0], k = dec(key), raw = dec(pairs[i].slice(key.length + 1)).toLowerCase();
      var v = raw.replace(/^\\s+|\\s+$/g, '');
      if (/^(view|base|levers|four|present)$/.test(k)) all = true;
      if (k === 'case') c = cases.hasOwnProperty(v) ? v : 'daqing';
      if (k === 'lang') l = codes.hasOwnProperty(raw) ? codes[raw] : '';
    }
    var want = [].concat(!all && cases.hasOwnProperty(c) ? [cases[c]] : [], langs.hasOwnProperty(l) ? [langs[l]] : []);
    if (!want.length) return;
    var early = window.__reformExplorerEarly = {};
    // A part's pack in one request (as the loader takes it: not where a service worker has
    // every file cached), its files cut from it; each file on its own if the pack fails.
    var worker = navigator.serviceWorker && navigator.serviceWorker.controller;
    function one(bytes, file, at, length) {
      var p = bytes ? bytes.then(function (b) {
        return new Response(b.slice(at, at + length), { headers: { 'Content-Type': 'application/wasm' } });
      }, function () { return fetch(file); }) : fetch(file);
      p['catch'](function () {});
      return p;
    }
    for (var j = 0; j < want.length; j++) {
      var pack = want[j][0], files = want[j][1], bytes = null, at = 0;
      if (pack && !worker && typeof Response === 'function') {
        bytes = fetch(pack).then(function (r) {
          if (!r.ok) throw new Error(r.url + ': HTTP ' + r.status);
          return r.arrayBuffer();
        });
        bytes['catch'](function () {});
      }
      for (var m = 0; m < files.length; m++) {
        if (!early.hasOwnProperty(files[m][0])) early[files[m][0]] = one(bytes, files[m][0], at, files[m][1]);
        at += files[m][1];
      }
    }
  })();
  </script>`;
}
