// Turns the raw samples of bench/run.mjs into results (summaries, paired ratios, the targets of
// the project's performance goals) and writes docs/benchmarks.md from them. Everything here is computed from the
// samples; nothing is asserted. A partial run (BENCH_ONLY) has only some of the raw parts: the
// others are null (or empty) in the results and their sections are left out of the markdown.
import { summary, ratio, median } from './stats.mjs';
import { summarizeIsolation, isolationSection } from './report-isolation.mjs';

const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
const mb = (b) => (b == null ? 'n/a' : `${(b / 1048576).toFixed(2)} MB`);
const TARGET = { ratio: 1.15, firstFetch: 2, remount: 0.5, keepAlive: 0.2, dom: 1.5, memory: 1.05 };

function label(manifest, manifests, sizes) {
  if (manifest === 'demo') return 'demo (5 components)';
  const n = Object.keys(manifests[manifest].slots).length;
  return `${n} × ${Math.round(sizes[manifest] / 1024)} KB`;
}

/** What results.json keeps of a load sample, to 0.1 ms. */
const rawSample = (s) => ({ nav: r1(s.nav), mounted: r1(s.mounted), firstFetch: r1(s.firstFetch), handover: r1(s.handover), afterHandover: r1(s.afterHandover) });

export function summarize(meta, raw, size, manifests) {
  const targets = [];
  const load = raw.load.map((c) => {
    const pick = (impl, k) => c[impl].map((s) => s[k]).filter((x) => x != null);
    const cell = {
      manifest: c.manifest, label: label(c.manifest, manifests, meta.synthSizes), warm: c.warm, network: c.network, conditions: c.conditions,
      samples: c.tessera.length,
      tessera: { nav: summary(pick('tessera', 'nav')), mounted: summary(pick('tessera', 'mounted')), firstFetch: summary(pick('tessera', 'firstFetch')) },
      floor: { nav: summary(pick('baseline', 'nav')), mounted: summary(pick('baseline', 'mounted')), firstFetch: summary(pick('baseline', 'firstFetch')) },
      ratio: { nav: ratio(pick('tessera', 'nav'), pick('baseline', 'nav')), mounted: ratio(pick('tessera', 'mounted'), pick('baseline', 'mounted')) },
      raw: { tessera: c.tessera.map(rawSample), floor: c.baseline.map(rawSample) },
      created: summary(pick('tessera', 'created')),
    };
    const where = `${cell.label}, ${c.warm ? 'warm' : 'cold'}${c.network ? `, ${c.network}` : ''}`;
    if (!c.network && /^s(8|32)/.test(c.manifest)) {
      for (const k of ['nav', 'mounted']) {
        const x = cell.ratio[k];
        targets.push({ what: `${k === 'nav' ? 'navigation' : 'manifest'} to mounted, ${where}`, target: `≤ ${TARGET.ratio}× floor`, value: `${x.ratio}× (95% CI ${x.lo}–${x.hi})`, met: x.ratio <= TARGET.ratio, straddles: x.lo <= TARGET.ratio && x.hi > TARGET.ratio });
      }
    }
    if (!c.network && c.manifest !== 'demo') {
      targets.push({ what: `first component fetch after the manifest, ${where}`, target: `≤ ${TARGET.firstFetch} ms`, value: `${cell.tessera.firstFetch.median} ms`, met: cell.tessera.firstFetch.median <= TARGET.firstFetch });
    }
    return cell;
  });

  const remount = {};
  for (const [k, v] of Object.entries(raw.remount)) {
    const both = (x) => ({ call: summary(x.call), laidOut: summary(x.laidOut) });
    remount[k] = { manifest: raw.config[k === 'small' ? 'remount' : 'remountBig'].manifest, remount: both(v.remount), suspend: both(v.suspend), vanilla: both(v.vanilla) };
    remount[k].label = label(remount[k].manifest, manifests, meta.synthSizes);
    // Judged on the loader's calls; the laid-out times add the browser's style and layout, which
    // the vanilla switch pays too (the table shows all three).
    const { remount: rm, suspend: sr } = remount[k];
    targets.push({ what: `remount from the kept module, ${remount[k].label}`, target: `< ${TARGET.remount} ms median (the calls)`, value: `${rm.call.median.toFixed(3)} ms`, met: rm.call.median < TARGET.remount });
    targets.push({ what: `keep-alive switch (suspend + resume), ${remount[k].label}`, target: `< ${TARGET.keepAlive} ms median (the calls)`, value: `${sr.call.median.toFixed(3)} ms`, met: sr.call.median < TARGET.keepAlive });
  }

  const dom = raw.dom ? {} : null;
  for (const op of Object.keys(raw.dom?.tessera ?? {})) {
    dom[op] = { tessera: summary(raw.dom.tessera[op]), vanilla: summary(raw.dom.vanilla[op]), ratio: ratio(raw.dom.tessera[op], raw.dom.vanilla[op]) };
    targets.push({ what: `DOM ${op} (1,000 rows) through the ABI`, target: `≤ ${TARGET.dom}× vanilla`, value: `${dom[op].ratio.ratio}× (95% CI ${dom[op].ratio.lo}–${dom[op].ratio.hi})`, met: dom[op].ratio.ratio <= TARGET.dom, straddles: dom[op].ratio.lo <= TARGET.dom && dom[op].ratio.hi > TARGET.dom });
  }

  const mem = raw.memory ? memorySummary(raw, manifests, meta, targets) : null;
  const isolation = raw.isolation ? summarizeIsolation(raw.isolation, targets, (m) => label(m, manifests, meta.synthSizes)) : null;
  return { ...meta, load, remount, dom, memory: mem, isolation, size, targets };
}

/** The memory scenario's medians per metric and phase; pushes its targets. */
function memorySummary(raw, manifests, meta, targets) {
  const metrics = ['jsHeap', 'wasmMemory', 'backingStorage', 'nodes', 'listeners', 'loaderMemory'];
  const mem = { repeats: raw.memory.length, manifest: raw.config.memory.manifest };
  for (const m of metrics) {
    const at = (phase) => { const xs = raw.memory.map((r) => r[phase][m]).filter((x) => x != null); return xs.length ? median(xs) : null; };
    mem[m] = { before: at('before'), mounted: at('mounted'), unloaded: at('unloaded'), cleared: at('cleared') };
    mem[m].relative = mem[m].before ? Math.round((mem[m].unloaded / mem[m].before) * 1000) / 1000 : null;
  }
  mem.stats = { mounted: raw.memory[0].mounted.stats, unloaded: raw.memory[0].unloaded.stats };
  const all = label(mem.manifest, manifests, meta.synthSizes);
  targets.push({ what: `JS heap after unloading all ${all}`, target: `≤ ${TARGET.memory}× baseline`, value: `${mem.jsHeap.relative}×`, met: mem.jsHeap.relative <= TARGET.memory });
  // The components' wasm memories start from nothing: back to the baseline means none is left.
  targets.push({ what: `components' wasm memory after unloading all ${all}`, target: 'back to the baseline (0)', value: mb(mem.wasmMemory.unloaded), met: mem.wasmMemory.unloaded <= mem.wasmMemory.before });
  return mem;
}

const msFineOr = (s) => (s.n ? `${s.median.toFixed(2)} ms` : 'n/a');
const ms = (s) => (s.n ? `${s.median.toFixed(1)} ms (${s.p10.toFixed(1)}–${s.p90.toFixed(1)})` : 'n/a');
const msFine = (s) => `${s.median.toFixed(3)} ms (${s.p10.toFixed(3)}–${s.p90.toFixed(3)})`;
const rat = (r) => `${r.ratio.toFixed(2)}× [${r.lo.toFixed(2)}–${r.hi.toFixed(2)}]`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const verdict = (t) => `${t.met ? 'met' : '**missed**'}${t.straddles ? ' (the interval straddles the target)' : ''}`;

function dominates(r) {
  const local = r.load.filter((c) => !c.network && !c.warm);
  const lines = [];
  for (const c of local) {
    const med = (impl, k) => median(c.raw[impl].map((s) => s[k]));
    lines.push(`| ${c.label} | ${med('tessera', 'handover').toFixed(1)} ms | ${med('floor', 'handover').toFixed(1)} ms | ${msFineOr(c.created)} | ${c.tessera.firstFetch.median.toFixed(1)} ms | ${c.floor.firstFetch.median.toFixed(1)} ms | ${med('tessera', 'afterHandover').toFixed(1)} ms | ${med('floor', 'afterHandover').toFixed(1)} ms |`);
  }
  return [
    'These are the phases the samples themselves measure (docs/loader-internals.md, "Start-up", profiles the first call). "Handover" is when the',
    'page hands the manifest over, counted from navigation start: for Tessera it waits for the loader\'s',
    'own JS and wasm to be fetched, compiled and initialized (in parallel with the manifest fetch, and',
    'with the component downloads that `preload()` started); the floor is plain JavaScript already on',
    'the page. Cold samples, medians:',
    '',
    '| components | handover, Tessera | handover, floor | of which `fromObject` (Tessera) | first fetch after the manifest, Tessera | floor | handover to mounted, Tessera | floor |',
    '|---|---|---|---|---|---|---|---|',
    ...lines,
    '',
    ...observed(r),
  ];
}

// Plain statements read off the figures above (each computed, none asserted).
function observed(r) {
  const out = [];
  const cold = r.load.filter((c) => !c.network && !c.warm && c.manifest !== 'demo');
  const gap = cold.map((c) => median(c.raw.tessera.map((s) => s.handover)) - median(c.raw.floor.map((s) => s.handover)));
  const lossNav = cold.map((c) => c.tessera.nav.median - c.floor.nav.median);
  if (cold.length) {
    out.push(`- **Before any component fetch.** On localhost, cold, Tessera's handover comes ${Math.min(...gap).toFixed(0)} to ${Math.max(...gap).toFixed(0)} ms`,
      `  after the floor's (its JS and wasm are fetched, compiled and initialized first), out of a total`,
      `  navigation → mounted difference of ${Math.min(...lossNav).toFixed(0)} to ${Math.max(...lossNav).toFixed(0)} ms (medians per cell). The first component request starts ${Math.min(...cold.map((c) => c.tessera.firstFetch.median)).toFixed(1)}–${Math.max(...cold.map((c) => c.tessera.firstFetch.median)).toFixed(1)} ms`,
      `  after the page has the manifest (\`preload()\`; the floor ${Math.min(...cold.map((c) => c.floor.firstFetch.median)).toFixed(1)}–${Math.max(...cold.map((c) => c.floor.firstFetch.median)).toFixed(1)} ms); after the handover, \`fromObject\` takes ${Math.min(...cold.map((c) => c.created.median)).toFixed(2)}–${Math.max(...cold.map((c) => c.created.median)).toFixed(2)} ms.`);
  }
  const slow = r.load.find((c) => c.network && !c.warm);
  if (slow) {
    const loaderS = r.size.loader.total.raw / slow.conditions.downloadThroughput;
    out.push(`- **Under ${slow.network}** (cold), navigation → mounted differs by ${(slow.tessera.nav.median - slow.floor.nav.median).toFixed(0)} ms while manifest → mounted is`,
      `  ${slow.ratio.mounted.ratio.toFixed(2)}× the floor: the loader's ${(r.size.loader.total.raw / 1024).toFixed(0)} KB (served uncompressed here) take ${(loaderS * 1000).toFixed(0)} ms at that throughput alone, plus their round trips.`);
  }
  const d = Object.entries(r.dom ?? {}).sort((a, b) => b[1].ratio.ratio - a[1].ratio.ratio)[0];
  if (d) out.push(`- **DOM edits.** The largest ratio to vanilla JavaScript is \`${d[0]}\` (${d[1].ratio.ratio.toFixed(2)}×).`);
  const m = r.memory;
  if (m) out.push(`- **Memory.** After unloading, no component wasm memory is reachable (${mb(m.wasmMemory.unloaded)}), the DOM node count is back (${m.nodes.unloaded} of ${m.nodes.before}),`,
    `  and the JS heap is ${m.jsHeap.relative}× its baseline (${((m.jsHeap.unloaded - m.jsHeap.before) / 1024).toFixed(0)} KB more; clearing the performance timeline leaves ${mb(m.jsHeap.cleared)}); the loader's own`,
    m.loaderMemory.unloaded > m.loaderMemory.before
      ? `  wasm memory grew from ${mb(m.loaderMemory.before)} to ${mb(m.loaderMemory.unloaded)} and stays (wasm memories do not shrink). What holds the extra JS heap was not profiled.`
      : `  wasm memory stayed at ${mb(m.loaderMemory.before)}. What holds the extra JS heap was not profiled.`);
  out.push('');
  return out;
}

export function markdown(r) {
  const date = r.date.slice(0, 10);
  const cells = (filter) => r.load.filter(filter);
  const loadTable = (list) => [
    '| components | cache | Tessera: navigation → mounted | floor | ratio [95% CI] | Tessera: manifest → mounted | floor | ratio [95% CI] | first fetch after manifest: Tessera | floor |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...list.map((c) => `| ${c.label}${c.network ? `, ${c.network}` : ''} | ${c.warm ? 'warm' : 'cold'} | ${ms(c.tessera.nav)} | ${ms(c.floor.nav)} | ${rat(c.ratio.nav)} | ${ms(c.tessera.mounted)} | ${ms(c.floor.mounted)} | ${rat(c.ratio.mounted)} | ${ms(c.tessera.firstFetch)} | ${ms(c.floor.firstFetch)} |`),
    '',
  ];
  const net = cells((c) => c.network);
  const nets = [...new Map(net.map((c) => [c.network, c.conditions])).entries()];
  const sz = r.size;
  const m = r.memory;
  const when = (cond, lines) => (cond ? lines() : []);
  return [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` (bench/run.mjs) on ${date}${r.quick ? ' in quick mode (BENCH_QUICK=1: too few samples to mean anything)' : ''}${r.only ? `, only ${r.only.join(', ')} (BENCH_ONLY)` : ''}:`,
    `${r.chromium}, headless; ${r.cpu.model}, ${r.cpu.cores} cores; localhost. The run took ${r.durationS} s${r.loadAverage ? ` (1-minute load average ${r.loadAverage[0]} at the start, ${r.loadAverage[1]} at the end)` : ''}.`,
    'All figures are in bench/results.json, with every sample. Do not edit this file: run the bench again.',
    '',
    '## Method',
    '',
    '- **What is compared.** Tessera (pkg/, as built) against a *floor*: bench/baseline.js, the same job',
    '  written directly in JavaScript (`fetch` + `WebAssembly.instantiateStreaming` + `tessera_mount`,',
    '  the `tessera/v1` imports in plain JS), without the byte gate, validation, lifecycle or sandbox.',
    '  DOM throughput compares Tessera with vanilla JavaScript doing the same edits in the same page.',
    '- **Components.** The demo\'s five (all but its frozen tile, which loops forever in a worker on purpose; all made eager: the floor has no load policies) and synthetic',
    '  ones generated at bench time by bench/synth.mjs: about 10 KB or 100 KB of wasm each, a chain of',
    '  distinct functions that the mount calls one after the other, so that all the code is compiled',
    '  and runs (V8 compiles lazily), ending in a checksum the slot shows (`synth 3: 4ea082a4`). Each',
    '  component is a different module.',
    '- **Samples.** Pairs of samples (Tessera, floor) run in a shuffled order; the first',
    `  ${r.quick ? 'one is' : 'few are'} discarded as warm-up. A *cold* sample uses a fresh browser context (empty`,
    '  HTTP and code caches); a *warm* one reloads the page in a context that loaded it before (the',
    '  server sends `max-age`, so the modules come from the cache). Before a sample counts, the text',
    '  of every slot is read through the DevTools protocol (which sees closed shadow roots) and compared',
    '  with what it must show; a wrong slot fails the run.',
    '- **Times.** *navigation → mounted*: from navigation start to every component mounted and the',
    '  page laid out (`getBoundingClientRect`). *manifest → mounted*: from the moment the page has the',
    '  parsed manifest (for Tessera, its loader may still be starting then) to the same end.',
    '  *first fetch*: Resource Timing `startTime` of the first component request minus that moment.',
    '  Tessera\'s page calls `preload(manifest, url)` (tessera-loader/preload) at that moment, as',
    '  docs/using-tessera.md recommends; when its loader is ready it hands the manifest over',
    '  (`Tessera.fromObject` + `start()`, marked `handover`). The floor hands it over at once.',
    '  Tessera\'s page also has, in its `<head>`, the hints for the loader\'s JS and wasm that',
    '  `tessera-budget preload --loader-url` writes; the floor\'s page has none (it has no loader).',
    '- **Statistics.** Medians, with p10–p90 in brackets; each ratio is median(Tessera) / median(floor)',
    '  with a bootstrap 95% interval (2,000 resamples of the pairs, seeded PRNG).',
    ...when(nets.length, () => [
      '- **Network emulation**: CDP `Network.emulateNetworkConditions` with Chromium DevTools\' presets',
      `  (${nets.map(([n, c]) => `${n}: ${(c.downloadThroughput * 8 / 1e6).toFixed(2)} Mbit/s down, ${(c.uploadThroughput * 8 / 1e3).toFixed(0)} kbit/s up, ${c.latency} ms latency`).join('; ')}).`,
      '  DevTools\' "Slow 4G" is its former "Fast 3G", so the two asked-for profiles are one; "Fast 4G" is the second.',
    ]),
    '',
    '## Targets',
    '',
    '| what | target | measured | |',
    '|---|---|---|---|',
    ...r.targets.map((t) => `| ${t.what} | ${t.target} | ${t.value} | ${verdict(t)} |`),
    '',
    ...when(cells((c) => !c.network).length, () => ['## Loading, on localhost', '', ...loadTable(cells((c) => !c.network))]),
    ...when(net.length, () => ['## Loading under network emulation', '', ...loadTable(net)]),
    ...when(Object.keys(r.remount).length, () => [
      '## Remount from the kept module',
      '',
      'One page, the slot checked after every iteration. **Remount**: `tessera.unmount(name)` then',
      '`await tessera.remount(name)`, a fresh instance of the kept module. **Keep-alive**: `tessera.suspend(name)`',
      'then `tessera.resume(name)`, the same instance and DOM. **Vanilla**: the floor of a switch, the slot\'s',
      'nodes taken out and put back with `replaceChildren` by hand. *Calls* is the time of the calls alone;',
      '*laid out* adds `getBoundingClientRect()`, the browser\'s style and layout of the component, which',
      'every way of switching pays.',
      '',
      '| component | iterations | remount: calls | remount: laid out | keep-alive: calls | keep-alive: laid out | vanilla: calls | vanilla: laid out |',
      '|---|---|---|---|---|---|---|---|',
      ...Object.values(r.remount).map((x) => `| ${x.label} | ${x.remount.call.n} | ${msFine(x.remount.call)} | ${msFine(x.remount.laidOut)} | ${msFine(x.suspend.call)} | ${msFine(x.suspend.laidOut)} | ${msFine(x.vanilla.call)} | ${msFine(x.vanilla.laidOut)} |`),
      '',
    ]),
    ...when(r.dom, () => [
      '## DOM throughput through the ABI',
      '',
      'The js-framework-benchmark operations on a 1,000-row table, each timed up to a laid-out page and',
      'its rows checked afterwards. Tessera: `setProps(\'rows\', { op })` on a component that applies a',
      'batch its generator precomputed (so the guest does no rendering work: this times the loader\'s',
      'path from `setProps` through the ABI checks to the DOM). Vanilla: the same edits in plain',
      'JavaScript, in the same page.',
      '',
      '| operation | Tessera | vanilla JS | ratio [95% CI] |',
      '|---|---|---|---|',
      ...Object.entries(r.dom).map(([op, d]) => `| ${op} | ${ms(d.tessera)} | ${ms(d.vanilla)} | ${rat(d.ratio)} |`),
      '',
    ]),
    ...when(m, () => [
      '## Memory',
      '',
      `${m.manifest === 's32' ? '32' : 'The'} synthetic components mounted in one page, then each unloaded (\`tessera.unload\`); records`,
      'after a forced GC (CDP `HeapProfiler.collectGarbage`), median of ' + `${m.repeats} fresh context(s). The components\' wasm`,
      'memories are counted through weak references the page takes as each instance is created; "backing',
      'stores" is Runtime.getHeapUsage\'s `backingStorageSize` as this Chromium reports it.',
      '',
      '| measure | before mounting | all mounted | all unloaded | unloaded / before | unloaded, performance timeline cleared |',
      '|---|---|---|---|---|---|',
      `| JS heap used | ${mb(m.jsHeap.before)} | ${mb(m.jsHeap.mounted)} | ${mb(m.jsHeap.unloaded)} | ${m.jsHeap.relative ?? 'n/a'} | ${mb(m.jsHeap.cleared)} |`,
      `| components' wasm memories still reachable | ${mb(m.wasmMemory.before)} | ${mb(m.wasmMemory.mounted)} | ${mb(m.wasmMemory.unloaded)} | – | ${mb(m.wasmMemory.cleared)} |`,
      `| backing stores | ${mb(m.backingStorage.before)} | ${mb(m.backingStorage.mounted)} | ${mb(m.backingStorage.unloaded)} | ${m.backingStorage.relative ?? 'n/a'} | ${mb(m.backingStorage.cleared)} |`,
      `| the loader's own wasm memory | ${mb(m.loaderMemory.before)} | ${mb(m.loaderMemory.mounted)} | ${mb(m.loaderMemory.unloaded)} | ${m.loaderMemory.relative ?? 'n/a'} | ${mb(m.loaderMemory.cleared)} |`,
      `| DOM nodes (Memory.getDOMCounters) | ${m.nodes.before} | ${m.nodes.mounted} | ${m.nodes.unloaded} | ${m.nodes.relative ?? 'n/a'} | ${m.nodes.cleared} |`,
      `| JS event listeners | ${m.listeners.before} | ${m.listeners.mounted} | ${m.listeners.unloaded} | ${m.listeners.relative ?? 'n/a'} | ${m.listeners.cleared} |`,
      '',
      `\`tessera.stats()\` mounted: ${JSON.stringify(m.stats.mounted)}; unloaded: ${JSON.stringify(m.stats.unloaded)}.`,
      '',
    ]),
    ...when(r.isolation, () => isolationSection(r.isolation, r)),
    '## Size',
    '',
    '| what ships | raw | gzip -9 | brotli -11 |',
    '|---|---|---|---|',
    `| Tessera loader: tessera_loader_bg.wasm + tessera_loader.js | ${kb(sz.loader.total.raw)} | ${kb(sz.loader.total.gzip)} | ${kb(sz.loader.total.brotli)} |`,
    `| … of which the wasm | ${kb(sz.loader.wasm.raw)} | ${kb(sz.loader.wasm.gzip)} | ${kb(sz.loader.wasm.brotli)} |`,
    `| … of which the JS glue | ${kb(sz.loader.js.raw)} | ${kb(sz.loader.js.gzip)} | ${kb(sz.loader.js.brotli)} |`,
    `| the slot module (tessera_slot.js, separate) | ${kb(sz.slot.raw)} | ${kb(sz.slot.gzip)} | ${kb(sz.slot.brotli)} |`,
    `| the floor (bench/baseline.js, minified) | ${kb(sz.floor.raw)} | ${kb(sz.floor.gzip)} | ${kb(sz.floor.brotli)} |`,
    '',
    ...when(cells((c) => !c.network && !c.warm).length, () => ['## What dominates', '', ...dominates(r)]),
  ].join('\n');
}
