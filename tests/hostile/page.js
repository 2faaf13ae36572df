// The hostile suite's page: two demo counters (#left, #right) around the fixture under test
// (#hostile), loaded by the built loader from a manifest made of the query string. It records what a
// page could notice: every tessera:* event, focus, key and click events, the console, bus messages,
// its own 10 ms interval, uncaught errors. Every one of these page callbacks checks whether guest
// code is on the stack (the fixtures name all their functions `guest_frame_*`); a hit is recorded.
// The test reads everything through `window.__h` (plain data only, for WebDriver as for Playwright).
Error.stackTraceLimit = 200;
const MARK = 'guest_frame';
const q = new URLSearchParams(location.search);
const rec = {
  href: location.href, started: false, fatal: null, summary: null, hits: [], events: [], input: [], logs: [],
  errors: [], bus: [], ticks: [], mutations: 0, unloads: [], probe: null,
};
window.__rec = rec;

/**
 * Whether `stack` shows guest code: `marker` when a `guest_frame_*` frame is in it, `truncated` when
 * the browser cut it too short to tell (Firefox keeps only the innermost 128 frames and ignores
 * Error.stackTraceLimit; a page callback that deep is suspect in itself), else null.
 */
function suspect(stack) {
  if (stack.includes(MARK)) return 'marker';
  const frames = stack.split('\n').filter((l) => l.trim() && l.trim() !== 'Error').length;
  return frames >= 128 ? 'truncated' : null;
}

/** Records a hit when guest code is (or may be) on the stack of the page callback `where`. */
function guard(where) {
  const stack = String(new Error().stack ?? '');
  const why = suspect(stack);
  if (why) rec.hits.push({ where: why === 'marker' ? where : `${where} (stack truncated)`, stack: stack.slice(0, 6000) });
}

/** Which slot a node is in, or its name. */
const SLOTS = ['left', 'hostile', 'right'];
function slotOf(n) {
  if (!n || n === window) return n === window ? 'window' : null;
  for (const id of SLOTS) if (document.getElementById(id)?.contains(n)) return id;
  return n.nodeName?.toLowerCase?.() ?? String(n);
}

// The console: a wrapper around each method.
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  const original = console[level];
  console[level] = function (...args) {
    guard(`console.${level}`);
    rec.logs.push({ level, text: args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ') });
    return original.apply(this, args);
  };
}

// Closed shadow roots, kept for the test (the page owns attachShadow; the loader calls it at mount):
// the counters' values and buttons are read through them, and the hostile root's top layer.
const roots = new WeakMap();
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  guard('attachShadow');
  const root = attach.call(this, init);
  roots.set(this, root);
  return root;
};
const rootOf = (id) => {
  const host = document.querySelector(`#${id} [data-tessera]`);
  return host ? roots.get(host) ?? null : null;
};

// Lifecycle, progress and violation events (the last two names are for a loader that adds them).
const unloadOnViolation = q.has('unloadOnViolation');
const TYPES = ['not-loaded', 'loading', 'compiled', 'mounting', 'mounted', 'suspended', 'unmounting', 'error', 'progress', 'violation',
  'unloaded', 'unmounted'];
for (const type of TYPES) {
  document.addEventListener(`tessera:${type}`, (e) => {
    guard(`tessera:${type}`);
    const d = e.detail ?? {};
    if (type !== 'progress') {
      rec.events.push({ type, name: d.name, state: d.state, from: d.from, code: d.code, detail: d.detail, message: d.message,
        t: performance.now() });
    }
    if (type === 'violation' && unloadOnViolation && d.name === 'hostile' && rec.unloads.length < 5) {
      try {
        window.tessera.unload('hostile');
        rec.unloads.push({ ok: true, state: window.tessera.state('hostile') });
      } catch (err) {
        rec.unloads.push({ ok: false, error: `${err.code ?? err.name}: ${err.message}` });
      }
    }
  }, true);
}

// Focus, keys and clicks, where the page sees them (targets are retargeted to a host element).
for (const type of ['focusin', 'focusout', 'focus', 'blur', 'keydown', 'click']) {
  document.addEventListener(type, (e) => {
    guard(type);
    rec.input.push({ type, target: slotOf(e.target), t: performance.now() });
  }, true);
}
for (const type of ['focus', 'blur']) window.addEventListener(type, () => guard(`window ${type}`));
window.addEventListener('error', (e) => { guard('window error'); rec.errors.push(`uncaught: ${e.message}`); });
window.addEventListener('unhandledrejection', (e) => {
  guard('unhandledrejection');
  rec.errors.push(`unhandled rejection: ${e.reason?.message ?? e.reason}`);
});
window.addEventListener('hashchange', () => guard('hashchange'));
window.addEventListener('popstate', () => guard('popstate'));
new MutationObserver(() => { guard('mutation observer'); rec.mutations++; })
  .observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });

// The page's own 10 ms interval: its rate shows whether the page kept its pace.
setInterval(() => { guard('interval'); rec.ticks.push(performance.now()); if (rec.ticks.length > 5000) rec.ticks.splice(0, 1000); }, 10);

window.__h = {
  status: () => ({ started: rec.started, fatal: rec.fatal, states: stateOf() }),
  state: (name) => stateOf()[name] ?? null,
  /** Everything recorded, as plain data. */
  snapshot: () => ({
    href: location.href, href0: rec.href, scroll: [scrollX, scrollY], hits: rec.hits, events: rec.events, input: rec.input,
    logs: rec.logs, errors: rec.errors, bus: rec.bus, unloads: rec.unloads, states: stateOf(),
    active: slotOf(document.activeElement), fallback: document.getElementById('hostile')?.textContent ?? null,
    hostileHost: !!document.querySelector('#hostile [data-tessera]'),
  }),
  /** The hostile slot's box. */
  box: () => rect(document.getElementById('hostile')),
  /** Points every 25 px over the viewport, outside the hostile slot's box, that hit the hostile slot. */
  probe() {
    const slot = document.getElementById('hostile');
    const b = slot.getBoundingClientRect();
    const bad = [];
    let probed = 0;
    for (let y = 0; y < innerHeight; y += 25) {
      for (let x = 0; x < innerWidth; x += 25) {
        if (x >= b.left - 1 && x <= b.right + 1 && y >= b.top - 1 && y <= b.bottom + 1) continue;
        probed++;
        const el = document.elementFromPoint(x, y);
        if (el && slot.contains(el)) bad.push([x, y]);
      }
    }
    return { probed, bad: bad.length, first: bad.slice(0, 5) };
  },
  /** Open popovers and modal dialogs, in the document and in the hostile root. */
  topLayer() {
    const count = (root) => {
      let n = 0;
      for (const sel of [':popover-open', ':modal']) {
        try { n += root.querySelectorAll(sel).length; } catch { /* selector unknown here */ }
      }
      return n;
    };
    const hostile = rootOf('hostile');
    return { document: count(document), hostile: hostile ? count(hostile) : null };
  },
  /** A neighbour's `+` button: centre, what the page hits there, and the counter's value. */
  counter(id) {
    const root = rootOf(id);
    if (!root) return null;
    const button = root.querySelector('button.inc');
    const output = root.querySelector('output');
    if (!button || !output) return { missing: true };
    const r = button.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    return { x, y, at: slotOf(document.elementFromPoint(x, y)), inner: root.elementFromPoint?.(x, y) === button,
      value: output.textContent };
  },
  value: (id) => rootOf(id)?.querySelector('output')?.textContent ?? null,
  /** The centre of the first element matching `selector` in the hostile root (else of the slot). */
  target(selector) {
    const el = rootOf('hostile')?.querySelector(selector) ?? document.getElementById('hostile');
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, found: el.id !== 'hostile' };
  },
  /** Interval ticks in the last `ms` milliseconds. */
  ticks(ms) {
    const since = performance.now() - ms;
    return rec.ticks.filter((t) => t >= since).length;
  },
  /** `performance.measureUserAgentSpecificMemory()` where the browser has it (needs cross-origin isolation). */
  async memory() {
    if (!performance.measureUserAgentSpecificMemory || !crossOriginIsolated) return { unavailable: true, isolated: crossOriginIsolated };
    try { return { bytes: (await performance.measureUserAgentSpecificMemory()).bytes }; } catch (e) { return { error: e.message }; }
  },
  memoryStart() { rec.memory = null; window.__h.memory().then((m) => { rec.memory = m; }); },
  memoryDone: () => rec.memory ?? null,
  probeDone: () => rec.probe,
};

function rect(el) {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

function stateOf() {
  try { return window.tessera ? window.tessera.states() : {}; } catch (e) { return { error: e.message }; }
}

const components = [
  { name: 'left', module: '/components/counter.wasm', slot: '#left', props: { start: 0 }, budget: { maxMemoryPages: 4 } },
  { name: 'right', module: '/components/counter.wasm', slot: '#right', props: { start: 0 }, budget: { maxMemoryPages: 4 } },
];
const fixture = q.get('fixture');
if (fixture) {
  const spec = JSON.parse(q.get('spec') || '{}');
  components.push({ name: 'hostile', module: `/fixtures/${fixture}.wasm`, slot: '#hostile', fallback: 'hostile fallback', ...spec,
    budget: { maxMemoryPages: 4, ...spec.budget } });
}

if (q.has('probe')) {
  rec.probe = await stackProbe(q.get('probe'));
} else {
  try {
    const loader = await import('/loader/tessera_loader.js');
    await loader.default();
    const tessera = loader.Tessera.fromObject({ manifestVersion: 1, components }, location.href, { timeoutMs: 10000 });
    window.tessera = tessera;
    tessera.subscribe('*', (topic) => { guard('bus subscriber'); rec.bus.push(topic); });
    rec.summary = await tessera.start();
  } catch (e) {
    rec.fatal = { code: e.code ?? e.name, message: String(e.message ?? e) };
  }
}
rec.started = true;

/**
 * Instantiates fixture `name` with the page's own imports (no loader) three ways — from bytes,
 * compileStreaming of the fetched response, and compileStreaming of a Response made from a stream
 * (as the loader compiles) — and records the stack its `log` import sees.
 */
async function stackProbe(name) {
  const out = [];
  const url = `/fixtures/${name}.wasm`;
  const ways = {
    bytes: async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()),
    streaming: async () => WebAssembly.compileStreaming(fetch(url)),
    stream: async () => {
      const r = await fetch(url);
      return WebAssembly.compileStreaming(new Response(r.body, { headers: { 'content-type': 'application/wasm' } }));
    },
  };
  // `deep`: the stack is taken 150 JavaScript frames below the import, as a page callback far down
  // the loader's own frames would see it.
  ways.deep = ways.stream;
  for (const [how, compile] of Object.entries(ways)) {
    let stack = null;
    const take = () => { stack = String(new Error().stack); };
    const down = (n) => (n ? down(n - 1) : take());
    const imports = { 'tessera/v1': {
      log: how === 'deep' ? () => down(150) : take,
      apply: () => 0,
    } };
    try {
      const instance = await WebAssembly.instantiate(await compile(), imports);
      instance.exports.tessera_mount(0, 0);
      out.push({ how, marker: !!stack?.includes(MARK), seen: stack ? suspect(stack) : null, frames: stack?.split('\n').length, stack: stack?.slice(-3000) });
    } catch (e) {
      out.push({ how, error: String(e) });
    }
  }
  return out;
}
