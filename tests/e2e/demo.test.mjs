// End-to-end: the demo page in headless Chromium, as a user sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, DIST, ROOT, inComponent, open, page, waitForState } from './harness.mjs';

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

test('the page\'s preload hints (tessera-budget preload) start every fetch at once, and each is used', async () => {
  const { p, errors } = await page(env, '/', { expected: EXPECTED });
  const warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  for (const name of ['counter', 'products', 'cart']) await waitForState(p, name, 'mounted');
  // Chromium warns about a preload nobody used a few seconds after the load event.
  await p.waitForTimeout(3500);
  const { hints, requests } = await p.evaluate(() => ({
    hints: [...document.querySelectorAll('link[rel=preload], link[rel=modulepreload]')].map((l) => l.href),
    requests: performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime })),
  }));
  const path = (url) => new URL(url).pathname;
  assert.deepEqual(hints.map(path), ['/loader/tessera_loader.js', '/loader/tessera_loader_bg.wasm', '/tessera.json',
    '/components/counter.wasm', '/components/products.wasm', '/components/cart.wasm']);
  // One request per hinted URL: the loader's own fetch took the preloaded response.
  for (const href of hints) assert.equal(requests.filter((r) => r.url === href).length, 1, `${path(href)}: ${JSON.stringify(requests)}`);
  // All of them start together while the HTML is parsed, not one after another.
  const starts = hints.map((href) => requests.find((r) => r.url === href).start);
  assert.ok(Math.max(...starts) - Math.min(...starts) < 50, `hint starts ${starts.join(', ')}`);
  assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), []);
  assert.deepEqual(errors, []);
  await p.close();
});

test('tessera-loader/preload makes the same hints at run time, before the loader, and each is used', async () => {
  // A page with the demo's slots but none of its hints: the static page's links are the
  // reference (they are tessera-budget preload's output for the same manifest).
  const { p, errors } = await page(env, '/style.css', { expected: ['favicon.ico'] });
  const warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const out = await p.evaluate(async () => {
    const attrs = (l) => ({ rel: l.rel, as: l.getAttribute('as'), type: l.type, crossorigin: l.getAttribute('crossorigin'), href: l.href });
    const html = await (await fetch('/')).text();
    const reference = [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('link[href*="components/"]')]
      .map((l) => ({ ...attrs(l), href: new URL(l.getAttribute('href'), location.href).href }));
    const manifestUrl = new URL('/tessera.json', location.href).href;
    const manifest = await (await fetch(manifestUrl)).json();
    document.body.innerHTML = manifest.components.map((c) => `<div id="${c.slot.slice(1)}"></div>`).join('');
    const { preload } = await import('/loader/tessera_preload.js');
    const hinted = preload(manifest, manifestUrl); // before the loader's module is even imported
    const m = await import('/loader/tessera_loader.js');
    const made = [...document.head.querySelectorAll('link')].map(attrs);
    await m.default();
    const ready = performance.now();
    const summary = await m.Tessera.fromObject(manifest, manifestUrl).start();
    const requests = performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime }));
    // What a page may hand it by mistake: no hint, no exception.
    const throws = new Proxy({}, { get() { throw new Error('no'); } });
    const hostile = [null, 5, { components: 5 }, throws, { components: [throws, null, { module: 7 },
      { module: 'javascript:alert(1)' }, { module: 'x.wasm', load: 'idle' }, { module: 'http://[x' }] }]
      .map((m) => { try { return preload(m, manifestUrl).length; } catch (e) { return String(e); } });
    return { reference, made, hinted, ready, summary, requests, hostile };
  });
  assert.deepEqual(out.hostile, [0, 0, 0, 0, 0]);
  assert.deepEqual(out.made, out.reference, 'the same links as tessera-budget preload');
  assert.deepEqual(out.hinted, out.reference.map((l) => l.href));
  assert.deepEqual(out.summary.failed, []);
  for (const href of out.hinted) {
    const requests = out.requests.filter((r) => r.url === href);
    assert.equal(requests.length, 1, `${href}: the loader took the preloaded response`);
    assert.ok(requests[0].start < out.ready, `${href} started before the loader was ready`);
  }
  await p.waitForTimeout(3500); // Chromium warns of an unused preload a few seconds later
  assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), []);
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
  // The tiles above it first, so that nothing moves the input between finding it and clicking it.
  for (const name of ['counter', 'clock', 'products', 'cart']) await waitForState(p, name, 'mounted');
  await p.locator('#todo').scrollIntoViewIfNeeded();
  await waitForState(p, 'todo', 'mounted');
  await p.locator('.tile[data-component="todo"]').scrollIntoViewIfNeeded(); // now with its content
  const items = async () => inComponent(p, '#todo', 'li.item');
  assert.equal((await items()).count, 2); // from props.items
  await (await inComponent(p, '#todo', 'input')).first().click();
  await p.waitForFunction(() => document.activeElement?.closest('#todo'), null, { timeout: 2_000 });
  await p.keyboard.type('Grout the bathroom');
  // Enter submits the form only once its Add button is enabled, as a user sees it: in a worker
  // the button's `disabled` goes when the answer to the first keystroke is applied (docs/abi.md,
  // "Worker mode": the browser's default actions see the DOM as last applied).
  const add = async () => (await inComponent(p, '#todo', 'button[type=submit]')).first()
    .eval('function () { return this.disabled; }');
  await eventually(add, false);
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

test('the frozen tile loops forever in its worker: the watchdog ends it as unresponsive, and the page keeps working', async () => {
  const { p, errors } = await page(env, '/', { expected: EXPECTED });
  await waitForState(p, 'counter', 'mounted');
  await p.locator('#frozen').scrollIntoViewIfNeeded(); // load: visible
  await waitForState(p, 'frozen', 'mounted');
  await p.locator('.tile[data-component="frozen"]').scrollIntoViewIfNeeded(); // now with its content
  assert.match(await (await inComponent(p, '#frozen', 'p')).first().text(), /^Loops forever in [1-5] s$/);
  // The page's own clock: a 10 ms interval, counted while the component spins.
  await p.evaluate(() => { window.ticks = []; setInterval(() => window.ticks.push(performance.now()), 10); });
  await (await inComponent(p, '#frozen', 'button')).first().click();
  const spun = await p.evaluate(() => performance.now());
  // A neighbour answers real clicks while the loop runs (the watchdog waits 1000 ms).
  await p.locator('#counter').scrollIntoViewIfNeeded();
  const value = async () => (await inComponent(p, '#counter', 'output')).first().text();
  const start = Number(await value());
  const inc = (await inComponent(p, '#counter', 'button.inc')).first();
  await inc.click();
  await inc.click();
  assert.equal(await value(), String(start + 2));
  const during = await p.evaluate(() => ({ at: performance.now(), state: document.querySelector('[data-component="frozen"]').dataset.state }));
  assert.equal(during.state, 'mounted', `the counter answered ${Math.round(during.at - spun)} ms after the loop began, before the watchdog`);
  await waitForState(p, 'frozen', 'error', 5_000);
  const ended = await p.evaluate(() => performance.now());
  const ticks = await p.evaluate(([a, b]) => window.ticks.filter((t) => t >= a && t < b).length, [spun, ended]);
  const expected = (ended - spun) / 10;
  assert.ok(ticks >= expected * 0.5, `the page's 10 ms interval ticked ${ticks} times in ${Math.round(ended - spun)} ms`);
  assert.equal(await p.textContent('.tile[data-component="frozen"] .state'), 'error: unresponsive');
  assert.equal(await p.textContent('#frozen .fallback'),
    'This tile stopped answering: its worker was ended, and the rest of the page kept working.');
  assert.match(await p.textContent('.panel .row[data-name="frozen"] .row-error'), /^unresponsive: /);
  assert.match(await p.textContent('#events'), /frozen: error unresponsive: component 'frozen' failed while Mounted: unresponsive: no answer in \d+ ms/);
  await p.locator('#frozen').scrollIntoViewIfNeeded();
  await p.screenshot({ path: join(ARTIFACTS, 'demo-frozen.png') });
  // Reload starts it in a fresh worker: it counts down again.
  await p.click('.panel .row[data-name="frozen"] button[data-action="reload"]');
  await waitForState(p, 'frozen', 'mounted');
  assert.match(await (await inComponent(p, '#frozen', 'p')).first().text(), /^Loops forever in [1-5] s$/);
  assert.equal(await value(), String(start + 2));
  assert.deepEqual(errors, []);
  await p.close();
});

// ---- The live panel beside the components (www/main.js). ----

const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'www', 'tessera.json'), 'utf8'));
const EAGER = MANIFEST.components.filter((c) => (c.load ?? 'eager') === 'eager');
const PHASES = ['fetch', 'compile', 'instantiate', 'mount'];

/** The panel's row for component `name`, read at once: state, byte counts, budget, timings, buttons. */
async function panelRow(p, name) {
  return p.evaluate(([n, phases]) => {
    const row = document.querySelector(`.panel .row[data-name="${n}"]`);
    const value = (selector) => row.querySelector(selector).getAttribute('value');
    return {
      dataState: row.dataset.state,
      state: row.querySelector('.state').textContent,
      raw: value('.raw'), rawText: row.querySelector('.raw').textContent,
      wire: value('.wire'), wireNote: row.querySelector('.wire-note').textContent,
      maxBytes: value('.max-bytes'), maxGzipBytes: value('.max-gzip'), maxMemoryPages: value('.max-pages'),
      phases: Object.fromEntries(phases.map((ph) => [ph, value(`data[data-phase="${ph}"]`)])),
      phaseTexts: phases.map((ph) => row.querySelector(`data[data-phase="${ph}"]`).textContent),
      enabled: Object.fromEntries([...row.querySelectorAll('button[data-action]')].map((b) => [b.dataset.action, !b.disabled])),
    };
  }, [name, PHASES]);
}

/** Waits until the panel shows all four phase timings and the wire size for `name`. */
async function panelMeasured(p, name) {
  await p.waitForFunction(([n, phases]) => {
    const row = document.querySelector(`.panel .row[data-name="${n}"]`);
    return row && row.querySelector('.wire').getAttribute('value') !== ''
      && phases.every((ph) => row.querySelector(`data[data-phase="${ph}"]`).getAttribute('value') !== '');
  }, [name, PHASES], { timeout: 5_000 });
}

test('the panel shows each eager component mounted, its bytes against its budget and its four phase timings', async () => {
  const { p, errors } = await page(env, '/', { expected: EXPECTED });
  assert.deepEqual(EAGER.map((c) => c.name), ['counter', 'products', 'cart']);
  for (const c of EAGER) {
    await waitForState(p, c.name, 'mounted');
    await panelMeasured(p, c.name);
    const row = await panelRow(p, c.name);
    const size = statSync(join(DIST, c.module)).size;
    assert.equal(row.dataState, 'mounted', c.name);
    assert.equal(row.state, 'mounted', c.name);
    assert.equal(Number(row.raw), size, `${c.name}: raw bytes are the .wasm file's size`);
    assert.equal(row.rawText, `${size.toLocaleString('en-US')} B`);
    // This local server sends no Content-Encoding: the body on the wire is the raw module.
    assert.equal(Number(row.wire), size, `${c.name}: wire bytes`);
    assert.match(row.wireNote, /uncompressed/);
    assert.equal(Number(row.maxBytes), c.budget.maxBytes);
    assert.equal(Number(row.maxGzipBytes), c.budget.maxGzipBytes);
    assert.equal(Number(row.maxMemoryPages), c.budget.maxMemoryPages);
    for (const phase of PHASES) {
      const ms = Number(row.phases[phase]);
      assert.ok(Number.isFinite(ms) && ms >= 0, `${c.name} ${phase}: ${row.phases[phase]}`);
    }
    for (const text of row.phaseTexts) assert.match(text, /^\d+\.\d ms$/);
    assert.deepEqual(row.enabled, { unmount: true, suspend: true, resume: false, remount: true, reload: true, unload: true });
  }
  // The component over its budget: refused before any byte passed the gate, the reason in its row.
  await waitForState(p, 'oversized', 'error');
  const broken = await panelRow(p, 'oversized');
  assert.equal(broken.state, 'error');
  assert.equal(broken.raw, '0');
  assert.equal(broken.maxBytes, '4096');
  assert.deepEqual(broken.enabled, { unmount: false, suspend: false, resume: false, remount: false, reload: true, unload: true });
  assert.match(await p.textContent('.panel .row[data-name="oversized"] .row-error'), /^over-budget: /);
  await p.screenshot({ path: join(ARTIFACTS, 'demo-panel.png') });
  assert.deepEqual(errors, []);
  await p.close();
});

test("the panel's unmount, suspend, resume, remount, reload and unload buttons drive the counter, and its slot follows", async () => {
  const { p, errors } = await page(env, '/', { expected: EXPECTED });
  await waitForState(p, 'counter', 'mounted');
  await panelMeasured(p, 'counter');
  const click = (action) => p.click(`.panel .row[data-name="counter"] button[data-action="${action}"]`);
  const value = async () => (await inComponent(p, '#counter', 'output')).first().text();
  const hosts = () => p.locator('#counter [data-tessera]').count();
  const fetches = () => p.evaluate(() => performance.getEntriesByName(new URL('components/counter.wasm', location.href).href).length);
  await (await inComponent(p, '#counter', 'button.inc')).first().click();
  await eventually(value, '4');

  // Keep-alive: out of the page and back, the count kept.
  await click('suspend');
  await waitForState(p, 'counter', 'suspended');
  assert.equal(await hosts(), 0);
  assert.equal(await p.textContent('#counter'), 'Loading the counter…');
  assert.deepEqual((await panelRow(p, 'counter')).enabled,
    { unmount: true, suspend: false, resume: true, remount: true, reload: true, unload: true });
  await click('resume');
  await waitForState(p, 'counter', 'mounted');
  assert.equal(await hosts(), 1);
  assert.equal(await value(), '4', 'the same instance, its state kept');

  await click('unmount');
  await waitForState(p, 'counter', 'compiled');
  assert.equal(await hosts(), 0);
  assert.equal(await p.textContent('#counter'), 'Loading the counter…'); // the slot's own children again
  assert.deepEqual((await panelRow(p, 'counter')).enabled,
    { unmount: false, suspend: false, resume: false, remount: true, reload: true, unload: true });

  await click('remount');
  await waitForState(p, 'counter', 'mounted');
  assert.equal(await hosts(), 1);
  await eventually(value, '3'); // a fresh instance from props.start
  assert.equal(await fetches(), 1, 'remount neither fetches nor compiles');

  await click('reload');
  await eventually(fetches, 2);
  await waitForState(p, 'counter', 'mounted');
  await panelMeasured(p, 'counter');
  await eventually(value, '3');
  const reloaded = await panelRow(p, 'counter');
  assert.equal(reloaded.state, 'mounted');
  assert.equal(Number(reloaded.raw), statSync(join(DIST, 'components', 'counter.wasm')).size);

  await click('unload');
  await waitForState(p, 'counter', 'not-loaded');
  assert.equal(await hosts(), 0);
  assert.equal(await p.textContent('#counter'), 'Loading the counter…');
  const unloaded = await panelRow(p, 'counter');
  assert.equal(unloaded.state, 'not-loaded');
  assert.deepEqual(unloaded.enabled,
    { unmount: false, suspend: false, resume: false, remount: false, reload: true, unload: false });
  assert.equal(unloaded.raw, '');
  assert.deepEqual(unloaded.phases, { fetch: '', compile: '', instantiate: '', mount: '' });
  // The log tells the story in order, and no action failed.
  const log = await p.textContent('#events');
  const story = ['counter: suspended', 'counter: mounted', 'counter: unmounting', 'counter: compiled', 'counter: mounting', 'counter: mounted',
    'counter: not-loaded', 'counter: loading', 'counter: mounted', 'counter: unmounting', 'counter: not-loaded'];
  let at = log.indexOf('counter: mounted');
  for (const step of story) {
    at = log.indexOf(step, at + 1);
    assert.ok(at > 0, `"${step}" in order in the log`);
  }
  assert.doesNotMatch(log, /\(\) failed/);
  assert.deepEqual(errors, []);
  await p.close();
});

test('an action the loader refuses goes to the event log, not to the console', async () => {
  const { p, errors } = await page(env, '/', { expected: EXPECTED });
  await waitForState(p, 'oversized', 'error');
  // Its remount button is disabled (nothing is compiled); press it anyway.
  await p.$eval('.panel .row[data-name="oversized"] button[data-action="remount"]', (b) => { b.disabled = false; b.click(); });
  await p.waitForFunction(() => document.getElementById('events').textContent.includes('oversized: remount() failed: invalid-state'));
  assert.deepEqual(errors, []);
  await p.close();
});
