// What weighs in the wasm: reads the module cargo builds before wasm-bindgen and wasm-opt
// (target/wasm32-unknown-unknown/release/reform-explorer.wasm, which keeps its function names),
// measures every function body and the data segments, and groups the bodies by crate (the
// first path segment of the demangled name; for a trait impl `<A as B>`, the crate of A).
// The sizes are before wasm-opt, so they are larger than the download; their shares are what
// guide a cut. Used by bench.mjs; alone: `node scripts/wasm-size.mjs [file] [count]`.
//
// `node scripts/wasm-size.mjs --by-module [count]` reads the profile build instead
// (scripts/profile-build.sh: v0 mangling, whose names keep the type arguments) and charges every
// function to the first module of the app named in it, type arguments included: Leptos' generic
// code instantiated for a component's views counts for that component's module, not for tachys
// or reactive_graph. It demangles with `c++filt` (binutils).
import { readFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';

export const PROFILE_WASM = 'target/profile-v0/wasm32-unknown-unknown/release/reform-explorer.wasm';

export const RAW_WASM = 'target/wasm32-unknown-unknown/release/reform-explorer.wasm';

function leb(b, i) {
  let r = 0;
  let s = 0;
  for (;;) {
    const x = b[i++];
    r += (x & 0x7f) * 2 ** s;
    s += 7;
    if (x < 0x80) return [r, i];
  }
}

/** Legacy Rust mangling (`_ZN3foo3bar17h…E`) to `foo::bar`; other names are returned as they are. */
export function demangle(name) {
  if (!name.startsWith('_ZN')) return name;
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== 'E') {
    let j = i;
    while (name[j] >= '0' && name[j] <= '9') j++;
    const n = Number(name.slice(i, j));
    if (!n) break;
    parts.push(name.slice(j, j + n));
    i = j + n;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  return parts
    .join('::')
    .replace(/(^|::)_\$(LT|u7b)\$/g, '$1$$$2$$')
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ')
    .replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}')
    .replace(/\$LP\$/g, '(').replace(/\$RP\$/g, ')').replace(/\$BP\$/g, '*')
    .replace(/\.\./g, '::').replace(/\$u5b\$/g, '[').replace(/\$u5d\$/g, ']');
}

/** The crate a function belongs to, for grouping. */
export function crateOf(name) {
  const d = demangle(name);
  const m = d.match(/^<?&?(?:mut )?([A-Za-z_][A-Za-z_0-9]*)/);
  if (!m) return '?';
  // `<T as tachys::view::Render>`: a generic or primitive self type says nothing; the trait does.
  const t = d.match(/^<[^<>]* as ([A-Za-z_][A-Za-z_0-9]*)::/);
  if (t && !d.startsWith(`<${m[1]}::`) && (/^[A-Z]$/.test(m[1]) || /^(str|f64|f32|u\d+|i\d+|usize|isize|bool|char)$/.test(m[1]))) return t[1];
  return m[1];
}

/** { code, data, functions: [[bytes, name]], crates: [[crate, bytes, count]] } of a wasm file. */
export async function weigh(path = RAW_WASM) {
  const b = await readFile(path);
  let i = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  while (i < b.length) {
    const id = b[i++];
    let size;
    [size, i] = leb(b, i);
    const end = i + size;
    if (id === 0) {
      let [n, j] = leb(b, i);
      const section = b.subarray(j, j + n).toString();
      j += n;
      if (section === 'name') {
        while (j < end) {
          const sub = b[j++];
          let len;
          [len, j] = leb(b, j);
          const subEnd = j + len;
          if (sub === 1) {
            let count;
            [count, j] = leb(b, j);
            for (let k = 0; k < count; k++) {
              let idx;
              let l;
              [idx, j] = leb(b, j);
              [l, j] = leb(b, j);
              names.set(idx, b.subarray(j, j + l).toString());
              j += l;
            }
          }
          j = subEnd;
        }
      }
    } else if (id === 2) {
      let [count, j] = leb(b, i);
      for (let k = 0; k < count; k++) {
        let l;
        [l, j] = leb(b, j);
        j += l;
        [l, j] = leb(b, j);
        j += l;
        const kind = b[j++];
        if (kind === 0) {
          [, j] = leb(b, j);
          imported++;
        } else if (kind === 1 || kind === 2) {
          if (kind === 1) j++;
          let flags;
          [flags, j] = leb(b, j);
          [, j] = leb(b, j);
          if (flags & 1) [, j] = leb(b, j);
        } else if (kind === 3) j += 2;
      }
    } else if (id === 10) {
      let [count, j] = leb(b, i);
      for (let k = 0; k < count; k++) {
        const [l, start] = leb(b, j);
        bodies.push([imported + k, start - j + l]);
        j = start + l;
      }
    } else if (id === 11) data = size;
    i = end;
  }
  const functions = bodies.map(([idx, n]) => [n, names.get(idx) || `function ${idx}`]).sort((x, y) => y[0] - x[0]);
  const byCrate = new Map();
  for (const [n, name] of functions) {
    const c = crateOf(name);
    const [bytes, count] = byCrate.get(c) || [0, 0];
    byCrate.set(c, [bytes + n, count + 1]);
  }
  const crates = [...byCrate].map(([c, [bytes, count]]) => [c, bytes, count]).sort((x, y) => y[1] - x[1]);
  return { code: functions.reduce((s, [n]) => s + n, 0), data, functions, crates };
}

/** Lines that say what weighs most: the crates and the functions, `count` of each. */
export async function report(path = RAW_WASM, count = 5) {
  const w = await weigh(path);
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const share = (n) => `${((100 * n) / w.code).toFixed(1)} %`;
  const lines = [`wasm before wasm-opt (${path}): code ${kb(w.code)} in ${w.functions.length} functions, data ${kb(w.data)}`];
  lines.push(`  largest contributors by crate (code):`);
  for (const [c, bytes, n] of w.crates.slice(0, count)) lines.push(`    ${c.padEnd(20)} ${kb(bytes).padStart(10)} ${share(bytes).padStart(7)} (${n} functions)`);
  lines.push(`  largest functions:`);
  for (const [n, name] of w.functions.slice(0, count)) lines.push(`    ${kb(n).padStart(10)} ${demangle(name).slice(0, 110)}`);
  return lines;
}

/** Lines of the code by the app's module its names point to (a v0-mangled build). */
export async function byModule(path = PROFILE_WASM, count = 40) {
  const w = await weigh(path);
  const out = spawnSync('c++filt', [], { input: w.functions.map(([, n]) => n).join('\n'), maxBuffer: 1 << 28 });
  if (out.status !== 0) throw new Error(`c++filt failed: ${out.stderr}`);
  const names = out.stdout.toString().split('\n');
  if (!w.functions.some(([, n]) => n.startsWith('_R'))) throw new Error(`${path} has no v0 names: build it with scripts/profile-build.sh`);
  const modules = new Map();
  w.functions.forEach(([bytes], i) => {
    const d = (names[i] || '').replace(/\[[0-9a-f]{16}\]/g, '');
    const app = d.match(/reform_explorer::((?:ui|model|state|layout|analysis|i18n)::[a-z_0-9]+)/);
    const key = /WasmDescribe|__wbindgen_describe/.test(d)
      ? '(wasm-bindgen descriptors: removed by wasm-bindgen)'
      : app
        ? app[1]
        : `(no app type) ${(d.match(/^<?&?(?:mut )?([A-Za-z_][A-Za-z_0-9]*)/) || [, '?'])[1]}`;
    const [b, n] = modules.get(key) || [0, 0];
    modules.set(key, [b + bytes, n + 1]);
  });
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const lines = [`code by the app's module its names point to (${path}, before wasm-opt): ${kb(w.code)} in ${w.functions.length} functions`];
  for (const [k, [b, n]] of [...modules].sort((x, y) => y[1][0] - x[1][0]).slice(0, count)) {
    lines.push(`  ${kb(b).padStart(10)} ${((100 * b) / w.code).toFixed(1).padStart(5)} % ${String(n).padStart(5)} functions  ${k}`);
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = process.argv[2] === '--by-module'
    ? await byModule(PROFILE_WASM, Number(process.argv[3] || 40))
    : await report(process.argv[2] || RAW_WASM, Number(process.argv[3] || 5));
  for (const l of lines) console.log(l);
}
