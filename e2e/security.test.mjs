// The page's Content-Security-Policy (a meta tag written after every build by
// scripts/standalone.mjs): only the page's own origin, 'wasm-unsafe-eval' and hashes of the
// page's own inline code; the app works under it (no violation while it is used), it is
// really enforced (injected inline code does not run), and no request ever leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, open, setParam, useBrowser, withPage } from './support.mjs';

const env = useBrowser(before, after);

/** The policy of a built page, as { directive: [sources] }. */
function policyOf(file) {
  const html = readFileSync(join(DIST, file), 'utf8');
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(m, `${file} has no policy`);
  return Object.fromEntries(m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

for (const file of ['index.html', 'reform-explorer.html']) {
  test(`${file}: the policy allows the page's own origin and its own code only`, () => {
    const p = policyOf(file);
    assert.deepEqual(p['default-src'], ["'self'"]);
    assert.deepEqual(p['object-src'], ["'none'"]);
    assert.ok(p['script-src'].includes("'wasm-unsafe-eval'"));
    const allowed = /^('self'|'none'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/=]+'|data:)$/;
    for (const [k, sources] of Object.entries(p)) {
      for (const s of sources) assert.match(s, allowed, `${file} ${k} ${s}`);
    }
    assert.ok(!Object.values(p).flat().includes("'unsafe-inline'"));
  });
}

test('the app works under its policy and never asks another origin for anything', async () => {
  await withPage(env.browser, `${env.server.url}?case=daqing`, async ({ page, requests }) => {
    await page.evaluate(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    // Use it: parameters, steps, every case, a language, a theme, share, downloads.
    await setParam(page, 'staff', 3000);
    await page.click('[data-step="1"]');
    for (const c of ['zhejiang', 'tianjin', 'haidong', 'daqing']) {
      await page.click(`[data-case="${c}"]`);
      await page.waitForSelector(`[data-case="${c}"][aria-pressed="true"]`);
    }
    await page.click('[data-lang="en"]');
    await page.selectOption('select[data-action="theme"]', 'projector');
    await page.click('[data-panel="share"] summary');
    // Its content (a part of the wasm of its own) and the embed preview, the app again in a frame.
    await page.waitForSelector('[data-share="link"]');
    await page.frameLocator('[data-share="preview"]').locator('[data-embed="1"] [data-panel="key-figures"]').waitFor();
    for (const sel of ['[data-export="csv"]', 'figure.diagram[data-phase="after"] [data-export="svg"]', 'figure.diagram[data-phase="after"] [data-export="png"]']) {
      await Promise.all([page.waitForEvent('download'), page.click(sel)]);
    }
    await page.click('[data-panel="sources"] summary');
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    const origin = new URL(env.server.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, []);
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm came from the origin');
  });
});

test('the policy is enforced: inline code injected into the page does not run', async () => {
  const { page, context } = await open(env.browser, `${env.server.url}?case=daqing`);
  try {
    const r = await page.evaluate(async () => {
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.injected = true;';
      document.body.appendChild(s);
      const img = new Image();
      img.src = 'https://example.invalid/x.png';
      await new Promise((ok) => setTimeout(ok, 100));
      return { ran: window.injected === true, seen };
    });
    assert.equal(r.ran, false);
    assert.ok(r.seen.some((d) => d.startsWith('script-src')), JSON.stringify(r.seen));
    assert.ok(r.seen.some((d) => d.startsWith('img-src')), JSON.stringify(r.seen));
  } finally {
    await context.close();
  }
});
