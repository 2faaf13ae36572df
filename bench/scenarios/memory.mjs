// Scenario (f): memory. A page initializes the loader and reads a manifest of 32 synthetic
// components without handing it over (?manual); after a forced GC (CDP HeapProfiler.collectGarbage)
// it records the baseline, then mounts all 32 (checked), records again, unloads each
// (`tessera.unload(name)`), collects garbage and records a third time. A record is CDP
// Runtime.getHeapUsage (JS heap used; array-buffer backing stores when this Chromium reports them),
// the components' wasm memories still reachable (bench/page.js holds each weakly), the loader's own
// wasm memory, Memory.getDOMCounters and tessera.stats(); a fourth record follows with the page's performance timeline cleared. Each repeat is a fresh context; the figures are medians over repeats.
import { openPage, load, checkSlots } from '../browser.mjs';

async function record(tab) {
  await tab.cdp.send('HeapProfiler.collectGarbage');
  await tab.cdp.send('HeapProfiler.collectGarbage');
  const heap = await tab.cdp.send('Runtime.getHeapUsage');
  const dom = await tab.cdp.send('Memory.getDOMCounters');
  const page = await tab.page.evaluate(() => ({
    // The glue's exports are minified: the loader's memory is the one WebAssembly.Memory among them.
    loaderMemory: Object.values(window.__loaderWasm).find((v) => v instanceof WebAssembly.Memory)?.buffer.byteLength ?? null,
    wasmMemory: window.__wasmMemory(),
    stats: window.__tessera ? window.__tessera.stats() : null,
  }));
  return { jsHeap: heap.usedSize, backingStorage: heap.backingStorageSize ?? null, nodes: dom.nodes, listeners: dom.jsEventListeners, ...page };
}

export async function memory(env, { manifest, repeats }) {
  const runs = [];
  for (let k = 0; k < repeats; k++) {
    const expected = { ...env.site.manifests[manifest].slots };
    const tab = await openPage(env.browser);
    try {
      await tab.page.goto(`${env.url}${manifest}.html?impl=tessera&manifest=${manifest}.json&manual`);
      await tab.page.waitForFunction(() => window.__go || window.__bench?.error || null);
      await tab.cdp.send('HeapProfiler.enable');
      const before = await record(tab);
      const r = await tab.page.evaluate(async () => { try { return await window.__go(); } catch (e) { return { error: String(e) }; } });
      if (r.error) throw new Error(`memory: ${r.error}`);
      await checkSlots(tab.cdp, expected, 'memory mount');
      const mounted = await record(tab);
      await tab.page.evaluate(() => { for (const name of Object.keys(window.__tessera.states())) window.__tessera.unload(name); });
      const unloaded = await record(tab);
      // The same again with the page's performance timeline emptied (the loader marks and measures
      // each component's phases; Resource Timing keeps an entry per fetch), to see what that holds.
      await tab.page.evaluate(() => { performance.clearMarks(); performance.clearMeasures(); performance.clearResourceTimings(); });
      const cleared = await record(tab);
      runs.push({ before, mounted, unloaded, cleared });
    } finally { await tab.close(); }
  }
  return runs;
}
