// Soak: a loader runs on every page view for years, so nothing may pile up. In headless Chromium
// on the built demo: 1,000 unmount/mount/remount cycles over the demo's components (the frozen one in its worker) on one
// loader, then 100 load/start/dispose/free cycles of the whole manifest. What the loader holds
// (`stats()`), the DOM nodes in the slots (shadow roots included, seen through the DevTools
// protocol), the JS heap after a full GC and the loader's own wasm memory are printed at the start
// and at the end. The bounds (docs/architecture.md, "Long runs"):
// - instances, listeners, timers, bus subscriptions and slot nodes: exactly what they were;
// - JS heap: at most 2 MiB more;
// - the loader's wasm memory: at most 1 MiB more (a wasm memory never shrinks, so growth that
//   repeats with every cycle would show as many MiB).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, page } from './harness.mjs';

const MiB = 1 << 20;
let env;
before(async () => { env = await open(); });
after(async () => { await env?.close(); });

/** The demo's manifest, every component eager, as the page's object. */
async function manifest(p) {
  return p.evaluate(async () => {
    const m = await (await fetch('/tessera.json')).json();
    for (const c of m.components) { delete c.load; delete c.integrity; }
    // The frozen tile runs in a worker: it is cycled too, but never reaches its loop.
    for (const c of m.components) if (c.isolation === 'worker') c.props = { seconds: 3600 };
    return m;
  });
}

/** Counts DOM nodes under every slot, through closed shadow roots. */
async function slotNodes(cdp, ids) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const kids = (node) => [...(node.children ?? []), ...(node.shadowRoots ?? [])];
  const count = (node) => 1 + kids(node).reduce((n, c) => n + count(c), 0);
  // `attributes` is a flat list: name, value, name, value, ...
  const id = (node) => {
    const a = node.attributes ?? [];
    const i = a.findIndex((name, k) => k % 2 === 0 && name === 'id');
    return i < 0 ? null : a[i + 1];
  };
  const visit = (node) => (ids.includes(id(node)) ? count(node) : kids(node).reduce((n, c) => n + visit(c), 0));
  return visit(root);
}

async function measure(p, cdp, ids) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const inPage = await p.evaluate(() => ({
    stats: window.soak.t ? window.soak.t.stats() : null,
    wasm: window.soak.memory.buffer.byteLength,
  }));
  return { ...inPage.stats, slotNodes: await slotNodes(cdp, ids), heap: usedSize, wasm: inPage.wasm };
}

test('1,000 mount cycles and 100 load/dispose cycles leave nothing behind', async () => {
  const { p, errors } = await page(env, '/style.css', { expected: ['favicon.ico'] });
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('HeapProfiler.enable');
  const m = await manifest(p);
  const ids = m.components.map((c) => c.slot.slice(1));
  await p.evaluate(async ({ m, ids }) => {
    const loader = await import('/loader/tessera_loader.js');
    // The loader's exports have short names; its memory is the one export that is a Memory.
    const exports = await loader.default();
    const memory = Object.values(exports).find((e) => e instanceof WebAssembly.Memory);
    window.soak = { loader, memory, m };
    document.body.innerHTML = ids.map((id) => `<div id="${id}"><span>placeholder</span></div>`).join('');
    window.soak.t = loader.Tessera.fromObject(m, '/', {});
    await window.soak.t.start();
    // Warm up: one round of every operation, so that first-use allocations are in the baseline.
    for (const c of m.components) {
      window.soak.t.unmount(c.name);
      await window.soak.t.mount(c.name);
      await window.soak.t.remount(c.name);
    }
  }, { m, ids });
  const start = await measure(p, cdp, ids);

  const cycles = await p.evaluate(async () => {
    const { t, m } = window.soak;
    let n = 0;
    for (let i = 0; i < 1000; i++) {
      const name = m.components[i % m.components.length].name;
      t.unmount(name);
      await t.mount(name);
      await t.remount(name);
      n++;
    }
    return n;
  });
  const afterCycles = await measure(p, cdp, ids);

  await p.evaluate(async () => {
    const { loader, m } = window.soak;
    window.soak.t.dispose();
    window.soak.t.free();
    for (let i = 0; i < 100; i++) {
      const t = loader.Tessera.fromObject(m, '/', {});
      await t.start();
      t.dispose();
      t.free();
    }
    // Back to where the start was: one loader, everything mounted.
    window.soak.t = loader.Tessera.fromObject(m, '/', {});
    await window.soak.t.start();
  });
  await new Promise((done) => setTimeout(done, 100));
  const end = await measure(p, cdp, ids);
  const states = await p.evaluate(() => window.soak.t.states());
  await p.close();

  const show = (what, s) => console.log(`${what}: instances ${s.instances}, nodes ${s.nodes}, listeners ${s.listeners}, ` +
    `timers ${s.timers}, subscriptions ${s.subscriptions}, slot nodes ${s.slotNodes}, ` +
    `JS heap ${(s.heap / MiB).toFixed(2)} MiB, loader memory ${(s.wasm / MiB).toFixed(2)} MiB`);
  show('start', start);
  show(`after ${cycles} cycles`, afterCycles);
  show('after 100 load/dispose cycles', end);

  assert.equal(cycles, 1000);
  assert.deepEqual(Object.values(states), m.components.map(() => 'mounted'));
  assert.equal(start.instances, m.components.length);
  for (const s of [afterCycles, end]) {
    for (const key of ['instances', 'nodes', 'listeners', 'timers', 'subscriptions', 'slotNodes']) {
      assert.equal(s[key], start[key], `${key}: ${start[key]} at the start`);
    }
    assert.ok(s.heap - start.heap <= 2 * MiB, `JS heap grew by ${((s.heap - start.heap) / MiB).toFixed(2)} MiB`);
    assert.ok(s.wasm - start.wasm <= MiB, `loader memory grew by ${((s.wasm - start.wasm) / MiB).toFixed(2)} MiB`);
  }
  assert.deepEqual(errors, []);
});
