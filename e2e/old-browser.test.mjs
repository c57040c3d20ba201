// A browser too old for the app gets a notice naming what is missing, not a blank page: the
// inline check in index.html (module scripts, WebAssembly with the features the build uses,
// DecompressionStream in the offline copy) and, for a failure it does not foresee, the error
// the start-up gave. An older browser is simulated by removing the feature before any script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DIST, useBrowser } from './support.mjs';

const env = useBrowser(before, after);

async function visit(url, init) {
  const context = await env.browser.newContext();
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  await page.goto(url);
  return { page, context };
}

const notice = (page) => page.waitForSelector('#too-old:not([hidden])', { timeout: 15000 });

test('a current browser starts the app and never sees the notice', async () => {
  const { page, context } = await visit(env.server.url);
  try {
    await page.waitForSelector('[data-metric="staff_total"][data-phase="after"]');
    assert.equal(await page.getAttribute('#too-old', 'hidden'), '');
  } finally {
    await context.close();
  }
});

test('without WebAssembly the page says the browser is too old and what is missing', async () => {
  const { page, context } = await visit(env.server.url, () => { delete globalThis.WebAssembly; });
  try {
    await notice(page);
    const text = await page.textContent('#too-old');
    assert.match(text, /too old/);
    assert.match(text, /Firefox 79/);
    assert.match(text, /Missing: WebAssembly/);
    assert.equal(await page.$('[data-metric]'), null);
  } finally {
    await context.close();
  }
});

test('WebAssembly without the features the build uses is named', async () => {
  // A validator that refuses the probe module stands for an engine without reference types etc.;
  // the real module then cannot compile either.
  const { page, context } = await visit(env.server.url, () => {
    WebAssembly.validate = () => false;
    WebAssembly.instantiate = () => Promise.reject(new Error('CompileError: unsupported feature'));
    WebAssembly.instantiateStreaming = WebAssembly.instantiate;
  });
  try {
    await notice(page);
    assert.match(await page.textContent('#too-old'), /Missing: WebAssembly features/);
  } finally {
    await context.close();
  }
});

test('the offline copy without DecompressionStream says so', async () => {
  const url = pathToFileURL(join(DIST, 'reform-explorer.html')).href;
  const { page, context } = await visit(url, () => { delete globalThis.DecompressionStream; });
  try {
    await notice(page);
    assert.match(await page.textContent('#too-old'), /Missing: DecompressionStream/);
    assert.match(await page.textContent('#too-old'), /Safari 16\.4/);
  } finally {
    await context.close();
  }
});
