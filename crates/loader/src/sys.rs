//! The bottom layer: the browser plumbing in `src/js/net.js` and `src/js/page.js`, bound once.
//! No logic here. Those files only do what Rust decided (fetch, stream, dispatch, observe);
//! every check, state change and message is in the Rust modules above this one.
//!
//! A few JavaScript functions replace many `web-sys` bindings and several Rust state machines:
//! each binding costs glue on both sides of the wasm boundary (docs/budget.md).

use alloc::string::String;
use alloc::vec::Vec;
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/net.js")]
extern "C" {
    /// An `AbortController` that aborts itself after a timeout (see [`crate::stop`]).
    pub(crate) type Switch;
    /// A fetch `Response`.
    pub(crate) type Response;

    /// A switch that aborts itself after `ms` milliseconds (`0`: never).
    #[wasm_bindgen(js_name = switchFor)]
    pub(crate) fn switch_for(ms: u32) -> Switch;
    /// Aborts every request and stream on the switch.
    pub(crate) fn abort(switch: &Switch);
    /// Whether the switch was aborted (by [`abort`] or its timeout).
    pub(crate) fn aborted(switch: &Switch) -> bool;
    /// Clears the switch's timeout.
    pub(crate) fn finish(switch: &Switch);

    /// Fetches with retries and the integrity probe; see `fetchRetry` in `net.js`.
    #[wasm_bindgen(js_name = fetchRetry)]
    pub(crate) fn fetch_retry(
        url: &str,
        integrity: Option<&str>,
        options: &Options,
        switch: &Switch,
    ) -> Promise;
    /// How many attempts a rejected [`fetch_retry`] made; `0` when the body failed the
    /// integrity check.
    pub(crate) fn attempts(failure: &JsValue) -> u32;
    /// The response's HTTP status.
    pub(crate) fn status(response: &Response) -> u16;
    /// Stops downloading a body nobody will read.
    pub(crate) fn cancel(response: &Response);
    /// A response header (a string), or `null` when absent; `fetch.rs` reads it as text.
    pub(crate) fn header(response: &Response, name: &str) -> JsValue;
    /// The body as text, refusing bytes that are not UTF-8.
    pub(crate) fn text(response: &Response) -> Promise;
    /// Streams the body through the byte gate (`chunk(bytes, true) -> stop?`) into
    /// `WebAssembly.compileStreaming`.
    pub(crate) fn compile(response: &Response, chunk: &JsValue) -> Promise;
}

#[wasm_bindgen(module = "/src/js/page.js")]
extern "C" {
    /// The loader's options with their defaults applied (`TesseraOptions`), one object per
    /// loader; it also holds what stops the loader's load policies ([`stop_policies`]).
    pub(crate) type Options;
    /// A component's slot: its element and the children it had before the loader took it.
    #[derive(Clone)]
    pub(crate) type SlotRef;

    /// Reads the page's options object (or `undefined`).
    pub(crate) fn options(options: &JsValue) -> Options;
    /// `options.timeoutMs`.
    #[wasm_bindgen(method, getter = timeoutMs)]
    pub(crate) fn timeout_ms(this: &Options) -> u32;
    /// `options.keepAlive`: route components are suspended, not unmounted, when the route no
    /// longer matches.
    #[wasm_bindgen(method, getter = keepAlive)]
    pub(crate) fn keep_alive(this: &Options) -> bool;
    /// `options.isolation === "worker"`: components whose manifest entry names no `isolation`
    /// run in a worker.
    #[wasm_bindgen(method, getter)]
    pub(crate) fn worker(this: &Options) -> bool;
    /// `options.maxCallMs`: the watchdog of worker components whose manifest names none.
    #[wasm_bindgen(method, getter = maxCallMs)]
    pub(crate) fn max_call_ms(this: &Options) -> Option<u32>;

    /// `String(value)`, or `"[object]"` when that throws (a `toString` that throws, a revoked
    /// proxy): a page's argument never throws through the loader's wasm.
    pub(crate) fn string(value: &JsValue) -> String;
    /// A `TesseraError` object.
    #[wasm_bindgen(js_name = tesseraError)]
    pub(crate) fn tessera_error(
        message: &str,
        code: &str,
        component: Option<&str>,
        state: Option<&str>,
        cause: &JsValue,
    ) -> JsValue;
    /// `promise.then(v => next(v, true), e => next(e, false))`.
    pub(crate) fn after(promise: &Promise, next: JsValue) -> Promise;

    /// The slot matching `selector` under `options.root`; throws for an invalid selector.
    #[wasm_bindgen(catch, js_name = findSlot)]
    pub(crate) fn find_slot(options: &Options, selector: &str) -> Result<Option<SlotRef>, JsValue>;
    /// Whether the slot element is in the document.
    pub(crate) fn connected(slot: &SlotRef) -> bool;
    /// Sets `data-tessera-state`.
    #[wasm_bindgen(js_name = markSlot)]
    pub(crate) fn mark_slot(slot: &SlotRef, state: &str);
    /// A detached `<div data-tessera="name">`.
    #[wasm_bindgen(js_name = hostFor)]
    pub(crate) fn host_for(slot: &SlotRef, name: &str) -> web_sys::Element;
    /// Shows `node` instead of what the slot shows (its own children are kept).
    pub(crate) fn show(slot: &SlotRef, node: &web_sys::Element);
    /// Gives the slot its own children back.
    pub(crate) fn restore(slot: &SlotRef);
    /// Keeps what the slot shows, out of the page, and gives the slot its own children back.
    pub(crate) fn suspend(slot: &SlotRef);
    /// Shows what `suspend` kept.
    pub(crate) fn resume(slot: &SlotRef);
    /// Shows the slot's fallback template, else `text`.
    pub(crate) fn fallback(slot: &SlotRef, text: &str);

    /// `tessera:<state>` with `{ name, state, from, code?, message? }`.
    #[wasm_bindgen(js_name = emitState)]
    pub(crate) fn emit_state(
        slot: Option<&SlotRef>,
        name: &str,
        state: &str,
        from: &str,
        code: Option<&str>,
        message: Option<&str>,
    );
    /// `tessera:progress` with `{ name, loaded, total? }`.
    #[wasm_bindgen(js_name = emitProgress)]
    pub(crate) fn emit_progress(slot: &SlotRef, name: &str, loaded: f64, total: Option<f64>);
    /// `tessera:violation` with `{ name, detail, code }`.
    #[wasm_bindgen(js_name = emitViolation)]
    pub(crate) fn emit_violation(slot: &SlotRef, name: &str, detail: &str, code: i32);
    /// `performance.mark` (or, with `end`, `performance.measure`) of `tessera:<name>:<phase>`.
    pub(crate) fn perf(name: &str, phase: &str, end: bool);

    /// `{ mounted: [], failed: [], waiting: [] }`.
    pub(crate) fn summary() -> JsValue;
    /// The nesting depth of JSON data: 0 for a scalar, 1 for `[]` or `{}`.
    pub(crate) fn depth(json: &JsValue) -> usize;
    /// `stats()`'s object: `{ instances, nodes, listeners, timers, subscriptions }`.
    pub(crate) fn stats(
        instances: u32,
        nodes: u32,
        listeners: u32,
        timers: u32,
        subscriptions: u32,
    ) -> JsValue;
    /// Adds `name` to `summary[list]`; with a `code` (not empty), as `{ name, code, message }`.
    pub(crate) fn tally(summary: &JsValue, list: &str, name: &str, code: &str, message: &str);

    /// Calls `f` when the browser is idle.
    #[wasm_bindgen(js_name = whenIdle)]
    pub(crate) fn when_idle(f: &JsValue);
    /// Calls `f` once the slot is visible, until [`stop_policies`].
    #[wasm_bindgen(js_name = whenVisible)]
    pub(crate) fn when_visible(options: &Options, slot: &SlotRef, f: &JsValue);
    /// Calls `f` after every navigation, until [`stop_policies`].
    #[wasm_bindgen(js_name = onNavigate)]
    pub(crate) fn on_navigate(options: &Options, f: &JsValue);
    /// Stops the observers and listeners that `when_visible` and `on_navigate` started for the
    /// loader with these options.
    #[wasm_bindgen(js_name = stopPolicies)]
    pub(crate) fn stop_policies(options: &Options);
    /// `history.pushState` + `tessera:navigate`.
    #[wasm_bindgen(catch)]
    pub(crate) fn navigate(path: &JsValue) -> Result<(), JsValue>;
    /// `location.pathname`.
    pub(crate) fn pathname() -> String;
    /// `new URL(reference, base).href`.
    /// The origin of an absolute URL (`URL.origin`).
    #[wasm_bindgen(js_name = originOf)]
    pub(crate) fn origin_of(url: &str) -> String;
    #[wasm_bindgen(catch, js_name = resolveUrl)]
    pub(crate) fn resolve_url(reference: &str, base: &str) -> Result<String, JsValue>;
    /// `document.baseURI`.
    #[wasm_bindgen(js_name = baseUri)]
    pub(crate) fn base_uri() -> String;

    /// Imports a bindgen glue module.
    #[wasm_bindgen(js_name = importGlue)]
    pub(crate) fn import_glue(options: &Options, url: &str) -> Promise;
    /// `f.call(this, a, b)` as a promise (a throw rejects).
    pub(crate) fn invoke(f: &Function, this: &JsValue, a: &JsValue, b: &JsValue) -> Promise;

    /// A page's bus payload as bytes.
    #[wasm_bindgen(js_name = payloadBytes)]
    pub(crate) fn payload_bytes(payload: &JsValue) -> Vec<u8>;
}

#[wasm_bindgen]
extern "C" {
    /// `undefined`, typed `void` in TypeScript: what a `Tessera` method returns that returns
    /// nothing, so that its shim has the shape of those that return a value (`api.rs`).
    #[wasm_bindgen(typescript_type = "void")]
    pub type Void;
}
