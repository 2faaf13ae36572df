//! Raw browser calls the pipeline needs that `web-sys` does not bind, or binds through more
//! types than the loader wants to pay for. This is the bottom layer: no logic here.

use alloc::{boxed::Box, string::String};
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// Anything slots are looked up in: a `Document`, an `Element`, a `ShadowRoot`.
    pub(crate) type Root;

    /// `root.querySelector(selectors)`; throws a `SyntaxError` for an invalid selector.
    #[wasm_bindgen(method, catch, js_name = querySelector)]
    pub(crate) fn query_selector(
        this: &Root,
        selectors: &str,
    ) -> Result<Option<web_sys::Element>, JsValue>;

    /// The global `fetch(url, init)`.
    #[wasm_bindgen(js_name = fetch)]
    pub(crate) fn fetch(url: &str, init: &web_sys::RequestInit) -> Promise;

    /// `setTimeout(callback, ms)`: a timer id.
    #[wasm_bindgen(js_name = setTimeout)]
    pub(crate) fn set_timeout(callback: &JsValue, ms: f64) -> JsValue;

    /// `clearTimeout(id)`.
    #[wasm_bindgen(js_name = clearTimeout)]
    pub(crate) fn clear_timeout(id: &JsValue);

    /// `requestIdleCallback(callback, options)`; throws where the browser lacks it (Safari).
    #[wasm_bindgen(catch, js_name = requestIdleCallback)]
    pub(crate) fn request_idle_callback(
        callback: &JsValue,
        options: &JsValue,
    ) -> Result<JsValue, JsValue>;

    /// `String(value)`.
    #[wasm_bindgen(js_name = String)]
    pub(crate) fn string(value: &JsValue) -> String;

    /// `performance.mark(name)`.
    #[wasm_bindgen(catch, js_namespace = performance)]
    pub(crate) fn mark(name: &str) -> Result<JsValue, JsValue>;

    /// `performance.measure(name, startMark)`: from that mark to now.
    #[wasm_bindgen(catch, js_namespace = performance)]
    pub(crate) fn measure(name: &str, start_mark: &str) -> Result<JsValue, JsValue>;
}

/// The current document. Panics outside a window (the loader only runs in one).
pub(crate) fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect_throw("tessera needs a document")
}

/// Resolves after `ms` milliseconds.
pub(crate) async fn sleep(ms: f64) {
    let promise = Promise::new(&mut |resolve: Function, _reject: Function| {
        set_timeout(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

#[wasm_bindgen(module = "/src/js/sys.js")]
extern "C" {
    /// `import(url)`, a static expression in `src/js/sys.js`: no code is evaluated from a string.
    #[wasm_bindgen(js_name = importModule)]
    pub(crate) fn import_module(url: &str) -> Promise;
}

/// A future the loader hands to JavaScript as a promise.
pub(crate) type JsTask =
    core::pin::Pin<Box<dyn core::future::Future<Output = Result<JsValue, JsValue>>>>;

/// `task` as a `Promise`. Every promise the loader makes goes through here, so the glue that
/// drives a Rust future from JavaScript exists once in the wasm.
pub(crate) fn promise(task: JsTask) -> Promise {
    wasm_bindgen_futures::future_to_promise(task)
}
