// Browser plumbing for the ABI host (src/host/, docs/abi.md): one guest's tables of nodes,
// listeners and timers, the calls into its exports, and its memory. Every check, limit and
// refusal is decided in Rust before these functions run; they take and return plain numbers and
// strings so that Rust makes no JavaScript objects of its own.

/**
 * A guest's tables under its shadow root. `dispatch(kind, a, b, c, d, text)` is the guest's
 * Rust dispatcher: imports, listeners (`EVENT`) and timers (`TIMER`) all call it. `nodes` maps
 * ids to nodes (`ids` back), `listeners` ids to the function that removes them, `timers` ids to
 * `[handle, repeat]`. Every `submit` in the root is prevented, whether or not the guest listens
 * for it.
 */
export function table(root, dispatch, EVENT, TIMER) {
  const t = { root, doc: root.ownerDocument, nodes: new Map(), ids: new WeakMap(), listeners: new Map(),
    timers: new Map(), dispatch, EVENT, TIMER, guard: (e) => e.preventDefault() };
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

/** What node `id` is: 0 none, 1 an element, 2 another node (text), 3 the root. */
export function kind(t, id) {
  const n = node(t, id);
  return !n ? 0 : !id ? 3 : n.nodeType == 1 ? 1 : 2;
}

/** How many nodes (the root not counted, `which` 0), listeners (1) or timers (2) are live. */
export const count = (t, which) => [t.nodes, t.listeners, t.timers][which].size;

/**
 * DOM edit `op` (the ABI's opcode; Rust checked it): on node `a`, with nodes `b` and `c`, text
 * `s` and `v`. Returns nothing, or the text of what the DOM threw (a node into its own subtree,
 * `before` not a child of `parent`): Rust reports it.
 */
export function edit(t, op, a, b, c, s, v) {
  try {
    const n = node(t, a);
    switch (op) {
      case 1:
      case 2: {
        const created = op == 1 ? t.doc.createElement(s) : t.doc.createTextNode(s);
        t.nodes.set(a, created);
        t.ids.set(created, a);
        break;
      }
      case 3:
        n.setAttribute(s, v);
        break;
      case 4:
        n.removeAttribute(s);
        break;
      case 5:
        n.textContent = s;
        break;
      case 6:
        n.appendChild(node(t, b));
        break;
      case 7:
        n.insertBefore(node(t, b), node(t, c));
        break;
      case 8: {
        // Detach node `a` and release the ids of its whole subtree.
        if (n.parentNode) n.parentNode.removeChild(n);
        const release = (n) => {
          const id = t.ids.get(n);
          if (id !== undefined) t.nodes.delete(id), t.ids.delete(n);
          n.childNodes.forEach(release);
        };
        release(n);
        break;
      }
      case 9: {
        // Listener `b` for event `s`: its events reach the dispatcher with their data.
        const f = (e) => t.dispatch(t.EVENT, b, 0, 0, 0, eventData(e));
        n.addEventListener(s, f);
        t.listeners.set(b, () => n.removeEventListener(s, f));
        break;
      }
      case 11:
        n.value = s;
        break;
      case 12:
        n.checked = !!b;
    }
  } catch (e) {
    return errorText(e);
  }
}

export const listening = (t, listener) => t.listeners.has(listener);

/** Removes listener `listener`; whether it existed. */
export function unlisten(t, listener) {
  const l = t.listeners.get(listener);
  if (l) l(), t.listeners.delete(listener);
  return !!l;
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

/** Starts timer `id`: after `ms` (every `ms` when `repeat`) it reaches the dispatcher. */
export function startTimer(t, id, ms, repeat) {
  const fire = () => t.dispatch(t.TIMER, id, 0, 0, 0);
  t.timers.set(id, [(repeat ? setInterval : setTimeout)(fire, ms), repeat]);
}

export const hasTimer = (t, id) => t.timers.has(id);

/** Timer `id` fired: whether it is live (a one-shot timer is then released). */
export function timerFired(t, id) {
  const timer = t.timers.get(id);
  if (timer && !timer[1]) t.timers.delete(id);
  return !!timer;
}

/** Stops timer `id`, if live. */
export function stopTimer(t, id) {
  const timer = t.timers.get(id);
  if (timer) clearTimeout(timer[0]), t.timers.delete(id);
}

/** Ends everything the guest left: listeners, timers, its DOM, the submit guard, its exports. */
export function clear(t) {
  t.listeners.forEach((off) => off());
  t.timers.forEach((timer) => clearTimeout(timer[0]));
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
export function bind(t, { exports }, names) {
  t.f = names.split(",").map((name) => exports[name]);
  t.memory = exports.memory;
  let found = t.memory instanceof WebAssembly.Memory ? 1 << t.f.length : 0;
  t.f.forEach((f, k) => typeof f == "function" && (found |= 1 << k));
  return found;
}

/** Calls bound export `k` with up to four `i32` arguments; what it returns, as a number. */
export const call = (t, k, a, b, c, d) => Number(t.f[k](a, b, c, d));

/** The bound memory's size in bytes. */
export const memorySize = (t) => t.memory.buffer.byteLength;

/** Copies `bytes` to `ptr` in the bound memory (Rust checked the range). */
export const memoryWrite = (t, ptr, bytes) => new Uint8Array(t.memory.buffer, ptr, bytes.length).set(bytes);

/** Copies `len` bytes at `ptr` of the bound memory into `out` (Rust checked the range). */
export const memoryRead = (t, ptr, out) => out.set(new Uint8Array(t.memory.buffer, ptr, out.length));

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

/** `console[method]("[name]", text)` for the guest's `log` (levels 0..3, else `log`). */
export function log(level, name, text) {
  console[["debug", "info", "warn", "error"][level] || "log"]("[" + name + "]", text);
}

export const now = () => performance.now();

/** Runs `f` in a microtask. */
export const microtask = (f) => queueMicrotask(f);

/** Calls a page subscriber with its own copy of the payload; a throw is logged, not raised. */
export function deliver(f, topic, payload) {
  try {
    f(topic, new Uint8Array(payload));
  } catch (e) {
    console.error("tessera: a bus subscriber threw", e);
  }
}

/** A thrown value's text: an `Error`'s message, a thrown string, or a fixed phrase. */
export const errorText = (e) => (e instanceof Error ? e.message : typeof e == "string" ? e : "non-error exception");
