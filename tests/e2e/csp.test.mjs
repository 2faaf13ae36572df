// End-to-end: the demo's components under the Content-Security-Policy that docs/using-tessera.md
// states, in headless Chromium. No `'unsafe-inline'` and no `'unsafe-eval'`: the components'
// `<style>` elements carry the page's nonce from <meta property="csp-nonce">, so they apply;
// without the meta they are refused and the browser says so. Chromium reports every violation on
// the console, and the harness fails the test on any console error it does not expect.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, inComponent, open, page } from './harness.mjs';

let env;
before(async () => { env = await open(); });
after(async () => { await env?.close(); });

/**
 * The guide's policy lines, with `{NONCE}` where the page's nonce goes: the policy for a page
 * that serves everything itself, then the same with `worker-src blob:` for components in workers.
 */
const [POLICY, WORKER_POLICY] = (() => {
  const found = [...readFileSync(join(ROOT, 'docs', 'using-tessera.md'), 'utf8').matchAll(/^Content-Security-Policy: (.+)$/gm)];
  assert.equal(found.length, 2, 'docs/using-tessera.md states two Content-Security-Policy lines');
  for (const f of found) assert.match(f[1], /'nonce-\{NONCE\}'/);
  assert.doesNotMatch(found[0][1], /worker-src/);
  assert.equal(found[1][1].replace(' worker-src blob:;', ''), found[0][1], 'the worker policy is the first one with worker-src blob:');
  return found.map((f) => f[1].trim());
})();

/**
 * A page of the demo's origin under `policy`, with the demo's components `names` mounted (the
 * frozen one, in its worker, with a countdown that outlasts the test).
 */
async function mountUnderPolicy({ meta, expected = [], policy = POLICY, names = ['counter', 'products', 'cart'] }) {
  const nonce = randomBytes(16).toString('base64');
  const csp = policy.replaceAll('{NONCE}', nonce);
  // The blank page has no icon; Chromium's request for /favicon.ico may 404 on the console.
  const { p, errors } = await page(env, '/style.css', { expected: ['favicon.ico', ...expected] });
  await p.route('**/csp.html', (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'content-security-policy': csp },
    body: `<!doctype html><title>csp</title>${meta ? `<meta property="csp-nonce" nonce="${nonce}">` : ''}
      <div id="counter"></div><div id="products"></div><div id="cart"></div><div id="frozen"></div>
      <script type="module" src="/csp.js"></script>`,
  }));
  // The page's own script, from 'self' like every script the policy allows.
  await p.route('**/csp.js', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: `import init, { Tessera } from '/loader/tessera_loader.js';
      await init();
      const manifest = await (await fetch('/tessera.json')).json();
      manifest.components = manifest.components.filter((c) => ${JSON.stringify(names)}.includes(c.name));
      for (const c of manifest.components) { delete c.load; if (c.name === 'frozen') c.props = { seconds: 3600 }; }
      const summary = await Tessera.fromObject(manifest, new URL('/tessera.json', location.href).href).start();
      document.body.dataset.done = JSON.stringify(summary);`,
  }));
  await p.goto(new URL('/csp.html', env.url).href);
  await p.waitForFunction(() => document.body?.dataset.done, null, { timeout: 15_000 });
  const summary = JSON.parse(await p.evaluate(() => document.body.dataset.done));
  return { p, errors, summary, csp };
}

/** The products' "add" button's background, which only products.css sets. */
const addBackground = async (p) => (await inComponent(p, '#products', 'button.add'))
  .first().eval('function () { return getComputedStyle(this).backgroundColor; }');

test('under the guide\'s CSP with the page\'s nonce: no violation, the components\' styles apply', async () => {
  const { p, errors, summary, csp } = await mountUnderPolicy({ meta: true });
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  assert.deepEqual(summary, { mounted: ['counter', 'products', 'cart'], failed: [], waiting: [] });
  assert.equal(await addBackground(p), 'rgb(194, 97, 45)'); // #c2612d in products.css
  assert.equal(await (await inComponent(p, '#counter', 'output')).first().text(), '3');
  assert.deepEqual(errors, []);
  await p.close();
});

test('under the same CSP without the nonce meta: styles are refused, and the browser says so', async () => {
  const { p, errors, summary } = await mountUnderPolicy({ meta: false, expected: ['inline style'] });
  // The components still mount; only their styles are refused (the policy, not the loader).
  assert.deepEqual(summary, { mounted: ['counter', 'products', 'cart'], failed: [], waiting: [] });
  assert.notEqual(await addBackground(p), 'rgb(194, 97, 45)');
  assert.deepEqual(errors, []);
  await p.close();
});

test('a component in a worker under the guide\'s CSP fails alone without worker-src blob:, and mounts with it', async () => {
  const names = ['counter', 'products', 'cart', 'frozen'];
  const refused = await mountUnderPolicy({ meta: true, names, expected: ['worker'] });
  assert.deepEqual(refused.summary.mounted, ['counter', 'products', 'cart']);
  assert.deepEqual(refused.summary.failed.map((f) => [f.name, f.code]), [['frozen', 'instantiate-failed']]);
  assert.match(refused.summary.failed[0].message, /worker did not start: refused \(a CSP needs worker-src blob:\)$/);
  assert.equal(await (await inComponent(refused.p, '#counter', 'output')).first().text(), '3');
  assert.deepEqual(refused.errors, []);
  await refused.p.close();

  const allowed = await mountUnderPolicy({ meta: true, names, policy: WORKER_POLICY });
  assert.deepEqual(allowed.summary, { mounted: names, failed: [], waiting: [] });
  assert.match(await (await inComponent(allowed.p, '#frozen', 'p')).first().text(), /^Loops forever in 3600 s$/);
  assert.deepEqual(allowed.errors, []);
  await allowed.p.close();
});
