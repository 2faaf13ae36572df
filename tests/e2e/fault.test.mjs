// End-to-end: if the loader's own wasm ever traps, in headless Chromium and Firefox. No input should
// make it trap (the fuzz targets and the manifest tests look for one), so this test makes real
// faults by corrupting the loader's memory from the page: the `Tessera` object's borrow flag (the
// glue then throws "recursive use of an object") and the pointer to its state (a
// `RuntimeError: memory access out of bounds`). What must hold (crates/loader/src/js/guard.js,
// docs/architecture.md "Faults"): the faulting call and every later call of the loaders of that
// wasm instance throw a `TesseraError` with code `internal` and the fault as its cause; a promise
// they returned that was still pending rejects with it; their callbacks do nothing and throw
// nothing; a new `Tessera` on the same page mounts, also after a second fault.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, inComponent, open, page } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';
import { firefox } from './webdriver.mjs';

/** Runs in the page; returns what happened. Its text is sent to both browsers. */
async function scenario() {
  const uncaught = [];
  addEventListener('error', (e) => uncaught.push(`error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => uncaught.push(`unhandled: ${e.reason}`));
  const fields = (e) => (e && e.name === 'TesseraError'
    ? { code: e.code, component: e.component, state: e.state, message: e.message, cause: String(e.cause) }
    : { other: String(e) });
  const attempt = (f) => { try { return { value: f() }; } catch (e) { return { threw: fields(e) }; } };
  const settle = (p) => Promise.race([
    p.then((value) => ({ value }), (e) => ({ rejected: fields(e) })),
    new Promise((done) => setTimeout(() => done({ pending: true }), 3000)),
  ]);

  const m = await import('/loader/tessera_loader.js');
  const exports = await m.default();
  const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
  document.body.innerHTML = ['a', 'slow', 'b', 'c'].map((id) => `<div id="${id}"></div>`).join('');
  const counter = (name, slot) => ({ name, module: '/components/counter.wasm', slot, load: 'manual', props: { start: 3 } });
  let release;
  const held = new Promise((done) => { release = done; });
  const options = {
    fetch: (url, init) => (url.includes('slow=') ? held.then(() => fetch(url, init)) : fetch(url, init)),
  };
  const events = [];
  document.addEventListener('tessera:mounted', (e) => events.push(e.detail.name));
  const out = { uncaught };

  // Generation 1: a loader with a mounted component and a mount waiting for its fetch.
  const t = m.Tessera.fromObject({ manifestVersion: 1, components: [
    counter('a', '#a'), { ...counter('slow', '#slow'), module: '/components/counter.wasm?slow=1' },
  ] }, undefined, options);
  await t.mount('a');
  const pending = settle(t.mount('slow'));
  out.before = t.states();
  // The fault: the loader object's borrow flag, as if a call were still borrowing it mutably.
  new Uint32Array(memory.buffer)[t.i.__wbg_ptr >> 2] = 0xffffffff;
  out.faulting = attempt(() => t.state('a'));
  out.later = attempt(() => t.states());
  out.laterAsync = attempt(() => t.reload('a'));
  out.pending = await pending;
  release();
  await new Promise((done) => setTimeout(done, 200));
  out.slowSlot = document.getElementById('slow').dataset.tesseraState;
  out.freed = attempt(() => t.free());
  out.afterFree = attempt(() => t.states());

  // Generation 2: a new loader works.
  const t2 = m.Tessera.fromObject({ manifestVersion: 1, components: [counter('b', '#b')] });
  out.fresh = await settle(t2.mount('b'));
  out.freshStates = t2.states();
  out.version = attempt(() => m.version());
  // A second fault, of another kind: the pointer to the loader's state points past the memory.
  const memory2 = Object.values(await m.default()).find((v) => v instanceof WebAssembly.Memory);
  out.newMemory = memory2 !== memory;
  out.second = attempt(() => {
    new Uint32Array(memory2.buffer)[(t2.i.__wbg_ptr >> 2) + 1] = 0x7ffffff0;
    return t2.states();
  });

  // Generation 3.
  const t3 = m.Tessera.fromObject({ manifestVersion: 1, components: [counter('c', '#c')] });
  out.third = await settle(t3.mount('c'));
  out.slots = ['a', 'b', 'c'].map((id) => document.getElementById(id).dataset.tesseraState);
  out.events = events;
  return out;
}

const INTERNAL = 'the loader stopped after an internal fault, a bug in Tessera (please report it with the cause); '
  + 'the loaders made before it refuse every call, a new Tessera works';

/** The checks, the same in both browsers; `recursion` and `bounds` match each browser's texts. */
function check(out, { recursion, bounds }) {
  const internal = (cause) => ({ code: 'internal', component: null, state: null, message: INTERNAL, cause });
  assert.deepEqual(out.before, { a: 'mounted', slow: 'loading' });
  assert.equal(out.faulting.threw.code, 'internal');
  assert.match(out.faulting.threw.cause, recursion);
  const first = out.faulting.threw.cause;
  assert.deepEqual(out.later, { threw: internal(first) });
  assert.deepEqual(out.laterAsync, { threw: internal(first) });
  assert.deepEqual(out.pending, { rejected: internal(first) }, 'the pending mount rejects with the fault');
  assert.equal(out.slowSlot, 'loading', 'the released fetch did not enter the dead instance');
  assert.equal(out.freed.threw, undefined, 'free() after a fault does not throw');
  assert.equal(out.afterFree.threw.code, 'invalid-state');
  assert.equal(out.afterFree.threw.message, 'states() on a Tessera that was freed');
  assert.deepEqual(Object.keys(out.fresh), ['value'], 'the new loader mounts');
  assert.deepEqual(out.freshStates, { b: 'mounted' });
  assert.match(out.version.value, /^\d+\.\d+\.\d+$/);
  assert.equal(out.newMemory, true, 'init() gives the new instance');
  assert.equal(out.second.threw.code, 'internal');
  assert.match(out.second.threw.cause, bounds);
  assert.deepEqual(Object.keys(out.third), ['value'], 'and after a second fault too');
  assert.deepEqual(out.slots, ['mounted', 'mounted', 'mounted']);
  assert.deepEqual(out.events, ['a', 'b', 'c']);
  assert.deepEqual(out.uncaught, []);
}

let env;
before(async () => { env = await open(); });
after(async () => { await env?.close(); });

test('Chromium: a fault stops its loaders with internal, a new Tessera works', async () => {
  const { p, errors } = await page(env, '/style.css', { expected: ['favicon.ico'] });
  const out = await p.evaluate(scenario);
  check(out, {
    recursion: /^Error: recursive use of an object detected/,
    bounds: /^RuntimeError: memory access out of bounds/,
  });
  // A click in the dead loader's component reaches no code: the count stays, nothing is thrown.
  const value = async () => (await inComponent(p, '#a', 'output')).first().text();
  assert.equal(await value(), '3');
  await (await inComponent(p, '#a', 'button.inc')).first().click();
  await (await inComponent(p, '#c', 'button.inc')).first().click();
  assert.equal(await value(), '3');
  assert.equal(await (await inComponent(p, '#c', 'output')).first().text(), '4', 'the new loader answers clicks');
  assert.deepEqual(errors, []);
  await p.close();
});

test('Firefox: a fault stops its loaders with internal, a new Tessera works', async () => {
  const { server, url } = await serve(DIST);
  const ff = await firefox();
  try {
    await ff.goto(new URL('/style.css', url).href);
    const out = await ff.runAsync(`(${scenario})().then(arguments[0], (e) => arguments[0]({ failed: String(e) }));`);
    check(out, {
      recursion: /^Error: recursive use of an object detected/,
      bounds: /^RuntimeError: index out of bounds|^RuntimeError: out of bounds memory access/,
    });
  } finally {
    await ff.close();
    server.close();
  }
});
