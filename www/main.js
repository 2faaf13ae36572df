// The demo host page: load the manifest, mount its components, and show what the loader does.
// Beside the components, a live panel shows each one's state, its bytes against its budget and
// the timings of its phases, with buttons that drive its lifecycle.
import init, { Tessera, version } from './loader/tessera_loader.js';

const status = document.getElementById('loader-status');
const log = document.getElementById('events');
const panel = document.getElementById('panel');
const rowTemplate = document.getElementById('panel-row');

/** The component's tile in the mosaic. */
function tile(name) {
  return document.querySelector(`.tile[data-component="${name}"]`);
}

let scrolling = 0; // the frame that scrolls the log to its newest line, when one is asked for

/** Appends a line, stamped with the page's clock, to the lifecycle log. */
function note(text) {
  const li = document.createElement('li');
  li.textContent = `${(performance.now() / 1000).toFixed(3)} s  ${text}`;
  log.append(li);
  // Scroll once per frame: reading scrollHeight at every event would force a layout each time.
  scrolling ||= requestAnimationFrame(() => { scrolling = 0; log.scrollTop = log.scrollHeight; });
}

const bytes = (n) => `${n.toLocaleString('en-US')} B`;

/** Sets a <data> element's machine-readable value and its text. */
function put(el, value, text) {
  el.value = value;
  el.textContent = text;
}

// ---- The panel: one row per component, rendered from what the panel has heard of it. ----

const PHASES = ['fetch', 'compile', 'instantiate', 'mount'];

/** Which buttons apply in which state (the lifecycle table in crates/loader/src/lifecycle.rs). */
const APPLIES = {
  unmount: (state) => state === 'mounted' || state === 'suspended',
  suspend: (state) => state === 'mounted',
  resume: (state) => state === 'suspended',
  remount: (state) => state === 'mounted' || state === 'compiled' || state === 'suspended',
  reload: () => true, // the way out of every state, `error` included
  unload: (state) => state !== 'not-loaded',
};

/** Every panel row by component name: its loader, budget, module URL and this load's numbers. */
const rows = new Map();

/**
 * Adds a panel row for each component of `manifest`, driven by `loader`. Module URLs resolve
 * against `base`, as the loader resolves them, to find their Resource Timing entries.
 */
function addRows(loader, manifest, base) {
  for (const c of manifest.components) {
    const el = rowTemplate.content.firstElementChild.cloneNode(true);
    const row = { name: c.name, loader, url: new URL(c.module, base).href, el, error: '' };
    forget(row);
    el.dataset.name = c.name;
    el.querySelector('.name').textContent = c.name;
    el.querySelector('.policy').textContent = `load: ${c.load ?? 'eager'}${c.isolation ? ` · isolation: ${c.isolation}` : ''}`;
    const { maxBytes, maxGzipBytes, maxMemoryPages } = c.budget ?? {};
    if (maxBytes !== undefined) put(el.querySelector('.max-bytes'), maxBytes, bytes(maxBytes));
    if (maxGzipBytes !== undefined) put(el.querySelector('.max-gzip'), maxGzipBytes, bytes(maxGzipBytes));
    if (maxMemoryPages !== undefined) {
      put(el.querySelector('.max-pages'), maxMemoryPages, `${maxMemoryPages} pages (${maxMemoryPages * 64} KiB)`);
    }
    row.maxBytes = maxBytes;
    for (const button of el.querySelectorAll('button[data-action]')) {
      button.addEventListener('click', () => act(row, button.dataset.action));
    }
    rows.set(c.name, row);
    panel.append(el);
    render(row);
  }
}

/**
 * Drops what the row measured of its last load: a new load (or none) begins. Entries already in
 * the Performance Timeline are stale: this runs on a lifecycle event, dispatched in a microtask
 * after the call that started the load, before any entry of the new load can be queued. The one
 * exception is the module's response before the first load (`row.loads` counts them): the page's
 * preload hint (index.html) fetched it before any load began, and the first load takes it.
 */
function forget(row) {
  const names = PHASES.map((phase) => `tessera:${row.name}:${phase}`);
  const responses = performance.getEntriesByName(row.url, 'resource');
  const stale = [...(row.loads ? responses : []), ...names.flatMap((name) => performance.getEntriesByName(name, 'measure'))];
  const preloaded = row.loads ? null : responses.at(-1) ?? null;
  Object.assign(row, { stale: new Set(stale), loaded: 0, total: undefined, resource: preloaded, phases: {} });
}

/**
 * Calls the loader's `action` (unmount, suspend, resume, remount, reload or unload) for the row's component. A
 * rejection or a throw goes to the lifecycle log, not to the console: the page keeps working.
 */
async function act(row, action) {
  try {
    await row.loader[action](row.name);
  } catch (error) {
    note(`${row.name}: ${action}() failed: ${error.code ?? 'error'}: ${error.message ?? error}`);
  }
}

/** Shows the row's state, bytes, timings, error and which of its buttons apply. */
function render(row) {
  const { el, resource: r } = row;
  const state = row.loader.state(row.name);
  el.dataset.state = state;
  el.querySelector('.state').textContent = state;
  for (const button of el.querySelectorAll('button[data-action]')) {
    button.disabled = !APPLIES[button.dataset.action](state);
  }

  // Raw: what the byte gate let through, live while the body streams.
  const raw = row.loaded;
  const meter = el.querySelector('.raw-meter');
  meter.max = row.maxBytes ?? row.total ?? Math.max(raw, 1);
  meter.high = meter.max * 0.9;
  meter.value = raw;
  const streaming = state === 'loading' && row.total ? ` (of ${bytes(row.total)} announced)` : '';
  if (raw || r || state === 'error') put(el.querySelector('.raw'), raw, bytes(raw) + streaming);
  else put(el.querySelector('.raw'), '', '—');

  // Wire: the body as transferred, and the response headers on top of it.
  const wireNote = el.querySelector('.wire-note');
  if (r) {
    put(el.querySelector('.wire'), r.encodedBodySize, bytes(r.encodedBodySize));
    const headers = r.transferSize > r.encodedBodySize ? `+ ${bytes(r.transferSize - r.encodedBodySize)} headers` : '';
    const plain = r.encodedBodySize === r.decodedBodySize ? 'uncompressed' : `compressed from ${bytes(r.decodedBodySize)}`;
    // A refused download: on localhost the body has arrived before the loader aborts the fetch.
    const unread = state === 'error' && row.loaded < r.decodedBodySize ? 'received before the abort' : '';
    wireNote.textContent = [headers, plain, unread].filter(Boolean).join(', ');
  } else {
    put(el.querySelector('.wire'), '', '—');
    wireNote.textContent = '';
  }

  for (const phase of PHASES) {
    const ms = row.phases[phase];
    const cell = el.querySelector(`data[data-phase="${phase}"]`);
    if (ms === undefined) put(cell, '', '—');
    else put(cell, ms.toFixed(1), `${ms.toFixed(1)} ms`);
  }

  const error = el.querySelector('.row-error');
  error.hidden = state !== 'error' || !row.error;
  error.textContent = row.error;
}

/** The main loader's holdings (`stats()`), for a glance at leaks while unmounting and remounting. */
function renderStats(loader) {
  const held = Object.entries(loader.stats()).map(([what, n]) => `${what} ${n}`).join(' · ');
  document.getElementById('loader-stats').textContent = `stats(): ${held}`;
}

// Phase timings and over-the-wire sizes come from the Performance Timeline; entries of an
// earlier load do not count (a reload starts afresh; a remount's instantiate and mount measures
// replace the last ones).
const timeline = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.entryType === 'measure') {
      const [, name, phase] = /^tessera:(.+):(\w+)$/.exec(entry.name) ?? [];
      const row = rows.get(name);
      if (row && PHASES.includes(phase) && !row.stale.has(entry)) {
        row.phases[phase] = entry.duration;
        render(row);
      }
    } else {
      for (const row of rows.values()) {
        if (row.url === entry.name && !row.stale.has(entry)) {
          row.resource = entry;
          render(row);
        }
      }
    }
  }
});
timeline.observe({ type: 'measure', buffered: true });
timeline.observe({ type: 'resource', buffered: true });

// ---- Events: every lifecycle transition is a DOM CustomEvent; one listener on document sees them all. ----

let main; // the tessera.json loader, once made
const STATES = ['not-loaded', 'loading', 'compiled', 'mounting', 'mounted', 'suspended', 'unmounting', 'error'];
for (const state of STATES) {
  document.addEventListener(`tessera:${state}`, (event) => {
    const { name, code, message } = event.detail;
    const t = tile(name);
    if (t) {
      t.dataset.state = state;
      // An error names its code in the tile: `error: unresponsive`, `error: over-budget`.
      t.querySelector('.state').textContent = state === 'error' ? `error: ${code}` : state;
      if (state === 'loading') t.querySelector('progress').value = 0;
    }
    const row = rows.get(name);
    if (row) {
      if (state === 'loading' || state === 'not-loaded') forget(row);
      if (state === 'loading') row.loads = (row.loads ?? 0) + 1;
      if (state === 'error') row.error = `${code}: ${message}`;
      render(row);
    }
    if (main) renderStats(main);
    note(state === 'error' ? `${name}: error ${code}: ${message}` : `${name}: ${state}`);
  });
}
document.addEventListener('tessera:progress', (event) => {
  const { name, loaded, total } = event.detail;
  const bar = tile(name)?.querySelector('progress');
  if (bar && total) { bar.max = total; bar.value = loaded; }
  else bar?.removeAttribute('value'); // no Content-Length: an indeterminate bar
  const row = rows.get(name);
  if (row) {
    row.loaded = loaded;
    row.total = total;
    render(row);
  }
});
document.addEventListener('tessera:violation', (event) => {
  const { name, detail, code } = event.detail;
  note(`${name}: violation ${code}: ${detail}`);
});

// ---- Start: two loaders, their panel rows, then every load policy. ----

// A second, independent loader whose only component is over its byte budget on purpose: the
// gate stops the download, the tile shows the fallback from its <template data-tessera-fallback>,
// and nothing else on the page notices. Its module URL has a query of its own, so that its
// Resource Timing entries are not taken for the todo list's.
const BROKEN = {
  manifestVersion: 1,
  components: [{ name: 'oversized', module: 'components/todo.wasm?oversized', slot: '#oversized', budget: { maxBytes: 4096 } }],
};

try {
  const started = performance.now();
  const manifestUrl = new URL('tessera.json', location.href);
  // One request for the manifest, which the page's preload hint has already started (see
  // index.html): the panel reads the budgets from it, and the loader validates it.
  const [manifest] = await Promise.all([fetch(manifestUrl).then((r) => r.json()), init()]);
  // `?isolation=worker` runs every component whose entry names no isolation in a worker of its
  // own (the loader's `isolation` option): the end-to-end tests run the demo both ways.
  const isolation = new URLSearchParams(location.search).get('isolation');
  const tessera = Tessera.fromObject(manifest, manifestUrl.href, isolation ? { isolation } : {});
  const broken = await Tessera.fromObject(BROKEN, location.href);
  main = tessera;
  addRows(tessera, manifest, manifestUrl);
  addRows(broken, BROKEN, location.href);
  // The ABI's clock is the page's performance.now(); the clock component takes wall time from props.
  await tessera.setProps('clock', { epochMs: Date.now(), utcOffsetMinutes: -new Date().getTimezoneOffset() });
  await Promise.all([tessera.start(), broken.start()]);
  status.textContent = `loader ${version()} ready in ${(performance.now() - started).toFixed(1)} ms`;
  window.tessera = tessera; // for the console: tessera.unmount('counter'), tessera.states() ...
} catch (error) {
  status.textContent = `the loader failed: ${error.message ?? error}`;
  console.error(error);
}
