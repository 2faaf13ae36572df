// One benchmark sample in the page. ?impl= names the loader (tessera | baseline), ?manifest= the
// manifest. The page fetches the manifest (and, for Tessera, initializes the loader) in parallel.
// As soon as it has the manifest, Tessera's page calls `preload()` (tessera-loader/preload, as
// docs/using-tessera.md recommends), so the components download while the loader starts. Then it
// hands the manifest over (`performance.mark('handover')`): Tessera.fromObject + start(), or the
// floor's loadBaseline(). Publishes the timings on window.__bench (milliseconds; `nav`,
// `handover` since navigation start, `mounted` and `firstFetch` since the page had the manifest).
// With ?manual, it stops before the handover and exposes window.__go() instead (and the loader's
// module as window.__loader, for scenarios that drive it themselves). ?isolation=main|worker
// passes the loader option `isolation` to fromObject (the isolation scenario; absent elsewhere);
// for the floor, `worker` runs bench/baseline.js's worker floor.
// ?observe keeps a reference to every shadow root the page attaches (closed ones included), for
// the isolation scenario's click probe (window.__shadowOf(host)); nothing else reads them.
import { loadBaseline } from './baseline.js';
import { preload } from './loader/tessera_preload.js';

const q = new URLSearchParams(location.search);
const impl = q.get('impl');
const manifestUrl = new URL(q.get('manifest'), location.href).href;

// For the memory scenario (?manual): every component instance's memory, held weakly, so that the
// bench can tell how much wasm memory is still reachable after a GC without keeping any alive.
if (q.has('manual')) {
  const memories = [];
  const track = (result) => { const inst = result.instance ?? result; if (inst.exports?.memory) memories.push(new WeakRef(inst.exports.memory)); return result; };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = (...a) => instantiate(...a).then(track);
  WebAssembly.instantiateStreaming = (...a) => instantiateStreaming(...a).then(track);
  window.__wasmMemory = () => memories.reduce((n, w) => n + (w.deref()?.buffer.byteLength ?? 0), 0);
}

if (q.has('observe')) {
  const roots = new WeakMap();
  const { attachShadow } = Element.prototype;
  Element.prototype.attachShadow = function (init) { const root = attachShadow.call(this, init); roots.set(this, root); return root; };
  window.__shadowOf = (host) => roots.get(host) ?? null;
}

async function run() {
  let manifestAt = 0;
  const manifestP = fetch(manifestUrl).then((r) => r.json()).then((manifest) => {
    manifestAt = performance.now();
    // Not in ?manual (the memory scenario hands over later, and measures the page before that).
    if (impl === 'tessera' && !q.has('manual')) preload(manifest, manifestUrl);
    return manifest;
  });
  let mod = null;
  let init = 0;
  if (impl === 'tessera') {
    mod = await import('./loader/tessera_loader.js');
    window.__loaderWasm = await mod.default();
    init = performance.now();
    if (q.has('manual')) window.__loader = mod;
  }
  const manifest = await manifestP;
  const go = async () => {
    performance.mark('handover');
    const handover = performance.now();
    let created = null;
    if (mod) {
      const tessera = q.has('isolation')
        ? mod.Tessera.fromObject(manifest, manifestUrl, { isolation: q.get('isolation') })
        : mod.Tessera.fromObject(manifest, manifestUrl);
      created = performance.now() - handover;
      window.__tessera = tessera;
      const summary = await tessera.start();
      if (summary.failed.length) throw new Error(`failed: ${JSON.stringify(summary.failed)}`);
    } else {
      await loadBaseline(manifest, manifestUrl, { worker: q.get('isolation') === 'worker' });
    }
    // Let the DOM edits reach layout so both loaders are timed up to a laid-out page.
    document.body.getBoundingClientRect();
    const done = performance.now();
    const fetches = performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.wasm') && !e.name.includes('/loader/')).map((e) => e.startTime);
    return {
      nav: done, mounted: done - manifestAt, handover, afterHandover: done - handover, init, created,
      firstFetch: fetches.length ? Math.min(...fetches) - manifestAt : null,
    };
  };
  if (q.has('manual')) window.__go = go;
  else window.__bench = await go();
}
run().catch((e) => { window.__bench = { error: String(e?.stack ?? e) }; });
