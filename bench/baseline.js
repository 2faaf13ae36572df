// The hand-written floor for `npm run bench`: the same job as the Tessera loader once the page has
// the manifest — for each component `fetch` + `WebAssembly.instantiateStreaming` with `tessera/v1`
// imports bound to its own shadow root, then `tessera_mount` — written directly in JavaScript, with
// no byte gate, no validation, no lifecycle, no refusal rules. It shows what the loader's safety costs.
// With `{ worker: true }` it is the floor of worker isolation (mount only): the page compiles each
// module and posts it to a plain worker of its own, which instantiates it, records what `apply` is
// given, calls `tessera_mount` and posts the batches back for the page to apply.
const dec = new TextDecoder();

function host(root) {
  const nodes = new Map([[0, root]]);
  const listeners = new Map();
  let mem, exp;
  const view = () => new DataView(mem.buffer);
  const str = (p, n) => dec.decode(new Uint8Array(mem.buffer, p, n));
  const give = (text) => {
    const bytes = new TextEncoder().encode(text);
    const p = exp.tessera_alloc(bytes.length);
    new Uint8Array(mem.buffer, p, bytes.length).set(bytes);
    return [p, bytes.length];
  };
  function apply(ptr, len) {
    const v = view();
    let i = ptr;
    const end = ptr + len;
    const u32 = () => { const x = v.getUint32(i, true); i += 4; return x; };
    const s = () => { const n = u32(); const t = str(i, n); i += n; return t; };
    while (i < end) {
      const op = v.getUint8(i++);
      if (op === 1) { const id = u32(); nodes.set(id, document.createElement(s())); }
      else if (op === 2) { const id = u32(); nodes.set(id, document.createTextNode(s())); }
      else if (op === 3) { const n = nodes.get(u32()); const k = s(); n.setAttribute(k, s()); }
      else if (op === 4) { nodes.get(u32()).removeAttribute(s()); }
      else if (op === 5) { nodes.get(u32()).textContent = s(); }
      else if (op === 6) { const p = nodes.get(u32()); p.appendChild(nodes.get(u32())); }
      else if (op === 7) { const p = nodes.get(u32()); const c = nodes.get(u32()); p.insertBefore(c, nodes.get(u32())); }
      else if (op === 8) { const id = u32(); nodes.get(id).remove(); nodes.delete(id); }
      else if (op === 9) {
        const n = nodes.get(u32()); const l = u32(); const type = s();
        const f = (e) => {
          if (type === 'submit') e.preventDefault();
          const data = type.startsWith('key') ? e.key : (type === 'input' || type === 'change') ? e.target.value : '';
          const [p, k] = give(data);
          exp.tessera_event(l, p, k);
        };
        n.addEventListener(type, f); listeners.set(l, [n, type, f]);
      } else if (op === 10) { const [n, t, f] = listeners.get(u32()); n.removeEventListener(t, f); }
      else if (op === 11) { nodes.get(u32()).value = s(); }
      else if (op === 12) { nodes.get(u32()).checked = u32() !== 0; }
      else return -2;
    }
    return 0;
  }
  const timers = new Map();
  let next = 1;
  const self = {
    patterns: [],
    deliver(topic, payload) {
      const [tp, tn] = give(topic);
      const p = exp.tessera_alloc(payload.length);
      new Uint8Array(mem.buffer, p, payload.length).set(payload);
      exp.tessera_message(tp, tn, p, payload.length);
    },
  };
  const matches = (pat, t) => (pat.endsWith('*') ? t.startsWith(pat.slice(0, -1)) : pat === t);
  const imports = {
    'tessera/v1': {
      apply,
      publish(tp, tn, pp, pn) {
        const topic = str(tp, tn);
        const payload = new Uint8Array(mem.buffer, pp, pn).slice();
        for (const h of hosts) {
          if (h.patterns.some((pat) => matches(pat, topic))) queueMicrotask(() => h.deliver(topic, payload));
        }
        return 0;
      },
      subscribe(tp, tn) { self.patterns.push(str(tp, tn)); return 0; },
      now: () => performance.now(),
      set_timer(ms, repeat) {
        const t = next++;
        const fire = () => exp.tessera_timer(t);
        timers.set(t, repeat ? setInterval(fire, ms) : setTimeout(fire, ms));
        return t;
      },
      clear_timer(t) { clearTimeout(timers.get(t)); clearInterval(timers.get(t)); timers.delete(t); },
      log: () => {}, fail: () => {},
    },
  };
  hosts.push(self);
  return { imports, bind(instance) { exp = instance.exports; mem = exp.memory; }, give };
}
const hosts = [];

// The worker of `{ worker: true }`: its imports record `apply` batches and do nothing else.
const WORKER = `onmessage = async ({ data: { module, props } }) => {
  let mem; const batches = []; const none = () => 0;
  const v1 = { apply: (p, n) => { batches.push(new Uint8Array(mem.buffer, p, n).slice()); return 0; },
    publish: none, subscribe: none, set_timer: none, clear_timer: none, now: () => performance.now(), log: none, fail: none };
  const { exports } = await WebAssembly.instantiate(module, { 'tessera/v1': v1 });
  mem = exports.memory;
  const bytes = new TextEncoder().encode(props), p = exports.tessera_alloc(bytes.length);
  new Uint8Array(mem.buffer, p, bytes.length).set(bytes);
  exports.tessera_mount(p, bytes.length);
  postMessage(batches);
};`;
let workerUrl;

/** `{ worker: true }`: compiles `c` on the page, mounts it in a plain worker and applies its batches. */
async function inWorker(c, base, h) {
  const module = await WebAssembly.compileStreaming(fetch(new URL(c.module, base)));
  workerUrl ??= URL.createObjectURL(new Blob([WORKER], { type: 'text/javascript' }));
  const w = new Worker(workerUrl);
  const batches = await new Promise((ok, no) => { w.onmessage = (e) => ok(e.data); w.onerror = no; w.postMessage({ module, props: JSON.stringify(c.props ?? {}) }); });
  for (const b of batches) { h.bind({ exports: { memory: { buffer: b.buffer } } }); h.imports['tessera/v1'].apply(0, b.length); }
}

/** Mounts every component of `manifest` (its URLs relative to `base`) with no checks; resolves when all are mounted. */
export async function loadBaseline(manifest, base, { worker = false } = {}) {
  await Promise.all(manifest.components.map(async (c) => {
    const slot = document.querySelector(c.slot);
    const root = slot.attachShadow({ mode: 'open' });
    const h = host(root);
    if (worker) { await inWorker(c, base, h); return; }
    const { instance } = await WebAssembly.instantiateStreaming(fetch(new URL(c.module, base)), h.imports);
    h.bind(instance);
    const [p, n] = h.give(JSON.stringify(c.props ?? {}));
    instance.exports.tessera_mount(p, n);
  }));
}
