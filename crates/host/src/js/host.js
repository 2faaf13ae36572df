// Browser plumbing for the ABI host (src/host/, docs/abi.md): one guest's tables of nodes,
// listeners and timers, the calls into its exports, and its memory. Every check, limit and
// refusal is decided in Rust before these functions run; they take and return plain numbers and
// strings so that Rust makes no JavaScript objects of its own.

// The browser functions the host calls, taken when this module loads: a page that replaces
// `setTimeout` or `console.log` later never has its code run from inside the host.
const [setTimer, clearTimer, repeatTimer, microtask, perf, con] = [setTimeout, clearTimeout, setInterval,
  queueMicrotask, performance, console];
const now_ = perf.now.bind(perf);
const logs = ["debug", "info", "warn", "error", "log"].map((level) => con[level].bind(con));

// The ABI's opcodes (tessera_abi::op; a test in crates/host/tests/js_constants.rs ties them).
const CREATE_ELEMENT = 1, CREATE_TEXT = 2, SET_ATTR = 3, REMOVE_ATTR = 4, SET_TEXT = 5, APPEND = 6;
const INSERT_BEFORE = 7, REMOVE = 8, LISTEN = 9, UNLISTEN = 10, SET_VALUE = 11, SET_CHECKED = 12;
// What else a call queues besides edits: a timer to arm, a line for the console.
const START_TIMER = 0, LOG = -1;

/**
 * The containment around a component (docs/security.md): the frame is the shadow host's parent,
 * an element the component cannot select or style (`:host` rules, `!important` ones too, reach
 * only the host). Paint and layout containment make the frame the containing block of every
 * `position: fixed` or `absolute` descendant and clip everything painted, so nothing the
 * component renders shows or takes a pointer event outside the frame's box; `height: 100%` makes
 * that box the slot's own when the slot has a height.
 */
const FRAME = "display:block;height:100%;contain:layout paint style;overflow:clip;position:relative;isolation:isolate";

/** Wraps `host` in a containment frame (its new parent) and attaches its closed shadow root. */
export function sandbox(host) {
  const frame = host.ownerDocument.createElement("div");
  frame.setAttribute("data-tessera-frame", "");
  frame.style.cssText = FRAME;
  frame.append(host);
  return host.attachShadow({ mode: "closed" });
}

/**
 * A guest's tables under its shadow root. `dispatch(kind, a, b, c, d, text)` is the guest's
 * Rust dispatcher: imports, listeners (`EVENT`) and timers (`TIMER`) all call it. `nodes` maps
 * ids to nodes (`ids` back), `listeners` ids to the function that removes them, `timers` ids to
 * `[handle, repeat, ms]`. `q` holds the edits, timer starts and log lines of the running call,
 * flat: nothing touches the page until `flush` runs them after the guest's call returned. Every
 * `submit` in the root is prevented, whether or not the guest listens for it. `nonce` is the
 * page's CSP nonce for `<style>` elements (docs/using-tessera.md, "Content Security Policy").
 */
export function table(root, dispatch, EVENT, TIMER) {
  const doc = root.ownerDocument;
  const t = { root, doc, nodes: new Map(), ids: new WeakMap(), listeners: new Map(),
    timers: new Map(), q: [], flushing: false, dispatch, EVENT, TIMER, guard: (e) => e.preventDefault(),
    nonce: doc.querySelector('meta[property="csp-nonce"]')?.nonce };
  root.addEventListener("submit", t.guard);
  return t;
}

/** The import object `{ [module]: { [names[k]]: (a, b, c, d) => dispatch(k, a, b, c, d) } }`. */
export function imports(t, module, names) {
  const f = {};
  names.split(",").forEach((name, k) => (f[name] = (a, b, c, d) => t.dispatch(k, a, b, c, d)));
  return { [module]: f };
}

const node = (t, id) => (id ? t.nodes.get(id) : t.root);

/** How many timers are live. */
export const timerCount = (t) => t.timers.size;

/**
 * Queues DOM edit `op` (the ABI's opcode; Rust checked it against its model of the tree): on
 * node `a`, with nodes `b` and `c`, text `s` and `v`. `flush` applies it.
 */
export const edit = (t, op, a, b, c, s, v) => t.q.push(op, a, b, c, s, v);

/**
 * Applies what the guest's call queued, in order, now that no guest code is on the stack:
 * DOM edits, then timer starts, then log lines. Events that the edits themselves cause (a
 * `blur` when a focused input is removed) do not reach the guest. Returns the text of the
 * first edit the DOM threw on (Rust's model should make that impossible), or nothing.
 */
export function flush(t) {
  const q = t.q;
  let failed;
  t.q = [];
  t.flushing = true;
  try {
    for (let i = 0; i < q.length; i += 6) {
      try {
        apply(t, q[i], q[i + 1], q[i + 2], q[i + 3], q[i + 4], q[i + 5]);
      } catch (e) {
        failed ??= errorText(e);
      }
    }
  } finally {
    t.flushing = false;
  }
  return failed;
}

function apply(t, op, a, b, c, s, v) {
  const n = node(t, a);
  switch (op) {
    case CREATE_ELEMENT:
    case CREATE_TEXT: {
      const created = op == CREATE_ELEMENT ? t.doc.createElement(s) : t.doc.createTextNode(s);
      // A page whose CSP allows styles by nonce names it in <meta property="csp-nonce">.
      if (op == CREATE_ELEMENT && s == "style" && t.nonce) created.nonce = t.nonce;
      t.nodes.set(a, created);
      t.ids.set(created, a);
      break;
    }
    case SET_ATTR:
      n.setAttribute(s, v);
      break;
    case REMOVE_ATTR:
      n.removeAttribute(s);
      break;
    case SET_TEXT:
      // An element's children go with their ids, as with REMOVE.
      if (n.nodeType != 3) n.childNodes.forEach((k) => release(t, k));
      n.textContent = s;
      break;
    case APPEND:
      n.appendChild(node(t, b));
      break;
    case INSERT_BEFORE:
      n.insertBefore(node(t, b), node(t, c));
      break;
    case REMOVE:
      n.remove();
      release(t, n);
      break;
    case LISTEN: {
      // Listener `b` for event `s`: its events reach the dispatcher with their data. A guest in
      // a worker sees an `input` or `change` later: until it has, the element keeps what the
      // user did since (remote.js counts them in `typing`).
      const f = (e) => {
        if (t.flushing) return;
        const r = t.remote, posted = r?.sent.length;
        t.dispatch(t.EVENT, b, 0, 0, 0, eventData(e));
        if (r?.sent.length > posted && (e.type == "input" || e.type == "change")) {
          r.sent.at(-1).typed = e.target;
          r.typing.set(e.target, (r.typing.get(e.target) || 0) + 1);
        }
      };
      n.addEventListener(s, f);
      t.listeners.set(b, () => n.removeEventListener(s, f));
      break;
    }
    case UNLISTEN:
      t.listeners.get(a)?.();
      t.listeners.delete(a);
      break;
    // Not while an `input` or `change` of the element waits for the worker: the user's value is
    // newer than the one the guest set, and the guest sees it next.
    case SET_VALUE:
      if (!t.remote?.typing.get(n)) n.value = s;
      break;
    case SET_CHECKED:
      if (!t.remote?.typing.get(n)) n.checked = !!b;
      break;
    case START_TIMER: {
      // A timer start (`startTimer`): armed unless it was stopped in the same call.
      const timer = t.timers.get(a);
      const fire = () => t.dispatch(t.TIMER, a, 0, 0, 0);
      if (timer && !timer[0]) timer[0] = (timer[1] ? repeatTimer : setTimer)(fire, timer[2]);
      break;
    }
    case LOG:
      (logs[a] || logs[4])("[" + s + "]", v);
  }
}

/**
 * Releases the ids of node `n`'s subtree, through a TreeWalker: no recursion (the tree may be
 * deep), and no stack of copied `childNodes` (which made clearing 1,000 rows 3 times as slow).
 */
function release(t, n) {
  const walker = n.ownerDocument.createTreeWalker(n);
  for (let m = n; m; m = walker.nextNode()) {
    const id = t.ids.get(m);
    if (id !== undefined) t.nodes.delete(id), t.ids.delete(m);
  }
}

/**
 * The text an event carries to `tessera_event` (docs/abi.md, "Event data"): the target's
 * `value` (`"true"`/`"false"` for checkboxes and radios) for `input` and `change`, `key` for
 * `keydown` and `keyup`, empty for everything else.
 */
function eventData(e) {
  const target = e.target || {};
  switch (e.type) {
    case "input":
    case "change":
      return target.type == "checkbox" || target.type == "radio" ? String(!!target.checked) : String(target.value ?? "");
    case "keydown":
    case "keyup":
      return String(e.key ?? "");
  }
  return "";
}

/** Records timer `id` (after `ms`, every `ms` when `repeat`); `flush` arms it. */
export function startTimer(t, id, ms, repeat) {
  t.timers.set(id, [0, repeat, ms]);
  t.q.push(START_TIMER, id, 0, 0, "", "");
}

export const hasTimer = (t, id) => t.timers.has(id);

/** Timer `id` fired: whether it is live (a one-shot timer is then released). */
export function timerFired(t, id) {
  const timer = t.timers.get(id);
  if (timer && !timer[1]) t.timers.delete(id);
  return !!timer;
}

/** Fires one-shot timer `id` again after `ms` (a repeating one simply keeps its period). */
export function postpone(t, id, ms) {
  const timer = t.timers.get(id);
  if (timer && !timer[1]) timer[0] = setTimer(() => t.dispatch(t.TIMER, id, 0, 0, 0), ms);
}

/** Stops timer `id`, if live. */
export function stopTimer(t, id) {
  const timer = t.timers.get(id);
  if (timer) clearTimer(timer[0]), t.timers.delete(id);
}

/** Queues `console[debug|info|warn|error|log]("[name]", text)` for the guest's `log` (levels 0..3, else `log`). */
export const log = (t, level, name, text) => t.q.push(LOG, level, 0, 0, name, text);

/** Ends everything the guest left: queued work, listeners, timers, its DOM, the submit guard, its exports. */
export function clear(t) {
  t.q = [];
  t.listeners.forEach((off) => off());
  t.timers.forEach((timer) => clearTimer(timer[0]));
  t.listeners.clear();
  t.timers.clear();
  t.nodes.clear();
  t.ids = new WeakMap();
  t.root.textContent = "";
  t.root.removeEventListener("submit", t.guard);
  t.f = t.memory = undefined;
}

/**
 * Binds a fresh instance's exports: `t.f[k]` is the export named `names[k]` (comma-separated),
 * `t.memory` the export `memory`. Bit `k` of the result: `t.f[k]` is a function; bit
 * `names.length`: `t.memory` is a `WebAssembly.Memory`. Rust decides what is missing.
 */
export function bind(t, instance, names) {
  // A guest in a worker (remote.js): the worker bound them, and its start's answer says which.
  if (t.remote) return instance.found;
  const exports = instance.exports;
  t.f = names.split(",").map((name) => exports[name]);
  t.memory = exports.memory;
  let found = t.memory instanceof WebAssembly.Memory ? 1 << t.f.length : 0;
  t.f.forEach((f, k) => typeof f == "function" && (found |= 1 << k));
  return found;
}

/** Calls bound export `k` with up to four `i32` arguments; what it returns, as a number. */
export const call = (t, k, a, b, c, d) => Number(t.f[k](a, b, c, d));

/**
 * The bound memory's size in bytes. For a guest in a worker, the size its memory had when the
 * import being replayed was called (remote.js), or after its last call.
 */
export const memorySize = (t) => (t.remote ? t.remote.size : t.memory.buffer.byteLength);

/** Copies `bytes` to `ptr` in the bound memory (Rust checked the range). */
export const memoryWrite = (t, ptr, bytes) => new Uint8Array(t.memory.buffer, ptr, bytes.length).set(bytes);

/**
 * Copies `len` bytes at `ptr` of the bound memory into `out` (Rust checked the range). For a
 * guest in a worker, from the copy the worker made of that range for the import being replayed:
 * the worker copies every range that lies inside memory, measured as Rust measures it.
 */
export function memoryRead(t, ptr, out) {
  if (!t.remote) return out.set(new Uint8Array(t.memory.buffer, ptr, out.length));
  const s = t.remote.segments;
  for (let i = 0; i < s.length; i += 2) if (s[i] == ptr && s[i + 1].length == out.length) return out.set(s[i + 1]);
}

/**
 * `WebAssembly.Module.imports` and `.exports` of `module`, read once per module: the check asks
 * for one field at a time, and each of those calls would otherwise build every descriptor again.
 */
const descriptors = new WeakMap();
function described(module) {
  let d = descriptors.get(module);
  if (!d) descriptors.set(module, (d = [WebAssembly.Module.imports(module), WebAssembly.Module.exports(module)]));
  return d;
}

/** Field `key` (a string, as every descriptor field is) of import `i` of `module`; nothing past the last. */
export const importField = (module, i, key) => described(module)[0][i]?.[key];

/** The `kind` of `module`'s export named `name`, if any. */
export const exportKind = (module, name) => described(module)[1].find((e) => e.name == name)?.kind;

export const now = () => now_();

/** Runs `f` in a microtask, or in a task of its own when `task` (a flush that would chain forever). */
export const later = (f, task) => (task ? setTimer(f, 0) : microtask(f));

/** Calls a page subscriber with its own copy of the payload; a throw is logged, not raised. */
export function deliver(f, topic, payload) {
  try {
    f(topic, new Uint8Array(payload));
  } catch (e) {
    logs[3]("tessera: a bus subscriber threw", e);
  }
}

/**
 * The origin of `url` as the browser resolves it against the root's document (the network
 * policy's one URL parser: no other parser can disagree with it), or "" when it is not an
 * `http:`/`https:` URL or does not parse.
 */
export function origin(t, url) {
  try {
    const u = new URL(url, t.doc.baseURI);
    return u.protocol == "http:" || u.protocol == "https:" ? u.origin : "";
  } catch {
    return "";
  }
}

/** A thrown value's text: an `Error`'s message, a thrown string, or a fixed phrase. */
export const errorText = (e) => (e instanceof Error ? e.message : typeof e == "string" ? e : "non-error exception");
