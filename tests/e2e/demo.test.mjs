// End-to-end: the demo page in headless Chromium, as a user sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, inComponent, open, page, waitForState } from './harness.mjs';

let env;
before(async () => { env = await open(); });
after(async () => { await env?.close(); });

// Nothing may reach the console: the broken tile fails by its budget, which logs nothing.
const EXPECTED = [];

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
  assert.equal(await p.evaluate(() => document.querySelector('#counter [data-tessera]').shadowRoot), null);
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
  await waitForState(p, 'oversized', 'error');
  await waitForState(p, 'counter', 'mounted');
  assert.equal(await p.textContent('#oversized .fallback'),
    'This tile failed to load; the rest of the page is unaffected.');
  const log = await p.textContent('#events');
  assert.match(log, /oversized: error over-budget: component 'oversized' failed while Loading: /);
  assert.deepEqual(errors, []);
  await p.close();
});

/** Polls `read` until it returns `want` (DOM edits land a task or a microtask after an event). */
async function eventually(read, want, timeout = 5_000) {
  const end = Date.now() + timeout;
  let got;
  while (Date.now() < end) {
    got = await read();
    if (got === want) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(got, want);
}

test('the clock ticks from its timers and its stopwatch starts and stops', async () => {
  const { p, errors } = await page(env, '/', { expected: EXPECTED });
  await waitForState(p, 'clock', 'mounted');
  const time = async () => (await inComponent(p, '#clock', 'time.time')).first().text();
  const first = await time();
  assert.match(first, /^\d{1,2}:\d{2}:\d{2}$/);
  await eventually(async () => (await time()) !== first, true, 3_000);
  const toggle = async () => (await inComponent(p, '#clock', 'button.toggle')).first();
  assert.equal(await (await toggle()).text(), 'Start');
  await (await toggle()).click();
  await eventually(async () => (await toggle()).text(), 'Stop');
  const reading = async () => (await inComponent(p, '#clock', 'time.reading')).first().text();
  const r1 = await reading();
  await eventually(async () => (await reading()) !== r1, true, 3_000);
  await (await toggle()).click();
  await eventually(async () => (await toggle()).text(), 'Start');
  assert.deepEqual(errors, []);
  await p.close();
});

test('the todo list adds with typing and Enter, toggles with a click and removes with ×', async () => {
  const { p, errors } = await page(env, '/', { expected: EXPECTED });
  await p.locator('#todo').scrollIntoViewIfNeeded();
  await waitForState(p, 'todo', 'mounted');
  const items = async () => inComponent(p, '#todo', 'li.item');
  assert.equal((await items()).count, 2); // from props.items
  await (await inComponent(p, '#todo', 'input')).first().click();
  await p.keyboard.type('Grout the bathroom');
  await p.keyboard.press('Enter');
  await eventually(async () => (await items()).count, 3);
  const texts = await Promise.all((await inComponent(p, '#todo', 'li.item .text')).all.map((h) => h.text()));
  assert.ok(texts.includes('Grout the bathroom'), texts.join(', '));
  assert.equal(await (await inComponent(p, '#todo', 'input')).first().eval('function () { return this.value; }'), '');
  // Toggle the first item done, then remove it.
  await (await inComponent(p, '#todo', 'li.item .text')).first().click();
  await eventually(async () => (await inComponent(p, '#todo', 'li.item.done')).count, 1);
  await (await inComponent(p, '#todo', 'li.item button.remove')).first().click();
  await eventually(async () => (await items()).count, 2);
  assert.deepEqual(errors, []);
  await p.close();
});

test('products publish cart:add over the bus, the cart counts, and clearing publishes cart:cleared', async () => {
  const { p, errors } = await page(env, '/', { expected: EXPECTED });
  await waitForState(p, 'products', 'mounted');
  await waitForState(p, 'cart', 'mounted');
  const count = async () => (await inComponent(p, '#cart', '.count')).first().text();
  const total = async () => (await inComponent(p, '#cart', '.total')).first().text();
  assert.equal(await count(), '0');
  assert.equal(await total(), '$0.00');
  const adds = (await inComponent(p, '#products', 'button.add')).all;
  assert.equal(adds.length, 3);
  // The demo's manifest prices them $4, $7 and $12.
  await adds[0].click();
  await eventually(count, '1');
  assert.equal(await total(), '$4.00');
  await (await inComponent(p, '#products', 'button.add')).all[1].click();
  await eventually(count, '2');
  assert.equal(await total(), '$11.00');
  await (await inComponent(p, '#products', 'button.add')).all[2].click();
  await eventually(count, '3');
  assert.equal(await total(), '$23.00');
  await (await inComponent(p, '#cart', 'button.badge')).first().click();
  await (await inComponent(p, '#cart', 'button.clear')).first().click();
  await eventually(count, '0');
  // The products heard cart:cleared: no "in cart" badge is left showing.
  await eventually(async () => (await inComponent(p, '#products', 'small.badge:not([hidden])')).count, 0);
  assert.deepEqual(errors, []);
  await p.close();
});
