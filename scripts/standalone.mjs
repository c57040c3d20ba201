// Writes the offline copy: one self-contained HTML file (reform-explorer.html) beside the built
// index.html, which runs by double-click from file:// (a USB stick, a laptop with no server),
// and gives both pages their Content-Security-Policy (`withCsp`).
// Trunk runs it after every build (Trunk.toml, post_build hook, in its staging folder); by hand:
//   node scripts/standalone.mjs [dir]        (default: $TRUNK_STAGING_DIR, else dist)
//
// What changes against index.html: the style sheets are inlined, the favicon becomes a data
// URI, the wasm-bindgen glue is inlined into the module script (its `export`s dropped), and the
// wasm is inlined gzip-compressed as base64, unpacked with DecompressionStream and compiled as
// it is unpacked (a Response of the wasm type made in the page, for instantiateStreaming; no
// fetch, which file:// forbids). A meta tag tells the app it is the offline copy
// and when and from what it was built; the date is the commit's, so the same commit gives the
// same file. Anything unexpected in Trunk's output stops the script with a message (and so the
// build): a half-made offline copy is worse than none.
import { readFile, writeFile, readdir, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { addParts, LOADER_IMPORT } from './split.mjs';

export const OUT_NAME = 'reform-explorer.html';

const CSP_META = /\s*<meta http-equiv="Content-Security-Policy"[^>]*>/;

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** `html` with a Content-Security-Policy meta tag first in its head: only the page's own origin,
 *  plus what the page itself needs and nothing wider: 'wasm-unsafe-eval' (WebAssembly), the
 *  hashes of its own inline scripts and style blocks (Trunk's bootstrap script; the offline
 *  copy's inlined styles and code), data: images (the inlined favicon and the PNG export, which
 *  draws the diagram from a data URI). */
export function withCsp(html) {
  html = html.replace(CSP_META, '');
  const scripts = [...html.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${scripts.map((h) => ` ${h}`).join('')}`,
    `style-src 'self'${styles.map((h) => ` ${h}`).join('')}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  if (!/<meta charset="utf-8">/.test(html)) fail('no <meta charset="utf-8"> to put the policy after');
  return html.replace(/<meta charset="utf-8">/, (m) => `${m}\n  ${meta}`);
}

function fail(msg) {
  console.error(`standalone: ${msg}`);
  process.exit(1);
}

/** The version and build date shown in the footer: Cargo's version and the commit, dated by
 *  the commit (not the clock), so rebuilding a commit reproduces the file. */
async function buildInfo(root) {
  const cargo = await readFile(join(root, 'Cargo.toml'), 'utf8');
  const version = (cargo.match(/^version\s*=\s*"([^"]+)"/m) || [])[1] || '0';
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const commit = git('rev-parse', '--short=10', 'HEAD');
  const date = git('log', '-1', '--format=%cs') || process.env.BUILD_DATE || 'unknown';
  return { version: commit ? `${version}+${commit}` : version, date };
}

const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The single file for the built site in `dir`. */
export async function standalone(dir, root = process.cwd()) {
  let html = (await readFile(join(dir, 'index.html'), 'utf8')).replace(CSP_META, '');

  // Style sheets, inlined in order.
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/g)];
  if (sheets.length === 0) fail('no style sheet links in index.html');
  for (const [tag, href] of sheets) {
    const css = await readFile(join(dir, href), 'utf8');
    if (/<\/style/i.test(css)) fail(`${href} contains </style>`);
    html = html.replace(tag, () => `<style>\n${css}\n</style>`);
  }

  // The favicon as a data URI.
  html = html.replace(/<link rel="icon" href="([^"]+)" type="([^"]+)">/, (tag, href, type) => {
    return `<link rel="icon" href="data:${type};base64,__ICON__${href}">`;
  });
  const icon = html.match(/__ICON__([^"]+)"/);
  if (icon) {
    const body = await readFile(join(dir, icon[1]));
    html = html.replace(`__ICON__${icon[1]}`, body.toString('base64'));
  }

  // Preloads point at files the single file does not need.
  html = html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
  // So does the early fetch of a case's model (scripts/split.mjs): its parts are inline.
  html = html.replace(/\s*<script data-early-parts>[\s\S]*?<\/script>/, '');

  // The module script: glue inlined, wasm from bytes.
  const script = html.match(/<script type="module">([\s\S]*?)<\/script>/);
  if (!script) fail('no module script in index.html');
  const glueFile = (script[1].match(/from '\.\/([^']+\.js)'/) || [])[1];
  const wasmFile = (script[1].match(/module_or_path: '\.\/([^']+\.wasm)'/) || [])[1];
  if (!glueFile || !wasmFile) fail('the module script does not name its glue and wasm files');
  let glue = await readFile(join(dir, glueFile), 'utf8');
  // The lazily loaded parts' loader (scripts/split.mjs), which the glue imports: inlined too.
  const loaderImports = [...glue.matchAll(LOADER_IMPORT)];
  glue = glue.replace(LOADER_IMPORT, '');
  if (/^\s*import\s/m.test(glue)) fail(`${glueFile} imports other files (snippets?): not handled`);
  const loaders = new Set(loaderImports.map((m) => m[2]));
  if (loaders.size > 1) fail(`${glueFile} imports ${loaders.size} different loaders`);
  const parts = loaderImports.length
    ? await inlineLoader(dir, glueFile, [...loaders][0], loaderImports.map((m) => m[1]))
    : '';
  glue = glue.replace(/^export \{[^}]*\};?\s*$/m, '').replace(/^export (?=(?:async )?(?:class|function|const|let|var)\b)/gm, '');
  if (/^\s*export\b/m.test(glue)) fail(`${glueFile} has an export this script does not know`);
  if (!/\b__wbg_init\b/.test(glue)) fail(`${glueFile} has no __wbg_init`);
  if (/<\/script/i.test(glue)) fail(`${glueFile} contains </script>`);
  const wasm = await readFile(join(dir, wasmFile));
  const packed = gzipSync(wasm, { level: 9 }).toString('base64');
  // Names of our own are prefixed: the glue declares `wasm` and others at its top level.
  const boot = `
${glue}
const __offline_packed = "${packed}";
function __offline_wasm_response() {
  return __offline_response(__offline_packed);
}
function __offline_response(packed) {
  const bin = atob(packed);
  const gz = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) gz[i] = bin.charCodeAt(i);
  const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
  // A wasm response: compiled as it is inflated (WebAssembly.instantiateStreaming).
  return new Response(stream, { headers: { 'Content-Type': 'application/wasm' } });
}
${parts}
const __offline_wasm = await __wbg_init({ module_or_path: __offline_wasm_response() });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __offline_wasm } }));
`;
  if (/\b__offline_/.test(glue)) fail(`${glueFile} uses the __offline_ prefix`);
  html = html.replace(script[0], () => `<script type="module">${boot}</script>`);

  // Tell the app what it is.
  const info = await buildInfo(root);
  const meta = `<meta name="reform-explorer-offline" data-date="${attr(info.date)}" data-version="${attr(info.version)}">`;
  html = html.replace(/<head>/, () => `<head>\n  ${meta}`);

  // Nothing may still point at another file.
  const left = html.match(/(?:src|href)="(?!data:|#)[^"]+"/);
  if (left) fail(`still refers to a file: ${left[0]}`);
  return { html: withCsp(html), info, wasmBytes: wasm.length };
}

/** The parts' loader as code inlined beside the glue: its `export`s become the fields of one
 *  object, which the glue's imports of it name (`names`); its import of the glue's `initSync`
 *  is dropped (the glue's own function, in the same script); each part's fetch becomes a
 *  response made from the part's bytes, inlined gzip-compressed as base64 like the main wasm. */
async function inlineLoader(dir, glueFile, loaderFile, names) {
  const LOADER = loaderFile;
  let loader = await readFile(join(dir, loaderFile), 'utf8');
  const imp = `import { initSync } from "./${glueFile}";`;
  if (!loader.includes(imp)) fail(`${LOADER} does not import the glue's initSync`);
  loader = loader.replace(imp, '');
  if (/^\s*(?:import|export \{|export default)\b/m.test(loader)) fail(`${LOADER} has an import or export this script does not know`);
  const exported = [...loader.matchAll(/^export const (\w+)\b/gm)].map((m) => m[1]);
  if (exported.length === 0) fail(`${LOADER} exports nothing`);
  loader = loader.replace(/^export const /gm, 'const ');
  // No packs (scripts/split.mjs): every part is inline.
  const PACKS = /\/\* packs \*\/[\s\S]*?\/\* end packs \*\//;
  if (!PACKS.test(loader)) fail(`${LOADER} has no packs block this script knows`);
  loader = loader.replace(PACKS, 'function __splitPack() {}');
  const packed = {};
  loader = loader.replace(/fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\)/g, (_, file) => {
    packed[file] = true;
    return `Promise.resolve(__offline_part(${JSON.stringify(file)}))`;
  });
  if (/import\.meta|fetch\(/.test(loader)) fail(`${LOADER} still fetches something`);
  if (Object.keys(packed).length === 0) fail(`${LOADER} loads no part`);
  const table = {};
  for (const file of Object.keys(packed)) {
    table[file] = gzipSync(await readFile(join(dir, file)), { level: 9 }).toString('base64');
  }
  if (/<\/script/i.test(loader)) fail(`${LOADER} contains </script>`);
  return `const __offline_parts = ${JSON.stringify(table)};
function __offline_part(file) {
  return __offline_response(__offline_parts[file]);
}
const __offline_split = (() => {
${loader}
return { ${exported.join(', ')} };
})();
${names.map((n) => `const ${n} = __offline_split;`).join('\n')}
`;
}

/** Every file of the built site below `dir`, relative, with `/` separators. */
async function siteFiles(dir, sub = '') {
  const out = [];
  for (const name of (await readdir(join(dir, sub))).sort()) {
    const rel = sub ? `${sub}/${name}` : name;
    if ((await stat(join(dir, rel))).isDirectory()) out.push(...(await siteFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}

/** The service worker (sw.js): precaches the files of this build under a cache named after
 *  their contents, so a new build installs a new cache and drops the old one. Navigations go
 *  to the network first (a new build is seen at once) and fall back to the cached page when
 *  offline; the hashed files are served from the cache. Paths are relative to the worker, so
 *  the site works from any sub-path. The app registers it only over http(s), never on file://. */
export async function serviceWorker(dir) {
  // Not the parts' packs (scripts/split.mjs): the same bytes as the parts' files, which a
  // window the worker controls loads one by one from its cache.
  const files = (await siteFiles(dir)).filter((f) => f !== 'sw.js' && f !== OUT_NAME && !/^split_\w+-[0-9a-f]{16}\.pack$/.test(f));
  const h = createHash('sha256');
  for (const f of files) h.update(f).update(await readFile(join(dir, f)));
  const cache = `reform-explorer-${h.digest('hex').slice(0, 16)}`;
  return `// @generated by scripts/standalone.mjs after each build: do not edit.
const CACHE = ${JSON.stringify(cache)};
const FILES = ${JSON.stringify(['./', ...files.map((f) => `./${f}`)], null, 2)};

self.addEventListener('install', (e) => {
  // Fetched past the HTTP cache: a stale copy of a file whose name does not change would
  // otherwise be kept for the whole life of this cache.
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('reform-explorer-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    e.respondWith(fetch(req).catch(() => caches.open(CACHE).then((c) => c.match('./', { ignoreSearch: true }))));
    return;
  }
  e.respondWith(caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: true })).then((hit) => hit || fetch(req)));
});
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist';
  const root = process.env.TRUNK_SOURCE_DIR || process.cwd();
  const parts = await addParts(dir, root);
  if (parts.length) console.log(`split: added ${parts.length} lazily loaded parts of the wasm`);
  const { html, info } = await standalone(dir, root);
  await writeFile(join(dir, OUT_NAME), html);
  // The hosted page gets its policy too (after the offline copy was made from it).
  const index = join(dir, 'index.html');
  await writeFile(index, withCsp(await readFile(index, 'utf8')));
  // Last: the worker lists the finished files.
  await writeFile(join(dir, 'sw.js'), await serviceWorker(dir));
  console.log(`standalone: wrote ${join(dir, OUT_NAME)} (${Buffer.byteLength(html)} bytes; version ${info.version}, built ${info.date})`);
}
