// Worker isolation (docs/abi.md, "Worker mode"): a guest's instance lives in a dedicated worker
// of its own, and the page talks to it in messages. The worker runs the guest's calls and
// records every import call with a copy of the bytes it names; the page replays those records
// through the same Rust imports, checks and refusals as a guest on the main thread (host.js
// serves their reads from the copies). A watchdog ends a worker that does not answer.

const [setTimer, clearTimer, perf, Blob_, URL_, Worker_] = [setTimeout, clearTimeout, performance, Blob, URL,
  typeof Worker == "function" ? Worker : undefined];
const now = perf.now.bind(perf);

/**
 * The worker's whole program. It refers to nothing outside itself: its text is the worker's
 * script. The first message starts the guest; each later one is a call `[k, lead, buffers]`;
 * every answer is `{ records, size, result }` in the order the calls came.
 */
function worker() {
  const perf = performance;
  let f = [], memory, records = [], last = 0, fresh = true, base = 0, ranges;
  const size = () => (memory ? memory.buffer.byteLength : 0);
  // The page's `performance.now()`: the worker's clock starts later.
  const time = () => perf.timeOrigin + perf.now() - base;
  const text = (e) => (e instanceof Error ? e.message : typeof e == "string" ? e : "non-error exception");
  // Import `k` recorded as [k, a, b, c, d, size, ptr, bytes, ptr, bytes]: the copies of the
  // byte ranges it names that lie inside memory. `set_timer` gets its id here (in `c`).
  const record = (k, args) => {
    const r = [k, args[0] ?? 0, args[1] ?? 0, args[2] ?? 0, args[3] ?? 0, size()];
    for (const at of ranges[k]) {
      const ptr = r[1 + at] >>> 0, len = r[2 + at] >>> 0;
      if (ptr + len <= size()) r.push(ptr, new Uint8Array(memory.buffer, ptr, len).slice());
    }
    records.push(r);
  };
  const answer = (result) => {
    postMessage({ records, size: size(), result });
    records = [];
  };
  // A call into export `k` after copying each buffer into a fresh allocation.
  const call = (k, lead, buffers) => {
    try {
      const args = lead.slice();
      for (const bytes of buffers) {
        const ptr = f[1](bytes.length) >>> 0;
        if ((ptr == 0 && bytes.length) || ptr + bytes.length > size()) return { alloc: [bytes.length, ptr] };
        new Uint8Array(memory.buffer, ptr, bytes.length).set(bytes);
        args.push(ptr, bytes.length);
      }
      return { value: Number(f[k](...args)) };
    } catch (e) {
      return { trap: text(e) };
    }
  };
  onmessage = async ({ data }) => {
    if (!data.module) return answer(call(data[0], data[1], data[2]));
    base = data.origin;
    ranges = data.ranges.split(";").map((r) => [...r].map(Number));
    const imports = {};
    data.imports.split(",").forEach((name, k) => {
      imports[name] = (...args) => {
        if (name == "now") return time();
        if (name == "set_timer") args[2] = last = last >= 0x7fffffff ? 1 : last + 1;
        record(k, args);
        return fresh ? -1 : name == "set_timer" ? last : 0;
      };
    });
    let instance;
    try {
      instance = await WebAssembly.instantiate(data.module, { [data.module_name]: imports });
    } catch (e) {
      return postMessage({ records, failed: [e?.name, text(e)] });
    }
    fresh = false;
    const exports = instance.exports;
    f = data.exports.split(",").map((name) => exports[name]);
    memory = exports.memory;
    let found = memory instanceof WebAssembly.Memory ? 1 << f.length : 0;
    f.forEach((g, k) => typeof g == "function" && (found |= 1 << k));
    const started = records;
    records = [];
    // The version check is the first call, answered with the start.
    const version = (found & 1) && (found >> f.length) & 1 ? call(0, [], []) : { value: -1 };
    postMessage({ started, found, records, size: size(), result: version });
    records = [];
  };
}

/** The worker's script, made once: a `blob:` URL of `worker`'s text. */
let script;

/** Why a worker did not start when the browser does not say. */
const REFUSED = "refused (a CSP needs worker-src blob:)";

/** Workers started ahead of need (`warm`), oldest first, each waiting for its first message. */
const ready = [];

/** A new worker running `worker`'s program; it waits for its first message. */
function start() {
  script ??= URL_.createObjectURL(new Blob_(["(" + worker + ")()"], { type: "text/javascript" }));
  return new Worker_(script, { name: "tessera" });
}

/**
 * Starts a worker for a guest whose module is still on its way, so that the worker's thread and
 * script start while it downloads and compiles; `spawn` takes it. A worker that failed to start
 * meanwhile (a CSP without `worker-src blob:`) says so in `failed`.
 */
export function warm() {
  let w;
  try {
    w = start();
  } catch {
    return; // no workers here, or a browser that refuses at once: `spawn` reports it
  }
  w.onerror = (e) => {
    e.preventDefault();
    w.failed = e.message || REFUSED;
  };
  ready.push(w);
}

/**
 * Starts guest `module` in a worker of its own for table `t`: its imports are `module_name`'s
 * `imports` (comma separated), with the byte ranges `ranges` names, its function exports
 * `exports`. Resolves with the start's answer (what `bind` in host.js and the first replay
 * read), or with `{ hung: ms }` when the worker did not answer within `ms` milliseconds; rejects
 * as `WebAssembly.instantiate` would. Later, every answer calls `t.dispatch(REPLY)` with the
 * answer staged in `t.reply`, and a call unanswered after `ms` calls `t.dispatch(HUNG, waited)`.
 */
export function spawn(t, module, module_name, imports, exports, ranges, ms, REPLY, HUNG) {
  return new Promise((resolve, reject) => {
    if (!Worker_) return reject(new Error("workers are not available here"));
    const w = ready.shift() ?? start();
    const failed = (why) => reject(new Error("the component's worker did not start: " + why));
    if (w.failed) return failed(w.failed);
    // `typing`: per element, its `input` and `change` events posted and not yet answered (host.js).
    const r = (t.remote = { w, sent: [], dog: 0, ms, size: 0, segments: [], started: false, typing: new Map() });
    r.hung = (waited) => {
      end(t);
      resolve({ hung: waited });
    };
    w.onmessage = ({ data }) => {
      const call = r.sent.shift();
      const left = call.typed && r.typing.get(call.typed) - 1;
      if (call.typed) left ? r.typing.set(call.typed, left) : r.typing.delete(call.typed);
      clearTimer(r.dog);
      r.dog = 0;
      watch(t);
      t.reply = data;
      if (r.started) {
        t.dispatch(REPLY, 0, 0, 0, 0);
        return call.done();
      }
      r.started = true;
      r.hung = (waited) => t.dispatch(HUNG, waited, 0, 0, 0);
      if (!data.failed) return resolve(data);
      end(t);
      reject(Object.assign(new Error(data.failed[1]), { name: data.failed[0] }));
    };
    // The script itself failed (a page whose CSP has no `worker-src blob:`): a start that failed.
    w.onerror = (e) => {
      e.preventDefault();
      if (r.started) return r.hung(0);
      end(t);
      failed(e.message || REFUSED);
    };
    r.sent.push({ at: now(), done: () => {} });
    w.postMessage({ module, module_name, imports, exports, ranges, origin: perf.timeOrigin });
    watch(t);
  });
}

/** Arms the watchdog for the oldest unanswered call. */
function watch(t) {
  const r = t.remote;
  if (!r || r.dog || !r.sent.length) return;
  r.dog = setTimer(() => {
    r.dog = 0;
    const waited = r.sent.length ? now() - r.sent[0].at : 0;
    if (waited >= r.ms) r.hung(Math.round(waited));
    else watch(t);
  }, Math.max(r.sent[0].at + r.ms - now(), 0));
}

/**
 * Posts call `k` to the worker: its arguments are `lead` (if any), then a pointer and length
 * for each of the first `n` of the buffers `a`, `b`, which the worker allocates. `answered`
 * then gives a promise that resolves once its answer has been replayed, or the worker ended.
 */
export function post(t, k, lead, n, a, b) {
  const r = t.remote;
  if (!r || r.ended) return;
  const buffers = [a, b].slice(0, n).map((bytes) => bytes.slice());
  const call = { at: now(), done: () => {} };
  r.last = new Promise((resolve) => (call.done = resolve));
  r.sent.push(call);
  r.w.postMessage([k, lead === undefined ? [] : [lead], buffers], buffers.map((bytes) => bytes.buffer));
  watch(t);
}

/** The promise of the last call posted (see `post`). */
export const answered = (t) => t.remote?.last;

/** How many calls wait for their answer. */
export const waiting = (t) => t.remote?.sent.length ?? 0;

/**
 * Replays the staged answer through `t.dispatch`, one import at a time, with host.js reading
 * each one's bytes from its copies: the imports made during instantiation when `started`, else
 * those of the call, whose result it returns (its value, or it throws its trap's text).
 */
export function replay(t, started) {
  const reply = t.reply, r = t.remote;
  for (const rec of started ? reply.started : reply.records) {
    r.size = rec[5];
    r.segments = rec.slice(6);
    t.dispatch(rec[0], rec[1], rec[2], rec[3], rec[4]);
  }
  r.size = reply.size;
  r.segments = [];
  if (started) return 0;
  const result = reply.result;
  if (result.trap !== undefined) throw result.trap;
  return result.value ?? NaN;
}

/**
 * Field `i` of the staged answer's failed allocation `[len, ptr]`, when its call could not pass
 * a buffer (`tessera_alloc` gave 0 or a pointer out of bounds).
 */
export const badAlloc = (t, i) => t.reply?.result?.alloc?.[i];

/** How long the worker's start went unanswered, when it did. */
export const startHung = (t) => t.reply?.hung;

/**
 * Ends the worker, and the instance and its memory with it; the calls still waiting count as
 * answered.
 */
export function end(t) {
  const r = t.remote;
  if (!r || r.ended) return;
  r.ended = true;
  clearTimer(r.dog);
  r.w.terminate();
  r.hung = () => {};
  r.sent.forEach((call) => call.done());
  r.sent = [];
}
