// The isolation scenario's part of the results and of docs/benchmarks.md (bench/report.mjs calls
// both): main thread against worker for the same components, computed from the samples of
// bench/scenarios/isolation.mjs; the targets are reported, never asserted.
import { summary, difference, median } from './stats.mjs';

export const TARGET = { startPerComponent: 5, startAt: 8, click: 4 };
const r2 = (x) => Math.round(x * 100) / 100;
const MB = 1048576;

/** { median, min, max, n } of `xs` (the few memory repeats: their whole range, not p10-p90). */
const spread = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

/**
 * Memory per component in one mode, per record: (all - none) / n, and the marginal (all - one) /
 * (n - 1), which leaves out what the first mount costs any page (null for one component).
 */
function perComponent(records, n) {
  const per = (k, from, count) => spread(records.map((r) => (r.all[k] - r[from][k]) / count));
  const marginal = (k) => (n > 1 ? per(k, 'one', n - 1) : null);
  return {
    jsHeap: per('jsHeap', 'none', n), rss: per('rss', 'none', n), jsHeapMarginal: marginal('jsHeap'), rssMarginal: marginal('rss'),
    rssNone: median(records.map((r) => r.none.rss)), processes: median(records.map((r) => r.all.processes)),
  };
}

/** The isolation results: one cell per synthetic set; pushes the targets onto `targets`. */
export function summarizeIsolation(raw, targets, label) {
  const cells = Object.keys(raw.counts).map((manifest) => {
    const n = raw.counts[manifest];
    const mount = raw.mount[manifest], click = raw.click[manifest], memory = raw.memory[manifest];
    return {
      manifest, n, label: label(manifest),
      mount: {
        main: summary(mount.main), worker: summary(mount.worker), perComponent: difference(mount.worker, mount.main, { scale: n }),
        floorMain: summary(mount.floorMain), floorWorker: summary(mount.floorWorker), floorPerComponent: difference(mount.floorWorker, mount.floorMain, { scale: n }),
      },
      click: {
        main: { listener: summary(click.main.listener), input: summary(click.main.input), echo: summary(click.main.echo) },
        worker: { listener: summary(click.worker.listener), input: summary(click.worker.input), echo: summary(click.worker.echo) },
        extra: difference(click.worker.listener, click.main.listener),
        overEcho: difference(click.worker.listener, click.worker.echo),
      },
      memory: { repeats: memory.main.length, main: perComponent(memory.main, n), worker: perComponent(memory.worker, n) },
      raw: {
        mount: Object.fromEntries(Object.entries(mount).map(([k, xs]) => [k, xs.map(r2)])),
        click: { main: click.main.listener.map(r2), worker: click.worker.listener.map(r2), echo: click.worker.echo.map(r2) },
      },
    };
  });
  const start = cells.find((c) => c.n === TARGET.startAt);
  if (start) {
    const d = start.mount.perComponent;
    targets.push({ what: `worker start, extra per component, ${start.label}`, target: `≤ ${TARGET.startPerComponent} ms per component`, value: `${d.diff.toFixed(2)} ms (95% CI ${d.lo.toFixed(2)}–${d.hi.toFixed(2)})`, met: d.diff <= TARGET.startPerComponent, straddles: d.lo <= TARGET.startPerComponent && d.hi > TARGET.startPerComponent, isolation: true });
  }
  for (const c of cells) {
    const w = c.click.worker.listener;
    targets.push({ what: `worker click → DOM update, ${c.label} mounted`, target: `< ${TARGET.click} ms median`, value: `${w.median.toFixed(2)} ms`, met: w.median < TARGET.click, isolation: true });
  }
  return { cells, config: raw.config, console: raw.console };
}

const ms = (s) => `${s.median.toFixed(2)} ms (${s.p10.toFixed(2)}–${s.p90.toFixed(2)})`;
const diff = (d) => `${d.diff >= 0 ? '+' : ''}${d.diff.toFixed(2)} ms [${d.lo.toFixed(2)}–${d.hi.toFixed(2)}]`;
const mbs = (s) => `${(s.median / MB).toFixed(2)} MB (${(s.min / MB).toFixed(2)}–${(s.max / MB).toFixed(2)})`;
const kbs = (s) => `${(s.median / 1024).toFixed(0)} KB (${(s.min / 1024).toFixed(0)}–${(s.max / 1024).toFixed(0)})`;
const verdict = (t) => `${t.met ? 'met' : '**missed**'}${t.straddles ? ' (the interval straddles the target)' : ''}`;

/** "Which mode to choose", read off the figures. */
function choose(cells) {
  const big = cells[cells.length - 1];
  const start = cells.find((c) => c.n === TARGET.startAt) ?? big;
  const med = (f) => cells.map((c) => f(c).median);
  const range = (xs) => (Math.min(...xs).toFixed(2) === Math.max(...xs).toFixed(2) ? `${xs[0].toFixed(2)} ms` : `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)} ms`);
  const clicksW = med((c) => c.click.worker.listener), clicksM = med((c) => c.click.main.listener), echo = med((c) => c.click.worker.echo);
  const overEcho = cells.map((c) => c.click.overEcho.diff);
  const mem = (mode) => (big.memory[mode].rssMarginal ?? big.memory[mode].rss).median / MB;
  const total = big.mount.worker.median - big.mount.main.median;
  return [
    `In this run a component in a worker took ${start.mount.perComponent.diff.toFixed(2)} ms more to start than on the main thread`,
    `(${start.label}; a plain worker per component, the floor, ${start.mount.floorPerComponent.diff.toFixed(2)} ms; with ${big.label} the whole mount took`,
    `${big.mount.worker.median.toFixed(1)} ms against ${big.mount.main.median.toFixed(1)} ms).`,
    `A click's update landed ${range(clicksW)} after the click in a worker, against ${range(clicksM)} on the main thread`,
    `(medians, 1 to ${big.n} mounted). A plain worker's echo of the same click took ${range(echo)}: Tessera's own part (posting the`,
    `event, the guest's call, the replay and the edits: worker − echo) was ${range(overEcho)}, the rest is what any worker's round trip`,
    `from a click costs in this browser.`,
    `${Math.max(...clicksW) < 1000 / 60 ? 'That stays under one 60 Hz frame (16.7 ms), but an update that misses the frame after the click shows one frame later.' : 'That is more than one 60 Hz frame (16.7 ms).'}`,
    `Each further component took ${mem('worker').toFixed(2)} MB of resident memory in a worker against ${mem('main').toFixed(2)} MB on the main thread (${big.label}).`,
    `What the worker buys is in docs/security.md: a component that computes for long, or never returns, is ended as \`unresponsive\``,
    `while the page keeps its pace, and its memory goes with its worker. So choose \`"worker"\` for components that may compute for`,
    `long or that you trust less to stay responsive, where ${start.click.extra.diff.toFixed(1)} ms more per click and ${start.mount.perComponent.diff.toFixed(1)} ms more per start are a fair price; keep \`"main"\``,
    `(the default) for many small trusted tiles and for input that must update within the same frame: at ${big.n} components the`,
    `workers cost about ${Math.max(total, 0).toFixed(0)} ms more start-up and ${Math.max((mem('worker') - mem('main')) * big.n, 0).toFixed(0)} MB more memory than the main thread.`,
    '',
  ];
}

/** The markdown section; `r` is the whole results (for its targets). */
export function isolationSection(iso, r) {
  const { cells } = iso;
  const mbOr = (s) => (s ? mbs(s) : '–');
  const lines = [
    '## Worker isolation: what it costs',
    '',
    `The same synthetic components (${cells.map((c) => c.label).join(', ')}) with the loader option \`isolation\` set to`,
    '`"main"` or `"worker"` (`Tessera.fromObject(manifest, url, { isolation })`, docs/abi.md "Worker mode").',
    '',
    '- **Mount.** One page of the set, reloaded in one browser context (warm: the modules come from the',
    '  HTTP cache; each load compiles them again), the two modes in a shuffled order per sample, warm-ups',
    '  discarded, every slot checked. Timed from the handover (`Tessera.fromObject` + `start()`) to',
    '  `start()` resolved with every component mounted and the page laid out. The extra cost per',
    '  component is (median(worker) − median(main)) / N, with a bootstrap 95% interval over the pairs.',
    '  The same samples load the floor (bench/baseline.js) on the page and in its worker variant: each',
    '  module compiled on the page and posted to a plain worker of its own, which instantiates it, calls',
    '  `tessera_mount` and posts the batches back for the page to apply: what any worker design pays.',
    '  Before each load the renderer\'s page heap is collected (CDP `HeapProfiler.collectGarbage`): until',
    '  then the previous page\'s wasm memories count against the process\'s address-space limit, which a',
    '  worker cannot free by collecting its own heap (without it, 32 components in workers failed to',
    '  instantiate with "Out of memory" after a few reloads).',
    '- **Click → DOM update.** One tab per mode with all N mounted; each sample clicks the next tile, the',
    '  modes in a shuffled order. A real input event: CDP `Input.dispatchMouseEvent` move, press and',
    '  release at the centre of the tile inside its closed shadow root, back to back as Playwright\'s',
    '  `mouse.click` sends them. The tile\'s `tessera_event` counts the click and sets a text node with',
    '  one `SET_TEXT`. Timed in the page from a capture-phase `click` listener on the slot (it runs before',
    '  the component\'s own listener) to a `MutationObserver` on the tile\'s shadow root seeing the edit.',
    '  The bench page keeps a reference to each shadow root it attaches (`attachShadow` wrapped, on this',
    '  scenario\'s pages only): a page cannot reach a closed root otherwise. An observer runs at the first',
    '  microtask checkpoint after the edit, so this is when the DOM changed, not when it was painted. The',
    '  *echo* column is a plain worker (`onmessage = (e) => postMessage(e.data)`) that the same listener',
    '  posts to: the floor of any worker round trip from that click. The *timeStamp* columns time from the',
    '  event\'s `timeStamp` (when the browser made the event) instead, adding its way to the page. A',
    '  mutation in another slot, or none within 5 s, fails the run; after each click every slot\'s text',
    '  (with its click count) is checked through CDP.',
    '- **Memory per component.** A fresh context per record, every component `load: "manual"`: the',
    '  page with the loader started and none mounted, then the first mounted (`mount(name)`), then all N',
    `  (checked), each after two forced GCs (CDP \`HeapProfiler.collectGarbage\`) and ${iso.config.memory.pauseMs} ms. The page's`,
    '  JS heap is `Runtime.getHeapUsage` (the page\'s isolate only: a worker\'s heap is not in it); the',
    '  RSS is VmRSS summed over every process descending from the bench\'s node process (the browser and',
    '  its children, so the workers\' threads in the page\'s renderer too; shared pages count in each',
    '  process). *Per component* is (all − none) / N; *each further* is (all − first) / (N − 1), which',
    '  leaves out what the first mount costs any page (code the renderer touches for the first time).',
    '  Medians over the records, their range in brackets.',
    '',
    '| components | main thread: mount | worker: mount | worker − main, per component [95% CI] | floor: main | floor: worker | floor: worker − main, per component | samples |',
    '|---|---|---|---|---|---|---|---|',
    ...cells.map((c) => `| ${c.label} | ${ms(c.mount.main)} | ${ms(c.mount.worker)} | ${diff(c.mount.perComponent)} | ${ms(c.mount.floorMain)} | ${ms(c.mount.floorWorker)} | ${diff(c.mount.floorPerComponent)} | ${c.mount.main.n} |`),
    '',
    '| components mounted | main: click → DOM | worker: click → DOM | worker − main [95% CI] | echo (worker tab) | worker − echo [95% CI] | main: timeStamp → DOM | worker: timeStamp → DOM | clicks |',
    '|---|---|---|---|---|---|---|---|---|',
    ...cells.map((c) => `| ${c.label} | ${ms(c.click.main.listener)} | ${ms(c.click.worker.listener)} | ${diff(c.click.extra)} | ${ms(c.click.worker.echo)} | ${diff(c.click.overEcho)} | ${ms(c.click.main.input)} | ${ms(c.click.worker.input)} | ${c.click.main.listener.n} |`),
    '',
    '| components | page JS heap per component: main | worker | RSS per component: main | worker | RSS, each further component: main | worker | records |',
    '|---|---|---|---|---|---|---|---|',
    ...cells.map((c) => `| ${c.label} | ${kbs(c.memory.main.jsHeap)} | ${kbs(c.memory.worker.jsHeap)} | ${mbs(c.memory.main.rss)} | ${mbs(c.memory.worker.rss)} | ${mbOr(c.memory.main.rssMarginal)} | ${mbOr(c.memory.worker.rssMarginal)} | ${c.memory.repeats} |`),
    '',
    '| target | measured | |',
    '|---|---|---|',
    ...r.targets.filter((t) => t.isolation).map((t) => `| ${t.what}: ${t.target} | ${t.value} | ${verdict(t)} |`),
    '',
    `**Which mode to choose.** ${choose(cells).join('\n')}`,
  ];
  if (iso.console.length) lines.push(`The pages logged ${iso.console.length} console error(s) or warning(s), e.g. \`${iso.console[0].replace(/`/g, "'")}\`.`, '');
  return lines;
}
