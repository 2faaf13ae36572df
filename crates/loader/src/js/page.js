// Page plumbing for the pipeline: options, slots, events, performance marks, load-policy
// triggers, bindgen glue and error objects. What to show, when to mount, what to report and
// every message are decided in Rust (src/mount.rs, src/events.rs, src/policy.rs, ...).

const isObject = (v) => v !== null && typeof v == "object";

/** `String(v)`, or `"[object]"` when that throws: what the loader reads a page's argument as. */
export function string(v) {
  try {
    return String(v);
  } catch {
    return "[object]";
  }
}

/**
 * The loader's options with their defaults; a value of the wrong type, or one whose reading
 * throws (a getter, a proxy), means the default. One object per loader, which also keeps what
 * stops its load policies (`stops`).
 */
export function options(o) {
  const get = (k) => {
    try {
      return o[k];
    } catch {}
  };
  o = isObject(o) ? o : {};
  const n = (k, d, v = get(k)) => (typeof v == "number" && v >= 0 ? Math.trunc(Math.min(v, 4294967295)) : d);
  const f = (k, v = get(k)) => (typeof v == "function" ? v : null);
  const root = get("root");
  return {
    retries: n("retries", 2),
    retryDelayMs: n("retryDelayMs", 250),
    timeoutMs: n("timeoutMs", 30000),
    keepAlive: get("keepAlive") === true,
    worker: get("isolation") === "worker",
    maxCallMs: n("maxCallMs", undefined),
    root: isObject(root) ? root : document,
    fetch: f("fetch"),
    import: f("import"),
    // What stops the load policies' observers and listeners: see `stopPolicies`.
    stops: [],
  };
}

/** What the loader's promises reject with and its methods throw; exported by the package. */
export class TesseraError extends Error {
  constructor(message, code, component, state, cause) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "TesseraError";
    this.code = code;
    this.component = component ?? null;
    this.state = state ?? null;
  }
}

/** Whether `e` is a `TesseraError`; exported by the package. */
export const isTesseraError = (e) => e instanceof TesseraError;

/** A `TesseraError` (src/errors.rs and src/js/guard.js make them). */
export const tesseraError = (message, code, component, state, cause) =>
  new TesseraError(message, code, component, state, cause);

/** Runs `next(value, true)` or `next(error, false)` once `p` settles: src/promise.rs. */
export const after = (p, next) => p.then((v) => next(v, true), (e) => next(e, false));

/** A slot: `{ el, saved }` for the element matching `selector` under `o.root`, or null. */
export function findSlot(o, selector) {
  const el = o.root.querySelector(selector);
  return el && { el, saved: null, kept: null };
}

export const connected = (s) => s.el.isConnected;
export const markSlot = (s, state) => s.el.setAttribute("data-tessera-state", state);

/** A detached `<div data-tessera="name">` for the slot. */
export function hostFor(s, name) {
  const host = s.el.ownerDocument.createElement("div");
  host.setAttribute("data-tessera", name);
  return host;
}

/** Shows `nodes` in the slot instead of what it shows, keeping its own children the first time. */
export function show(s, ...nodes) {
  s.saved ||= [...s.el.childNodes];
  s.el.replaceChildren(...nodes);
}

/** Gives the slot its own children back (and forgets what `suspend` kept). */
export function restore(s) {
  if (s.saved) s.el.replaceChildren(...s.saved);
  s.saved = s.kept = null;
}

/** Keep-alive: what the slot shows goes out of the page, kept for `resume`; its children come back. */
export function suspend(s) {
  const kept = [...s.el.childNodes];
  restore(s);
  s.kept = kept;
}

/** Shows again what `suspend` kept. */
export function resume(s) {
  show(s, ...(s.kept || []));
  s.kept = null;
}

/** Shows a clone of the slot's `<template data-tessera-fallback>`, else `text`. */
export function fallback(s, text) {
  const template = [...(s.saved || s.el.childNodes)].find(
    (n) => n instanceof HTMLTemplateElement && n.hasAttribute("data-tessera-fallback"),
  );
  show(s, template ? template.content.cloneNode(true) : s.el.ownerDocument.createTextNode(text));
}

/**
 * Events wait here until the loader's call has returned (a microtask), so that no page listener
 * ever runs inside a transition or with guest code on the stack. Events that listeners cause
 * join the same flush, after the ones queued before them.
 */
const queue = [];

/** `tessera:<type>` with `detail`, bubbling and composed, on the slot or else on `document`. */
function emit(s, type, detail) {
  if (queue.push([s && s.el, type, detail]) == 1) queueMicrotask(flush);
}

function flush() {
  for (let i = 0; i < queue.length; i++) {
    const [el, type, detail] = queue[i];
    const target = el && el.isConnected ? el : document;
    target.dispatchEvent(new CustomEvent("tessera:" + type, { bubbles: true, composed: true, detail }));
  }
  queue.length = 0;
}

export function emitState(s, name, state, from, code, message) {
  emit(s, state, code ? { name, state, from, code, message } : { name, state, from });
}

export function emitProgress(s, name, loaded, total) {
  emit(s, "progress", total === undefined ? { name, loaded } : { name, loaded, total });
}

export const emitViolation = (s, name, detail, code) => emit(s, "violation", { name, detail, code });

/**
 * `performance.mark` / `performance.measure` of `tessera:<name>:<phase>`. The mark is cleared
 * once measured, so a long-lived page keeps one measure per phase and mount, not two entries.
 */
export function perf(name, phase, end) {
  const entry = "tessera:" + name + ":" + phase;
  try {
    end ? (performance.measure(entry, entry), performance.clearMarks(entry)) : performance.mark(entry);
  } catch {}
}

/** The nesting depth of JSON data (0 for a scalar, 1 for `[]` or `{}`); the text gate bounds it. */
export function depth(v) {
  let d = 0;
  if (v === null || typeof v !== "object") return d;
  for (const k in v) d = Math.max(d, depth(v[k]));
  return d + 1;
}

/** `stats()`'s object. */
export const stats = (instances, nodes, listeners, timers, subscriptions) =>
  ({ instances, nodes, listeners, timers, subscriptions });

/** `start()`'s summary, empty; `tally` fills it. */
export const summary = () => ({ mounted: [], failed: [], waiting: [] });

/** Adds `name` to `s[list]`; with a `code` (not empty), as `{ name, code, message }`. */
export function tally(s, list, name, code, message) {
  s[list].push(code ? { name, code, message } : name);
}

/** Calls `f` when the browser is idle (at most 2 s later), or soon where it cannot tell. */
export function whenIdle(f) {
  if (typeof requestIdleCallback == "function") requestIdleCallback(() => f(), { timeout: 2000 });
  else setTimeout(() => f(), 1);
}

/** Calls `f` once the slot first intersects the viewport; `stopPolicies(o)` stops watching. */
export function whenVisible(o, s, f) {
  try {
    const seen = new IntersectionObserver((entries, observer) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        f();
      }
    });
    seen.observe(s.el);
    o.stops.push(() => seen.disconnect());
  } catch {
    f();
  }
}

const ROUTE_EVENTS = ["popstate", "hashchange", "tessera:navigate"];

/** Calls `f` after every navigation; `stopPolicies(o)` stops listening. */
export function onNavigate(o, f) {
  const heard = () => f();
  for (const type of ROUTE_EVENTS) addEventListener(type, heard);
  o.stops.push(() => ROUTE_EVENTS.forEach((type) => removeEventListener(type, heard)));
}

/** Stops what `whenVisible` and `onNavigate` started for the loader with options `o`. */
export function stopPolicies(o) {
  for (const stop of o.stops.splice(0)) stop();
}

/** `history.pushState` to `path`, then `tessera:navigate` on `window`. */
export function navigate(path) {
  history.pushState(null, "", path);
  dispatchEvent(new Event("tessera:navigate"));
}

export const pathname = () => location.pathname;
export const baseUri = () => document.baseURI;

/** The bindgen glue's module namespace: `o.import(url)`, else `import(url)`. */
export const importGlue = async (o, url) => (o.import ? (0, o.import)(url) : import(url));

/** `f.call(self, a, b)`, awaited when it returns a promise; a throw rejects. */
export const invoke = async (f, self, a, b) => f.call(self, a, b);

/** A page payload as bytes: UTF-8 of a string, a `Uint8Array` as is, else JSON text. */
export function payloadBytes(p) {
  if (p instanceof Uint8Array) return p;
  let text = p;
  if (typeof p != "string") {
    try {
      text = JSON.stringify(p) ?? "";
    } catch {
      text = "";
    }
  }
  return new TextEncoder().encode(text);
}

/** The origin of absolute URL `url`, as `URL.origin` writes it. */
export const originOf = (url) => new URL(url).origin;

/** `reference` resolved against `base` by the browser's URL parser; throws when it cannot. */
export const resolveUrl = (reference, base) => new URL(reference, base).href;
