// Scenario (g): what worker isolation costs. The same synthetic components (bench/synth.mjs) with
// the loader option `isolation: "main"` or `"worker"` (bench/page.js ?isolation=), three ways:
// - mount: one page reloaded in one context (warm: modules from the HTTP cache), the two modes and
//   the floor's two (bench/baseline.js, on the page and in plain workers) in a shuffled order per
//   sample, timed from the handover to all mounted and the page laid out (page.js `afterHandover`);
//   every slot checked before a time counts;
// - click: one tab per mode with N components mounted; each sample clicks one tile (a real input
//   event: CDP Input.dispatchMouseEvent move, press, release at its centre) and times, in the page,
//   from a capture-phase `click` listener on the slot (and from the event's `timeStamp`) to a
//   MutationObserver on the tile's shadow root seeing the edit (page.js ?observe keeps the closed
//   roots for this), and to a plain echo worker's answer to the same click (the floor); the slots
//   are then checked through CDP;
// - memory: a fresh context per record, the page's JS heap (CDP Runtime.getHeapUsage after
//   HeapProfiler.collectGarbage) and the resident memory of every process descending from this
//   node process (the browser's, VmRSS from /proc), with 0 components, with the first one and
//   with all N mounted (the first one also pays what any first mount costs a page).
import { openPage, load, checkSlots } from '../browser.mjs';
import { residentMemory } from '../../scripts/resident-memory.mjs';
import { clickedText } from '../synth.mjs';
import { shuffle } from '../stats.mjs';

export const MODES = ['main', 'worker'];
/** The plain (hint-less) page of `manifest` with the loader option `isolation: mode`. */
const page = (env, manifest, mode, extra = '') => `${env.url}${manifest}.html?impl=tessera&manifest=${manifest}.json&isolation=${mode}${extra}`;

// Console errors and warnings of the scenario's pages, for the report (none is expected).
const consoleLines = [];
/** openPage, keeping the page's console errors and warnings. */
async function open(env) {
  const tab = await openPage(env.browser);
  tab.page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleLines.push(`${m.type()}: ${m.text()}`.slice(0, 300)); });
  return tab;
}

/** checkSlots, then DOM.disable: the DevTools DOM agent would otherwise track the checked nodes' edits. */
async function check(cdp, expected, what) {
  await checkSlots(cdp, expected, what);
  await cdp.send('DOM.disable');
}

/**
 * { main, worker, floorMain, floorWorker: [ms] }: handover to all mounted, Tessera in each mode and
 * the floor (bench/baseline.js, and its plain-worker variant), the four in a shuffled order per sample.
 */
async function mountTimes(env, { manifest, samples, warmups, rand }) {
  const expected = { ...env.site.manifests[manifest].slots };
  const kinds = { main: ['tessera', 'main'], worker: ['tessera', 'worker'], floorMain: ['baseline', 'main'], floorWorker: ['baseline', 'worker'] };
  const out = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
  const tab = await open(env);
  try {
    for (let i = 0; i < warmups + samples; i++) {
      for (const kind of shuffle(Object.keys(kinds), rand)) {
        const [impl, mode] = kinds[kind];
        // The previous pages' wasm memories are garbage in this renderer until its page isolate
        // collects them, and their address space counts against the process's limit: a worker
        // cannot collect them, so without this its instantiation can fail (out of memory) at 32.
        await tab.cdp.send('HeapProfiler.collectGarbage');
        // Tessera's `.tessera.html` page has the loader's hints, as in the load scenario.
        const r = await load(tab, `${env.url}${manifest}${impl === 'tessera' ? '.tessera' : ''}.html?impl=${impl}&manifest=${manifest}.json&isolation=${mode}`);
        await check(tab.cdp, expected, `isolation mount ${manifest} ${kind}`);
        if (i >= warmups) out[kind].push(r.afterHandover);
      }
    }
  } finally { await tab.close(); }
  return out;
}

/**
 * In the page: a capture `click` listener on every slot and a MutationObserver on every tile's
 * root. The listener also posts to a plain echo worker (`onmessage = (e) => postMessage(e.data)`),
 * whose answer is the floor of any worker round trip from the same click.
 */
function installProbe(slots) {
  const probe = { slot: null };
  const echo = new Worker(URL.createObjectURL(new Blob(['onmessage = (e) => postMessage(e.data)'], { type: 'text/javascript' })));
  echo.onmessage = () => { if (probe.te == null) { probe.te = performance.now(); probe.echoed(); } };
  for (const selector of slots) {
    const slot = document.querySelector(selector);
    const root = window.__shadowOf(slot.querySelector('[data-tessera]'));
    slot.addEventListener('click', (e) => {
      if (probe.slot === selector && probe.t0 == null) { probe.t0 = performance.now(); probe.ts = e.timeStamp; echo.postMessage(0); }
    }, { capture: true });
    new MutationObserver(() => {
      const t = performance.now();
      if (probe.slot !== selector || probe.t0 == null) probe.stray = `${selector} changed while ${probe.slot} was clicked`;
      else if (probe.t1 == null) { probe.t1 = t; probe.done(); }
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  }
  window.__probe = probe;
}

/** In the page: arms the probe for `selector` and returns the centre of its tile, in view. */
function armProbe(selector) {
  const probe = window.__probe;
  const tile = window.__shadowOf(document.querySelector(selector).querySelector('[data-tessera]')).querySelector('.synth');
  let box = tile.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight) { tile.scrollIntoView({ block: 'center' }); box = tile.getBoundingClientRect(); }
  Object.assign(probe, { slot: selector, t0: null, ts: null, t1: null, te: null, stray: null });
  probe.result = Promise.all([new Promise((ok) => { probe.done = ok; }), new Promise((ok) => { probe.echoed = ok; })]);
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/** In the page: waits (at most 5 s) for the armed click's edit and echo; { t0, ts, t1, te, stray }. */
async function probeResult() {
  const probe = window.__probe;
  await Promise.race([probe.result, new Promise((ok) => setTimeout(ok, 5000))]);
  return { t0: probe.t0, ts: probe.ts, t1: probe.t1, te: probe.te, stray: probe.stray, visible: document.visibilityState };
}

/**
 * { main: { listener, input, echo: [ms] }, worker: ... }: click → DOM update with every component
 * of `manifest` mounted, one tab per mode, the tiles clicked in turn, modes in a shuffled order.
 */
async function clicks(env, { manifest, iterations, warmups, rand }) {
  const mounted = env.site.manifests[manifest].slots;
  const slots = Object.keys(mounted);
  const tabs = {}, expected = {}, counts = {};
  const out = {};
  try {
    for (const mode of MODES) {
      tabs[mode] = await open(env);
      await load(tabs[mode], page(env, manifest, mode, '&observe'));
      expected[mode] = { ...mounted };
      counts[mode] = Object.fromEntries(slots.map((s) => [s, 0]));
      await check(tabs[mode].cdp, expected[mode], `isolation click ${manifest} ${mode} mount`);
      await tabs[mode].page.evaluate(installProbe, slots);
      out[mode] = { listener: [], input: [], echo: [] };
    }
    for (let i = 0; i < warmups + iterations; i++) {
      const slot = slots[i % slots.length];
      for (const mode of shuffle(MODES, rand)) {
        const { page: p, cdp, errors } = tabs[mode];
        const what = `isolation click ${manifest} ${mode} ${slot} ${i}`;
        const { x, y } = await p.evaluate(armProbe, slot);
        await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
        for (const type of ['mousePressed', 'mouseReleased']) await cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
        const t = await p.evaluate(probeResult);
        if (t.stray || t.t0 == null || t.t1 == null || t.te == null || errors.length) {
          const why = t.stray ?? (t.t0 == null ? 'the click did not reach the slot' : t.t1 == null ? 'no DOM change within 5 s' : t.te == null ? 'no echo within 5 s' : errors.join('; '));
          throw new Error(`${what}: ${why} (page ${t.visible})`);
        }
        expected[mode][slot] = clickedText(mounted[slot], ++counts[mode][slot]);
        await check(cdp, expected[mode], what);
        if (i >= warmups) { out[mode].listener.push(t.t1 - t.t0); out[mode].input.push(t.t1 - t.ts); out[mode].echo.push(t.te - t.t0); }
      }
    }
  } finally { for (const t of Object.values(tabs)) await t.close(); }
  return out;
}

/** After two forced GCs of the page and `pauseMs` for the processes to settle: its JS heap and the browser's RSS. */
async function record(tab, pauseMs) {
  await tab.cdp.send('HeapProfiler.collectGarbage');
  await tab.cdp.send('HeapProfiler.collectGarbage');
  await new Promise((ok) => setTimeout(ok, pauseMs));
  const heap = await tab.cdp.send('Runtime.getHeapUsage');
  const rss = residentMemory();
  return { jsHeap: heap.usedSize, rss: rss.bytes, processes: rss.processes };
}

/**
 * Records of one fresh page of `manifest` in `mode`: `none` (the loader started with every component
 * `load: "manual"`, none mounted), `one` (the first mounted; absent for one component) and `all`.
 */
async function memoryRecord(env, { manifest, mode, settleMs, pauseMs }) {
  const expected = { ...env.site.manifests[manifest].slots };
  const tab = await open(env);
  try {
    await tab.page.goto(page(env, manifest, mode, '&manual'));
    await tab.page.waitForFunction(() => window.__go || window.__bench?.error || null);
    await tab.cdp.send('HeapProfiler.enable');
    const names = await tab.page.evaluate(async (isolation) => {
      const url = new URL(new URLSearchParams(location.search).get('manifest'), location.href).href;
      const manifest = await (await fetch(url)).json();
      manifest.components = manifest.components.map((c) => ({ ...c, load: 'manual' }));
      window.__tessera = window.__loader.Tessera.fromObject(manifest, url, { isolation });
      await window.__tessera.start();
      return manifest.components.map((c) => c.name);
    }, mode);
    // Let the browser settle after the navigation (it starts a spare renderer about then).
    await new Promise((ok) => setTimeout(ok, settleMs));
    const out = { none: await record(tab, pauseMs) };
    const mount = (list) => tab.page.evaluate((l) => Promise.all(l.map((n) => window.__tessera.mount(n))).then(() => null, (e) => String(e)), list);
    const fail = (e) => { if (e || tab.errors.length) throw new Error(`isolation memory ${manifest} ${mode}: ${e ?? ''} ${tab.errors.join('; ')}`); };
    if (names.length > 1) { fail(await mount(names.slice(0, 1))); out.one = await record(tab, pauseMs); }
    fail(await mount(names.slice(names.length > 1 ? 1 : 0)));
    await check(tab.cdp, expected, `isolation memory ${manifest} ${mode}`);
    out.all = await record(tab, pauseMs);
    return out;
  } finally { await tab.close(); }
}

/**
 * The whole scenario: `manifests` are synthetic sets (s1, s8, s32); returns { counts, mount, click,
 * memory }, each keyed by manifest then mode (memory: a list of records, one per repeat), and
 * `console`, the pages' console errors and warnings.
 */
export async function isolation(env, { manifests, mount, click, memory, rand, log = () => {} }) {
  const out = { counts: {}, mount: {}, click: {}, memory: {} };
  for (const m of manifests) {
    out.counts[m] = Object.keys(env.site.manifests[m].slots).length;
    out.mount[m] = await mountTimes(env, { manifest: m, ...mount, rand });
    log('isolation mount', m, 'done');
    out.click[m] = await clicks(env, { manifest: m, ...click, rand });
    log('isolation click', m, 'done');
    out.memory[m] = { main: [], worker: [] };
  }
  const cells = manifests.flatMap((m) => MODES.map((mode) => [m, mode]));
  for (let k = 0; k < memory.repeats; k++) {
    for (const [m, mode] of shuffle(cells, rand)) out.memory[m][mode].push(await memoryRecord(env, { manifest: m, mode, ...memory }));
  }
  log('isolation memory done');
  return { ...out, config: { mount, click, memory }, console: consoleLines.splice(0) };
}
