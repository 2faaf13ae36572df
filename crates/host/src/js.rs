//! The host's browser calls: the bindings of `src/js/host.js`. No logic here; everything takes
//! and returns numbers and strings, so the host makes no JavaScript objects of its own (each
//! `JsValue` costs a slot in wasm-bindgen's table and code to free it). Ids, counts' selectors
//! and guest arguments, which JavaScript only compares or hands back, cross as `i32`: the same
//! bits as the host's `u32`s, without the `>>> 0` wasm-bindgen's glue adds for a `u32`. Memory
//! offsets stay `u32`.

use alloc::string::String;
use js_sys::{
    Function, Object,
    WebAssembly::{Instance, Module},
};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/host.js")]
extern "C" {
    /// Wraps `host` in the containment frame (its new parent); its closed shadow root.
    pub(super) fn sandbox(host: &web_sys::Element) -> web_sys::ShadowRoot;

    /// One guest's tables: its nodes by id, its listeners, its timers.
    pub(super) type Table;

    /// Tables under `root`; listeners and timers call `dispatch` with kind `event` and `timer`.
    pub(super) fn table(root: &JsValue, dispatch: &JsValue, event: i32, timer: i32) -> Table;
    /// The import object: `{ [module]: { [name]: dispatch(index of name, ...) } }`.
    pub(super) fn imports(table: &Table, module: &str, names: &str) -> Object;

    /// How many timers are live.
    #[wasm_bindgen(js_name = timerCount)]
    pub(super) fn timer_count(table: &Table) -> u32;
    /// Queues DOM edit `op` (docs/abi.md's opcode, already checked against the model) on node
    /// `a`: a new element (tag `s`) or text node (`s`) as node `a`; attribute `s` set to `v` or
    /// removed; text `s`; node `b` appended to `a`, or inserted into `a` before `c`; node `a`
    /// detached and the ids of its subtree released; listener `b` for event `s`, or listener
    /// `a` removed; property `value` (`s`) or `checked` (`b != 0`). [`flush`] applies it.
    pub(super) fn edit(table: &Table, op: u8, a: i32, b: i32, c: i32, s: &str, v: &str);
    /// Applies what the running call queued (edits, timer starts, log lines), after it
    /// returned; `Some` is the text of the first edit the DOM threw on.
    pub(super) fn flush(table: &Table) -> Option<String>;

    /// Records timer `id`; the next [`flush`] arms it.
    #[wasm_bindgen(js_name = startTimer)]
    pub(super) fn start_timer(table: &Table, id: i32, ms: i32, repeat: bool);
    /// Whether timer `id` is live.
    #[wasm_bindgen(js_name = hasTimer)]
    pub(super) fn has_timer(table: &Table, id: i32) -> bool;
    /// Timer `id` fired: whether it is live (a one-shot timer is released).
    #[wasm_bindgen(js_name = timerFired)]
    pub(super) fn timer_fired(table: &Table, id: i32) -> bool;
    /// Fires one-shot timer `id` again after `ms`; a repeating timer keeps its period.
    pub(super) fn postpone(table: &Table, id: i32, ms: i32);
    /// Stops timer `id`.
    #[wasm_bindgen(js_name = stopTimer)]
    pub(super) fn stop_timer(table: &Table, id: i32);

    /// Removes every listener and timer, empties the root, drops the submit guard and the
    /// bound exports.
    pub(super) fn clear(table: &Table);

    /// Binds a fresh instance's exports to the table: the exports named in `names` (comma
    /// separated) and `memory`. Bit `k` of the result: the `k`th name is a function; bit
    /// `names.len()`: `memory` is a `WebAssembly.Memory`.
    pub(super) fn bind(table: &Table, instance: &Instance, names: &str) -> u32;
    /// Calls bound export `k` with up to four `i32`s; `Err` is what it threw (a trap).
    #[wasm_bindgen(catch)]
    pub(super) fn call(
        table: &Table,
        k: i32,
        a: i32,
        b: i32,
        c: i32,
        d: i32,
    ) -> Result<f64, JsValue>;
    /// The bound memory's size in bytes.
    #[wasm_bindgen(js_name = memorySize)]
    pub(super) fn memory_size(table: &Table) -> f64;
    /// Copies `bytes` to `ptr` in the bound memory.
    #[wasm_bindgen(js_name = memoryWrite)]
    pub(super) fn memory_write(table: &Table, ptr: u32, bytes: &[u8]);
    /// Fills `out` from `ptr` in the bound memory.
    #[wasm_bindgen(js_name = memoryRead)]
    pub(super) fn memory_read(table: &Table, ptr: u32, out: &mut [u8]);

    /// Field `key` (`module`, `name`, `kind`: strings) of import `i` of `module`
    /// (`WebAssembly.Module.imports`); `None` past the last import.
    #[wasm_bindgen(js_name = importField)]
    pub(super) fn import_field(module: &Module, i: u32, key: &str) -> Option<String>;
    /// The `kind` of `module`'s export named `name` (`WebAssembly.Module.exports`), if any.
    #[wasm_bindgen(js_name = exportKind)]
    pub(super) fn export_kind(module: &Module, name: &str) -> Option<String>;

    /// Queues `console[debug|info|warn|error|log]("[name]", text)` for the next [`flush`].
    pub(super) fn log(table: &Table, level: i32, name: &str, text: &str);
    /// `performance.now()`.
    pub(super) fn now() -> f64;
    /// Runs `f` in a microtask, or in a task of its own when `task`.
    pub(super) fn later(f: &JsValue, task: bool);
    /// Calls a page subscriber `f(topic, copy of payload)`, logging what it throws.
    pub(super) fn deliver(f: &Function, topic: &str, payload: &[u8]);
    /// The origin of `url` resolved against the root's document, `""` unless `http(s)`.
    pub(super) fn origin(table: &Table, url: &str) -> String;
    /// The text of a thrown value.
    #[wasm_bindgen(js_name = errorText)]
    pub(super) fn error_text(error: &JsValue) -> String;
}

#[wasm_bindgen(module = "/src/js/remote.js")]
extern "C" {
    /// Starts `module` in a worker of its own for `table` (worker isolation): its imports are
    /// `module_name`'s `imports`, whose byte ranges `ranges` names (`IMPORT_BYTES_CSV`), its
    /// function exports `exports`; `ms` is the watchdog. Later answers call the dispatcher
    /// with `reply`, a call unanswered for `ms` with `hung`. Resolves with the start's answer.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn spawn(
        table: &Table,
        module: &Module,
        module_name: &str,
        imports: &str,
        exports: &str,
        ranges: &str,
        ms: u32,
        reply: i32,
        hung: i32,
    ) -> js_sys::Promise;
    /// Starts a worker ahead of need, for the next [`spawn`] to take.
    pub(super) fn warm();
    /// Posts call `k` to the worker: `lead` (if any), then the first `n` of `a`, `b`.
    pub(super) fn post(table: &Table, k: i32, lead: Option<u32>, n: u32, a: &[u8], b: &[u8]);
    /// How many posted calls wait for their answer.
    pub(super) fn waiting(table: &Table) -> u32;
    /// Replays the staged answer's imports through the dispatcher: those of instantiation
    /// when `started`, else those of the call, whose value it returns; `Err` is its trap.
    #[wasm_bindgen(catch)]
    pub(super) fn replay(table: &Table, started: bool) -> Result<f64, JsValue>;
    /// Field `i` of the staged answer's failed allocation `[len, ptr]`, if any.
    #[wasm_bindgen(js_name = badAlloc)]
    pub(super) fn bad_alloc(table: &Table, i: u32) -> Option<u32>;
    /// How long the worker's start went unanswered, when it did.
    #[wasm_bindgen(js_name = startHung)]
    pub(super) fn start_hung(table: &Table) -> Option<u32>;
    /// A promise that resolves once the last posted call was answered and its answer
    /// replayed, or the worker ended.
    pub(super) fn answered(table: &Table) -> Option<js_sys::Promise>;
    /// Ends the worker, and the instance and its memory with it.
    pub(super) fn end(table: &Table);
}
