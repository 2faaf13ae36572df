// End-to-end: the demo page in headless Chromium, as a user sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, inComponent, open, page, waitForState } from './harness.mjs';

let env;
before(async () => { env = await open(); });
after(async () => { await env?.close(); });

// The broken tile's module 404s on purpose; Chromium logs that request as a console error.
const EXPECTED = ['missing.wasm'];

test('the demo mounts its eager components, shows the loader status and logs no errors', async () => {
  const { p, errors } = await page(env, '/', { expected: EXPECTED });
  await waitForState(p, 'counter', 'mounted');
  await waitForState(p, 'products', 'mounted');
  await waitForState(p, 'cart', 'mounted');
  await waitForState(p, 'clock', 'mounted'); // idle policy: mounts once the page is idle
  assert.match(await p.textContent('#loader-status'), /^loader \d+\.\d+\.\d+ ready in \d+\.\d ms$/);
  // The todo list waits until its slot scrolls into view (load: visible).
  assert.equal(await p.getAttribute('.tile[data-component="todo"]', 'data-state'), null);
  await p.locator('#todo').scrollIntoViewIfNeeded();
  await waitForState(p, 'todo', 'mounted');
  await p.screenshot({ path: join(ARTIFACTS, 'demo.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await p.close();
});

test('a component lives in a closed shadow root, and page CSS does not reach it', async () => {
  const { p, errors } = await page(env, '/', { expected: EXPECTED });
  await waitForState(p, 'counter', 'mounted');
  const buttons = await inComponent(p, '#counter', 'button');
  assert.equal(buttons.mode, 'closed');
  assert.ok(buttons.count >= 2);
  // The page's `button { outline: 3px dashed crimson }` must not apply inside the component.
  const outline = await buttons.first().eval('function () { return getComputedStyle(this).outlineStyle; }');
  assert.notEqual(outline, 'dashed');
  // Page scripts see the host element but not its shadow root.
  assert.equal(await p.evaluate(() => document.querySelector('#counter > [data-tessera]').shadowRoot), null);
  assert.deepEqual(errors, []);
  await p.close();
});

test('the counter counts real clicks from its props.start', async () => {
  const { p, errors } = await page(env, '/', { expected: EXPECTED });
  await waitForState(p, 'counter', 'mounted');
  const value = async () => (await inComponent(p, '#counter', 'output')).first().text();
  assert.equal(await value(), '3');
  const inc = (await inComponent(p, '#counter', 'button.inc')).first();
  await inc.click();
  await inc.click();
  await p.waitForFunction(() => true);
  assert.equal(await value(), '5');
  await (await inComponent(p, '#counter', 'button.dec')).first().click();
  assert.equal(await value(), '4');
  assert.deepEqual(errors, []);
  await p.close();
});

test('a failing component shows its fallback and fires tessera:error; the others still mount', async () => {
  const { p, errors } = await page(env, '/', { expected: EXPECTED });
  await waitForState(p, 'missing', 'error');
  await waitForState(p, 'counter', 'mounted');
  assert.equal(await p.textContent('#missing .fallback'),
    'This tile failed to load; the rest of the page is unaffected.');
  const log = await p.textContent('#events');
  assert.match(log, /missing: error http-status: component 'missing' failed while Loading: http status 404/);
  assert.deepEqual(errors, []);
  await p.close();
});
