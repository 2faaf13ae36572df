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

/** The guide's policy line, with `{NONCE}` where the page's nonce goes. */
const POLICY = (() => {
  const found = readFileSync(join(ROOT, 'docs', 'using-tessera.md'), 'utf8').match(/^Content-Security-Policy: (.+)$/m);
  assert.ok(found, 'docs/using-tessera.md states no Content-Security-Policy line');
  assert.match(found[1], /'nonce-\{NONCE\}'/);
  return found[1].trim();
})();

/** A page of the demo's origin under the policy, with the counter, products and cart mounted. */
async function mountUnderPolicy({ meta, expected = [] }) {
  const nonce = randomBytes(16).toString('base64');
  const csp = POLICY.replaceAll('{NONCE}', nonce);
  // The blank page has no icon; Chromium's request for /favicon.ico may 404 on the console.
  const { p, errors } = await page(env, '/style.css', { expected: ['favicon.ico', ...expected] });
  await p.route('**/csp.html', (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'content-security-policy': csp },
    body: `<!doctype html><title>csp</title>${meta ? `<meta property="csp-nonce" nonce="${nonce}">` : ''}
      <div id="counter"></div><div id="products"></div><div id="cart"></div>
      <script type="module" src="/csp.js"></script>`,
  }));
  // The page's own script, from 'self' like every script the policy allows.
  await p.route('**/csp.js', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: `import init, { Tessera } from '/loader/tessera_loader.js';
      await init();
      const manifest = await (await fetch('/tessera.json')).json();
      manifest.components = manifest.components.filter((c) => ['counter', 'products', 'cart'].includes(c.name));
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
